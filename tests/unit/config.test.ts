/**
 * loadConfig() is the only reader of the environment: these tests pin its defaults and make
 * sure every bad value is refused with an error naming the variable, before the server starts.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, SERVER_VARIABLES, loadConfig } from '../../server/src/config/index.js';

const OSM_TILES = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
const SECRET = 'x'.repeat(32);

function refusal(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe('loadConfig defaults', () => {
  it('starts an embedded, development server on 127.0.0.1:3000 with the demo area', () => {
    expect(loadConfig({})).toEqual({
      port: 3000,
      host: '127.0.0.1',
      databaseUrl: null,
      dataDir: path.resolve('data'),
      diskMinFreeMb: 64,
      geocoderUrl: null,
      geocoderKind: 'detect',
      geocoderContact: null,
      geocoderTimeoutMs: 3000,
      jwtSecret: null,
      jwtExpiresIn: '7d',
      logLevel: 'info',
      seed: 'demo',
      production: false,
      corsOrigins: [],
      tileUrl: OSM_TILES,
      tileAttribution: '&copy; OpenStreetMap contributors',
      mapCenter: { lat: 52.4986, lng: 13.4213 },
      mapZoom: 14,
      authRateLimit: 20,
      bodyLimitBytes: 256 * 1024,
      embeddedMaxInFlight: 32,
      serverMaxInFlight: 32,
      serverRadiusStatements: 2,
      maxQueued: 1000,
      publicUrl: null,
      trustProxy: false,
      metricsToken: null,
      shutdownTimeoutMs: 10_000,
      databaseReplicaUrls: [],
      replicaMaxLagMs: 1000,
      smtpUrl: null,
      mailFrom: 'Vicinity <no-reply@localhost>',
      mediaMaxBytes: 15 * 1024 * 1024,
      mediaMaxPixels: 50_000_000,
      mediaConcurrency: 1,
      mediaS3Url: null,
      mediaS3Region: 'us-east-1',
      mediaS3AccessKeyId: null,
      mediaS3SecretAccessKey: null,
      adminEmails: [],
      newAccountHours: 24,
      newAccountPostsPerHour: 5,
      newAccountMaxLinks: 2,
      reportsPerHour: 30,
    });
  });

  it('takes an S3-compatible bucket for photos, with both halves of its key or neither', () => {
    const s3 = { MEDIA_S3_URL: 'https://s3.example.org/photos/vicinity' };
    expect(loadConfig(s3).mediaS3Url).toBe('https://s3.example.org/photos/vicinity');
    expect(() => loadConfig({ MEDIA_S3_URL: 'ftp://example.org/bucket' })).toThrow(/MEDIA_S3_URL/);
    expect(() => loadConfig({ MEDIA_S3_URL: 'https://s3.example.org/' })).toThrow(/MEDIA_S3_URL/);
    expect(() => loadConfig({ ...s3, MEDIA_S3_ACCESS_KEY_ID: 'id' })).toThrow(/MEDIA_S3_ACCESS_KEY_ID/);
    expect(
      loadConfig({ ...s3, MEDIA_S3_ACCESS_KEY_ID: 'id', MEDIA_S3_SECRET_ACCESS_KEY: 'secret' }).mediaS3AccessKeyId,
    ).toBe('id');
    expect(() => loadConfig({ MEDIA_MAX_BYTES: '10' })).toThrow(/MEDIA_MAX_BYTES/);
  });

  it('does not read process.env when given an environment', () => {
    const saved = process.env.PORT;
    process.env.PORT = '4444';
    try {
      expect(loadConfig({}).port).toBe(3000);
    } finally {
      if (saved === undefined) delete process.env.PORT;
      else process.env.PORT = saved;
    }
  });

  it('treats blank values as unset', () => {
    const config = loadConfig({ PORT: '  ', DATABASE_URL: '', LOG_LEVEL: ' ', JWT_SECRET: '' });
    expect(config).toMatchObject({ port: 3000, databaseUrl: null, logLevel: 'info', jwtSecret: null });
  });

  it('trims values and resolves DATA_DIR to an absolute path', () => {
    const config = loadConfig({ PORT: ' 8080 ', DATA_DIR: ' some/dir ' });
    expect(config.port).toBe(8080);
    expect(config.dataDir).toBe(path.resolve('some/dir'));
    expect(path.isAbsolute(config.dataDir)).toBe(true);
  });

  it('accepts PORT=0 (any free port) and the edges of the range', () => {
    expect(loadConfig({ PORT: '0' }).port).toBe(0);
    expect(loadConfig({ PORT: '65535' }).port).toBe(65535);
  });
});

describe('SEED', () => {
  it('defaults to demo on the embedded database', () => {
    expect(loadConfig({}).seed).toBe('demo');
  });

  it('defaults to none with DATABASE_URL, so a shared database never gets demo data by accident', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/vicinity' }).seed).toBe('none');
  });

  it('can be set either way explicitly', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/vicinity', SEED: 'demo' }).seed).toBe('demo');
    expect(loadConfig({ SEED: 'none' }).seed).toBe('none');
  });

  it('refuses other values', () => {
    expect(refusal({ SEED: 'all' })).toMatchObject({ variable: 'SEED' });
  });
});

describe('DATABASE_URL', () => {
  it.each(['postgres://u:p@127.0.0.1:5432/vicinity', 'postgresql://u@db/vicinity?sslmode=require'])(
    'accepts %s unchanged',
    (url) => {
      expect(loadConfig({ DATABASE_URL: url }).databaseUrl).toBe(url);
    },
  );

  it('refuses other protocols, naming the one it got', () => {
    const error = refusal({ DATABASE_URL: 'mysql://x' });
    expect(error.variable).toBe('DATABASE_URL');
    expect(error.message).toContain('"mysql://"');
  });

  it('refuses text that is not a URL', () => {
    expect(refusal({ DATABASE_URL: 'localhost:5432' }).variable).toBe('DATABASE_URL');
    expect(refusal({ DATABASE_URL: 'not a url' }).variable).toBe('DATABASE_URL');
  });
});

describe('JWT_SECRET and NODE_ENV', () => {
  it('is required in production', () => {
    expect(refusal({ NODE_ENV: 'production' })).toMatchObject({ variable: 'JWT_SECRET' });
  });

  it('starts in production with a secret', () => {
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: SECRET })).toMatchObject({
      production: true,
      jwtSecret: SECRET,
    });
  });

  it('refuses a secret shorter than 32 characters, even outside production', () => {
    expect(refusal({ JWT_SECRET: 'x'.repeat(31) })).toMatchObject({ variable: 'JWT_SECRET' });
  });

  it('treats any NODE_ENV other than production as development', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).production).toBe(false);
  });

  it.each(['3600s', '60m', '12h', '30d'])('accepts JWT_EXPIRES_IN=%s', (value) => {
    expect(loadConfig({ JWT_EXPIRES_IN: value }).jwtExpiresIn).toBe(value);
  });

  it.each(['forever', '7', '1w', '-1d'])('refuses JWT_EXPIRES_IN=%s', (value) => {
    expect(refusal({ JWT_EXPIRES_IN: value }).variable).toBe('JWT_EXPIRES_IN');
  });
});

describe('CORS_ORIGINS', () => {
  it('is a comma-separated list; spaces and empty entries are dropped', () => {
    expect(loadConfig({ CORS_ORIGINS: ' https://a.example , ,https://b.example:8443,' }).corsOrigins).toEqual([
      'https://a.example',
      'https://b.example:8443',
    ]);
  });

  it('keeps CORS off when unset', () => {
    expect(loadConfig({}).corsOrigins).toEqual([]);
  });
});

describe('TILE_URL and TILE_ATTRIBUTION', () => {
  it('accepts an http(s) template with {z}, {x} and {y}, including {s} subdomains', () => {
    const url = 'https://{s}.tiles.example/{z}/{x}/{y}@2x.png';
    expect(loadConfig({ TILE_URL: url }).tileUrl).toBe(url);
  });

  it.each([
    ['no placeholders', 'https://tiles.example/tile.png'],
    ['a missing {y}', 'https://tiles.example/{z}/{x}.png'],
    ['placeholders out of order', 'https://tiles.example/{x}/{y}/{z}.png'],
    ['another scheme', 'ftp://tiles.example/{z}/{x}/{y}.png'],
  ])('refuses %s', (_case, url) => {
    expect(refusal({ TILE_URL: url }).variable).toBe('TILE_URL');
  });

  it('credits OpenStreetMap only for the OpenStreetMap tiles', () => {
    expect(loadConfig({ TILE_URL: 'https://tiles.example/{z}/{x}/{y}.png' }).tileAttribution).toBe('');
    expect(
      loadConfig({ TILE_URL: 'https://tiles.example/{z}/{x}/{y}.png', TILE_ATTRIBUTION: 'Example Maps' })
        .tileAttribution,
    ).toBe('Example Maps');
  });
});

describe('refused values name their variable', () => {
  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PORT', '-1'],
    ['PORT', '80.5'],
    ['LOG_LEVEL', 'loud'],
    ['LOG_LEVEL', 'INFO'],
    ['HOST', 'bad host'],
    ['HOST', 'http://example.org/'],
    ['MAP_CENTER_LAT', '91'],
    ['MAP_CENTER_LNG', 'east'],
    ['MAP_CENTER_LNG', '-180.5'],
    ['MAP_ZOOM', '0'],
    ['MAP_ZOOM', '20'],
    ['AUTH_RATE_LIMIT', '0'],
    ['BODY_LIMIT_BYTES', '10'],
    ['EMBEDDED_MAX_IN_FLIGHT', '0'],
    ['SERVER_MAX_IN_FLIGHT', '0'],
    ['MAX_QUEUED', '-1'],
  ])('%s=%s', (variable, value) => {
    const error = refusal({ [variable]: value });
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.variable).toBe(variable);
    // main.ts prints this message as the single line people see: it must name the variable.
    expect(error.message.startsWith(`${variable}: `)).toBe(true);
  });

  it('accepts the valid neighbours of those values', () => {
    expect(
      loadConfig({
        HOST: '0.0.0.0',
        LOG_LEVEL: 'silent',
        MAP_CENTER_LAT: '-90',
        MAP_CENTER_LNG: '180',
        MAP_ZOOM: '19',
        AUTH_RATE_LIMIT: '1',
        BODY_LIMIT_BYTES: '1024',
        EMBEDDED_MAX_IN_FLIGHT: '3',
        SERVER_MAX_IN_FLIGHT: '8',
        SERVER_RADIUS_STATEMENTS: '4',
        MAX_QUEUED: '0',
      }),
    ).toMatchObject({
      host: '0.0.0.0',
      logLevel: 'silent',
      mapCenter: { lat: -90, lng: 180 },
      mapZoom: 19,
      authRateLimit: 1,
      bodyLimitBytes: 1024,
      embeddedMaxInFlight: 3,
      serverMaxInFlight: 8,
      serverRadiusStatements: 4,
      maxQueued: 0,
    });
  });
});

describe('the spec of variables', () => {
  it('declares every variable loadConfig() reads, and loadConfig() reads every one it declares', () => {
    const asked = new Set<string>();
    const env = new Proxy({} as Record<string, string | undefined>, {
      get: (_target, name) => {
        if (typeof name === 'string') asked.add(name);
        return undefined;
      },
    });
    loadConfig(env);
    const declared = SERVER_VARIABLES.map((variable) => variable.name);
    expect(new Set(declared).size).toBe(declared.length);
    expect([...asked].sort()).toEqual([...declared].sort());
  });

  it('shows as each default the value loadConfig() uses when the variable is unset', () => {
    const literal = /^`([^`]+)`$/;
    const checked = SERVER_VARIABLES.filter((variable) => literal.test(variable.default));
    expect(checked.map((variable) => variable.name)).toContain('PORT');
    for (const variable of checked) {
      const shown = literal.exec(variable.default)![1]!;
      expect(loadConfig({ [variable.name]: shown }), variable.name).toEqual(loadConfig({}));
    }
  });
});
