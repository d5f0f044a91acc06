/**
 * Reports, the moderation queue, actions, the public log and group rules. Every write needs a
 * signed-in person; the queue and actions answer 403 to those who moderate nothing.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError, errorResponses } from '../../plugins/errors.js';
import { viewerOf } from '../../plugins/auth.js';
import { IdParams } from '../../plugins/schemas.js';
import { configureFirstLine, type FirstLineSettings } from './first-line.js';
import {
  act,
  changeGroupRules,
  fileReport,
  myReports,
  readGroupRules,
  readLog,
  readQueue,
  reportAllowance,
} from './service.js';
import {
  ActionAnswer,
  ActionBody,
  CreateReportBody,
  GroupRules,
  GroupRulesBody,
  Log,
  LogEntry,
  LogQuery,
  Queue,
  QueueItem,
  QueueQuery,
  Report,
  ReportList,
} from './schemas.js';

const secured = { security: [{ bearerAuth: [] }] };

export interface ModerationRouteOptions {
  firstLine: FirstLineSettings;
  reportsPerHour: number;
}

export default async function moderationRoutes(app: FastifyInstance, options: ModerationRouteOptions) {
  configureFirstLine(options.firstLine);
  app.addSchema(Report);
  app.addSchema(QueueItem);
  app.addSchema(LogEntry);
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const moderator = (request: FastifyRequest) => {
    const viewer = viewerOf(request);
    return { id: viewer.id, isAdmin: viewer.isAdmin };
  };

  api.post(
    '/api/reports',
    {
      onRequest: app.requireUser,
      schema: {
        tags: ['moderation'],
        summary: 'Report a post, comment, meetup, group, place or person to the moderators',
        description:
          'One open report per person and subject (a second answers 409 `report_open`). Reports about a group’s ' +
          'content go to its moderators, others to the site admins. The reporter hears the outcome: see ' +
          '`GET /api/reports`. Limited per person per hour (429).',
        ...secured,
        body: CreateReportBody,
        response: { 201: Type.Ref('Report'), ...errorResponses(400, 401, 403, 404, 409, 422, 429) },
      },
    },
    async (request, reply) => {
      const viewer = viewerOf(request);
      const retryAfter = await reportAllowance(app.db, viewer.id, options.reportsPerHour);
      if (retryAfter !== null) {
        reply.header('retry-after', retryAfter);
        throw new AppError(429, 'rate_limited', 'You have sent many reports this hour; try again later.');
      }
      return reply.status(201).send(await fileReport(app.db, viewer.id, request.body));
    },
  );

  api.get(
    '/api/reports',
    {
      onRequest: app.requireUser,
      schema: {
        tags: ['moderation'],
        summary: 'Your reports and what the moderators decided',
        ...secured,
        response: { 200: ReportList, ...errorResponses(401) },
      },
    },
    async (request) => ({ reports: await myReports(app.db, viewerOf(request).id) }),
  );

  api.get(
    '/api/moderation/queue',
    {
      onRequest: app.requireUser,
      schema: {
        tags: ['moderation'],
        summary: 'Open reports and held content, one row per subject, oldest first',
        description:
          'Group moderators (owners and organizers) see their groups’ content; site admins see everything. Each row ' +
          'has the content as written (removed text included), its context and the author’s standing. Someone who ' +
          'moderates nothing gets 403.',
        ...secured,
        querystring: QueueQuery,
        response: { 200: Queue, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      return readQueue(app.cursors, app.db, moderator(request), request.query);
    },
  );

  api.post(
    '/api/moderation/actions',
    {
      onRequest: app.requireUser,
      schema: {
        tags: ['moderation'],
        summary: 'Act on a subject: remove, restore, dismiss, lock, unlock, ban_from_group, suspend, warn',
        description:
          'Every action needs a reason and is recorded in the public log with the role of who acted. Actions that ' +
          'decide (all but restore and unlock) close the subject’s open reports. In the same transaction, the person ' +
          'it concerns is notified with the reason (`moderation_action`, for every action but dismiss) and the ' +
          'reporters whose reports it closed are told the outcome (`report_outcome`). Whoever may remove something ' +
          'may restore it.',
        ...secured,
        body: ActionBody,
        response: { 201: ActionAnswer, ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request, reply) => reply.status(201).send(await act(app.db, moderator(request), request.body)),
  );

  api.get(
    '/api/moderation/log',
    {
      onRequest: app.optionalUser,
      schema: {
        tags: ['moderation'],
        summary: 'The public moderation log, newest first',
        description:
          'Date, action, subject type, reason and who acted as a role ("a moderator of Catan Crew", "a site admin", ' +
          '"the automatic first line"). Never the removed text, never who reported or who was warned. A private ' +
          'group’s entries are shown to its members only.',
        querystring: LogQuery,
        response: { 200: Log, ...errorResponses(400) },
      },
    },
    async (request) => readLog(app.cursors, app.db, request.viewer?.id ?? null, request.query),
  );

  api.get(
    '/api/groups/:id/rules',
    {
      onRequest: app.optionalUser,
      schema: {
        tags: ['moderation'],
        summary: 'A group’s rules, shown to people joining',
        description: 'Readable before joining, private groups too. Held terms only for the group’s moderators.',
        params: IdParams,
        response: { 200: GroupRules, ...errorResponses(400, 404) },
      },
    },
    async (request) => {
      const viewer = request.viewer;
      return readGroupRules(app.db, request.params.id, viewer ? { id: viewer.id, isAdmin: viewer.isAdmin } : null);
    },
  );

  api.put(
    '/api/groups/:id/rules',
    {
      onRequest: app.requireUser,
      schema: {
        tags: ['moderation'],
        summary: 'Change a group’s rules and held terms (its owners and organizers)',
        description:
          '`heldTerms`: words or links (compared without case) that send a post or comment to the group’s queue ' +
          'as "held for review" instead of publishing it.',
        ...secured,
        params: IdParams,
        body: GroupRulesBody,
        response: { 200: GroupRules, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => changeGroupRules(app.db, request.params.id, moderator(request), request.body),
  );
}
