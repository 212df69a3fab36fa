/** `add-system-manager`, `add-user`, `set-admin-password` (frappe v15 commands/site.py). */
import { PyException } from '../errors.js';
import { resolveSites, step, type Ctx } from '../context.js';
import { loadDb, updateDb } from '../site-db.js';

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

async function addUser(ctx: Ctx, command: string, email: string, o: UserOptions, roles: string[]): Promise<void> {
  for (const site of resolveSites(ctx)) {
    loadDb(ctx.bench, site); // no site or no database: fail before spending any time
    await step(ctx, command, [email, site]);
    await updateDb(ctx.bench, site, ctx, (db) => {
      if (db.users[email]) throw duplicate(email);
      db.users[email] = {
        email, first_name: o.firstName ?? email.split('@')[0], last_name: o.lastName, user_type: o.userType ?? 'System User',
        roles, password_set: Boolean(o.password), api_key: null,
      };
    });
  }
}

export const addSystemManager = (ctx: Ctx, email: string, o: UserOptions): Promise<void> =>
  addUser(ctx, 'add-system-manager', email, o, ['System Manager']);

export const addPlainUser = (ctx: Ctx, email: string, o: UserOptions): Promise<void> =>
  addUser(ctx, 'add-user', email, o, o.addRole ?? []);

export async function setAdminPassword(ctx: Ctx, password: string | undefined): Promise<void> {
  for (const site of resolveSites(ctx)) {
    loadDb(ctx.bench, site);
    await step(ctx, 'set-admin-password', [site]);
    if (!password) throw new PyException('EOFError', 'EOF when reading a line');
    await updateDb(ctx.bench, site, ctx, (db) => {
      if (!db.users.Administrator) throw new PyException('frappe.exceptions.DoesNotExistError', 'User Administrator does not exist');
      db.users.Administrator.password_set = true;
    });
  }
}
