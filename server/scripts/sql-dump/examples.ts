/**
 * One example call of every query function, for the SQL listing (npm run sql:dump). Each file of
 * queries is listed with all its exported functions: the dump refuses to run when one is missing,
 * so a new query cannot stay out of the listing. `null` marks an export that builds no SQL.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.js';
import { createItemRegistry } from '../../src/app.js';
import * as radius from '../../src/items/radius-query.js';
import * as policy from '../../src/policy/queries.js';
import * as jobs from '../../src/jobs/queries.js';
import * as rateLimits from '../../src/db/rate-limits.js';
import * as wal from '../../src/db/wal-queries.js';
import * as sessions from '../../src/db/sessions.js';
import * as accounts from '../../src/modules/accounts/queries.js';
import * as events from '../../src/modules/events/queries.js';
import * as rsvps from '../../src/modules/events/rsvp-queries.js';
import * as feed from '../../src/modules/feed/queries.js';
import * as groups from '../../src/modules/groups/queries.js';
import * as map from '../../src/modules/map/queries.js';
import * as media from '../../src/modules/media/queries.js';
import * as memberships from '../../src/modules/memberships/queries.js';
import * as games from '../../src/modules/games/queries.js';
import * as geocode from '../../src/modules/geocode/queries.js';
import * as ogc from '../../src/modules/ogc/queries.js';
import * as places from '../../src/modules/places/queries.js';
import * as posts from '../../src/modules/posts/queries.js';
import * as privacy from '../../src/modules/privacy/queries.js';
import * as notifications from '../../src/modules/notifications/queries.js';
import * as searchQueries from '../../src/modules/search/queries.js';
import * as moderation from '../../src/modules/moderation/queries.js';
import * as blocks from '../../src/modules/blocks/queries.js';

type Db = Kysely<Database>;
/** Runs the query (or returns a builder, which the dump compiles). */
export type Example = (db: Db) => unknown;

export interface QueryFile {
  /** Path under server/src. */
  source: string;
  module: Record<string, unknown>;
  examples: Record<string, Example | Example[] | null>;
}

const registry = createItemRegistry();
const berlin = { lat: 52.52, lng: 13.405 };
const when = new Date('2026-06-01T18:00:00Z');
const later = new Date('2026-06-01T21:00:00Z');
const box = { minLng: 13.3, minLat: 52.45, maxLng: 13.5, maxLat: 52.55 };
const grid = { level: 14, columns: [[8800, 8810]] as [number, number][], rows: [5370, 5380] as [number, number] };
const group = {
  name: 'Catan Crew',
  description: '',
  visibility: 'public' as const,
  location: berlin,
  publicLocation: berlin,
};
const SESSION_ID = '6f1c2a9e-3b7d-4c1e-9a2f-5d8e7b6c4a31';
const RESET_ID = '0b9d8c7e-6f5a-4b3c-8d2e-1f0a9b8c7d6e';
const search = { point: berlin, radius: 5000, limit: 50, after: null, viewerId: 7 };

