import { sql, type Kysely } from 'kysely';

/**
 * One spatial index over every kind of item, for radius queries across kinds. Reading the 50
 * nearest items from one index costs about what one kind costs; reading them kind by kind from
 * four tables costs four times that. A row holds only what ranking and visibility need: the
 * point, the group (whose visibility is looked up at read time, so a group turning private
 * needs no rewrite here) and, for meetups, when they end (ended ones are skipped at read time).
 * Names and properties are read from the items' own tables for the rows of one page only.
 *
 * Triggers keep it in step with every write in the same transaction; deleted posts and
 * cancelled meetups leave it. nearby_items_rebuild() refills it in one statement.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table nearby_items (
      kind text not null,
      id bigint not null,
      location geography(Point, 4326) not null,
      group_id bigint,
      ends_at timestamptz,
      primary key (kind, id)
    )`.execute(db);
  await sql`create index nearby_items_geom_gist on nearby_items using gist ((location::geometry))`.execute(db);
  await sql`create index nearby_items_location_gist on nearby_items using gist (location)`.execute(db);

  // One function per source table: remove the old row, then add the new one if it is listed.
  await sql`
    create function nearby_items_sync() returns trigger language plpgsql as $$
    declare
      k text := tg_argv[0];
    begin
      if tg_op in ('UPDATE', 'DELETE') then
        delete from nearby_items where kind = k and id = old.id;
      end if;
      if tg_op = 'DELETE' then return null; end if;
      if k = 'place' then
        insert into nearby_items (kind, id, location) values (k, new.id, new.location);
      elsif k = 'group' then
        insert into nearby_items (kind, id, location) values (k, new.id, new.public_location);
      elsif k = 'post' then
        if new.deleted_at is null then
          insert into nearby_items (kind, id, location, group_id) values (k, new.id, new.location, new.group_id);
        end if;
      elsif k = 'event' then
        if new.status = 'scheduled' then
          insert into nearby_items (kind, id, location, group_id, ends_at)
          values (k, new.id, new.location, new.group_id, new.ends_at);
        end if;
      end if;
      return null;
    end $$`.execute(db);
  await sql`create trigger nearby_items_places after insert or delete or update of location on places
    for each row execute function nearby_items_sync('place')`.execute(db);
  await sql`create trigger nearby_items_groups after insert or delete or update of public_location on groups
    for each row execute function nearby_items_sync('group')`.execute(db);
  await sql`create trigger nearby_items_posts after insert or delete or update of location, deleted_at, group_id on posts
    for each row execute function nearby_items_sync('post')`.execute(db);
  await sql`create trigger nearby_items_events after insert or delete or update of location, status, group_id, ends_at on events
    for each row execute function nearby_items_sync('event')`.execute(db);

  await sql`
    create function nearby_items_rebuild() returns void language sql as $$
      truncate nearby_items;
      insert into nearby_items (kind, id, location, group_id, ends_at)
      select 'place', id, location, null::bigint, null::timestamptz from places
      union all select 'group', id, public_location, null, null from groups
      union all select 'post', id, location, group_id, null from posts where deleted_at is null
      union all select 'event', id, location, group_id, ends_at from events where status = 'scheduled';
    $$`.execute(db);
  await sql`select nearby_items_rebuild()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  // Dropping the function drops the triggers that call it.
  await sql`drop function if exists nearby_items_sync() cascade`.execute(db);
  await sql`drop function if exists nearby_items_rebuild()`.execute(db);
  await sql`drop table if exists nearby_items`.execute(db);
}
