import type { ColumnType, Generated } from 'kysely';
import type { Geography } from './geography.js';

export interface PostsTable {
  id: Generated<number>;
  author_id: number | null;
  title: string;
  body: string;
  body_html: string;
  /** Plain text of the body for the feed, made when the body is written (markdown/excerpt.ts). */
  excerpt: ColumnType<string, string | undefined, string>;
  location: Geography;
  place_id: number | null;
  group_id: number | null;
  /** Insertable so the demo seed can date its posts relative to the time of seeding. */
  created_at: ColumnType<Date, Date | undefined, never>;
  edited_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  deleted_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** Locked by a moderator: the discussion takes no new comments (migration 0090). */
  discussion_locked: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface CommentsTable {
  id: Generated<number>;
  /** Exactly one of post_id and event_id is set: the discussion the comment belongs to (migration 0060). */
  post_id: ColumnType<number | null, number | null | undefined, never>;
  event_id: ColumnType<number | null, number | null | undefined, never>;
  parent_id: number | null;
  /** The top-level comment this reply's branch starts from; null on top-level comments. Set by a trigger. */
  root_id: ColumnType<number | null, never, never>;
  depth: number;
  author_id: number | null;
  body: string;
  body_html: string;
  created_at: ColumnType<Date, Date | undefined, never>;
  edited_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  deleted_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface PostTables {
  posts: PostsTable;
  comments: CommentsTable;
}
