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
  // The triggers' variant also share-locks the group's row until the transaction ends. Without
  // it, a post or meetup written while its group changes visibility in another transaction is
  // counted twice or not at all: each side reads the other's change as not yet made. With it,
  // the visibility change waits for the writer, or the writer waits and reads the new visibility.
  // As written here it fell short when a group turned public; migration 0012 corrects it.
  await sql`
    create function map_group_is_public_locked(group_id bigint) returns boolean language sql volatile as $$
      select group_id is null
          or exists (select 1 from groups g where g.id = group_id and g.visibility = 'public' for share)
    $$`.execute(db);

  // Adds (delta +1) or removes (-1) points of one kind in every level, in one statement; deltas
  // for the same cell are summed first, so a move within a cell touches it once.
  // Writers take turns: the first change in a transaction takes one advisory lock held until it
  // ends. A transaction may change cells in several statements (a group's point, then its posts,
  // then its meetups), so no single order of cell locks could keep two such transactions from
  // deadlocking; item writes are rare next to reads, and each holds the turn for milliseconds.
  await sql`
    create function map_cells_change(p_kind text, p_locs geography[], p_buckets timestamptz[], p_deltas integer[])
    returns void language sql as $$
      select pg_advisory_xact_lock(hashtext('map_cells')) where cardinality(p_locs) > 0;
      insert into map_cells as c (level, cx, cy, kind, bucket, n, sx, sy)
      select l, floor(p.u * (1 << l))::integer as cx, floor(p.v * (1 << l))::integer as cy, p_kind, p.bucket,
             sum(p.delta), sum(p.delta * p.u), sum(p.delta * p.v)
      from (select map_u(i.loc) as u, map_v(i.loc) as v, i.bucket, i.delta
            from unnest(p_locs, p_buckets, p_deltas) as i (loc, bucket, delta)
            where i.loc is not null and i.delta <> 0) p,
           generate_series(4, 18) l
      group by l, cx, cy, p.bucket
      on conflict (level, cx, cy, kind, bucket)
      do update set n = c.n + excluded.n, sx = c.sx + excluded.sx, sy = c.sy + excluded.sy;
    $$`.execute(db);

  // Inserts and deletes are counted once per statement, from its transition table, so bulk
  // writes (imports, a group's content going with it) cost one set-based change. Updates are
  // counted per row: the old row leaves (if it was counted) and the new one enters, together.
  const statementTriggers = async (table: string, kind: string, loc: string, bucket: string, counted: string) => {
    for (const [event, rows, delta] of [
      ['insert', 'added', 1],
      ['delete', 'removed', -1],
    ] as const) {
      const fn = `map_cells_${table}_${event}`;
      await sql`
        create function ${sql.id(fn)}() returns trigger language plpgsql as ${sql.lit(`
        begin
          perform map_cells_change('${kind}', array_agg(${loc}), array_agg(${bucket}), array_agg(${delta}))
          from ${rows} where ${counted};
          return null;
        end`)}`.execute(db);
      await sql`
        create trigger ${sql.id(fn)} after ${sql.raw(event)} on ${sql.table(table)}
        referencing ${sql.raw(event === 'insert' ? 'new' : 'old')} table as ${sql.raw(rows)}
        for each statement execute function ${sql.id(fn)}()`.execute(db);
    }
  };
  await statementTriggers('places', 'place', 'location', "'-infinity'::timestamptz", 'true');
  await statementTriggers('groups', 'group', 'public_location', "'-infinity'::timestamptz", 'true');
  await statementTriggers(
    'posts',
    'post',
    'location',
    "'-infinity'::timestamptz",
    'deleted_at is null and map_group_is_public_locked(group_id)',
  );
  await statementTriggers(
    'events',
    'event',
    'location',
    'map_hour(ends_at)',
    "status = 'scheduled' and map_group_is_public_locked(group_id)",
  );

  await sql`
    create function map_cells_places() returns trigger language plpgsql as $$
    begin
      perform map_cells_change('place', array[old.location, new.location],
        array['-infinity', '-infinity']::timestamptz[], array[-1, 1]);
      return null;
    end $$`.execute(db);
  await sql`
    create trigger map_cells_places after update of location on places
    for each row execute function map_cells_places()`.execute(db);

  await sql`
    create function map_cells_posts() returns trigger language plpgsql as $$
    declare
      counted_before boolean := old.deleted_at is null and map_group_is_public_locked(old.group_id);
      counted_after boolean := new.deleted_at is null and map_group_is_public_locked(new.group_id);
    begin
      perform map_cells_change('post',
        array[case when counted_before then old.location end, case when counted_after then new.location end],
        array['-infinity', '-infinity']::timestamptz[], array[-1, 1]);
      return null;
    end $$`.execute(db);
  await sql`
    create trigger map_cells_posts after update of location, deleted_at, group_id on posts
    for each row execute function map_cells_posts()`.execute(db);

  await sql`
    create function map_cells_events() returns trigger language plpgsql as $$
    declare
      counted_before boolean := old.status = 'scheduled' and map_group_is_public_locked(old.group_id);
      counted_after boolean := new.status = 'scheduled' and map_group_is_public_locked(new.group_id);
    begin
      perform map_cells_change('event',
        array[case when counted_before then old.location end, case when counted_after then new.location end],
        array[case when counted_before then map_hour(old.ends_at) end, case when counted_after then map_hour(new.ends_at) end],
        array[-1, 1]);
      return null;
    end $$`.execute(db);
  await sql`
    create trigger map_cells_events after update of location, status, group_id, ends_at on events
    for each row execute function map_cells_events()`.execute(db);

  // A group's own point moving, and its content when it turns public or private.
  await sql`
    create function map_cells_group_content(p_group bigint, p_delta integer) returns void language sql as $$
      select map_cells_change('post', array_agg(p.location), array_agg('-infinity'::timestamptz),
                              array_agg(p_delta))
      from posts p where p.group_id = p_group and p.deleted_at is null;
      select map_cells_change('event', array_agg(e.location), array_agg(map_hour(e.ends_at)), array_agg(p_delta))
      from events e where e.group_id = p_group and e.status = 'scheduled';
    $$`.execute(db);
  await sql`
    create function map_cells_groups() returns trigger language plpgsql as $$
    begin
      perform map_cells_change('group', array[old.public_location, new.public_location],
        array['-infinity', '-infinity']::timestamptz[], array[-1, 1]);
      if old.visibility <> new.visibility then
        perform map_cells_group_content(new.id, case when new.visibility = 'public' then 1 else -1 end);
      end if;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger map_cells_groups after update of public_location, visibility on groups
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
      select pg_advisory_xact_lock(hashtext('map_cells'));
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
  // Dropping the functions drops the triggers that call them.
  const functions = [
    ...['places', 'groups', 'posts', 'events'].flatMap((table) => [
      `map_cells_${table}_insert`,
      `map_cells_${table}_delete`,
    ]),
    'map_cells_places',
    'map_cells_posts',
    'map_cells_events',
    'map_cells_groups',
    'map_cells_group_deleted',
    'map_cells_group_content',
    'map_cells_rebuild',
    'map_cells_change',
    'map_group_is_public_locked',
    'map_group_is_public',
    'map_hour',
    'map_u',
    'map_v',
  ];
  for (const name of functions) await sql`drop function if exists ${sql.id(name)} cascade`.execute(db);
  await sql`drop table if exists map_cells`.execute(db);
}
