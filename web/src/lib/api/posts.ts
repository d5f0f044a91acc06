/** Posts and their threaded discussions. */
import { getJson, request, withQuery } from './http';
import type { Query, RequestBody, Schema } from './types';

export type Post = Schema<'Post'>;
/** One comment with all its replies; `bodyHtml` is the only HTML the app ever inserts. */
export type Comment = Schema<'PostComment'>;
export type Discussion = Schema<'Discussion'>;
export type NewPost = RequestBody<'/api/posts', 'post'>;
export type NewComment = RequestBody<'/api/posts/{id}/comments', 'post'>;

export function getPost(id: number, signal?: AbortSignal): Promise<Post> {
  return getJson(`/api/posts/${id}`, signal);
}

export type PersonPost = Schema<'PersonPostList'>['posts'][number];

/** A person's newest posts that anyone may read, for their profile. */
export function getPostsOf(personId: number, signal?: AbortSignal): Promise<Schema<'PersonPostList'>> {
  return getJson(`/api/people/${personId}/posts`, signal);
}

export function createPost(post: NewPost): Promise<Post> {
  return request('POST', '/api/posts', { body: post });
}

/** Whose discussion: a post's or a meetup's (the same discussion, one API shape). */
export interface Thread {
  kind: 'post' | 'event';
  id: number;
}

const commentsPath = (thread: Thread) => `/api/${thread.kind === 'post' ? 'posts' : 'events'}/${thread.id}/comments`;

/** A page of a discussion: the first, or further top-level branches after `discussion.nextBranchCursor`. */
export function getComments(thread: Thread, branchCursor?: string, signal?: AbortSignal): Promise<Discussion> {
  const url = withQuery<Query<'/api/posts/{id}/comments'>>(commentsPath(thread), { branchCursor });
  return getJson(url, signal);
}

export function addComment(thread: Thread, comment: NewComment): Promise<Comment> {
  return request('POST', commentsPath(thread), { body: comment });
}

/** A meetup's organizers pin a comment (null unpins) or lock the discussion. */
export function setDiscussion(
  eventId: number,
  settings: RequestBody<'/api/events/{id}/discussion', 'patch'>,
): Promise<Discussion> {
  return request('PATCH', `/api/events/${eventId}/discussion`, { body: settings });
}

export function editComment(id: number, body: RequestBody<'/api/comments/{id}', 'patch'>['body']): Promise<Comment> {
  return request('PATCH', `/api/comments/${id}`, { body: { body } });
}

export function deleteComment(id: number): Promise<void> {
  return request('DELETE', `/api/comments/${id}`);
}

export type PostChanges = RequestBody<'/api/posts/{id}', 'patch'>;

export function updatePost(id: number, changes: PostChanges): Promise<Post> {
  return request('PATCH', `/api/posts/${id}`, { body: changes });
}

/** Deletes a post; its discussion stays readable. */
export function deletePost(id: number): Promise<void> {
  return request('DELETE', `/api/posts/${id}`);
}
