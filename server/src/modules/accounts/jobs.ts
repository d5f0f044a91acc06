/** The email with a password reset link, sent by a job (written with the reset, in its transaction). */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { JobHandler } from '../../jobs/queue.js';
import type { Mailer } from '../../mail/mailer.js';
import { renderMail } from '../../mail/message.js';
import type { SignedCodec } from '../../plugins/signed-values.js';
import { findUsablePasswordReset } from './queries.js';

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
