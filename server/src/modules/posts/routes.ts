/**
 * Long-form posts and their threaded discussions. A post has a point (its own, or its place's or
 * group's); a post in a private group is for members only and reads as 404 to everyone else.
 * Deleting keeps a post's or comment's place so the discussion around it stays readable.
 */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError, conflict, errorResponses, forbidden, invalidField, notFound } from '../../plugins/errors.js';
import { viewerOf } from '../../plugins/auth.js';
import { IdParams } from '../../plugins/schemas.js';
import { NearbyCollection } from '../../geo/schemas.js';
import type { LatLng } from '../../geo/point.js';
import { RadiusQuery } from '../nearby/schemas.js';
import { nearbyPage } from '../nearby/service.js';
import {
  canDeletePost,
  commentForChange,
  deleteComment,
  deletePost,
  findPost,
  groupForPosting,
  insertComment,
  insertPost,
  loadCommentTree,
  loadDiscussionPage,
  placePoint,
  toPost,
  updateComment,
  updatePost,
} from './queries.js';
import {
  BRANCHES_PER_PAGE,
  COMMENTS_PER_PAGE,
  CommentAnswer,
  MAX_COMMENT_DEPTH,
  CreateCommentBody,
  CreatePostBody,
  Discussion,
  DiscussionQuery,
  Post,
  UpdateCommentBody,
  UpdatePostBody,
  type Discussion as DiscussionPage,
} from './schemas.js';

const secured = { security: [{ bearerAuth: [] }] };

interface BranchPosition {
  p: number;
  i: number;
}

function isBranchPosition(value: unknown): value is BranchPosition {
  const v = value as BranchPosition;
  return typeof v === 'object' && v !== null && Number.isSafeInteger(v.p) && Number.isSafeInteger(v.i);
}

function notBlank(value: string | undefined, field: string): void {
  if (value !== undefined && value.trim() === '') throw invalidField(field, 'must not be blank', 'body');
}

const threadDeleted = () => conflict('thread_deleted', 'This post was deleted; its discussion is closed.');
const commentDeleted = () => conflict('comment_deleted', 'This comment was deleted.');

