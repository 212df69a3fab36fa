/**
 * Finding 8 in compose: each service gets only the variables on its list and each secret only
 * the services that need it; the repository file passes, the pre-fix shape (a shared .env) and
 * a secret smuggled into another service fail by name.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
// @ts-expect-error plain ESM script (run by node without a build), no type declarations
import { checkServiceEnvironments, runEnvChecks } from './check-compose-env.mjs';
// @ts-expect-error plain ESM script
import { interpolateDeep, parseEnvFile } from './compose-rules.mjs';
// @ts-expect-error plain ESM script
import { loadYaml, withPlaceholders } from './check-compose.mjs';

type Finding = { ok: boolean; what: string };
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const failed = (findings: Finding[]) => findings.filter((f) => !f.ok).map((f) => f.what);

/** The repository's compose file interpolated like the check does, for breaking one thing at a time. */
function repositoryDoc() {
  const example = parseEnvFile(readFileSync(resolve(ROOT, '.env.example'), 'utf8'));
  const env = withPlaceholders(example);
  const placeholders = Object.fromEntries(Object.entries(env).filter(([k, v]) => /(SECRET|PASSWORD|_KEY)$/.test(k) && v !== example[k]));
  const doc = interpolateDeep(loadYaml(readFileSync(resolve(ROOT, 'docker-compose.yml'), 'utf8')), env).value;
  const files = { envFile: (p: string) => (p.endsWith('.env') ? env : {}) };
  return { doc, placeholders, files, env };
}

describe('docker-compose.yml: variables and secrets per service', () => {
  it('the repository file passes: no service gets a variable or a secret outside its list', () => {
    const findings: Finding[] = runEnvChecks(resolve(ROOT, 'docker-compose.yml'), resolve(ROOT, '.env.example'));
    expect(failed(findings)).toEqual([]);
    expect(findings.some((f) => f.what === 'secret SECRETS_KEY: reaches only provisioning')).toBe(true);
  });

  it('fails the shared .env of before the fix, naming what the web and the projector should not hold', () => {
    const { doc, placeholders, files } = repositoryDoc();
    for (const name of ['provisioning', 'web', 'tenant-lookup-projector']) doc.services[name].env_file = [{ path: './.env', required: false }];
    const problems = failed(checkServiceEnvironments(doc, placeholders, files));
    expect(problems).toEqual(
      expect.arrayContaining([
        'web: may receive SECRETS_KEY',
        'web: may receive MARIADB_ROOT_PASSWORD',
        'tenant-lookup-projector: may receive PROVISIONING_API_SECRET',
        'secret SECRETS_KEY: reaches only provisioning (also: tenant-lookup-projector, web)',
        'secret MARIADB_ROOT_PASSWORD: reaches only mariadb, provisioning (also: tenant-lookup-projector, web)',
      ]),
    );
  });

  it('fails a secret given under another name, and a service nobody listed', () => {
    const { doc, placeholders, files, env } = repositoryDoc();
    doc.services.web.environment.DB_URL = `mysql://root:${env.MARIADB_ROOT_PASSWORD}@mariadb:3306`;
    doc.services.mailer = { image: 'mailer:1.0', environment: { SMTP_PASSWORD: 'x' } };
    expect(failed(checkServiceEnvironments(doc, placeholders, files))).toEqual([
      'web: may receive DB_URL',
      'mailer: has an allow-list of variables in scripts/src/check-compose-env.mjs',
      'mailer: may receive SMTP_PASSWORD',
      'secret MARIADB_ROOT_PASSWORD: reaches only mariadb, provisioning (also: web)',
    ]);
  });
});
