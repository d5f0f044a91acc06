import { sql, type Kysely } from 'kysely';

/**
 * The feed looks for items that are both near and recent. GiST indexes over (location, time)
 * answer "within this distance and after that instant" in one index scan, instead of fetching
 * every item within the radius and discarding the old ones. btree_gist lets GiST index the
 * timestamp beside the geography.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create extension if not exists btree_gist`.execute(db);
  await sql`create index posts_feed_gist on posts using gist (location, created_at) where deleted_at is null`.execute(
    db,
  );
  await sql`create index events_feed_gist on events using gist (location, starts_at) where status = 'scheduled'`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists events_feed_gist`.execute(db);
  await sql`drop index if exists posts_feed_gist`.execute(db);
}