export default async function postRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  async function discussionPage(
    postId: number,
    totalComments: number,
    viewerId: number | null,
    branchCursor: string | undefined,
  ): Promise<DiscussionPage> {
    let after: number | null = null;
    if (branchCursor !== undefined) {
      let position: BranchPosition;
      try {
        position = app.cursors.decode(branchCursor, isBranchPosition);
      } catch {
        throw invalidField('branchCursor', 'is not a cursor this server gave out');
      }
      if (position.p !== postId) throw invalidField('branchCursor', 'belongs to another post');
      after = position.i;
    }
    const page = await loadDiscussionPage(app.db, postId, viewerId, after, {
      branches: BRANCHES_PER_PAGE,
      comments: COMMENTS_PER_PAGE,
    });
    return {
      comments: page.comments,
      nextBranchCursor:
        page.more && page.lastRootId !== null ? app.cursors.encode({ p: postId, i: page.lastRootId }) : null,
      totalComments,
    };
  }

  /** The whole answer for one post: the post and the first (or given) page of its discussion. */
  async function postAnswer(id: number, viewerId: number | null, branchCursor?: string) {
    const row = await findPost(app.db, id, viewerId);
    if (!row) throw notFound('This post');
    return toPost(row, viewerId, await discussionPage(id, row.total_comments, viewerId, branchCursor));
  }

  /** Where a new post is: its own location, else its place's, else its group's exact point. */
  async function resolveLocation(body: { location?: LatLng; placeId?: number; groupId?: number }, userId: number) {
    let location: LatLng | undefined = body.location;
    if (body.placeId !== undefined) {
      const place = await placePoint(app.db, body.placeId);
      if (!place) throw invalidField('placeId', 'does not name an existing place', 'body');
      location ??= place;
    }
    if (body.groupId !== undefined) {
      const group = await groupForPosting(app.db, body.groupId, userId);
      if (!group) throw invalidField('groupId', 'does not name an existing group', 'body');
      if (group.role === null) throw forbidden('Only members of this group can post in it.');
      location ??= { lat: group.lat, lng: group.lng };
    }
    if (!location) throw invalidField('location', 'is required unless placeId or groupId is given', 'body');
    return location;
  }

  api.get(
    '/api/posts',
    {
      onRequest: app.optionalUser,
      schema: {
        tags: ['posts'],
        summary: 'Posts within a radius, nearest first',
        description: 'Deleted posts and posts in private groups you are not a member of are left out.',
        querystring: RadiusQuery,
        response: { 200: NearbyCollection, ...errorResponses(400, 401) },
      },
    },
    async (request, reply) => nearbyPage(app, reply, request.query, ['post'], request.viewer?.id ?? null),
  );

  api.post(
    '/api/posts',
    {
      onRequest: app.requireUser,
      schema: {
        tags: ['posts'],
        summary: 'Write a post',
        description:
          'The body is Markdown; the answer carries it rendered and sanitized as `bodyHtml`. Give `location`, or ' +
          '`placeId` / `groupId` to use that place’s or group’s point. Posting in a group needs membership.',
        ...secured,
        body: CreatePostBody,
        response: { 201: Post, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const viewer = viewerOf(request);
      notBlank(request.body.title, 'title');
      notBlank(request.body.body, 'body');
      const location = await resolveLocation(request.body, viewer.id);
      const id = await insertPost(app.db, {
        authorId: viewer.id,
        title: request.body.title.trim(),
        body: request.body.body,
        location,
        placeId: request.body.placeId ?? null,
        groupId: request.body.groupId ?? null,
      });
      return reply.status(201).send(await postAnswer(id, viewer.id));
    },
  );

  api.get(
    '/api/posts/:id',
    {
      onRequest: app.optionalUser,
      schema: {
        tags: ['posts'],
        summary: 'One post with its discussion',
        description:
          `The discussion is a tree: \`discussion.comments\` holds up to ${BRANCHES_PER_PAGE} top-level comments ` +
          '(oldest first), each with all its replies nested in `replies` at any depth (siblings oldest first). ' +
          `A page stops before the branch that would take it past ${COMMENTS_PER_PAGE} comments (its first branch ` +
          'comes whole). ' +
          'Follow `discussion.nextBranchCursor` with `?branchCursor=` (here or on `/api/posts/{id}/comments`) for more. ' +
          'A post in a private group is 404 to non-members.',
        params: IdParams,
        querystring: DiscussionQuery,
        response: { 200: Post, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => postAnswer(request.params.id, request.viewer?.id ?? null, request.query.branchCursor),
  );

  api.patch(
    '/api/posts/:id',
    {
      onRequest: app.requireUser,
      schema: {
        tags: ['posts'],
        summary: 'Edit a post you wrote',
        description: 'Sets `editedAt`. A new `placeId` without `location` moves the post to that place.',
        ...secured,
        params: IdParams,
        body: UpdatePostBody,
        response: { 200: Post, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const viewer = viewerOf(request);
      const row = await findPost(app.db, request.params.id, viewer.id);
      if (!row) throw notFound('This post');
      if (row.author_id !== viewer.id) throw forbidden('Only the person who wrote this post can edit it.');
      if (row.deleted_at !== null) throw conflict('post_deleted', 'This post was deleted and can no longer be edited.');
      const { title, body, location, placeId } = request.body;
      notBlank(title, 'title');
      notBlank(body, 'body');
      let newLocation = location;
      if (placeId !== undefined && placeId !== null) {
        const place = await placePoint(app.db, placeId);
        if (!place) throw invalidField('placeId', 'does not name an existing place', 'body');
        newLocation ??= place;
      }
      await updatePost(app.db, row.id, { title: title?.trim(), body, location: newLocation, placeId });
      return postAnswer(row.id, viewer.id);
    },
  );

  api.delete(
    '/api/posts/:id',
    {
      onRequest: app.requireUser,
      schema: {
        tags: ['posts'],
        summary: 'Delete a post (its author, or an owner or organizer of its group)',
        description:
          'The post stays as a placeholder (title "[deleted]", no body, no author) so its discussion remains readable; ' +
          'no new comments can be added. Deleting a deleted post again changes nothing.',
        ...secured,
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const viewer = viewerOf(request);
      const row = await findPost(app.db, request.params.id, viewer.id);
      if (!row) throw notFound('This post');
      if (!canDeletePost({ ...row, deleted_at: null }, viewer.id)) {
        throw forbidden('Only the author or an owner or organizer of its group can delete this post.');
      }
      await deletePost(app.db, row.id);
      return reply.status(204).send(null);
    },
  );

  api.get(
    '/api/posts/:id/comments',
    {
      onRequest: app.optionalUser,
      schema: {
        tags: ['posts'],
        summary: 'A page of a post’s discussion',
        description: 'The same `discussion` object as in the post, for loading further top-level branches.',
        params: IdParams,
        querystring: DiscussionQuery,
        response: { 200: Discussion, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const viewerId = request.viewer?.id ?? null;
      const row = await findPost(app.db, request.params.id, viewerId);
      if (!row) throw notFound('This post');
      return discussionPage(row.id, row.total_comments, viewerId, request.query.branchCursor);
    },
  );

  api.post(
    '/api/posts/:id/comments',
    {
      onRequest: app.requireUser,
      schema: {
        tags: ['posts'],
        summary: 'Reply to a post or to any comment on it',
        description:
          `\`parentId\` names the comment replied to, at any depth up to ${MAX_COMMENT_DEPTH} levels; it must belong to ` +
          'this post (400 otherwise). ' +
          'Replying under a deleted post answers 409 `thread_deleted`; to a deleted comment, 409 `comment_deleted`.',
        ...secured,
        params: IdParams,
        body: CreateCommentBody,
        response: { 201: CommentAnswer, ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request, reply) => {
      const viewer = viewerOf(request);
      notBlank(request.body.body, 'body');
      const result = await insertComment(app.db, {
        postId: request.params.id,
        parentId: request.body.parentId ?? null,
        authorId: viewer.id,
        body: request.body.body,
        viewerId: viewer.id,
      });
      if (!result.ok) {
        const errors: Record<typeof result.reason, () => AppError> = {
          post_not_found: () => notFound('This post'),
          thread_deleted: threadDeleted,
          parent_not_found: () => invalidField('parentId', 'is not a comment on this post', 'body'),
          parent_deleted: commentDeleted,
          too_deep: () =>
            invalidField(
              'parentId',
              `is ${MAX_COMMENT_DEPTH} levels deep, the most replies can nest; reply further up`,
              'body',
            ),
        };
        throw errors[result.reason]();
      }
      return reply.status(201).send((await loadCommentTree(app.db, result.id, viewer.id))!);
    },
  );

  /** Loads a comment for a change by its author. */
  async function ownComment(id: number, viewerId: number) {
    const comment = await commentForChange(app.db, id, viewerId);
    if (!comment) throw notFound('This comment');
    if (comment.author_id !== viewerId) throw forbidden('Only the person who wrote this comment can change it.');
    return comment;
  }

  api.patch(
    '/api/comments/:id',
    {
      onRequest: app.requireUser,
      schema: {
        tags: ['posts'],
        summary: 'Edit a comment you wrote',
        description: 'Sets `editedAt`; answers the comment with its replies.',
        ...secured,
        params: IdParams,
        body: UpdateCommentBody,
        response: { 200: CommentAnswer, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const viewer = viewerOf(request);
      const comment = await ownComment(request.params.id, viewer.id);
      if (comment.post_deleted_at !== null) throw threadDeleted();
      if (comment.deleted_at !== null) throw commentDeleted();
      notBlank(request.body.body, 'body');
      await updateComment(app.db, comment.id, request.body.body);
      return (await loadCommentTree(app.db, comment.id, viewer.id))!;
    },
  );

  api.delete(
    '/api/comments/:id',
    {
      onRequest: app.requireUser,
      schema: {
        tags: ['posts'],
        summary: 'Delete a comment you wrote',
        description:
          'The comment stays in the tree as "[deleted]" (no author, no text) so its replies remain readable.',
        ...secured,
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const comment = await ownComment(request.params.id, viewerOf(request).id);
      await deleteComment(app.db, comment.id);
      return reply.status(204).send(null);
    },
  );
}
