/**
 * A real SMTP server (smtp-server) that keeps what it receives, parsed (mailparser), and shows
 * it over HTTP: the local mailbox of `npm start` and what the tests read real SMTP traffic
 * from. Loopback only, no authentication, no TLS: it is a development tool, never a relay.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { renderIndex, renderMessage } from './pages.js';

export interface CaughtMail {
  readonly id: number;
  readonly messageId: string;
  readonly from: string;
  readonly to: readonly string[];
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly receivedAt: string;
  readonly headers: Readonly<Record<string, string>>;
}

export interface MailCatcherOptions {
  readonly host?: string;
  /** 0 picks a free port. */
  readonly smtpPort?: number;
  /** 0 picks a free port; omit (undefined) for no HTTP page. */
  readonly httpPort?: number;
  /** Oldest messages are dropped past this many (memory stays bounded however long it runs). */
  readonly keep?: number;
}

export interface MailCatcher {
  readonly smtpUrl: string;
  readonly httpUrl?: string;
  messages(): readonly CaughtMail[];
  /** Resolves with the first message (already caught or arriving) that matches, or rejects after `timeoutMs`. */
  waitFor(match: (m: CaughtMail) => boolean, timeoutMs?: number): Promise<CaughtMail>;
  clear(): void;
  /** The next `count` messages are refused with a temporary SMTP error (451), as a busy server does. */
  failNext(count: number): void;
  close(): Promise<void>;
}

const headerText = (v: unknown): string => (typeof v === 'string' ? v : v && typeof v === 'object' && 'text' in v ? String((v as { text: unknown }).text) : JSON.stringify(v));

export async function startMailCatcher(options: MailCatcherOptions = {}): Promise<MailCatcher> {
  const host = options.host ?? '127.0.0.1';
  const keep = options.keep ?? 500;
  const caught: CaughtMail[] = [];
  const waiters = new Set<(m: CaughtMail) => void>();
  let nextId = 1;
  let failures = 0;

  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    // Bounded memory whoever connects: small messages, few clients, at most `keep` of them.
    size: 256 * 1024,
    maxClients: 10,
    onData(stream, session, callback) {
      if (failures > 0) {
        failures -= 1;
        stream.resume();
        stream.on('end', () => callback(Object.assign(new Error('Try again later'), { responseCode: 451 })));
        return;
      }
      simpleParser(stream).then(
        (parsed) => {
          const headers: Record<string, string> = {};
          for (const [k, v] of parsed.headers) headers[k] = headerText(v);
          const mail: CaughtMail = {
            id: nextId++,
            messageId: parsed.messageId ?? '',
            from: parsed.from?.text ?? (session.envelope.mailFrom ? session.envelope.mailFrom.address : ''),
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : '',
            receivedAt: new Date().toISOString(),
            headers,
          };
          caught.push(mail);
          if (caught.length > keep) caught.splice(0, caught.length - keep);
          for (const w of [...waiters]) w(mail);
          callback();
        },
        (err: Error) => callback(err),
      );
    },
  });
  await new Promise<void>((resolve, reject) => {
    smtp.once('error', reject);
    smtp.listen(options.smtpPort ?? 0, host, () => resolve());
  });
  const smtpPort = (smtp.server.address() as AddressInfo).port;

  let http: Server | undefined;
  let httpUrl: string | undefined;
  if (options.httpPort !== undefined) {
    http = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://catcher');
      const one = /^\/messages\/(\d+)$/.exec(url.pathname);
      const send = (status: number, type: string, body: string) => {
        res.writeHead(status, { 'content-type': type, 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:", 'x-content-type-options': 'nosniff' });
        res.end(body);
      };
      if (url.pathname === '/messages.json') return send(200, 'application/json', JSON.stringify(caught));
      if (url.pathname === '/') return send(200, 'text/html; charset=utf-8', renderIndex(caught));
      const found = one ? caught.find((m) => m.id === Number(one[1])) : undefined;
      if (found) return send(200, 'text/html; charset=utf-8', renderMessage(found));
      return send(404, 'text/plain', 'not found');
    });
    await new Promise<void>((resolve, reject) => {
      http!.once('error', reject);
      http!.listen(options.httpPort, host, () => resolve());
    });
    httpUrl = `http://${host}:${(http.address() as AddressInfo).port}`;
  }

  return {
    smtpUrl: `smtp://${host}:${smtpPort}`,
    httpUrl,
    messages: () => [...caught],
    waitFor(match, timeoutMs = 15_000) {
      const already = caught.find(match);
      if (already) return Promise.resolve(already);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching mail within ${timeoutMs} ms (${caught.length} caught: ${caught.map((m) => `${m.to.join(',')} "${m.subject}"`).join('; ')})`));
        }, timeoutMs);
        const check = (m: CaughtMail) => {
          if (!match(m)) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(m);
        };
        waiters.add(check);
      });
    },
    clear: () => {
      caught.length = 0;
    },
    failNext: (count) => {
      failures = count;
    },
    async close() {
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
      if (http) await new Promise<void>((resolve) => http!.close(() => resolve()));
    },
  };
}
