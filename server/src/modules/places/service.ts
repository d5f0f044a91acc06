/** Places where meetups happen: added by anyone signed in, changed or deleted by whoever added them. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { forbidden, invalidField, notFound } from '../../plugins/errors.js';
import { mayEdit } from '../../policy/content.js';
import { deleteMediaOf, mediaOf, setMedia } from '../media/index.js';
import { deletePlace, findPlace, insertPlace, placeCreator, updatePlace } from './queries.js';
import type { CreatePlaceBody, Place, UpdatePlaceBody } from './schemas.js';

type Db = Kysely<Database>;

function checkName(name: string | undefined): void {
  if (name !== undefined && name.trim() === '') throw invalidField('name', 'must not be blank', 'body');
}

export async function readPlace(db: Db, id: number, viewerId: number | null): Promise<Place> {
  const place = await findPlace(db, id, viewerId);
  if (!place) throw notFound('This place');
  return { ...place, media: (await mediaOf(db, 'place', [id], null)).get(id) ?? [] };
}

export async function addPlace(db: Db, body: CreatePlaceBody, creatorId: number): Promise<Place> {
  checkName(body.name);
  const id = await db.transaction().execute(async (trx) => {
    const placeId = await insertPlace(trx, body, creatorId);
    if (body.mediaIds) await setMedia(trx, { type: 'place', id: placeId }, body.mediaIds, creatorId);
    return placeId;
  });
  return readPlace(db, id, creatorId);
}

/** Checks that the place exists and that the viewer may change it. */
async function requireChangeable(db: Db, id: number, viewerId: number) {
  const place = await placeCreator(db, id);
  if (!place) throw notFound('This place');
  if (!mayEdit({ authorId: place.created_by }, viewerId)) {
    throw forbidden('Only the person who added this place can change it.');
  }
  return place;
}

export async function changePlace(db: Db, id: number, viewerId: number, patch: UpdatePlaceBody): Promise<Place> {
  const place = await requireChangeable(db, id, viewerId);
  checkName(patch.name);
  const where =
    patch.location === undefined && patch.privateHome === undefined
      ? undefined
      : {
          location: patch.location ?? { lat: place.lat, lng: place.lng },
          privateHome: patch.privateHome ?? place.private_home,
        };
  await db.transaction().execute(async (trx) => {
    await updatePlace(trx, id, patch, where);
    if (patch.mediaIds) await setMedia(trx, { type: 'place', id }, patch.mediaIds, viewerId);
  });
  return readPlace(db, id, viewerId);
}

export async function removePlace(db: Db, id: number, viewerId: number): Promise<void> {
  await requireChangeable(db, id, viewerId);
  await db.transaction().execute(async (trx) => {
    await deleteMediaOf(trx, 'place', [id]);
    await deletePlace(trx, id);
  });
}
