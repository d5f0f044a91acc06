/** Registration, sign-in and the signed-in person's own profile. */
import { getJson, request } from './http';
import type { Answer, RequestBody, Schema } from './types';

export type Me = Schema<'Me'>;
/** The answer to registering or signing in: a token and whose it is. */
export type SignedIn = Schema<'AuthAnswer'>;
export type Registration = RequestBody<'/api/auth/register', 'post'>;
export type Credentials = RequestBody<'/api/auth/login', 'post'>;
/** Fields left out stay as they are; a null home location forgets it. */
export type ProfileChanges = RequestBody<'/api/me', 'patch'>;

/**
 * Signed in at once (a server without email), or `{message}`: the server emailed a link that
 * finishes registering (`confirmRegistration`).
 */
export function register(registration: Registration): Promise<SignedIn | { message: string }> {
  return request('POST', '/api/auth/register', { body: registration });
}

export function confirmRegistration(token: string): Promise<SignedIn> {
  return request('POST', '/api/auth/register/confirm', { body: { token } });
}

export function signIn(credentials: Credentials): Promise<SignedIn> {
  return request('POST', '/api/auth/login', { body: credentials });
}

export function getMe(signal?: AbortSignal): Promise<Me> {
  return getJson('/api/me', signal);
}

export function updateMe(changes: ProfileChanges): Promise<Me> {
  return request('PATCH', '/api/me', { body: changes });
}

/** A signed-in device, as the list of sessions shows it. */
export type SignedInDevice = Answer<'/api/account/sessions'>['sessions'][number];
export type PasswordChange = RequestBody<'/api/account/password', 'post'>;

/** Ends this session on the server (the token stops working everywhere it was copied). */
export function signOutHere(): Promise<void> {
  return request('POST', '/api/auth/sign-out');
}

export function signOutEverywhere(): Promise<void> {
  return request('POST', '/api/auth/sign-out-everywhere');
}

export async function listDevices(signal?: AbortSignal): Promise<SignedInDevice[]> {
  return (await getJson<Answer<'/api/account/sessions'>>('/api/account/sessions', signal)).sessions;
}

export function signOutDevice(id: string): Promise<void> {
  return request('DELETE', `/api/account/sessions/${encodeURIComponent(id)}`);
}

export function changePassword(change: PasswordChange): Promise<void> {
  return request('POST', '/api/account/password', { body: change });
}

export function requestPasswordReset(email: string): Promise<{ message: string }> {
  return request('POST', '/api/auth/password-reset', { body: { email } });
}

export function resetPassword(token: string, newPassword: string): Promise<SignedIn> {
  return request('POST', '/api/auth/password-reset/confirm', { body: { token, newPassword } });
}

export type Person = Schema<'PublicUser'>;

/** A person's public profile: never their email or home. */
export function getPerson(id: number, signal?: AbortSignal): Promise<Person> {
  return getJson(`/api/people/${id}`, signal);
}
