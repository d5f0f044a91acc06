/**
 * Renders docs/configuration.md from the declared environment variables (server/src/config), so
 * the reference is the code's own account of them. `npm run docs:config` writes it; a unit test
 * fails when the committed file is not what this renders.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import prettier from 'prettier';
import { SERVER_SECTIONS } from '../src/config/index.js';
import { BENCH_SECTION, TEST_SECTION, type Section } from '../src/config/variables.js';

export const CONFIGURATION_DOC = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../docs/configuration.md',
);

const HEADER = `<!-- Generated from server/src/config by \`npm run docs:config\`: edit the spec there, not this file. -->

# Configuration

Everything is configured through environment variables, read and checked once at start by
\`loadConfig()\` (server/src/config). A bad value stops the server with exit code 1 and one line naming the variable,
e.g. \`Configuration error: PORT: must be a whole number, got "abc"\`. Blank values count as unset; values are trimmed.
`;

/** Keeps a table cell on one row: a pipe would end the cell. */
const cell = (text: string) => text.replace(/\|/g, '\\|');

function table(section: Section): string {
  const rows = section.variables.map(
    (variable) => `| \`${variable.name}\` | ${cell(variable.default)} | ${cell(variable.description)} |`,
  );
  return [
    `## ${section.title}`,
    '',
    section.intro,
    '',
    '| Variable | Default | Meaning |',
    '| --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}

/** The whole page, formatted as Prettier would leave it (so `npm run lint` agrees with it). */
export async function renderConfigurationDocs(): Promise<string> {
  const sections: Section[] = [...SERVER_SECTIONS, TEST_SECTION, BENCH_SECTION];
  const text = [HEADER, ...sections.map(table)].join('\n');
  const options = (await prettier.resolveConfig(CONFIGURATION_DOC)) ?? {};
  return prettier.format(text, { ...options, filepath: CONFIGURATION_DOC });
}

async function main() {
  await writeFile(CONFIGURATION_DOC, await renderConfigurationDocs());
  console.log(`Wrote ${path.relative(process.cwd(), CONFIGURATION_DOC)}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
