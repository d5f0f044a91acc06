/** Accounts: registering, signing in, and the signed-in person's own profile. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { AppError, invalidField, notFound } from '../../plugins/errors.js';
import { addAvatars, setMedia } from '../media/index.js';
import { hashPassword, verifyPassword } from './password.js';
import { findCredentials, findMe, findPasswordHash, findPublicUser, insertUser, updateMe } from './queries.js';
import type { LoginBody, Me, PublicUser, RegisterBody, UpdateMeBody } from './schemas.js';

type Db = Kysely<Database>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function normaliseEmail(raw: string): string {
  const email = raw.trim().toLowerCase();
  if (!EMAIL.test(email)) throw invalidField('email', 'must be an email address like name@example.org', 'body');
  return email;
}

function normaliseName(raw: string, field = 'displayName'): string {
  const name = raw.trim();
  if (name.length < 1 || name.length > 60) throw invalidField(field, 'must be 1 to 60 characters', 'body');
  return name;
}

export async function register(db: Db, body: RegisterBody): Promise<Me> {
  const email = normaliseEmail(body.email);
  const displayName = normaliseName(body.displayName);
  const user = await insertUser(db, { email, displayName, passwordHash: await hashPassword(body.password) });
  if (!user) throw new AppError(409, 'email_taken', 'An account with this email already exists.');
  return user;
}

/** The account whose email and password these are; 401 otherwise, without saying which was wrong. */
export async function logIn(db: Db, body: LoginBody): Promise<Me> {
  const credentials = await findCredentials(db, body.email.trim().toLowerCase());
  // Checked even when no account has the email, so both failures take as long.
  const ok = await verifyPassword(credentials?.password_hash, body.password);
  if (!credentials || !ok) throw new AppError(401, 'invalid_credentials', 'The email or password is wrong.');
  return (await findMe(db, credentials.id))!;
}

export async function readMe(db: Db, userId: number): Promise<Me> {
  const me = await findMe(db, userId);
  if (!me) throw notFound('Your account');
  await addAvatars(db, [me]);
  return me;
}

/** A person's public profile. */
export async function readPerson(db: Db, id: number): Promise<PublicUser> {
  const person = await findPublicUser(db, id);
  if (!person) throw notFound('This person');
  await addAvatars(db, [person]);
  return person;
}

export async function changeMe(db: Db, userId: number, body: UpdateMeBody): Promise<Me> {
  const patch = { ...body };
  if (patch.displayName !== undefined) patch.displayName = normaliseName(patch.displayName);
  const { avatarId } = patch;
  const me = await db.transaction().execute(async (trx) => {
    const changed = await updateMe(trx, userId, patch);
    if (changed && avatarId !== undefined) {
      await setMedia(trx, { type: 'user', id: userId }, avatarId === null ? [] : [avatarId], userId, 'avatarId');
    }
    return changed;
  });
  if (!me) throw notFound('Your account');
  await addAvatars(db, [me]);
  return me;
}

/** Whether the password is the account's own (to confirm something that cannot be undone). */
export async function passwordMatches(db: Db, userId: number, password: string): Promise<boolean> {
  return verifyPassword(await findPasswordHash(db, userId), password);
}
