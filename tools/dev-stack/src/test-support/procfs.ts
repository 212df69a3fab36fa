/**
 * What the kernel says about a running stack (Linux /proc): each descendant's command line and
 * environment as the process really received them, and the addresses its ports listen on.
 * The dev-stack spec uses it to prove finding 8's fixes on the real processes.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';

export const hasProcfs = (): boolean => existsSync('/proc/self/environ') && existsSync('/proc/net/tcp');

export interface Proc {
  pid: number;
  cmdline: string;
  env: Record<string, string>;
}

const read = (path: string): string | undefined => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined; // gone meanwhile, or not ours
  }
};

/** Every living descendant of `root`, with its argv joined by spaces and its environment. */
export function descendants(root: number): Proc[] {
  const parent = new Map<number, number>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    const stat = read(`/proc/${d}/stat`);
    // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so split after the last ')'.
    const ppid = stat ? Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) : NaN;
    if (Number.isFinite(ppid)) parent.set(Number(d), ppid);
  }
  const isBelow = (pid: number): boolean => {
    for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p)) if (p === root) return true;
    return false;
  };
  return [...parent.keys()].filter(isBelow).flatMap((pid) => {
    const cmd = read(`/proc/${pid}/cmdline`);
    const env = read(`/proc/${pid}/environ`);
    if (cmd === undefined || env === undefined) return [];
    const vars = Object.fromEntries(
      env
        .split('\0')
        .filter(Boolean)
        .map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]),
    );
    return [{ pid, cmdline: cmd.split('\0').join(' ').trim(), env: vars }];
  });
}

/** Local addresses of the sockets listening on `port` (IPv4 and IPv6), e.g. ['127.0.0.1']. */
export function listenAddresses(port: number): string[] {
  const out: string[] = [];
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    const text = read(file) ?? '';
    for (const line of text.split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols.length < 4 || cols[3] !== '0A') continue; // 0A = LISTEN
      const [hexAddr, hexPort] = cols[1].split(':');
      if (parseInt(hexPort, 16) !== port) continue;
      out.push(hexAddr.length === 8 ? ipv4(hexAddr) : ipv6(hexAddr));
    }
  }
  return out;
}

/** /proc prints IPv4 addresses as one little-endian 32-bit word. */
const ipv4 = (hex: string): string => [3, 2, 1, 0].map((i) => parseInt(hex.slice(i * 2, i * 2 + 2), 16)).join('.');

/** IPv6: four little-endian 32-bit words; enough to tell ::, ::1 and ::ffff:127.0.0.1 apart. */
function ipv6(hex: string): string {
  const bytes = [0, 1, 2, 3].flatMap((w) => [3, 2, 1, 0].map((i) => hex.slice(w * 8 + i * 2, w * 8 + i * 2 + 2)));
  const groups = [];
  for (let i = 0; i < 16; i += 2) groups.push(parseInt(bytes[i] + bytes[i + 1], 16).toString(16));
  return groups.join(':').replace(/(^|:)0(:0)+(:|$)/, '::');
}
