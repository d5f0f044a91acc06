/**
 * Moderation's rules: filing reports, the queue a moderator works through, the actions and what
 * each one does, and the public log. Who may act comes from policy/moderation.ts: site admins
 * everywhere, a group's owners and organizers in their group, suspensions by admins only.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { ModeratedType, ModerationActionKind, ReportSubjectType } from '../../db/tables/moderation.js';
import { AppError, forbidden, invalidField, notFound, unprocessable } from '../../plugins/errors.js';
import type { SignedCodec } from '../../plugins/signed-values.js';
import { countHit } from '../../db/rate-limits.js';
import { roleMay } from '../../policy/group-roles.js';
import { mayModerate, maySuspend, type Moderator } from '../../policy/moderation.js';
import { notifyModerationAction } from '../notifications/index.js';
import {
  banFromGroup,
  clearModerated,
  closeReports,
  findContent,
  findGroupForRules,
  findGroupRole,
  findLogPage,
  findQueuePage,
  findReport,
  findStanding,
  findSubject,
  insertAction,
  insertReport,
  listReportsBy,
  moderatesAnyGroup,
  lockDiscussion,
  moderatedState,
  setModerated,
  suspendUser,
  threadOfComment,
  updateGroupRules,
  type LogRow,
  type QueuePosition,
  type QueueRow,
} from './queries.js';
import type {
  ActionBody,
  CreateReportBody,
  GroupRulesBody,
  LogEntry,
  LogQuery,
  QueueItem,
  QueueQuery,
  Report,
  Subject,
} from './schemas.js';

type Db = Kysely<Database>;

/** Until when an indefinite ban or suspension lasts. */
const INDEFINITE = new Date('9999-12-31T00:00:00Z');

const isModerated = (type: ReportSubjectType): type is ModeratedType =>
  type === 'post' || type === 'comment' || type === 'event';

const subjectName = (type: ReportSubjectType) => (type === 'event' ? 'meetup' : type === 'user' ? 'person' : type);

function toReport(row: Awaited<ReturnType<typeof findReport>>): Report {
  return {
    id: row.id,
    subject: { type: row.subject_type, id: row.subject_id },
    reason: row.reason,
    note: row.note,
    status: row.status,
    outcome: row.outcome,
    createdAt: row.created_at.toISOString(),
  };
}

/** Files a report; one open report per person and subject (a second is answered 409). */
export async function fileReport(db: Db, reporterId: number, body: CreateReportBody): Promise<Report> {
  const { type, id } = body.subject;
  if (type === 'user' && id === reporterId) throw unprocessable('unprocessable', 'You cannot report yourself.');
  const subject = await findSubject(db, type, id, reporterId);
  if (!subject) throw notFound(`This ${subjectName(type)}`);
  const note = body.note?.trim() ? body.note.trim() : null;
  const reportId = await insertReport(db, {
    reporterId,
    type,
    id,
    groupId: subject.groupId,
    reason: body.reason,
    note,
  });
  if (reportId === undefined) {
    throw new AppError(409, 'report_open', 'You already reported this; you will hear what the moderators decide.');
  }
  return toReport(await findReport(db, reportId));
}

/** Counts a report against the person's hourly allowance: null when allowed, else seconds to wait. */
export async function reportAllowance(db: Db, reporterId: number, perHour: number): Promise<number | null> {
  const hit = await countHit(db, `reports:${reporterId}`, 3_600_000);
  return hit.hits > perHour ? Math.max(1, Math.ceil(hit.ttlMs / 1000)) : null;
}

export async function myReports(db: Db, reporterId: number): Promise<Report[]> {
  return (await listReportsBy(db, reporterId, 100)).map(toReport);
}

function isQueuePosition(value: unknown): value is QueuePosition {
  const v = value as QueuePosition;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.s === 'string' &&
    !Number.isNaN(Date.parse(v.s)) &&
    typeof v.t === 'string' &&
    Number.isSafeInteger(v.i)
  );
}

