/**
 * `bench --site S execute METHOD --args ... --kwargs ...` for the two methods provisioning
 * uses: `generate_keys` (new api_secret every time, api_key only when empty; returns only the
 * secret) and `frappe.db.get_value` (reads the key back). Output is `json.dumps(result)` with
 * the outer quotes stripped; a falsy result prints nothing.
 */
import { generateHash } from '../bench-dir.js';
import { PyException } from '../errors.js';
import { resolveSites, step, type Ctx } from '../context.js';
import { parsePyLiteral, pyJsonDumps, type PyValue } from '../py-literal.js';
import { loadDb, updateDb, type SimDb, type SimUser } from '../site-db.js';

const GENERATE_KEYS = 'frappe.core.doctype.user.user.generate_keys';
const GET_VALUE = 'frappe.db.get_value';

function userOf(db: SimDb, name: string): SimUser {
  const u = db.users[name];
  if (!u) throw new PyException('frappe.exceptions.DoesNotExistError', `User ${name} not found`);
  return u;
}

function call(db: SimDb, method: string, args: PyValue[], kwargs: Record<string, PyValue>): PyValue {
  if (method === GENERATE_KEYS) {
    const user = userOf(db, String(kwargs.user ?? args[0]));
    const apiSecret = generateHash(15);
    if (!user.api_key) user.api_key = generateHash(15);
    user.api_secret_set = true;
    return { api_secret: apiSecret };
  }
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
  const mod = method.split('.').slice(0, -1).join('.');
  throw new PyException('AttributeError', `module '${mod}' has no attribute '${method.split('.').pop()}'`);
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
    if (ret) ctx.out(pyJsonDumps(ret).replace(/^"(.*)"$/s, '$1'));
  }
}
