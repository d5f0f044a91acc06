/**
 * A real SMTP server for tests (the `smtp-server` package, by nodemailer's authors) that keeps
 * every message it accepts, decoded enough to read: headers, the plain-text and the HTML part.
 * It can offer STARTTLS with a given certificate, require a login, and hold a session forever
 * (to kill a server process in the middle of sending).
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  raw: string;
  /** Lower-case names; unfolded values. */
  headers: Map<string, string>;
  text: string;
  html: string;
  /** Who logged in to send it (without a login: null). */
  user: string | null;
  to: string[];
  /** Whether the session was upgraded to TLS before the message. */
  secure: boolean;
}

export interface MailServerOptions {
  /** Offer STARTTLS with this key and certificate (PEM); without, STARTTLS is not offered. */
  tls?: { key: string; cert: string };
  /** Require a login with one of these users and passwords. */
  users?: Record<string, string>;
  /**
   * Called at each message's MAIL FROM with the login that sends it; true keeps that session
   * waiting forever, the message never sent (until the client gives up or dies).
   */
  hold?: (user: string | null) => boolean;
}

/** RFC 2047 encoded words (`=?UTF-8?Q?…?=`), as subjects with non-ASCII text come. */
function decodeWords(value: string): string {
  return value
    .replace(/(\?=)\s+(=\?)/g, '$1$2')
    .replace(/=\?([^?]+)\?([QB])\?([^?]*)\?=/gi, (_match, _charset: string, encoding: string, text: string) =>
      encoding.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : decode(text.replace(/_/g, ' '), 'quoted-printable'),
    );
}

function parseHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), decodeWords(line.slice(colon + 1).trim()));
  }
  return headers;
}

function decode(body: string, encoding: string | undefined): string {
  switch ((encoding ?? '').toLowerCase()) {
    case 'quoted-printable': {
      const joined = body.replace(/=\r?\n/g, '');
      const bytes: number[] = [];
      for (let i = 0; i < joined.length; i++) {
        if (joined[i] === '=' && /^[0-9A-F]{2}$/i.test(joined.slice(i + 1, i + 3))) {
          bytes.push(parseInt(joined.slice(i + 1, i + 3), 16));
          i += 2;
        } else bytes.push(...Buffer.from(joined[i]!, 'utf8'));
      }
      return Buffer.from(bytes).toString('utf8');
    }
    case 'base64':
      return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    default:
      return body;
  }
}

function split(raw: string): { headers: Map<string, string>; body: string } {
  const end = raw.search(/\r?\n\r?\n/);
  const gap = /\r?\n\r?\n/.exec(raw)![0].length;
  return { headers: parseHeaders(raw.slice(0, end)), body: raw.slice(end + gap) };
}

/** The text and HTML of a message: a single part, or the parts of a multipart/alternative. */
function readParts(headers: Map<string, string>, body: string): { text: string; html: string } {
  const type = headers.get('content-type') ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (!type.toLowerCase().startsWith('multipart/') || !boundary) {
    const content = decode(body, headers.get('content-transfer-encoding'));
    return type.toLowerCase().startsWith('text/html') ? { text: '', html: content } : { text: content, html: '' };
  }
  const result = { text: '', html: '' };
  for (const section of body.split(`--${boundary}`).slice(1)) {
    if (section.startsWith('--')) break;
    const part = split(section.replace(/^\r?\n/, ''));
    const inner = readParts(part.headers, part.body.replace(/\r?\n$/, ''));
    result.text ||= inner.text;
    result.html ||= inner.html;
  }
  return result;
}

export function parseMail(raw: string): Pick<ReceivedMail, 'headers' | 'text' | 'html'> {
  const { headers, body } = split(raw);
  return { headers, ...readParts(headers, body) };
}

export class TestMailServer {
  readonly mails: ReceivedMail[] = [];
  /** The logins of sessions that were held (see `hold`). */
  readonly held: string[] = [];
  #waiters = new Set<() => void>();

  private constructor(
    private readonly server: SMTPServer,
    readonly port: number,
  ) {}

  static async start(options: MailServerOptions = {}, port = 0): Promise<TestMailServer> {
    // Set once listening; the callbacks below run only after that.
    const box: { instance?: TestMailServer } = {};
    const server = new SMTPServer({
      logger: false,
      // Stopping the server drops the connections clients keep open (nodemailer pools them).
      closeTimeout: 200,
      disabledCommands: options.tls ? [] : ['STARTTLS'],
      ...(options.tls ? { key: options.tls.key, cert: options.tls.cert } : {}),
      authOptional: !options.users,
      onAuth(auth, _session, callback) {
        const users = options.users ?? {};
        if (auth.username === undefined || users[auth.username] !== auth.password) {
          return callback(new Error('Invalid username or password'));
        }
        callback(null, { user: auth.username });
      },
      onMailFrom(_address, session, callback) {
        const user = typeof session.user === 'string' ? session.user : null;
        if (options.hold?.(user)) {
          box.instance!.held.push(user ?? '');
          box.instance!.#wake();
          return;
        }
        callback();
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          box.instance!.mails.push({
            raw,
            ...parseMail(raw),
            user: typeof session.user === 'string' ? session.user : null,
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            secure: session.secure,
          });
          box.instance!.#wake();
          callback();
        });
      },
    });
    const listening = await new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve((server.server.address() as AddressInfo).port));
    });
    // Errors of single sessions (a client that vanished) are not the test's concern.
    server.on('error', () => {});
    box.instance = new TestMailServer(server, listening);
    return box.instance;
  }

  #wake(): void {
    for (const waiter of this.#waiters) waiter();
  }

  /** Waits until `check` holds, re-checked whenever a message or a held login arrives. */
  until(check: () => boolean, ms = 10_000, what = 'mail'): Promise<void> {
    return new Promise((resolve, reject) => {
      const done = () => {
        if (!check()) return;
        clearTimeout(timer);
        this.#waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(() => {
        this.#waiters.delete(done);
        reject(new Error(`timed out waiting for ${what}; received ${this.mails.length} message(s)`));
      }, ms);
      this.#waiters.add(done);
      done();
    });
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
