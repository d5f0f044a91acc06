/**
 * Photos: `POST /api/media` takes one photo with its alt text and answers its renditions' URLs;
 * `GET /media/{id}/{rendition}` serves them. Serving is self-contained here: its own ETag and
 * 304, cache headers and a Content-Security-Policy that lets an image be nothing but an image.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import multipart from '@fastify/multipart';
import { Type } from 'typebox';
import { AppError, errorResponses, invalidField } from '../../plugins/errors.js';
import { viewerOf } from '../../plugins/auth.js';
import { IdParams } from '../../plugins/schemas.js';
import { changeAlt, openMediaFile, readOwnMedia, removeMedia, uploadPhoto, type MediaContext } from './service.js';
import { MAX_ALT_LENGTH, MediaFileParams, MediaKeyQuery, UpdateMediaBody, UploadForm } from './schemas.js';

const secured = { security: [{ bearerAuth: [] }] };
/** Room for the multipart framing and the alt field around the file. */
const FORM_OVERHEAD_BYTES = 64 * 1024;

export interface MediaRouteOptions {
  context: MediaContext;
  maxBytes: number;
}

function fileTooLarge(maxBytes: number): AppError {
  return new AppError(
    413,
    'file_too_large',
    `The photo is larger than ${(maxBytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB.`,
    { maxBytes },
  );
}

/**
 * The file and alt text of an upload, read as they stream in. The file is kept in memory up to
 * the limit and no further: past it the answer is 413 at once, whatever is still on its way.
 */
async function readUpload(request: FastifyRequest, maxBytes: number): Promise<{ bytes: Buffer; alt: string }> {
  let bytes: Buffer | null = null;
  let alt: string | undefined;
  try {
    const parts = request.parts({
      limits: { fileSize: maxBytes, files: 1, fields: 4, parts: 5, fieldSize: MAX_ALT_LENGTH * 4 + 1024 },
    });
    for await (const part of parts) {
      if (part.type === 'field') {
        if (part.fieldname === 'alt') alt = String(part.value);
        continue;
      }
      if (part.fieldname !== 'file') {
        part.file.resume();
        throw invalidField(part.fieldname, 'is not a field of an upload (send the photo as "file")', 'body');
      }
      const file = part.file;
      bytes = await new Promise<Buffer>((resolve, reject) => {
        const chunks: Buffer[] = [];
        let size = 0;
        file.on('data', (chunk: Buffer) => {
          size += chunk.length;
          chunks.push(chunk);
        });
        // At the limit, not at the end of the part: the rest may be megabytes still to come.
        file.once('limit', () => {
          chunks.length = 0;
          reject(fileTooLarge(maxBytes));
        });
        file.once('error', reject);
        file.once('end', () =>
          file.truncated || size > maxBytes ? reject(fileTooLarge(maxBytes)) : resolve(Buffer.concat(chunks, size)),
        );
      });
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw fileTooLarge(maxBytes);
    if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') {
      throw new AppError(400, 'bad_request', 'Send one photo as "file" and its text as "alt", nothing more.');
    }
    throw new AppError(400, 'bad_request', 'The multipart body is malformed or ended early.');
  }
  if (bytes === null || bytes.length === 0) throw invalidField('file', 'is required: the photo itself', 'body');
  return { bytes, alt: alt ?? '' };
}