/** The queue of whoever asks: their groups' reports and held content; everything for a site admin. */
export async function readQueue(
  cursors: SignedCodec,
  db: Db,
  who: Moderator,
  query: QueueQuery,
): Promise<{ items: QueueItem[]; nextCursor: string | null }> {
  let after: QueuePosition | null = null;
  if (query.cursor !== undefined) {
    try {
      after = cursors.decode(query.cursor, isQueuePosition);
    } catch {
      throw invalidField('cursor', 'is not a cursor this server gave out');
    }
  }
  if (!who.isAdmin && !(await moderatesAnyGroup(db, who.id))) {
    throw forbidden('Only group owners and organizers and the site admins have a moderation queue.');
  }
  const limit = query.limit ?? 25;
  const rows = await findQueuePage(db, who, { groupId: query.groupId, after, limit });
  const page = rows.slice(0, limit);
  const items: QueueItem[] = [];
  for (const row of page) items.push(await queueItem(db, row));
  const last = page.at(-1);
  return {
    items,
    nextCursor:
      rows.length > limit && last
        ? cursors.encode({ s: last.since.toISOString(), t: last.subject_type, i: last.subject_id })
        : null,
  };
}

const person = (id: number | null, name: string | null) =>
  id !== null && name !== null ? { id, displayName: name } : null;

async function queueItem(db: Db, row: QueueRow): Promise<QueueItem> {
  const content = await findContent(db, row.subject_type, row.subject_id);
  const context: QueueItem['context'] = [];
  if (content && row.subject_type === 'comment') {
    if (content.parent_id !== null) {
      const parent = await findContent(db, 'comment', content.parent_id);
      if (parent) {
        context.push({
          id: content.parent_id,
          text: parent.text,
          author: person(parent.author_id, parent.author_name),
          relation: 'replies to',
        });
      }
    }
    const owner =
      content.post_id !== null
        ? await findContent(db, 'post', content.post_id)
        : content.event_id !== null
          ? await findContent(db, 'event', content.event_id)
          : undefined;
    if (owner) {
      context.push({
        id: (content.post_id ?? content.event_id)!,
        text: owner.title ?? '',
        author: person(owner.author_id, owner.author_name),
        relation: content.post_id !== null ? 'on the post' : 'on the meetup',
      });
    }
  }
  const standing = content?.author_id != null ? await findStanding(db, content.author_id) : undefined;
  return {
    subject: { type: row.subject_type, id: row.subject_id },
    group: row.group_id !== null && row.group_name !== null ? { id: row.group_id, name: row.group_name } : null,
    reports: row.reports,
    reasons: row.reasons,
    notes: row.notes,
    since: row.since.toISOString(),
    state: row.state ?? 'visible',
    heldReason: row.state === 'held' ? row.mod_reason : null,
    content: content
      ? {
          title: content.title,
          text: content.text,
          author: person(content.author_id, content.author_name),
          url: content.url,
        }
      : null,
    context,
    authorStanding: standing
      ? {
          removals: standing.removals,
          warnings: standing.warnings,
          suspended: standing.suspended,
          accountAgeDays: standing.age_days,
        }
      : null,
  };
}

/** "a site admin", "a moderator of Catan Crew", "the automatic first line". */
function actedAs(row: LogRow): string {
  switch (row.actor_role) {
    case 'admin':
      return 'a site admin';
    case 'group_moderator':
      return `a moderator of ${row.group_name ?? 'the group'}`;
    case 'automatic':
      return 'the automatic first line';
  }
}

