/**
 * Configuration: read once from the environment, validated, then passed down as a typed object.
 * Nothing else in the server reads process.env.
 *
 * Every variable is one entry of SERVER_SECTIONS below: its name, the default and meaning people
 * read in docs/configuration.md (rendered from these entries by `npm run docs:config`), where its
 * value goes in Config, and how it is checked. Adding a variable means adding a Config field and
 * its entry; the compiler refuses a field without an entry, or an entry without a field.
 */
import path from 'node:path';
import { Refusal, coordinate, integer, matching, type ReadVariable, type Section, type Variable } from './variables.js';

export type SeedMode = 'demo' | 'none';
export type GeocoderKind = 'photon' | 'nominatim' | 'detect';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface Config {
  port: number;
  host: string;
  /** Real PostgreSQL + PostGIS when set; embedded PGlite otherwise. */
  databaseUrl: string | null;
  /** Streaming replicas of the database that answer lag-tolerant reads; empty: none. */
  databaseReplicaUrls: string[];
  /** A replica lagging more than this is skipped. */
  replicaMaxLagMs: number;
  dataDir: string;
  /** Embedded database: below this much free disk (MB) it turns read-only; 0 turns the watch off. */
  diskMinFreeMb: number;
  /** Null means "generate one and keep it in dataDir" (refused in production). */
  jwtSecret: string | null;
  jwtExpiresIn: string;
  logLevel: LogLevel;
  seed: SeedMode;
  production: boolean;
  /** Allowed CORS origins; empty means CORS stays off. */
  corsOrigins: string[];
  tileUrl: string;
  tileAttribution: string;
  mapCenter: { lat: number; lng: number };
  mapZoom: number;
  /** A Photon or Nominatim server for street and address search; null: the offline gazetteer only. */
  geocoderUrl: string | null;
  /** Which of the two it is; `detect` asks the server once. */
  geocoderKind: GeocoderKind;
  /** Who runs this installation (email or URL), sent to the geocoder as its usage policy asks. */
  geocoderContact: string | null;
  /** How long a geocoder request may take before the gazetteer answers instead. */
  geocoderTimeoutMs: number;
  /** Requests per minute per IP on register and login. */
  authRateLimit: number;
  bodyLimitBytes: number;
  /** API requests served at once on the embedded database; more wait in line. */
  embeddedMaxInFlight: number;
  /** API requests served at once on a PostgreSQL server; more wait in line. */
  serverMaxInFlight: number;
  /** Radius-page statements run at once on a PostgreSQL server; further pages wait and share one. */
  serverRadiusStatements: number;
  /** Requests that may wait in line; more are answered 503 `busy`. */
  maxQueued: number;
  /** Proxies whose X-Forwarded-For is believed: Fastify's trustProxy (false: none). */
  trustProxy: boolean | string[];
  /** Bearer token that /metrics requires; null turns /metrics off. */
  metricsToken: string | null;
  /** On SIGTERM, how long in-flight requests may take to finish before the process exits anyway. */
  shutdownTimeoutMs: number;
  /** Where people reach the web app (links in emails and calendars); null when not set. */
  publicUrl: string | null;
  /** The SMTP server emails go through; null means email is off. */
  smtpUrl: string | null;
  /** The sender of emails. */
  mailFrom: string;
  /** Largest photo file accepted, in bytes. */
  mediaMaxBytes: number;
  /** Most pixels a photo may have; larger ones are refused before they are decoded. */
  mediaMaxPixels: number;
  /** Photos processed at once; more wait their turn. */
  mediaConcurrency: number;
  /** S3-compatible storage for photos: endpoint and bucket; null keeps them under dataDir/media. */
  mediaS3Url: string | null;
  mediaS3Region: string;
  mediaS3AccessKeyId: string | null;
  mediaS3SecretAccessKey: string | null;
  /** Accounts with these emails (lower case) are site admins, besides those granted with `npm run admin`. */
  adminEmails: string[];
  /** How long an account counts as new, for the automatic first line of moderation. */
  newAccountHours: number;
  /** Posts and comments a new account may write per hour; past that they are held for review. */
  newAccountPostsPerHour: number;
  /** Links a new account's post or comment may carry; more and it is held for review. */
  newAccountMaxLinks: number;
  /** Reports one person may file per hour. */
  reportsPerHour: number;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

/** Where a value goes in Config: a field, or a field of a nested object ("mapCenter.lat"). */
type ConfigPath<T = Config> = {
  [K in keyof T & string]: T[K] extends readonly unknown[] ? K : T[K] extends object ? `${K}.${ConfigPath<T[K]>}` : K;
}[keyof T & string];

type ValueAt<T, P extends string> = P extends `${infer K}.${infer Rest}`
  ? K extends keyof T
    ? ValueAt<T[K], Rest>
    : never
  : P extends keyof T
    ? T[P]
    : never;

/** Declares one variable; its parser must give the type of the Config field it fills. */
function variable<P extends ConfigPath>(entry: Variable<P, ValueAt<Config, P>>): Variable<P, ValueAt<Config, P>> {
  return entry;
}

/** A `postgres://` or `postgresql://` URL, as given; `unreadable` is the refusal when it is no URL at all. */
function postgresUrl(raw: string, unreadable: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Refusal(unreadable);
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new Refusal(`must start with postgres:// or postgresql://, got "${url.protocol}//"`);
  }
  return raw;
}

