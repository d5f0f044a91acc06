import { sql, type Kysely } from 'kysely';

/**
 * Approximate meetups, and meetups looking for players.
 *
 * A meetup's `public_location` is the point everyone who is not going sees: the exact point for
 * an `exact` meetup (a trigger keeps it so), the point snapped to the ~500 m grid of geo/coarsen.ts
 * for an `approximate` one (written by the app with the exact point). Everything that lists,
 * ranks, counts or pages meetups for whoever asks (the nearby index, the map's pyramid, the feed,
 * distances and cursors) reads `public_location`, so no answer is computed from the exact point.
 * A place can be a private home: meetups there default to approximate.
 *
 * Looking for players: `min_players` (the meetup needs that many going to happen), and an
 * optional `players_deadline` after which, if still short, it is cancelled or kept (`on_shortfall`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // A private home is listed like a private group: at its snapped point (public_location), no address.
  await sql`alter table places add column private_home boolean not null default false,
    add column public_location geography(Point, 4326)`.execute(db);
  await sql`update places set public_location = location`.execute(db);
  await sql`alter table places alter column public_location set not null`.execute(db);
  await sql`
    create function places_public_location() returns trigger language plpgsql as $$
    begin
      if not new.private_home or new.public_location is null then
        new.public_location := new.location;
      end if;
      return new;
    end $$`.execute(db);
  await sql`create trigger places_public_location before insert or update of location, private_home, public_location
    on places for each row execute function places_public_location()`.execute(db);
  await sql`create index places_public_location_gist on places using gist (public_location)`.execute(db);
  await sql`create index places_public_location_geom_gist on places using gist ((public_location::geometry))`.execute(
    db,
  );

  await sql`alter table events
    add column location_privacy text not null default 'exact' check (location_privacy in ('exact', 'approximate')),
    add column public_location geography(Point, 4326),
    add column min_players integer check (min_players between 1 and 10000),
    add column players_deadline timestamptz,
    add column on_shortfall text not null default 'keep' check (on_shortfall in ('cancel', 'keep'))`.execute(db);
  await sql`update events set public_location = location`.execute(db);
  await sql`alter table events alter column public_location set not null`.execute(db);
  await sql`
    create function events_public_location() returns trigger language plpgsql as $$
    begin
      if new.location_privacy = 'exact' or new.public_location is null then
        new.public_location := new.location;
      end if;
      return new;
    end $$`.execute(db);
  await sql`create trigger events_public_location before insert or update of location, location_privacy, public_location
    on events for each row execute function events_public_location()`.execute(db);
  await sql`create index events_public_location_gist on events using gist (public_location)`.execute(db);
  await sql`create index events_public_location_geom_gist on events using gist ((public_location::geometry))`.execute(
    db,
  );
  // The automatic check after a deadline looks for meetups whose deadline passed.
  await sql`create index events_players_deadline_idx on events (players_deadline)
    where players_deadline is not null and status = 'scheduled'`.execute(db);

  // What the nearby index shows of a meetup: its public point, whether it is approximate, how many it needs.
  await sql`
    create or replace function event_item_props(e events) returns jsonb language sql stable as $$
      select jsonb_strip_nulls(jsonb_build_object(
        'startsAt', to_char(e.starts_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
        'endsAt', to_char(e.ends_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
        'timeZone', e.time_zone,
        'status', e.status,
        'locationPrivacy', e.location_privacy,
        'minPlayers', e.min_players)) || jsonb_build_object('groupId', e.group_id)
    $$`.execute(db);
  // A private home's address is not shown in lists; its page shows it to the person who added it.
  await sql`
    create or replace function place_item_props(p places) returns jsonb language sql stable as $$
      select jsonb_build_object('placeKind', p.kind, 'address', case when p.private_home then null else p.address end)
    $$`.execute(db);
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
        values (k, new.id, new.public_location, new.name, place_item_props(new));
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
          values (k, new.id, new.public_location, new.group_id, new.ends_at, new.title, event_item_props(new),
                  new.capacity);
        end if;
      end if;
      return null;
    end $$`.execute(db);
  await sql`drop trigger nearby_items_events on events`.execute(db);
  await sql`create trigger nearby_items_events after insert or delete or update of public_location, status, group_id,
      ends_at, title, starts_at, time_zone, capacity, location_privacy, min_players on events
    for each row execute function nearby_items_sync('event')`.execute(db);
  await sql`drop trigger nearby_items_places on places`.execute(db);
  await sql`create trigger nearby_items_places after insert or delete or update of public_location, name, kind,
      address, private_home on places
    for each row execute function nearby_items_sync('place')`.execute(db);
  await sql`
    create or replace function nearby_items_rebuild() returns void language sql as $$
      truncate nearby_items;
      insert into nearby_items (kind, id, location, group_id, ends_at, name, props, capacity)
      select * from (
        select 'place' as kind, p.id, p.public_location as location, null::bigint as group_id, null::timestamptz as ends_at, p.name,
          place_item_props(p) as props, null::integer as capacity
        from places p
        union all select 'group', g.id, g.public_location, null, null, g.name, group_item_props(g), null from groups g
        union all select 'post', p.id, p.location, p.group_id, null, p.title, post_item_props(p), null
        from posts p where p.deleted_at is null
        union all select 'event', e.id, e.public_location, e.group_id, e.ends_at, e.title, event_item_props(e),
          e.capacity
        from events e where e.status = 'scheduled'
      ) items
      order by items.location::geometry;
    $$`.execute(db);
  await sql`select nearby_items_rebuild()`.execute(db);

  // The map's count pyramid (migration 0007) counts meetups and places at their public point: at
  // the deepest levels a cluster's centre is the mean of its points, and must not be an exact one.
  for (const [event, rows, delta] of [
    ['insert', 'added', 1],
    ['delete', 'removed', -1],
  ] as const) {
    const fn = `map_cells_places_${event}`;
    await sql`
      create or replace function ${sql.id(fn)}() returns trigger language plpgsql as ${sql.lit(`
      begin
        perform map_cells_change('place', array_agg(public_location), array_agg('-infinity'::timestamptz),
          array_agg(${delta}))
        from ${rows};
        return null;
      end`)}`.execute(db);
  }
  await sql`
    create or replace function map_cells_places() returns trigger language plpgsql as $$
    begin
      perform map_cells_change('place', array[old.public_location, new.public_location],
        array['-infinity', '-infinity']::timestamptz[], array[-1, 1]);
      return null;
    end $$`.execute(db);
  await sql`drop trigger map_cells_places on places`.execute(db);
  await sql`create trigger map_cells_places after update of public_location on places
    for each row execute function map_cells_places()`.execute(db);
  for (const [event, rows, delta] of [
    ['insert', 'added', 1],
    ['delete', 'removed', -1],
  ] as const) {
    const fn = `map_cells_events_${event}`;
    await sql`
      create or replace function ${sql.id(fn)}() returns trigger language plpgsql as ${sql.lit(`
      begin
        perform map_cells_change('event', array_agg(public_location), array_agg(map_hour(ends_at)), array_agg(${delta}))
        from ${rows} where status = 'scheduled' and map_group_is_public_locked(group_id);
        return null;
      end`)}`.execute(db);
  }
  await sql`
    create or replace function map_cells_events() returns trigger language plpgsql as $$
    declare
      counted_before boolean := old.status = 'scheduled' and map_group_is_public_locked(old.group_id);
      counted_after boolean := new.status = 'scheduled' and map_group_is_public_locked(new.group_id);
    begin
      perform map_cells_change('event',
        array[case when counted_before then old.public_location end,
              case when counted_after then new.public_location end],
        array[case when counted_before then map_hour(old.ends_at) end, case when counted_after then map_hour(new.ends_at) end],
        array[-1, 1]);
      return null;
    end $$`.execute(db);
  await sql`drop trigger map_cells_events on events`.execute(db);
  await sql`create trigger map_cells_events after update of public_location, status, group_id, ends_at on events
    for each row execute function map_cells_events()`.execute(db);
  await sql`
    create or replace function map_cells_group_content(p_group bigint, p_delta integer) returns void language sql as $$
      select map_cells_change('post', array_agg(p.location), array_agg('-infinity'::timestamptz),
                              array_agg(p_delta))
      from posts p where p.group_id = p_group and p.deleted_at is null;
      select map_cells_change('event', array_agg(e.public_location), array_agg(map_hour(e.ends_at)), array_agg(p_delta))
      from events e where e.group_id = p_group and e.status = 'scheduled';
    $$`.execute(db);
  await sql`
    create or replace function map_cells_rebuild() returns void language sql as $$
      select pg_advisory_xact_lock(hashtext('map_cells'));
      truncate map_cells;
      insert into map_cells (level, cx, cy, kind, bucket, n, sx, sy)
      select l, floor(i.u * (1 << l))::integer, floor(i.v * (1 << l))::integer, i.kind, i.bucket,
             count(*), sum(i.u), sum(i.v)
      from (
        select 'place' as kind, map_u(public_location) as u, map_v(public_location) as v,
          '-infinity'::timestamptz as bucket
        from places
        union all
        select 'group', map_u(public_location), map_v(public_location), '-infinity' from groups
        union all
        select 'post', map_u(location), map_v(location), '-infinity' from posts
        where deleted_at is null and map_group_is_public(group_id)
        union all
        select 'event', map_u(public_location), map_v(public_location), map_hour(ends_at) from events
        where status = 'scheduled' and map_group_is_public(group_id)
      ) i
      cross join generate_series(4, 18) l
      group by 1, 2, 3, 4, 5;
    $$`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger if exists events_public_location on events`.execute(db);
  await sql`drop function if exists events_public_location()`.execute(db);
  await sql`alter table events drop column if exists public_location, drop column if exists location_privacy,
    drop column if exists min_players, drop column if exists players_deadline, drop column if exists on_shortfall`.execute(
    db,
  );
  await sql`drop trigger if exists places_public_location on places`.execute(db);
  await sql`drop function if exists places_public_location()`.execute(db);
  await sql`alter table places drop column if exists private_home, drop column if exists public_location`.execute(db);
}