function toLogEntry(row: LogRow): LogEntry {
  const named = ['post', 'event', 'group', 'place'].includes(row.subject_type);
  return {
    id: row.id,
    at: row.created_at.toISOString(),
    action: row.action,
    subjectType: row.subject_type,
    subjectId: named ? row.subject_id : null,
    group: row.group_id !== null && row.group_name !== null ? { id: row.group_id, name: row.group_name } : null,
    reason: row.reason,
    actedAs: actedAs(row),
    until: row.until && row.until.getUTCFullYear() < 9999 ? row.until.toISOString() : null,
    rulesUrl: row.group_id !== null ? `/groups/${row.group_id}#rules` : null,
  };
}

export async function readLog(
  cursors: SignedCodec,
  db: Db,
  viewerId: number | null,
  query: LogQuery,
): Promise<{ entries: LogEntry[]; nextCursor: string | null }> {
  let beforeId: number | null = null;
  if (query.cursor !== undefined) {
    try {
      beforeId = cursors.decode(query.cursor, (v): v is { b: number } =>
        Number.isSafeInteger((v as { b?: unknown } | null)?.b),
      ).b;
    } catch {
      throw invalidField('cursor', 'is not a cursor this server gave out');
    }
  }
  const limit = query.limit ?? 50;
  const rows = await findLogPage(db, viewerId, { groupId: query.groupId, beforeId, limit });
  const page = rows.slice(0, limit);
  return {
    entries: page.map(toLogEntry),
    nextCursor: rows.length > limit && page.length > 0 ? cursors.encode({ b: page.at(-1)!.id }) : null,
  };
}

/** What each action closes its open reports as (restore and unlock leave them). */
const CLOSES: Partial<Record<ModerationActionKind, 'actioned' | 'dismissed'>> = {
  remove: 'actioned',
  dismiss: 'dismissed',
  lock: 'actioned',
  ban_from_group: 'actioned',
  suspend: 'actioned',
  warn: 'actioned',
};

/**
 * Carries out a moderation action, records it with its reason and who acted, closes the
 * subject's open reports and writes the safety notices (the author is told what and why, the
 * reporters the outcome). All in one transaction.
 */
