/** The Markdown preview shown while writing a post, a comment or a meetup's description. */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { errorResponses } from '../../plugins/errors.js';
import { Preview, PreviewBody } from './schemas.js';
import { previewMarkdown } from './service.js';

/** Generous for typing with a live preview, low enough that it is no free rendering service. */
const rateLimit = { max: 240, timeWindow: '1 minute' };

export default async function previewRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.post(
    '/api/markdown/preview',
    {
      onRequest: app.requireUser,
      config: { rateLimit },
      schema: {
        tags: ['posts'],
        summary: 'Preview Markdown as it will be published',
        description:
          'Renders the text exactly as a published post, comment or meetup description is rendered (raw HTML ' +
          'shown as text, images as links, links limited to http(s), mailto and this site). Nothing is stored. ' +
          'Limited to 240 previews a minute per client (429 `rate_limited`).',
        security: [{ bearerAuth: [] }],
        body: PreviewBody,
        response: { 200: Preview, ...errorResponses(400, 401, 413, 429) },
      },
    },
    async (request) => previewMarkdown(request.body.text),
  );
}
