import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import type { Me } from '../../web/src/lib/api/accounts';
import type { Comment, Discussion } from '../../web/src/lib/api/posts';
import { session } from '../../web/src/lib/session.svelte';
import DiscussionThread from '../../web/src/lib/components/DiscussionThread.svelte';
import { stubApi, validationError } from './helpers';

let nextId = 100;

function comment(id: number, author: string, text: string, replies: Comment[] = [], extra: Partial<Comment> = {}) {
  return {
    id,
    parentId: null,
    depth: 0,
    author: { id: id + 1000, displayName: author },
    body: text,
    bodyHtml: `<p>${text}</p>`,
    createdAt: '2026-11-28T10:00:00.000Z',
    editedAt: null,
    deleted: false,
    canEdit: false,
    canDelete: false,
    replies,
    ...extra,
  } satisfies Comment;
}

function discussion(): Discussion {
  return {
    comments: [
      comment(1, 'Tom', 'Is the beginners’ table every week?', [
        comment(2, 'Mia', 'Every week.', [comment(3, 'Tom', 'Great, see you there.')], { parentId: 1, depth: 1 }),
      ]),
      comment(4, 'Sam', 'I would add <em>The Crew</em>.'),
    ],
    nextBranchCursor: null,
    totalComments: 4,
    locked: false,
    pinned: null,
  };
}

const ME: Me = { id: 7, email: 'robin@example.org', displayName: 'Robin', bio: '', homeLocation: null, createdAt: '' };

afterEach(() => {
  session.user = null;
  vi.unstubAllGlobals();
});

describe('DiscussionThread', () => {
  it('nests replies under what they answer, as lists inside list items', () => {
    render(DiscussionThread, { thread: { kind: 'post' as const, id: 9 }, initial: discussion() });
    expect(screen.getByRole('heading', { name: /Discussion/ }).textContent).toContain('4 comments');
    const first = screen.getAllByRole('listitem')[0]!;
    const nested = within(first).getAllByRole('article');
    expect(nested.map((article) => article.querySelector('.prose')?.textContent)).toEqual([
      'Is the beginners’ table every week?',
      'Every week.',
      'Great, see you there.',
    ]);
  });

  it('inserts the server’s sanitized HTML, and nothing else, as markup', () => {
    render(DiscussionThread, { thread: { kind: 'post' as const, id: 9 }, initial: discussion() });
    const sam = screen.getByText(/I would add/);
    expect(sam.querySelector('em')?.textContent).toBe('The Crew');
    expect(screen.getAllByText('Tom')[0]!.innerHTML).toBe('Tom');
  });

  it('hides and shows a branch, saying how many replies it holds', async () => {
    render(DiscussionThread, { thread: { kind: 'post' as const, id: 9 }, initial: discussion() });
    const hide = screen.getByRole('button', { name: 'Hide 2 replies' });
    expect(hide.getAttribute('aria-expanded')).toBe('true');
    const branch = document.getElementById(hide.getAttribute('aria-controls')!)!;
    expect(branch.hidden).toBe(false);

    await fireEvent.click(hide);
    const show = screen.getByRole('button', { name: 'Show 2 replies' });
    expect(show.getAttribute('aria-expanded')).toBe('false');
    expect(branch.hidden).toBe(true);

    await fireEvent.click(show);
    expect(branch.hidden).toBe(false);
  });

  it('asks people who are not signed in to sign in, and offers no reply buttons', () => {
    render(DiscussionThread, { thread: { kind: 'post' as const, id: 9 }, initial: discussion() });
    expect(screen.queryByRole('button', { name: /^Reply/ })).toBeNull();
    expect(screen.getByRole('link', { name: 'Sign in' })).toBeTruthy();
  });

  it('replies inline and shows the reply nested where it belongs', async () => {
    session.user = ME;
    const { requests } = stubApi((request) =>
      request.method === 'POST' && request.path === '/api/posts/9/comments'
        ? {
            status: 201,
            body: comment(nextId++, 'Robin', 'Me too!', [], {
              parentId: (request.body as { parentId: number }).parentId,
              depth: 2,
            }),
          }
        : undefined,
    );
    render(DiscussionThread, { thread: { kind: 'post' as const, id: 9 }, initial: discussion() });

    await fireEvent.click(screen.getByRole('button', { name: 'Reply to Mia' }));
    const field = screen.getByRole('textbox', { name: 'Your reply to Mia' });
    expect(document.activeElement).toBe(field);
    await fireEvent.input(field, { target: { value: 'Me too!' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Post reply' }));

    await waitFor(() => expect(screen.getByText('Me too!')).toBeTruthy());
    expect(requests.at(-1)!.body).toEqual({ body: 'Me too!', parentId: 2 });
    // Under Mia's comment, beside Tom's earlier answer.
    const mia = document.getElementById('replies-2')!;
    expect([...mia.querySelectorAll(':scope > li .prose')].map((node) => node.textContent)).toEqual([
      'Great, see you there.',
      'Me too!',
    ]);
    expect(screen.queryByRole('textbox', { name: 'Your reply to Mia' })).toBeNull();
    expect(screen.getByRole('heading', { name: /Discussion/ }).textContent).toContain('5 comments');
  });

  it('keeps the server’s objection next to the reply field', async () => {
    session.user = ME;
    stubApi(() =>
      validationError('body must NOT have more than 10000 characters', [
        { field: 'body', message: 'must NOT have more than 10000 characters' },
      ]),
    );
    render(DiscussionThread, { thread: { kind: 'post' as const, id: 9 }, initial: discussion() });
    const field = screen.getByRole('textbox', { name: 'Add a comment' });
    await fireEvent.input(field, { target: { value: 'x' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Post comment' }));
    await waitFor(() => expect(field.getAttribute('aria-invalid')).toBe('true'));
    const described = field
      .getAttribute('aria-describedby')!
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent);
    expect(described).toContain('Must NOT have more than 10000 characters');
  });

  it('keeps a deleted comment’s place so its replies stay readable', () => {
    const initial = discussion();
    initial.comments[0] = { ...initial.comments[0]!, deleted: true, author: null, body: '[deleted]', bodyHtml: '' };
    render(DiscussionThread, { thread: { kind: 'post' as const, id: 9 }, initial });
    expect(screen.getByText('[deleted]')).toBeTruthy();
    expect(screen.getByText('Every week.')).toBeTruthy();
  });

  it('loads further comments only when asked', async () => {
    const initial = { ...discussion(), nextBranchCursor: 'next-page' };
    const { requests } = stubApi((request) =>
      request.path === '/api/posts/9/comments' && request.method === 'GET'
        ? { body: { comments: [comment(50, 'Lea', 'A later thought.')], nextBranchCursor: null, totalComments: 5 } }
        : undefined,
    );
    render(DiscussionThread, { thread: { kind: 'post' as const, id: 9 }, initial });
    expect(requests).toHaveLength(0);
    await fireEvent.click(screen.getByRole('button', { name: 'Show more comments' }));
    await waitFor(() => expect(screen.getByText('A later thought.')).toBeTruthy());
    expect(requests[0]!.query.get('branchCursor')).toBe('next-page');
    expect(screen.queryByRole('button', { name: 'Show more comments' })).toBeNull();
  });
});
