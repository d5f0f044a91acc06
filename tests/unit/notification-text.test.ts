import { describe, expect, it } from 'vitest';
import {
  formatWhen,
  notificationText,
  notificationTitle,
  notificationUrl,
  subjectOf,
  type StoredNotification,
} from '../../server/src/modules/notifications/text.js';

const base: StoredNotification = {
  id: 1,
  kind: 'reply',
  subject_type: 'post',
  event_id: null,
  post_id: 7,
  group_id: null,
  data: {},
  count: 1,
  actor_name: 'Ana',
};
const meetup = { title: 'Catan', startsAt: '2026-12-12T18:00:00.000Z', timeZone: 'Europe/Berlin' };

describe('what a notification says', () => {
  it('reads meetup times on the meetup’s own clock', () => {
    expect(formatWhen('2026-12-12T18:00:00.000Z', 'Europe/Berlin')).toBe('Sat 12 Dec, 19:00');
    expect(formatWhen('2026-07-01T18:00:00.000Z', 'America/New_York')).toBe('Wed 1 Jul, 14:00');
    expect(formatWhen(undefined, 'Europe/Berlin')).toBe('an unknown time');
  });

  it('says one thing, or how many, and who was last', () => {
    expect(notificationText({ ...base, data: { title: 'Go', target: 'comment' } })).toBe(
      'Ana replied to your comment on “Go”.',
    );
    expect(notificationText({ ...base, count: 5, data: { title: 'Go', target: 'post' } })).toBe(
      '5 new replies on “Go”, the latest from Ana.',
    );
    expect(notificationText({ ...base, actor_name: null, data: { title: 'Go', target: 'post' } })).toBe(
      'Someone replied to your post on “Go”.',
    );
    expect(notificationText({ ...base, kind: 'join_request', count: 3, data: { group: 'Crew' } })).toBe(
      '3 people asked to join Crew, the latest Ana.',
    );
  });

  it('says what changed about a meetup, old → new, and skips what changed back', () => {
    const changed = {
      ...base,
      kind: 'event_changed' as const,
      data: {
        ...meetup,
        changes: {
          time: { from: '2026-12-12T18:00:00.000Z', to: '2026-12-13T17:30:00.000Z' },
          place: { from: 'Café Kotti', to: 'Spielwiese' },
          capacity: { from: null, to: 8 },
        },
      },
    };
    expect(notificationText(changed)).toBe(
      '“Catan” changed: time Sat 12 Dec, 19:00 → Sun 13 Dec, 18:30; place Café Kotti → Spielwiese; seats no limit → 8.',
    );
    const back = { ...changed, data: { ...meetup, changes: { place: { from: 'A', to: 'A' } } } };
    expect(notificationText(back)).toBe('“Catan” changed, and then changed back.');
  });

  it('names every kind in words and gives its page', () => {
    const cases: Array<[StoredNotification['kind'], string]> = [
      [
        'waitlist_promoted',
        'You have a seat at “Catan” (Sat 12 Dec, 19:00): a place came free and you were next on the waitlist.',
      ],
      ['event_cancelled', '“Catan” (Sat 12 Dec, 19:00) was cancelled.'],
      ['group_event', 'Crew planned “Catan” (Sat 12 Dec, 19:00).'],
      ['nearby_event', 'A new meetup near you: “Catan” (Sat 12 Dec, 19:00).'],
    ];
    for (const [kind, text] of cases) {
      const row = { ...base, kind, subject_type: 'event' as const, event_id: 3, data: { ...meetup, group: 'Crew' } };
      expect(notificationText(row)).toBe(text);
      expect(notificationTitle(row)).not.toBe('');
      expect(notificationUrl(row)).toBe('/events/3');
    }
    const reminder = { ...base, kind: 'reminder' as const, data: { ...meetup, which: '2h' } };
    expect(notificationText(reminder)).toBe('In two hours: “Catan” at Sat 12 Dec, 19:00.');
    expect(notificationUrl({ ...base, subject_type: 'group', group_id: 4 })).toBe('/groups/4');
    expect(notificationUrl(base)).toBe('/posts/7');
  });

  it('tells safety notices plainly, with the reason and where to look', () => {
    const notice = {
      ...base,
      kind: 'moderation_action' as const,
      subject_type: 'moderation' as const,
      post_id: null,
      moderation_action_id: 9,
    };
    const removed = {
      ...notice,
      data: {
        action: 'remove',
        subjectType: 'post',
        title: 'Dice',
        reason: 'Spam (rule 2)',
        actedAs: 'a moderator of Crew',
        url: '/posts/7',
      },
    };
    expect(notificationText(removed)).toBe(
      'A moderator of Crew removed your post “Dice”: it shows as “removed by moderators” with the reason. Reason: Spam (rule 2)',
    );
    expect(notificationTitle(removed)).toBe('A moderators’ decision about your post “Dice”');
    expect(notificationUrl(removed)).toBe('/posts/7');
    expect(subjectOf(removed)).toEqual({ type: 'moderation', id: 9 });
    expect(
      notificationText({ ...notice, data: { action: 'restore', was: 'held', subjectType: 'comment', reason: 'Fine' } }),
    ).toBe('A moderator published your comment, which was held for review. Reason: Fine');
    expect(notificationUrl({ ...notice, data: {} })).toBe('/moderation/log');
    const outcome = { ...notice, kind: 'report_outcome' as const };
    expect(notificationText({ ...outcome, data: { action: 'dismiss', subjectType: 'event' } })).toBe(
      'Your report about a meetup was reviewed: no action.',
    );
    expect(notificationText({ ...outcome, data: { action: 'remove', subjectType: 'comment' } })).toBe(
      'Your report about a comment was reviewed: removed.',
    );
  });
});
