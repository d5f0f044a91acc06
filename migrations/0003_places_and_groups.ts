import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('places')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) =>
      col.notNull().check(sql`kind in ('cafe', 'game_store', 'library', 'bar', 'community_centre', 'park', 'other')`),
    )
    .addColumn('address', 'text')
    .addColumn('description', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('tags', sql`text[]`, (col) => col.notNull().defaultTo(sql`'{}'`))
    .addColumn('location', sql`geography(Point, 4326)`, (col) => col.notNull())
    .addColumn('created_by', 'bigint', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  // Radius and nearest-first queries (geography, metres).
  await sql`create index places_location_gist on places using gist (location)`.execute(db);
  // Map viewports are lat/lng rectangles, which geometry boxes express exactly.
  await sql`create index places_location_geom_gist on places using gist ((location::geometry))`.execute(db);

  await db.schema
    .createTable('groups')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('description', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('visibility', 'text', (col) => col.notNull().check(sql`visibility in ('public', 'private')`))
    .addColumn('location', sql`geography(Point, 4326)`, (col) => col.notNull())
    // Where the group appears to people who are not members: the same point for public groups,
    // snapped to ~500 m for private ones. All radius and map queries use this column, so a
    // private group's distance cannot be used to find its exact meeting point.
    .addColumn('public_location', sql`geography(Point, 4326)`, (col) => col.notNull())
    .addColumn('created_by', 'bigint', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create index groups_public_location_gist on groups using gist (public_location)`.execute(db);
  await sql`create index groups_public_location_geom_gist on groups using gist ((public_location::geometry))`.execute(
    db,
  );

  await db.schema
    .createTable('group_members')
    .addColumn('group_id', 'bigint', (col) => col.notNull().references('groups.id').onDelete('cascade'))
    .addColumn('user_id', 'bigint', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', 'text', (col) => col.notNull().check(sql`role in ('owner', 'organizer', 'member')`))
    .addColumn('joined_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('group_members_pkey', ['group_id', 'user_id'])
    .execute();
  await db.schema.createIndex('group_members_user_idx').on('group_members').column('user_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('group_members').execute();
  await db.schema.dropTable('groups').execute();
  await db.schema.dropTable('places').execute();
}
