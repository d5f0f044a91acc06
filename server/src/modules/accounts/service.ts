/** Accounts: registering, signing in, and the signed-in person's own profile. */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { listSessions, revokeSession, revokeSessions } from '../../db/sessions.js';
import { enqueueJob } from '../../jobs/queue.js';
import { AppError, invalidField, notFound } from '../../plugins/errors.js';
import type { SignedCodec } from '../../plugins/signed-values.js';
import { addAvatars, setMedia } from '../media/index.js';
import { hashPassword, verifyPassword } from './password.js';
import { checkPasswordStrength } from './password-strength.js';
import {
  clearLoginFailures,
  findAccountByEmail,
  findAccountById,
  findCredentials,
  findLoginLock,
  findMe,
  findPasswordHash,
  findPublicUser,
  findUsablePasswordReset,
  insertPasswordReset,
  insertPendingRegistration,
  insertUser,
  recordLoginFailure,
  updateMe,
  updatePasswordHash,
  usePasswordReset,
  usePendingRegistration,
} from './queries.js';
import type {
  ChangePasswordBody,
  LoginBody,
  Me,
  PasswordResetConfirmBody,
  PublicUser,
  RegisterBody,
  Session,
  UpdateMeBody,
} from './schemas.js';

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
  checkPasswordStrength(body.password, { email, displayName });
  const user = await insertUser(db, { email, displayName, passwordHash: await hashPassword(body.password) });
  if (!user) throw new AppError(409, 'email_taken', 'An account with this email already exists.');
  return user;
}

/** How long the link that finishes a registration works. */
export const REGISTRATION_LIFETIME_MS = 24 * 60 * 60_000;
export const REGISTRATION_EMAIL_JOB = 'registration_email';
export const REGISTRATION_TAKEN_EMAIL_JOB = 'registration_taken_email';

/**
 * Registering when the server sends email: nothing is said about whether an account has the
 * address. A new address gets a link that makes the account; an address with an account gets an
 * email telling its owner that someone tried, with a way to sign in or reset the password. Both
 * branches check and hash the password (the slow part) and queue one email, so they take about as long.
 */
export async function requestRegistration(db: Db, body: RegisterBody): Promise<void> {
  const email = normaliseEmail(body.email);
  const displayName = normaliseName(body.displayName);
  checkPasswordStrength(body.password, { email, displayName });
  const passwordHash = await hashPassword(body.password);
  const account = await findAccountByEmail(db, email);
  await db.transaction().execute(async (trx) => {
    if (account) {
      await enqueueJob(trx, { kind: REGISTRATION_TAKEN_EMAIL_JOB, payload: { userId: account.id }, maxAttempts: 4 });
      return;
    }
    const id = randomUUID();
    const expiresAt = new Date(Date.now() + REGISTRATION_LIFETIME_MS);
    await insertPendingRegistration(trx, { id, email, displayName, passwordHash, expiresAt });
    await enqueueJob(trx, { kind: REGISTRATION_EMAIL_JOB, payload: { id }, maxAttempts: 4 });
  });
}

const isRegistrationToken = (value: unknown): value is { g: string } =>
  typeof value === 'object' && value !== null && typeof (value as { g?: unknown }).g === 'string';

/** Makes the account from a registration link (once, while it is fresh) and answers it. */
export async function confirmRegistration(db: Db, links: SignedCodec, token: string): Promise<Me> {
  const { g: id } = links.decode(token, isRegistrationToken);
  const pending = await usePendingRegistration(db, id);
  if (!pending) {
    throw new AppError(403, 'link_expired', 'This link has expired or was used already. Register again.');
  }
  const user = await insertUser(db, {
    email: pending.email,
    displayName: pending.display_name,
    passwordHash: pending.password_hash,
  });
  // Registered twice and both links opened: the address's owner opens it, so saying so tells no one else.
  if (!user) throw new AppError(409, 'email_taken', 'An account with this email already exists: sign in.');
  return user;
}

/**
 * Failed sign-ins per email address, on top of the per-address limit of the route: after five,
 * sign-ins for that email pause for 30 s, doubling with each further failure up to an hour. The
 * count is kept whether or not an account has the email, so a pause says nothing about that.
 */
export const LOGIN_LIMIT = { free: 5, firstPauseSeconds: 30, maxPauseSeconds: 3600 };

function loginPaused(until: Date): AppError {
  const seconds = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000));
  return new AppError(
    429,
    'rate_limited',
    `Too many failed sign-ins for this account. Try again in ${seconds} s, or reset your password.`,
    { retryAfterSeconds: seconds },
    { 'retry-after': String(seconds) },
  );
}

