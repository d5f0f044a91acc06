/**
 * Long-form posts. A post has a point (its own, or its place's or group's); a post in a private
 * group is for members only and reads as 404 to everyone else. Deleting keeps a post's place so
 * the discussion around it stays readable.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { GroupVisibility } from '../../db/tables/places-and-groups.js';
import type { LatLng } from '../../geo/point.js';
import { conflict, forbidden, invalidField, notFound } from '../../plugins/errors.js';
import type { SignedCodec } from '../../plugins/signed-values.js';
import { mayEdit, mayRemove } from '../../policy/content.js';
import { addAvatars, deleteMediaOf, mediaOf, setMedia, type MediaViewer } from '../media/index.js';
import { assertNotBanned, holdIfNeeded } from '../moderation/index.js';
import { discussionPage, postThread } from './comment-service.js';
import {
  deletePost,
  DELETED_POST_TITLE,
  findPost,
  groupForPosting,
  insertPost,
  listPublicPostsBy,
  personExists,
  placePoint,
  updatePost,
  type PostRow,
} from './queries.js';
import {
  PERSON_POSTS_SHOWN,
  removedText,
  type PersonPostList,
  type CommentNode,
  type CreatePostBody,
  type Discussion,
  type Post,
  type UpdatePostBody,
} from './schemas.js';

/** The title a removed post shows instead of its own. */
const REMOVED_POST_TITLE = '[removed]';

type Db = Kysely<Database>;

/** Text a person must write: given fields may not be only spaces. */
function notBlank(value: string | undefined, field: string): void {
  if (value !== undefined && value.trim() === '') throw invalidField(field, 'must not be blank', 'body');
}

const authored = (row: PostRow) => ({ authorId: row.author_id, viewerRole: row.my_role });

function toPost(row: PostRow, viewerId: number | null, discussion: Discussion): Post {
  const deleted = row.deleted_at !== null;
  if (!deleted && row.mod_state === 'removed') {
    // Everyone sees why, never what: the discussion under it stays readable.
    const reason = row.mod_reason ?? '';
    return {
      ...toPost({ ...row, mod_state: null }, viewerId, discussion),
      title: REMOVED_POST_TITLE,
      body: '',
      bodyHtml: `<p>${removedText(reason).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)}</p>`,
      author: null,
      canEdit: false,
      canDelete: false,
      moderation: { state: 'removed', reason },
    };
  }
  return {
    ...(row.mod_state === 'held' ? { moderation: { state: 'held' as const, reason: row.mod_reason ?? '' } } : {}),
    id: row.id,
    title: deleted ? DELETED_POST_TITLE : row.title,
    body: deleted ? '' : row.body,
    bodyHtml: deleted ? '' : row.body_html,
    location: { lat: row.lat, lng: row.lng },
    place: row.place_id !== null && row.place_name !== null ? { id: row.place_id, name: row.place_name } : null,
    group:
      row.group_id !== null && row.group_name !== null && row.group_visibility !== null
        ? { id: row.group_id, name: row.group_name, visibility: row.group_visibility as GroupVisibility }
        : null,
    author:
      !deleted && row.author_id !== null && row.author_name !== null
        ? { id: row.author_id, displayName: row.author_name }
        : null,
    createdAt: row.created_at.toISOString(),
    editedAt: row.edited_at?.toISOString() ?? null,
    deleted,
    commentCount: row.comment_count,
    canEdit: !deleted && mayEdit(authored(row), viewerId),
    canDelete: !deleted && mayRemove(authored(row), viewerId),
    media: [],
    discussion,
  };
}

/** The people a discussion shows, at every depth. */
function commentAuthors(comments: CommentNode[]): CommentNode['author'][] {
  return comments.flatMap((comment) => [comment.author, ...commentAuthors(comment.replies)]);
}

/** Adds the post's photos and the avatars beside the names in it. */
async function withPhotos(db: Db, post: Post, viewer: MediaViewer): Promise<Post> {
  post.media = (await mediaOf(db, 'post', [post.id], viewer)).get(post.id) ?? [];
  await addAvatars(db, [post.author, ...commentAuthors(post.discussion.comments)]);
  return post;
}

/** Adds the avatars beside the names in a page of discussion. */
export async function withAvatars(db: Db, discussion: Discussion): Promise<Discussion> {
  await addAvatars(db, [...commentAuthors(discussion.comments), discussion.pinned?.author ?? null]);
  return discussion;
}

