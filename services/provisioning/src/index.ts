/** What other packages use from the provisioning write side. */
export * from './tenants/commands.js';
export { decide, type TenantDraft } from './tenants/decide.js';
export { DomainError, isDomainError, type ErrorCode, type FieldError } from './shared/domain-error.js';