/** The account whose email and password these are; 401 otherwise, without saying which was wrong. */
export async function logIn(db: Db, body: LoginBody): Promise<Me> {
  const email = body.email.trim().toLowerCase();
  const paused = await findLoginLock(db, email);
  if (paused) throw loginPaused(paused);
  const credentials = await findCredentials(db, email);
  // Checked even when no account has the email, so both failures take as long.
  const ok = await verifyPassword(credentials?.password_hash, body.password);
  if (!credentials || !ok) {
    const { lockedUntil } = await recordLoginFailure(db, email, LOGIN_LIMIT);
    if (lockedUntil) throw loginPaused(lockedUntil);
    throw new AppError(401, 'invalid_credentials', 'The email or password is wrong.');
  }
  await clearLoginFailures(db, email);
  return (await findMe(db, credentials.id))!;
}

/** Changes the password after checking the current one; every other session ends. */
export async function changePassword(db: Db, userId: number, sessionId: string, body: ChangePasswordBody) {
  const account = await findAccountById(db, userId);
  if (!account) throw notFound('Your account');
  if (!(await verifyPassword(account.password_hash, body.currentPassword))) {
    throw new AppError(403, 'wrong_password', 'That is not your current password; nothing was changed.');
  }
  checkPasswordStrength(body.newPassword, { email: account.email, displayName: account.display_name }, 'newPassword');
  const passwordHash = await hashPassword(body.newPassword);
  await db.transaction().execute(async (trx) => {
    await updatePasswordHash(trx, userId, passwordHash);
    await revokeSessions(trx, userId, sessionId);
  });
}

/** How long a reset link works. */
export const RESET_LIFETIME_MS = 60 * 60_000;
export const PASSWORD_RESET_EMAIL_JOB = 'password_reset_email';

/**
 * Sends a reset link when an account has the email; answers the same either way, so the answer
 * does not tell who has an account. The job carries the reset's id, not the link: the link is
 * the id signed with the server's secret, made when the email is written.
 */
export async function requestPasswordReset(db: Db, rawEmail: string): Promise<void> {
  const account = await findAccountByEmail(db, rawEmail.trim().toLowerCase());
  if (!account) return;
  const id = randomUUID();
  await db.transaction().execute(async (trx) => {
    await insertPasswordReset(trx, { id, userId: account.id, expiresAt: new Date(Date.now() + RESET_LIFETIME_MS) });
    await enqueueJob(trx, { kind: PASSWORD_RESET_EMAIL_JOB, payload: { id }, maxAttempts: 4 });
  });
}

const isResetToken = (value: unknown): value is { r: string } =>
  typeof value === 'object' && value !== null && typeof (value as { r?: unknown }).r === 'string';

/** Sets a new password from a reset link; every session of the account ends. Answers the account. */
export async function confirmPasswordReset(db: Db, links: SignedCodec, body: PasswordResetConfirmBody): Promise<Me> {
  const { r: id } = links.decode(body.token, isResetToken);
  const reset = await findUsablePasswordReset(db, id);
  if (!reset) {
    throw new AppError(403, 'link_expired', 'This reset link has expired or was used already. Ask for a new one.');
  }
  checkPasswordStrength(body.newPassword, { email: reset.email, displayName: reset.display_name }, 'newPassword');
  const passwordHash = await hashPassword(body.newPassword);
  const used = await db.transaction().execute(async (trx) => {
    if (!(await usePasswordReset(trx, id, reset.user_id))) return false;
    await updatePasswordHash(trx, reset.user_id, passwordHash);
    await revokeSessions(trx, reset.user_id);
    await clearLoginFailures(trx, reset.email);
    return true;
  });
  if (!used) throw new AppError(403, 'link_expired', 'This reset link was used already. Ask for a new one.');
  return (await findMe(db, reset.user_id))!;
}

export async function listDevices(db: Db, userId: number, currentSessionId: string): Promise<Session[]> {
  const rows = await listSessions(db, userId);
  return rows.map((row) => ({
    id: row.id,
    userAgent: row.user_agent,
    createdAt: row.created_at.toISOString(),
    lastSeenAt: row.last_seen_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
    current: row.id === currentSessionId,
  }));
}

export async function endSession(db: Db, userId: number, sessionId: string): Promise<void> {
  if (!(await revokeSession(db, userId, sessionId))) throw notFound('The session');
}

export async function endAllSessions(db: Db, userId: number): Promise<void> {
  await revokeSessions(db, userId);
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
