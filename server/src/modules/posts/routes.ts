/**
 * Long-form posts and their threaded discussions. A post has a point (its own, or its place's or
 * group's); a post in a private group is for members only and reads as 404 to everyone else.
 * Deleting keeps a post's or comment's place so the discussion around it stays readable.
 */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses } from '../../plugins/errors.js';
import { GEOJSON_TYPE, producesGeoJson, sendJsonText } from '../../plugins/json-text.js';
import { viewerOf } from '../../plugins/auth.js';
import { IdParams } from '../../plugins/schemas.js';
import { NearbyCollection } from '../../geo/schemas.js';
import { RadiusQuery } from '../../items/schemas.js';
import { featureCollectionJson } from '../../items/radius-page.js';
import { addComment, editComment, listComments, removeComment } from './comment-service.js';
import { createPost, editPost, listPostsOfPerson, readPost, removePost, withAvatars } from './service.js';
import {
  BRANCHES_PER_PAGE,
  COMMENTS_PER_PAGE,
  CommentAnswer,
  MAX_COMMENT_DEPTH,
  CreateCommentBody,
  CreatePostBody,
  Discussion,
  DiscussionQuery,
  PersonPostList,
  Post,
  UpdateCommentBody,
  UpdatePostBody,
} from './schemas.js';

const secured = { security: [{ bearerAuth: [] }] };

export default async function postRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  const read = (id: number, viewerId: number | null, branchCursor?: string) =>
    readPost(app.cursors, app.db, id, viewerId, branchCursor, app.mediaKeys);

  api.get(
    '/api/posts',
    {
      onRequest: app.optionalUser,
      schema: {
        tags: ['posts'],
        summary: 'Posts within a radius, nearest first',
        description: 'Deleted posts and posts in private groups you are not a member of are left out.',
        querystring: RadiusQuery,
        ...producesGeoJson,
        response: { 200: NearbyCollection, ...errorResponses(400, 401) },
      },
    },
    async (request, reply) => {
      const page = await app.radiusPage(request.query, ['post'], request.viewer?.id ?? null);
      return sendJsonText(reply, featureCollectionJson(page), GEOJSON_TYPE);
    },
  );

  api.get(
    '/api/people/:id/posts',
    {
      onRequest: app.optionalUser,
      schema: {
        tags: ['posts'],
        summary: 'A person’s public posts, newest first',
        description:
          'The posts anyone may read, for their profile: posts in private groups are never listed (not even to ' +
          'fellow members), nor deleted, removed or held ones; none between people who blocked one another.',
        params: IdParams,
        response: { 200: PersonPostList, ...errorResponses(400, 404) },
      },
    },
    async (request) => listPostsOfPerson(app.db, request.params.id, request.viewer?.id ?? null),
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
      const id = await createPost(app.db, request.body, viewer.id);
      return reply.status(201).send(await read(id, viewer.id));
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
    async (request) => read(request.params.id, request.viewer?.id ?? null, request.query.branchCursor),
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
      await editPost(app.db, request.params.id, viewer.id, request.body);
      return read(request.params.id, viewer.id);
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
      await removePost(app.db, request.params.id, viewerOf(request).id);
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
    async (request) =>
      withAvatars(
        app.db,
        await listComments(
          app.cursors,
          app.db,
          request.params.id,
          request.viewer?.id ?? null,
          request.query.branchCursor,
        ),
      ),
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
      const comment = await addComment(
        app.db,
        { kind: 'post', id: request.params.id },
        viewerOf(request).id,
        request.body,
      );
      return reply.status(201).send(comment);
    },
  );

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
    async (request) => editComment(app.db, request.params.id, viewerOf(request).id, request.body.body),
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
      await removeComment(app.db, request.params.id, viewerOf(request).id);
      return reply.status(204).send(null);
    },
  );
}
