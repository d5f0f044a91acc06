import { sql } from 'kysely';
import type { PlaceKind } from '../../db/tables/places-and-groups.js';
import type { ItemSource } from '../../items/item-source.js';

export const placeItemSource: ItemSource = {
  kind: 'place',
  filters: ['placeKinds'],
  visible: (db, _viewer, filter) => {
    const listed = db
      .selectFrom('places')
      .select([
        'places.id',
        'places.name',
        sql<string>`places.public_location`.as('loc'),
        sql<Record<string, unknown>>`place_item_props(places)`.as('props'),
      ]);
    return filter?.placeKinds ? listed.where('places.kind', 'in', filter.placeKinds as PlaceKind[]) : listed;
  },
};
