/** TypeBox schemas of blocks between people. */
import { Type, type Static } from 'typebox';

export const BlockedPerson = Type.Object({
  user: Type.Object({ id: Type.Integer(), displayName: Type.String() }),
  since: Type.String({ format: 'date-time' }),
});
export type BlockedPerson = Static<typeof BlockedPerson>;

export const BlockList = Type.Object({
  blocks: Type.Array(BlockedPerson, { description: 'The people you blocked, most recent first.' }),
});

export const UserIdParams = Type.Object({ userId: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }) });
