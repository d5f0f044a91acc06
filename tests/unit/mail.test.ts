import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/src/config/index.js';
import { escapeHtml, renderMail } from '../../server/src/mail/message.js';

describe('an email body', () => {
  it('says the same in text and HTML, with every piece of text escaped', () => {
    const mail = renderMail({
      paragraphs: ['Hello <Ana>,', 'Tea & "Go" at 5'],
      action: { label: 'Open', url: 'https://vicinity.example.org/events/1?a=1&b=2' },
      footer: [
        { text: 'Stop these emails:', link: { label: 'unsubscribe', url: 'https://vicinity.example.org/u?t=x' } },
      ],
    });
    expect(mail.text).toBe(
      'Hello <Ana>,\n\nTea & "Go" at 5\n\nOpen: https://vicinity.example.org/events/1?a=1&b=2\n\n--\n\n' +
        'Stop these emails: unsubscribe: https://vicinity.example.org/u?t=x\n',
    );
    expect(mail.html).toContain('<p>Hello &lt;Ana&gt;,</p><p>Tea &amp; &quot;Go&quot; at 5</p>');
    expect(mail.html).toContain('href="https://vicinity.example.org/events/1?a=1&amp;b=2"');
    expect(mail.html).not.toContain('<Ana>');
    expect(escapeHtml(`<a href='x'>`)).toBe('&lt;a href=&#39;x&#39;&gt;');
  });

  it('links only to web pages', () => {
    expect(() => renderMail({ paragraphs: [], action: { label: 'x', url: 'javascript:alert(1)' } })).toThrow(
      'Not a web link',
    );
  });
});

describe('email configuration', () => {
  it('is off without SMTP_URL, and needs PUBLIC_URL for the links', () => {
    expect(loadConfig({})).toMatchObject({ smtpUrl: null, publicUrl: null, mailFrom: 'Vicinity <no-reply@localhost>' });
    expect(() => loadConfig({ SMTP_URL: 'smtp://mail.example.org:587' })).toThrow(ConfigError);
    expect(() => loadConfig({ SMTP_URL: 'smtp://mail.example.org:587' })).toThrow('SMTP_URL: needs PUBLIC_URL');
    const config = loadConfig({
      SMTP_URL: 'smtps://u:p@mail.example.org',
      PUBLIC_URL: 'https://near.example.org/app/',
    });
    expect(config).toMatchObject({
      smtpUrl: 'smtps://u:p@mail.example.org',
      publicUrl: 'https://near.example.org/app',
      mailFrom: 'Vicinity <no-reply@near.example.org>',
    });
  });

  it('refuses what it cannot use, naming the variable', () => {
    expect(() => loadConfig({ PUBLIC_URL: 'near.example.org' })).toThrow('PUBLIC_URL: is not a valid URL');
    expect(() => loadConfig({ PUBLIC_URL: 'ftp://near.example.org' })).toThrow('PUBLIC_URL: must start with http');
    expect(() => loadConfig({ SMTP_URL: 'http://x', PUBLIC_URL: 'https://a.example' })).toThrow(
      'SMTP_URL: must start with smtp:// or smtps://',
    );
    expect(() => loadConfig({ MAIL_FROM: 'not an address' })).toThrow('MAIL_FROM: must be an address');
    expect(loadConfig({ MAIL_FROM: 'Near <hi@near.example.org>' }).mailFrom).toBe('Near <hi@near.example.org>');
  });
});
