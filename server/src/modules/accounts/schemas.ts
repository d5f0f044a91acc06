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
    password: Type.String({
      minLength: 10,
      maxLength: 1024,
      description:
        'At least 10 characters, not easy to guess (zxcvbn score 3 of 4), and not containing your email or name.',
    }),
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

const NewPassword = (description: string) => Type.String({ minLength: 10, maxLength: 1024, description });
const PASSWORD_RULES =
  'At least 10 characters, not easy to guess (zxcvbn score 3 of 4: no common passwords, keyboard rows or ' +
  'repeats), and not containing your email or name; a refusal says why.';

export const ChangePasswordBody = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: 1024 }),
    newPassword: NewPassword(PASSWORD_RULES),
  },
  { additionalProperties: false },
);
export type ChangePasswordBody = Static<typeof ChangePasswordBody>;

export const PasswordResetBody = Type.Object(
  { email: Type.String({ minLength: 1, maxLength: 254 }) },
  { additionalProperties: false },
);
export type PasswordResetBody = Static<typeof PasswordResetBody>;

export const PasswordResetConfirmBody = Type.Object(
  {
    token: Type.String({ minLength: 1, maxLength: 500, description: 'From the link in the email.' }),
    newPassword: NewPassword(PASSWORD_RULES),
  },
  { additionalProperties: false },
);
export type PasswordResetConfirmBody = Static<typeof PasswordResetConfirmBody>;

export const Accepted = Type.Object({ message: Type.String() });

export const RegisterConfirmBody = Type.Object(
  { token: Type.String({ minLength: 1, maxLength: 512, description: 'From the link in the email.' }) },
  { additionalProperties: false },
);
export type RegisterConfirmBody = Static<typeof RegisterConfirmBody>;

export const SessionId = Type.Object(
  { id: Type.String({ format: 'uuid', description: 'A session from GET /api/account/sessions.' }) },
  { additionalProperties: false },
);

export const Session = Type.Object({
  id: Type.String({ format: 'uuid' }),
  userAgent: Type.String({ description: 'The browser or app that signed in, as it named itself.' }),
  createdAt: Type.String({ format: 'date-time', description: 'When it signed in.' }),
  lastSeenAt: Type.String({ format: 'date-time', description: 'Last request, to within five minutes.' }),
  expiresAt: Type.String({ format: 'date-time' }),
  current: Type.Boolean({ description: 'The session of this request.' }),
});
export type Session = Static<typeof Session>;

export const SessionList = Type.Object({ sessions: Type.Array(Session) });
