/** Reports, the moderation queue and actions, the public log and group rules. */
import { getJson, request, withQuery } from './http';
import type { Answer, Query, RequestBody, Schema } from './types';

export type Report = Schema<'Report'>;
export type QueueItem = Schema<'QueueItem'>;
export type LogEntry = Schema<'ModerationLogEntry'>;
export type NewReport = RequestBody<'/api/reports', 'post'>;
export type ReportSubject = NewReport['subject'];
export type ReportReason = NewReport['reason'];
export type ModerationAction = RequestBody<'/api/moderation/actions', 'post'>;
export type Queue = Answer<'/api/moderation/queue'>;
export type Log = Answer<'/api/moderation/log'>;
export type GroupRules = Answer<'/api/groups/{id}/rules'>;

export const REPORT_REASONS: { value: ReportReason; label: string }[] = [
  { value: 'spam', label: 'Spam' },
  { value: 'harassment', label: 'Harassment' },
  { value: 'hate', label: 'Hate' },
  { value: 'violence', label: 'Violence or threats' },
  { value: 'sexual', label: 'Sexual content' },
  { value: 'private_information', label: 'Private information' },
  { value: 'misleading', label: 'Misleading' },
  { value: 'off_topic', label: 'Off-topic' },
  { value: 'other', label: 'Something else' },
];

export function fileReport(report: NewReport): Promise<Report> {
  return request('POST', '/api/reports', { body: report });
}

export function getQueue(query: Query<'/api/moderation/queue'> = {}, signal?: AbortSignal): Promise<Queue> {
  return getJson(withQuery('/api/moderation/queue', query), signal);
}

export function act(action: ModerationAction): Promise<Answer<'/api/moderation/actions', 'post'>> {
  return request('POST', '/api/moderation/actions', { body: action });
}

export function getLog(query: Query<'/api/moderation/log'> = {}, signal?: AbortSignal): Promise<Log> {
  return getJson(withQuery('/api/moderation/log', query), signal);
}

export function getGroupRules(groupId: number, signal?: AbortSignal): Promise<GroupRules> {
  return getJson(`/api/groups/${groupId}/rules`, signal);
}

export function setGroupRules(
  groupId: number,
  rules: RequestBody<'/api/groups/{id}/rules', 'put'>,
): Promise<GroupRules> {
  return request('PUT', `/api/groups/${groupId}/rules`, { body: rules });
}
