/**
 * Sessions that can end, passwords that are hard to guess, sign-in limits per account, and
 * password resets by email (through a real SMTP server).
 */
import { createSigner } from 'fast-jwt';
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { TEST_JWT_SECRET, useTestApp } from '../helpers/app.js';
import { TestMailServer } from '../helpers/mail.js';
import { PASSWORD, registerUser, type TestUser } from '../helpers/users.js';

const mail = await TestMailServer.start();
const PUBLIC_URL = 'https://vicinity.example.org';
const t = useTestApp({ smtpUrl: `smtp://127.0.0.1:${mail.port}`, publicUrl: PUBLIC_URL });
afterAll(() => mail.stop());

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const me = (token: string) => t.app.inject({ url: '/api/me', headers: bearer(token) });

async function logIn(email: string, password: string, userAgent = 'Test browser') {
  return t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: { 'user-agent': userAgent },
    payload: { email, password },
  });
}

async function sessionOf(user: TestUser): Promise<string> {
  const list = await t.app.inject({ url: '/api/account/sessions', headers: user.auth });
  return list.json().sessions.find((session: { current: boolean }) => session.current).id;
}

describe('tokens', () => {
  it('refuses tokens without an expiry, with a loosely written user id, or without a live session', async () => {
    const user = await registerUser(t.app, 'Token');
    const sid = await sessionOf(user);
    const sign = createSigner({ key: TEST_JWT_SECRET, algorithm: 'HS256' });
    const signExpiring = createSigner({ key: TEST_JWT_SECRET, algorithm: 'HS256', expiresIn: 60_000 });
    const forged = [
      sign({ sub: String(user.id), sid }), // no exp
      signExpiring({ sub: `${user.id}.0`, sid }),
      signExpiring({ sub: `0x${user.id.toString(16)}`, sid }),
      signExpiring({ sub: ` ${user.id}`, sid }),
      signExpiring({ sub: `0${user.id}`, sid }),
      signExpiring({ sub: String(user.id) }), // no session
      signExpiring({ sub: String(user.id), sid: randomUUID() }), // a session that never was
      signExpiring({ sub: String(user.id + 1), sid }), // someone else's session
    ];
    for (const token of forged) {
      const response = await me(token);
      expect(response.statusCode, token).toBe(401);
      expect(response.json().error.code).toBe('token_invalid');
    }
    expect((await me(user.token)).statusCode).toBe(200);
    expect((await me(signExpiring({ sub: String(user.id), sid }))).statusCode).toBe(200);
  });
});

describe('sessions', () => {
  it('lists signed-in devices, signs one out, signs out and signs out everywhere', async () => {
    const user = await registerUser(t.app, 'Devices');
    const phone = (await logIn(user.email, PASSWORD, 'Phone browser')).json().token as string;
    const laptop = (await logIn(user.email, PASSWORD, 'Laptop browser')).json().token as string;

    const list = await t.app.inject({ url: '/api/account/sessions', headers: bearer(phone) });
    expect(list.statusCode).toBe(200);
    const sessions = list.json().sessions as { id: string; userAgent: string; current: boolean }[];
    expect(sessions).toHaveLength(3);
    expect(sessions.filter((session) => session.current).map((session) => session.userAgent)).toEqual([
      'Phone browser',
    ]);

    // Someone else cannot end them.
    const other = await registerUser(t.app, 'Other');
    const laptopSession = sessions.find((session) => session.userAgent === 'Laptop browser')!.id;
    const foreign = await t.app.inject({
      method: 'DELETE',
      url: `/api/account/sessions/${laptopSession}`,
      headers: other.auth,
    });
    expect(foreign.statusCode).toBe(404);
    expect((await me(laptop)).statusCode).toBe(200);

    // The phone signs the laptop out.
    const revoke = await t.app.inject({
      method: 'DELETE',
      url: `/api/account/sessions/${laptopSession}`,
      headers: bearer(phone),
    });
    expect(revoke.statusCode).toBe(204);
    expect((await me(laptop)).statusCode).toBe(401);

    // Signing out ends this token only.
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: bearer(phone) });
    expect(out.statusCode).toBe(204);
    expect((await me(phone)).statusCode).toBe(401);
    expect((await me(user.token)).statusCode).toBe(200);

    // Everywhere ends all.
    const again = (await logIn(user.email, PASSWORD)).json().token as string;
    const everywhere = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-out-everywhere',
      headers: bearer(again),
    });
    expect(everywhere.statusCode).toBe(204);
    expect((await me(again)).statusCode).toBe(401);
    expect((await me(user.token)).statusCode).toBe(401);
  });
});

