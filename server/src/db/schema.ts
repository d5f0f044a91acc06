/**
 * The Kysely view of the database: one interface per table, grouped by the feature that owns
 * them, matching the migrations in /migrations.
 */
import type { AccountTables } from './tables/accounts.js';
import type { EventTables } from './tables/events.js';
import type { GameTables } from './tables/games.js';
import type { GeocoderTables } from './tables/geocoder.js';
import type { InstallationTables } from './tables/installation.js';
import type { ItemTables } from './tables/items.js';
import type { JobTables } from './tables/jobs.js';
import type { NotificationTables } from './tables/notifications.js';
import type { MediaTables } from './tables/media.js';
import type { ModerationTables } from './tables/moderation.js';
import type { PlaceAndGroupTables } from './tables/places-and-groups.js';
import type { PostTables } from './tables/posts.js';
import type { RateLimitTables } from './tables/rate-limits.js';
import type { SessionTables } from './tables/sessions.js';

export interface Database
  extends
    AccountTables,
    PlaceAndGroupTables,
    ItemTables,
    PostTables,
    EventTables,
    GameTables,
    GeocoderTables,
    JobTables,
    NotificationTables,
    MediaTables,
    RateLimitTables,
    SessionTables,
    InstallationTables,
    ModerationTables {}
