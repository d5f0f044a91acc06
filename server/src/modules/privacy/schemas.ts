import { Type, type Static } from 'typebox';
import { Me } from '../accounts/schemas.js';
import { NotificationSettingsBody } from '../notifications/schemas.js';
import { ExportedPhotos } from '../media/schemas.js';

const Point = Type.Object({ lat: Type.Number(), lng: Type.Number() });
const Time = Type.String({ format: 'date-time' });
const MaybeTime = Type.Union([Time, Type.Null()]);
const MaybeId = Type.Union([Type.Integer(), Type.Null()]);
const MaybeCount = Type.Union([Type.Integer(), Type.Null()]);

/** Everything Vicinity keeps about one person, in one JSON document they can take away. */
export const DataExport = Type.Object(
  {
    exportedAt: Time,
    profile: Me,
    notificationSettings: NotificationSettingsBody,
    memberships: Type.Array(
      Type.Object({ groupId: Type.Integer(), groupName: Type.String(), role: Type.String(), joinedAt: Time }),
    ),
    joinRequests: Type.Array(
      Type.Object({ groupId: Type.Integer(), groupName: Type.String(), message: Type.String(), createdAt: Time }),
    ),
    rsvps: Type.Array(
      Type.Object({
        eventId: Type.Integer(),
        eventTitle: Type.String(),
        startsAt: Time,
        status: Type.String(),
        answeredAt: Time,
      }),
    ),
    groupsCreated: Type.Array(
      Type.Object({
        id: Type.Integer(),
        name: Type.String(),
        description: Type.String(),
        visibility: Type.String(),
        location: Point,
        createdAt: Time,
      }),
    ),
    placesCreated: Type.Array(
      Type.Object({
        id: Type.Integer(),
        name: Type.String(),
        kind: Type.String(),
        address: Type.Union([Type.String(), Type.Null()]),
        privateHome: Type.Boolean(),
        description: Type.String(),
        tags: Type.Array(Type.String()),
        location: Point,
        createdAt: Time,
      }),
    ),
    gamesAdded: Type.Array(
      Type.Object({
        id: Type.Integer(),
        name: Type.String(),
        minPlayers: MaybeCount,
        maxPlayers: MaybeCount,
        playMinutes: MaybeCount,
        createdAt: Time,
      }),
      {
        description:
          'Games you added to the shared games list. They stay in the list when you delete your account, without ' +
          'your name; which games a group or a place owns is not kept per person.',
      },
    ),
    eventsOrganized: Type.Array(
      Type.Object({
        id: Type.Integer(),
        title: Type.String(),
        description: Type.String(),
        startsAt: Time,
        endsAt: Time,
        timeZone: Type.String(),
        location: Point,
        status: Type.String(),
        capacity: Type.Union([Type.Integer(), Type.Null()]),
        groupId: MaybeId,
        placeId: MaybeId,
      }),
    ),
    posts: Type.Array(
      Type.Object({
        id: Type.Integer(),
        title: Type.String(),
        body: Type.String({ description: 'The Markdown as written.' }),
        location: Point,
        groupId: MaybeId,
        placeId: MaybeId,
        createdAt: Time,
        editedAt: MaybeTime,
      }),
    ),
    comments: Type.Array(
      Type.Object({
        id: Type.Integer(),
        postId: MaybeId,
        eventId: MaybeId,
        parentId: MaybeId,
        body: Type.String(),
        createdAt: Time,
        editedAt: MaybeTime,
      }),
    ),
    photos: ExportedPhotos,
    photoLinksExpireAt: Type.String({
      format: 'date-time',
      description: 'When the links in `photos` stop working: at least a day after the export.',
    }),
  },
  {
    $id: 'DataExport',
    description:
      'Your profile (home location coarsened, as everywhere), memberships, join requests, RSVPs, and what you created or wrote. Deleted posts and comments are gone and not included.',
  },
);
export type DataExport = Static<typeof DataExport>;

export const DeleteAccountBody = Type.Object(
  { password: Type.String({ minLength: 1, maxLength: 1024, description: 'Your current password, to confirm.' }) },
  { additionalProperties: false },
);
