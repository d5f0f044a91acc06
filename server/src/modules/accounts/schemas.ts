import { Type, type Static } from 'typebox';
import { CoarseLocation, LatLngBody } from '../../geo/schemas.js';
import { AvatarRef, Id } from '../../plugins/schemas.js';

/** What anyone may see of a person. Never the email, never the home, not even its area. */
export const PublicUser = Type.Object(
  {
    id: Type.Integer(),
    displayName: Type.String(),
    bio: Type.String(),
    createdAt: Type.String({ format: 'date-time' }),
    avatar: Type.Optional(AvatarRef),
  },
  { $id: 'PublicUser' },
);
export type PublicUser = Static<typeof PublicUser>;

/** What the signed-in person sees of themselves. */
export const Me = Type.Object(
  {
    id: Type.Integer(),
    email: Type.String(),
    displayName: Type.String(),
    bio: Type.String(),
    homeLocation: Type.Union([CoarseLocation, Type.Null()], {
      description:
        'Your home, snapped to a grid of about 500 m. The precise point is kept private and used only for ranking.',
    }),
    createdAt: Type.String({ format: 'date-time' }),
    avatar: Type.Optional(AvatarRef),
  },
  { $id: 'Me' },
);
export type Me = Static<typeof Me>;

export const RegisterBody = Type.Object(
  {
    email: Type.String({ minLength: 3, maxLength: 254, description: 'Trimmed and lower-cased before use.' }),
    password: Type.String({ minLength: 10, maxLength: 1024 }),
    displayName: Type.String({ minLength: 1, maxLength: 60 }),
  },
  { additionalProperties: false },
);
export type RegisterBody = Static<typeof RegisterBody>;

export const LoginBody = Type.Object(
  {
    email: Type.String({ minLength: 1, maxLength: 254 }),
    password: Type.String({ minLength: 1, maxLength: 1024 }),
  },
  { additionalProperties: false },
);
export type LoginBody = Static<typeof LoginBody>;

export const AuthAnswer = Type.Object({ token: Type.String(), user: Me }, { $id: 'AuthAnswer' });

export const UpdateMeBody = Type.Object(
  {
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
    bio: Type.Optional(Type.String({ maxLength: 2000 })),
    homeLocation: Type.Optional(Type.Union([LatLngBody, Type.Null()], { description: 'null forgets it.' })),
    avatarId: Type.Optional(
      Type.Union([Id, Type.Null()], {
        description:
          'A photo you uploaded (`POST /api/media`) as your profile photo; null removes it (and deletes it).',
      }),
    ),
  },
  { additionalProperties: false },
);
export type UpdateMeBody = Static<typeof UpdateMeBody>;
