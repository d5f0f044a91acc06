/**
 * The two jobs of notifications: sending one notification's email, and a meetup's reminder.
 *
 * An email job may run twice: its process may die after the SMTP server took the message and
 * before the job was marked done. The message's id is made from the notification's, so a second
 * copy is the same message (mail systems drop it as a duplicate); and a sent notification is
 * marked, so a job that runs again after the mark sends nothing.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { enqueueJob, type JobHandler } from '../../jobs/queue.js';
import type { Mailer } from '../../mail/mailer.js';
import { renderMail } from '../../mail/message.js';
import type { SignedCodec } from '../../plugins/signed-values.js';
import { sendReminders } from './notify.js';
import { EMAIL_ATTEMPTS, EMAIL_JOB, findEmailToSend, markEmailed, REMINDER_JOB } from './queries.js';
import { isUrgent, minutesOf, sendableAt } from './quiet-hours.js';
import { KIND_DESCRIPTIONS } from './schemas.js';
import { notificationText, notificationTitle, notificationUrl } from './text.js';

type Db = Kysely<Database>;

export interface EmailJobOptions {
  db: Db;
  /** Null when this server sends no email: such jobs end without sending. */
  mailer: Mailer | null;
  publicUrl: string | null;
  unsubscribeLinks: SignedCodec;
}

export function emailJob({ db, mailer, publicUrl, unsubscribeLinks }: EmailJobOptions): JobHandler {
  return async (job) => {
    if (!mailer || !publicUrl) return;
    const id = Number(job.payload.id);
    const row = await findEmailToSend(db, id);
    // Gone (folded into a newer one, which has its own job), sent, seen in the app already, no
    // longer visible to them, or no longer wanted by email.
    if (!row || row.emailed_at || row.read_at || !row.visible || !row.wanted) return;

    const now = new Date();
    const quiet =
      row.quiet_start && row.quiet_end
        ? { start: minutesOf(row.quiet_start), end: minutesOf(row.quiet_end), timeZone: row.time_zone ?? 'UTC' }
        : null;
    const at = isUrgent(row.kind, row.starts_at, now) ? now : sendableAt(now, quiet);
    if (at.getTime() > now.getTime()) {
      // Quiet hours: the same job (same key) waits until they end.
      await enqueueJob(db, {
        kind: EMAIL_JOB,
        payload: job.payload,
        key: `notification-email:${id}`,
        runAt: at,
        maxAttempts: EMAIL_ATTEMPTS,
      });
      return;
    }

    const token = unsubscribeLinks.encode({ u: row.user_id, k: row.kind });
    const text = notificationText(row);
    const content = renderMail({
      paragraphs: [`Hello ${row.name},`, text],
      action: { label: 'Open in Vicinity', url: `${publicUrl}${notificationUrl(row)}` },
      footer: [
        { text: `You get this email because you asked to be told by email: ${KIND_DESCRIPTIONS[row.kind]}` },
        {
          text: 'Stop these emails:',
          link: { label: 'unsubscribe', url: `${publicUrl}/unsubscribe?token=${encodeURIComponent(token)}` },
        },
        {
          text: 'Choose what you are told, and quiet hours:',
          link: { label: 'settings', url: `${publicUrl}/me/notifications` },
        },
      ],
    });
    await mailer.send({
      to: row.address,
      subject: notificationTitle(row),
      ...content,
      messageId: `notification-${row.id}@${new URL(publicUrl).hostname}`,
      unsubscribeUrl: `${publicUrl}/api/notifications/unsubscribe?token=${encodeURIComponent(token)}`,
    });
    await markEmailed(db, id);
  };
}

/** A reminder job: its fan-out, in a transaction of its own. */
export function reminderJob(db: Db): JobHandler {
  return async (job) => {
    const { event, which, startsAt } = job.payload as { event: number; which: 'day' | '2h'; startsAt: string };
    await db.transaction().execute((trx) => sendReminders(trx, Number(event), which, startsAt));
  };
}

/** Every job kind of notifications with its handler, for app.jobs. */
export function notificationJobs(options: EmailJobOptions): Array<[kind: string, handler: JobHandler]> {
  return [
    [EMAIL_JOB, emailJob(options)],
    [REMINDER_JOB, reminderJob(options.db)],
  ];
}
