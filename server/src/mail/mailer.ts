/**
 * Sending email through the SMTP server of `SMTP_URL`, with nodemailer. `smtp://` connections
 * are upgraded with STARTTLS whenever the server offers it; `smtps://` use TLS from the start.
 * Connections are pooled and kept open between messages.
 *
 * A message's Message-ID is chosen by the caller from what the message is about (a notification,
 * a password reset), so sending the same message again after a crash between sending and
 * recording it is recognisably the same message, not a second one.
 */
import nodemailer from 'nodemailer';
import type { RenderedMail } from './message.js';

export interface OutgoingMail extends RenderedMail {
  to: string;
  subject: string;
  /** Without angle brackets: `notification-12@vicinity.example.org`. */
  messageId: string;
  /** One-click unsubscribe (RFC 8058): the URL a mail program POSTs to. */
  unsubscribeUrl?: string;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

export interface MailerOptions {
  smtpUrl: string;
  from: string;
  /** How long connecting, the greeting and each step may take; a job retries later when exceeded. */
  timeoutMs?: number;
}

export function createMailer({ smtpUrl, from, timeoutMs = 20_000 }: MailerOptions): Mailer {
  const url = new URL(smtpUrl);
  const transport = nodemailer.createTransport({
    pool: true,
    maxConnections: 2,
    host: url.hostname,
    port: url.port ? Number(url.port) : undefined,
    secure: url.protocol === 'smtps:',
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs * 2,
  });
  return {
    async send(mail) {
      await transport.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: `<${mail.messageId}>`,
        headers: {
          // Mail about the person's own account and plans, not a newsletter: no out-of-office replies.
          'Auto-Submitted': 'auto-generated',
          ...(mail.unsubscribeUrl
            ? {
                'List-Unsubscribe': `<${mail.unsubscribeUrl}>`,
                'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
              }
            : {}),
        },
      });
    },
    close() {
      transport.close();
    },
  };
}
