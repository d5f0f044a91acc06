/** Places where meetups happen: added by anyone signed in, changed or deleted by whoever added them. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { forbidden, invalidField, notFound } from '../../plugins/errors.js';
import { mayEdit } from '../../policy/content.js';
import { deletePlace, findPlace, insertPlace, placeCreator, updatePlace } from './queries.js';
import type { CreatePlaceBody, Place, UpdatePlaceBody } from './schemas.js';

type Db = Kysely<Database>;

function checkName(name: string | undefined): void {
  if (name !== undefined && name.trim() === '') throw invalidField('name', 'must not be blank', 'body');
}

export async function readPlace(db: Db, id: number): Promise<Place> {
  const place = await findPlace(db, id);
  if (!place) throw notFound('This place');
  return place;
}

export async function addPlace(db: Db, body: CreatePlaceBody, creatorId: number): Promise<Place> {
  checkName(body.name);
  return readPlace(db, await insertPlace(db, body, creatorId));
}

/** Checks that the place exists and that the viewer may change it. */
async function requireChangeable(db: Db, id: number, viewerId: number): Promise<void> {
  const place = await placeCreator(db, id);
  if (!place) throw notFound('This place');
  if (!mayEdit({ authorId: place.created_by }, viewerId)) {
    throw forbidden('Only the person who added this place can change it.');
  }
}

export async function changePlace(db: Db, id: number, viewerId: number, patch: UpdatePlaceBody): Promise<Place> {
  await requireChangeable(db, id, viewerId);
  checkName(patch.name);
  await updatePlace(db, id, patch);
  return readPlace(db, id);
}

export async function removePlace(db: Db, id: number, viewerId: number): Promise<void> {
  await requireChangeable(db, id, viewerId);
  await deletePlace(db, id);
}
