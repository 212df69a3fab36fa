/**
 * For the "no plaintext secret anywhere" specs: every row of every table of a SQLite file as
 * text (blobs as latin1, so a secret stored as bytes is found too), read past the app.
 */
import Database from 'better-sqlite3';

export function sqliteRows(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
    return tables.map((t) => JSON.stringify(db.prepare(`SELECT * FROM "${t.name}"`).all(), (_k, v) => (Buffer.isBuffer(v) ? v.toString('latin1') : v))).join('\n');
  } finally {
    db.close();
  }
}

/** The code of the DomainError a decision throws, or 'none': decider specs compare codes. */
export function codeOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    return (e as { code?: string }).code ?? 'no code';
  }
  return 'none';
}
