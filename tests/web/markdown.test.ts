import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, waitFor } from '@testing-library/svelte';
import MarkdownPreview from '../../web/src/lib/components/MarkdownPreview.svelte';
import { stubApi } from './helpers';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const rendered = (html: string) => () => ({ body: { html } });

describe('MarkdownPreview', () => {
  it('shows what the server renders for the text', async () => {
    const { requests } = stubApi(rendered('<p>Hello <strong>there</strong></p>'));
    const { container } = render(MarkdownPreview, { source: 'Hello **there**', delayMs: 0 });
    await waitFor(() => expect(container.querySelector('strong')?.textContent).toBe('there'));
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({
      method: 'POST',
      path: '/api/markdown/preview',
      body: { text: 'Hello **there**' },
    });
  });

  it('asks once for quick typing, with the latest text', async () => {
    const { requests } = stubApi((request) => ({
      body: { html: `<p>${(request.body as { text: string }).text}</p>` },
    }));
    const { container, rerender } = render(MarkdownPreview, { source: 'D', delayMs: 50 });
    await rerender({ source: 'Di', delayMs: 50 });
    await rerender({ source: 'Dice', delayMs: 50 });
    await waitFor(() => expect(container.querySelector('.prose')?.textContent).toBe('Dice'));
    expect(requests.map((request) => request.body)).toEqual([{ text: 'Dice' }]);
  });

  it('asks nothing for an empty text', async () => {
    const { requests } = stubApi(rendered('<p>never</p>'));
    const { getByText } = render(MarkdownPreview, { source: '  ', delayMs: 0 });
    getByText('Nothing to preview yet.');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(requests).toHaveLength(0);
  });

  it('says so when the preview cannot be made', async () => {
    stubApi(() => ({ status: 429, body: { error: { code: 'rate_limited', message: 'Too many previews.' } } }));
    const { getByText } = render(MarkdownPreview, { source: 'text', delayMs: 0 });
    await waitFor(() => getByText(/Too many previews\. What you send is still shown as formatted text\./));
  });
});