export const QUERY_FILES: QueryFile[] = [
  {
    source: 'items/radius-query.ts',
    module: radius,
    examples: {
      radiusPositionGuard: null,
      radiusQuery: [
        (db) => radius.radiusQuery(db, registry, { ...search, kinds: ['place'] }),
        (db) => radius.radiusQuery(db, registry, { ...search, kinds: registry.kinds() }),
      ],
      radiusPageQuery: (db) => radius.radiusPageQuery(db, registry, { ...search, kinds: registry.kinds() }),
      findRadiusPage: (db) => radius.findRadiusPage(db, registry, { ...search, kinds: ['event'] }),
      radiusPagesQuery: (db) =>
        radius.radiusPagesQuery(
          db,
          registry,
          { kinds: registry.kinds(), limit: 50, after: { d: 120.5, k: 'group', i: 3 } },
          [
            { point: berlin, radius: 5000, viewerId: 7 },
            { point: berlin, radius: 2000, viewerId: null },
          ],
        ),
      findRadiusPages: (db) =>
        radius.findRadiusPages(db, registry, { kinds: ['post'], limit: 20, after: null }, [
          { point: berlin, radius: 5000, viewerId: 7 },
          { point: berlin, radius: 1000, viewerId: 7 },
        ]),
    },
  },
  {
    source: 'jobs/queries.ts',
    module: jobs,
    examples: {
      insertJob: [
        (db) => jobs.insertJob(db, { kind: 'email', payload: { to: 7 } }),
        (db) =>
          jobs.insertJob(db, { kind: 'reminder', key: 'reminder:1:day', runAt: new Date('2999-01-01T00:00:00Z') }),
      ],
      deleteJobs: (db) => jobs.deleteJobs(db, ['reminder:1:day']),
      claimDueJobs: (db) => jobs.claimDueJobs(db, 'worker-id', 4, 60),
      finishJob: (db) => jobs.finishJob(db, 1, 'worker-id'),
      failJobAttempt: (db) => jobs.failJobAttempt(db, 1, 'worker-id', 'SMTP 451', 20),
      findFailedJobs: (db) => jobs.findFailedJobs(db, 50),
      insertJobsSql: () =>
        jobs.insertJobsSql('email', sql`select '{"id": 1}'::jsonb as payload, 'email:1' as key, null as run_at`, 12),
      wakeWorkers: (db) => jobs.wakeWorkers(db),
      countJobBacklog: (db) => jobs.countJobBacklog(db),
    },
  },
  {
    source: 'db/rate-limits.ts',
    module: rateLimits,
    examples: {
      countHit: (db) => rateLimits.countHit(db, 'POST /api/auth/login 203.0.113.9', 60_000),
      readHits: (db) => rateLimits.readHits(db, 'POST /api/auth/login 203.0.113.9'),
      deleteEndedWindows: (db) => rateLimits.deleteEndedWindows(db),
    },
  },
  {
    source: 'db/wal-queries.ts',
    module: wal,
    examples: {
      currentWalLsn: (db) => wal.currentWalLsn(db),
      replayState: (db) => wal.replayState(db),
    },
  },
  {
    source: 'policy/queries.ts',
    module: policy,
    examples: {
      findGroupRole: [(db) => policy.findGroupRole(db, 1, 7), (db) => policy.findGroupRole(db, 1, 7, 'share')],
      findMembershipStart: (db) => policy.findMembershipStart(db, 1, 7),
    },
  },
  {
    source: 'modules/accounts/queries.ts',
    module: accounts,
    examples: {
      insertUser: (db) => accounts.insertUser(db, { email: 'a@example.org', passwordHash: 'hash', displayName: 'Ana' }),
      findCredentials: (db) => accounts.findCredentials(db, 'a@example.org'),
      findPasswordHash: (db) => accounts.findPasswordHash(db, 7),
      findMe: (db) => accounts.findMe(db, 7),
      updateMe: (db) => accounts.updateMe(db, 7, { displayName: 'Ana', bio: 'Hi', homeLocation: berlin }),
      findPublicUser: (db) => accounts.findPublicUser(db, 7),
      findAccountByEmail: (db) => accounts.findAccountByEmail(db, 'a@example.org'),
      findAccountById: (db) => accounts.findAccountById(db, 7),
      updatePasswordHash: (db) => accounts.updatePasswordHash(db, 7, 'hash'),
      findLoginLock: (db) => accounts.findLoginLock(db, 'a@example.org'),
      recordLoginFailure: (db) =>
        accounts.recordLoginFailure(db, 'a@example.org', { free: 5, firstPauseSeconds: 30, maxPauseSeconds: 3600 }),
      clearLoginFailures: (db) => accounts.clearLoginFailures(db, 'a@example.org'),
      insertPasswordReset: (db) =>
        accounts.insertPasswordReset(db, { id: RESET_ID, userId: 7, expiresAt: new Date('2026-06-01T19:00:00Z') }),
      findUsablePasswordReset: (db) => accounts.findUsablePasswordReset(db, RESET_ID),
      usePasswordReset: (db) => accounts.usePasswordReset(db, RESET_ID, 7),
      insertPendingRegistration: (db) =>
        accounts.insertPendingRegistration(db, {
          id: RESET_ID,
          email: 'newcomer@example.org',
          displayName: 'Newcomer',
          passwordHash: '$argon2id$…',
          expiresAt: new Date('2026-06-02T18:00:00Z'),
        }),
      findUsablePendingRegistration: (db) => accounts.findUsablePendingRegistration(db, RESET_ID),
      usePendingRegistration: (db) => accounts.usePendingRegistration(db, RESET_ID),
    },
  },
  {
    source: 'db/sessions.ts',
    module: sessions,
    examples: {
      insertSessions: (db) =>
        sessions.insertSessions(db, [
          { id: SESSION_ID, userId: 7, userAgent: 'Firefox', expiresAt: new Date('2026-06-08T18:00:00Z') },
        ]),
      findSessionViewer: (db) => sessions.findSessionViewer(db, SESSION_ID, 7),
      touchSession: (db) => sessions.touchSession(db, SESSION_ID),
      listSessions: (db) => sessions.listSessions(db, 7),
      revokeSession: (db) => sessions.revokeSession(db, 7, SESSION_ID),
      revokeSessions: [(db) => sessions.revokeSessions(db, 7), (db) => sessions.revokeSessions(db, 7, SESSION_ID)],
      deleteEndedSessions: (db) => sessions.deleteEndedSessions(db),
    },
  },
  {
    source: 'modules/events/queries.ts',
    module: events,
    examples: {
      findEvent: (db) => events.findEvent(db, 1, 7),
      listEvents: [
        (db) =>
          events.listEvents(db, {
            near: { point: berlin, radius: 5000 },
            order: 'distance',
            from: null,
            to: null,
            groupId: null,
            seriesId: null,
            placeId: null,
            includeCancelled: false,
            mine: null,
            needsPlayers: true,
            collapseSeries: false,
            limit: 20,
            after: { o: 'distance', d: 250, i: 4 },
            viewerId: 7,
          }),
        (db) =>
          events.listEvents(db, {
            near: null,
            order: 'soonest',
            from: when,
            to: later,
            groupId: 1,
            seriesId: null,
            placeId: null,
            includeCancelled: true,
            mine: null,
            needsPlayers: false,
            collapseSeries: false,
            limit: 20,
            after: null,
            viewerId: null,
          }),
        (db) =>
          events.listEvents(db, {
            near: null,
            order: 'soonest',
            from: null,
            to: null,
            groupId: null,
            seriesId: null,
            placeId: null,
            includeCancelled: false,
            mine: 'attending',
            needsPlayers: false,
            collapseSeries: false,
            limit: 50,
            after: null,
            viewerId: 7,
          }),
        (db) =>
          events.listEvents(db, {
            near: null,
            order: 'soonest',
            from: null,
            to: null,
            groupId: null,
            seriesId: null,
            placeId: null,
            includeCancelled: false,
            mine: 'organizing',
            needsPlayers: false,
            collapseSeries: false,
            limit: 50,
            after: null,
            viewerId: 7,
          }),
      ],
      calendarEvents: [
        (db) => events.calendarEvents(db, { near: { point: berlin, radius: 5000 } }, 7, 500),
        (db) => events.calendarEvents(db, { seriesIds: [3, 4] }, 7, 500),
        (db) => events.calendarEvents(db, { attendee: 7 }, 7, 500),
      ],
      findInstallationId: (db) => events.findInstallationId(db),
      lockEvent: (db) => events.lockEvent(db, 1, 7),
      insertEvents: (db) =>
        events.insertEvents(
          db,
          {
            title: 'Game night',
            description: '',
            timeZone: 'Europe/Berlin',
            location: berlin,
            placeId: null,
            groupId: 1,
            organizerId: 7,
            capacity: 8,
            games: ['Catan'],
            locationPrivacy: 'approximate',
            minPlayers: 4,
            decideHoursBefore: 24,
            onShortfall: 'cancel',
          },
          [{ startsAt: when, endsAt: later }],
          null,
        ),
      updateEvent: (db) =>
        events.updateEvent(db, 1, {
          title: 'Game night',
          startsAt: when,
          endsAt: later,
          capacity: 6,
          where: { location: berlin, privacy: 'approximate' },
          minPlayers: 4,
        }),
      cancelEvent: (db) => events.cancelEvent(db, 1),
      placeLocation: (db) => events.placeLocation(db, 1),
      listAttendees: (db) => events.listAttendees(db, 1, 'waitlisted', { a: 10 }, 50),
      groupExists: (db) => events.groupExists(db, 1),
      findEventGroupId: (db) => events.findEventGroupId(db, 1),
      findCalendarGroup: (db) => events.findCalendarGroup(db, 1, 7),
      deleteEventsOrganizedBy: (db) => events.deleteEventsOrganizedBy(db, 7),
      findEventThread: (db) => events.findEventThread(db, 1, 7),
      lockEventForPlayerCheck: (db) => events.lockEventForPlayerCheck(db, 1),
      findPlayerDeadlines: (db) => events.findPlayerDeadlines(db, [1, 2]),
      isLiveEventComment: (db) => events.isLiveEventComment(db, 1, 3),
      updateEventDiscussion: (db) => events.updateEventDiscussion(db, 1, { locked: true, pinnedCommentId: 3 }),
      seriesRuleSql: () => events.seriesRuleSql('s'),
      seriesUpcomingSql: () => events.seriesUpcomingSql('e.series_id'),
      findSeriesTail: (db) => events.findSeriesTail(db, 4, 3),
      splitSeries: (db) => events.splitSeries(db, { id: 4, freq: 'weekly', repeat_every: 2, occurrences: 8 }, 3),
    },
  },
  {
    source: 'modules/events/rsvp-queries.ts',
    module: rsvps,
    examples: {
      countGoing: (db) => rsvps.countGoing(db, 1),
      findRsvpStatus: (db) => rsvps.findRsvpStatus(db, 1, 7),
      recordRsvp: (db) => rsvps.recordRsvp(db, 1, 7, 'going'),
      promoteWaitlisted: [(db) => rsvps.promoteWaitlisted(db, 1, 2), (db) => rsvps.promoteWaitlisted(db, 1, null)],
      deleteRsvp: (db) => rsvps.deleteRsvp(db, 1, 7),
      findRsvpCounts: (db) => rsvps.findRsvpCounts(db, 1, 7),
      findHeldSeats: (db) => rsvps.findHeldSeats(db, 7),
    },
  },
  {
    source: 'modules/feed/queries.ts',
    module: feed,
    examples: {
      feedSql: (db) =>
        feed
          .feedSql({ point: berlin, radius: 50000, mode: 'latest', asOf: when, viewerId: 7, offset: 0, limit: 21 })
          .compile(db),
      findFeedPage: [
        (db) =>
          feed.findFeedPage(db, {
            point: berlin,
            radius: 5000,
            mode: 'nearby',
            asOf: when,
            viewerId: 7,
            offset: 0,
            limit: 21,
          }),
        (db) =>
          feed.findFeedPage(db, {
            point: berlin,
            radius: 5000,
            mode: 'latest',
            asOf: when,
            viewerId: null,
            offset: 20,
            limit: 21,
          }),
      ],
      homeOf: (db) => feed.homeOf(db, 7),
    },
  },
  {
    source: 'modules/groups/queries.ts',
    module: groups,
    examples: {
      findGroupRow: (db) => groups.findGroupRow(db, 1, 7),
      insertGroup: (db) => groups.insertGroup(db, group, 7),
      insertOwner: (db) => groups.insertOwner(db, 1, 7),
      lockGroupForChange: (db) => groups.lockGroupForChange(db, 1),
      updateGroup: (db) => groups.updateGroup(db, 1, group),
      deleteGroup: (db) => groups.deleteGroup(db, 1),
      groupExists: (db) => groups.groupExists(db, 1),
    },
  },
  {
    source: 'modules/map/queries.ts',
    module: map,
    examples: {
      findItemsInBoxes: (db) => map.findItemsInBoxes(db, registry, [box], registry.kinds(), 7, undefined, 301),
      findCellCounts: (db) => map.findCellCounts(db, [box], grid, registry.kinds(), 7),
      findFilteredCellCounts: (db) =>
        map.findFilteredCellCounts(db, registry, [box], 14, ['place', 'event'], 7, {
          placeKinds: ['cafe'],
          thisWeek: true,
        }),
      findSplittingCells: (db) =>
        map.findSplittingCells(
          db,
          14,
          15,
          new Map<number, [number, number]>([
            [17600, [10740, 10741]],
            [17601, [10740, 10741]],
          ]),
          ['place', 'event'],
        ),
    },
  },
  {
    source: 'modules/search/queries.ts',
    module: searchQueries,
    examples: {
      searchItems: (db) =>
        searchQueries.searchItems(db, registry, {
          q: 'board game café',
          point: berlin,
          radius: 50_000,
          kinds: registry.kinds(),
          limit: 20,
          viewerId: 7,
        }),
    },
  },
  {
    source: 'modules/ogc/queries.ts',
    module: ogc,
    examples: {
      findCollectionItems: (db) =>
        ogc.findCollectionItems(
          db,
          registry.source('event')!,
          7,
          { bbox: [13.3, 52.45, 13.5, 52.55], during: { from: '2026-06-01T00:00:00Z', to: null } },
          { limit: 100, offset: 200 },
        ),
      countCollectionItems: (db) =>
        ogc.countCollectionItems(db, registry.source('place')!, null, { bbox: [170, -20, -170, -10], during: null }),
      findCollectionItem: (db) => ogc.findCollectionItem(db, registry.source('post')!, 7, 12),
    },
  },
  {
    source: 'modules/geocode/queries.ts',
    module: geocode,
    examples: {
      readAnswer: (db) => geocode.readAnswer(db, 'https://photon.example|8|52.5,13.4|oranienstrasse 25'),
      storeAnswer: (db) =>
        geocode.storeAnswer(
          db,
          'https://photon.example|8|52.5,13.4|oranienstrasse 25',
          { results: [], attribution: '© OpenStreetMap contributors' },
          604_800_000,
        ),
      deleteExpiredAnswers: (db) => geocode.deleteExpiredAnswers(db),
      takeTurn: (db) => geocode.takeTurn(db, 'geocoder https://nominatim.example', 1100, 1500),
    },
  },
  {
    source: 'modules/memberships/queries.ts',
    module: memberships,
    examples: {
      lockGroup: (db) => memberships.lockGroup(db, 1),
      groupVisibility: (db) => memberships.groupVisibility(db, 1),
      membersPage: (db) => memberships.membersPage(db, 1, { r: 2, t: '2026-01-02T03:04:05.123456', u: 9 }, 50),
      findMember: (db) => memberships.findMember(db, 1, 7),
      requestsPage: (db) => memberships.requestsPage(db, 1, null, 50),
      hasRequest: (db) => memberships.hasRequest(db, 1, 7),
      addRequest: (db) => memberships.addRequest(db, 1, 7, 'Hello'),
      removeRequest: (db) => memberships.removeRequest(db, 1, 7),
      addMember: (db) => memberships.addMember(db, 1, 7, 'member'),
      removeMember: (db) => memberships.removeMember(db, 1, 7),
      setRole: (db) => memberships.setRole(db, 1, 7, 'organizer'),
      ownerCount: (db) => memberships.ownerCount(db, 1),
      groupsOfPerson: [
        (db) => memberships.groupsOfPerson(db, 7, true),
        (db) => memberships.groupsOfPerson(db, 7, false),
      ],
      personExists: (db) => memberships.personExists(db, 7),
    },
  },
  {
    source: 'modules/games/queries.ts',
    module: games,
    examples: {
      searchGames: (db) => games.searchGames(db, 'cat', 20),
      findGame: (db) => games.findGame(db, 1),
      insertGame: (db) => games.insertGame(db, { name: 'Catan', minPlayers: 3, maxPlayers: 4, playMinutes: 90 }, 7),
      findGameByName: (db) => games.findGameByName(db, 'catan'),
      findGames: (db) => games.findGames(db, [1, 2]),
      gamesOf: (db) => games.gamesOf(db, 'group', [1, 2]),
      setGamesOf: (db) => games.setGamesOf(db, { type: 'event', id: 1 }, [2, 1]),
      groupForGames: (db) => games.groupForGames(db, 1, 7),
      placeForGames: (db) => games.placeForGames(db, 1),
    },
  },
  {
    source: 'modules/places/queries.ts',
    module: places,
    examples: {
      findPlace: (db) => places.findPlace(db, 1, 7),
      placeCreator: (db) => places.placeCreator(db, 1),
      insertPlace: (db) => places.insertPlace(db, { name: 'Bohnenwerk', kind: 'cafe', location: berlin }, 7),
      updatePlace: (db) =>
        places.updatePlace(db, 1, { name: 'Bohnenwerk', location: berlin }, { location: berlin, privateHome: true }),
      deletePlace: (db) => places.deletePlace(db, 1),
    },
  },
  {
    source: 'modules/posts/queries.ts',
    module: posts,
    examples: {
      findPost: (db) => posts.findPost(db, 1, 7),
      listPublicPostsBy: (db) => posts.listPublicPostsBy(db, 7, 8, 21),
      personExists: (db) => posts.personExists(db, 7),
      insertPost: (db) =>
        posts.insertPost(db, {
          authorId: 7,
          title: 'Hello',
          body: 'Text',
          location: berlin,
          placeId: null,
          groupId: 1,
        }),
      updatePost: (db) => posts.updatePost(db, 1, { title: 'Hello', body: 'Text', location: berlin, placeId: null }),
      deletePost: (db) => posts.deletePost(db, 1),
      eraseWritingOf: (db) => posts.eraseWritingOf(db, 7),
      placePoint: (db) => posts.placePoint(db, 1),
      groupForPosting: (db) => posts.groupForPosting(db, 1, 7),
      loadDiscussionPage: [
        (db) => posts.loadDiscussionPage(db, { kind: 'post', id: 1 }, null, { branches: 50, comments: 500 }),
        (db) => posts.loadDiscussionPage(db, { kind: 'post', id: 1 }, 40, { branches: 50, comments: 500 }),
        (db) => posts.loadDiscussionPage(db, { kind: 'event', id: 1 }, null, { branches: 50, comments: 500 }),
      ],
      loadCommentTree: (db) => posts.loadCommentTree(db, 3),
      loadThreadComment: (db) => posts.loadThreadComment(db, { kind: 'event', id: 1 }, 3),
      countThreadComments: (db) => posts.countThreadComments(db, { kind: 'event', id: 1 }),
      lockThreadForReply: [
        (db) => posts.lockThreadForReply(db, { kind: 'post', id: 1 }, 7),
        (db) => posts.lockThreadForReply(db, { kind: 'event', id: 1 }, 7),
      ],
      lockParentComment: (db) => posts.lockParentComment(db, 3, { kind: 'post', id: 1 }),
      insertComment: (db) =>
        posts.insertComment(db, {
          thread: { kind: 'event', id: 1 },
          parentId: 3,
          depth: 1,
          authorId: 7,
          body: 'Yes',
          bodyHtml: '<p>Yes</p>',
        }),
      commentForChange: (db) => posts.commentForChange(db, 3, 7),
      updateComment: (db) => posts.updateComment(db, 3, 'Yes'),
      deleteComment: (db) => posts.deleteComment(db, 3),
    },
  },
  {
    source: 'modules/privacy/queries.ts',
    module: privacy,
    examples: {
      findExportRows: (db) => privacy.findExportRows(db, 7),
      databaseNow: (db) => privacy.databaseNow(db),
      lockSoleOwnedGroups: (db) => privacy.lockSoleOwnedGroups(db, 7),
      deleteGroups: (db) => privacy.deleteGroups(db, [1, 2]),
      deleteUser: (db) => privacy.deleteUser(db, 7),
    },
  },
  {
    source: 'modules/notifications/queries.ts',
    module: notifications,
    examples: {
      fanOut: [
        (db) =>
          notifications.fanOut(db, {
            kind: 'event_changed',
            recipients: notifications.attendeesSql(1, ['going', 'waitlisted']),
            actorId: 7,
            subjectType: 'event',
            eventId: 1,
            groupId: 2,
            membersOnly: true,
            data: { title: 'Catan', changes: { time: { from: when, to: later } } },
            collapseKey: 'event_changed:event:1',
            collapse: 'merge',
            mergeChanges: true,
            emailOn: true,
          }),
        (db) =>
          notifications.fanOut(db, {
            kind: 'reminder',
            recipients: notifications.attendeesSql(1, ['going']),
            actorId: null,
            subjectType: 'event',
            eventId: 1,
            membersOnly: false,
            data: { title: 'Catan', which: 'day' },
            collapseKey: 'reminder:event:1:day:2026-06-01T18:00:00.000Z',
            collapse: 'once',
            emailOn: false,
            where: notifications.reminderWantedSql('day'),
          }),
      ],
      findEventFacts: (db) => notifications.findEventFacts(db, [1, 2]),
      attendeesSql: () => notifications.attendeesSql(1, ['going', 'waitlisted']),
      usersSql: () => notifications.usersSql([7, 8]),
      withUsersSql: () => notifications.withUsersSql(notifications.attendeesSql(1, ['going', 'waitlisted']), [7]),
      membersSql: () => notifications.membersSql(2),
      gatekeepersSql: () => notifications.gatekeepersSql(2),
      nearbySql: () => notifications.nearbySql(1, 2),
      reminderWantedSql: () => notifications.reminderWantedSql('2h'),
      findReplyFacts: (db) => notifications.findReplyFacts(db, 12),
      findGroupName: (db) => notifications.findGroupName(db, 2),
      reminderKey: null,
      scheduleReminderJobs: (db) => notifications.scheduleReminderJobs(db, [1, 2]),
      deleteReminderJobs: (db) => notifications.deleteReminderJobs(db, 1),
      findInboxPage: (db) => notifications.findInboxPage(db, 7, 120, 20),
      findNewerThan: (db) => notifications.findNewerThan(db, new Map([[7, 118]]), 100),
      countUnread: (db) => notifications.countUnread(db, [7, 8]),
      findLatestId: (db) => notifications.findLatestId(db, 7),
      markRead: [(db) => notifications.markRead(db, 7, [118, 119]), (db) => notifications.markRead(db, 7, 'all')],
      findSettings: (db) => notifications.findSettings(db, 7),
      saveSettings: (db) =>
        notifications.saveSettings(db, 7, {
          inApp: ['reply'],
          email: [],
          reminderDayBefore: true,
          reminderTwoHours: false,
          nearbyRadius: 2000,
          quietStart: '22:00',
          quietEnd: '07:00',
          timeZone: 'Europe/Berlin',
        }),
      stopEmails: [(db) => notifications.stopEmails(db, 7, 'reply'), (db) => notifications.stopEmails(db, 7, 'all')],
      findEmailAddress: (db) => notifications.findEmailAddress(db, 7),
      findEmailToSend: (db) => notifications.findEmailToSend(db, 118),
      markEmailed: (db) => notifications.markEmailed(db, 118),
    },
  },
  {
    source: 'modules/media/queries.ts',
    module: media,
    examples: {
      lockObjectKeys: (db) => media.lockObjectKeys(db, ['ab/' + 'ab'.repeat(32) + '.webp']),
      insertMedia: (db) =>
        media.insertMedia(db, {
          ownerId: 7,
          alt: 'A chess board',
          width: 1920,
          height: 1440,
          placeholder: 'HAkKjRqPeIaIx3eYiIhoaHqABAh3',
          sizes: {
            small: { width: 320, height: 240 },
            medium: { width: 960, height: 720 },
            large: { width: 1920, height: 1440 },
          },
          files: [{ variant: 'small', format: 'webp', key: 'ab/' + 'ab'.repeat(32) + '.webp', bytes: 8000 }],
        }),
      isObjectKeyUsed: (db) => media.isObjectKeyUsed(db, 'ab/' + 'ab'.repeat(32) + '.webp'),
      findMediaByIds: [
        (db) => media.findMediaByIds(db, [1, 2]),
        (db) => media.findMediaByIds(db, [1, 2], { lock: true }),
      ],
      findAttachedMedia: (db) => media.findAttachedMedia(db, 'post', [1, 2]),
      replaceAttachments: (db) => media.replaceAttachments(db, { type: 'post', id: 1 }, [3, 2]),
      findMediaIdsOf: (db) => media.findMediaIdsOf(db, 'event', [1]),
      findMediaIdsOfGroups: (db) => media.findMediaIdsOfGroups(db, [1]),
      findMediaIdsOwnedBy: (db) => media.findMediaIdsOwnedBy(db, 7),
      deleteMediaRows: (db) => media.deleteMediaRows(db, [1, 2]),
      deleteIfUnattached: (db) => media.deleteIfUnattached(db, 1),
      updateAlt: (db) => media.updateAlt(db, 1, 'A chess clock'),
      findFileForViewer: (db) => media.findFileForViewer(db, 1, 'medium', 'webp', 7),
      findMediaOfOwner: (db) => media.findMediaOfOwner(db, 7),
    },
  },
  {
    source: 'modules/moderation/queries.ts',
    module: moderation,
    examples: {
      findSubject: [
        (db) => moderation.findSubject(db, 'post', 1, 7),
        (db) => moderation.findSubject(db, 'comment', 1, 7),
        (db) => moderation.findSubject(db, 'event', 1, 'anyone'),
        (db) => moderation.findSubject(db, 'group', 1, 7),
        (db) => moderation.findSubject(db, 'place', 1, 7),
        (db) => moderation.findSubject(db, 'user', 1, 7),
      ],
      insertReport: (db) =>
        moderation.insertReport(db, { reporterId: 7, type: 'comment', id: 1, groupId: 2, reason: 'spam', note: null }),
      findReport: (db) => moderation.findReport(db, 1),
      listReportsBy: (db) => moderation.listReportsBy(db, 7, 100),
      findQueuePage: [
        (db) => moderation.findQueuePage(db, { id: 7, isAdmin: false }, { after: null, limit: 25 }),
        (db) =>
          moderation.findQueuePage(
            db,
            { id: 7, isAdmin: true },
            { groupId: 2, after: { s: when.toISOString(), t: 'post', i: 1 }, limit: 25 },
          ),
      ],
      findContent: [
        (db) => moderation.findContent(db, 'post', 1),
        (db) => moderation.findContent(db, 'comment', 1),
        (db) => moderation.findContent(db, 'event', 1),
        (db) => moderation.findContent(db, 'group', 1),
        (db) => moderation.findContent(db, 'place', 1),
        (db) => moderation.findContent(db, 'user', 1),
      ],
      findStanding: (db) => moderation.findStanding(db, 7),
      setModerated: (db) =>
        moderation.setModerated(db, { type: 'post', id: 1, state: 'removed', reason: 'Spam', groupId: 2, authorId: 7 }),
      clearModerated: (db) => moderation.clearModerated(db, 'post', 1),
      moderatedState: (db) => moderation.moderatedState(db, 'post', 1),
      closeReports: (db) => moderation.closeReports(db, 'post', 1, 'actioned', 'remove: Spam'),
      insertAction: (db) =>
        moderation.insertAction(db, {
          action: 'remove',
          type: 'post',
          id: 1,
          groupId: 2,
          targetUserId: 8,
          actorId: 7,
          actorRole: 'group_moderator',
          reason: 'Spam',
          until: null,
        }),
      findLogPage: (db) => moderation.findLogPage(db, 7, { groupId: 2, beforeId: 100, limit: 50 }),
      lockDiscussion: (db) => moderation.lockDiscussion(db, 'post', 1, true),
      threadOfComment: (db) => moderation.threadOfComment(db, 1),
      banFromGroup: (db) => moderation.banFromGroup(db, { groupId: 2, userId: 8, until: later, reason: 'Rude' }),
      findBan: (db) => moderation.findBan(db, 2, 8),
      suspendUser: (db) => moderation.suspendUser(db, 8, later),
      findGroupRole: (db) => moderation.findGroupRole(db, 2, 7),
      findGroupForRules: (db) => moderation.findGroupForRules(db, 2),
      updateGroupRules: (db) => moderation.updateGroupRules(db, 2, { rules: 'Be kind', heldTerms: ['spam.example'] }),
      firstLineFacts: (db) => moderation.firstLineFacts(db, 7, 2),
      isBlocked: [(db) => moderation.isBlocked(db, 7, 8, 'either'), (db) => moderation.isBlocked(db, 7, 8, 'one_way')],
      moderatesAnyGroup: (db) => moderation.moderatesAnyGroup(db, 7),
    },
  },
  {
    source: 'modules/blocks/queries.ts',
    module: blocks,
    examples: {
      userExists: (db) => blocks.userExists(db, 8),
      insertBlock: (db) => blocks.insertBlock(db, 7, 8),
      deleteBlock: (db) => blocks.deleteBlock(db, 7, 8),
      listBlocks: (db) => blocks.listBlocks(db, 7),
    },
  },
];
