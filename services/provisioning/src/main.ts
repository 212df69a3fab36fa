/**
 * `npm run provisioning`: parse config (refuse to start naming the bad variable), open the event
 * store, listen, and say which store is in use.
 */
import { createProvisioningApp } from './bootstrap.js';
import { ConfigError, parseConfig } from './config/config.js';

async function main(): Promise<void> {
  let config;
  try {
    config = parseConfig(process.env);
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`provisioning: refusing to start: ${e.message}\n`);
      process.exit(78);
    }
    throw e;
  }
  const service = await createProvisioningApp(config);
  const url = await service.listen();
  service.logger.info({ url, eventStore: service.eventStore.description, keyStore: service.keyStore.description }, `provisioning listening on ${url}; event store: ${service.eventStore.description}`);
  const stop = async (signal: string) => {
    service.logger.info({ signal }, 'shutting down');
    await service.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((e) => {
  // Module-level settings (the process manager's) are parsed while the app is built.
  if (e instanceof ConfigError) {
    process.stderr.write(`provisioning: refusing to start: ${e.message}\n`);
    process.exit(78);
  }
  process.stderr.write(`provisioning: failed to start: ${(e as Error).message}\n`);
  process.exit(1);
});
