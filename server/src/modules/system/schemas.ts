import { Type, type Static } from 'typebox';

export const Health = Type.Object(
  {
    status: Type.Union([Type.Literal('ok'), Type.Literal('degraded'), Type.Literal('unavailable')], {
      description:
        '`ok`; `degraded`: the database answers but cannot write (its disk is full; reads go on); `unavailable`: the database does not answer. Both of the latter answer 503.',
    }),
    database: Type.Union([Type.Literal('embedded'), Type.Literal('postgres')]),
    problem: Type.Optional(Type.String({ description: 'What is wrong, when something is.' })),
    postgis: Type.Union([Type.String(), Type.Null()], { description: 'PostGIS version; null when unreachable.' }),
    replicas: Type.Optional(
      Type.Array(
        Type.Object({
          name: Type.String({ description: 'host:port/database' }),
          usable: Type.Boolean({ description: 'Whether lag-tolerant reads go to it now.' }),
          lagMs: Type.Union([Type.Integer(), Type.Null()], {
            description: 'Replay lag behind the primary in milliseconds (0: caught up); null when unknown.',
          }),
          problem: Type.Union([Type.String(), Type.Null()], { description: 'Why it is skipped, when it is.' }),
        }),
        {
          description:
            'Each read replica (DATABASE_REPLICA_URLS), when there are any. A replica down or lagging does not make the server unhealthy: the primary answers instead.',
        },
      ),
    ),
  },
  { $id: 'Health' },
);

export const Liveness = Type.Object(
  { status: Type.Literal('ok', { description: 'The process runs and answers; says nothing of the database.' }) },
  { $id: 'Liveness' },
);

export const Readiness = Type.Object(
  {
    ready: Type.Boolean({ description: 'True when this process should be sent traffic.' }),
    database: Type.Union([Type.Literal('ok'), Type.Literal('cannot_write'), Type.Literal('unreachable')], {
      description:
        '`cannot_write`: it answers, but its disk is full (reads go on). The process stays ready then: every process shares that disk, so sending traffic elsewhere would not help.',
    }),
    problem: Type.Optional(Type.String({ description: 'What is wrong, when something is.' })),
    pendingMigrations: Type.Array(Type.String(), {
      description: 'Migrations this version needs that the database has not applied yet.',
    }),
    draining: Type.Boolean({
      description: 'The process is shutting down: it finishes what it has, takes nothing new.',
    }),
  },
  { $id: 'Readiness' },
);

export const ClientConfig = Type.Object(
  {
    mapCenter: Type.Object({ lat: Type.Number(), lng: Type.Number() }),
    zoom: Type.Integer(),
    tileUrl: Type.String({ description: 'Leaflet tile URL template.' }),
    tileAttribution: Type.String(),
    addressSearch: Type.Boolean({
      description:
        'The server has a geocoder (`GEOCODER_URL`), so `/api/geocode` finds streets and addresses; without one it finds towns and cities only.',
    }),
  },
  { $id: 'ClientConfig' },
);
export type Health = Static<typeof Health>;
export type Readiness = Static<typeof Readiness>;
