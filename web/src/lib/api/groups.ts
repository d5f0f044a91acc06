/** Groups, their members and the requests to join private ones. */
import { getJson, request, withQuery } from './http';
import type { Answer, Query, RequestBody, Schema } from './types';

export type Group = Schema<'Group'>;
export type GroupRole = Schema<'Member'>['role'];
export type GroupMember = Schema<'Member'>;
export type JoinRequest = Schema<'JoinRequest'>;
export type JoinAnswer = Schema<'JoinAnswer'>;

export function getGroup(id: number, signal?: AbortSignal): Promise<Group> {
  return getJson(`/api/groups/${id}`, signal);
}

export function getGroupMembers(
  id: number,
  cursor?: string | null,
  signal?: AbortSignal,
): Promise<Answer<'/api/groups/{id}/members'>> {
  const url = withQuery<Query<'/api/groups/{id}/members'>>(`/api/groups/${id}/members`, {
    cursor: cursor ?? undefined,
  });
  return getJson(url, signal);
}

/** Joins a public group at once; for a private one, asks its owners and organizers. */
export function joinGroup(id: number, message?: string): Promise<JoinAnswer> {
  const body: RequestBody<'/api/groups/{id}/members', 'post'> = message ? { message } : {};
  return request('POST', `/api/groups/${id}/members`, { body });
}

export function leaveGroup(id: number): Promise<void> {
  return request('DELETE', `/api/groups/${id}/members/me`);
}

/** Removes another member (owners only); their calendar link stops working. */
export function removeGroupMember(groupId: number, userId: number): Promise<void> {
  return request('DELETE', `/api/groups/${groupId}/members/${userId}`);
}

export function withdrawJoinRequest(id: number): Promise<void> {
  return request('DELETE', `/api/groups/${id}/requests/me`);
}

export function getJoinRequests(id: number, signal?: AbortSignal): Promise<Answer<'/api/groups/{id}/requests'>> {
  return getJson(`/api/groups/${id}/requests`, signal);
}

export function approveJoinRequest(groupId: number, userId: number): Promise<GroupMember> {
  return request('POST', `/api/groups/${groupId}/requests/${userId}/approve`);
}

export function declineJoinRequest(groupId: number, userId: number): Promise<void> {
  return request('POST', `/api/groups/${groupId}/requests/${userId}/decline`);
}

/** Makes these photos the group's, in order (the first is its cover); for its owners. */
export function setGroupPhotos(id: number, mediaIds: number[]): Promise<Group> {
  const body: RequestBody<'/api/groups/{id}', 'patch'> = { mediaIds };
  return request('PATCH', `/api/groups/${id}`, { body });
}

export type NewGroup = RequestBody<'/api/groups', 'post'>;
export type GroupChanges = RequestBody<'/api/groups/{id}', 'patch'>;

/** Starts a group; the person starting it becomes its owner. */
export function createGroup(group: NewGroup): Promise<Group> {
  return request('POST', '/api/groups', { body: group });
}

/** Changes a group's name, description, visibility or location; for its owners. */
export function updateGroup(id: number, changes: GroupChanges): Promise<Group> {
  return request('PATCH', `/api/groups/${id}`, { body: changes });
}

/** Deletes a group with its memberships; for its owners. */
export function deleteGroup(id: number): Promise<void> {
  return request('DELETE', `/api/groups/${id}`);
}

export type PersonGroup = Schema<'PersonGroup'>;

/** The groups you belong to, private ones included, with your role. */
export function getMyGroups(signal?: AbortSignal): Promise<Answer<'/api/me/groups'>> {
  return getJson('/api/me/groups', signal);
}

/** The public groups a person belongs to. */
export function getGroupsOf(personId: number, signal?: AbortSignal): Promise<Answer<'/api/people/{id}/groups'>> {
  return getJson(`/api/people/${personId}/groups`, signal);
}