export async function act(db: Db, who: Moderator, body: ActionBody) {
  const { type, id } = body.subject;
  const reason = body.reason.trim();
  if (reason === '') throw invalidField('reason', 'must not be blank', 'body');
  const until = body.until === undefined ? INDEFINITE : new Date(body.until);
  if (body.until !== undefined && until.getTime() <= Date.now()) {
    throw invalidField('until', 'must be in the future', 'body');
  }
  return db.transaction().execute(async (trx) => {
    const subject = await findSubject(trx, type, id, 'anyone');
    if (!subject) throw notFound(`This ${subjectName(type)}`);
    // A ban of a person names the group; any other action is decided by the subject's group.
    const groupId = body.action === 'ban_from_group' && type === 'user' ? (body.groupId ?? null) : subject.groupId;
    const role = groupId === null ? null : await findGroupRole(trx, groupId, who.id);
    if (!mayModerate(who, groupId, role)) {
      throw forbidden(
        groupId === null
          ? 'Only the site admins moderate this.'
          : 'Only the site admins and this group’s owners and organizers moderate its content.',
      );
    }
    const target = subject.authorId;
    // Read before the action: what the author is told it was about (never its text).
    const content = await findContent(trx, type, id);
    let was: 'removed' | 'held' | undefined;
    switch (body.action) {
      case 'remove':
        if (!isModerated(type)) {
          throw unprocessable(
            'unprocessable',
            'Only posts, comments and meetups can be removed; suspend or warn instead.',
          );
        }
        await setModerated(trx, { type, id, state: 'removed', reason, groupId: subject.groupId, authorId: target });
        break;
      case 'restore': {
        if (!isModerated(type))
          throw unprocessable('unprocessable', 'Only posts, comments and meetups can be restored.');
        was = await clearModerated(trx, type, id);
        if (was === undefined)
          throw unprocessable('unprocessable', 'It is neither removed nor held: nothing to restore.');
        break;
      }
      case 'dismiss':
        break;
      case 'lock':
      case 'unlock': {
        const thread =
          type === 'comment'
            ? await threadOfComment(trx, id).then((row) =>
                row?.post_id != null
                  ? { kind: 'post' as const, id: row.post_id }
                  : { kind: 'event' as const, id: row!.event_id! },
              )
            : type === 'post' || type === 'event'
              ? { kind: type, id }
              : null;
        if (!thread) throw unprocessable('unprocessable', 'Only a post’s or meetup’s discussion can be locked.');
        await lockDiscussion(trx, thread.kind, thread.id, body.action === 'lock');
        break;
      }
      case 'ban_from_group': {
        if (groupId === null) throw invalidField('groupId', 'is required to ban a person from a group', 'body');
        if (target === null) throw unprocessable('unprocessable', 'Its author’s account is gone.');
        await banFromGroup(trx, { groupId, userId: target, until, reason });
        break;
      }
      case 'suspend':
        if (!maySuspend(who)) throw forbidden('Only site admins suspend accounts.');
        if (target === null) throw unprocessable('unprocessable', 'Its author’s account is gone.');
        if (target === who.id) throw unprocessable('unprocessable', 'You cannot suspend yourself.');
        await suspendUser(trx, target, until);
        break;
      case 'warn':
        if (target === null) throw unprocessable('unprocessable', 'Its author’s account is gone.');
        break;
    }
    const actionId = await insertAction(trx, {
      action: body.action,
      type,
      id,
      groupId,
      targetUserId: target,
      actorId: who.id,
      actorRole:
        who.isAdmin && !(groupId !== null && role !== null && roleMay(role, 'moderate_content'))
          ? 'admin'
          : 'group_moderator',
      reason,
      until: body.action === 'ban_from_group' || body.action === 'suspend' ? until : null,
    });
    const status = CLOSES[body.action];
    const reporters = status
      ? await closeReports(trx, type, id, status, `${body.action === 'dismiss' ? 'dismissed' : body.action}: ${reason}`)
      : [];
    const [row] = await findLogPage(trx, null, { beforeId: null, limit: 1, ids: [actionId] });
    const entry = toLogEntry(row!);
    await notifyModerationAction(
      trx,
      {
        actionId,
        action: body.action,
        subject: { type, id },
        title: content?.title ?? null,
        targetId: target,
        actorId: who.id,
        actedAs: entry.actedAs,
        reason,
        until: entry.until,
        group: entry.group,
        contentUrl: content?.url ?? null,
        ...(was ? { was } : {}),
      },
      reporters,
    );
    return { entry, reportsClosed: reporters.length };
  });
}

/** The state of a moderated subject, for its author (held: why). */
export async function stateOf(db: Db, type: ModeratedType, id: number) {
  return moderatedState(db, type, id);
}

/** A group's rules (everyone); its held terms too for its moderators and the site admins. */
export async function readGroupRules(db: Db, groupId: number, who: Moderator | null) {
  const group = await findGroupForRules(db, groupId);
  if (!group) throw notFound('This group');
  const role = who ? await findGroupRole(db, groupId, who.id) : null;
  const moderator = who !== null && mayModerate(who, groupId, role);
  return { groupId: group.id, rules: group.rules, heldTerms: moderator ? group.held_terms : null };
}

export async function changeGroupRules(db: Db, groupId: number, who: Moderator, body: GroupRulesBody) {
  const group = await findGroupForRules(db, groupId);
  if (!group) throw notFound('This group');
  const role = await findGroupRole(db, groupId, who.id);
  if (!mayModerate(who, groupId, role)) {
    throw forbidden('Only the site admins and this group’s owners and organizers change its rules.');
  }
  const heldTerms = body.heldTerms?.map((term) => term.trim()).filter((term) => term.length > 0);
  await updateGroupRules(db, groupId, { rules: body.rules, heldTerms });
  return readGroupRules(db, groupId, who);
}

export type { Subject };
