/**
 * What other features call from moderation: the automatic first line (inside the transaction
 * that writes a post or comment), group bans and blocks between two people.
 */
export { assertNotBanned, blockedBetween, holdIfNeeded } from './first-line.js';
