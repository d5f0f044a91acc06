import { sql, type Kysely } from 'kysely';

/**
 * Every reply records the top-level comment its branch starts from (`root_id`; null on the
 * top-level comments themselves). A discussion page can then weigh its branches by size and read
 * them by one index lookup each, instead of walking the reply tree level by level.
 *
 * A trigger fills it from the parent, so every writer (the API, the seeds, direct SQL) gets it
 * without repeating the rule; replies never move to another parent, so it never goes stale.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table comments add column root_id bigint`.execute(db);
  await sql`
    with recursive branch as (
      select id, id as root_id from comments where parent_id is null
      union all
      select c.id, b.root_id from comments c join branch b on c.parent_id = b.id
    )
    update comments set root_id = branch.root_id
    from branch
    where comments.id = branch.id and comments.parent_id is not null`.execute(db);
  await sql`alter table comments add constraint comments_root_parent_check
    check ((parent_id is null) = (root_id is null))`.execute(db);
  await sql`create index comments_root_idx on comments (root_id) where root_id is not null`.execute(db);

  await sql`
    create function comments_set_root() returns trigger language plpgsql as $$
    begin
      if new.parent_id is null then
        new.root_id := null;
      else
        select coalesce(p.root_id, p.id) into new.root_id from comments p where p.id = new.parent_id;
      end if;
      return new;
    end $$`.execute(db);
  await sql`create trigger comments_set_root before insert on comments
    for each row execute function comments_set_root()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger if exists comments_set_root on comments`.execute(db);
  await sql`drop function if exists comments_set_root()`.execute(db);
  await sql`alter table comments drop column if exists root_id`.execute(db);
}
