/** Small schemas every module's routes share. */
import { Type } from 'typebox';

/** Database ids: positive and small enough to be exact in JSON numbers. */
export const Id = Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER });

export const IdParams = Type.Object({ id: Id });

export const PersonRef = Type.Union([Type.Object({ id: Type.Integer(), displayName: Type.String() }), Type.Null()], {
  description: 'null when the account was deleted.',
});
