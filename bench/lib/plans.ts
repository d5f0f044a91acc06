/** Saves EXPLAIN (ANALYZE, BUFFERS) beside the results, so a regression can be read, not guessed. */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { CompiledQuery, Kysely } from 'kysely';

export async function savePlan(db: Kysely<never>, compiled: CompiledQuery, dir: string, name: string): Promise<string> {
  const { rows } = await db.executeQuery<{ 'QUERY PLAN': string }>({
    ...compiled,
    sql: `explain (analyze, buffers, verbose) ${compiled.sql}`,
  });
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${name}.txt`);
  await writeFile(
    file,
    `${compiled.sql}\n\n-- parameters: ${JSON.stringify(compiled.parameters)}\n\n${rows.map((r) => r['QUERY PLAN']).join('\n')}\n`,
  );
  return file;
}
