/**
 * What other features call from inside the transaction of a change that people are told about
 * (notify.ts). Its routes, live streams and jobs are registered from app.ts (routes.ts).
 */
export {
  eventSnapshot,
  notifyEventCancelled,
  notifyEventChanged,
  notifyEventsCreated,
  notifyJoinAnswered,
  notifyJoinRequest,
  notifyModerationAction,
  notifyReply,
  notifyWaitlistPromoted,
  notificationSettingsOf,
} from './notify.js';
export type { ModerationNotice } from './notify.js';
