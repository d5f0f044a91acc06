/**
 * Writes a Brotli (`.br`) and a gzip (`.gz`) copy beside every text file of the build, which the
 * server sends to browsers that accept them (@fastify/static's `preCompressed`). Compressing once
 * at build time, at the strongest settings, costs the server nothing per request: the app's
 * JavaScript and Leaflet's shrink to about a third.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Plugin } from 'vite';

const TEXT_FILE = /\.(?:js|css|html|svg|json|txt|map)$/;
/** Below this a file fits in one packet either way, and a copy would not pay for itself. */
const MIN_BYTES = 1024;

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

export function precompress(): Plugin {
  return {
    name: 'vicinity-precompress',
    apply: 'build',
    async writeBundle(options, bundle) {
      const outDir = options.dir ?? 'dist';
      const files = Object.keys(bundle).filter((file) => TEXT_FILE.test(file));
      await Promise.all(files.map((file) => compressFile(path.join(outDir, file))));
    },
  };
}

async function compressFile(file: string): Promise<void> {
  const original = await readFile(file).catch(() => null);
  if (!original || original.length < MIN_BYTES) return;
  const [br, gz] = await Promise.all([
    brotli(original, {
      params: {
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
        [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: original.length,
      },
    }),
    gzip(original, { level: zlib.constants.Z_BEST_COMPRESSION }),
  ]);
  // A copy that saves nothing would only make the server choose it.
  if (br.length < original.length) await writeFile(`${file}.br`, br);
  if (gz.length < original.length) await writeFile(`${file}.gz`, gz);
}
