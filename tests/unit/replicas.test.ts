import { describe, expect, it } from 'vitest';
import {
  caughtUp,
  currentReadContext,
  parseLsn,
  readingFromReplicas,
  withMergedReadContext,
} from '../../server/src/db/replicas.js';

describe('WAL positions', () => {
  it('parse as numbers that order like the positions', () => {
    expect(parseLsn('0/3001178')).toBe(0x3001178n);
    expect(parseLsn('16/B374D848')! > parseLsn('15/FFFFFFFF')!).toBe(true);
    expect(parseLsn('1/0')! > parseLsn('0/FFFFFFFF')!).toBe(true);
    for (const bad of [undefined, null, '', '0/', '/1', '0x1/2', '123456789/0', '1/2; drop'])
      expect(parseLsn(bad)).toBeNull();
  });

  it('count a replica as caught up at the position, or just short of a new page only an idle primary shows', () => {
    expect(caughtUp(100n, 100n)).toBe(true);
    expect(caughtUp(101n, 100n)).toBe(true);
    expect(caughtUp(99n, 100n)).toBe(false);
    expect(caughtUp(8192n * 5n, 8192n * 5n + 24n)).toBe(true);
    expect(caughtUp(8192n * 5n - 100n, 8192n * 5n + 24n)).toBe(false);
  });
});

describe('read contexts', () => {
  it('are absent (primary only) unless a request runs in one', () => {
    expect(currentReadContext()).toBeUndefined();
    readingFromReplicas({ minLsn: 5n }, () => expect(currentReadContext()).toEqual({ minLsn: 5n }));
  });

  it('merge to the strictest: the primary if one request needs it, else the latest write of any', async () => {
    const seen = (contexts: Parameters<typeof withMergedReadContext>[0]) =>
      readingFromReplicas({ minLsn: 1n }, () => withMergedReadContext(contexts, () => currentReadContext()));
    expect(seen([{ minLsn: null }, { minLsn: 7n }, { minLsn: 3n }])).toEqual({ minLsn: 7n });
    expect(seen([{ minLsn: null }, { minLsn: null }])).toEqual({ minLsn: null });
    expect(seen([{ minLsn: 7n }, undefined])).toBeUndefined();
    // It carries across awaits.
    const later = await readingFromReplicas({ minLsn: 9n }, async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      return currentReadContext();
    });
    expect(later).toEqual({ minLsn: 9n });
  });
});
