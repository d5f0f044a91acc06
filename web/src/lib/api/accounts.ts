/** Registration, sign-in and the signed-in person's own profile. */
import { getJson, request } from './http';
import type { RequestBody, Schema } from './types';

export type Me = Schema<'Me'>;
/** The answer to registering or signing in: a token and whose it is. */
export type SignedIn = Schema<'AuthAnswer'>;
export type Registration = RequestBody<'/api/auth/register', 'post'>;
export type Credentials = RequestBody<'/api/auth/login', 'post'>;
/** Fields left out stay as they are; a null home location forgets it. */
export type ProfileChanges = RequestBody<'/api/me', 'patch'>;

export function register(registration: Registration): Promise<SignedIn> {
  return request('POST', '/api/auth/register', { body: registration });
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

export type Person = Schema<'PublicUser'>;

/** A person's public profile: never their email or home. */
export function getPerson(id: number, signal?: AbortSignal): Promise<Person> {
  return getJson(`/api/people/${id}`, signal);
}
