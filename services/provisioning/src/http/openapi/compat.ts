/**
 * Breaking changes between two OpenAPI 3.0 documents, oasdiff-style but only the rules a /v1
 * client can feel: an operation removed; a response status removed; a response field removed,
 * made optional, made nullable or retyped; a request field or parameter newly required; a request
 * field removed (unknown fields are refused); a request enum narrowed. Additions are not breaking.
 */
type Json = Record<string, unknown>;
type Schema = Json & { properties?: Record<string, Json>; required?: string[]; items?: Json; enum?: unknown[]; $ref?: string };

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

function resolver(doc: Json) {
  const resolve = (s: Json | undefined, seen = 0): Schema | undefined => {
    if (!s || seen > 20) return s as Schema | undefined;
    if (typeof s.$ref === 'string') {
      const target = s.$ref
        .replace(/^#\//, '')
        .split('/')
        .reduce<unknown>((n, k) => (n as Json)?.[k.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
      return resolve(target as Json, seen + 1);
    }
    // nestjs/swagger writes a nullable or described reference as { allOf: [{ $ref }], ... }.
    const allOf = s.allOf as Json[] | undefined;
    if (allOf?.length === 1) return { ...resolve(allOf[0], seen + 1), ...Object.fromEntries(Object.entries(s).filter(([k]) => k !== 'allOf')) } as Schema;
    return s as Schema;
  };
  return resolve;
}

const typeOf = (s: Schema | undefined): string | undefined => (typeof s?.type === 'string' ? s.type : undefined);

export function breakingChanges(baseDoc: Json, liveDoc: Json): string[] {
  const out: string[] = [];
  const base = resolver(baseDoc);
  const live = resolver(liveDoc);

  const response = (b: Schema | undefined, l: Schema | undefined, at: string, depth = 0): void => {
    const bs = base(b);
    const ls = live(l);
    if (!bs || !ls || depth > 12) return;
    if (typeOf(bs) && typeOf(ls) && typeOf(bs) !== typeOf(ls)) out.push(`${at}: type ${typeOf(bs)} became ${typeOf(ls)}`);
    if (ls.nullable === true && bs.nullable !== true) out.push(`${at}: may now be null`);
    for (const [name, prop] of Object.entries(bs.properties ?? {})) {
      const next = ls.properties?.[name];
      if (!next) {
        out.push(`${at}.${name}: removed`);
        continue;
      }
      if (bs.required?.includes(name) && !ls.required?.includes(name)) out.push(`${at}.${name}: may now be absent`);
      response(prop, next, `${at}.${name}`, depth + 1);
    }
    if (bs.items && ls.items) response(bs.items, ls.items, `${at}[]`, depth + 1);
  };

  const request = (b: Schema | undefined, l: Schema | undefined, at: string, depth = 0): void => {
    const bs = base(b);
    const ls = live(l);
    if (!bs || !ls || depth > 12) return;
    if (typeOf(bs) && typeOf(ls) && typeOf(bs) !== typeOf(ls)) out.push(`${at}: type ${typeOf(bs)} became ${typeOf(ls)}`);
    if (bs.enum && ls.enum) {
      const gone = bs.enum.filter((v) => !ls.enum!.includes(v));
      if (gone.length) out.push(`${at}: enum narrowed (no longer ${gone.map(String).join(', ')})`);
    }
    for (const name of ls.required ?? []) if (!bs.required?.includes(name)) out.push(`${at}.${name}: newly required`);
    for (const [name, prop] of Object.entries(bs.properties ?? {})) {
      const next = ls.properties?.[name];
      if (!next) out.push(`${at}.${name}: removed (clients sending it are refused)`);
      else request(prop, next, `${at}.${name}`, depth + 1);
    }
    if (bs.items && ls.items) request(bs.items, ls.items, `${at}[]`, depth + 1);
  };

  for (const [path, item] of Object.entries((baseDoc.paths ?? {}) as Record<string, Json>)) {
    for (const method of METHODS) {
      const bOp = item[method] as Json | undefined;
      if (!bOp) continue;
      const lOp = (liveDoc.paths as Record<string, Json> | undefined)?.[path]?.[method] as Json | undefined;
      const op = `${method.toUpperCase()} ${path}`;
      if (!lOp) {
        out.push(`${op}: operation removed`);
        continue;
      }
      const lParams = (lOp.parameters ?? []) as Json[];
      const bParams = (bOp.parameters ?? []) as Json[];
      const key = (p: Json) => `${String(p.in)}:${String(p.name).toLowerCase()}`;
      for (const p of lParams) {
        const before = bParams.find((q) => key(q) === key(p));
        if (p.required === true && before?.required !== true) out.push(`${op} ${key(p)}: newly required`);
        if (before) request(before.schema as Json, p.schema as Json, `${op} ${key(p)}`);
      }
      const bBody = (bOp.requestBody as Json | undefined)?.content as Record<string, Json> | undefined;
      const lBody = (lOp.requestBody as Json | undefined)?.content as Record<string, Json> | undefined;
      if (!bBody && lBody && (lOp.requestBody as Json).required === true) out.push(`${op}: request body newly required`);
      for (const [type, media] of Object.entries(bBody ?? {})) request(media.schema as Json, lBody?.[type]?.schema as Json, `${op} body`);
      const bRes = (bOp.responses ?? {}) as Record<string, Json>;
      const lRes = (lOp.responses ?? {}) as Record<string, Json>;
      for (const [status, res] of Object.entries(bRes)) {
        if (!lRes[status]) {
          out.push(`${op} ${status}: status removed`);
          continue;
        }
        for (const [type, media] of Object.entries((res.content ?? {}) as Record<string, Json>)) {
          const next = ((lRes[status].content ?? {}) as Record<string, Json>)[type];
          if (!next) out.push(`${op} ${status} ${type}: content type removed`);
          else response(media.schema as Json, next.schema as Json, `${op} ${status}`);
        }
      }
    }
  }
  return out;
}
