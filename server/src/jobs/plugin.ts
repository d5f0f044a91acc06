/**
 * `app.jobs`: this process's job worker. It starts when the server is ready (unless told not to,
 * as tests that run jobs themselves do) and finishes its running jobs when the server closes.
 */
import fp from 'fastify-plugin';
import { JobWorker } from './worker.js';

declare module 'fastify' {
  interface FastifyInstance {
    jobs: JobWorker;
  }
}

export default fp<{ autostart: boolean }>(
  async function jobs(app, { autostart }) {
    const worker = new JobWorker({ db: app.db, listener: app.dbListener, log: app.log.child({ component: 'jobs' }) });
    app.decorate('jobs', worker);
    if (autostart) app.addHook('onReady', () => worker.start());
    app.addHook('onClose', () => worker.stop());
  },
  { name: 'jobs', dependencies: ['db'] },
);