/** An http(s) address without a trailing slash, so paths can be appended to it. */
function publicUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Refusal(`is not a valid URL (expected e.g. https://vicinity.example.org), got "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Refusal(`must start with http:// or https://, got "${url.protocol}//"`);
  }
  if (url.search || url.hash) throw new Refusal('must not have a query or fragment');
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

const OSM_TILES = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
const OSM_ATTRIBUTION = '&copy; OpenStreetMap contributors';

/** The server's variables, in the order docs/configuration.md shows and loadConfig() checks them. */
export const SERVER_SECTIONS = [
  {
    title: 'Server',
    intro: 'Where the server listens, what it logs, and what it accepts from browsers.',
    variables: [
      variable({
        name: 'PORT',
        key: 'port',
        default: '`3000`',
        description: 'HTTP port; `0` picks a free one (printed at start).',
        parse: integer(3000, 0, 65535),
      }),
      variable({
        name: 'HOST',
        key: 'host',
        default: '`127.0.0.1`',
        description: 'Address to listen on; `0.0.0.0` to accept connections from other machines.',
        parse: matching('127.0.0.1', /^[\w.:-]+$/, (host) => `is not a valid host name or address, got "${host}"`),
      }),
      variable({
        name: 'NODE_ENV',
        key: 'production',
        default: '_(unset)_',
        description: '`production` requires an explicit `JWT_SECRET`; any other value counts as development.',
        parse: (raw) => raw === 'production',
      }),
      variable({
        name: 'LOG_LEVEL',
        key: 'logLevel',
        default: '`info`',
        description: '`fatal`, `error`, `warn`, `info`, `debug`, `trace` or `silent`. Logs are JSON lines on stdout.',
        parse: (raw) => {
          const level = (raw ?? 'info') as LogLevel;
          if (!LOG_LEVELS.includes(level)) {
            throw new Refusal(`must be one of ${LOG_LEVELS.join(', ')}, got "${level}"`);
          }
          return level;
        },
      }),
      variable({
        name: 'CORS_ORIGINS',
        key: 'corsOrigins',
        default: '_(empty: CORS off)_',
        description:
          'Comma-separated origins allowed to call the API from other sites, e.g. `https://a.example,https://b.example`.',
        parse: (raw) =>
          (raw ?? '')
            .split(',')
            .map((origin) => origin.trim())
            .filter(Boolean),
      }),
      variable({
        name: 'BODY_LIMIT_BYTES',
        key: 'bodyLimitBytes',
        default: '`262144` (256 KiB)',
        description: 'Largest request body accepted, 1024 to 52428800 (50 MiB).',
        parse: integer(256 * 1024, 1024, 50 * 1024 * 1024),
      }),
      variable({
        name: 'TRUST_PROXY',
        key: 'trustProxy',
        default: '_(unset: none)_',
        description:
          'Comma-separated addresses or CIDR ranges of reverse proxies (e.g. `127.0.0.1,10.0.0.0/8`), or `true` for any: a request from one of them is taken to come from the address its `X-Forwarded-For` names, for the per-address rate limits. Leave it unset when clients reach the server directly.',
        parse: (raw) => {
          if (raw === undefined) return false;
          if (raw === 'true') return true;
          const entries = raw
            .split(',')
            .map((entry) => entry.trim())
            .filter(Boolean);
          for (const entry of entries) {
            if (!/^[0-9a-fA-F.:]+(\/\d{1,3})?$/.test(entry)) {
              throw new Refusal(`must be "true" or addresses/CIDR ranges separated by commas, got "${entry}"`);
            }
          }
          return entries;
        },
      }),
      variable({
        name: 'METRICS_TOKEN',
        key: 'metricsToken',
        default: '_(unset: `/metrics` off)_',
        description:
          'Turns on `/metrics` (Prometheus text format, see [deployment.md](deployment.md#metrics)); a scrape must send `Authorization: Bearer <token>`. At least 16 characters.',
        parse: (raw) => {
          if (raw === undefined) return null;
          if (raw.length < 16) throw new Refusal('must be at least 16 characters long');
          return raw;
        },
      }),
      variable({
        name: 'SHUTDOWN_TIMEOUT_MS',
        key: 'shutdownTimeoutMs',
        default: '`10000`',
        description:
          'On `SIGTERM` (or `SIGINT`) the server stops accepting connections, answers `/api/health/ready` 503, ends live streams (clients reconnect elsewhere) and lets requests in flight finish, then exits 0; after this many milliseconds, 100 to 600000, it exits 1 anyway.',
        parse: integer(10_000, 100, 600_000),
      }),
      variable({
        name: 'PUBLIC_URL',
        key: 'publicUrl',
        default: '_(unset)_',
        description:
          'The address people open the app at, e.g. `https://vicinity.example.org`: the base of every absolute link the server writes (emails, calendar files) and part of calendar UIDs. Required with `SMTP_URL`. Unset, links name the address the request reached only when its `Host` is this server’s own listening address (`localhost:PORT`), else `http://localhost:PORT`: a forged `Host` never ends up in a link.',
        parse: (raw) => (raw === undefined ? null : publicUrl(raw)),
      }),
    ],
  },
  {
    title: 'Database',
    intro:
      'Without `DATABASE_URL` the server runs on the embedded database in `DATA_DIR`; with it, on your PostgreSQL + PostGIS server. Either way it applies pending migrations at start.',
    variables: [
      variable({
        name: 'DATABASE_URL',
        key: 'databaseUrl',
        default: '_(unset: embedded database)_',
        description: '`postgres://` or `postgresql://` URL of a PostgreSQL + PostGIS server.',
        parse: (raw) => {
          if (raw === undefined) return null;
          return postgresUrl(raw, 'is not a valid URL (expected postgres://user:password@host:5432/database)');
        },
      }),
      variable({
        name: 'DATABASE_REPLICA_URLS',
        key: 'databaseReplicaUrls',
        default: '_(unset: none)_',
        description:
          'Comma-separated `postgres://` URLs of streaming replicas of `DATABASE_URL`. Reads of lag-tolerant routes (nearby, map, feed, lists, calendars) go to them, writes and transactions to the primary, and a person reads their own writes at once; see [deployment.md](deployment.md#read-replicas).',
        parse: (raw, read: ReadVariable) => {
          if (raw === undefined) return [];
          if (read('DATABASE_URL') === undefined) throw new Refusal('needs DATABASE_URL, the primary');
          const urls = raw
            .split(',')
            .map((url) => url.trim())
            .filter(Boolean);
          return urls.map((url) => postgresUrl(url, 'must be postgres:// URLs separated by commas'));
        },
      }),
      variable({
        name: 'REPLICA_MAX_LAG_MS',
        key: 'replicaMaxLagMs',
        default: '`1000`',
        description:
          'A replica whose replay lags the primary by more than this many milliseconds (0 to 3600000) is skipped until it catches up; each is checked every second.',
        parse: integer(1000, 0, 3_600_000),
      }),
      variable({
        name: 'DATA_DIR',
        key: 'dataDir',
        default: '`./data`',
        description:
          'Embedded database files (in `pgdata/`), photos (in `media/`, unless `MEDIA_S3_URL` is set) and, when `JWT_SECRET` is unset, the generated signing secret.',
        parse: (raw) => path.resolve(raw ?? './data'),
      }),
      variable({
        name: 'DISK_MIN_FREE_MB',
        key: 'diskMinFreeMb',
        default: '`64`',
        description:
          'Embedded database: while less than this many megabytes (0 to 1000000) are free on the disk under `DATA_DIR`, the database turns read-only (writes answer 507 `storage_full`, reads go on, `/api/health` says it cannot write) and turns writable again by itself once there is room. Keep it above 16, the size of one WAL file; 0 turns the watch off.',
        parse: integer(64, 0, 1_000_000),
      }),
      variable({
        name: 'SEED',
        key: 'seed',
        default: '`demo` embedded, `none` with `DATABASE_URL`',
        description: '`demo` seeds the demo neighbourhood into an empty database; `none` seeds nothing.',
        parse: (raw, read: ReadVariable) => {
          const seed = (raw ?? (read('DATABASE_URL') === undefined ? 'demo' : 'none')) as SeedMode;
          if (seed !== 'demo' && seed !== 'none') throw new Refusal(`must be "demo" or "none", got "${seed}"`);
          return seed;
        },
      }),
    ],
  },
  {
    title: 'Sign-in',
    intro: 'Sign-in tokens are JWTs signed with one secret.',
    variables: [
      variable({
        name: 'JWT_SECRET',
        key: 'jwtSecret',
        default: '_(generated into `DATA_DIR/jwt-secret`)_',
        description:
          'Secret that signs sign-in tokens, at least 32 characters. Required when `NODE_ENV=production`. Changing it signs everybody out.',
        parse: (raw, read: ReadVariable) => {
          if (raw === undefined && read('NODE_ENV') === 'production') {
            throw new Refusal('is required when NODE_ENV=production');
          }
          if (raw !== undefined && raw.length < 32) throw new Refusal('must be at least 32 characters long');
          return raw ?? null;
        },
      }),
      variable({
        name: 'JWT_EXPIRES_IN',
        key: 'jwtExpiresIn',
        default: '`7d`',
        description: 'How long a sign-in lasts: a number followed by `s`, `m`, `h` or `d`.',
        parse: matching('7d', /^\d+[smhd]$/, (value) => `must look like 3600s, 60m, 12h or 7d, got "${value}"`),
      }),
      variable({
        name: 'AUTH_RATE_LIMIT',
        key: 'authRateLimit',
        default: '`20`',
        description: 'Registration and sign-in attempts allowed per minute per IP address.',
        parse: integer(20, 1, 1_000_000),
      }),
    ],
  },
  {
    title: 'Map',
    intro: 'What the web app’s map shows before the visitor shares a location.',
    variables: [
      variable({
        name: 'TILE_URL',
        key: 'tileUrl',
        default: `\`${OSM_TILES}\``,
        description:
          'Map tile URL template (http or https, with `{z}`, `{x}`, `{y}`; `{s}` subdomains allowed). The Content-Security-Policy allows images from this host.',
        parse: matching(
          OSM_TILES,
          /^https?:\/\/.+\{z\}.*\{x\}.*\{y\}/,
          () => 'must be an http(s) URL template containing {z}, {x} and {y}',
        ),
      }),
      variable({
        name: 'TILE_ATTRIBUTION',
        key: 'tileAttribution',
        default: 'OpenStreetMap credit for the default tiles, else none',
        description: 'Attribution shown on the map; set it whenever you change `TILE_URL`.',
        parse: (raw, read: ReadVariable) =>
          raw ?? ((read('TILE_URL') ?? OSM_TILES) === OSM_TILES ? OSM_ATTRIBUTION : ''),
      }),
      variable({
        name: 'MAP_CENTER_LAT',
        key: 'mapCenter.lat',
        default: '`52.4986`',
        description: 'Where the map opens: latitude, −90 to 90.',
        parse: coordinate(52.4986, 90),
      }),
      variable({
        name: 'MAP_CENTER_LNG',
        key: 'mapCenter.lng',
        default: '`13.4213`',
        description: '… and longitude, −180 to 180.',
        parse: coordinate(13.4213, 180),
      }),
      variable({
        name: 'MAP_ZOOM',
        key: 'mapZoom',
        default: '`14`',
        description: 'Initial zoom, 1 to 19.',
        parse: integer(14, 1, 19),
      }),
    ],
  },
  {
    title: 'Address search',
    intro:
      'Without `GEOCODER_URL` the search field finds towns and cities offline (GeoNames) and people click the map for an address. With it, searches go to that Photon or Nominatim server first; see [api.md](api.md#finding-towns-and-addresses) for its cache and usage policy.',
    variables: [
      variable({
        name: 'GEOCODER_URL',
        key: 'geocoderUrl',
        default: '_(unset: towns and cities only, offline)_',
        description:
          'Base address of a [Photon](https://github.com/komoot/photon) or [Nominatim](https://nominatim.org) server, e.g. `https://photon.komoot.io` or `https://nominatim.openstreetmap.org`. Streets and addresses are searched there; when it is slow, down or answers nonsense, the offline gazetteer answers instead. Needs `GEOCODER_CONTACT`. Public servers have usage policies: Nominatim’s allows one request per second, which this installation keeps to across all its processes.',
        parse: (raw, read: ReadVariable) => {
          if (raw === undefined) return null;
          if (read('GEOCODER_CONTACT') === undefined) {
            throw new Refusal('needs GEOCODER_CONTACT, who to reach about this installation’s requests');
          }
          return publicUrl(raw);
        },
      }),
      variable({
        name: 'GEOCODER_KIND',
        key: 'geocoderKind',
        default: '`detect`',
        description:
          '`photon`, `nominatim`, or `detect`: ask the server’s `/status` once, at the first search, which of the two it is.',
        parse: (raw) => {
          const kind = (raw ?? 'detect') as GeocoderKind;
          if (!['photon', 'nominatim', 'detect'].includes(kind)) {
            throw new Refusal(`must be "photon", "nominatim" or "detect", got "${kind}"`);
          }
          return kind;
        },
      }),
      variable({
        name: 'GEOCODER_CONTACT',
        key: 'geocoderContact',
        default: '_(unset)_',
        description:
          'An email address or web page of whoever runs this installation. It goes in the `User-Agent` of every geocoder request (with `PUBLIC_URL`, also sent as `Referer`), as Nominatim’s usage policy requires, so that the service can reach you instead of blocking you.',
        parse: (raw) => {
          if (raw === undefined) return null;
          if (!/^[^\s()<>;]+@[^\s()<>;]+$|^https?:\/\/[^\s()<>;]+$/.test(raw)) {
            throw new Refusal(`must be an email address or an http(s) URL, got "${raw}"`);
          }
          return raw;
        },
      }),
      variable({
        name: 'GEOCODER_TIMEOUT_MS',
        key: 'geocoderTimeoutMs',
        default: '`3000`',
        description:
          'How long, 100 to 60000 milliseconds, a search may wait for the geocoder (its turn under the rate limit included) before the offline gazetteer answers instead.',
        parse: integer(3000, 100, 60_000),
      }),
    ],
  },
  {
    title: 'Under load',
    intro:
      'API requests beyond the number served at once wait in one first-come, first-served line; see [api.md](api.md#busy-503) and [performance.md](performance.md).',
    variables: [
      variable({
        name: 'EMBEDDED_MAX_IN_FLIGHT',
        key: 'embeddedMaxInFlight',
        default: '`32`',
        description:
          'API requests served at once on the embedded database. It runs one query at a time on a thread of its own; the radius pages of the requests waiting meanwhile are answered together by its next statement.',
        parse: integer(32, 1, 100_000),
      }),
      variable({
        name: 'SERVER_MAX_IN_FLIGHT',
        key: 'serverMaxInFlight',
        default: '`32`',
        description:
          'API requests served at once with `DATABASE_URL`. Either way one turn of the event loop starts at most this many, so new connections are let in even while open ones keep the server busy.',
        parse: integer(32, 1, 100_000),
      }),
      variable({
        name: 'SERVER_RADIUS_STATEMENTS',
        key: 'serverRadiusStatements',
        default: '`2`',
        description:
          'Radius pages (`/api/nearby`, `/api/places`, `/api/groups`, `/api/posts` near a point) whose statements run at once on a PostgreSQL server. Pages asked for meanwhile with the same kinds, page size and cursor wait and are answered together by the next statement, which costs the database less per page. Raise it for a database server with more cores.',
        parse: integer(2, 1, 1000),
      }),
      variable({
        name: 'MAX_QUEUED',
        key: 'maxQueued',
        default: '`1000`',
        description:
          'Requests that may wait in that line; beyond it the server answers `503 busy` with `Retry-After: 1` at once.',
        parse: integer(1000, 0, 1_000_000),
      }),
    ],
  },
  {
    title: 'Email',
    intro:
      'Notifications by email (see [api.md](api.md#notifications)). Without `SMTP_URL` email is off, and the notification settings say so.',
    variables: [
      variable({
        name: 'SMTP_URL',
        key: 'smtpUrl',
        default: '_(unset: email off)_',
        description:
          '`smtp://user:password@host:587` (upgraded with STARTTLS whenever the server offers it) or `smtps://…:465` (TLS from the start). Needs `PUBLIC_URL`.',
        parse: (raw, read: ReadVariable) => {
          if (raw === undefined) return null;
          let url: URL;
          try {
            url = new URL(raw);
          } catch {
            throw new Refusal('is not a valid URL (expected smtp://user:password@host:587)');
          }
          if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
            throw new Refusal(`must start with smtp:// or smtps://, got "${url.protocol}//"`);
          }
          if (read('PUBLIC_URL') === undefined) throw new Refusal('needs PUBLIC_URL, the base of the links in emails');
          return raw;
        },
      }),
      variable({
        name: 'MAIL_FROM',
        key: 'mailFrom',
        default: '`Vicinity <no-reply@HOST>`, HOST from `PUBLIC_URL`',
        description: 'The sender of emails, an address or `Name <address>`.',
        parse: (raw, read: ReadVariable) => {
          if (raw !== undefined) {
            if (!/^[^<>@\s]+@[^<>@\s]+$|^[^<>]*<[^<>@\s]+@[^<>@\s]+>$/.test(raw)) {
              throw new Refusal(`must be an address or "Name <address>", got "${raw}"`);
            }
            return raw;
          }
          const base = read('PUBLIC_URL');
          let host = 'localhost';
          try {
            if (base !== undefined) host = new URL(base).hostname;
          } catch {
            // PUBLIC_URL refuses itself with a clearer message.
          }
          return `Vicinity <no-reply@${host}>`;
        },
      }),
    ],
  },
  {
    title: 'Photos',
    intro:
      'Uploaded photos are kept as renditions only (see [privacy.md](privacy.md#photos)): under `DATA_DIR/media`, or in an S3-compatible bucket that several servers can share.',
    variables: [
      variable({
        name: 'MEDIA_MAX_BYTES',
        key: 'mediaMaxBytes',
        default: '`15728640` (15 MiB)',
        description:
          'Largest photo file accepted, 1024 to 104857600 (100 MiB). A larger upload is answered `413` as soon as it passes the limit.',
        parse: integer(15 * 1024 * 1024, 1024, 100 * 1024 * 1024),
      }),
      variable({
        name: 'MEDIA_MAX_PIXELS',
        key: 'mediaMaxPixels',
        default: '`50000000`',
        description:
          'Most pixels (width × height) a photo may have, 1 to 268402689. Checked from the file’s header before anything is decoded, so a small file claiming a huge image is refused.',
        parse: integer(50_000_000, 1, 268_402_689),
      }),
      variable({
        name: 'MEDIA_CONCURRENCY',
        key: 'mediaConcurrency',
        default: '`1`',
        description:
          'Photos processed at once, 1 to 64, on threads beside the event loop; further uploads wait their turn. Leave a core or more for the API and the database: on two cores, 1 (see [performance.md](performance.md#photos)).',
        parse: integer(1, 1, 64),
      }),
      variable({
        name: 'MEDIA_S3_URL',
        key: 'mediaS3Url',
        default: '_(unset: files under `DATA_DIR/media`)_',
        description:
          'Keep photos in an S3-compatible bucket: `https://endpoint/bucket` (path-style, e.g. MinIO or Garage), optionally with a key prefix after the bucket, or `s3://bucket` for Amazon S3 itself. The bucket must exist.',
        parse: (raw) => {
          if (raw === undefined) return null;
          let url: URL;
          try {
            url = new URL(raw);
          } catch {
            throw new Refusal('is not a valid URL (expected https://endpoint/bucket or s3://bucket)');
          }
          const bucket = url.protocol === 's3:' ? url.hostname : url.pathname.split('/').filter(Boolean)[0];
          if (!['http:', 'https:', 's3:'].includes(url.protocol) || !bucket) {
            throw new Refusal('must look like https://endpoint/bucket or s3://bucket');
          }
          return raw;
        },
      }),
      variable({
        name: 'MEDIA_S3_REGION',
        key: 'mediaS3Region',
        default: '`us-east-1`',
        description: 'Region of the bucket (most S3-compatible servers accept any).',
        parse: matching(
          'us-east-1',
          /^[a-z0-9-]+$/,
          (value) => `is not a region name like eu-central-1, got "${value}"`,
        ),
      }),
      variable({
        name: 'MEDIA_S3_ACCESS_KEY_ID',
        key: 'mediaS3AccessKeyId',
        default: '_(unset: the AWS SDK’s usual sources)_',
        description:
          'Access key for the bucket, with `MEDIA_S3_SECRET_ACCESS_KEY`. Unset, the SDK looks where it always does (`AWS_ACCESS_KEY_ID`, an instance role…).',
        parse: (raw, read: ReadVariable) => {
          if ((raw === undefined) !== (read('MEDIA_S3_SECRET_ACCESS_KEY') === undefined)) {
            throw new Refusal('and MEDIA_S3_SECRET_ACCESS_KEY must be set together');
          }
          return raw ?? null;
        },
      }),
      variable({
        name: 'MEDIA_S3_SECRET_ACCESS_KEY',
        key: 'mediaS3SecretAccessKey',
        default: '_(unset)_',
        description: 'Secret of that access key.',
        parse: (raw) => raw ?? null,
      }),
    ],
  },
  {
    title: 'Moderation',
    intro:
      'Who the site admins are, and the automatic first line that holds new accounts’ posts for review (see [api.md](api.md#moderation-and-safety)).',
    variables: [
      variable({
        name: 'ADMIN_EMAILS',
        key: 'adminEmails',
        default: '_(empty: no admins but those granted with `npm run admin`)_',
        description:
          'Comma-separated emails of the site admins, e.g. `ana@example.org,li@example.org`. Admins see every report and may suspend accounts. `npm run admin -- grant|revoke <email>` adds or removes admins in the database.',
        parse: (raw) =>
          (raw ?? '')
            .split(',')
            .map((email) => email.trim().toLowerCase())
            .filter(Boolean),
      }),
      variable({
        name: 'NEW_ACCOUNT_HOURS',
        key: 'newAccountHours',
        default: '`24`',
        description: 'How long an account counts as new, 0 to 8760 hours (0: no account is new).',
        parse: integer(24, 0, 8760),
      }),
      variable({
        name: 'NEW_ACCOUNT_POSTS_PER_HOUR',
        key: 'newAccountPostsPerHour',
        default: '`5`',
        description:
          'Posts and comments a new account may publish per hour, 1 to 10000; further ones are held for review.',
        parse: integer(5, 1, 10_000),
      }),
      variable({
        name: 'NEW_ACCOUNT_MAX_LINKS',
        key: 'newAccountMaxLinks',
        default: '`2`',
        description: 'Links a new account’s post or comment may carry, 0 to 1000; with more it is held for review.',
        parse: integer(2, 0, 1000),
      }),
      variable({
        name: 'REPORTS_PER_HOUR',
        key: 'reportsPerHour',
        default: '`30`',
        description: 'Reports one person may file per hour, 1 to 100000; more are answered `429`.',
        parse: integer(30, 1, 100_000),
      }),
    ],
  },
] as const satisfies readonly Section<Variable<ConfigPath>>[];

/** Every variable the server reads, in the order they are checked. */
export const SERVER_VARIABLES: readonly Variable<ConfigPath>[] = SERVER_SECTIONS.flatMap(
  (section): readonly Variable<ConfigPath>[] => section.variables,
);

// Every Config field is filled by exactly the variables above: a field without an entry fails here.
type Declared = (typeof SERVER_SECTIONS)[number]['variables'][number]['key'];
const _everyFieldDeclared: Exclude<ConfigPath, Declared> extends never ? true : never = true;
void _everyFieldDeclared;

type Env = Record<string, string | undefined>;

export function loadConfig(env: Env = process.env): Config {
  const read: ReadVariable = (name) => {
    const value = env[name];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  };
  const config: Record<string, unknown> = {};
  for (const entry of SERVER_VARIABLES) {
    let value: unknown;
    try {
      value = entry.parse(read(entry.name), read);
    } catch (error) {
      if (error instanceof Refusal) throw new ConfigError(entry.name, error.message);
      throw error;
    }
    const [field, inner] = entry.key.split('.') as [string, string | undefined];
    if (inner === undefined) config[field] = value;
    else config[field] = { ...(config[field] as object | undefined), [inner]: value };
  }
  return config as unknown as Config;
}
