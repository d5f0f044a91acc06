import { sql } from 'kysely';
import type { ItemSource } from '../../items/item-source.js';

export const groupItemSource: ItemSource = {
  kind: 'group',
  // Everyone sees every group on the map, private ones only at their coarsened point.
  visible: (db) =>
    db
      .selectFrom('groups')
      .select([
        'groups.id',
        'groups.name',
        sql<string>`groups.public_location`.as('loc'),
        sql<Record<string, unknown>>`group_item_props(groups)`.as('props'),
      ]),
};
