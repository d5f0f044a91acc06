import { sql } from 'kysely';
import type { ItemSource } from '../../items/item-source.js';

export const placeItemSource: ItemSource = {
  kind: 'place',
  visible: (db) =>
    db
      .selectFrom('places')
      .select([
        'places.id',
        'places.name',
        sql<string>`places.public_location`.as('loc'),
        sql<Record<string, unknown>>`place_item_props(places)`.as('props'),
      ]),
};
