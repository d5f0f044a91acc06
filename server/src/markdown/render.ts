/**
 * Markdown → safe HTML, for everything people write (posts, comments). Two layers, both
 * maintained libraries: markdown-it renders with raw HTML switched off, so `<script>` typed in a
 * post arrives as text; sanitize-html then keeps only an allow-list of tags and attributes, so
 * whatever markdown-it (or a future plugin) emits, nothing executable reaches a reader.
 */
import MarkdownIt, { type Token } from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

export const LINK_REL = 'nofollow ugc noopener';

const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false });

// Images would make every reader's browser fetch from wherever the writer pointed (a tracking
// pixel, a huge file), so an image becomes a plain link to it, labelled with its alt text.
markdown.renderer.rules.image = (tokens, index, options, env, self) => {
  const token = tokens[index]!;
  const src = String(token.attrGet('src') ?? '');
  const label = self.renderInlineAsText(token.children ?? [], options, env) || 'image';
  return `<a href="${markdown.utils.escapeHtml(src)}">${markdown.utils.escapeHtml(label)}</a>`;
};

const ALLOWED_SCHEMES = ['http', 'https', 'mailto'];

/** Absolute http(s)/mailto URLs, site paths and fragments; anything else loses its href. */
function safeHref(href: string | undefined): string | null {
  if (!href) return null;
  if (href.startsWith('#') || (href.startsWith('/') && !href.startsWith('//') && !href.startsWith('/\\'))) return href;
  try {
    const url = new URL(href);
    return ALLOWED_SCHEMES.includes(url.protocol.slice(0, -1)) ? href : null;
  } catch {
    return null;
  }
}

/** The page already has an h1 (the post's title): headings in a body start at h2. */
function demote(tagName: string): string {
  return `h${Math.min(6, Number(tagName.slice(1)) + 1)}`;
}

/**
 * Text can hold strings that only look dangerous ("javascript:" in a sentence, an escaped
 * `<img onerror=…>` in a code sample). They are inert as text, but the colon and equals sign are
 * written as character references anyway, so the HTML contains no such string at all and a
 * consumer that unescapes text, or a naive filter further down, cannot be tricked by them.
 */
function defuseText(text: string): string {
  return text
    .replace(/(javascript|vbscript|data|livescript)\s*:/gi, (match) => match.replace(':', '&#58;'))
    .replace(/(on\w+)(\s*)=/gi, '$1$2&#61;');
}

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'hr',
    'a',
    'em',
    'strong',
    'del',
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
  ],
  allowedAttributes: { a: ['href', 'rel'], ol: ['start'], code: ['class'] },
  allowedClasses: { code: ['language-*'] },
  allowedSchemes: ALLOWED_SCHEMES,
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    h1: (tagName, attribs) => ({ tagName: demote(tagName), attribs }),
    h2: (tagName, attribs) => ({ tagName: demote(tagName), attribs }),
    h3: (tagName, attribs) => ({ tagName: demote(tagName), attribs }),
    h4: (tagName, attribs) => ({ tagName: demote(tagName), attribs }),
    h5: (tagName, attribs) => ({ tagName: demote(tagName), attribs }),
    a: (_tagName, attribs) => {
      const href = safeHref(attribs.href);
      // `target` and any other attribute are dropped; rel is always ours.
      const safe: sanitizeHtml.Attributes = href === null ? { rel: LINK_REL } : { href, rel: LINK_REL };
      return { tagName: 'a', attribs: safe };
    },
  },
  textFilter: defuseText,
};

/** Renders Markdown written by a person into HTML that is safe to insert into a page. */
export function renderMarkdown(source: string): string {
  return sanitizeHtml(markdown.render(source), SANITIZE).trim();
}

/** Words an inline run shows a reader: its text and code, line breaks as spaces, images by their alt text. */
function inlineText(tokens: Token[]): string {
  let text = '';
  for (const token of tokens) {
    if (token.type === 'text' || token.type === 'code_inline') text += token.content;
    else if (token.type === 'softbreak' || token.type === 'hardbreak') text += ' ';
    else if (token.type === 'image') text += inlineText(token.children ?? []);
  }
  return text;
}

/**
 * Plain text of a Markdown document, whitespace collapsed, cut to `max` characters with an
 * ellipsis. Read from markdown-it's tokens rather than from rendered HTML: no markup is made only
 * to be stripped again, which made excerpts the costliest part of a feed page. Tokens carry their
 * text decoded, and it is never read as HTML.
 */
export function plainText(source: string, max: number): string {
  const blocks: string[] = [];
  for (const token of markdown.parse(source, {})) {
    if (token.type === 'inline') blocks.push(inlineText(token.children ?? []));
    else if (token.type === 'fence' || token.type === 'code_block') blocks.push(token.content);
  }
  const text = blocks.join(' ').replace(/\s+/g, ' ').trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const atWord = cut.lastIndexOf(' ');
  return `${(atWord > max * 0.6 ? cut.slice(0, atWord) : cut).trimEnd()}…`;
}
