import { beforeAll, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import type { ComponentProps } from 'svelte';
import type { NearbyFeature, NearbyProperties } from '../../web/src/lib/api/map';
import NearbyList from '../../web/src/lib/components/NearbyList.svelte';

function item(kind: NearbyProperties['kind'], id: number, name: string, distanceMeters: number, extra = {}) {
  return {
    type: 'Feature' as const,
    id: `${kind}:${id}`,
    geometry: { type: 'Point' as const, coordinates: [13.42, 52.5] as [number, number] },
    properties: { kind, itemId: id, name, distanceMeters, ...extra },
  } satisfies NearbyFeature;
}

const items = [
  item('place', 1, 'Bohnenwerk', 354, { placeKind: 'cafe' }),
  item('group', 2, 'Kreuzberg Catan Club', 1234),
];

function props(overrides: Partial<ComponentProps<typeof NearbyList>> = {}): ComponentProps<typeof NearbyList> {
  return {
    items,
    radiusMeters: 2000,
    loading: false,
    error: null,
    hasMore: false,
    loadingMore: false,
    highlighted: null,
    onhighlight: vi.fn(),
    onloadmore: vi.fn(),
    onretry: vi.fn(),
    widerRadiusMeters: 5000,
    onwiden: vi.fn(),
    ...overrides,
  };
}

beforeAll(() => {
  // jsdom has no layout, so no scrolling either.
  Element.prototype.scrollIntoView = vi.fn();
});

describe('NearbyList', () => {
  it('lists items nearest first with their kind, distance and a link to their page', () => {
    render(NearbyList, props());
    const rows = screen.getAllByRole('listitem');
    expect(rows).toHaveLength(2);
    const first = within(rows[0]!).getByRole('link');
    expect(first.getAttribute('href')).toBe('/places/1');
    expect(first.textContent).toContain('Bohnenwerk');
    expect(first.textContent).toContain('Place · Café');
    expect(first.textContent).toContain('350 m');
    expect(within(rows[1]!).getByRole('link').textContent).toContain('1.2 km');
    expect(screen.getByRole('status').textContent).toContain('2 items within 2 km of the map centre');
  });

  it('says so while the first page is on its way', () => {
    render(NearbyList, props({ items: null, loading: true }));
    expect(screen.getByRole('status').textContent).toContain('Looking for what is nearby');
  });

  it('explains an empty radius and offers a larger one', async () => {
    const onwiden = vi.fn();
    render(NearbyList, props({ items: [], radiusMeters: 500, widerRadiusMeters: 1000, onwiden }));
    expect(screen.getByRole('status').textContent).toContain('Nothing within 500 m of the map centre.');
    expect(screen.getByText(/Try a larger radius/)).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: 'Look within 1 km' }));
    expect(onwiden).toHaveBeenCalledOnce();
  });

  it('offers no larger radius past the largest', () => {
    render(NearbyList, props({ items: [], radiusMeters: 25_000, widerRadiusMeters: null }));
    expect(screen.queryByRole('button', { name: /Look within/ })).toBeNull();
  });

  it("shows the server's error and retries on request", async () => {
    const onretry = vi.fn();
    render(NearbyList, props({ items: null, error: 'radius must be <= 500000', onretry }));
    expect(screen.getByRole('alert').textContent).toContain('radius must be <= 500000');
    expect(screen.getByRole('status').textContent).not.toContain('Looking');
    await fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onretry).toHaveBeenCalledOnce();
  });

  it('asks for the marker to be highlighted on hover and focus', async () => {
    const onhighlight = vi.fn();
    render(NearbyList, props({ onhighlight }));
    const link = screen.getByRole('link', { name: /Kreuzberg Catan Club/ });
    await fireEvent.mouseEnter(link);
    expect(onhighlight).toHaveBeenLastCalledWith('group:2');
    await fireEvent.mouseLeave(link);
    expect(onhighlight).toHaveBeenLastCalledWith(null);
    await fireEvent.focus(link);
    expect(onhighlight).toHaveBeenLastCalledWith('group:2');
  });

  it('marks and scrolls to the item highlighted on the map', () => {
    render(NearbyList, props({ highlighted: { key: 'group:2', source: 'map' } }));
    const row = screen.getAllByRole('listitem')[1]!;
    expect(row.classList.contains('highlighted')).toBe(true);
    expect(Element.prototype.scrollIntoView).toHaveBeenCalled();
  });

  it('offers more when the server has another page', async () => {
    const onloadmore = vi.fn();
    render(NearbyList, props({ hasMore: true, onloadmore }));
    expect(screen.getByRole('status').textContent).toContain('The nearest 2 within 2 km');
    await fireEvent.click(screen.getByRole('button', { name: 'Show more' }));
    expect(onloadmore).toHaveBeenCalledOnce();
  });
});
