/**
 * Notifications: the inbox, marking read, settings, unsubscribing from an email's link, and the
 * live stream. The stream is an EventSource, which cannot send the sign-in token, so it is opened
 * with a short-lived ticket the server gives for it.
 */
import { getJson, request, withQuery } from './http';
import type { Answer, Query, RequestBody, Schema } from './types';

export type NotificationItem = Schema<'NotificationItem'>;
export type NotificationPage = Schema<'NotificationPage'>;
export type NotificationKind = NotificationItem['kind'];
export type NotificationSettings = Schema<'NotificationSettings'>;
export type NotificationSettingsBody = RequestBody<'/api/me/notification-settings', 'put'>;
export type UnsubscribeLink = Schema<'UnsubscribeLink'>;
export type Unsubscribed = Schema<'Unsubscribed'>;

export function listNotifications(cursor: string | null, signal?: AbortSignal): Promise<NotificationPage> {
  const url = withQuery<Query<'/api/notifications'>>('/api/notifications', {
    limit: 20,
    cursor: cursor ?? undefined,
  });
  return getJson(url, signal);
}

/** Marks some notifications read, or all; answers the unread count after. */
export function markNotificationsRead(
  which: RequestBody<'/api/notifications/read', 'post'>,
): Promise<Answer<'/api/notifications/read', 'post'>> {
  return request('POST', '/api/notifications/read', { body: which });
}

export function getNotificationSettings(signal?: AbortSignal): Promise<NotificationSettings> {
  return getJson('/api/me/notification-settings', signal);
}

export function saveNotificationSettings(settings: NotificationSettingsBody): Promise<NotificationSettings> {
  return request('PUT', '/api/me/notification-settings', { body: settings });
}

/** What an email's unsubscribe link would stop; changes nothing. */
export function describeUnsubscribeLink(token: string, signal?: AbortSignal): Promise<UnsubscribeLink> {
  return getJson(withQuery('/api/notifications/unsubscribe', { token }), signal);
}

export function unsubscribe(token: string, all: boolean): Promise<Unsubscribed> {
  return request('POST', withQuery('/api/notifications/unsubscribe', { token }), { body: { all } });
}

/**
 * Opens the live stream with a fresh ticket, after `lastEventId` when resuming (a new
 * EventSource cannot send the Last-Event-ID header itself, so it goes in the address).
 */
export async function openNotificationStream(lastEventId: string | null): Promise<EventSource> {
  const { ticket } = await request<Answer<'/api/notifications/stream-ticket', 'post'>>(
    'POST',
    '/api/notifications/stream-ticket',
  );
  const url = withQuery<Query<'/api/notifications/stream'>>('/api/notifications/stream', {
    ticket,
    lastEventId: lastEventId ?? undefined,
  });
  return new EventSource(url);
}
