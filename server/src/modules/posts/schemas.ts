import { Type, type Static } from 'typebox';
import { LatLngBody } from '../../geo/schemas.js';
import { Id, PersonRef } from '../../plugins/schemas.js';
import { Visibility } from '../groups/schemas.js';
import { MediaIdsField, MediaList, type Media } from '../media/schemas.js';

export const MAX_TITLE_LENGTH = 200;
export const MAX_POST_BODY_LENGTH = 40_000;
export const MAX_COMMENT_BODY_LENGTH = 10_000;
/**
 * Replies nest up to this many levels (depths 0 to 499). Far deeper than any real conversation,
 * and far below where rendering the answer (a recursive serializer) would run out of stack.
 */
export const MAX_COMMENT_DEPTH = 500;
/** Top-level comments per discussion page, at most; each comes with its whole subtree. */
export const BRANCHES_PER_PAGE = 50;
/**
 * A page stops adding branches before it would hold more comments than this, so a page of a
 * crowded discussion stays a page a person can read (and a browser can draw) at once.
 */
export const COMMENTS_PER_PAGE = 500;

const Title = Type.String({ minLength: 1, maxLength: MAX_TITLE_LENGTH });
const PostBody = Type.String({
  minLength: 1,
  maxLength: MAX_POST_BODY_LENGTH,
  description: `Markdown, up to ${MAX_POST_BODY_LENGTH} characters. Raw HTML is shown as text.`,
});
const CommentBody = Type.String({
  minLength: 1,
  maxLength: MAX_COMMENT_BODY_LENGTH,
  description: `Markdown, up to ${MAX_COMMENT_BODY_LENGTH} characters. Raw HTML is shown as text.`,
});
const BodyHtml = Type.String({
  description:
    'The body rendered on the server and sanitized: no scripts, styles, event handlers or non-http(s)/mailto links; ' +
    'links carry rel="nofollow ugc noopener". Safe to insert as HTML.',
});
const Timestamp = Type.String({ format: 'date-time' });
const NullableTimestamp = Type.Union([Timestamp, Type.Null()]);

export const CreatePostBody = Type.Object(
  {
    title: Title,
    body: PostBody,
    location: Type.Optional(LatLngBody),
    placeId: Type.Optional(Id),
    groupId: Type.Optional(Id),
    mediaIds: Type.Optional(MediaIdsField),
  },
  {
    additionalProperties: false,
    description:
      'A post needs a location: `location`, or else the location of `placeId`, or else that of `groupId`. ' +
      'Posting in a group is for its members; posts in a private group are visible to members only.',
  },
);
export type CreatePostBody = Static<typeof CreatePostBody>;

export const UpdatePostBody = Type.Object(
  {
    title: Type.Optional(Title),
    body: Type.Optional(PostBody),
    location: Type.Optional(LatLngBody),
    placeId: Type.Optional(
      Type.Union([Id, Type.Null()], { description: 'null detaches the post from its place; it keeps its location.' }),
    ),
    mediaIds: Type.Optional(MediaIdsField),
  },
  { additionalProperties: false, minProperties: 1, description: 'The group of a post cannot change.' },
);
export type UpdatePostBody = Static<typeof UpdatePostBody>;

export const CreateCommentBody = Type.Object(
  {
    body: CommentBody,
    parentId: Type.Optional(
      Type.Union([Id, Type.Null()], {
        description: `The comment replied to, at any depth up to ${MAX_COMMENT_DEPTH} levels; omit or null to reply to the post.`,
      }),
    ),
  },
  { additionalProperties: false },
);
export type CreateCommentBody = Static<typeof CreateCommentBody>;

export const UpdateCommentBody = Type.Object({ body: CommentBody }, { additionalProperties: false });
export type UpdateCommentBody = Static<typeof UpdateCommentBody>;

export const DiscussionQuery = Type.Object(
  {
    branchCursor: Type.Optional(
      Type.String({ maxLength: 512, description: '`discussion.nextBranchCursor` of the previous page.' }),
    ),
  },
  { additionalProperties: false },
);
export type DiscussionQuery = Static<typeof DiscussionQuery>;

export interface CommentNode {
  id: number;
  parentId: number | null;
  depth: number;
  author: { id: number; displayName: string; avatar?: Media | null } | null;
  body: string;
  bodyHtml: string;
  createdAt: string;
  editedAt: string | null;
  deleted: boolean;
  canEdit: boolean;
  canDelete: boolean;
  /** Removed by moderators (shown to everyone) or held for review (shown to its author only). */
  moderation?: { state: 'removed' | 'held'; reason: string };
  /** A comment from someone the viewer blocked: a placeholder, its replies still shown. */
  blocked?: boolean;
  replies: CommentNode[];
}

export const DELETED_COMMENT_TEXT = '[deleted]';
export const BLOCKED_COMMENT_TEXT = 'a comment from someone you blocked';
/** What removed content shows instead of its text. */
export const removedText = (reason: string) => `removed by moderators: ${reason}`;

