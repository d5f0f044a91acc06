import { sql, type Kysely } from 'kysely';

/**
 * Safety notices: what moderation tells people (server/src/modules/notifications, notify.ts).
 *
 * - `moderation_action`: a moderator acted on something of yours (removed, restored, locked,
 *   warned you, banned you from a group, suspended your account), with the reason.
 * - `report_outcome`: a report you filed was reviewed, and what came of it.
 *
 * Both are about a moderation action (`subject_type` 'moderation', `moderation_action_id`),
 * not about the content: a notice stays when the post it was about is deleted, and says no more
 * than the public log does. They are always shown in the app; email follows the person's choice,
 * and people who already chose their emails get `moderation_action` by email like everyone
 * else unless they turned every email off.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table notifications drop constraint notifications_kind_check`.execute(db);
  await sql`alter table notifications add constraint notifications_kind_check check (kind in ('waitlist_promoted',
    'event_changed', 'event_cancelled', 'reminder', 'reply', 'join_request', 'join_approved', 'join_declined',
    'group_event', 'nearby_event', 'moderation_action', 'report_outcome'))`.execute(db);
  await sql`alter table notifications drop constraint notifications_subject_type_check`.execute(db);
  await sql`alter table notifications add constraint notifications_subject_type_check
    check (subject_type in ('event', 'post', 'group', 'moderation'))`.execute(db);
  await sql`alter table notifications
    add column moderation_action_id bigint references moderation_actions (id) on delete cascade`.execute(db);
  await sql`alter table notifications add constraint notifications_moderation_check
    check (subject_type <> 'moderation' or moderation_action_id is not null)`.execute(db);
  await sql`create index notifications_moderation_action on notifications (moderation_action_id)
    where moderation_action_id is not null`.execute(db);
  await sql`update notification_settings set email = array_append(email, 'moderation_action')
    where cardinality(email) > 0 and not ('moderation_action' = any(email))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`delete from notifications where subject_type = 'moderation'`.execute(db);
  await sql`alter table notifications drop column if exists moderation_action_id`.execute(db);
  await sql`alter table notifications drop constraint if exists notifications_subject_type_check`.execute(db);
  await sql`alter table notifications add constraint notifications_subject_type_check
    check (subject_type in ('event', 'post', 'group'))`.execute(db);
  await sql`alter table notifications drop constraint if exists notifications_kind_check`.execute(db);
  await sql`alter table notifications add constraint notifications_kind_check check (kind in ('waitlist_promoted',
    'event_changed', 'event_cancelled', 'reminder', 'reply', 'join_request', 'join_approved', 'join_declined',
    'group_event', 'nearby_event'))`.execute(db);
  await sql`update notification_settings set email = array_remove(email, 'moderation_action')`.execute(db);
  await sql`update notification_settings set in_app = array_remove(in_app, 'moderation_action')`.execute(db);
}
