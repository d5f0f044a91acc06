/**
 * Configuration: read once from the environment, validated, then passed down as a typed object.
 * Nothing else in the server reads process.env.
 */
import path from 'node:path';

export type SeedMode = 'demo' | 'none';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface Config {
  port: number;
  host: string;
  /** Real PostgreSQL + PostGIS when set; embedded PGlite otherwise. */
  databaseUrl: string | null;
  dataDir: string;
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

const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

const OSM_TILES = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
const OSM_ATTRIBUTION = '&copy; OpenStreetMap contributors';

type Env = Record<string, string | undefined>;

function read(env: Env, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

function coordinate(env: Env, name: string, fallback: number, limit: number): number {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || Math.abs(value) > limit) {
    throw new ConfigError(name, `must be a number between -${limit} and ${limit}, got "${raw}"`);
  }
  return value;
}

function databaseUrl(env: Env): string | null {
  const raw = read(env, 'DATABASE_URL');
  if (raw === undefined) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('DATABASE_URL', 'is not a valid URL (expected postgres://user:password@host:5432/database)');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError('DATABASE_URL', `must start with postgres:// or postgresql://, got "${url.protocol}//"`);
  }
  return raw;
}

export function loadConfig(env: Env = process.env): Config {
  const production = read(env, 'NODE_ENV') === 'production';

  const logLevel = (read(env, 'LOG_LEVEL') ?? 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);
  }

  const dbUrl = databaseUrl(env);
  const seed = (read(env, 'SEED') ?? (dbUrl === null ? 'demo' : 'none')) as SeedMode;
  if (seed !== 'demo' && seed !== 'none') throw new ConfigError('SEED', `must be "demo" or "none", got "${seed}"`);

  const jwtSecret = read(env, 'JWT_SECRET') ?? null;
  if (jwtSecret === null && production) {
    throw new ConfigError('JWT_SECRET', 'is required when NODE_ENV=production');
  }
  if (jwtSecret !== null && jwtSecret.length < 32) {
    throw new ConfigError('JWT_SECRET', 'must be at least 32 characters long');
  }

  const host = read(env, 'HOST') ?? '127.0.0.1';
  if (!/^[\w.:-]+$/.test(host)) throw new ConfigError('HOST', `is not a valid host name or address, got "${host}"`);

  const tileUrl = read(env, 'TILE_URL') ?? OSM_TILES;
  if (!/^https?:\/\/.+\{z\}.*\{x\}.*\{y\}/.test(tileUrl)) {
    throw new ConfigError('TILE_URL', 'must be an http(s) URL template containing {z}, {x} and {y}');
  }

  const jwtExpiresIn = read(env, 'JWT_EXPIRES_IN') ?? '7d';
  if (!/^\d+[smhd]$/.test(jwtExpiresIn)) {
    throw new ConfigError('JWT_EXPIRES_IN', `must look like 3600s, 60m, 12h or 7d, got "${jwtExpiresIn}"`);
  }

  return {
    port: integer(env, 'PORT', 3000, 0, 65535),
    host,
    databaseUrl: dbUrl,
    dataDir: path.resolve(read(env, 'DATA_DIR') ?? './data'),
    jwtSecret,
    jwtExpiresIn,
    logLevel,
    seed,
    production,
    corsOrigins: (read(env, 'CORS_ORIGINS') ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    tileUrl,
    tileAttribution: read(env, 'TILE_ATTRIBUTION') ?? (tileUrl === OSM_TILES ? OSM_ATTRIBUTION : ''),
    mapCenter: {
      lat: coordinate(env, 'MAP_CENTER_LAT', 52.4986, 90),
      lng: coordinate(env, 'MAP_CENTER_LNG', 13.4213, 180),
    },
    mapZoom: integer(env, 'MAP_ZOOM', 14, 1, 19),
    authRateLimit: integer(env, 'AUTH_RATE_LIMIT', 20, 1, 1_000_000),
    bodyLimitBytes: integer(env, 'BODY_LIMIT_BYTES', 256 * 1024, 1024, 50 * 1024 * 1024),
    embeddedMaxInFlight: integer(env, 'EMBEDDED_MAX_IN_FLIGHT', 32, 1, 100_000),
    serverMaxInFlight: integer(env, 'SERVER_MAX_IN_FLIGHT', 32, 1, 100_000),
    serverRadiusStatements: integer(env, 'SERVER_RADIUS_STATEMENTS', 2, 1, 1000),
    maxQueued: integer(env, 'MAX_QUEUED', 1000, 0, 1_000_000),
  };
}
