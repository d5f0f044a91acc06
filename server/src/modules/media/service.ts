/**
 * Photos: uploading one (checked, processed, stored), changing its text, deleting it, and
 * answering a request for one of its files to whoever may see it.
 *
 * Nothing is half-written. A photo's rows are written, in one transaction, before its objects:
 * if storing an object then fails, the rows are deleted again and a job deletes whatever objects
 * were written; if the process dies in between, the photo is unattached and its expiry job
 * deletes it after a day. Objects are deleted only by a job that runs after the transaction that
 * deleted their rows has committed, and only when no row names them any more (two photos with
 * the same bytes share one object).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { MediaVariant } from '../../db/tables/media.js';
import { cancelJobs, enqueueJob } from '../../jobs/queue.js';
import { AppError, invalidField, notFound } from '../../plugins/errors.js';
import type { SignedCodec } from '../../plugins/signed-values.js';
import { mayUseMedia } from '../../policy/media.js';
import { contentKey, type ObjectStorage, type StoredObject } from '../../storage/index.js';
import { CONTENT_TYPES, FORMAT_OF_EXTENSION, readMediaKey, toMedia } from './links.js';
import { ImageRefusal, processImage, type ProcessingQueue } from './processing.js';
import {
  deleteIfUnattached,
  deleteMediaRows,
  findAttachedMedia,
  findFileForViewer,
  findMediaByIds,
  findMediaIdsOf,
  findMediaIdsOfGroups,
  findMediaIdsOwnedBy,
  findMediaOfOwner,
  insertMedia,
  isObjectKeyUsed,
  lockObjectKeys,
  replaceAttachments,
  updateAlt,
  type MediaSubject,
  type SubjectType,
} from './queries.js';
import { MAX_ALT_LENGTH, type Media } from './schemas.js';
import { SNIFF_BYTES, sniffImageType } from './sniff.js';

type Db = Kysely<Database>;

export const EXPIRE_JOB = 'media.expire';
export const DELETE_OBJECTS_JOB = 'media.delete-objects';
/** How long an uploaded photo waits to be attached before it is deleted. */
export const UNATTACHED_LIFETIME_MS = 24 * 60 * 60 * 1000;

const expiryKey = (id: number) => `${EXPIRE_JOB}:${id}`;

export interface MediaContext {
  db: Db;
  storage: ObjectStorage;
  keys: SignedCodec;
  queue: ProcessingQueue;
  maxPixels: number;
}

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Alt text, trimmed; 400 when it is missing, blank, too long or holds control characters. */
export function checkAlt(raw: string | undefined, where = 'body'): string {
  const alt = raw?.trim() ?? '';
  if (alt === '') {
    throw invalidField('alt', 'is required: describe the photo for people who cannot see it', where);
  }
  if (alt.length > MAX_ALT_LENGTH) throw invalidField('alt', `must be at most ${MAX_ALT_LENGTH} characters`, where);
  if (CONTROL_CHARACTER.test(alt)) throw invalidField('alt', 'must not contain control characters', where);
  return alt;
}

/** The type read from the file's first bytes, refused unless it is one the server turns into photos. */
function checkImageType(bytes: Buffer): void {
  const type = sniffImageType(bytes.subarray(0, SNIFF_BYTES));
  if (type === 'svg') {
    throw new AppError(415, 'unsupported_image', 'SVG images are not accepted: they can carry scripts.', { type });
  }
  if (type === 'heic') {
    throw new AppError(
      415,
      'unsupported_image',
      'HEIC photos cannot be read here. Send it as JPEG (phones convert it when you pick it in the browser).',
      { type },
    );
  }
  if (type === null) {
    throw new AppError(415, 'unsupported_image', 'The file is not a JPEG, PNG, WebP, AVIF or GIF image.');
  }
}

