import { sql, type Kysely } from 'kysely';
import * as nearbyItems from './0008_nearby_items.js';

/**
 * The nearby index also holds what a radius query answers with: each item's name and GeoJSON
 * properties. A page across kinds is then read from this one table, instead of from four
 * tables whose rows lie wherever they were written. Properties are built by one SQL function
 * per kind, which the per-kind queries call too, so both paths show the same properties.
 * Only a meetup's seats left changes without its row changing; it is counted at read time from
 * the stored capacity.
 *
 * The rebuild writes rows in the order of their point on a space-filling curve, so the items
 * near one spot share a few pages: reading the 50 nearest then touches about a tenth of the
 * pages it touched when rows lay in insertion order. Rows written later are appended; a
 * rebuild (or CLUSTER on the point index) restores that order.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const utcIso = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
  await sql`
    create function place_item_props(p places) returns jsonb language sql stable as $$
      select jsonb_build_object('placeKind', p.kind, 'address', p.address)
    $$`.execute(db);
  await sql`
    create function group_item_props(g groups) returns jsonb language sql stable as $$
      select jsonb_build_object('visibility', g.visibility)
    $$`.execute(db);
  await sql`
    create function post_item_props(p posts) returns jsonb language sql stable as $$
      select jsonb_strip_nulls(jsonb_build_object('createdAt', ${sql.raw(utcIso('p.created_at'))}, 'groupId', p.group_id))
    $$`.execute(db);
  await sql`
    create function event_item_props(e events) returns jsonb language sql stable as $$
      select jsonb_build_object(
        'startsAt', ${sql.raw(utcIso('e.starts_at'))},
        'endsAt', ${sql.raw(utcIso('e.ends_at'))},
        'timeZone', e.time_zone,
        'status', e.status,
        'groupId', e.group_id)
    $$`.execute(db);

  await sql`
    alter table nearby_items
      add column name text not null default '',
      add column props jsonb not null default '{}',
      add column capacity integer`.execute(db);

  await sql`
    create or replace function nearby_items_sync() returns trigger language plpgsql as $$
    declare
      k text := tg_argv[0];
    begin
      if tg_op in ('UPDATE', 'DELETE') then
        delete from nearby_items where kind = k and id = old.id;
      end if;
      if tg_op = 'DELETE' then return null; end if;
      if k = 'place' then
        insert into nearby_items (kind, id, location, name, props)
        values (k, new.id, new.location, new.name, place_item_props(new));
      elsif k = 'group' then
        insert into nearby_items (kind, id, location, name, props)
        values (k, new.id, new.public_location, new.name, group_item_props(new));
      elsif k = 'post' then
        if new.deleted_at is null then
          insert into nearby_items (kind, id, location, group_id, name, props)
          values (k, new.id, new.location, new.group_id, new.title, post_item_props(new));
        end if;
      elsif k = 'event' then
        if new.status = 'scheduled' then
          insert into nearby_items (kind, id, location, group_id, ends_at, name, props, capacity)
          values (k, new.id, new.location, new.group_id, new.ends_at, new.title, event_item_props(new), new.capacity);
        end if;
      end if;
      return null;
    end $$`.execute(db);
  // The same triggers, now also fired by changes to what the index shows.
  const triggers: [string, string, string][] = [
    ['places', 'place', 'location, name, kind, address'],
    ['groups', 'group', 'public_location, name, visibility'],
    ['posts', 'post', 'location, deleted_at, group_id, title, created_at'],
    ['events', 'event', 'location, status, group_id, ends_at, title, starts_at, time_zone, capacity'],
  ];
  for (const [table, kind, columns] of triggers) {
    const name = sql.raw(`nearby_items_${table}`);
    await sql`drop trigger ${name} on ${sql.table(table)}`.execute(db);
    await sql`create trigger ${name} after insert or delete or update of ${sql.raw(columns)} on ${sql.table(table)}
      for each row execute function nearby_items_sync(${sql.lit(kind)})`.execute(db);
  }

  await sql`
    create or replace function nearby_items_rebuild() returns void language sql as $$
      truncate nearby_items;
      insert into nearby_items (kind, id, location, group_id, ends_at, name, props, capacity)
      select * from (
        select 'place' as kind, p.id, p.location, null::bigint as group_id, null::timestamptz as ends_at, p.name,
          place_item_props(p) as props, null::integer as capacity
        from places p
        union all select 'group', g.id, g.public_location, null, null, g.name, group_item_props(g), null from groups g
        union all select 'post', p.id, p.location, p.group_id, null, p.title, post_item_props(p), null
        from posts p where p.deleted_at is null
        union all select 'event', e.id, e.location, e.group_id, e.ends_at, e.title, event_item_props(e), e.capacity
        from events e where e.status = 'scheduled'
      ) items
      -- PostGIS sorts geometries along a space-filling curve: near points land on near pages.
      order by items.location::geometry;
    $$`.execute(db);
  await sql`select nearby_items_rebuild()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await nearbyItems.down(db);
  for (const kind of ['place', 'group', 'post', 'event']) {
    await sql`drop function if exists ${sql.raw(`${kind}_item_props`)}`.execute(db);
  }
  await nearbyItems.up(db);
}
