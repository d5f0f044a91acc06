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

export function createPost(post: NewPost): Promise<Post> {
  return request('POST', '/api/posts', { body: post });
}

/** Further top-level branches of a discussion, after `discussion.nextBranchCursor`. */
export function getComments(postId: number, branchCursor: string, signal?: AbortSignal): Promise<Discussion> {
  const url = withQuery<Query<'/api/posts/{id}/comments'>>(`/api/posts/${postId}/comments`, { branchCursor });
  return getJson(url, signal);
}

export function addComment(postId: number, comment: NewComment): Promise<Comment> {
  return request('POST', `/api/posts/${postId}/comments`, { body: comment });
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
