import { sql } from 'kysely';
import type { ItemSource } from '../nearby/sources.js';
import { groupContentVisibleSql } from '../groups/visibility.js';

export const postSource: ItemSource = {
  kind: 'post',
  // Deleted posts leave the map; private groups' posts are shown to their members only.
  visible: (db, viewerId) =>
    db
      .selectFrom('posts')
      .select([
        'posts.id',
        'posts.title as name',
        sql<string>`posts.location`.as('loc'),
        sql<Record<string, unknown>>`jsonb_strip_nulls(jsonb_build_object(
          'createdAt', to_char(posts.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
          'groupId', posts.group_id))`.as('props'),
      ])
      .where('posts.deleted_at', 'is', null)
      .where(groupContentVisibleSql('posts.group_id', viewerId)),
};
