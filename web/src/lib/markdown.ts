/**
 * The Markdown preview, before anything is sent. The server renders what is published (and that
 * HTML is the only HTML the app inserts); the preview is parsed here with the same markdown-it
 * settings but never becomes HTML: it becomes a tree of allowed elements and plain text, which the
 * preview component builds node by node, so nothing typed can turn into markup or script.
 * Loaded only when a preview is first asked for.
 */
import MarkdownIt from 'markdown-it';

type Token = ReturnType<InstanceType<typeof MarkdownIt>['parse']>[number];

export type MarkdownNode =
  | { kind: 'text'; text: string }
  /** `tag` null: the children without an element around them. */
  | { kind: 'element'; tag: AllowedTag | null; href?: string; start?: number; children: MarkdownNode[] };

const ALLOWED_TAGS = [
  'p',
  'br',
  'hr',
  'a',
  'em',
  'strong',
  's',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
] as const;
export type AllowedTag = (typeof ALLOWED_TAGS)[number];
const ALLOWED = new Set<string>(ALLOWED_TAGS);

// The server's settings: raw HTML stays text, bare URLs become links.
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false });

/** The same links the server keeps: http(s), mailto, site paths and fragments. */
export function safeHref(raw: string | number | null | undefined): string | null {
  if (raw === null || raw === undefined || raw === '') return null;
  const href = String(raw);
  if (href.startsWith('#') || (href.startsWith('/') && !href.startsWith('//') && !href.startsWith('/\\'))) return href;
  try {
    const url = new URL(href);
    return ['http:', 'https:', 'mailto:'].includes(url.protocol) ? href : null;
  } catch {
    return null;
  }
}

/** The page's title is its h1, so headings written in a body start at h2, as on the server. */
function tagOf(token: Token): AllowedTag | null {
  let tag = token.tag;
  if (/^h[1-6]$/.test(tag)) tag = `h${Math.min(6, Number(tag.slice(1)) + 1)}`;
  return ALLOWED.has(tag) ? (tag as AllowedTag) : null;
}

function text(value: string): MarkdownNode {
  return { kind: 'text', text: value };
}

function element(tag: AllowedTag | null, children: MarkdownNode[] = []): MarkdownNode & { kind: 'element' } {
  return { kind: 'element', tag, children };
}

function plainText(tokens: Token[] | null): string {
  return (tokens ?? []).map((token) => (token.children ? plainText(token.children) : token.content)).join('');
}

function build(tokens: Token[]): MarkdownNode[] {
  const root: MarkdownNode[] = [];
  const open: Array<MarkdownNode & { kind: 'element' }> = [];
  const add = (node: MarkdownNode) => (open.at(-1)?.children ?? root).push(node);

  for (const token of tokens) {
    switch (token.type) {
      case 'inline':
        for (const node of build(token.children ?? [])) add(node);
        continue;
      case 'text':
      case 'html_inline':
      case 'html_block':
        add(text(token.content));
        continue;
      case 'softbreak':
        add(text('\n'));
        continue;
      case 'hardbreak':
        add(element('br'));
        continue;
      case 'hr':
        add(element('hr'));
        continue;
      case 'code_inline':
        add(element('code', [text(token.content)]));
        continue;
      case 'code_block':
      case 'fence':
        add(element('pre', [element('code', [text(token.content)])]));
        continue;
      case 'image': {
        // As on the server: an image becomes a link to it, so nobody's browser fetches it unasked.
        const href = safeHref(token.attrGet('src'));
        const label = text(plainText(token.children) || 'image');
        add(href ? { ...element('a', [label]), href } : label);
        continue;
      }
    }
    if (token.nesting === 1) {
      // Tight lists hide their paragraphs: the text goes straight into the list item.
      const node = element(token.hidden ? null : tagOf(token));
      if (token.type === 'link_open') {
        const href = safeHref(token.attrGet('href'));
        if (href) node.href = href;
        else node.tag = null;
      }
      if (token.type === 'ordered_list_open') {
        const start = Number(token.attrGet('start'));
        if (Number.isInteger(start) && start !== 1) node.start = start;
      }
      add(node);
      open.push(node);
    } else if (token.nesting === -1) {
      open.pop();
    } else if (token.content) {
      add(text(token.content));
    }
  }
  return root;
}

export function markdownTree(source: string): MarkdownNode[] {
  return build(markdown.parse(source, {}));
}
