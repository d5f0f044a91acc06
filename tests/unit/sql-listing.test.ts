import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderListings, SQL_DIR } from '../../server/scripts/sql-dump.js';

describe('the committed SQL listing (server/sql)', () => {
  it('is what the queries compile to now: run `npm run sql:dump` after changing a query', async () => {
    const listings = await renderListings();
    const committed = (await readdir(SQL_DIR, { recursive: true }))
      .filter((file) => file.endsWith('.sql'))
      .map((file) => file.split(path.sep).join('/'))
      .sort();
    expect(committed, 'listings without a file of queries (or missing ones)').toEqual([...listings.keys()].sort());
    for (const [relative, text] of listings) {
      const onDisk = await readFile(path.join(SQL_DIR, relative), 'utf8');
      expect(onDisk, `server/sql/${relative} is stale: run npm run sql:dump`).toBe(text);
    }
  });

  it('lists the statements of each query, e.g. the RSVP count and the radius page', async () => {
    const listings = await renderListings();
    expect(listings.get('modules/events/rsvp-queries.sql')).toMatch(/-- countGoing\nselect\n\s+count\(\*\)::int/);
    expect(listings.get('items/radius-query.sql')).toContain('nearby_items');
  });
});
