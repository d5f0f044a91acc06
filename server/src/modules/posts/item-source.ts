import { sql } from 'kysely';
import type { ItemSource } from '../../items/item-source.js';
import { notBlockedSql, visibleContentSql } from '../../policy/moderation.js';
import { groupContentVisibleSql } from '../../policy/visibility.js';

export const postItemSource: ItemSource = {
  kind: 'post',
  // Deleted, removed and held posts leave the map; private groups' posts are shown to their
  // members only; people who blocked each other do not see each other's.
  visible: (db, viewerId) =>
    db
      .selectFrom('posts')
      .select([
        'posts.id',
        'posts.title as name',
        sql<string>`posts.location`.as('loc'),
        sql<Record<string, unknown>>`post_item_props(posts)`.as('props'),
      ])
      .where('posts.deleted_at', 'is', null)
      .where(groupContentVisibleSql('posts.group_id', viewerId))
      .where(visibleContentSql('post', 'posts.id'))
      .where(notBlockedSql('posts.author_id', viewerId)),
};
