/**
 * Secrets passed on bench's command line must not leave through its output, a log line or an
 * event: every secret value is replaced wherever it appears, and any `--...password value`
 * pair is masked as a second net for values we did not know about.
 */
const PASSWORD_OPTION = /(--[a-z-]*password(?:=|\s+))(?!\*\*\*)(\S+)/gi;

export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  // Longest first, so a secret that contains another is masked whole.
  for (const s of [...secrets].filter((x) => x.length > 0).sort((a, b) => b.length - a.length)) out = out.split(s).join('***');
  return out.replace(PASSWORD_OPTION, '$1***');
}

export function redactArgs(args: readonly string[], secrets: readonly string[]): string[] {
  const set = new Set(secrets.filter((s) => s.length > 0));
  return args.map((a) => (set.has(a) ? '***' : redact(a, secrets)));
}

/** The last `lines` lines (at most `maxChars` characters) of a command's output. */
export function tail(text: string, lines = 20, maxChars = 4000): string {
  const t = text.replace(/\s+$/, '').split('\n').slice(-lines).join('\n');
  return t.length > maxChars ? t.slice(-maxChars) : t;
}
