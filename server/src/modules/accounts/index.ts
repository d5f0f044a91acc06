/** What other features may use of accounts. */
export { findMe } from './queries.js';
export { passwordMatches } from './service.js';
