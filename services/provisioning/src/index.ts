/** What other packages use from the provisioning write side. */
export * from './tenants/commands.js';
export { decide, type TenantDraft } from './tenants/decide.js';
export { DomainError, isDomainError, type ErrorCode, type FieldError } from './shared/domain-error.js';
export { createProvisioningApp, type ProvisioningApp, type ProvisioningAppOptions } from './bootstrap.js';
export { AppModule } from './app.module.js';
export { CoreModule } from './core.module.js';
export { parseConfig, ConfigError, type ProvisioningConfig } from './config/config.js';
export { CONFIG, EVENT_STORE, KEY_STORE, LOGGER } from './config/tokens.js';
export { TenantCommandService, type TenantCommandResult } from './tenants/tenant-command.service.js';
export { ExecuteTenantCommand } from './tenants/tenant-command.handler.js';
export { TenantRepository } from './tenants/tenant-repository.js';
export { SecretsService } from './secrets/secrets.service.js';
export { statusView } from './tenants/status-view.js';
