/**
 * The database root login of new-site and drop-site, as v15 finds it: `--db-root-password`
 * (or its old names), else `root_password` in common_site_config.json; an empty one counts as
 * missing. Missing, bench asks on the terminal (getpass); with no terminal, click aborts
 * (fixtures/frappe-v15, README item 2). The simulator's real MariaDB login is
 * BENCH_SIM_MARIADB_URL's: a password from common_site_config.json is only required to be there,
 * an explicit `--db-root-password` is used to log in.
 */
import { BenchExit } from './errors.js';
import type { Ctx } from './context.js';
import type { RootLogin } from './mariadb.js';

export interface RootLoginOptions {
  dbRootUsername?: string;
  mariadbRootUsername?: string;
  rootLogin?: string;
  dbRootPassword?: string;
  mariadbRootPassword?: string;
  rootPassword?: string;
}

export async function rootLoginOf(ctx: Ctx, o: RootLoginOptions): Promise<RootLogin> {
  const user = o.dbRootUsername ?? o.mariadbRootUsername ?? o.rootLogin;
  const given = o.dbRootPassword ?? o.mariadbRootPassword ?? o.rootPassword;
  if (given) return { user, password: given };
  const common = ctx.bench.commonConfig().root_password;
  if (typeof common === 'string' && common !== '') return { user };
  // getpass with no terminal: its warning and prompt on stderr, a line of stdin, click's Abort at EOF.
  return { user, password: await ctx.getpass('MySQL root password: ') };
}

/** bench refuses root unless common_site_config.json names the user to switch to (README item 3). */
export function checkNotRoot(ctx: Pick<Ctx, 'bench'>): void {
  if (process.getuid?.() === 0 && !ctx.bench.commonConfig().frappe_user) throw new BenchExit(1, 'WARN: You should not run this command as root');
}
