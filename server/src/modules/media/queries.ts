/** The SQL of photos: their rows, their files' keys, where they are attached, and who may see them. */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { MediaFormat, MediaSizes, MediaVariant } from '../../db/tables/media.js';
import { groupContentVisibleSql } from '../../policy/visibility.js';

type Db = Kysely<Database>;

export type SubjectType = 'post' | 'event' | 'group' | 'place' | 'user';
/** What a photo is attached to. */
export interface MediaSubject {
  type: SubjectType;
  id: number;
}

const SUBJECT_COLUMNS = {
  post: 'post_id',
  event: 'event_id',
  group: 'group_id',
  place: 'place_id',
  user: 'user_id',
} as const satisfies Record<SubjectType, string>;

export interface NewMedia {
  ownerId: number;
  alt: string;
  width: number;
  height: number;
  placeholder: string;
  sizes: MediaSizes;
  files: Array<{ variant: MediaVariant; format: MediaFormat; key: string; bytes: number }>;
}

/**
 * Holds the objects' keys until the transaction ends, so that the job deleting an object no
 * longer named by any row (deleteObjectIfUnused) and a new row naming it again take turns.
 * Keys are locked in one order, so two transactions never wait on each other.
 */
export async function lockObjectKeys(trx: Db, keys: string[]): Promise<void> {
  for (const key of [...new Set(keys)].sort()) {
    await sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(trx);
  }
}

