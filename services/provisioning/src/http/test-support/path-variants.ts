/**
 * Spellings of one request target that a router may decode, normalise or match
 * case-insensitively to the same route. The raw-target spec sends each without the bearer;
 * none may get past the auth check. Grouped by class, since attackers vary within a class.
 */
const hex = (c: string, lower = false): string => {
  const h = Buffer.from(c, 'utf8').toString('hex').replace(/(..)/g, '%$1');
  return lower ? h : h.toUpperCase();
};
const encodeAll = (s: string, lower = false): string => [...s].map((c) => hex(c, lower)).join('');

/** `path` is a concrete origin-form path (`/v1/tenants/<id>/suspend`), without query. */
export function pathVariants(path: string, host: string): Record<string, string> {
  const [first, ...rest] = path.split('/').filter(Boolean);
  const tail = rest.length ? `/${rest.join('/')}` : '';
  const tailOf = (seg0: string) => `/${seg0}${tail}`;
  const v: Record<string, string> = {
    // percent-encoding of unreserved characters (RFC 3986 says equivalent; routers decode)
    'encoded first segment': tailOf(encodeAll(first)),
    'encoded first char': tailOf(hex(first[0]) + first.slice(1)),
    'encoded last char': tailOf(first.slice(0, -1) + hex(first.slice(-1))),
    'lower-case hex': tailOf(encodeAll(first, true)),
    'every char encoded': path
      .split('/')
      .map((s) => encodeAll(s))
      .join('/'),
    'double-encoded': tailOf(`%25${hex(first[0]).slice(1)}${first.slice(1)}`),
    'overlong utf-8 slash': `/%c0%af${path.slice(1)}`,
    // slashes
    'leading double slash': `/${path}`,
    'inner double slash': tail ? `/${first}/${tail}` : `${path}//`,
    'trailing slash': `${path}/`,
    'encoded slashes': path.replace(/(?!^)\//g, '%2F'),
    'encoded slashes lower': path.replace(/(?!^)\//g, '%2f'),
    'encoded leading slash': `/%2F${path.slice(1)}`,
    backslashes: path.replace(/(?!^)\//g, '\\'),
    // case
    'upper-case first segment': tailOf(first.toUpperCase()),
    'upper-case path': path.toUpperCase(),
    // matrix parameters and delimiters
    'semicolon in first segment': tailOf(`${first};x`),
    'semicolon after path': `${path};x`,
    'semicolon empty': tailOf(`${first};`),
    fragment: `${path}#x`,
    'question mark': `${path}?`,
    'public path in query': `${path}?/health`,
    'nul byte': `${path}%00`,
    // dot segments
    'dot segment before': `/./${path.slice(1)}`,
    'parent segment before': `/x/..${path}`,
    'public parent': `/health/..${path}`,
    'encoded parent': `/x/%2e%2e${path}`,
    'dot segment inside': tail ? `/${first}/.${tail}` : `${path}/.`,
    'trailing dot': `${path}/.`,
    // absolute form (RFC 9112 3.2.2) and authority tricks
    'absolute form': `http://${host}${path}`,
    'absolute form other host': `http://x${path}`,
    'absolute form upper scheme': `HTTP://X${path}`,
    'absolute form https': `https://x${path}`,
    'absolute form double slash': `http://x/${path}`,
    'absolute form encoded': `http://x${tailOf(encodeAll(first))}`,
    'absolute form userinfo': `http://u:p@x${path}`,
    'absolute form no path slash': `http://x?${path}`,
    'scheme-relative': `//x${path}`,
  };
  return v;
}