/** Content removed by moderators or held for review by the automatic first line. */
export const ModerationNote = Type.Object(
  {
    state: Type.Union([Type.Literal('removed'), Type.Literal('held')], {
      description:
        '`removed`: moderators removed it (everyone sees the reason instead of the text); `held`: held for review, seen by its author only until a moderator decides.',
    }),
    reason: Type.String({ description: 'Why, as the moderator or the automatic first line wrote it.' }),
  },
  { description: 'Absent when the content is published normally.' },
);

/** One comment and its replies. It contains itself, so it is a shared schema (added in plugins/openapi.ts) used by $id. */
export const CommentSchema = Type.Object(
  {
    id: Type.Integer(),
    parentId: Type.Union([Type.Integer(), Type.Null()], { description: 'null for a direct reply to the post.' }),
    depth: Type.Integer({ minimum: 0, description: '0 for direct replies to the post, then one more per level.' }),
    author: PersonRef,
    body: Type.String({ description: `Markdown source, for editing; "${DELETED_COMMENT_TEXT}" once deleted.` }),
    bodyHtml: BodyHtml,
    createdAt: Timestamp,
    editedAt: NullableTimestamp,
    deleted: Type.Boolean({
      description: `A deleted comment keeps its place (author null, body "${DELETED_COMMENT_TEXT}") so its replies stay readable.`,
    }),
    canEdit: Type.Boolean(),
    canDelete: Type.Boolean(),
    moderation: Type.Optional(ModerationNote),
    blocked: Type.Optional(
      Type.Boolean({
        description: `You blocked its author: body "${BLOCKED_COMMENT_TEXT}", author null; its replies stay readable.`,
      }),
    ),
    replies: Type.Array(Type.Ref('PostComment'), { description: 'Direct replies, oldest first.' }),
  },
  { $id: 'PostComment' },
);

export const Discussion = Type.Object(
  {
    comments: Type.Array(Type.Ref('PostComment'), {
      description:
        `Up to ${BRANCHES_PER_PAGE} top-level comments, oldest first, each with its whole subtree. A page stops ` +
        `before the branch that would take it past ${COMMENTS_PER_PAGE} comments; its first branch comes whole ` +
        'whatever its size.',
    }),
    nextBranchCursor: Type.Union([Type.String(), Type.Null()], {
      description: 'Pass as `branchCursor` for the next top-level comments; null on the last page.',
    }),
    totalComments: Type.Integer({ description: 'Comments in the whole discussion, deleted placeholders included.' }),
    locked: Type.Boolean({
      description: 'A meetup’s organizers closed the discussion: no new comments or edits (always false on posts).',
    }),
    pinned: Type.Union([Type.Ref('PostComment'), Type.Null()], {
      description:
        'The comment a meetup’s organizers pinned, without its replies (it also stays in its place in the tree); ' +
        'null when none (always on posts).',
    }),
  },
  { $id: 'Discussion' },
);
export type Discussion = {
  comments: CommentNode[];
  nextBranchCursor: string | null;
  totalComments: number;
  locked: boolean;
  pinned: CommentNode | null;
};

export const Post = Type.Object(
  {
    id: Type.Integer(),
    title: Type.String({ description: '"[deleted]" once deleted.' }),
    body: Type.String({ description: 'Markdown source, for editing; empty once deleted.' }),
    bodyHtml: BodyHtml,
    location: Type.Object({ lat: Type.Number(), lng: Type.Number() }),
    place: Type.Union([Type.Object({ id: Type.Integer(), name: Type.String() }), Type.Null()]),
    group: Type.Union([Type.Object({ id: Type.Integer(), name: Type.String(), visibility: Visibility }), Type.Null()]),
    author: PersonRef,
    createdAt: Timestamp,
    editedAt: NullableTimestamp,
    deleted: Type.Boolean({
      description: 'A deleted post keeps its discussion readable; title, body and author are gone.',
    }),
    commentCount: Type.Integer({ description: 'Comments not deleted. For display only; never used for ranking.' }),
    canEdit: Type.Boolean({ description: 'You wrote it and it is not deleted.' }),
    canDelete: Type.Boolean({ description: 'You wrote it, or you own or organise its group.' }),
    moderation: Type.Optional(ModerationNote),
    media: MediaList,
    discussion: Discussion,
  },
  { $id: 'Post' },
);
export type Post = Omit<Static<typeof Post>, 'discussion'> & { discussion: Discussion };

export const CommentAnswer = Type.Ref('PostComment');

export const PERSON_POSTS_SHOWN = 20;

export const PersonPostList = Type.Object(
  {
    posts: Type.Array(
      Type.Object({
        id: Type.Integer(),
        title: Type.String(),
        excerpt: Type.String({ description: 'The start of the body as plain text (Markdown taken out).' }),
        createdAt: Timestamp,
        group: Type.Union([Type.Object({ id: Type.Integer(), name: Type.String() }), Type.Null()]),
        place: Type.Union([Type.Object({ id: Type.Integer(), name: Type.String() }), Type.Null()]),
        url: Type.String({ description: 'Path of the post’s page in the web app.' }),
      }),
    ),
    more: Type.Boolean({ description: `True when the person wrote more than the ${PERSON_POSTS_SHOWN} shown.` }),
  },
  { $id: 'PersonPostList' },
);
export type PersonPostList = Static<typeof PersonPostList>;
