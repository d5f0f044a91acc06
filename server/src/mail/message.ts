/**
 * The body of an email, written once as a few blocks and rendered twice: plain text for mail
 * programs that want it, and a small HTML part with the same words. Every piece of text is
 * escaped here, so callers pass plain strings (names, titles) as they are.
 */

export interface MailLink {
  label: string;
  url: string;
}

export interface MailContent {
  /** Plain-text paragraphs, in order. */
  paragraphs: string[];
  /** The one thing to do, as a button in HTML and a bare URL in text. */
  action?: MailLink;
  /** Small print: why this email came and how to stop it. */
  footer?: Array<{ text: string; link?: MailLink }>;
}

export interface RenderedMail {
  text: string;
  html: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}

/** Only http(s) links are written into an email's HTML. */
function safeUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new Error(`Not a web link: ${url}`);
  return parsed.toString();
}

export function renderMail(content: MailContent): RenderedMail {
  const text: string[] = [...content.paragraphs];
  const html: string[] = content.paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`);
  if (content.action) {
    const url = safeUrl(content.action.url);
    text.push(`${content.action.label}: ${url}`);
    html.push(
      `<p><a href="${escapeHtml(url)}" style="display:inline-block;padding:0.5em 1em;background:#1d5c4f;color:#fff;` +
        `text-decoration:none;border-radius:4px">${escapeHtml(content.action.label)}</a></p>`,
    );
  }
  if (content.footer && content.footer.length > 0) {
    text.push('--');
    const small: string[] = [];
    for (const line of content.footer) {
      if (line.link) {
        const url = safeUrl(line.link.url);
        text.push(`${line.text} ${line.link.label}: ${url}`);
        small.push(`${escapeHtml(line.text)} <a href="${escapeHtml(url)}">${escapeHtml(line.link.label)}</a>`);
      } else {
        text.push(line.text);
        small.push(escapeHtml(line.text));
      }
    }
    html.push(`<hr><p style="font-size:0.85em;color:#555">${small.join('<br>')}</p>`);
  }
  return {
    text: `${text.join('\n\n')}\n`,
    html:
      '<!doctype html><html><head><meta charset="utf-8"></head>' +
      `<body style="font-family:sans-serif;line-height:1.5;max-width:40em">${html.join('')}</body></html>`,
  };
}