/** A profile's posts: the newest ones anyone may read, with no place or group kept private. */
export async function listPostsOfPerson(db: Db, personId: number, viewerId: number | null): Promise<PersonPostList> {
  if (!(await personExists(db, personId))) throw notFound('This person');
  const rows = await listPublicPostsBy(db, personId, viewerId, PERSON_POSTS_SHOWN + 1);
  return {
    posts: rows.slice(0, PERSON_POSTS_SHOWN).map((row) => ({
      id: row.id,
      title: row.title,
      excerpt: row.excerpt,
      createdAt: row.created_at.toISOString(),
      group: row.group_id !== null && row.group_name !== null ? { id: row.group_id, name: row.group_name } : null,
      place: row.place_id !== null && row.place_name !== null ? { id: row.place_id, name: row.place_name } : null,
      url: `/posts/${row.id}`,
    })),
    more: rows.length > PERSON_POSTS_SHOWN,
  };
}

/** The whole answer for one post: the post and the first (or given) page of its discussion. */
export async function readPost(
  cursors: SignedCodec,
  db: Db,
  id: number,
  viewerId: number | null,
  branchCursor?: string,
  mediaKeys: SignedCodec | null = null,
): Promise<Post> {
  const row = await findPost(db, id, viewerId);
  if (!row) throw notFound('This post');
  const post = toPost(row, viewerId, await discussionPage(cursors, db, postThread(row), viewerId, branchCursor));
  return withPhotos(db, post, viewerId !== null && mediaKeys ? { id: viewerId, keys: mediaKeys } : null);
}

/** Where a new post is: its own location, else its place's, else its group's exact point. */
async function resolveLocation(db: Db, body: CreatePostBody, userId: number): Promise<LatLng> {
  let location: LatLng | undefined = body.location;
  if (body.placeId !== undefined) {
    const place = await placePoint(db, body.placeId);
    if (!place) throw invalidField('placeId', 'does not name an existing place', 'body');
    location ??= place;
  }
  if (body.groupId !== undefined) {
    const group = await groupForPosting(db, body.groupId, userId);
    if (!group) throw invalidField('groupId', 'does not name an existing group', 'body');
    if (group.role === null) throw forbidden('Only members of this group can post in it.');
    location ??= { lat: group.lat, lng: group.lng };
  }
  if (!location) throw invalidField('location', 'is required unless placeId or groupId is given', 'body');
  return location;
}

export async function createPost(db: Db, body: CreatePostBody, authorId: number): Promise<number> {
  notBlank(body.title, 'title');
  notBlank(body.body, 'body');
  const location = await resolveLocation(db, body, authorId);
  return db.transaction().execute(async (trx) => {
    await assertNotBanned(trx, body.groupId ?? null, authorId);
    const id = await insertPost(trx, {
      authorId,
      title: body.title.trim(),
      body: body.body,
      location,
      placeId: body.placeId ?? null,
      groupId: body.groupId ?? null,
    });
    if (body.mediaIds) await setMedia(trx, { type: 'post', id }, body.mediaIds, authorId);
    await holdIfNeeded(trx, {
      subject: { type: 'post', id },
      authorId,
      groupId: body.groupId ?? null,
      text: `${body.title}\n${body.body}`,
    });
    return id;
  });
}

export async function editPost(db: Db, id: number, viewerId: number, patch: UpdatePostBody): Promise<void> {
  const row = await findPost(db, id, viewerId);
  if (!row) throw notFound('This post');
  if (!mayEdit(authored(row), viewerId)) throw forbidden('Only the person who wrote this post can edit it.');
  if (row.deleted_at !== null) throw conflict('post_deleted', 'This post was deleted and can no longer be edited.');
  const { title, body, location, placeId, mediaIds } = patch;
  notBlank(title, 'title');
  notBlank(body, 'body');
  let newLocation = location;
  if (placeId !== undefined && placeId !== null) {
    const place = await placePoint(db, placeId);
    if (!place) throw invalidField('placeId', 'does not name an existing place', 'body');
    newLocation ??= place;
  }
  await db.transaction().execute(async (trx) => {
    await updatePost(trx, row.id, { title: title?.trim(), body, location: newLocation, placeId });
    if (mediaIds) await setMedia(trx, { type: 'post', id: row.id }, mediaIds, viewerId);
  });
}

export async function removePost(db: Db, id: number, viewerId: number): Promise<void> {
  const row = await findPost(db, id, viewerId);
  if (!row) throw notFound('This post');
  // Deleting again changes nothing, but is answered as for the first time when it was allowed.
  if (!mayRemove(authored(row), viewerId)) {
    throw forbidden('Only the author or an owner or organizer of its group can delete this post.');
  }
  // Its photos go with its text; the files are deleted once this has committed.
  await db.transaction().execute(async (trx) => {
    await deletePost(trx, row.id);
    await deleteMediaOf(trx, 'post', [row.id]);
  });
}
