/**
 * The command line, shaped like bench v15's click commands: `--site` goes before the command,
 * unknown options and commands are usage errors (exit 2, click's wording).
 */
import { Command, CommanderError } from 'commander';
import { Bench } from './bench-dir.js';
import type { Ctx } from './context.js';
import { addDomain, setConfig } from './commands/config.js';
import { dropSite } from './commands/drop-site.js';
import { execute } from './commands/execute.js';
import { initBench } from './commands/init.js';
import { installApp } from './commands/install-app.js';
import { newSite } from './commands/new-site.js';
import { addPlainUser, addSystemManager, enableScheduler, setAdminPassword, setPassword } from './commands/users.js';

const collect = (v: string, acc: string[] = []): string[] => [...acc, v];

/** click-style wording for commander's errors. */
export function clickError(message: string): string {
  const m = message.replace(/^error: /, '').trim();
  let text = m;
  let r: RegExpExecArray | null;
  if ((r = /^unknown option '([^']+)'/.exec(m))) text = `No such option: ${r[1]}`;
  else if ((r = /^unknown command '([^']+)'/.exec(m))) text = `No such command '${r[1]}'.`;
  else if ((r = /^missing required argument '([^']+)'/.exec(m))) text = `Missing argument '${r[1].toUpperCase()}'.`;
  else if ((r = /^option '([^']+)' argument missing/.exec(m))) text = `Option '${r[1].split(' ')[0].replace(/^-[a-z], /, '')}' requires an argument.`;
  else if (/^too many arguments/.test(m)) text = 'Got unexpected extra argument.';
  return `Usage: bench [OPTIONS] COMMAND [ARGS]...\nTry 'bench --help' for help.\n\nError: ${text}\n`;
}

/** The invocation the program serves: one per command, so a daemon's invocations share nothing. */
export interface ProgramIo {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  /** Raw writes to the invocation's stdout and stderr (help text and usage errors included). */
  writeOut(text: string): void;
  writeErr(text: string): void;
}

/**
 * Builds the program. `makeCtx` is called once the command is known, so `init` can run outside
 * a bench and everything else fails cleanly when cwd is not one.
 */
export function buildProgram(io: ProgramIo, makeCtx: (bench: Bench, siteFlag?: string) => Ctx): Command {
  const out = (s: string): void => io.writeOut(s + '\n');
  const program = new Command('bench')
    .description('Bench manager for Frappe (simulator)')
    .enablePositionalOptions()
    .option('--site <site>', 'site name, or "all"')
    .option('--verbose', 'verbose output')
    .option('--force', 'force')
    .option('--profile', 'profile')
    // The bench version recorded with Frappe v15.50 (fixtures/frappe-v15); `bench --version` prints it alone.
    .version('5.22.3', '--version', 'Show the version and exit.')
    .exitOverride()
    // Commander writes to process.stdout/stderr and sizes help to the terminal by default: in a
    // daemon those are the daemon's, so everything goes to the invocation, at a fixed width.
    .configureOutput({
      writeOut: io.writeOut,
      writeErr: io.writeErr,
      outputError: (str, write) => write(clickError(str)),
      getOutHelpWidth: () => 80,
      getErrHelpWidth: () => 80,
      getOutHasColors: () => false,
      getErrHasColors: () => false,
    });

  const ctx = (): Ctx => makeCtx(Bench.fromCwd(io.cwd), program.opts().site as string | undefined);

  program
    .command('init')
    .argument('<folder>')
    .option('--apps <list>', 'apps to lay out', 'frappe,erpnext')
    .description('Create a fresh bench folder (simulator)')
    .action((folder: string, o: { apps: string }) =>
      initBench(
        io,
        folder,
        o.apps
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
        out,
      ),
    );

  program
    .command('new-site')
    .argument('<site>')
    .option('--db-name <name>')
    .option('--db-password <password>')
    .option('--db-type <type>')
    .option('--db-host <host>')
    .option('--db-port <port>')
    .option('--db-root-username <user>')
    .option('--mariadb-root-username <user>')
    .option('--db-root-password <password>')
    .option('--mariadb-root-password <password>')
    .option('--no-mariadb-socket', 'DEPRECATED')
    .option('--mariadb-user-host-login-scope <scope>')
    .option('--admin-password <password>')
    .option('--verbose')
    .option('--force')
    .option('--source-sql <file>')
    .option('--install-app <app>', 'install app after installation', collect)
    .option('--set-default')
    .option('--db-user <user>')
    .action((site: string, o) => newSite(ctx(), site, { ...o, noMariadbSocket: o.mariadbSocket === false }));

  program
    .command('install-app')
    .argument('<apps...>')
    .option('--force')
    .action((apps: string[], o) => installApp(ctx(), apps, o));

  for (const name of ['add-system-manager', 'add-user'] as const) {
    const c = program.command(name).argument('<email>').option('--first-name <name>').option('--last-name <name>').option('--password <password>').option('--send-welcome-email');
    if (name === 'add-user') c.option('--user-type <type>').option('--add-role <role>', 'role', collect);
    c.action((email: string, o) => (name === 'add-user' ? addPlainUser(ctx(), email, o) : addSystemManager(ctx(), email, o)));
  }

  program
    .command('set-admin-password')
    .argument('[admin-password]')
    .option('--logout-all-sessions')
    .action((pw: string | undefined) => setAdminPassword(ctx(), pw));

  program.command('enable-scheduler').action(() => enableScheduler(ctx()));

  program
    .command('set-password')
    .argument('<user>')
    .argument('[password]')
    .option('--logout-all-sessions')
    .action((user: string, pw: string | undefined) => setPassword(ctx(), user, pw));

  program
    .command('execute')
    .argument('<method>')
    .option('--args <args>')
    .option('--kwargs <kwargs>')
    .option('--profile')
    .action((method: string, o) => execute(ctx(), method, o));

  program
    .command('drop-site')
    .argument('<site>')
    .option('--db-root-username <user>')
    .option('--root-login <user>')
    .option('--db-root-password <password>')
    .option('--root-password <password>')
    .option('--archived-sites-path <path>')
    .option('--no-backup')
    .option('--force')
    .action((site: string, o) => dropSite(ctx(), site, { ...o, noBackup: o.backup === false }));

  program
    .command('set-config')
    .argument('<key>')
    .argument('<value>')
    .option('-g, --global')
    .option('-p, --parse')
    .action((key: string, value: string, o) => setConfig(ctx(), key, value, o));

  const setup = program.command('setup').description('Setup command group for enabling setting up a Frappe environment');
  setup
    .command('add-domain')
    .argument('<domain>')
    .option('--site <site>')
    .option('--ssl-certificate <file>')
    .option('--ssl-certificate-key <file>')
    .action((domain: string, o) => addDomain(ctx(), domain, o));

  return program;
}

export const isHelpExit = (e: CommanderError): boolean => e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || (e.code === 'commander.help' && e.exitCode === 0);
