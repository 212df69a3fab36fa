/**
 * A small reader for the Python literals `bench execute --args/--kwargs` accepts: strings
 * (single or double quotes), numbers, None/True/False, lists, tuples and dicts.
 */
export type PyValue = string | number | boolean | null | PyValue[] | { [k: string]: PyValue };

export function parsePyLiteral(text: string): PyValue {
  let i = 0;
  const ws = (): void => {
    while (i < text.length && /\s/.test(text[i])) i++;
  };
  const fail = (): never => {
    throw new Error(`malformed node or string: ${JSON.stringify(text)}`);
  };
  const value = (): PyValue => {
    ws();
    const c = text[i];
    if (c === '"' || c === "'") {
      i++;
      let s = '';
      while (i < text.length && text[i] !== c) {
        if (text[i] === '\\' && i + 1 < text.length) {
          const n = text[++i];
          s += n === 'n' ? '\n' : n === 't' ? '\t' : n;
        } else s += text[i];
        i++;
      }
      if (text[i] !== c) fail();
      i++;
      return s;
    }
    if (c === '[' || c === '(') {
      const close = c === '[' ? ']' : ')';
      i++;
      const arr: PyValue[] = [];
      ws();
      while (text[i] !== close) {
        arr.push(value());
        ws();
        if (text[i] === ',') i++;
        else if (text[i] !== close) fail();
        ws();
      }
      i++;
      return arr;
    }
    if (c === '{') {
      i++;
      const obj: Record<string, PyValue> = {};
      ws();
      while (text[i] !== '}') {
        const k = value();
        ws();
        if (text[i++] !== ':') fail();
        obj[String(k)] = value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] !== '}') fail();
        ws();
      }
      i++;
      return obj;
    }
    const m = /^(None|True|False|-?\d+(?:\.\d+)?)/.exec(text.slice(i));
    if (!m) return fail();
    i += m[0].length;
    return m[0] === 'None' ? null : m[0] === 'True' ? true : m[0] === 'False' ? false : Number(m[0]);
  };
  const v = value();
  ws();
  if (i !== text.length) fail();
  return v;
}

/** `json.dumps` with Python's default separators (`, ` and `: `). */
export function pyJsonDumps(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(pyJsonDumps).join(', ')}]`;
  if (v && typeof v === 'object')
    return `{${Object.entries(v)
      .map(([k, x]) => `${JSON.stringify(k)}: ${pyJsonDumps(x)}`)
      .join(', ')}}`;
  return JSON.stringify(v ?? null);
}
