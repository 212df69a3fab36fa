/**
 * The one way mail leaves: nodemailer over SMTP_URL. Each message's Message-ID is made from the
 * event that asked for it, so if a crash between the SMTP server's "queued" and our MailSent
 * record makes us send it again, mail clients see the same message id (and most show it once).
 */
import nodemailer, { type Transporter } from 'nodemailer';
import type { RenderedMail } from './templates.js';

export interface OutgoingMail extends RenderedMail {
  readonly messageId: string;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

export class SmtpMailer implements Mailer {
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    this.transport = nodemailer.createTransport(smtpUrl, {
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    } as Parameters<typeof nodemailer.createTransport>[1]);
  }

  async send(mail: OutgoingMail): Promise<void> {
    await this.transport.sendMail({
      from: this.from,
      to: [...mail.to],
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: mail.messageId,
    });
  }

  close(): void {
    this.transport.close();
  }
}

/** An SMTP error as one line for the outbox record: no credentials (nodemailer never prints them), no stack. */
export const mailError = (e: unknown): string => {
  const err = e as { code?: string; responseCode?: number; message?: string };
  return [err.code, err.responseCode, err.message?.split('\n')[0]].filter(Boolean).join(' ').slice(0, 300) || 'unknown error';
};
