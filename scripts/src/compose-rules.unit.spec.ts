import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
// @ts-expect-error plain ESM script (run by node without a build), no type declarations
import { checkCompose, checkDockerfile, checkDockerfileSources, checkVariables, interpolate, isDockerIgnored, isPinnedImage, parseEnvFile } from './compose-rules.mjs';
// @ts-expect-error plain ESM script
import { runChecks } from './check-compose.mjs';

type Finding = { ok: boolean; what: string };
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const failed = (findings: Finding[]) => findings.filter((f) => !f.ok).map((f) => f.what);

const GOOD_DOCKERFILE = 'FROM node:20 AS build\nRUN npm ci\nFROM node:20-slim\nUSER node\nCMD ["node"]\n';
const files = (dockerfile = GOOD_DOCKERFILE) => ({ exists: () => true, read: () => dockerfile });

/** A minimal compose document that satisfies every rule; each test breaks one thing. */
function goodDoc(): any {
  return {
    services: {
      migrate: { image: 'app:1.0.0', restart: 'no' },
      db: {
        image: 'mariadb:10.6.20',
        restart: 'unless-stopped',
        volumes: ['db-data:/var/lib/mysql'],
        healthcheck: { test: ['CMD', 'healthcheck.sh', '--connect'] },
      },
      api: {
        build: { context: '.', dockerfile: 'api/Dockerfile' },
        image: 'app:1.0.0',
        restart: 'unless-stopped',
        ports: ['127.0.0.1:4000:4000'],
        healthcheck: { test: ['CMD-SHELL', 'true'] },
        depends_on: { db: { condition: 'service_healthy' }, migrate: { condition: 'service_completed_successfully' } },
      },
    },
    volumes: { 'db-data': null },
  };
}

describe('the repository docker-compose.yml', () => {
  it('passes every structural check with .env.example', () => {
    const findings: Finding[] = runChecks(resolve(ROOT, 'docker-compose.yml'), resolve(ROOT, '.env.example'));
    expect(failed(findings)).toEqual([]);
    expect(findings.length).toBeGreaterThan(100);
  });
});

describe('compose interpolation', () => {
  it('unescapes $$ and substitutes plain references', () => {
    expect(interpolate('$$host ${A} $A', { A: 'x' }).value).toBe('$host x x');
  });
  it('uses :- defaults for unset and empty values, - defaults only for unset ones', () => {
    expect(interpolate('${A:-d}|${B:-d}|${A-d}|${B-d}', { A: '' }).value).toBe('d|d||d');
  });
  it('reports :? for unset or empty values, naming the variable', () => {
    const r = interpolate('${A:?set A}${B:?set B}', { A: '' });
    expect(r.errors).toEqual(['A: set A', 'B: set B']);
    expect(interpolate('${A:?set A}', { A: 'v' }).errors).toEqual([]);
  });
  it('records every variable read with its operator', () => {
    expect(interpolate('${A:-${B}} ${C:?c}', {}).refs.map((r: { name: string; op: string }) => `${r.name}${r.op}`)).toEqual(['A:-', 'C:?']);
  });
});

