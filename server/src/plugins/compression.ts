/**
 * Compresses answers of 1 kB or more for clients that accept it, as every browser does: GeoJSON
 * shrinks to about a quarter. The web app's files are compressed once at build time instead
 * (web/precompress.ts, served by web.ts); answers that already name an encoding are left alone.
 *
 * The fastest settings, Brotli quality 1 and gzip level 1, cost a third of the plugin's default
 * Brotli quality for slightly larger answers. Answers up to 64 kB are compressed in one call: a
 * compression stream per answer cost more than the compressing itself (docs/performance.md).
 *
 * Request bodies are not decompressed: they are small JSON, and a compressed one could inflate
 * far past the body limit, which is checked on the bytes received. One that says it is compressed
 * is refused as such, rather than read as malformed JSON.
 */
import zlib from 'node:zlib';
import fp from 'fastify-plugin';
import compress from '@fastify/compress';
import { AppError } from './errors.js';

export default fp(
  async function compression(app) {
    await app.register(compress, {
      threshold: 1024,
      syncThreshold: 64 * 1024,
      brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 1 } },
      zlibOptions: { level: 1 },
      globalDecompression: false,
    });
    app.addHook('onRequest', async (request) => {
      const { 'content-encoding': encoding, 'content-length': length, 'transfer-encoding': chunked } = request.headers;
      const hasBody = (length !== undefined && length !== '0') || chunked !== undefined;
      if (hasBody && encoding && encoding.trim().toLowerCase() !== 'identity') {
        throw new AppError(
          415,
          'unsupported_encoding',
          'Send the request body uncompressed, without Content-Encoding.',
        );
      }
    });
  },
  { name: 'compression' },
);
