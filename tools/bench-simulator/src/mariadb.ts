/**
 * Real MariaDB databases and users per site when BENCH_SIM_MARIADB_URL is set, so tests can
 * prove that a rollback leaves no orphan database. Root credentials passed on the command line
 * (as real bench takes them) override the URL's.
 */
import type { Connection } from 'mysql2/promise';
import { dbUnreachable, PyException } from './errors.js';

export interface RootLogin {
  readonly user?: string;
  readonly password?: string;
}

const ident = (name: string): string => {
  if (!/^[A-Za-z0-9_]{1,64}$/.test(name)) throw new PyException('frappe.exceptions.ValidationError', `Invalid database name ${name}`);
  return name;
};

async function connect(url: string, login: RootLogin): Promise<Connection> {
  const u = new URL(url);
  // Loaded only when a database is configured: most invocations never pay for the driver.
  const { default: mysql } = await import('mysql2/promise');
  try {
    return await mysql.createConnection({
      host: u.hostname,
      port: Number(u.port || 3306),
      user: login.user ?? decodeURIComponent(u.username || 'root'),
      password: login.password ?? decodeURIComponent(u.password),
      connectTimeout: 5000,
    });
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ER_ACCESS_DENIED_ERROR') {
      throw new PyException('pymysql.err.OperationalError', `(1045, "Access denied for user '${login.user ?? 'root'}'@'localhost' (using password: ${login.password ? 'YES' : 'NO'})")`);
    }
    throw dbUnreachable(u.hostname);
  }
}

export async function databaseExists(url: string, login: RootLogin, db: string): Promise<boolean> {
  const c = await connect(url, login);
  try {
    const [rows] = await c.query('SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?', [db]);
    return (rows as unknown[]).length > 0;
  } finally {
    await c.end();
  }
}

export async function dropUserAndDatabase(url: string, login: RootLogin, db: string): Promise<void> {
  const c = await connect(url, login);
  try {
    await c.query(`DROP USER IF EXISTS '${ident(db)}'@'%'`);
    await c.query(`DROP DATABASE IF EXISTS \`${ident(db)}\``);
  } finally {
    await c.end();
  }
}

export async function createUserAndDatabase(url: string, login: RootLogin, db: string, password: string): Promise<void> {
  const c = await connect(url, login);
  try {
    await c.query(`CREATE USER IF NOT EXISTS '${ident(db)}'@'%' IDENTIFIED BY ?`, [password]);
    await c.query(`CREATE DATABASE \`${ident(db)}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await c.query(`GRANT ALL PRIVILEGES ON \`${ident(db)}\`.* TO '${ident(db)}'@'%'`);
    await c.query('FLUSH PRIVILEGES');
  } finally {
    await c.end();
  }
}

/** `SELECT VERSION()`: e.g. `10.11.19-MariaDB-0+deb12u1` (new-site prints a warning after 10.8). */
export async function serverVersion(url: string, login: RootLogin): Promise<string> {
  const c = await connect(url, login);
  try {
    const [rows] = await c.query('SELECT VERSION() AS v');
    return String((rows as Array<{ v: string }>)[0]?.v ?? '');
  } finally {
    await c.end();
  }
}
