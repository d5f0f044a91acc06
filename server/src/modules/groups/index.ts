/** What other features may use of groups. */
export { groupItemSource } from './item-source.js';
