/**
 * The shape of the environment-variable spec, and the parsers its entries are built from.
 *
 * Every variable is declared once, with what people read about it (default and meaning) beside
 * the code that checks it: `loadConfig()` reads the server's variables from that spec, and
 * `npm run docs:config` renders the same spec as docs/configuration.md, so the two cannot drift.
 * The server's own spec is in index.ts; the variables only the tests and the benchmark read are
 * declared at the end of this file, for the reference alone.
 */

/** A variable as the reference shows it. Text is Markdown, on one line. */
export interface DocumentedVariable {
  name: string;
  /** The default as people should read it, e.g. "`3000`" or "_(unset: embedded database)_". */
  default: string;
  description: string;
}

/** Reads another variable's value (trimmed; blank counts as unset), for defaults that depend on it. */
export type ReadVariable = (name: string) => string | undefined;

/** A variable the server reads: where its value goes in the config, and how it is checked. */
export interface Variable<Key extends string = string, Value = unknown> extends DocumentedVariable {
  key: Key;
  /** Gets the trimmed value, or undefined when unset or blank; throws a Refusal for a bad one. */
  parse(value: string | undefined, read: ReadVariable): Value;
}

export interface Section<V extends DocumentedVariable = DocumentedVariable> {
  title: string;
  /** A sentence or two above the section's table. */
  intro: string;
  variables: readonly V[];
}

/** A refused value. Its message completes "NAME: …", the one line people see at start. */
export class Refusal extends Error {}

/** Whole numbers from min to max. */
export function integer(fallback: number, min: number, max: number) {
  return (raw: string | undefined): number => {
    if (raw === undefined) return fallback;
    if (!/^\d+$/.test(raw)) throw new Refusal(`must be a whole number, got "${raw}"`);
    const value = Number(raw);
    if (value < min || value > max) throw new Refusal(`must be between ${min} and ${max}, got ${value}`);
    return value;
  };
}

/** A latitude (limit 90) or longitude (limit 180) in degrees. */
export function coordinate(fallback: number, limit: number) {
  return (raw: string | undefined): number => {
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isFinite(value) || Math.abs(value) > limit) {
      throw new Refusal(`must be a number between -${limit} and ${limit}, got "${raw}"`);
    }
    return value;
  };
}

/** Text that must match a pattern; `explain` is the refusal, given the value. */
export function matching(fallback: string, pattern: RegExp, explain: (raw: string) => string) {
  return (raw: string | undefined): string => {
    const value = raw ?? fallback;
    if (!pattern.test(value)) throw new Refusal(explain(value));
    return value;
  };
}

/** Variables that only the test suites read (they are not part of the server's config). */
export const TEST_SECTION: Section = {
  title: 'Tests',
  intro: 'Read by `npm test` only; the server ignores them.',
  variables: [
    {
      name: 'TEST_DATABASE_URL',
      default: '_(unset: PostGIS run skipped)_',
      description:
        'A PostgreSQL + PostGIS server where the tests may create and drop databases; enables the PostGIS run of the API suite.',
    },
    {
      name: 'CI',
      default: '_(unset)_',
      description:
        '`true` makes a missing `TEST_DATABASE_URL` or Chromium fail the run instead of skipping those suites.',
    },
    {
      name: 'CHROMIUM_PATH',
      default: '`/usr/bin/chromium`',
      description: 'Chromium for the browser tests and the benchmark’s web app measure.',
    },
  ],
};

/** Variables that only `npm run bench` reads. */
export const BENCH_SECTION: Section = {
  title: 'Benchmark',
  intro: 'Read by `npm run bench` only; see [performance.md](performance.md) for what it measures.',
  variables: [
    {
      name: 'BENCH_SCALE',
      default: '`full`',
      description:
        '`full`: 100,000 users, 100,000 places, 10,000 groups, 100,000 meetups, 1,000,000 posts and one 5,000-comment discussion; `small`: a twentieth of that; `embedded`: the embedded database alone, with 100,000 places.',
    },
    {
      name: 'DATABASE_URL',
      default: '`postgres://postgres:postgres@127.0.0.1:5432/postgres`',
      description: 'The PostgreSQL server on which the benchmark creates its own database, `vicinity_bench_<scale>`.',
    },
    {
      name: 'BENCH_REUSE',
      default: '_(unset)_',
      description:
        '`1` keeps a database the current seed already wrote at that scale (migrations still run), and the web app measure’s embedded demo database from the run before.',
    },
    {
      name: 'BENCH_SEED_ONLY',
      default: '_(unset)_',
      description: '`1` seeds, then stops.',
    },
    {
      name: 'BENCH_SECONDS',
      default: '`10`, `3` for `small`',
      description: 'Length of each load test, in seconds.',
    },
    {
      name: 'BENCH_POOL_SIZE',
      default: '`16`',
      description: 'Connection pool of the server under test.',
    },
    {
      name: 'BENCH_REPLICA_URL',
      default: '_(unset: the benchmark makes its own)_',
      description:
        'A streaming replica of the `DATABASE_URL` server (any database name: the benchmark’s own is used), for `/api/nearby` read from a replica against the primary only. Unset, the benchmark makes a primary and a `pg_basebackup` replica of its own on this machine with the PostgreSQL 15 binaries (small-scale data), and removes them after; it does not make a replica of a server it shares.',
    },
  ],
};
