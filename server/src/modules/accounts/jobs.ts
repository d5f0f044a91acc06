/** The email with a password reset link, sent by a job (written with the reset, in its transaction). */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { JobHandler } from '../../jobs/queue.js';
import type { Mailer } from '../../mail/mailer.js';
import { renderMail } from '../../mail/message.js';
import type { SignedCodec } from '../../plugins/signed-values.js';
import { findAccountById, findUsablePasswordReset, findUsablePendingRegistration } from './queries.js';

export interface ResetEmailOptions {
  db: Kysely<Database>;
  mailer: Mailer | null;
  publicUrl: string | null;
  links: SignedCodec;
}

export function passwordResetEmailJob({ db, mailer, publicUrl, links }: ResetEmailOptions): JobHandler {
  return async (job) => {
    if (!mailer || !publicUrl) return;
    const id = String(job.payload.id);
    const reset = await findUsablePasswordReset(db, id);
    // Used or expired meanwhile: a link that cannot work is not sent.
    if (!reset) return;
    const token = links.encode({ r: id });
    const content = renderMail({
      paragraphs: [
        `Hello ${reset.display_name},`,
        'Someone (hopefully you) asked to reset the password of your Vicinity account. The link works for an ' +
          'hour, once; choosing a new password signs you out everywhere.',
        'If it was not you, ignore this email: your password stays as it is.',
      ],
      action: { label: 'Choose a new password', url: `${publicUrl}/reset-password?token=${encodeURIComponent(token)}` },
    });
    await mailer.send({
      to: reset.email,
      subject: 'Reset your Vicinity password',
      ...content,
      messageId: `password-reset-${id}@${new URL(publicUrl).hostname}`,
    });
  };
}

export interface RegistrationEmailOptions {
  db: Kysely<Database>;
  mailer: Mailer | null;
  publicUrl: string | null;
  links: SignedCodec;
}

/** The link that finishes a registration (made when the email is written, from the row's id). */
export function registrationEmailJob({ db, mailer, publicUrl, links }: RegistrationEmailOptions): JobHandler {
  return async (job) => {
    if (!mailer || !publicUrl) return;
    const id = String(job.payload.id);
    const pending = await findUsablePendingRegistration(db, id);
    if (!pending) return;
    const token = links.encode({ g: id });
    const content = renderMail({
      paragraphs: [
        `Hello ${pending.display_name},`,
        'Someone (hopefully you) registered with this address on Vicinity. Open the link to finish: it makes ' +
          'your account and signs you in. It works for a day, once.',
        'If it was not you, ignore this email: no account is made.',
      ],
      action: {
        label: 'Finish registering',
        url: `${publicUrl}/confirm-registration?token=${encodeURIComponent(token)}`,
      },
    });
    await mailer.send({
      to: pending.email,
      subject: 'Finish registering on Vicinity',
      ...content,
      messageId: `registration-${id}@${new URL(publicUrl).hostname}`,
    });
  };
}

/** Tells an account's owner that someone tried to register with their address. */
export function registrationTakenEmailJob({
  db,
  mailer,
  publicUrl,
}: Omit<RegistrationEmailOptions, 'links'>): JobHandler {
  return async (job) => {
    if (!mailer || !publicUrl) return;
    const account = await findAccountById(db, Number(job.payload.userId));
    if (!account) return;
    const content = renderMail({
      paragraphs: [
        `Hello ${account.display_name},`,
        'Someone (perhaps you) just tried to register on Vicinity with this address, which already has an ' +
          'account: no second account was made.',
        'If it was you, sign in instead; if you have forgotten your password, reset it from the sign-in page. ' +
          'If it was not you, there is nothing to do.',
      ],
      action: { label: 'Sign in', url: `${publicUrl}/signin` },
    });
    await mailer.send({
      to: account.email,
      subject: 'Someone tried to register with your address',
      ...content,
      messageId: `registration-taken-${randomUUID()}@${new URL(publicUrl).hostname}`,
    });
  };
}