export async function insertMedia(trx: Db, media: NewMedia): Promise<number> {
  const { id } = await trx
    .insertInto('media')
    .values({
      owner_id: media.ownerId,
      alt: media.alt,
      width: media.width,
      height: media.height,
      placeholder: media.placeholder,
      sizes: JSON.stringify(media.sizes),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('media_files')
    .values(media.files.map((file) => ({ media_id: id, ...file })))
    .execute();
  return id;
}

/** Whether any photo still names the object. */
export async function isObjectKeyUsed(db: Db, key: string): Promise<boolean> {
  const row = await db.selectFrom('media_files').select('media_id').where('key', '=', key).limit(1).executeTakeFirst();
  return row !== undefined;
}

export interface MediaRow {
  id: number;
  owner_id: number;
  alt: string;
  width: number;
  height: number;
  placeholder: string;
  sizes: MediaSizes;
  created_at: Date;
  /** Whether its URLs need a key: not attached yet, or attached to a group's post or meetup. */
  restricted: boolean;
}

/**
 * True when the photo's URLs need a key: only its uploader sees a photo not yet attached, and
 * only those who may see a group's content see its posts' and meetups' photos. Other photos
 * (avatars, covers, posts and meetups outside groups) are for everyone.
 */
function restrictedSql(): RawBuilder<boolean> {
  return sql<boolean>`(a.media_id is null
    or (a.post_id is not null and (select p.group_id from posts p where p.id = a.post_id) is not null)
    or (a.event_id is not null and (select e.group_id from events e where e.id = a.event_id) is not null))`;
}

const MEDIA_COLUMNS = sql.raw('m.id, m.owner_id, m.alt, m.width, m.height, m.placeholder, m.sizes, m.created_at');

/** The photos, by id, with whether each is attached anywhere (for the uploader). */
export async function findMediaByIds(
  db: Db,
  ids: number[],
  { lock = false }: { lock?: boolean } = {},
): Promise<Array<MediaRow & { attached_to: string | null }>> {
  if (ids.length === 0) return [];
  const { rows } = await sql<MediaRow & { attached_to: string | null }>`
    select ${MEDIA_COLUMNS}, ${restrictedSql()} as restricted,
      case when a.post_id is not null then 'post:' || a.post_id
        when a.event_id is not null then 'event:' || a.event_id
        when a.group_id is not null then 'group:' || a.group_id
        when a.place_id is not null then 'place:' || a.place_id
        when a.user_id is not null then 'user:' || a.user_id end as attached_to
    from media m left join media_attachments a on a.media_id = m.id
    where m.id = any(${ids}::bigint[])
    ${lock ? sql`order by m.id for update of m` : sql``}`.execute(db);
  return rows;
}

/** The photos attached to these subjects of one type, in order, with the subject each belongs to. */
export async function findAttachedMedia(
  db: Db,
  type: SubjectType,
  subjectIds: number[],
): Promise<Array<MediaRow & { subject_id: number }>> {
  if (subjectIds.length === 0) return [];
  const column = sql.ref(`a.${SUBJECT_COLUMNS[type]}`);
  const { rows } = await sql<MediaRow & { subject_id: number }>`
    select ${MEDIA_COLUMNS}, ${restrictedSql()} as restricted, ${column} as subject_id
    from media_attachments a join media m on m.id = a.media_id
    where ${column} = any(${subjectIds}::bigint[])
    order by ${column}, a.position`.execute(db);
  return rows.map((row) => ({ ...row, subject_id: Number(row.subject_id) }));
}

/** Makes `mediaIds` the subject's photos, in that order; answers the ids it held before that are no longer in it. */
export async function replaceAttachments(trx: Db, subject: MediaSubject, mediaIds: number[]): Promise<number[]> {
  const column = SUBJECT_COLUMNS[subject.type];
  const removed = await trx
    .deleteFrom('media_attachments')
    .where(column, '=', subject.id)
    .$if(mediaIds.length > 0, (query) => query.where('media_id', 'not in', mediaIds))
    .returning('media_id')
    .execute();
  if (mediaIds.length > 0) {
    await trx
      .insertInto('media_attachments')
      .values(mediaIds.map((mediaId, position) => ({ media_id: mediaId, position, [column]: subject.id })))
      .onConflict((conflict) =>
        conflict.column('media_id').doUpdateSet({ position: (eb) => eb.ref('excluded.position') }),
      )
      .execute();
  }
  return removed.map((row) => row.media_id);
}

/** The photos attached to these subjects. */
export async function findMediaIdsOf(db: Db, type: SubjectType, subjectIds: number[]): Promise<number[]> {
  if (subjectIds.length === 0) return [];
  const rows = await db
    .selectFrom('media_attachments')
    .select('media_id')
    .where(SUBJECT_COLUMNS[type], 'in', subjectIds)
    .execute();
  return rows.map((row) => row.media_id);
}

/** The photos of groups: their covers and the photos of their posts and meetups (which go with them). */
export async function findMediaIdsOfGroups(db: Db, groupIds: number[]): Promise<number[]> {
  if (groupIds.length === 0) return [];
  const { rows } = await sql<{ media_id: number }>`
    select a.media_id from media_attachments a
    where a.group_id = any(${groupIds}::bigint[])
      or a.post_id in (select p.id from posts p where p.group_id = any(${groupIds}::bigint[]))
      or a.event_id in (select e.id from events e where e.group_id = any(${groupIds}::bigint[]))`.execute(db);
  return rows.map((row) => Number(row.media_id));
}

export async function findMediaIdsOwnedBy(db: Db, ownerId: number): Promise<number[]> {
  const rows = await db.selectFrom('media').select('id').where('owner_id', '=', ownerId).execute();
  return rows.map((row) => row.id);
}

/** Deletes the photos' rows (their files' and attachments' rows with them); answers the object keys they named. */
export async function deleteMediaRows(trx: Db, ids: number[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const files = await trx.selectFrom('media_files').select('key').where('media_id', 'in', ids).execute();
  await trx.deleteFrom('media').where('id', 'in', ids).execute();
  return [...new Set(files.map((file) => file.key))];
}

/** Deletes the photo if it is still attached nowhere; answers the object keys it named (none if it stayed). */
export async function deleteIfUnattached(trx: Db, id: number): Promise<string[] | null> {
  const row = await trx
    .selectFrom('media')
    .leftJoin('media_attachments', 'media_attachments.media_id', 'media.id')
    .select(['media.id', 'media_attachments.media_id as attached'])
    .where('media.id', '=', id)
    .forUpdate('media')
    .executeTakeFirst();
  if (!row || row.attached !== null) return null;
  return deleteMediaRows(trx, [id]);
}

export async function updateAlt(db: Db, id: number, alt: string): Promise<void> {
  await db.updateTable('media').set({ alt, updated_at: new Date() }).where('id', '=', id).execute();
}

export interface MediaFileForViewer {
  key: string;
  bytes: number;
  visible: boolean;
  restricted: boolean;
}

/**
 * One rendition's object, and whether the viewer may see it: its uploader always; anyone the
 * avatar, cover or post or meetup outside a group it is attached to; for a group's post or meetup,
 * whoever may see that group's content (the same rule as the post or meetup itself).
 */
export async function findFileForViewer(
  db: Db,
  mediaId: number,
  variant: MediaVariant,
  format: MediaFormat,
  viewerId: number | null,
): Promise<MediaFileForViewer | undefined> {
  const { rows } = await sql<MediaFileForViewer>`
    select f.key, f.bytes, ${restrictedSql()} as restricted,
      (m.owner_id = ${viewerId}::bigint
        or a.user_id is not null or a.group_id is not null or a.place_id is not null
        or exists (select 1 from posts p where p.id = a.post_id and p.deleted_at is null
          and ${groupContentVisibleSql('p.group_id', viewerId)})
        or exists (select 1 from events e where e.id = a.event_id
          and ${groupContentVisibleSql('e.group_id', viewerId)})) as visible
    from media_files f
    join media m on m.id = f.media_id
    left join media_attachments a on a.media_id = m.id
    where f.media_id = ${mediaId}::bigint and f.variant = ${variant} and f.format = ${format}`.execute(db);
  return rows[0];
}

/** Every photo one person uploaded, oldest first, with what it is attached to (for their export). */
export async function findMediaOfOwner(db: Db, ownerId: number) {
  const ids = await findMediaIdsOwnedBy(db, ownerId);
  const rows = await findMediaByIds(db, ids);
  return rows.sort((a, b) => a.id - b.id);
}
