/**
 * The REST routes of a frappe v15 site that the provisioning service uses, with frappe's answers:
 * - GET  /api/resource/Role?fields&filters&limit_page_length  -> {"data": [{"name": ...}]}
 * - GET  /api/resource/User/<name>                              -> {"data": {...}} | 404 DoesNotExistError
 * - POST /api/resource/User {email, new_password, roles, ...}   -> {"data": {...}} | 409 DuplicateEntryError
 * - POST /api/method/frappe.core.doctype.user.user.generate_keys {user} -> {"message": {"api_secret": ...}}
 * - GET  /api/method/frappe.auth.get_logged_user -> {"message": user}
 * - POST /api/method/login {usr, pwd} (no token) -> {"message": "Logged In"} | 401
 * Token auth (`Authorization: token key:secret`) against the key and secret generate_keys made;
 * anything else is 401 AuthenticationError, as frappe.auth.validate_auth_via_api_keys answers.
 */
import { createHash } from 'node:crypto';
import type { Bench } from '../bench-dir.js';
import { ensureEncryptionKeyFor, generateKeys } from '../commands/execute.js';
import { loadDb, passwordDigest, updateDb, type SimDb, type SimUser } from '../site-db.js';
import { systemManagerRoles } from '../roles.js';

export class FrappeHttpError extends Error {
  constructor(
    readonly status: number,
    readonly pyType: string,
    message: string,
  ) {
    super(message);
  }
}

export interface RouteContext {
  readonly bench: Bench;
  readonly site: string;
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly body: Record<string, unknown>;
  readonly authorization?: string;
  /** Spends the simulated time of `command` (api-get, api-create-user, api-generate-keys). */
  spend(command: string, target?: string): Promise<void>;
}

const GENERATE_KEYS = '/api/method/frappe.core.doctype.user.user.generate_keys';
const owner = { pid: process.pid };

/** The doc as frappe's REST answers it: never a password or the secret. */
const userDoc = (name: string, u: SimUser): Record<string, unknown> => ({
  name,
  doctype: 'User',
  email: u.email,
  first_name: u.first_name ?? null,
  last_name: u.last_name ?? null,
  enabled: u.enabled ?? 1,
  user_type: u.user_type,
  api_key: u.api_key ?? null,
  roles: u.roles.map((role) => ({ role, doctype: 'Has Role', parenttype: 'User', parentfield: 'roles' })),
});

function authenticate(db: SimDb, header: string | undefined): string {
  const m = /^token ([^:\s]+):(\S+)$/.exec(header ?? '');
  const digest = m ? createHash('sha256').update(m[2]).digest('hex') : '';
  const found = m && Object.entries(db.users).find(([, u]) => u.api_key === m[1] && u.api_secret_sha256 === digest);
  if (!found) throw new FrappeHttpError(401, 'frappe.exceptions.AuthenticationError', '');
  return found[0];
}

export async function route(c: RouteContext): Promise<{ status: number; body: unknown }> {
  if (c.method === 'POST' && c.path === '/api/method/login') {
    // frappe.auth.LoginManager: usr/pwd; a wrong pair is 401 AuthenticationError "Invalid Login Credentials".
    await c.spend('api-login');
    const u = loadDb(c.bench, c.site).users[String(c.body.usr ?? '')];
    if (!u?.password_sha256 || u.password_sha256 !== passwordDigest(String(c.body.pwd ?? ''))) throw new FrappeHttpError(401, 'frappe.exceptions.AuthenticationError', 'Invalid Login Credentials');
    return { status: 200, body: { message: 'Logged In', home_page: '/app', full_name: u.first_name ?? String(c.body.usr) } };
  }
  const user = authenticate(loadDb(c.bench, c.site), c.authorization);
  if (c.method === 'GET' && c.path === '/api/method/frappe.auth.get_logged_user') {
    await c.spend('api-get');
    return { status: 200, body: { message: user } };
  }
  const systemManager = (db: SimDb): void => {
    const roles = db.users[user]?.roles ?? [];
    if (user !== 'Administrator' && !roles.includes('System Manager')) throw new FrappeHttpError(403, 'frappe.exceptions.PermissionError', 'Not permitted');
  };
  if (c.method === 'GET' && c.path === '/api/resource/Role') {
    await c.spend('api-get', 'Role');
    const db = loadDb(c.bench, c.site);
    // The service asks for every role but the automatic ones (its filter); the simulator does not parse filters.
    return { status: 200, body: { data: systemManagerRoles(db.installed_apps).map((name) => ({ name })) } };
  }
  const userPath = /^\/api\/resource\/User\/(.+)$/.exec(c.path);
  if (c.method === 'GET' && userPath) {
    await c.spend('api-get', 'User');
    const name = decodeURIComponent(userPath[1]);
    const u = loadDb(c.bench, c.site).users[name];
    if (!u) throw new FrappeHttpError(404, 'frappe.exceptions.DoesNotExistError', `User ${name} not found`);
    return { status: 200, body: { data: userDoc(name, u) } };
  }
  if (c.method === 'POST' && c.path === '/api/resource/User') {
    const email = String(c.body.email ?? c.body.name ?? '');
    if (!/^[^@\s]+@[^@\s]+$/.test(email)) throw new FrappeHttpError(417, 'frappe.exceptions.InvalidEmailAddressError', `${email} is not a valid Email Address`);
    await c.spend('api-create-user', email);
    const roles = Array.isArray(c.body.roles) ? c.body.roles.map((r) => String((r as { role?: unknown }).role)) : [];
    const doc = await updateDb(c.bench, c.site, owner, (db) => {
      systemManager(db);
      if (db.users[email]) {
        throw new FrappeHttpError(409, 'frappe.exceptions.DuplicateEntryError', `('User', '${email}', IntegrityError(1062, "Duplicate entry '${email}' for key 'PRIMARY'"))`);
      }
      const u: SimUser = {
        email,
        first_name: String(c.body.first_name ?? email),
        last_name: c.body.last_name ? String(c.body.last_name) : undefined,
        user_type: String(c.body.user_type ?? 'System User'),
        enabled: Number(c.body.enabled ?? 1),
        roles,
        password_set: typeof c.body.new_password === 'string' && c.body.new_password !== '',
        api_key: null,
        ...(typeof c.body.new_password === 'string' && c.body.new_password ? { password_sha256: passwordDigest(c.body.new_password) } : {}),
      };
      db.users[email] = u;
      return userDoc(email, u);
    });
    return { status: 200, body: { data: doc } };
  }
  if (c.method === 'POST' && c.path === GENERATE_KEYS) {
    const target = String(c.body.user ?? '');
    await c.spend('api-generate-keys', target);
    const answer = await updateDb(c.bench, c.site, owner, (db) => {
      systemManager(db);
      return generateKeys(db, target);
    });
    await ensureEncryptionKeyFor(c.bench, c.site);
    return { status: 200, body: { message: answer } };
  }
  throw new FrappeHttpError(404, 'frappe.exceptions.DoesNotExistError', `${c.path} not found`);
}
