/**
 * `bench --site S execute METHOD --args ... --kwargs ...` for the two methods provisioning
 * uses: `generate_keys` (new api_secret every time, api_key only when empty; returns only the
 * secret; the site gets an `encryption_key` the first time) and `frappe.db.get_value` (reads the
 * key back). v15 prints `json.dumps(result)` when the result is truthy: a string keeps its quotes
 * (`"ae5a95b4063bcfe"`), None prints nothing (fixtures/frappe-v15, README item 1).
 */
import { createHash, randomBytes } from 'node:crypto';
import { generateHash, type Bench } from '../bench-dir.js';
import { PyException } from '../errors.js';
import { resolveSites, step, type Ctx } from '../context.js';
import { parsePyLiteral, pyJsonDumps, type PyValue } from '../py-literal.js';
import { updateSiteConfig } from './config.js';
import { loadDb, updateDb, type SimDb, type SimUser } from '../site-db.js';

const GENERATE_KEYS = 'frappe.core.doctype.user.user.generate_keys';
const GET_VALUE = 'frappe.db.get_value';

function userOf(db: SimDb, name: string): SimUser {
  const u = db.users[name];
  if (!u) throw new PyException('frappe.exceptions.DoesNotExistError', `User ${name} not found`);
  return u;
}

/** generate_keys: a new secret every time, the key only when there is none. Shared by `execute` and the REST server. */
export function generateKeys(db: SimDb, name: string): { api_secret: string } {
  const user = userOf(db, name);
  const apiSecret = generateHash(15);
  if (!user.api_key) user.api_key = generateHash(15);
  user.api_secret_set = true;
  // What token auth checks (frappe keeps the secret encrypted in __Auth; a digest does here).
  user.api_secret_sha256 = createHash('sha256').update(apiSecret).digest('hex');
  return { api_secret: apiSecret };
}

function call(db: SimDb, method: string, args: PyValue[], kwargs: Record<string, PyValue>): PyValue {
  if (method === GENERATE_KEYS) return generateKeys(db, String(kwargs.user ?? args[0]));
  if (method === GET_VALUE) {
    const [doctype, name, fieldname] = [kwargs.doctype ?? args[0], kwargs.filters ?? args[1], kwargs.fieldname ?? args[2] ?? 'name'];
    if (doctype !== 'User') return null;
    const u = db.users[String(name)];
    if (!u) return null;
    const field = String(fieldname);
    if (field === 'name') return String(name);
    const value = (u as unknown as Record<string, unknown>)[field];
    return value === undefined ? null : (value as PyValue);
  }
  if (method === 'frappe.utils.scheduler.is_scheduler_disabled') return !db.scheduler_enabled;
  const mod = method.split('.').slice(0, -1).join('.');
  throw new PyException('AttributeError', `module '${mod}' has no attribute '${method.split('.').pop()}'`);
}

/** Python's truth: None, '', 0, False, [] and {} print nothing. */
const pyTruthy = (v: PyValue): boolean =>
  v !== null && v !== '' && v !== 0 && v !== false && !(Array.isArray(v) && v.length === 0) && !(typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0);

/** `get_encryption_key`: a Fernet key (32 random bytes, urlsafe base64) written once through update_site_config. */
export const ensureEncryptionKeyFor = (bench: Bench, site: string): Promise<void> => ensureEncryptionKey({ bench, pid: process.pid }, site);

async function ensureEncryptionKey(ctx: Pick<Ctx, 'bench' | 'pid' | 'signal'>, site: string): Promise<void> {
  await updateSiteConfig(ctx, site, (conf) => (conf.encryption_key ? conf : { ...conf, encryption_key: randomBytes(32).toString('base64url') + '=' }));
}

export async function execute(ctx: Ctx, method: string, o: { args?: string; kwargs?: string }): Promise<void> {
  for (const site of resolveSites(ctx)) {
    loadDb(ctx.bench, site); // no site or no database: fail before spending any time
    let args: PyValue[] = [];
    let kwargs: Record<string, PyValue> = {};
    try {
      if (o.args) {
        const parsed = parsePyLiteral(o.args);
        args = Array.isArray(parsed) ? parsed : [parsed];
      }
      if (o.kwargs) kwargs = parsePyLiteral(o.kwargs) as Record<string, PyValue>;
    } catch (e) {
      throw new PyException('ValueError', (e as Error).message);
    }
    await step(ctx, 'execute', [method, site]);
    // A read (get_value) needs no transaction: writes replace the file whole (rename), so a read sees one or the other.
    const ret = method === GET_VALUE ? call(loadDb(ctx.bench, site), method, args, kwargs) : await updateDb(ctx.bench, site, ctx, (db) => call(db, method, args, kwargs));
    if (method === GENERATE_KEYS) await ensureEncryptionKey(ctx, site);
    if (pyTruthy(ret)) ctx.out(pyJsonDumps(ret));
  }
}
