import { sql } from 'kysely';
import type { ItemSource } from '../nearby/sources.js';

export const placeSource: ItemSource = {
  kind: 'place',
  visible: (db) =>
    db
      .selectFrom('places')
      .select([
        'places.id',
        'places.name',
        sql<string>`places.location`.as('loc'),
        sql<Record<string, unknown>>`place_item_props(places)`.as('props'),
      ]),
};