describe('passwords', () => {
  it('refuses easy passwords and ones holding the email or name, saying why', async () => {
    for (const [password, why] of [
      ['1234567890', /most used passwords/],
      ['password12', /commonly used/],
      ['          ', /repeated/],
      ['asdfghjkl;', /row of keys/],
      ['weak.person@example.org', /email/],
      ['Robin Weakling 2020', /name/],
    ] as const) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/auth/register',
        payload: { email: 'weak.person@example.org', password, displayName: 'Robin Weakling' },
      });
      expect(response.statusCode, password).toBe(400);
      const { error } = response.json();
      expect(error.code).toBe('validation_failed');
      expect(error.details[0].field).toBe('password');
      expect(error.message, password).toMatch(why);
    }
  });

  it('changes the password with the current one, ending the other sessions', async () => {
    const user = await registerUser(t.app, 'Changer');
    const other = (await logIn(user.email, PASSWORD)).json().token as string;
    const change = (body: Record<string, string>) =>
      t.app.inject({ method: 'POST', url: '/api/account/password', headers: user.auth, payload: body });

    const wrong = await change({ currentPassword: 'not my password', newPassword: 'violet kestrel umbrella' });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().error.code).toBe('wrong_password');
    const weak = await change({ currentPassword: PASSWORD, newPassword: 'password12' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.details[0].field).toBe('newPassword');
    expect((await me(other)).statusCode).toBe(200);

    const ok = await change({ currentPassword: PASSWORD, newPassword: 'violet kestrel umbrella' });
    expect(ok.statusCode, ok.body).toBe(204);
    expect((await me(user.token)).statusCode).toBe(200);
    expect((await me(other)).statusCode).toBe(401);
    expect((await logIn(user.email, PASSWORD)).statusCode).toBe(401);
    expect((await logIn(user.email, 'violet kestrel umbrella')).statusCode).toBe(200);
  });
});

describe('sign-in limits per account', () => {
  it('pauses sign-ins for an email after five failures, with Retry-After, even with the right password', async () => {
    const user = await registerUser(t.app, 'Guessed');
    for (let attempt = 1; attempt <= 4; attempt++) {
      expect((await logIn(user.email, `wrong guess ${attempt}`)).statusCode).toBe(401);
    }
    const fifth = await logIn(user.email, 'wrong guess 5');
    expect(fifth.statusCode).toBe(429);
    expect(fifth.json().error.code).toBe('rate_limited');
    expect(Number(fifth.headers['retry-after'])).toBeGreaterThanOrEqual(29);
    const right = await logIn(user.email, PASSWORD);
    expect(right.statusCode).toBe(429);
    // Other accounts are not affected, and an email without an account is paused the same way.
    const other = await registerUser(t.app, 'Unaffected');
    expect((await logIn(other.email, PASSWORD)).statusCode).toBe(200);
    for (let attempt = 1; attempt <= 4; attempt++) await logIn('nobody@example.org', `guess ${attempt}`);
    expect((await logIn('nobody@example.org', 'guess 5')).statusCode).toBe(429);

    // The pause ends; each failure after it doubles the next one.
    await t.db
      .updateTable('login_failures')
      .set({ locked_until: new Date(Date.now() - 1000) })
      .execute();
    const later = await logIn(user.email, 'wrong guess 6');
    expect(later.statusCode).toBe(429);
    expect(Number(later.headers['retry-after'])).toBeGreaterThanOrEqual(59);
    await t.db.updateTable('login_failures').set({ locked_until: null }).where('email', '=', user.email).execute();
    expect((await logIn(user.email, PASSWORD)).statusCode).toBe(200);
    const row = await t.db.selectFrom('login_failures').selectAll().where('email', '=', user.email).executeTakeFirst();
    expect(row).toBeUndefined();
  });
});

describe('password reset by email', () => {
  it('answers the same for any email, emails a one-time link, and the link ends every session', async () => {
    const user = await registerUser(t.app, 'Forgetful');
    const ask = (email: string) =>
      t.app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { email } });
    const unknown = await ask('no-account@example.org');
    const known = await ask(user.email.toUpperCase());
    expect(unknown.statusCode).toBe(202);
    expect(known.statusCode).toBe(202);
    expect(known.json()).toEqual(unknown.json());

    await t.app.jobs.runDue();
    await mail.until(() => mail.mails.some((message) => message.to.includes(user.email)));
    const message = mail.mails.find((received) => received.to.includes(user.email))!;
    expect(mail.mails.some((received) => received.to.includes('no-account@example.org'))).toBe(false);
    const link = /https:\/\/vicinity\.example\.org\/reset-password\?token=([^\s"<]+)/.exec(message.text);
    expect(link, message.text).not.toBeNull();
    const token = decodeURIComponent(link![1]!);

    const confirm = (body: Record<string, string>) =>
      t.app.inject({ method: 'POST', url: '/api/auth/password-reset/confirm', payload: body });
    const tampered = await confirm({ token: `${token}x`, newPassword: 'amber lantern orchard' });
    expect(tampered.statusCode).toBe(400);
    const weak = await confirm({ token, newPassword: '1234567890' });
    expect(weak.statusCode).toBe(400);

    const done = await confirm({ token, newPassword: 'amber lantern orchard' });
    expect(done.statusCode, done.body).toBe(200);
    expect((await me(done.json().token)).statusCode).toBe(200);
    expect((await me(user.token)).statusCode).toBe(401);
    expect((await logIn(user.email, 'amber lantern orchard')).statusCode).toBe(200);

    const reused = await confirm({ token, newPassword: 'another fine phrase here' });
    expect(reused.statusCode).toBe(403);
    expect(reused.json().error.code).toBe('link_expired');
  });
});
