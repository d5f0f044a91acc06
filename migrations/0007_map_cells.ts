import { sql, type Kysely } from 'kysely';

/**
 * A count pyramid for map clusters. Every item that everybody may see (places, groups at their
 * public point, posts and scheduled meetups outside private groups) is counted in one cell per
 * quadtree level 4..18 of the Web Mercator square (u, v in [0, 1), v growing southwards, like
 * map tiles). A cell keeps the count and the sums of u and v of its items, per kind; meetups are
 * also split by the hour they end, so that ended ones can be left out without rewriting rows.
 *
 * Triggers keep the pyramid in step with every insert, update and delete, in the same
 * transaction; map_cells_rebuild() recomputes it from scratch in one statement.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table map_cells (
      level smallint not null,
      cx integer not null,
      cy integer not null,
      kind text not null,
      bucket timestamptz not null,
      n integer not null,
      sx float8 not null,
      sy float8 not null,
      primary key (level, cx, cy, kind, bucket)
    )`.execute(db);

  await sql`
    create function map_u(g geography) returns float8 language sql immutable parallel safe as $$
      select least(0.999999999999, greatest(0, (ST_X(g::geometry) + 180) / 360))
    $$`.execute(db);
  await sql`
    create function map_v(g geography) returns float8 language sql immutable parallel safe as $$
      select least(0.999999999999, greatest(0,
        (1 - ln(tan(radians(least(85.05112878, greatest(-85.05112878, ST_Y(g::geometry)))))
               + 1 / cos(radians(least(85.05112878, greatest(-85.05112878, ST_Y(g::geometry)))))) / pi()) / 2))
    $$`.execute(db);
  // Meetups are bucketed by the start of the hour they end in (UTC epoch hours, whatever the session zone).
  await sql`
    create function map_hour(t timestamptz) returns timestamptz language sql immutable parallel safe as $$
      select to_timestamp(floor(extract(epoch from t) / 3600) * 3600)
    $$`.execute(db);
  await sql`
    create function map_group_is_public(group_id bigint) returns boolean language sql stable as $$
      select group_id is null or exists (select 1 from groups g where g.id = group_id and g.visibility = 'public')
    $$`.execute(db);

  await sql`
    create function map_cells_apply(p_kind text, p_loc geography, p_bucket timestamptz, p_delta integer)
    returns void language plpgsql as $$
    declare
      u float8 := map_u(p_loc);
      v float8 := map_v(p_loc);
      lvl integer;
    begin
      -- Levels in a fixed order, so concurrent writers lock shared cells in the same order.
      for lvl in 4..18 loop
        insert into map_cells as c (level, cx, cy, kind, bucket, n, sx, sy)
        values (lvl, floor(u * (1 << lvl))::integer, floor(v * (1 << lvl))::integer, p_kind, p_bucket,
                p_delta, p_delta * u, p_delta * v)
        on conflict (level, cx, cy, kind, bucket)
        do update set n = c.n + excluded.n, sx = c.sx + excluded.sx, sy = c.sy + excluded.sy;
      end loop;
    end $$`.execute(db);

  await sql`
    create function map_cells_places() returns trigger language plpgsql as $$
    begin
      if tg_op in ('UPDATE', 'DELETE') then perform map_cells_apply('place', old.location, '-infinity', -1); end if;
      if tg_op in ('INSERT', 'UPDATE') then perform map_cells_apply('place', new.location, '-infinity', 1); end if;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger map_cells_places after insert or delete or update of location on places
    for each row execute function map_cells_places()`.execute(db);

  await sql`
    create function map_cells_posts() returns trigger language plpgsql as $$
    begin
      if tg_op in ('UPDATE', 'DELETE') and old.deleted_at is null and map_group_is_public(old.group_id) then
        perform map_cells_apply('post', old.location, '-infinity', -1);
      end if;
      if tg_op in ('INSERT', 'UPDATE') and new.deleted_at is null and map_group_is_public(new.group_id) then
        perform map_cells_apply('post', new.location, '-infinity', 1);
      end if;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger map_cells_posts after insert or delete or update of location, deleted_at, group_id on posts
    for each row execute function map_cells_posts()`.execute(db);

  await sql`
    create function map_cells_events() returns trigger language plpgsql as $$
    begin
      if tg_op in ('UPDATE', 'DELETE') and old.status = 'scheduled' and map_group_is_public(old.group_id) then
        perform map_cells_apply('event', old.location, map_hour(old.ends_at), -1);
      end if;
      if tg_op in ('INSERT', 'UPDATE') and new.status = 'scheduled' and map_group_is_public(new.group_id) then
        perform map_cells_apply('event', new.location, map_hour(new.ends_at), 1);
      end if;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger map_cells_events after insert or delete or update of location, status, group_id, ends_at on events
    for each row execute function map_cells_events()`.execute(db);

  // A group's own point, and its content when it turns public or private.
  await sql`
    create function map_cells_group_content(p_group bigint, p_delta integer) returns void language sql as $$
      select map_cells_apply('post', p.location, '-infinity', p_delta)
      from posts p where p.group_id = p_group and p.deleted_at is null;
      select map_cells_apply('event', e.location, map_hour(e.ends_at), p_delta)
      from events e where e.group_id = p_group and e.status = 'scheduled';
    $$`.execute(db);
  await sql`
    create function map_cells_groups() returns trigger language plpgsql as $$
    begin
      if tg_op in ('UPDATE', 'DELETE') then perform map_cells_apply('group', old.public_location, '-infinity', -1); end if;
      if tg_op in ('INSERT', 'UPDATE') then perform map_cells_apply('group', new.public_location, '-infinity', 1); end if;
      if tg_op = 'UPDATE' and old.visibility <> new.visibility then
        perform map_cells_group_content(new.id, case when new.visibility = 'public' then 1 else -1 end);
      end if;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger map_cells_groups after insert or delete or update of public_location, visibility on groups
    for each row execute function map_cells_groups()`.execute(db);
  // Before a public group goes, its content leaves the pyramid; the cascaded deletes that follow
  // no longer find the group and count nothing.
  await sql`
    create function map_cells_group_deleted() returns trigger language plpgsql as $$
    begin
      if old.visibility = 'public' then perform map_cells_group_content(old.id, -1); end if;
      return old;
    end $$`.execute(db);
  await sql`
    create trigger map_cells_group_deleted before delete on groups
    for each row execute function map_cells_group_deleted()`.execute(db);

  await sql`
    create function map_cells_rebuild() returns void language sql as $$
      truncate map_cells;
      insert into map_cells (level, cx, cy, kind, bucket, n, sx, sy)
      select l, floor(i.u * (1 << l))::integer, floor(i.v * (1 << l))::integer, i.kind, i.bucket,
             count(*), sum(i.u), sum(i.v)
      from (
        select 'place' as kind, map_u(location) as u, map_v(location) as v, '-infinity'::timestamptz as bucket
        from places
        union all
        select 'group', map_u(public_location), map_v(public_location), '-infinity' from groups
        union all
        select 'post', map_u(location), map_v(location), '-infinity' from posts
        where deleted_at is null and map_group_is_public(group_id)
        union all
        select 'event', map_u(location), map_v(location), map_hour(ends_at) from events
        where status = 'scheduled' and map_group_is_public(group_id)
      ) i
      cross join generate_series(4, 18) l
      group by 1, 2, 3, 4, 5;
    $$`.execute(db);
  await sql`select map_cells_rebuild()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const [trigger, table] of [
    ['map_cells_places', 'places'],
    ['map_cells_posts', 'posts'],
    ['map_cells_events', 'events'],
    ['map_cells_groups', 'groups'],
    ['map_cells_group_deleted', 'groups'],
  ] as const) {
    await sql`drop trigger if exists ${sql.id(trigger)} on ${sql.table(table)}`.execute(db);
  }
  await sql`drop table if exists map_cells`.execute(db);
}
