import { Type, type Static } from 'typebox';
import { LatLngBody } from '../../geo/schemas.js';
import { MediaIdsField } from '../media/schemas.js';

export const Visibility = Type.Union([Type.Literal('public'), Type.Literal('private')], {
  description: 'Private groups show on the map at a point snapped to ~500 m; their events and posts are for members.',
});
export const Role = Type.Union([Type.Literal('owner'), Type.Literal('organizer'), Type.Literal('member')]);

export const CreateGroupBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 120 }),
    description: Type.String({ maxLength: 10_000 }),
    location: LatLngBody,
    visibility: Visibility,
    mediaIds: Type.Optional(MediaIdsField),
  },
  { additionalProperties: false },
);
export type CreateGroupBody = Static<typeof CreateGroupBody>;

export const UpdateGroupBody = Type.Partial(CreateGroupBody, { additionalProperties: false, minProperties: 1 });
export type UpdateGroupBody = Static<typeof UpdateGroupBody>;

export const Group = Type.Object(
  {
    id: Type.Integer(),
    name: Type.String(),
    description: Type.String(),
    visibility: Visibility,
    location: Type.Object({
      lat: Type.Number(),
      lng: Type.Number(),
      precisionMeters: Type.Number({ description: '0 when exact; ~500 for private groups seen by non-members.' }),
    }),
    memberCount: Type.Integer(),
    myRole: Type.Union([Role, Type.Null()], {
      description: 'Your role in the group; null when not a member or signed out.',
    }),
    requestPending: Type.Boolean({ description: 'You asked to join this private group and no one has answered yet.' }),
    pendingRequests: Type.Union([Type.Integer(), Type.Null()], {
      description: 'Join requests waiting for an answer; only for the group’s owners and organizers, null otherwise.',
    }),
    calendarUrl: Type.String({
      description:
        'Path of the group’s iCalendar feed of upcoming meetups. For a private group’s member it carries a key that ' +
        'lets a calendar app read the feed as you, while you are a member.',
    }),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
    media: Type.Array(Type.Ref('Media'), {
      description: 'Its photos; the first is its cover. Shown to everyone, like its name and description.',
    }),
  },
  { $id: 'Group' },
);
export type Group = Static<typeof Group>;
