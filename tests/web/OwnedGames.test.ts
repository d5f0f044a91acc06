import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import OwnedGames from '../../web/src/lib/components/OwnedGames.svelte';
import GamesPage from '../../web/src/pages/GamesPage.svelte';
import { stubApi, type Handler } from './helpers';

const AZUL = { id: 4, name: 'Azul', minPlayers: 2, maxPlayers: 4, playMinutes: 45 };
const BRASS = { id: 7, name: 'Brass: Birmingham', minPlayers: 2, maxPlayers: 4, playMinutes: 120 };

const LIST: Handler = (request) => {
  if (request.path !== '/api/games') return undefined;
  const q = request.query.get('q')!.toLowerCase();
  return { body: { games: [AZUL, BRASS].filter((game) => game.name.toLowerCase().includes(q)) } };
};

afterEach(() => {
  vi.unstubAllGlobals();
});

async function type(label: string, value: string) {
  await fireEvent.input(screen.getByLabelText(label), { target: { value } });
}

describe('OwnedGames', () => {
  it('shows the games a group owns with how many play, and offers no change to others', async () => {
    stubApi((request) => (request.path === '/api/groups/3/games' ? { body: { games: [AZUL] } } : undefined));
    render(OwnedGames, { owner: { kind: 'group', id: 3 }, canEdit: false });
    const list = await screen.findByRole('list', { name: 'Games we own' });
    expect(list.textContent).toContain('Azul');
    expect(list.textContent).toContain('2–4 players · 45 min');
    expect(screen.queryByRole('button', { name: /games/ })).toBeNull();
  });

  it('lets the place’s creator add a game from the list and saves the whole list', async () => {
    const { requests } = stubApi(LIST, (request) => {
      if (request.path !== '/api/places/8/games') return undefined;
      if (request.method === 'PUT') {
        const ids = (request.body as { gameIds: number[] }).gameIds;
        return { body: { games: [AZUL, BRASS].filter((game) => ids.includes(game.id)) } };
      }
      return { body: { games: [AZUL] } };
    });
    render(OwnedGames, { owner: { kind: 'place', id: 8 }, canEdit: true });
    await fireEvent.click(await screen.findByRole('button', { name: 'Change the games' }));
    await type('Find a game', 'bir');
    await fireEvent.click(await screen.findByRole('button', { name: /^Add Brass: Birmingham/ }));
    await fireEvent.click(screen.getByRole('button', { name: 'Save the games' }));
    const list = await screen.findByRole('list', { name: 'Games we own' });
    expect(list.textContent).toContain('Brass: Birmingham');
    expect(requests.find((request) => request.method === 'PUT')!.body).toEqual({ gameIds: [4, 7] });
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Change the games'));
  });

  it('shows the server’s refusal and keeps the changes to try again', async () => {
    stubApi(LIST, (request) => {
      if (request.path !== '/api/groups/3/games') return undefined;
      if (request.method === 'PUT') {
        return {
          status: 403,
          body: { error: { code: 'forbidden', message: 'Only the group’s owners and organizers can do this.' } },
        };
      }
      return { body: { games: [] } };
    });
    render(OwnedGames, { owner: { kind: 'group', id: 3 }, canEdit: true });
    expect(await screen.findByText('No games listed yet.')).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: 'List the games you own' }));
    await type('Find a game', 'azul');
    await fireEvent.click(await screen.findByRole('button', { name: /^Add Azul/ }));
    await fireEvent.click(screen.getByRole('button', { name: 'Save the games' }));
    expect(await screen.findByText('Only the group’s owners and organizers can do this.')).toBeTruthy();
    expect(screen.getByRole('list', { name: 'Chosen games' }).textContent).toContain('Azul');
  });
});

describe('GamesPage', () => {
  it('searches the games list as you type and says when nothing is found', async () => {
    stubApi(LIST);
    render(GamesPage);
    await type('Search the games', 'a');
    const found = await screen.findByRole('list', { name: 'Games found' });
    await waitFor(() => expect(found.textContent).toContain('Brass: Birmingham'));
    expect(found.textContent).toContain('2–4 players · 120 min');
    expect(screen.getByRole('status').textContent).toBe('2 games found.');
    await type('Search the games', 'Terraforming');
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('No game called “Terraforming” in the list yet.'),
    );
  });
});
