/**
 * What other features use of photos. Inside their own transactions: `setMedia` (a post's,
 * meetup's, group's or place's `mediaIds`, a profile's `avatarId`) and the `deleteMedia…`
 * functions when what shows photos goes away; when answering: `mediaOf`, the photos of a list
 * of subjects as a viewer gets them.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { JobHandler } from '../../jobs/queue.js';
import type { ObjectStorage } from '../../storage/index.js';
import { DELETE_OBJECTS_JOB, deleteUnusedObjects, EXPIRE_JOB, expireUnattached } from './service.js';

export {
  addAvatars,
  deleteMediaOf,
  deleteMediaOfGroups,
  deleteMediaOfOwner,
  mediaOf,
  photosForExport,
  setMedia,
  type MediaViewer,
} from './service.js';
export type { MediaSubject, SubjectType } from './queries.js';
export { Media as MediaSchema, type Media } from './schemas.js';
export { mediaKeyExpiry } from './links.js';
export { default as mediaRoutes } from './routes.js';
export { ProcessingQueue } from './processing.js';

/** The jobs photos need: deleting an upload left unattached, and deleting objects no photo names. */
export function mediaJobHandlers(db: Kysely<Database>, storage: ObjectStorage): Record<string, JobHandler> {
  return {
    [EXPIRE_JOB]: async (job) => expireUnattached(db, Number(job.payload.id)),
    [DELETE_OBJECTS_JOB]: async (job) => deleteUnusedObjects(db, storage, job.payload.keys as string[]),
  };
}
