/** The one start-up banner: where to click, which stores and which bench are in use, what next. */
export const mask = (url: string): string => url.replace(/\/\/([^:/@]+):([^@]+)@/, '//$1:***@');

/** The web's and the API's pages that answered when the stack came up; the banner lists only those. */
export interface Answering {
  readonly signup: boolean;
  readonly docs: boolean;
  readonly health: boolean;
  readonly metrics: boolean;
}

export function banner(o: {
  webUrl: string;
  apiUrl: string;
  /** The mail catcher's page, when `npm start` runs it; undefined when SMTP_URL came from the shell. */
  mailboxUrl?: string;
  env: Record<string, string>;
  dataDir: string;
  secretsFile: string;
  secretsCreated: boolean;
  simulated: boolean;
  /** Which pages answered; a missing page is left out rather than printed as a dead link. */
  answering?: Answering;
  /** The local OpenID provider standing in for Google (`--google-stub`), when it runs. */
  googleStubUrl?: string;
}): string {
  const ok: Answering = o.answering ?? { signup: true, docs: true, health: true, metrics: true };
  const apiPages = (
    [
      ['docs', 'docs'],
      ['health', 'health'],
      ['metrics', 'metrics'],
    ] as const
  )
    .filter(([key]) => ok[key])
    .map(([key, path]) => `${key} ${o.apiUrl}/${path}`);
  const mail = o.mailboxUrl
    ? [`  Mailbox (every email the product sends): ${o.mailboxUrl}`]
    : o.env.SMTP_URL
      ? [`  Email            sent through SMTP_URL from your shell, ${mask(o.env.SMTP_URL)} (no local mailbox)`]
      : [];
  const lines = [
    '',
    '  Tenant lifecycle service is running',
    '',
    ...(ok.signup ? [`  Sign up          ${o.webUrl}/signup`] : []),
    `  Web app          ${o.webUrl}`,
    `  Provisioning API ${o.apiUrl}${apiPages.length > 0 ? `   (${apiPages.join(', ')})` : ''}`,
    ...mail,
    ...(o.googleStubUrl ? [`  Google sign-in   local stand-in at ${o.googleStubUrl} (any email, any password; not Google)`] : []),
    // OPS_EMAILS comes from the shell (child-env passes it to the web); say how to become an operator.
    `  Operations       ${o.webUrl}/ops for the addresses in OPS_EMAILS: OPS_EMAILS=you@example.com npm start, sign in as you`,
    '',
    `  Event store      ${mask(o.env.EVENT_STORE_URL)}`,
    `  Read model       ${mask(o.env.READ_MODEL_URL)}`,
    `  Bench            ${o.simulated ? `simulator (bench-sim) on ${o.env.BENCH_PATH}, latencies ${o.env.BENCH_SIM_LATENCY}` : `${o.env.BENCH_BIN} on ${o.env.BENCH_PATH}`}`,
    `  Dev secrets      ${o.secretsFile} (${o.secretsCreated ? 'generated now' : 'reused'}; development only)`,
    '',
    '  Production: set EVENT_STORE_URL=esdb://..., READ_MODEL_URL=mongodb://..., BENCH_PATH=<your frappe-bench>,',
    '  BENCH_BIN=bench and SMTP_URL=smtps://<your mail server> with real secrets, or use docker-compose.yml',
    '  (docs/operations.md).   Audit and ops: npx tenantctl --help.   Stop: Ctrl-C.',
    '',
  ];
  const width = Math.min(100, Math.max(...lines.map((l) => l.length)) + 2);
  const rule = '='.repeat(width);
  return [rule, ...lines, rule].join('\n');
}
