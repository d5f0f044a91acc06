import type { FastifyReply } from 'fastify';

/**
 * Sends JSON text that is already written (a radius page whose features the database built as
 * text), as it is: parsing it only to serialize it again would cost more than the query.
 */
export function sendJsonText(reply: FastifyReply, text: string) {
  return reply.type('application/json; charset=utf-8').send(text);
}
