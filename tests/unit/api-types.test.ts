/**
 * The web app's API types are generated from the server's schemas and committed: this fails
 * while the committed file differs from what `npm run api:types` would write now.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { API_TYPES_FILE, generateApiTypes, openapiDocument } from '../../server/scripts/api-types.js';

describe('generated API types', () => {
  it('match the committed web/src/lib/api/schema.d.ts', async () => {
    const [generated, committed] = await Promise.all([generateApiTypes(), readFile(API_TYPES_FILE, 'utf8')]);
    expect(committed, 'web/src/lib/api/schema.d.ts is stale: run npm run api:types').toBe(generated);
    // The same schemas give the same file, so the check above only fails for a real change.
    expect(await generateApiTypes()).toBe(generated);
  });

  it('come from a document whose answers are named components', async () => {
    const document = await openapiDocument();
    expect(Object.keys(document.components?.schemas ?? {})).toEqual(
      expect.arrayContaining(['Place', 'Group', 'Event', 'EventSummary', 'Post', 'MapFeature', 'ErrorBody']),
    );
    const place = document.paths?.['/api/places/{id}'] as { get?: { responses?: Record<string, unknown> } };
    const answer = place.get?.responses?.['200'];
    expect(answer).toMatchObject({
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Place' } } },
    });
  });
});
