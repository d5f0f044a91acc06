/**
 * Registering when the server sends email: the answer is the same for a new address and one that
 * has an account, so it tells no one who is a member. The new address gets a link that makes the
 * account and signs in; the account's owner is told someone tried. Through a real SMTP server.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { TestMailServer, type ReceivedMail } from '../helpers/mail.js';
import { registerUser } from '../helpers/users.js';

const mail = await TestMailServer.start();
const PUBLIC_URL = 'https://vicinity.example.org';
const t = useTestApp({ smtpUrl: `smtp://127.0.0.1:${mail.port}`, publicUrl: PUBLIC_URL });
afterAll(() => mail.stop());

const PASSWORD = 'marigold ferry lantern';
const register = (email: string, displayName = 'Newcomer') =>
  t.app.inject({ method: 'POST', url: '/api/auth/register', payload: { email, password: PASSWORD, displayName } });
const confirm = (token: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/register/confirm', payload: { token } });

async function mailTo(address: string, subject: RegExp) {
  const wanted = (message: ReceivedMail) =>
    message.to.includes(address) && subject.test(message.headers.get('subject') ?? '');
  await t.app.jobs.runDue();
  await mail.until(() => mail.mails.some(wanted));
  return mail.mails.find(wanted)!;
}

const INVITATION = /^Finish registering/;

function linkToken(text: string): string {
  const link = /https:\/\/vicinity\.example\.org\/confirm-registration\?token=([^\s"<]+)/.exec(text);
  expect(link, text).not.toBeNull();
  return decodeURIComponent(link![1]!);
}

describe('registering with email confirmation', () => {
  it('answers a new address and a taken one alike; the owner is told, the newcomer gets a link', async () => {
    const owner = await registerUser(t.app, 'Owner');
    const started = Date.now();
    const taken = await register(owner.email.toUpperCase(), 'Impostor');
    const takenMs = Date.now() - started;
    const fresh = await register('newcomer@example.org');
    const freshMs = Date.now() - started - takenMs;
    expect(taken.statusCode, taken.body).toBe(202);
    expect(fresh.statusCode, fresh.body).toBe(202);
    // The same words, but for the address each one typed.
    expect(taken.json().message.replace(owner.email.toUpperCase(), '<email>')).toBe(
      fresh.json().message.replace('newcomer@example.org', '<email>'),
    );
    expect(taken.json()).not.toHaveProperty('token');
    // Both check and hash the password: neither is quick where the other is slow.
    expect(Math.abs(takenMs - freshMs)).toBeLessThan(Math.max(takenMs, freshMs) * 0.8 + 50);

    const notice = await mailTo(owner.email, /^Someone tried to register/);
    expect(notice.text).toMatch(/tried to register/);
    expect(notice.text).toContain(`${PUBLIC_URL}/signin`);
    expect(notice.text).not.toMatch(/confirm-registration/);
    // No second account for the address, and the owner's password still works.
    const owners = await t.db.selectFrom('users').select('id').where('email', '=', owner.email).execute();
    expect(owners).toHaveLength(1);

    const invitation = await mailTo('newcomer@example.org', INVITATION);
    const token = linkToken(invitation.text);
    // Nothing is made before the link is opened.
    expect(
      await t.db.selectFrom('users').select('id').where('email', '=', 'newcomer@example.org').executeTakeFirst(),
    ).toBeUndefined();

    const made = await confirm(token);
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json().user).toMatchObject({ displayName: 'Newcomer', email: 'newcomer@example.org' });
    const me = await t.app.inject({ url: '/api/me', headers: { authorization: `Bearer ${made.json().token}` } });
    expect(me.statusCode).toBe(200);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'newcomer@example.org', password: PASSWORD },
    });
    expect(login.statusCode).toBe(200);

    // Once only.
    const again = await confirm(token);
    expect(again.statusCode).toBe(403);
    expect(again.json().error.code).toBe('link_expired');
  });

  it('refuses an expired link, a tampered one, and still checks the password first', async () => {
    expect((await register('late@example.org')).statusCode).toBe(202);
    const token = linkToken((await mailTo('late@example.org', INVITATION)).text);
    await t.db
      .updateTable('pending_registrations')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('email', '=', 'late@example.org')
      .execute();
    const late = await confirm(token);
    expect(late.statusCode).toBe(403);
    expect(late.json().error.code).toBe('link_expired');

    const tampered = await confirm(`${token}x`);
    expect(tampered.statusCode).toBe(400);
    expect(tampered.json().error.code).toBe('validation_failed');

    const weak = await t.app.inject({
      method: 'POST',
      url: '/api/auth/register',
      payload: { email: 'weak@example.org', password: '1234567890', displayName: 'Weak' },
    });
    expect(weak.statusCode).toBe(400);
  });
});
