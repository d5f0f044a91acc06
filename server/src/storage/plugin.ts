/** `app.objectStorage`: the store of uploaded photos' files, opened from the config and closed with the server. */
import fp from 'fastify-plugin';
import type { ObjectStorage } from './index.js';

declare module 'fastify' {
  interface FastifyInstance {
    objectStorage: ObjectStorage;
  }
}

export default fp<{ storage: ObjectStorage }>(
  async function objectStorage(app, { storage }) {
    app.decorate('objectStorage', storage);
    app.addHook('onClose', () => storage.close());
  },
  { name: 'object-storage' },
);
