import { sql, type Kysely } from 'kysely';

/**
 * The map's count pyramid (migration 0007) leaves out posts and meetups that moderators removed
 * or the automatic first line holds (`moderated_content`, migration 0090): a low-zoom cluster
 * must not count what no list shows.
 *
 * Every place that decides whether a post or meetup is counted also asks map_item_moderated();
 * and a trigger on moderated_content takes the item out of the pyramid when a row appears and
 * puts it back when the row goes (restore), if it is otherwise counted. That trigger first
 * share-locks the post's or meetup's row, so that a concurrent move of the item waits for it, or
 * it waits for the move and reads where the item went: each side then sees the other's change.
 * The pyramid is rebuilt once, for content removed before this migration.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function map_item_moderated(p_kind text, p_id bigint) returns boolean language sql stable as $$
      select exists (select 1 from moderated_content mc where mc.subject_type = p_kind and mc.subject_id = p_id)
    $$`.execute(db);

  const statementFunctions = [
    ['posts', 'insert', 'added', 1],
    ['posts', 'delete', 'removed', -1],
    ['events', 'insert', 'added', 1],
    ['events', 'delete', 'removed', -1],
  ] as const;
  for (const [table, event, rows, delta] of statementFunctions) {
    const body =
      table === 'posts'
        ? `perform map_cells_change('post', array_agg(location), array_agg('-infinity'::timestamptz), array_agg(${delta}))
          from ${rows} where deleted_at is null and map_group_is_public_locked(group_id)
            and not map_item_moderated('post', id);`
        : `perform map_cells_change('event', array_agg(public_location), array_agg(map_hour(ends_at)), array_agg(${delta}))
          from ${rows} where status = 'scheduled' and map_group_is_public_locked(group_id)
            and not map_item_moderated('event', id);`;
    await sql`
      create or replace function ${sql.id(`map_cells_${table}_${event}`)}() returns trigger language plpgsql as ${sql.lit(`
      begin
        ${body}
        return null;
      end`)}`.execute(db);
  }

  await sql`
    create or replace function map_cells_posts() returns trigger language plpgsql as $$
    declare
      moderated boolean := map_item_moderated('post', new.id);
      counted_before boolean := old.deleted_at is null and map_group_is_public_locked(old.group_id) and not moderated;
      counted_after boolean := new.deleted_at is null and map_group_is_public_locked(new.group_id) and not moderated;
    begin
      perform map_cells_change('post',
        array[case when counted_before then old.location end, case when counted_after then new.location end],
        array['-infinity', '-infinity']::timestamptz[], array[-1, 1]);
      return null;
    end $$`.execute(db);
  await sql`
    create or replace function map_cells_events() returns trigger language plpgsql as $$
    declare
      moderated boolean := map_item_moderated('event', new.id);
      counted_before boolean := old.status = 'scheduled' and map_group_is_public_locked(old.group_id) and not moderated;
      counted_after boolean := new.status = 'scheduled' and map_group_is_public_locked(new.group_id) and not moderated;
    begin
      perform map_cells_change('event',
        array[case when counted_before then old.public_location end,
              case when counted_after then new.public_location end],
        array[case when counted_before then map_hour(old.ends_at) end, case when counted_after then map_hour(new.ends_at) end],
        array[-1, 1]);
      return null;
    end $$`.execute(db);

  await sql`
    create or replace function map_cells_group_content(p_group bigint, p_delta integer) returns void language sql as $$
      select map_cells_change('post', array_agg(p.location), array_agg('-infinity'::timestamptz),
                              array_agg(p_delta))
      from posts p where p.group_id = p_group and p.deleted_at is null and not map_item_moderated('post', p.id);
      select map_cells_change('event', array_agg(e.public_location), array_agg(map_hour(e.ends_at)), array_agg(p_delta))
      from events e where e.group_id = p_group and e.status = 'scheduled' and not map_item_moderated('event', e.id);
    $$`.execute(db);

  // A post or meetup removed or held leaves the pyramid; restored, it comes back.
  for (const [event, rows, delta] of [
    ['insert', 'added', -1],
    ['delete', 'removed', 1],
  ] as const) {
    const fn = `map_cells_moderated_${event}`;
    await sql`
      create function ${sql.id(fn)}() returns trigger language plpgsql as ${sql.lit(`
      begin
        perform 1 from posts p where p.id in (select subject_id from ${rows} where subject_type = 'post') for share;
        perform 1 from events e where e.id in (select subject_id from ${rows} where subject_type = 'event') for share;
        perform map_cells_change('post', array_agg(p.location), array_agg('-infinity'::timestamptz), array_agg(${delta}))
        from ${rows} m join posts p on p.id = m.subject_id
        where m.subject_type = 'post' and p.deleted_at is null and map_group_is_public_locked(p.group_id);
        perform map_cells_change('event', array_agg(e.public_location), array_agg(map_hour(e.ends_at)),
          array_agg(${delta}))
        from ${rows} m join events e on e.id = m.subject_id
        where m.subject_type = 'event' and e.status = 'scheduled' and map_group_is_public_locked(e.group_id);
        return null;
      end`)}`.execute(db);
    await sql`
      create trigger ${sql.id(fn)} after ${sql.raw(event)} on moderated_content
      referencing ${sql.raw(event === 'insert' ? 'new' : 'old')} table as ${sql.raw(rows)}
      for each statement execute function ${sql.id(fn)}()`.execute(db);
  }

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
        where deleted_at is null and map_group_is_public(group_id) and not map_item_moderated('post', id)
        union all
        select 'event', map_u(public_location), map_v(public_location), map_hour(ends_at) from events
        where status = 'scheduled' and map_group_is_public(group_id) and not map_item_moderated('event', id)
      ) i
      cross join generate_series(4, 18) l
      group by 1, 2, 3, 4, 5;
    $$`.execute(db);
  await sql`select map_cells_rebuild()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  // Back to counting everything, as migrations 0007 and 0061 left the functions.
  for (const event of ['insert', 'delete']) {
    await sql`drop function if exists ${sql.id(`map_cells_moderated_${event}`)}() cascade`.execute(db);
  }
  for (const [table, event, rows, delta] of [
    ['posts', 'insert', 'added', 1],
    ['posts', 'delete', 'removed', -1],
    ['events', 'insert', 'added', 1],
    ['events', 'delete', 'removed', -1],
  ] as const) {
    const body =
      table === 'posts'
        ? `perform map_cells_change('post', array_agg(location), array_agg('-infinity'::timestamptz), array_agg(${delta}))
          from ${rows} where deleted_at is null and map_group_is_public_locked(group_id);`
        : `perform map_cells_change('event', array_agg(public_location), array_agg(map_hour(ends_at)), array_agg(${delta}))
          from ${rows} where status = 'scheduled' and map_group_is_public_locked(group_id);`;
    await sql`
      create or replace function ${sql.id(`map_cells_${table}_${event}`)}() returns trigger language plpgsql as ${sql.lit(`
      begin
        ${body}
        return null;
      end`)}`.execute(db);
  }
  await sql`
    create or replace function map_cells_posts() returns trigger language plpgsql as $$
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
  await sql`drop function if exists map_item_moderated(text, bigint)`.execute(db);
  await sql`select map_cells_rebuild()`.execute(db);
}
