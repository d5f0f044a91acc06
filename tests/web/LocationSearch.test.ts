import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import LocationSearch from '../../web/src/lib/components/LocationSearch.svelte';

const HAMBURG = { name: 'Hamburg', country: 'DE', lat: 53.55073, lng: 9.99302, population: 1_739_117 };
const HAMBLETON = { name: 'Hambleton', country: 'GB', lat: 53.77, lng: -1.16, population: 2_000 };

let fetch: ReturnType<typeof vi.fn>;

beforeEach(() => {
  fetch = vi.fn(async (url: string) => {
    const q = new URL(url, 'http://localhost').searchParams.get('q') ?? '';
    if (q === 'broken') {
      return new Response(JSON.stringify({ error: { code: 'unavailable', message: 'The gazetteer is not loaded.' } }), {
        status: 503,
      });
    }
    const results = [HAMBURG, HAMBLETON].filter((city) => city.name.toLowerCase().startsWith(q.toLowerCase()));
    return new Response(JSON.stringify({ results }), { status: 200 });
  });
  vi.stubGlobal('fetch', fetch);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

async function type(text: string) {
  const input = screen.getByRole('combobox', { name: 'Search for a town or city' });
  await fireEvent.input(input, { target: { value: text } });
  return input;
}

describe('LocationSearch', () => {
  it('is a labelled combobox that starts collapsed', () => {
    render(LocationSearch, { onselect: vi.fn() });
    const input = screen.getByRole('combobox', { name: 'Search for a town or city' });
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(input.getAttribute('aria-controls')).toBeTruthy();
  });

  it('lists matches as options once the typing settles', async () => {
    render(LocationSearch, { onselect: vi.fn() });
    const input = await type('Hamb');
    const options = await screen.findAllByRole('option');
    expect(options.map((option) => option.textContent?.trim())).toEqual([
      expect.stringContaining('Hamburg'),
      expect.stringContaining('Hambleton'),
    ]);
    expect(input.getAttribute('aria-expanded')).toBe('true');
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('status').textContent).toContain('2 results');
  });

  it('moves through the options with the arrow keys and picks one with Enter', async () => {
    const onselect = vi.fn();
    render(LocationSearch, { onselect });
    const input = await type('Hamb');
    await screen.findAllByRole('option');

    await fireEvent.keyDown(input, { key: 'ArrowDown' });
    await fireEvent.keyDown(input, { key: 'ArrowDown' });
    const active = document.getElementById(input.getAttribute('aria-activedescendant') ?? '');
    expect(active?.textContent).toContain('Hambleton');
    expect(active?.getAttribute('aria-selected')).toBe('true');

    await fireEvent.keyDown(input, { key: 'ArrowUp' });
    await fireEvent.keyDown(input, { key: 'Enter' });
    expect(onselect).toHaveBeenCalledWith(HAMBURG);
    expect((input as HTMLInputElement).value).toBe('Hamburg, DE');
    expect(input.getAttribute('aria-expanded')).toBe('false');
  });

  it('takes the first match on Enter when none is active', async () => {
    const onselect = vi.fn();
    render(LocationSearch, { onselect });
    const input = await type('Hamb');
    await screen.findAllByRole('option');
    await fireEvent.keyDown(input, { key: 'Enter' });
    expect(onselect).toHaveBeenCalledWith(HAMBURG);
  });

  it('picks an option by click', async () => {
    const onselect = vi.fn();
    render(LocationSearch, { onselect });
    await type('Hamb');
    await fireEvent.click(await screen.findByRole('option', { name: /Hambleton/ }));
    expect(onselect).toHaveBeenCalledWith(HAMBLETON);
  });

  it('closes with Escape, then clears the field with a second Escape', async () => {
    render(LocationSearch, { onselect: vi.fn() });
    const input = await type('Hamb');
    await screen.findAllByRole('option');
    await fireEvent.keyDown(input, { key: 'Escape' });
    expect(input.getAttribute('aria-expanded')).toBe('false');
    await fireEvent.keyDown(input, { key: 'Escape' });
    expect((input as HTMLInputElement).value).toBe('');
  });

  it('says when nothing matches, and shows server errors', async () => {
    render(LocationSearch, { onselect: vi.fn() });
    await type('Zzz');
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('No towns or cities match “Zzz”'));
    await type('broken');
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('The gazetteer is not loaded.'));
  });

  it('waits for two characters before asking the server', async () => {
    render(LocationSearch, { onselect: vi.fn() });
    await type('H');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe('LocationSearch without a geocoder', () => {
  it('says that addresses need one, and to click the map', () => {
    render(LocationSearch, { onselect: vi.fn(), mapHint: 'find the town, then click the map to set the location.' });
    const input = screen.getByRole('combobox', { name: 'Search for a town or city' });
    const hint = document.getElementById(input.getAttribute('aria-describedby') ?? '');
    expect(hint?.textContent).toBe(
      'Street addresses need a geocoder, which this server does not have: find the town, then click the map to set the location.',
    );
  });
});

describe('LocationSearch with a geocoder', () => {
  const ORANIEN = {
    name: 'Oranienstraße 25',
    detail: '10999 Berlin, Deutschland',
    type: 'address',
    country: 'DE',
    lat: 52.50125,
    lng: 13.41962,
  };

  beforeEach(() => {
    fetch = vi.fn(async (url: string) => {
      const params = new URL(url, 'http://localhost').searchParams;
      if (params.get('source') === 'gazetteer') {
        return new Response(JSON.stringify({ results: [], source: 'gazetteer', attribution: 'GeoNames' }));
      }
      return new Response(
        JSON.stringify({ results: [ORANIEN], source: 'geocoder', attribution: '© OpenStreetMap contributors' }),
      );
    });
    vi.stubGlobal('fetch', fetch);
  });

  it('asks only for towns while typing, and the geocoder when asked, crediting OpenStreetMap', async () => {
    const onselect = vi.fn();
    render(LocationSearch, { onselect, addressSearch: true, centre: { lat: 52.5, lng: 13.42 } });
    const input = screen.getByRole('combobox', { name: 'Search for a town or an address' });
    await fireEvent.input(input, { target: { value: 'Oranienstr 25' } });
    const lookup = await screen.findByRole('option', { name: /Search streets and addresses for “Oranienstr 25”/ });
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(new URL(fetch.mock.calls[0]![0], 'http://localhost').searchParams.get('source')).toBe('gazetteer');

    await fireEvent.click(lookup);
    const found = await screen.findByRole('option', { name: /Oranienstraße 25/ });
    const asked = new URL(fetch.mock.calls[1]![0], 'http://localhost').searchParams;
    expect(asked.get('source')).toBeNull();
    expect(asked.get('lat')).toBe('52.5');
    expect(screen.getByText('Search results: © OpenStreetMap contributors')).toBeTruthy();

    await fireEvent.click(found);
    expect(onselect).toHaveBeenCalledWith(ORANIEN);
    expect((input as HTMLInputElement).value).toBe('Oranienstraße 25, 10999 Berlin, Deutschland');
  });

  it('asks the geocoder on Enter when no option is chosen', async () => {
    render(LocationSearch, { onselect: vi.fn(), addressSearch: true });
    const input = screen.getByRole('combobox', { name: 'Search for a town or an address' });
    await fireEvent.input(input, { target: { value: 'Oranienstr 25' } });
    await screen.findByRole('option', { name: /Search streets and addresses/ });
    await fireEvent.keyDown(input, { key: 'Enter' });
    await screen.findByRole('option', { name: /Oranienstraße 25/ });
    expect(fetch).toHaveBeenCalledTimes(2);
  });
});
