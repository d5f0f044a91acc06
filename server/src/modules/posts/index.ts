/** What other features may use of posts and their discussions. */
export { postItemSource } from './item-source.js';
export { CommentSchema } from './schemas.js';
export { eraseWritingOf } from './queries.js';
