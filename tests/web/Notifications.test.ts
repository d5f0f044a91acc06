import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import type { NotificationItem, NotificationSettings } from '../../web/src/lib/api/notifications';
import NotificationBell from '../../web/src/lib/components/NotificationBell.svelte';
import NotificationList from '../../web/src/lib/components/NotificationList.svelte';
import NotificationSettingsForm from '../../web/src/lib/components/NotificationSettingsForm.svelte';
import { NOTIFICATION_KIND_ORDER } from '../../web/src/lib/notification-kinds';
import { stubApi, validationError } from './helpers';

afterEach(() => vi.unstubAllGlobals());

function settings(overrides: Partial<NotificationSettings> = {}): NotificationSettings {
  return {
    kinds: Object.fromEntries(
      NOTIFICATION_KIND_ORDER.map((kind) => [
        kind,
        { inApp: kind !== 'nearby_event', email: kind === 'event_cancelled' },
      ]),
    ) as NotificationSettings['kinds'],
    reminders: { dayBefore: true, twoHoursBefore: true },
    nearbyRadius: null,
    quietHours: null,
    timeZone: 'Europe/Berlin',
    emailAvailable: true,
    homeLocationSet: true,
    ...overrides,
  };
}

const item = (id: number, readAt: string | null): NotificationItem => ({
  id,
  kind: 'reply',
  text: `Ana replied to your post on “Post ${id}”.`,
  url: `/posts/${id}`,
  count: 1,
  createdAt: '2026-12-01T10:00:00.000Z',
  readAt,
  subject: { type: 'post', id },
});

describe('NotificationBell', () => {
  it('says how many are unread, in its name and its badge', async () => {
    const { rerender } = render(NotificationBell, { unread: 3 });
    const link = screen.getByRole('link', { name: 'Notifications, 3 unread' });
    expect(link.getAttribute('href')).toBe('/notifications');
    expect(link.textContent?.trim()).toBe('3');
    await rerender({ unread: 0 });
    expect(screen.getByRole('link', { name: 'Notifications' }).textContent?.trim()).toBe('');
    await rerender({ unread: 250 });
    expect(screen.getByRole('link', { name: 'Notifications, 250 unread' }).textContent?.trim()).toBe('99+');
  });
});

describe('NotificationList', () => {
  it('marks unread ones and lets each be marked read', async () => {
    const onread = vi.fn();
    render(NotificationList, { items: [item(2, null), item(1, '2026-12-01T11:00:00.000Z')], onread });
    const buttons = screen.getAllByRole('button', { name: /^Mark read/ });
    expect(buttons).toHaveLength(1);
    await fireEvent.click(buttons[0]!);
    expect(onread).toHaveBeenCalledWith(expect.objectContaining({ id: 2 }));
    expect(screen.getByRole('link', { name: 'Ana replied to your post on “Post 1”.' }).getAttribute('href')).toBe(
      '/posts/1',
    );
  });

  it('shows a safety notice as one, with its link and the group’s rules', () => {
    const notice: NotificationItem = {
      ...item(3, null),
      kind: 'moderation_action',
      text: 'A moderator of Crew removed your comment. Reason: Insults (rule 1)',
      url: '/posts/7',
      rulesUrl: '/groups/4#rules',
      subject: { type: 'moderation', id: 12 },
    };
    render(NotificationList, { items: [notice, item(1, null)], onread: vi.fn() });
    const link = screen.getByRole('link', { name: notice.text });
    expect(link.getAttribute('href')).toBe('/posts/7');
    expect(screen.getByRole('link', { name: 'The group’s rules' }).getAttribute('href')).toBe('/groups/4#rules');
    expect(screen.getAllByText('Safety notice')).toHaveLength(1);
  });

  it('says what people are told when there is nothing yet', () => {
    render(NotificationList, { items: [], onread: vi.fn() });
    expect(screen.getByText(/Nothing here yet/)).toBeTruthy();
  });
});

describe('NotificationSettingsForm', () => {
  it('says when the server sends no email, and turns the email choices off', () => {
    render(NotificationSettingsForm, { settings: settings({ emailAvailable: false }), onsaved: vi.fn() });
    expect(screen.getByText(/This server sends no email, so email is off/)).toBeTruthy();
    const email = screen.getByRole('checkbox', { name: 'A meetup you are going to was cancelled by email' });
    expect((email as HTMLInputElement).disabled).toBe(true);
    expect((email as HTMLInputElement).checked).toBe(false);
  });

  it('keeps safety notices in the app, with only their email a choice', () => {
    render(NotificationSettingsForm, { settings: settings(), onsaved: vi.fn() });
    const inApp = screen.getByRole('checkbox', {
      name: 'Safety notices: moderators acted on something of yours, and why in the app',
    }) as HTMLInputElement;
    expect(inApp.checked).toBe(true);
    expect(inApp.disabled).toBe(true);
    const email = screen.getByRole('checkbox', {
      name: 'Safety notices: what came of your reports by email',
    }) as HTMLInputElement;
    expect(email.disabled).toBe(false);
  });

  it('saves every choice as one document', async () => {
    const onsaved = vi.fn();
    const { requests } = stubApi((request) =>
      request.method === 'PUT' ? { body: { ...settings(), ...(request.body as object) } } : undefined,
    );
    render(NotificationSettingsForm, { settings: settings(), onsaved });
    await fireEvent.click(screen.getByRole('checkbox', { name: 'Replies to your posts and comments by email' }));
    await fireEvent.click(screen.getByRole('checkbox', { name: 'Two hours before' }));
    await fireEvent.change(screen.getByLabelText('How far from home new public meetups may be'), {
      target: { value: '2000' },
    });
    await fireEvent.click(screen.getByRole('checkbox', { name: /Hold emails overnight/ }));
    await fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(onsaved).toHaveBeenCalled());
    const body = requests.find((request) => request.method === 'PUT')!.body as NotificationSettings;
    expect(body.kinds.reply).toEqual({ inApp: true, email: true });
    expect(body.reminders).toEqual({ dayBefore: true, twoHoursBefore: false });
    expect(body.nearbyRadius).toBe(2000);
    expect(body.quietHours).toEqual({ start: '22:00', end: '07:00' });
    expect(body.timeZone).toBe('Europe/Berlin');
    expect(screen.getByText('Saved.')).toBeTruthy();
  });

  it('shows the server’s refusal beside the field it names', async () => {
    stubApi(() =>
      validationError('timeZone is not an IANA time zone', [
        { field: 'timeZone', message: 'is not an IANA time zone' },
      ]),
    );
    render(NotificationSettingsForm, { settings: settings(), onsaved: vi.fn() });
    await fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(screen.getByText('Is not an IANA time zone')).toBeTruthy());
  });
});
