/** What other features may use of posts and their discussions. */
export { postItemSource } from './item-source.js';
export { CommentSchema } from './schemas.js';
export { eraseWritingOf } from './queries.js';
export { addComment, discussionPage, type ThreadState } from './comment-service.js';
export { withAvatars } from './service.js';
export { countThreadComments, type Thread } from './queries.js';
export { CreateCommentBody, CommentAnswer, Discussion, DiscussionQuery, MAX_COMMENT_DEPTH } from './schemas.js';
