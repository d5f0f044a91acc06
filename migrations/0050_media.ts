import { sql, type Kysely } from 'kysely';

/**
 * Photos (server/src/modules/media/). A `media` row is one uploaded photo as it is kept: never
 * the file that was sent, only the renditions made from it (three sizes, WebP and JPEG), each a
 * `media_files` row naming its object in storage by the hash of its bytes. The uploader owns it;
 * deleting an account deletes its uploads first (the reference is not cascaded, so a path that
 * forgot would fail instead of leaving files behind).
 *
 * A photo is attached to at most one thing, at a position (`media_attachments`): one column per
 * kind of thing, each a real foreign key, so a post, meetup, group, place or account that goes
 * away takes its attachment rows with it. A photo left unattached is deleted after a day by a job.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table media (
    id bigserial primary key,
    owner_id bigint not null references users(id),
    alt text not null,
    width int not null,
    height int not null,
    placeholder text not null,
    sizes jsonb not null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`.execute(db);
  await sql`create index media_owner on media (owner_id)`.execute(db);

  await sql`create table media_files (
    media_id bigint not null references media(id) on delete cascade,
    variant text not null check (variant in ('small', 'medium', 'large')),
    format text not null check (format in ('webp', 'jpeg')),
    key text not null,
    bytes int not null,
    primary key (media_id, variant, format)
  )`.execute(db);
  // Whether any row still names an object, before the object is deleted.
  await sql`create index media_files_key on media_files (key)`.execute(db);

  await sql`create table media_attachments (
    media_id bigint primary key references media(id) on delete cascade,
    position smallint not null,
    post_id bigint references posts(id) on delete cascade,
    event_id bigint references events(id) on delete cascade,
    group_id bigint references groups(id) on delete cascade,
    place_id bigint references places(id) on delete cascade,
    user_id bigint references users(id) on delete cascade,
    check (num_nonnulls(post_id, event_id, group_id, place_id, user_id) = 1)
  )`.execute(db);
  for (const column of ['post_id', 'event_id', 'group_id', 'place_id', 'user_id']) {
    await sql`create index ${sql.id(`media_attachments_${column}`)} on media_attachments (${sql.ref(column)}, position)
      where ${sql.ref(column)} is not null`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists media_attachments`.execute(db);
  await sql`drop table if exists media_files`.execute(db);
  await sql`drop table if exists media`.execute(db);
}
