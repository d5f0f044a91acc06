/**
 * docs/configuration.md is rendered from the declared environment variables: the committed page
 * must be what the spec renders now, so the reference never describes another version.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { CONFIGURATION_DOC, renderConfigurationDocs } from '../../server/scripts/config-docs.js';
import { SERVER_VARIABLES } from '../../server/src/config/index.js';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('docs/configuration.md', () => {
  it('is what the config spec renders now', async () => {
    const rendered = await renderConfigurationDocs();
    const committed = await readFile(CONFIGURATION_DOC, 'utf8').catch(() => '');
    if (committed !== rendered) {
      expect.fail('docs/configuration.md is stale: run npm run docs:config');
    }
  });

  it('has a row for every variable the server reads, with its default', async () => {
    const rendered = await renderConfigurationDocs();
    for (const variable of SERVER_VARIABLES) {
      expect(rendered).toMatch(new RegExp(`^\\| \`${variable.name}\` +\\| ${escape(variable.default)}`, 'm'));
    }
  });
});