describe('compose rules', () => {
  it('accept the minimal good document', () => {
    expect(failed(checkCompose(goodDoc(), files()))).toEqual([]);
  });
  it('reject a long-running service without a health check', () => {
    const doc = goodDoc();
    delete doc.services.db.healthcheck;
    expect(failed(checkCompose(doc, files()))).toEqual(expect.arrayContaining(['db: long-running service has a health check']));
  });
  it('reject a service without a restart policy', () => {
    const doc = goodDoc();
    delete doc.services.api.restart;
    expect(failed(checkCompose(doc, files()))).toEqual(['api: has a restart policy (got none)']);
  });
  it('reject unpinned images', () => {
    expect(isPinnedImage('redis')).toBe(false);
    expect(isPinnedImage('redis:latest')).toBe(false);
    expect(isPinnedImage('localhost:5000/redis')).toBe(false);
    expect(isPinnedImage('docker.kurrent.io/kurrent-latest/kurrentdb:25.0.1')).toBe(true);
    expect(isPinnedImage(`redis@sha256:${'a'.repeat(64)}`)).toBe(true);
  });
  it('reject a named volume that is not declared, and a declared one nobody uses', () => {
    const doc = goodDoc();
    doc.services.api.volumes = ['cache:/cache', './local:/local:ro'];
    doc.volumes.unused = null;
    expect(failed(checkCompose(doc, files()))).toEqual(['api: named volume "cache" is declared under volumes:', 'volume "unused" is used by a service']);
  });
  it('reject a port published on every interface', () => {
    const doc = goodDoc();
    doc.services.api.ports = ['4000:4000'];
    expect(failed(checkCompose(doc, files()))).toEqual(['api: port "4000:4000" binds a chosen address by default, not every interface']);
  });
  it('reject a one-shot job that nothing waits for', () => {
    const doc = goodDoc();
    doc.services.api.depends_on.migrate.condition = 'service_started';
    expect(failed(checkCompose(doc, files()))).toEqual(['migrate: one-shot job (restart "no") is awaited with service_completed_successfully']);
  });
  it('reject waiting for health of a service that has no health check', () => {
    const doc = goodDoc();
    doc.services.api.depends_on = { migrate: { condition: 'service_healthy' } };
    expect(failed(checkCompose(doc, files()))).toEqual(expect.arrayContaining(['api: waits for "migrate" to be healthy, and it has a health check']));
  });
  it('reject a single-stage Dockerfile, or one whose final stage runs as root', () => {
    expect(failed(checkDockerfile('FROM node:20\nRUN npm ci\nUSER node\n'))).toEqual(['is multi-stage (1 FROM lines)']);
    expect(failed(checkDockerfile('FROM node:20 AS b\nUSER node\nRUN npm ci\nFROM node:20-slim\nUSER root\n'))).toEqual(['final stage runs as a non-root USER (got root)']);
    expect(failed(checkDockerfile('FROM node:20 AS b\nUSER node\nRUN npm ci\nFROM node:20-slim\n'))).toEqual(['final stage runs as a non-root USER (got none)']);
  });
});

describe('Dockerfile sources against the build context', () => {
  const ignore = '# c\n**/node_modules\n**/dist\n.env\n.env.*\n!.env.example\ncerts\n*.md\n';
  it('matches .dockerignore rules as Docker does: ** at any depth, last rule wins, ! re-includes, root-only plain globs', () => {
    expect(isDockerIgnored('node_modules', ignore)).toBe(true);
    expect(isDockerIgnored('libs/a/node_modules/x.js', ignore)).toBe(true);
    expect(isDockerIgnored('libs/a/dist', ignore)).toBe(true);
    expect(isDockerIgnored('.env.production', ignore)).toBe(true);
    expect(isDockerIgnored('.env.example', ignore)).toBe(false);
    expect(isDockerIgnored('certs/ca/ca.crt', ignore)).toBe(true);
    expect(isDockerIgnored('README.md', ignore)).toBe(true);
    expect(isDockerIgnored('web/README.md', ignore)).toBe(false);
    expect(isDockerIgnored('libs/a/src/index.ts', ignore)).toBe(false);
  });
  it('flags a COPY of a missing path and of an excluded one, and skips COPY --from and heredocs', () => {
    const dockerfile = ['FROM node:20 AS b', 'COPY package.json libs/a/dist ./', 'COPY missing.txt /x', 'COPY --from=b /src/dist /app', "COPY <<'EOF' /probe.mjs", 'EOF'].join('\n');
    const exists = (p: string) => p !== 'missing.txt';
    expect(failed(checkDockerfileSources(dockerfile, { exists }, ignore))).toEqual(['COPY source libs/a/dist is not excluded by .dockerignore', 'COPY source missing.txt exists']);
  });
});

describe('variables against .env.example', () => {
  const example = parseEnvFile('# c\nROOT_DOMAIN=example.com\nSECRETS_KEY=\nAPI_PASSWORD="" # quoted\n');
  it('parses dotenv lines, comments and quotes', () => {
    expect(example).toEqual({ ROOT_DOMAIN: 'example.com', SECRETS_KEY: '', API_PASSWORD: '' });
  });
  it('flag a secret with a default, a secret that is not required, and a variable not documented', () => {
    const refs = [...interpolate('${SECRETS_KEY:-abc} ${API_PASSWORD} ${ROOT_DOMAIN} ${UNDOCUMENTED:-x}', {}).refs];
    expect(failed(checkVariables(refs, example))).toEqual([
      'secret API_PASSWORD is required (${API_PASSWORD:?...}): compose stops when it is missing',
      'secret SECRETS_KEY has no default in the compose file',
      'secret SECRETS_KEY is required (${SECRETS_KEY:?...}): compose stops when it is missing',
      'variable UNDOCUMENTED is listed in .env.example',
    ]);
  });
  it('flag a secret that .env.example fills in', () => {
    const refs = interpolate('${SECRETS_KEY:?x}', {}).refs;
    expect(failed(checkVariables(refs, { SECRETS_KEY: 'oops' }))).toEqual(['secret SECRETS_KEY is empty in .env.example']);
  });
});
