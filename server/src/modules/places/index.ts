/** What other features may use of places. */
export { placeItemSource } from './item-source.js';
