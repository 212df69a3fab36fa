/**
 * tenantctl's exit codes, a contract with scripts and CI:
 *   0  ok
 *   1  a problem was found (broken hash chain, unknown tenant, the API refused the command)
 *   2  usage error (unknown command or option, bad argument such as an unparsable --as-of)
 *   3  cannot reach a store or the service (event store, read model, provisioning API)
 */
export const EXIT = Object.freeze({ OK: 0, PROBLEM: 1, USAGE: 2, UNREACHABLE: 3 });
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export const EXIT_CODES_HELP = `
Exit codes:
  0  ok
  1  problem found (hash chain broken, tenant not found, command refused by the API)
  2  usage error (unknown command/option, bad argument)
  3  cannot reach the event store, the read model or the provisioning API`;

export class CliError extends Error {
  constructor(
    readonly exitCode: ExitCode,
    message: string,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export const usage = (message: string): CliError => new CliError(EXIT.USAGE, message);
export const problem = (message: string): CliError => new CliError(EXIT.PROBLEM, message);
export const unreachable = (what: string, err: unknown): CliError => new CliError(EXIT.UNREACHABLE, `cannot reach ${what}: ${err instanceof Error ? err.message : String(err)}`);
