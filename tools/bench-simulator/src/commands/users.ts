/** `add-system-manager`, `add-user`, `set-admin-password` (frappe v15 commands/site.py). */
import { BenchExit, PyException } from '../errors.js';
import { resolveSites, step, type Ctx } from '../context.js';
import { loadDb, passwordDigest, updateDb, type SimDb } from '../site-db.js';
import { systemManagerRoles } from '../roles.js';

export interface UserOptions {
  firstName?: string;
  lastName?: string;
  password?: string;
  sendWelcomeEmail?: boolean;
  userType?: string;
  addRole?: string[];
}

const duplicate = (email: string): PyException =>
  new PyException('frappe.exceptions.DuplicateEntryError', `('User', '${email}', IntegrityError(1062, "Duplicate entry '${email}' for key 'PRIMARY'"))`);

async function addUser(ctx: Ctx, command: string, email: string, o: UserOptions, rolesOf: (db: SimDb) => string[]): Promise<void> {
  for (const site of resolveSites(ctx)) {
    loadDb(ctx.bench, site); // no site or no database: fail before spending any time
    await step(ctx, command, [email, site]);
    await updateDb(ctx.bench, site, ctx, (db) => {
      if (db.users[email]) throw duplicate(email);
      db.users[email] = {
        email,
        first_name: o.firstName ?? email.split('@')[0],
        last_name: o.lastName,
        user_type: o.userType ?? 'System User',
        roles: rolesOf(db),
        password_set: Boolean(o.password),
        api_key: null,
        ...(o.password ? { password_sha256: passwordDigest(o.password) } : {}),
      };
    });
  }
}

/** Every role but the automatic ones, as frappe.utils.user.add_system_manager gives. */
export const addSystemManager = (ctx: Ctx, email: string, o: UserOptions): Promise<void> => addUser(ctx, 'add-system-manager', email, o, (db) => systemManagerRoles(db.installed_apps));

export const addPlainUser = (ctx: Ctx, email: string, o: UserOptions): Promise<void> => addUser(ctx, 'add-user', email, o, () => o.addRole ?? []);

/**
 * frappe v15's set_user_password (set-admin-password, set-password): without the password on the
 * command line it asks with getpass, which without a terminal reads a line of stdin; a missing
 * user prints `User x does not exist` and exits 1.
 */
async function setUserPassword(ctx: Ctx, command: string, user: string, given: string | undefined): Promise<void> {
  for (const site of resolveSites(ctx)) {
    let password = given;
    while (!password) password = await ctx.getpass(`${user}'s password for ${site}: `);
    loadDb(ctx.bench, site);
    await step(ctx, command, [user, site]);
    const found = await updateDb(ctx.bench, site, ctx, (db) => {
      const u = db.users[user];
      if (u) {
        u.password_set = true;
        u.password_sha256 = passwordDigest(password!);
      }
      return Boolean(u);
    });
    if (!found) throw new BenchExit(1, `User ${user} does not exist`);
  }
}

export const setAdminPassword = (ctx: Ctx, password: string | undefined): Promise<void> => setUserPassword(ctx, 'set-admin-password', 'Administrator', password);

export const setPassword = (ctx: Ctx, user: string, password: string | undefined): Promise<void> => setUserPassword(ctx, 'set-password', user, password);

/** `enable-scheduler` (frappe v15 commands/scheduler.py): System Settings' enable_scheduler = 1. */
export async function enableScheduler(ctx: Ctx): Promise<void> {
  for (const site of resolveSites(ctx)) {
    loadDb(ctx.bench, site);
    await step(ctx, 'enable-scheduler', [site]);
    await updateDb(ctx.bench, site, ctx, (db) => {
      db.scheduler_enabled = true;
    });
    ctx.out(`Enabled for ${site}`);
  }
}