/** Checks, processes and stores an uploaded photo; answers it as its uploader sees it. */
export async function uploadPhoto(ctx: MediaContext, ownerId: number, bytes: Buffer, rawAlt: string): Promise<Media> {
  const alt = checkAlt(rawAlt);
  checkImageType(bytes);
  if (!ctx.queue.hasRoom()) {
    throw new AppError(503, 'busy', 'Too many photos are being processed. Try again in a moment.');
  }
  let processed;
  try {
    processed = await ctx.queue.run(() => processImage(bytes, { maxPixels: ctx.maxPixels }));
  } catch (error) {
    if (!(error instanceof ImageRefusal)) throw error;
    const code = error.reason === 'too_many_pixels' ? 'image_too_large' : 'image_unreadable';
    throw new AppError(422, code, error.message, error.details);
  }

  const files = processed.renditions.map((rendition) => ({
    ...rendition,
    key: contentKey(rendition.sha256, rendition.format === 'webp' ? 'webp' : 'jpg'),
  }));
  const id = await ctx.db.transaction().execute(async (trx) => {
    await lockObjectKeys(
      trx,
      files.map((file) => file.key),
    );
    const mediaId = await insertMedia(trx, {
      ownerId,
      alt,
      width: processed.width,
      height: processed.height,
      placeholder: processed.placeholder,
      sizes: processed.sizes,
      files: files.map(({ variant, format, key, bytes: data }) => ({ variant, format, key, bytes: data.length })),
    });
    await enqueueJob(trx, {
      kind: EXPIRE_JOB,
      key: expiryKey(mediaId),
      payload: { id: mediaId },
      runAt: new Date(Date.now() + UNATTACHED_LIFETIME_MS),
    });
    return mediaId;
  });

  try {
    const written = new Set<string>();
    for (const file of files) {
      if (written.has(file.key)) continue;
      await ctx.storage.put(file.key, file.bytes, CONTENT_TYPES[file.format]);
      written.add(file.key);
    }
  } catch (error) {
    await ctx.db.transaction().execute(async (trx) => {
      await deleteMedia(trx, [id]);
      await cancelJobs(trx, [expiryKey(id)]);
    });
    // Answered 503 `unavailable` and logged with the cause, which stays out of the answer.
    const reason = error instanceof Error ? error.message : String(error);
    throw Object.assign(new Error(`Could not store a photo's files: ${reason}`, { cause: error }), { statusCode: 503 });
  }
  return readOwnMedia(ctx, id, ownerId);
}

/** The photo as its uploader sees it; 404 for anyone else. */
export async function readOwnMedia(ctx: Pick<MediaContext, 'db' | 'keys'>, id: number, viewerId: number) {
  const [row] = await findMediaByIds(ctx.db, [id]);
  if (!row || !mayUseMedia({ ownerId: row.owner_id }, viewerId)) throw notFound('This photo');
  return toMedia(row, ctx.keys, viewerId);
}

export async function changeAlt(ctx: MediaContext, id: number, viewerId: number, rawAlt: string): Promise<Media> {
  const alt = checkAlt(rawAlt);
  await readOwnMedia(ctx, id, viewerId);
  await updateAlt(ctx.db, id, alt);
  return readOwnMedia(ctx, id, viewerId);
}

/** Deletes one of your photos, wherever it is shown. */
export async function removeMedia(ctx: MediaContext, id: number, viewerId: number): Promise<void> {
  await readOwnMedia(ctx, id, viewerId);
  await ctx.db.transaction().execute(async (trx) => deleteMedia(trx, [id]));
}

// --- Attaching and deleting, for the features that show photos ----------------------------------

/**
 * Deletes the photos' rows now and their objects after the transaction commits (a job), so a
 * rolled-back change keeps its photos whole.
 */
export async function deleteMedia(trx: Db, ids: number[]): Promise<void> {
  const keys = await deleteMediaRows(trx, ids);
  if (keys.length > 0) await enqueueJob(trx, { kind: DELETE_OBJECTS_JOB, payload: { keys } });
}

/**
 * Makes `mediaIds` the subject's photos, in order, inside the subject's transaction. Each must be
 * the viewer's own upload and not shown elsewhere; photos the subject no longer shows are deleted.
 */
export async function setMedia(
  trx: Db,
  subject: MediaSubject,
  mediaIds: readonly number[],
  viewerId: number,
  field = 'mediaIds',
): Promise<void> {
  const ids = [...mediaIds];
  // FOR UPDATE: two requests putting the same photo on two things take turns, and the second sees it taken.
  const rows = await findMediaByIds(trx, ids, { lock: true });
  const here = `${subject.type}:${subject.id}`;
  const refused = ids.filter((id) => {
    const row = rows.find((candidate) => candidate.id === id);
    return !row || !mayUseMedia({ ownerId: row.owner_id }, viewerId) || (row.attached_to ?? here) !== here;
  });
  if (refused.length > 0) {
    throw invalidField(
      field,
      `names photos that are not yours, no longer exist or are shown elsewhere: ${refused.join(', ')}`,
      'body',
    );
  }
  const removed = await replaceAttachments(trx, subject, ids);
  await cancelJobs(trx, ids.map(expiryKey));
  await deleteMedia(trx, removed);
}

/** Deletes the photos of these subjects (a deleted post, a cancelled meetup, a deleted place). */
export async function deleteMediaOf(trx: Db, type: SubjectType, subjectIds: number[]): Promise<void> {
  await deleteMedia(trx, await findMediaIdsOf(trx, type, subjectIds));
}

/** Deletes the photos of groups about to be deleted: covers, and those of their posts and meetups. */
export async function deleteMediaOfGroups(trx: Db, groupIds: number[]): Promise<void> {
  await deleteMedia(trx, await findMediaIdsOfGroups(trx, groupIds));
}

