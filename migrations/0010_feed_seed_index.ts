import { sql, type Kysely } from 'kysely';

/**
 * The feed bounds each page from a few nearby recent posts (its "seeds"), read nearest first.
 * Any nearby recent posts give a correct bound, so they are read in planar degrees over the
 * point's geometry, which costs half the geodesic ordering of the geography index; creation time
 * beside it keeps the "recent" filter inside the index scan.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index posts_feed_seed_gist on posts using gist ((location::geometry), created_at)
    where deleted_at is null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists posts_feed_seed_gist`.execute(db);
}
