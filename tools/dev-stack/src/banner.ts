/** The one start-up banner: where to click, which stores and which bench are in use, what next. */
const mask = (url: string): string => url.replace(/\/\/([^:/@]+):([^@]+)@/, '//$1:***@');

export function banner(o: {
  webUrl: string;
  apiUrl: string;
  env: Record<string, string>;
  dataDir: string;
  secretsFile: string;
  secretsCreated: boolean;
  simulated: boolean;
}): string {
  const lines = [
    '',
    '  Tenant lifecycle service is running',
    '',
    `  Sign up          ${o.webUrl}/signup`,
    `  Web app          ${o.webUrl}`,
    `  Provisioning API ${o.apiUrl}   (docs ${o.apiUrl}/docs, health ${o.apiUrl}/health, metrics ${o.apiUrl}/metrics)`,
    '',
    `  Event store      ${mask(o.env.EVENT_STORE_URL)}`,
    `  Read model       ${mask(o.env.READ_MODEL_URL)}`,
    `  Bench            ${o.simulated ? `simulator (bench-sim) on ${o.env.BENCH_PATH}, latencies ${o.env.BENCH_SIM_LATENCY}` : `${o.env.BENCH_BIN} on ${o.env.BENCH_PATH}`}`,
    `  Dev secrets      ${o.secretsFile} (${o.secretsCreated ? 'generated now' : 'reused'}; development only)`,
    '',
    '  Production: set EVENT_STORE_URL=esdb://..., READ_MODEL_URL=mongodb://..., BENCH_PATH=<your frappe-bench>',
    '  and BENCH_BIN=bench with real secrets, or use docker-compose.yml (docs/operations.md).',
    '  Audit and ops: npx tenantctl --help.   Stop: Ctrl-C.',
    '',
  ];
  const width = Math.min(100, Math.max(...lines.map((l) => l.length)) + 2);
  const rule = '='.repeat(width);
  return [rule, ...lines, rule].join('\n');
}
