/** A page whose code fails to load: the server down is said plainly, apart from an out-of-date tab. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/svelte';
import LazyPage from '../../web/src/lib/components/LazyPage.svelte';
import { stubApi } from './helpers';

afterEach(() => vi.unstubAllGlobals());

const failing = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));

describe('LazyPage', () => {
  it('says the server cannot be reached when nothing answers', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    render(LazyPage, { props: { load: failing, props: {} } });
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('server cannot be reached'));
    expect(screen.getByRole('alert').textContent).not.toContain('updated');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  it('says the same when a proxy answers for a stopped server', async () => {
    stubApi(() => ({ status: 502, body: undefined }));
    render(LazyPage, { props: { load: failing, props: {} } });
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('server cannot be reached'));
  });

  it('says the app was updated when the server answers', async () => {
    const { requests } = stubApi((request) => (request.path === '/api/health' ? { body: { ok: true } } : undefined));
    render(LazyPage, { props: { load: failing, props: {} } });
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('may have been updated'));
    expect(requests.map((request) => request.path)).toEqual(['/api/health']);
  });
});
