import { describe, expect, it } from 'vitest';
import { render, waitFor } from '@testing-library/svelte';
import { markdownTree, safeHref, type MarkdownNode } from '../../web/src/lib/markdown';
import MarkdownPreview from '../../web/src/lib/components/MarkdownPreview.svelte';

function tags(nodes: MarkdownNode[]): string[] {
  return nodes
    .flatMap((node) => (node.kind === 'text' ? [] : [node.tag ?? '', ...tags(node.children)]))
    .filter(Boolean);
}

function text(nodes: MarkdownNode[]): string {
  return nodes.map((node) => (node.kind === 'text' ? node.text : text(node.children))).join('');
}

describe('markdownTree', () => {
  it('builds the usual elements, with headings starting at h2', () => {
    const tree = markdownTree('# Title\n\nSome **bold** and *soft* text.\n\n- one\n- two\n\n> quoted');
    expect(tags(tree)).toEqual(['h2', 'p', 'strong', 'em', 'ul', 'li', 'li', 'blockquote', 'p']);
  });

  it('keeps raw HTML as text', () => {
    const tree = markdownTree('<script>alert(1)</script> <img src=x onerror=alert(1)>');
    expect(tags(tree)).toEqual(['p']);
    expect(text(tree)).toBe('<script>alert(1)</script> <img src=x onerror=alert(1)>');
  });

  it('makes links only to http(s), mailto or this site; others stay text', () => {
    const tree = markdownTree('[a](javascript:alert(1)) [b](https://example.org) [c](/groups/1) [d](data:text/html,x)');
    const links = JSON.stringify(tree);
    expect(links).toContain('"href":"https://example.org"');
    expect(links).toContain('"href":"/groups/1"');
    expect(links).not.toMatch(/"href":"(javascript|data):/);
    expect(text(tree)).toBe('[a](javascript:alert(1)) b c [d](data:text/html,x)');
  });

  it('turns images into links, so nothing is fetched', () => {
    const tree = markdownTree('![a cat](https://example.org/cat.png)');
    expect(tags(tree)).toEqual(['p', 'a']);
    expect(text(tree)).toBe('a cat');
  });

  it('keeps code as text', () => {
    const tree = markdownTree('```\n<b>not bold</b>\n```');
    expect(tags(tree)).toEqual(['pre', 'code']);
    expect(text(tree)).toBe('<b>not bold</b>\n');
  });

  it.each([
    ['javascript:alert(1)', null],
    ['  javascript:alert(1)', null],
    ['//evil.example', null],
    ['mailto:a@b.example', 'mailto:a@b.example'],
    ['#comment-4', '#comment-4'],
  ])('safeHref(%j) is %j', (href, expected) => {
    expect(safeHref(href)).toBe(expected);
  });
});

describe('MarkdownPreview', () => {
  it('builds the preview from elements and text, never from an HTML string', async () => {
    const { container } = render(MarkdownPreview, {
      source: 'Hello **there** <img src=x onerror="window.__xss=1"> [x](javascript:window.__xss=2)',
    });
    await waitFor(() => expect(container.querySelector('strong')?.textContent).toBe('there'));
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('a')).toBeNull();
    expect(container.textContent).toContain('<img src=x onerror="window.__xss=1">');
    expect((window as unknown as { __xss?: unknown }).__xss).toBeUndefined();
  });

  it('keeps the whitespace of code blocks', async () => {
    const { container } = render(MarkdownPreview, { source: '```\nline one\n  line two\n```' });
    await waitFor(() => expect(container.querySelector('pre code')).not.toBeNull());
    expect(container.querySelector('pre')!.textContent).toBe('line one\n  line two\n');
  });
});
