/**
 * Looking for players: a meetup with `minPlayers` needs that many going to happen. With a
 * deadline, a job in the jobs table (so it survives restarts and runs in whichever process is
 * free) checks it then: still short, it is cancelled and everyone going, waitlisted and its
 * organizer are told (`onShortfall: 'cancel'`), or it is left as it is (`'keep'`).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { cancelJobs, enqueueJob, type JobHandler } from '../../jobs/queue.js';
import { notifyEventCancelled } from '../notifications/index.js';
import { cancelEvent, findPlayerDeadlines, lockEventForPlayerCheck } from './queries.js';

type Db = Kysely<Database>;

export const PLAYER_CHECK_JOB = 'event-player-check';
const jobKey = (eventId: number) => `event-player-check:${eventId}`;

/** (Re)writes each meetup's check job at its deadline, or takes it back when there is none. */
export async function schedulePlayerChecks(trx: Db, eventIds: number[]): Promise<void> {
  const stale: string[] = [];
  for (const event of await findPlayerDeadlines(trx, eventIds)) {
    if (event.players_deadline === null || event.status !== 'scheduled') {
      stale.push(jobKey(event.id));
      continue;
    }
    await enqueueJob(trx, {
      kind: PLAYER_CHECK_JOB,
      payload: { event: event.id, deadline: event.players_deadline.toISOString() },
      key: jobKey(event.id),
      runAt: event.players_deadline,
    });
  }
  if (stale.length > 0) await cancelJobs(trx, stale);
}

/** The check at the deadline. Safe to run twice: a cancelled meetup or a moved deadline is left alone. */
export async function checkPlayers(db: Db, eventId: number, deadline: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const event = await lockEventForPlayerCheck(trx, eventId);
    if (!event || event.status !== 'scheduled' || event.past) return;
    if (event.players_deadline?.toISOString() !== deadline || event.min_players === null) return;
    if (event.going >= event.min_players || event.on_shortfall !== 'cancel') return;
    await cancelEvent(trx, event.id);
    await notifyEventCancelled(trx, event.id, null, 'not_enough_players');
  });
}

export function playerCheckJob(db: Db): JobHandler {
  return async (job) => {
    const { event, deadline } = job.payload as { event: number; deadline: string };
    await checkPlayers(db, Number(event), deadline);
  };
}
