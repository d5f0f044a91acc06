import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import type { FeedItem } from '../../web/src/lib/api/feed';
import FeedEntry from '../../web/src/lib/components/FeedEntry.svelte';

const POST: FeedItem = {
  kind: 'post',
  id: 1,
  title: 'A beginner’s guide to board games',
  excerpt: 'Every few weeks someone asks… <b>not bold</b>',
  location: { lat: 52.49, lng: 13.42 },
  distanceMeters: 573,
  createdAt: '2026-11-28T09:52:55.540Z',
  url: '/posts/1',
  group: { id: 1, name: 'Kreuzberg Board Gamers', visibility: 'public' },
  place: { id: 12, name: 'Würfel & Zucker' },
  why: {
    score: 0.7003085,
    factors: [
      { name: 'distance', value: 573, effect: 0.75 },
      { name: 'age', value: 5, effect: 0.93 },
    ],
    text: '570 m away · posted 5 hours ago',
  },
};

describe('FeedEntry', () => {
  it('links to the item and says why it is in the feed, with the score one click away', () => {
    render(FeedEntry, { item: POST });
    const article = screen.getByRole('article', { name: POST.title });
    expect(screen.getByRole('link', { name: POST.title }).getAttribute('href')).toBe('/posts/1');
    expect(article.textContent).toContain('Post · Kreuzberg Board Gamers · Würfel & Zucker');
    expect(article.querySelector('.why')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      'Why it is here: 570 m away · posted 5 hours ago',
    );
    expect(article.querySelector('details')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      'Details Score 0.700, the product of: distance × 0.75, age × 0.93.',
    );
  });

  it('leaves the score out where it did not order the page', () => {
    render(FeedEntry, { item: POST, ranked: false });
    expect(document.querySelector('details')).toBeNull();
  });

  it('shows the excerpt as text', () => {
    render(FeedEntry, { item: POST });
    expect(screen.getByText(/not bold/).innerHTML).toContain('&lt;b&gt;');
  });

  it('says when a meetup starts', () => {
    render(FeedEntry, { item: { ...POST, kind: 'event', url: '/events/1', startsAt: '2026-12-01T19:00:00+01:00' } });
    expect(screen.getByRole('article').textContent).toMatch(/Meetup · starts /);
  });
});