/** Deletes every photo a person uploaded (their account is being deleted). */
export async function deleteMediaOfOwner(trx: Db, ownerId: number): Promise<void> {
  await deleteMedia(trx, await findMediaIdsOwnedBy(trx, ownerId));
}

/** Who is looking, and the codec that signs their photo keys; null for nobody signed in. */
export type MediaViewer = { id: number; keys: SignedCodec } | null;

/** The photos of these subjects as the viewer gets them, by subject id, in order. */
export async function mediaOf(
  db: Db,
  type: SubjectType,
  subjectIds: number[],
  viewer: MediaViewer,
): Promise<Map<number, Media[]>> {
  const bySubject = new Map<number, Media[]>(subjectIds.map((id) => [id, []]));
  for (const row of await findAttachedMedia(db, type, subjectIds)) {
    bySubject.get(row.subject_id)?.push(toMedia(row, viewer?.keys ?? null, viewer?.id ?? null));
  }
  return bySubject;
}

/** Sets `avatar` on each person shown (their profile photo, or null); avatars are for everyone to see. */
export async function addAvatars(db: Db, people: Array<{ id: number; avatar?: unknown } | null>): Promise<void> {
  const shown = people.filter((person) => person !== null);
  if (shown.length === 0) return;
  const avatars = await mediaOf(db, 'user', [...new Set(shown.map((person) => person.id))], null);
  for (const person of shown) person.avatar = avatars.get(person.id)?.[0] ?? null;
}

/** Every photo the person uploaded, with links good for at least a day, for their export. */
export async function photosForExport(db: Db, keys: SignedCodec, ownerId: number, origin: string) {
  const rows = await findMediaOfOwner(db, ownerId);
  return rows.map((row) => {
    // Their own photos are theirs to fetch wherever they are shown: the links always carry a key.
    const media = toMedia({ ...row, restricted: true }, keys, ownerId);
    const [type, id] = row.attached_to?.split(':') ?? [];
    return {
      id: row.id,
      alt: row.alt,
      width: row.width,
      height: row.height,
      createdAt: row.created_at.toISOString(),
      attachedTo: type && id ? { type: type as SubjectType, id: Number(id) } : null,
      jpeg: `${origin}${media.jpegUrls.large}`,
      webp: `${origin}${media.urls.large}`,
    };
  });
}

// --- Jobs --------------------------------------------------------------------------------------

/** An upload still unattached a day later is deleted. */
export async function expireUnattached(db: Db, id: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const keys = await deleteIfUnattached(trx, id);
    if (keys && keys.length > 0) await enqueueJob(trx, { kind: DELETE_OBJECTS_JOB, payload: { keys } });
  });
}

/** Deletes each object no photo names any more; safe to repeat. */
export async function deleteUnusedObjects(db: Db, storage: ObjectStorage, keys: string[]): Promise<void> {
  for (const key of keys) {
    await db.transaction().execute(async (trx) => {
      await lockObjectKeys(trx, [key]);
      if (!(await isObjectKeyUsed(trx, key))) await storage.delete(key);
    });
  }
}

// --- Serving -----------------------------------------------------------------------------------

export interface MediaFileAnswer {
  etag: string;
  contentType: string;
  cacheControl: string;
  /** Null when the client's copy is current (304). */
  object: StoredObject | null;
}

/**
 * One rendition for whoever asks: the signed-in viewer, or the one the URL's key names. 404 when
 * they may not see it, as for a photo that does not exist.
 */
export async function openMediaFile(
  ctx: MediaContext,
  params: { id: number; file: string },
  key: string | undefined,
  viewerId: number | null,
  ifNoneMatch: string | undefined,
): Promise<MediaFileAnswer> {
  const [variant, extension] = params.file.split('.') as [MediaVariant, string];
  const format = FORMAT_OF_EXTENSION[extension]!;
  const reader = key === undefined ? viewerId : readMediaKey(ctx.keys, key);
  const file = await findFileForViewer(ctx.db, params.id, variant, format, reader);
  if (!file || !file.visible) throw notFound('This photo');
  // The key is the hash of the bytes: a strong validator that never changes for this URL.
  const etag = `"${file.key.slice(3, 3 + 32)}"`;
  const answer = {
    etag,
    contentType: CONTENT_TYPES[format],
    // A photo that not everyone may see stays out of shared caches.
    cacheControl: `${file.restricted || key !== undefined ? 'private' : 'public'}, max-age=31536000, immutable`,
  };
  if (ifNoneMatch !== undefined && ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) {
    return { ...answer, object: null };
  }
  const object = await ctx.storage.get(file.key);
  if (!object) throw notFound('This photo');
  return { ...answer, object };
}
