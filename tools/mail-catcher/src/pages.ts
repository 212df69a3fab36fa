/** The mailbox's two HTML pages. Everything from a message is escaped; HTML bodies are shown as their text version. */
import type { CaughtMail } from './catcher.js';

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const STYLE =
  'body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1d2433}' +
  'table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:.4rem;border-bottom:1px solid #ddd}' +
  'pre{white-space:pre-wrap;background:#f6f7f9;padding:1rem;border-radius:6px}a{color:#2450c7}';
const page = (title: string, body: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title><style>${STYLE}</style></head><body>${body}</body></html>`;

export function renderIndex(mails: readonly CaughtMail[]): string {
  const rows = [...mails]
    .reverse()
    .map((m) => `<tr><td>${esc(m.receivedAt.replace('T', ' ').slice(0, 19))}</td><td>${esc(m.to.join(', '))}</td><td><a href="/messages/${m.id}">${esc(m.subject || '(no subject)')}</a></td></tr>`);
  const body =
    mails.length === 0
      ? '<p>No mail yet. Messages the service sends appear here (reload the page).</p>'
      : `<table><thead><tr><th>Received (UTC)</th><th>To</th><th>Subject</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
  return page('Local mailbox', `<h1>Local mailbox</h1><p>Everything sent through this SMTP server is kept here, newest first (${mails.length}).</p>${body}`);
}

export function renderMessage(m: CaughtMail): string {
  // Links in the text version become clickable so a newcomer can follow "verify your email".
  const text = esc(m.text).replace(/https?:\/\/[^\s<>"']+/g, (u) => `<a href="${u}">${u}</a>`);
  return page(
    m.subject,
    `<p><a href="/">&larr; Mailbox</a></p><h1>${esc(m.subject)}</h1>` +
      `<p><strong>From:</strong> ${esc(m.from)}<br><strong>To:</strong> ${esc(m.to.join(', '))}<br><strong>Received:</strong> ${esc(m.receivedAt)}</p><pre>${text}</pre>`,
  );
}
