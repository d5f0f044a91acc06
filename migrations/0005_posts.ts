import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('posts')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    // Kept after deletion (the answer hides it) so permissions stay checkable; null once the account is gone.
    .addColumn('author_id', 'bigint', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('title', 'text', (col) => col.notNull().check(sql`char_length(title) between 1 and 200`))
    .addColumn('body', 'text', (col) => col.notNull().check(sql`char_length(body) <= 40000`))
    // Rendered and sanitized once, when written; readers never run the Markdown renderer.
    .addColumn('body_html', 'text', (col) => col.notNull())
    // Every post has a point of its own, copied from its place or group when none was given.
    .addColumn('location', sql`geography(Point, 4326)`, (col) => col.notNull())
    .addColumn('place_id', 'bigint', (col) => col.references('places.id').onDelete('set null'))
    // A private group's posts must never outlive the group as public posts: they go with it.
    .addColumn('group_id', 'bigint', (col) => col.references('groups.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('edited_at', 'timestamptz')
    .addColumn('deleted_at', 'timestamptz')
    .execute();
  await sql`create index posts_location_gist on posts using gist (location)`.execute(db);
  await sql`create index posts_location_geom_gist on posts using gist ((location::geometry))`.execute(db);
  await db.schema.createIndex('posts_author_idx').on('posts').column('author_id').execute();
  await db.schema.createIndex('posts_group_idx').on('posts').column('group_id').execute();
  await db.schema.createIndex('posts_place_idx').on('posts').column('place_id').execute();

  await db.schema
    .createTable('comments')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('post_id', 'bigint', (col) => col.notNull().references('posts.id').onDelete('cascade'))
    // Null for a direct reply to the post.
    .addColumn('parent_id', 'bigint')
    // 0 for direct replies; the parent's depth + 1 otherwise. Never changes, since parents never do.
    .addColumn('depth', 'integer', (col) => col.notNull().check(sql`depth >= 0`))
    .addColumn('author_id', 'bigint', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('body', 'text', (col) => col.notNull().check(sql`char_length(body) <= 10000`))
    .addColumn('body_html', 'text', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('edited_at', 'timestamptz')
    .addColumn('deleted_at', 'timestamptz')
    .addUniqueConstraint('comments_id_post_key', ['id', 'post_id'])
    // The parent must be a comment on the same post: the database refuses a reply across threads.
    .addForeignKeyConstraint('comments_parent_fkey', ['parent_id', 'post_id'], 'comments', ['id', 'post_id'], (fk) =>
      fk.onDelete('cascade'),
    )
    .addCheckConstraint('comments_depth_parent_check', sql`(parent_id is null) = (depth = 0)`)
    .execute();
  // One page of a discussion = its next top-level comments in order, then their subtrees by parent.
  await sql`create index comments_post_roots_idx on comments (post_id, created_at, id) where parent_id is null`.execute(
    db,
  );
  await db.schema.createIndex('comments_parent_idx').on('comments').column('parent_id').execute();
  await db.schema.createIndex('comments_post_idx').on('comments').column('post_id').execute();
  await db.schema.createIndex('comments_author_idx').on('comments').column('author_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('comments').execute();
  await db.schema.dropTable('posts').execute();
}
