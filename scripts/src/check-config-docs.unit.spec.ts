import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error plain ESM script (run by node without a build), no type declarations
import { checkConfigDocs, documentedVariables, variablesReadByCode } from './check-config-docs.mjs';

type Finding = { ok: boolean; what: string };

describe('check-config-docs', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'config-docs-'));
    mkdirSync(join(root, 'services/x/src'), { recursive: true });
    mkdirSync(join(root, 'services/x/node_modules/dep'), { recursive: true });
    mkdirSync(join(root, 'docs'));
    writeFileSync(
      join(root, 'services/x/src/config.ts'),
      ['const a = process.env.ALPHA_URL;', "const b = env['BETA_KEY'];", "const c = int(env, 'GAMMA_MS', 5, 0, 9);", 'const d = process.env.NODE_ENV;'].join('\n'),
    );
    writeFileSync(join(root, 'services/x/node_modules/dep/index.js'), 'process.env.IGNORED_DEP');
    writeFileSync(join(root, 'docker-compose.yml'), 'services: {}\n');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const docs = (rows: string[], testOnly = '') =>
    writeFileSync(join(root, 'docs/configuration.md'), ['| variable | x |', '|---|---|', ...rows.map((r) => `| \`${r}\` | x |`), '', '## Test-only variables', testOnly].join('\n'));

  it("finds variables read as process.env.X, env['X'] and helper(env, 'X'), skipping node_modules and platform ones", () => {
    expect([...variablesReadByCode(root).keys()].sort()).toEqual(['ALPHA_URL', 'BETA_KEY', 'GAMMA_MS']);
  });

  it('reads the first column of the table and the test-only section', () => {
    const d = documentedVariables('| `A_B` | x |\n| **Group** | |\n## Test-only and more\n`T_ONE` and `T_TWO`');
    expect([...d.table]).toEqual(['A_B']);
    expect([...d.testOnly]).toEqual(['T_ONE', 'T_TWO']);
  });

  it('passes when code, table and .env.example agree, with commented-out example lines', () => {
    docs(['ALPHA_URL', 'BETA_KEY', 'GAMMA_MS']);
    writeFileSync(join(root, '.env.example'), 'ALPHA_URL=x\n# BETA_KEY=\n# (set by compose) GAMMA_MS=1\n');
    expect((checkConfigDocs(root) as Finding[]).filter((f) => !f.ok)).toEqual([]);
  });

  it('names an undocumented variable and a row missing from .env.example', () => {
    docs(['ALPHA_URL', 'GAMMA_MS']);
    writeFileSync(join(root, '.env.example'), 'ALPHA_URL=x\n');
    expect((checkConfigDocs(root) as Finding[]).filter((f) => !f.ok).map((f) => f.what)).toEqual([
      'BETA_KEY (read in services/x/src/config.ts) is documented',
      'documented GAMMA_MS is listed in .env.example (set or commented out)',
    ]);
  });

  it('names a row that nothing reads any more', () => {
    docs(['ALPHA_URL', 'BETA_KEY', 'GAMMA_MS'], '`STALE_TEST_ONLY`');
    writeFileSync(join(root, '.env.example'), 'ALPHA_URL=x\nBETA_KEY=\nGAMMA_MS=1\n');
    writeFileSync(join(root, 'docs/configuration.md'), `| \`GONE_NOW\` | x |\n${'| `ALPHA_URL` | x |\n| `BETA_KEY` | x |\n| `GAMMA_MS` | x |'}\n`);
    expect((checkConfigDocs(root) as Finding[]).filter((f) => !f.ok).map((f) => f.what)).toEqual([
      'documented GONE_NOW is listed in .env.example (set or commented out)',
      'documented GONE_NOW is still read by the code, the compose file or .env.example',
    ]);
  });
});
