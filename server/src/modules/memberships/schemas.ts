import { Type, type Static } from 'typebox';
import { Id } from '../../plugins/schemas.js';
import { Role } from '../groups/schemas.js';

const Person = Type.Object({ id: Type.Integer(), displayName: Type.String() });

export const MemberParams = Type.Object({ id: Id, userId: Id });

export const Member = Type.Object(
  {
    user: Person,
    role: Role,
    joinedAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'Member' },
);
export type Member = Static<typeof Member>;

export const MemberList = Type.Object(
  {
    members: Type.Array(Member, {
      description: 'Owners first, then organizers, then members; each in the order they joined.',
    }),
    nextCursor: Type.Union([Type.String(), Type.Null()], {
      description: 'Pass as `cursor` for the next page; null on the last page.',
    }),
  },
  { $id: 'MemberList' },
);

export const PageQuery = Type.Object(
  {
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
    cursor: Type.Optional(Type.String({ maxLength: 512, description: 'nextCursor from the previous page.' })),
  },
  { additionalProperties: false },
);
export type PageQuery = Static<typeof PageQuery>;

export const JoinBody = Type.Object(
  {
    message: Type.Optional(
      Type.String({ maxLength: 1000, description: 'For a private group: a note to its owners and organizers.' }),
    ),
  },
  { additionalProperties: false },
);
export type JoinBody = Static<typeof JoinBody>;

export const JoinAnswer = Type.Object(
  {
    status: Type.Union([Type.Literal('member'), Type.Literal('pending')], {
      description:
        'member: you joined (public group). pending: your request waits for an owner or organizer (private group).',
    }),
    role: Type.Union([Role, Type.Null()], { description: 'Your role; null while the request is pending.' }),
  },
  { $id: 'JoinAnswer' },
);

export const RoleBody = Type.Object(
  {
    role: Type.Union([Type.Literal('owner'), Type.Literal('organizer'), Type.Literal('member')], {
      description: 'Making someone an owner hands the group over (there may be several owners).',
    }),
  },
  { additionalProperties: false },
);
export type RoleBody = Static<typeof RoleBody>;

export const JoinRequest = Type.Object(
  {
    user: Person,
    message: Type.String(),
    requestedAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'JoinRequest' },
);
export type JoinRequest = Static<typeof JoinRequest>;

export const JoinRequestList = Type.Object(
  {
    requests: Type.Array(JoinRequest, { description: 'Oldest first.' }),
    nextCursor: Type.Union([Type.String(), Type.Null()]),
  },
  { $id: 'JoinRequestList' },
);

export const PersonGroup = Type.Object(
  {
    id: Type.Integer(),
    name: Type.String(),
    visibility: Type.Union([Type.Literal('public'), Type.Literal('private')]),
    role: Role,
    memberCount: Type.Integer(),
    url: Type.String({ description: 'Path of the group’s page in the web app.' }),
  },
  { $id: 'PersonGroup' },
);
export type PersonGroup = Static<typeof PersonGroup>;

export const PersonGroupList = Type.Object(
  {
    groups: Type.Array(PersonGroup, {
      description: 'Groups owned first, then organized, then the others; by name within each.',
    }),
  },
  { $id: 'PersonGroupList' },
);