export default async function mediaRoutes(app: FastifyInstance, { context, maxBytes }: MediaRouteOptions) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  // Here only: other routes keep answering multipart bodies with 415.
  await app.register(multipart);

  api.post(
    '/api/media',
    {
      onRequest: [
        app.requireUser,
        async (request) => {
          // An honest client that says how much it sends is refused before a byte is read.
          const length = Number(request.headers['content-length']);
          if (Number.isFinite(length) && length > maxBytes + FORM_OVERHEAD_BYTES) throw fileTooLarge(maxBytes);
        },
      ],
      schema: {
        tags: ['media'],
        summary: 'Upload a photo',
        description:
          'A `multipart/form-data` body with `file` and `alt`. The type is read from the file’s bytes (JPEG, PNG, ' +
          'WebP, AVIF, or the first frame of a GIF); SVG and HEIC are refused with 415 `unsupported_image`. ' +
          'A file over the size limit is answered 413 `file_too_large` as soon as it passes it; an image with too ' +
          'many pixels 422 `image_too_large` before it is decoded; a damaged or truncated one 422 `image_unreadable`. ' +
          'The orientation is applied and all metadata (EXIF, GPS, XMP, IPTC, maker notes) removed; the file sent is ' +
          'not kept. Attach the photo with `mediaIds` (posts, meetups, groups, places) or `avatarId` (your profile) ' +
          'within a day, or it is deleted. 503 `busy` when too many photos are waiting to be processed, 503 ' +
          '`unavailable` when the storage cannot be reached (nothing is kept then).',
        consumes: ['multipart/form-data'],
        ...secured,
        body: UploadForm,
        response: { 201: Type.Ref('Media'), ...errorResponses(400, 401, 413, 415, 422, 503) },
      },
      // The body is read as it streams (readUpload), not parsed and validated beforehand.
      validatorCompiler: () => (data: unknown) => ({ value: data }),
    },
    async (request, reply) => {
      if (!request.isMultipart()) {
        throw new AppError(
          415,
          'unsupported_media_type',
          'Send the photo as multipart/form-data, with the fields "file" and "alt".',
        );
      }
      const viewer = viewerOf(request);
      const { bytes, alt } = await readUpload(request, maxBytes);
      return reply.status(201).send(await uploadPhoto(context, viewer.id, bytes, alt));
    },
  );

  api.get(
    '/api/media/:id',
    {
      onRequest: app.requireUser,
      schema: {
        tags: ['media'],
        summary: 'One of your photos',
        ...secured,
        params: IdParams,
        response: { 200: Type.Ref('Media'), ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => readOwnMedia(context, request.params.id, viewerOf(request).id),
  );

  api.patch(
    '/api/media/:id',
    {
      onRequest: app.requireUser,
      schema: {
        tags: ['media'],
        summary: 'Change the alt text of a photo you uploaded',
        ...secured,
        params: IdParams,
        body: UpdateMediaBody,
        response: { 200: Type.Ref('Media'), ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => changeAlt(context, request.params.id, viewerOf(request).id, request.body.alt),
  );

  api.delete(
    '/api/media/:id',
    {
      onRequest: app.requireUser,
      schema: {
        tags: ['media'],
        summary: 'Delete a photo you uploaded',
        description: 'It disappears from wherever it is shown; its files are deleted.',
        ...secured,
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      await removeMedia(context, request.params.id, viewerOf(request).id);
      return reply.status(204).send(null);
    },
  );

  api.get(
    '/media/:id/:file',
    {
      onRequest: app.optionalUser,
      schema: {
        tags: ['media'],
        summary: 'A photo’s rendition',
        description:
          'Served only to whoever may see what the photo is attached to (checked on every request; the URL’s ' +
          '`key` names the viewer, since browsers do not send the Authorization header for images). Immutable: ' +
          'cache it for good, revalidate with `If-None-Match`. 403 `link_expired` for a key past its day.',
        params: MediaFileParams,
        querystring: MediaKeyQuery,
        response: {
          200: Type.Unsafe({ description: 'The image (image/webp or image/jpeg).' }),
          304: Type.Null(),
          ...errorResponses(400, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const answer = await openMediaFile(
        context,
        request.params,
        request.query.key,
        request.viewer?.id ?? null,
        request.headers['if-none-match'],
      );
      reply
        .header('etag', answer.etag)
        .header('cache-control', answer.cacheControl)
        .header('content-security-policy', "default-src 'none'")
        .header('x-content-type-options', 'nosniff')
        .header('cross-origin-resource-policy', 'same-origin');
      if (answer.object === null) return reply.status(304).send(null);
      return reply.type(answer.contentType).header('content-length', answer.object.bytes).send(answer.object.body);
    },
  );
}
