/**
 * `npm run provisioning`: parse config and check the bench (refuse to start naming the bad
 * variable), open the event store, listen, and say which store and which bench are in use.
 */
import { createProvisioningApp } from './bootstrap.js';
import { checkBench, type BenchFacts } from './bench/bench-check.js';
import { drivesBench, type BenchConfig } from './bench/bench-config.js';
import { ConfigError, parseConfig } from './config/config.js';

/** Exit 78 (EX_CONFIG) naming the variable to fix: a supervisor should not restart into the same error. */
function refuse(e: ConfigError): never {
  process.stderr.write(`provisioning: refusing to start: ${e.message}\n`);
  process.exit(78);
}

const describeBench = (c: BenchConfig, facts: BenchFacts): string => `${c.bin}${facts.version ? ` ${facts.version}` : ''} in ${c.path}${c.frappeUrl ? `, sites over HTTP at ${c.frappeUrl}` : ''}`;

async function main(): Promise<void> {
  let config;
  try {
    config = parseConfig(process.env);
  } catch (e) {
    if (e instanceof ConfigError) refuse(e);
    throw e;
  }

  // Only an instance that drives bench needs a working one (an API-only replica does not).
  let bench = 'none (process manager off, no pool)';
  try {
    if (drivesBench(config)) bench = describeBench(config.bench, await checkBench(config.bench));
  } catch (e) {
    if (e instanceof ConfigError) refuse(e);
    throw e;
  }
  const service = await createProvisioningApp(config);
  const url = await service.listen();
  service.logger.info(
    { url, eventStore: service.eventStore.description, keyStore: service.keyStore.description, bench },
    `provisioning listening on ${url}; event store: ${service.eventStore.description}; bench: ${bench}`,
  );
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
  if (e instanceof ConfigError) refuse(e);
  process.stderr.write(`provisioning: failed to start: ${(e as Error).message}\n`);
  process.exit(1);
});
