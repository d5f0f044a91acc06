/**
 * The automatic first line: a stage every new post and comment passes, inside the transaction
 * that writes it, that holds it for review instead of publishing it — never drops it. New
 * accounts (the first NEW_ACCOUNT_HOURS) may publish fewer posts an hour and fewer links; a group
 * may list words or links that send content to its queue. The author sees the held content and
 * why; the hold is in the public log; moderators release it (`restore`) or remove it.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { ModeratedType } from '../../db/tables/moderation.js';
import { findBan, firstLineFacts, insertAction, isBlocked, setModerated } from './queries.js';
import { AppError } from '../../plugins/errors.js';

type Db = Kysely<Database>;

export interface FirstLineSettings {
  newAccountHours: number;
  postsPerHour: number;
  maxLinks: number;
}

let settings: FirstLineSettings = { newAccountHours: 24, postsPerHour: 5, maxLinks: 2 };

/**
 * Set from the config when the app is built (routes.ts); kept here because features call the
 * first line with nothing but their transaction.
 */
export function configureFirstLine(next: FirstLineSettings): void {
  settings = next;
}

const LINK = /\bhttps?:\/\/|\bwww\.[a-z0-9-]/gi;

/** How many links a text carries. */
export function countLinks(text: string): number {
  return text.match(LINK)?.length ?? 0;
}

/** The first held term the text contains, compared without case; undefined when none. */
export function heldTermIn(text: string, terms: readonly string[]): string | undefined {
  const lower = text.toLowerCase();
  return terms.find((term) => term.trim() !== '' && lower.includes(term.trim().toLowerCase()));
}

/** Why the content should be held, or null to publish it. Pure, for unit tests. */
export function holdReason(
  facts: { accountAgeHours: number; recent: number; heldTerms: readonly string[] },
  text: string,
  s: FirstLineSettings = settings,
): string | null {
  const term = heldTermIn(text, facts.heldTerms);
  if (term !== undefined) {
    return `Held for review: it contains "${term}", which this group’s moderators review before it is published.`;
  }
  if (facts.accountAgeHours < s.newAccountHours) {
    if (countLinks(text) > s.maxLinks) {
      return `Held for review: new accounts may include at most ${s.maxLinks} link${s.maxLinks === 1 ? '' : 's'}; a moderator will look at it soon.`;
    }
    if (facts.recent > s.postsPerHour) {
      return `Held for review: new accounts may publish ${s.postsPerHour} posts and comments an hour; a moderator will look at it soon.`;
    }
  }
  return null;
}

/**
 * Holds the just-written post or comment when the first line says so (recorded in the log as done
 * by "the automatic first line"); answers the reason, or null when it is published.
 */
export async function holdIfNeeded(
  trx: Db,
  input: { subject: { type: ModeratedType; id: number }; authorId: number; groupId: number | null; text: string },
): Promise<string | null> {
  const facts = await firstLineFacts(trx, input.authorId, input.groupId);
  const reason = holdReason(
    {
      accountAgeHours: (Date.now() - facts.created_at.getTime()) / 3_600_000,
      recent: facts.recent,
      heldTerms: facts.held_terms,
    },
    input.text,
  );
  if (reason === null) return null;
  await setModerated(trx, {
    type: input.subject.type,
    id: input.subject.id,
    state: 'held',
    reason,
    groupId: input.groupId,
    authorId: input.authorId,
  });
  await insertAction(trx, {
    action: 'hold',
    type: input.subject.type,
    id: input.subject.id,
    groupId: input.groupId,
    targetUserId: input.authorId,
    actorId: null,
    actorRole: 'automatic',
    reason,
    until: null,
  });
  return reason;
}

/** Refuses writing in a group the person is banned from. */
export async function assertNotBanned(trx: Db, groupId: number | null, userId: number): Promise<void> {
  if (groupId === null) return;
  const ban = await findBan(trx, groupId, userId);
  if (!ban) return;
  const indefinite = ban.until.getUTCFullYear() >= 9999;
  throw new AppError(
    403,
    'banned_from_group',
    indefinite
      ? `A moderator banned you from this group: ${ban.reason}`
      : `A moderator banned you from this group until ${ban.until.toISOString()}: ${ban.reason}`,
    { until: indefinite ? null : ban.until.toISOString() },
  );
}

/** Whether `a` and `b` blocked each other either way (`one_way`: whether `a` blocked `b`). */
export async function blockedBetween(
  db: Db,
  a: number,
  b: number,
  mode: 'either' | 'one_way' = 'either',
): Promise<boolean> {
  return isBlocked(db, a, b, mode);
}
