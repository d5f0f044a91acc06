/**
 * Generated from the server's OpenAPI document by server/scripts/api-types.ts: do not edit.
 * After changing a route's schema, regenerate with `npm run api:types`.
 */

export interface paths {
  '/api/account/password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Change your password
     * @description Needs the current password (403 `wrong_password`). Every other session ends; this one stays.
     */
    post: operations['postAccountPassword'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/account/sessions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Your signed-in devices
     * @description Sessions that have not ended, most recently used first; `current` is this one.
     */
    get: operations['getAccountSessions'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/account/sessions/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Sign out one device */
    delete: operations['deleteAccountSessionsById'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Sign in
     * @description Limited per IP address (`AUTH_RATE_LIMIT` a minute) and per email: after 5 failed attempts, sign-ins for that email pause for 30 s, doubling with each further failure up to an hour (429 `rate_limited` with `Retry-After`). Each sign-in opens a session (`GET /api/account/sessions`).
     */
    post: operations['postAuthLogin'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/password-reset': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Ask for a password reset link by email
     * @description Answers 202 whether or not an account has the email, so it cannot be used to find out who has one. The link works once, for an hour. 503 `unavailable` when this server sends no email.
     */
    post: operations['postAuthPasswordReset'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/password-reset/confirm': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Choose a new password with the link from the email
     * @description Ends every session of the account and signs in here. 403 `link_expired` when the link is used or older than an hour; 400 when it was altered.
     */
    post: operations['postAuthPasswordResetConfirm'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/register': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Create an account
     * @description When this server sends email (`SMTP_URL`): answers 202 the same for every address and emails a link that makes the account (`POST /api/auth/register/confirm`); an address that has an account gets an email saying someone tried, so the answer tells no one who is a member. Without email (a local install): makes the account at once (201) or answers 409 `email_taken` (see docs/privacy.md). Either way the password must not be easy to guess (400 `validation_failed` says why).
     */
    post: operations['postAuthRegister'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/register/confirm': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Finish registering from the emailed link: makes the account and signs in
     * @description The token from the link; it works for a day, once (403 `link_expired` after). 409 `email_taken` when an account was made with the address meanwhile.
     */
    post: operations['postAuthRegisterConfirm'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/sign-out': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Sign out: end this session
     * @description The token stops working at once, on every server process.
     */
    post: operations['postAuthSignOut'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/sign-out-everywhere': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sign out everywhere: end every session of your account, this one too */
    post: operations['postAuthSignOutEverywhere'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/blocks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The people you blocked */
    get: operations['getBlocks'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/blocks/{userId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Block a person
     * @description Neither of you sees the other’s posts, comments or meetups anywhere (feed, nearby, map, search, calendars); their comments in threads show as "a comment from someone you blocked" with the replies still readable; they cannot reply to you, and neither learns of the other’s doings near home. They are not told. Blocking again changes nothing.
     */
    put: operations['putBlocksByUserId'];
    post?: never;
    /** Unblock a person */
    delete: operations['deleteBlocksByUserId'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/calendar.ics': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Upcoming meetups within a radius as an iCalendar feed
     * @description Meetups that have not ended, cancelled ones included, soonest first, at most 500; series as in a group’s feed.
     */
    get: operations['getCalendarIcs'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/comments/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Delete a comment you wrote
     * @description The comment stays in the tree as "[deleted]" (no author, no text) so its replies remain readable.
     */
    delete: operations['deleteCommentsById'];
    options?: never;
    head?: never;
    /**
     * Edit a comment you wrote
     * @description Sets `editedAt`; answers the comment with its replies.
     */
    patch: operations['patchCommentsById'];
    trace?: never;
  };
  '/api/config': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Map defaults for the web app */
    get: operations['getConfig'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Upcoming meetups near a point or of a group, nearest or soonest first
     * @description A GeoJSON FeatureCollection like /api/nearby. Without `from`, only meetups that have not ended are listed; `from`/`to` select meetups overlapping that window (URL-encode the `+` of an offset as %2B). Cancelled meetups are left out unless `includeCancelled=true`. `order=distance` (the default with lat/lng/radius) sorts by geodesic distance then id; `order=soonest` (the default otherwise) by start time then id. Follow `nextCursor` until it is null. A private group’s meetups are listed only for its members. Every occurrence of a series is listed, unless `collapseSeries=true`: then each series once, as its soonest occurrence the other parameters select (what the web app’s lists show).
     */
    get: operations['getEvents'];
    put?: never;
    /**
     * Create a meetup, or a recurring series of them
     * @description Give `placeId` (the meetup takes the place’s location) or `location`. A group’s meetup (`groupId`) needs the owner or organizer role in the group and is visible to whoever may see the group’s content. With `recurrence`, one event per occurrence is created (all or none), sharing a `series`; each has its own RSVPs and is changed or cancelled on its own (or with the later ones: PATCH with `scope=following`). `recurrence.interval` spaces them out: weekly with interval 2 is every other week. Answers the first occurrence.
     */
    post: operations['postEvents'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/events/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One meetup, with seats, waitlist and your RSVP
     * @description A private group’s meetup answers 404 to anyone who is not a member. A meetup removed by moderators answers a placeholder with the reason (`moderation`); one held for review answers only its organizer.
     */
    get: operations['getEventsById'];
    put?: never;
    post?: never;
    /**
     * Cancel a meetup you organize
     * @description The meetup is kept with status `cancelled` (shown as cancelled, RSVPs kept, no new ones). Cancels one occurrence only, also in a series. Cancelling again answers the same; a meetup that is over answers 409 event_past.
     */
    delete: operations['deleteEventsById'];
    options?: never;
    head?: never;
    /**
     * Change a meetup you organize
     * @description For a group’s meetup, its owners and organizers may change it; otherwise its organizer. Changes one occurrence only, also in a series, unless `scope` is `following` (this one and the later ones; the series is split here). Cancelled meetups (409 event_cancelled) and meetups that are over (409 event_past) cannot be changed.
     */
    patch: operations['patchEventsById'];
    trace?: never;
  };
  '/api/events/{id}/attendees': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Who is going, or who is on the waitlist
     * @description In arrival order; for `status=waitlisted` that is waitlist order, with each position.
     */
    get: operations['getEventsByIdAttendees'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/events/{id}/calendar.ics': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One meetup as an iCalendar file
     * @description UID `event-<id>@<host>` (PUBLIC_URL’s host, else this installation’s id), local times with their TZID and VTIMEZONE; a cancelled meetup has STATUS:CANCELLED. A private group’s meetup is read with a member’s Authorization header or the key in the meetup’s `calendarUrl`.
     */
    get: operations['getEventsByIdCalendarIcs'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/events/{id}/comments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A page of a meetup’s discussion
     * @description The same discussion as a post’s: a tree of comments, up to 50 top-level comments per page (oldest first) with all their replies; follow `nextBranchCursor` with `?branchCursor=`. Each occurrence of a series has its own discussion. `pinned` is the comment the organizers pinned; `locked` means no new comments. Edit and delete comments with `/api/comments/{id}`. A private group’s meetup is 404 to non-members.
     */
    get: operations['getEventsByIdComments'];
    put?: never;
    /**
     * Ask or answer in a meetup’s discussion
     * @description `parentId` names the comment replied to, at any depth up to 500 levels; it must belong to this meetup (400 otherwise). A top-level comment notifies the organizer, a reply the comment’s author. A locked discussion answers 409 `discussion_locked`; a reply to a deleted comment 409 `comment_deleted`.
     */
    post: operations['postEventsByIdComments'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/events/{id}/discussion': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Pin a comment or lock a meetup’s discussion
     * @description For those who may change the meetup (its organizer, or a group’s owners and organizers). Answers the first page of the discussion.
     */
    patch: operations['patchEventsByIdDiscussion'];
    trace?: never;
  };
  '/api/events/{id}/rsvp': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Answer whether you are going
     * @description `going` takes a seat while there are any, then joins the waitlist in arrival order (`waitlisted` with a `waitlistPosition`, 1 = next). `not_going` gives a seat back, and the first waitlisted person gets it at once. Repeating an answer changes nothing (you keep your place in the waitlist). Meetups that are cancelled (409 event_cancelled), over (409 event_past) or removed by moderators (409 event_removed, for "going") take no RSVPs.
     */
    put: operations['putEventsByIdRsvp'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/feed': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Posts and upcoming events near a point, ranked by distance and time
     * @description `mode=nearby` (default) orders by score = exp(−distance / 2000 m) · exp(−age / 72 h) · (1.5 if you belong to the item’s group, else 1). For a post, age is the time since it was posted; for an event, the time until it starts (0 once it has started and until it ends). Ages count at most 43200 hours. Nothing else counts: no comment, RSVP, member or view counts. Ties go by kind, then id. `mode=latest` orders by creation time, newest first. Every item carries `why`: the factors, their effects and the score, and a sentence saying the same. 20 items a page; follow `nextPage` (null at the end) and send back `asOf` so every page uses the same clock. Without lat/lng the signed-in person’s home location is used; without either, 400.
     */
    get: operations['getFeed'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/games': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Search the games list
     * @description Games whose name contains `q` (case ignored), names starting with it first.
     */
    get: operations['getGames'];
    put?: never;
    /**
     * Add a game to the list
     * @description One game per name, case ignored: a name already there answers 409 `game_exists`.
     */
    post: operations['postGames'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/games/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One game */
    get: operations['getGamesById'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/geocode': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Find towns, cities, streets and addresses
     * @description Without a geocoder (`GEOCODER_URL`), towns and cities by the start of their name, offline: exact names first, then larger places (GeoNames, CC BY 4.0). With one, the query goes to that Photon or Nominatim server, favouring results near `lat`/`lng`; its answers are cached for a week, and when it is slow, down or answers nonsense, the gazetteer answers instead (`source` says which did). Show `attribution` wherever the results are shown.
     */
    get: operations['getGeocode'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/groups': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Groups within a radius, nearest first
     * @description Private groups are listed at their coarsened (~500 m) point, and their distance is measured from it.
     */
    get: operations['getGroups'];
    put?: never;
    /** Start a group (you become its owner) */
    post: operations['postGroups'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/groups/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One group */
    get: operations['getGroupsById'];
    put?: never;
    post?: never;
    /** Delete a group you own */
    delete: operations['deleteGroupsById'];
    options?: never;
    head?: never;
    /** Change a group you own */
    patch: operations['patchGroupsById'];
    trace?: never;
  };
  '/api/groups/{id}/calendar.ics': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A group’s upcoming meetups as an iCalendar feed
     * @description Meetups that have not ended, cancelled ones included (STATUS:CANCELLED), at most 500. A series is one VEVENT with an RRULE (UID `series-<id>@<host>`), cancelled occurrences as EXDATE and occurrences changed on their own as VEVENTs with its UID and a RECURRENCE-ID. A private group’s feed needs a member’s Authorization header or, for calendar apps, the key in the group’s `calendarUrl` (403 members_only otherwise, also once that member has left).
     */
    get: operations['getGroupsByIdCalendarIcs'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/groups/{id}/games': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The games a group owns
     * @description A private group’s games are for its members (404 to others).
     */
    get: operations['getGroupsByIdGames'];
    /** Set the games a group owns (its owners and organizers) */
    put: operations['putGroupsByIdGames'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/groups/{id}/members': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The group’s members, owners and organizers first
     * @description Anyone may list a public group’s members; a private group’s only its members (403 members_only).
     */
    get: operations['getGroupsByIdMembers'];
    put?: never;
    /**
     * Join a group (or ask to join a private one)
     * @description A public group: you become a member (201, status `member`). A private group: your request waits for an owner or organizer (202, status `pending`). 409 already_member or request_pending when repeated.
     */
    post: operations['postGroupsByIdMembers'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/groups/{id}/members/{userId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Remove a member (owners only)
     * @description The person stops being a member at once: private content and their calendar link stop working, and a calendar link from before stays dead if they are let back in. Owners cannot be removed (change their role first); to leave yourself use `DELETE /api/groups/{id}/members/me`.
     */
    delete: operations['deleteGroupsByIdMembersByUserId'];
    options?: never;
    head?: never;
    /**
     * Change a member’s role (owners only)
     * @description Organizers create and manage the group’s meetups and answer join requests. Making a member owner hands the group over; the last owner cannot step down (409 last_owner).
     */
    patch: operations['patchGroupsByIdMembersByUserId'];
    trace?: never;
  };
  '/api/groups/{id}/members/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Leave a group
     * @description The last owner cannot leave (409 last_owner): make another member owner first, or delete the group.
     */
    delete: operations['deleteGroupsByIdMembersMe'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/groups/{id}/requests': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Pending requests to join (owners and organizers) */
    get: operations['getGroupsByIdRequests'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/groups/{id}/requests/{userId}/approve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Approve a request to join (owners and organizers)
     * @description The person becomes a member.
     */
    post: operations['postGroupsByIdRequestsByUserIdApprove'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/groups/{id}/requests/{userId}/decline': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Decline a request to join (owners and organizers)
     * @description The request is removed; the person may ask again later.
     */
    post: operations['postGroupsByIdRequestsByUserIdDecline'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/groups/{id}/requests/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Withdraw your request to join */
    delete: operations['deleteGroupsByIdRequestsMe'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/groups/{id}/rules': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A group’s rules, shown to people joining
     * @description Readable before joining, private groups too. Held terms only for the group’s moderators.
     */
    get: operations['getGroupsByIdRules'];
    /**
     * Change a group’s rules and held terms (its owners and organizers)
     * @description `heldTerms`: words or links (compared without case) that send a post or comment to the group’s queue as "held for review" instead of publishing it.
     */
    put: operations['putGroupsByIdRules'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Is the server and its database up?
     * @description 200 `ok`; 503 `degraded` when the database answers but cannot write (its disk is full: writes answer 507 `storage_full`, reads go on), 503 `unavailable` when it does not answer.
     */
    get: operations['getHealth'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/health/live': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Is the process alive? (liveness)
     * @description Answers as long as the process runs its event loop, without asking the database: restart the process only when this fails. Never waits in the line.
     */
    get: operations['getHealthLive'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/health/ready': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Should this process get traffic? (readiness)
     * @description 200 when the database answers and has applied every migration this version needs; 503 otherwise, and while the process drains on shutdown. A full disk (`database: cannot_write`) leaves it ready. Never waits in the line.
     */
    get: operations['getHealthReady'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/map': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Items or clusters inside a map viewport
     * @description Up to 300 items come back one by one; denser views come back as clusters: cells of a quadtree over the Web Mercator square about 64 pixels wide at this zoom, counted ahead in the database. A cluster counts its whole cell, also where the cell reaches past the edge of the view. Items sent one by one whose markers would lie closer than 32 pixels at this zoom come as a cluster of those items (also when `clustered` is false), until zoom 18: items that would still overlap there come one by one. The filters (placeKinds, thisWeek, needsPlayers) keep only the kinds they apply to, and clusters count only the items that pass them and that the caller may see. Clusters, like items, leave out removed and held posts and meetups, and for a signed-in viewer those of people either of them blocked. Never more than 500 features.
     */
    get: operations['getMap'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Your profile */
    get: operations['getMe'];
    put?: never;
    post?: never;
    /**
     * Delete your account
     * @description Confirmed with your password. Erases your profile, memberships, RSVPs (your seats go to the waitlist), the text of your posts and comments (replies by others stay), every photo you uploaded, meetups you organized outside a group, and groups only you are in. Places you added stay on the map without your name. Refused with 409 `last_owner` (details.groups) while you are the only owner of a group with other members.
     */
    delete: operations['deleteMe'];
    options?: never;
    head?: never;
    /**
     * Change your name, bio, home location or profile photo
     * @description The home location is stored precisely for ranking but only ever returned snapped to ~500 m.
     */
    patch: operations['patchMe'];
    trace?: never;
  };
  '/api/me/calendar': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The address of your own meetups’ calendar feed */
    get: operations['getMeCalendar'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/calendar.ics': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Your own meetups as an iCalendar feed
     * @description The meetups you go to, are waiting for or organize that have not ended, at most 500, each an entry of its own. Read with the key in the `calendarUrl` of GET /api/me/calendar, as calendar apps do.
     */
    get: operations['getMeCalendarIcs'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Download your data
     * @description One JSON document with everything Vicinity keeps about you, served as a file download. Your photos are links to their largest rendition, good for at least a day (`photoLinksExpireAt`).
     */
    get: operations['getMeExport'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/groups': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The groups you belong to, with your role
     * @description Private groups included. Groups you own first, then those you organize, then the others.
     */
    get: operations['getMeGroups'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/notification-settings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** What you are told, and how */
    get: operations['getMeNotificationSettings'];
    /**
     * Change what you are told, and how
     * @description The whole settings object, as GET answers it (without `emailAvailable` and `homeLocationSet`).
     */
    put: operations['putMeNotificationSettings'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/media': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Upload a photo
     * @description A `multipart/form-data` body with `file` and `alt`. The type is read from the file’s bytes (JPEG, PNG, WebP, AVIF, or the first frame of a GIF); SVG and HEIC are refused with 415 `unsupported_image`. A file over the size limit is answered 413 `file_too_large` as soon as it passes it; an image with too many pixels 422 `image_too_large` before it is decoded; a damaged or truncated one 422 `image_unreadable`. The orientation is applied and all metadata (EXIF, GPS, XMP, IPTC, maker notes) removed; the file sent is not kept. Attach the photo with `mediaIds` (posts, meetups, groups, places) or `avatarId` (your profile) within a day, or it is deleted. 503 `busy` when too many photos are waiting to be processed, 503 `unavailable` when the storage cannot be reached (nothing is kept then).
     */
    post: operations['postMedia'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/media/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One of your photos */
    get: operations['getMediaById'];
    put?: never;
    post?: never;
    /**
     * Delete a photo you uploaded
     * @description It disappears from wherever it is shown; its files are deleted.
     */
    delete: operations['deleteMediaById'];
    options?: never;
    head?: never;
    /** Change the alt text of a photo you uploaded */
    patch: operations['patchMediaById'];
    trace?: never;
  };
  '/api/moderation/actions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Act on a subject: remove, restore, dismiss, lock, unlock, ban_from_group, suspend, warn
     * @description Every action needs a reason and is recorded in the public log with the role of who acted. Actions that decide (all but restore and unlock) close the subject’s open reports. In the same transaction, the person it concerns is notified with the reason (`moderation_action`, for every action but dismiss) and the reporters whose reports it closed are told the outcome (`report_outcome`). Whoever may remove something may restore it.
     */
    post: operations['postModerationActions'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/moderation/log': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The public moderation log, newest first
     * @description Date, action, subject type, reason and who acted as a role ("a moderator of Catan Crew", "a site admin", "the automatic first line"). Never the removed text, never who reported or who was warned. A private group’s entries are shown to its members only.
     */
    get: operations['getModerationLog'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/moderation/queue': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Open reports and held content, one row per subject, oldest first
     * @description Group moderators (owners and organizers) see their groups’ content; site admins see everything. Each row has the content as written (removed text included), its context and the author’s standing. Someone who moderates nothing gets 403.
     */
    get: operations['getModerationQueue'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/nearby': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Items within a radius, nearest first
     * @description A GeoJSON FeatureCollection ordered by geodesic distance (WGS84 spheroid), ties broken by kind then id. Follow `nextCursor` until it is null to walk every item within the radius exactly once.
     */
    get: operations['getNearby'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/notifications': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Your notifications, newest first
     * @description Explicit pages: pass `nextCursor` as `cursor` for older ones. Similar notifications collapse into one item (`count`). `unread` counts every page.
     */
    get: operations['getNotifications'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/notifications/read': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Mark notifications read
     * @description Ids that are not yours or already read are ignored. Your other open pages hear the new count.
     */
    post: operations['postNotificationsRead'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/notifications/stream': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Your notifications, live (Server-Sent Events)
     * @description Open with `?ticket=` from POST /api/notifications/stream-ticket. Events: `notification` (data: a NotificationItem; id: its id) and `unread` (data: `{"unread": n}`; id: the last notification id sent), plus a comment line as a heartbeat. A browser reconnecting sends `Last-Event-ID` and gets everything after it, nothing twice; a new EventSource passes `lastEventId` instead. Without either, the stream starts from now. Streams end after an hour: reconnect with a new ticket.
     */
    get: operations['getNotificationsStream'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/notifications/stream-ticket': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * A ticket to open the live stream
     * @description A browser’s EventSource cannot send an Authorization header, and a sign-in token must never be put in a URL, so the stream takes this instead: good for one minute, for the stream only.
     */
    post: operations['postNotificationsStreamTicket'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/notifications/unsubscribe': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** What an unsubscribe link would stop (changes nothing) */
    get: operations['getNotificationsUnsubscribe'];
    put?: never;
    /**
     * Stop emails from an email’s link, without signing in
     * @description The URL of the email’s `List-Unsubscribe` header (with `List-Unsubscribe-Post: List-Unsubscribe=One-Click`, RFC 8058) and of its unsubscribe link. Stops emails of the kind the email was about; `{"all": true}` stops every email. Repeating it is harmless.
     */
    post: operations['postNotificationsUnsubscribe'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/people/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A person’s public profile
     * @description Display name, bio and avatar; never their email or home location.
     */
    get: operations['getPeopleById'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/people/{id}/groups': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The public groups a person belongs to, with their role
     * @description Only public groups, also for fellow members of a private one; your own private groups are listed too.
     */
    get: operations['getPeopleByIdGroups'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/people/{id}/posts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A person’s public posts, newest first
     * @description The posts anyone may read, for their profile: posts in private groups are never listed (not even to fellow members), nor deleted, removed or held ones; none between people who blocked one another.
     */
    get: operations['getPeopleByIdPosts'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/places': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Places within a radius, nearest first */
    get: operations['getPlaces'];
    put?: never;
    /** Add a place */
    post: operations['postPlaces'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/places/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One place
     * @description A private home shows its exact point and address only to whoever added it; everyone else sees its area (`locationPrecisionMeters`) and no address.
     */
    get: operations['getPlacesById'];
    put?: never;
    post?: never;
    /** Delete a place you added */
    delete: operations['deletePlacesById'];
    options?: never;
    head?: never;
    /** Change a place you added */
    patch: operations['patchPlacesById'];
    trace?: never;
  };
  '/api/places/{id}/games': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The games a place has to play */
    get: operations['getPlacesByIdGames'];
    /** Set the games a place has (whoever added it) */
    put: operations['putPlacesByIdGames'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/posts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Posts within a radius, nearest first
     * @description Deleted posts and posts in private groups you are not a member of are left out.
     */
    get: operations['getPosts'];
    put?: never;
    /**
     * Write a post
     * @description The body is Markdown; the answer carries it rendered and sanitized as `bodyHtml`. Give `location`, or `placeId` / `groupId` to use that place’s or group’s point. Posting in a group needs membership.
     */
    post: operations['postPosts'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/posts/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One post with its discussion
     * @description The discussion is a tree: `discussion.comments` holds up to 50 top-level comments (oldest first), each with all its replies nested in `replies` at any depth (siblings oldest first). A page stops before the branch that would take it past 500 comments (its first branch comes whole). Follow `discussion.nextBranchCursor` with `?branchCursor=` (here or on `/api/posts/{id}/comments`) for more. A post in a private group is 404 to non-members.
     */
    get: operations['getPostsById'];
    put?: never;
    post?: never;
    /**
     * Delete a post (its author, or an owner or organizer of its group)
     * @description The post stays as a placeholder (title "[deleted]", no body, no author) so its discussion remains readable; no new comments can be added. Deleting a deleted post again changes nothing.
     */
    delete: operations['deletePostsById'];
    options?: never;
    head?: never;
    /**
     * Edit a post you wrote
     * @description Sets `editedAt`. A new `placeId` without `location` moves the post to that place.
     */
    patch: operations['patchPostsById'];
    trace?: never;
  };
  '/api/posts/{id}/comments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A page of a post’s discussion
     * @description The same `discussion` object as in the post, for loading further top-level branches.
     */
    get: operations['getPostsByIdComments'];
    put?: never;
    /**
     * Reply to a post or to any comment on it
     * @description `parentId` names the comment replied to, at any depth up to 500 levels; it must belong to this post (400 otherwise). Replying under a deleted post answers 409 `thread_deleted`; to a deleted comment, 409 `comment_deleted`.
     */
    post: operations['postPostsByIdComments'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/reports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Your reports and what the moderators decided */
    get: operations['getReports'];
    put?: never;
    /**
     * Report a post, comment, meetup, group, place or person to the moderators
     * @description One open report per person and subject (a second answers 409 `report_open`). Reports about a group’s content go to its moderators, others to the site admins. The reporter hears the outcome: see `GET /api/reports`. Limited per person per hour (429).
     */
    post: operations['postReports'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/search': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Find places, groups, meetups and posts by their words, near a point
     * @description Matches names, titles, descriptions, post text, games, place kinds and tags with PostgreSQL full-text search: accents and case are ignored, words match as written and by their German and English stems, and a name that is close to the words (trigram similarity) matches too. Only items within `radius` of lat/lng that you may see are searched, exactly as on the map (a private group’s meetups and posts only for its members; approximate locations stay approximate). Ordered by `score = textScore / (1 + km)`, so a close match nearby comes before the same match far away; each result says why in `ranking.why`. Towns are found with /api/geocode.
     */
    get: operations['getSearch'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/media/{id}/{file}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A photo’s rendition
     * @description Served only to whoever may see what the photo is attached to (checked on every request; the URL’s `key` names the viewer, since browsers do not send the Authorization header for images). Immutable: cache it for good, revalidate with `If-None-Match`. 403 `link_expired` for a key past its day.
     */
    get: operations['getMediaByIdByFile'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/ogc': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * OGC API – Features landing page
     * @description Links to the API definition, the conformance classes and the collections.
     */
    get: operations['getOgcLandingPage'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/ogc/collections': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The collections: places, groups, meetups, posts */
    get: operations['getOgcCollections'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/ogc/collections/{collectionId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One collection */
    get: operations['getOgcCollection'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/ogc/collections/{collectionId}/items': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A collection’s items as GeoJSON, a page at a time
     * @description Items in id order, 100 a page by default and at most 1000; follow the `next` link. What a viewer sees is what /api/nearby and /api/map show them: signed in, a private group’s members also see its meetups and posts.
     */
    get: operations['getOgcItems'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/ogc/collections/{collectionId}/items/{featureId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One item of a collection as a GeoJSON Feature */
    get: operations['getOgcItem'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/ogc/conformance': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The OGC API – Features conformance classes this server implements */
    get: operations['getOgcConformance'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    Attendee: {
      /**
       * Format: date-time
       * @description When this answer was given.
       */
      respondedAt: string;
      status: 'going' | 'waitlisted' | 'not_going';
      user: {
        displayName: string;
        id: number;
      };
      waitlistPosition: number | null;
    };
    AttendeeList: {
      attendees: components['schemas']['Attendee'][];
      nextCursor: string | null;
    };
    AuthAnswer: {
      token: string;
      user: components['schemas']['Me'];
    };
    ClientConfig: {
      /** @description The server has a geocoder (`GEOCODER_URL`), so `/api/geocode` finds streets and addresses; without one it finds towns and cities only. */
      addressSearch: boolean;
      mapCenter: {
        lat: number;
        lng: number;
      };
      tileAttribution: string;
      /** @description Leaflet tile URL template. */
      tileUrl: string;
      zoom: number;
    };
    CoarseLocation: {
      lat: number;
      lng: number;
      /** @description The location is only accurate to about this many metres. */
      precisionMeters: number;
    };
    /** @description Your profile (home location coarsened, as everywhere), memberships, join requests, RSVPs, and what you created or wrote. Deleted posts and comments are gone and not included. */
    DataExport: {
      comments: {
        body: string;
        /** Format: date-time */
        createdAt: string;
        /** Format: date-time */
        editedAt: string | null;
        eventId: number | null;
        id: number;
        parentId: number | null;
        postId: number | null;
      }[];
      eventsOrganized: {
        capacity: number | null;
        description: string;
        /** Format: date-time */
        endsAt: string;
        groupId: number | null;
        id: number;
        location: {
          lat: number;
          lng: number;
        };
        placeId: number | null;
        /** Format: date-time */
        startsAt: string;
        status: string;
        timeZone: string;
        title: string;
      }[];
      /** Format: date-time */
      exportedAt: string;
      /** @description Games you added to the shared games list. They stay in the list when you delete your account, without your name; which games a group or a place owns is not kept per person. */
      gamesAdded: {
        /** Format: date-time */
        createdAt: string;
        id: number;
        maxPlayers: number | null;
        minPlayers: number | null;
        name: string;
        playMinutes: number | null;
      }[];
      groupsCreated: {
        /** Format: date-time */
        createdAt: string;
        description: string;
        id: number;
        location: {
          lat: number;
          lng: number;
        };
        name: string;
        visibility: string;
      }[];
      joinRequests: {
        /** Format: date-time */
        createdAt: string;
        groupId: number;
        groupName: string;
        message: string;
      }[];
      memberships: {
        groupId: number;
        groupName: string;
        /** Format: date-time */
        joinedAt: string;
        role: string;
      }[];
      notificationSettings: {
        kinds: {
          event_cancelled: {
            /** @description By email (when the server sends email). */
            email: boolean;
            /** @description In the inbox, the bell and the live stream. Always true for the safety notices. */
            inApp: boolean;
          };
          event_changed: {
            /** @description By email (when the server sends email). */
            email: boolean;
            /** @description In the inbox, the bell and the live stream. Always true for the safety notices. */
            inApp: boolean;
          };
          group_event: {
            /** @description By email (when the server sends email). */
            email: boolean;
            /** @description In the inbox, the bell and the live stream. Always true for the safety notices. */
            inApp: boolean;
          };
          join_approved: {
            /** @description By email (when the server sends email). */
            email: boolean;
            /** @description In the inbox, the bell and the live stream. Always true for the safety notices. */
            inApp: boolean;
          };
          join_declined: {
            /** @description By email (when the server sends email). */
            email: boolean;
            /** @description In the inbox, the bell and the live stream. Always true for the safety notices. */
            inApp: boolean;
          };
          join_request: {
            /** @description By email (when the server sends email). */
            email: boolean;
            /** @description In the inbox, the bell and the live stream. Always true for the safety notices. */
            inApp: boolean;
          };
          moderation_action: {
            /** @description By email (when the server sends email). */
            email: boolean;
            /** @description In the inbox, the bell and the live stream. Always true for the safety notices. */
            inApp: boolean;
          };
          nearby_event: {
            /** @description By email (when the server sends email). */
            email: boolean;
            /** @description In the inbox, the bell and the live stream. Always true for the safety notices. */
            inApp: boolean;
          };
          reminder: {
            /** @description By email (when the server sends email). */
            email: boolean;
            /** @description In the inbox, the bell and the live stream. Always true for the safety notices. */
            inApp: boolean;
          };
          reply: {
            /** @description By email (when the server sends email). */
            email: boolean;
            /** @description In the inbox, the bell and the live stream. Always true for the safety notices. */
            inApp: boolean;
          };
          report_outcome: {
            /** @description By email (when the server sends email). */
            email: boolean;
            /** @description In the inbox, the bell and the live stream. Always true for the safety notices. */
            inApp: boolean;
          };
          waitlist_promoted: {
            /** @description By email (when the server sends email). */
            email: boolean;
            /** @description In the inbox, the bell and the live stream. Always true for the safety notices. */
            inApp: boolean;
          };
        };
        /** @description Metres around your home location within which new public meetups are notified (`nearby_event`); null (the default) for none. */
        nearbyRadius: number | null;
        /** @description Emails that would arrive between start and end (in timeZone; may span midnight) wait until end, except a cancellation of a meetup less than 24 hours ahead. Null for none. */
        quietHours: {
          /** @description HH:MM, 24-hour clock. */
          end: string;
          /** @description HH:MM, 24-hour clock. */
          start: string;
        } | null;
        reminders: {
          /** @description A reminder the day before (24 hours ahead). */
          dayBefore: boolean;
          /** @description A reminder two hours ahead. */
          twoHoursBefore: boolean;
        };
        /** @description IANA time zone of the quiet hours, e.g. Europe/Berlin. */
        timeZone: string;
      };
      /**
       * Format: date-time
       * @description When the links in `photos` stop working: at least a day after the export.
       */
      photoLinksExpireAt: string;
      /** @description Every photo you uploaded, as kept: the largest rendition (the files sent were never kept). Download them while the links work; a new export makes new links. */
      photos: {
        alt: string;
        /** @description What it is shown on (`user`: your profile photo); null when not attached yet. */
        attachedTo: {
          id: number;
          type: 'post' | 'event' | 'group' | 'place' | 'user';
        } | null;
        /** Format: date-time */
        createdAt: string;
        height: number;
        id: number;
        /** @description The largest rendition as JPEG. The link works until `photoLinksExpireAt`. */
        jpeg: string;
        /** @description The same as WebP. */
        webp: string;
        width: number;
      }[];
      placesCreated: {
        address: string | null;
        /** Format: date-time */
        createdAt: string;
        description: string;
        id: number;
        kind: string;
        location: {
          lat: number;
          lng: number;
        };
        name: string;
        privateHome: boolean;
        tags: string[];
      }[];
      posts: {
        /** @description The Markdown as written. */
        body: string;
        /** Format: date-time */
        createdAt: string;
        /** Format: date-time */
        editedAt: string | null;
        groupId: number | null;
        id: number;
        location: {
          lat: number;
          lng: number;
        };
        placeId: number | null;
        title: string;
      }[];
      profile: components['schemas']['Me'];
      rsvps: {
        /** Format: date-time */
        answeredAt: string;
        eventId: number;
        eventTitle: string;
        /** Format: date-time */
        startsAt: string;
        status: string;
      }[];
    };
    Discussion: {
      /** @description Up to 50 top-level comments, oldest first, each with its whole subtree. A page stops before the branch that would take it past 500 comments; its first branch comes whole whatever its size. */
      comments: components['schemas']['PostComment'][];
      /** @description A meetup’s organizers closed the discussion: no new comments or edits (always false on posts). */
      locked: boolean;
      /** @description Pass as `branchCursor` for the next top-level comments; null on the last page. */
      nextBranchCursor: string | null;
      /** @description The comment a meetup’s organizers pinned, without its replies (it also stays in its place in the tree); null when none (always on posts). */
      pinned: components['schemas']['PostComment'] | (never | null);
      /** @description Comments in the whole discussion, deleted placeholders included. */
      totalComments: number;
    };
    /** @description Every error answer has this shape. */
    ErrorBody: {
      error: {
        /**
         * @description Stable machine-readable code:
         *     - `bad_request`: The request is not one this server can answer.
         *     - `validation_failed`: A parameter or field is missing or invalid; `details` lists each as {field, in, message}.
         *     - `malformed_json`: The body is not valid JSON.
         *     - `empty_body`: The body is empty although its content type says JSON.
         *     - `bad_url`: The address itself is broken (bad percent-encoding or an over-long part).
         *     - `bad_http`: The request is not valid HTTP.
         *     - `unauthorized`: Sign in first: the route needs `Authorization: Bearer <token>`.
         *     - `token_invalid`: The token is not one this server signed, or its account is gone. Sign in again.
         *     - `token_expired`: The token has expired. Sign in again.
         *     - `invalid_credentials`: The email or password is wrong.
         *     - `forbidden`: Signed in, but not allowed to do this.
         *     - `members_only`: Only members of the private group may see this.
         *     - `wrong_password`: The password given to confirm the action is not the account’s.
         *     - `link_expired`: The link has expired: load the page it came from again for a new one.
         *     - `account_suspended`: The account is suspended by the site admins: it may read and export its data but not write (`details.until`).
         *     - `banned_from_group`: A moderator banned you from this group’s discussions (`details.until`).
         *     - `blocked`: You cannot reply to or contact this person.
         *     - `not_found`: No such thing, or it is hidden from you.
         *     - `method_not_allowed`: The address exists but not with this method.
         *     - `not_acceptable`: No answer in a form the request accepts.
         *     - `conflict`: The request conflicts with the current state.
         *     - `write_conflict`: A simultaneous change to the same data won; nothing was stored, send it again.
         *     - `email_taken`: An account with this email already exists.
         *     - `already_member`: You are already a member of the group.
         *     - `game_exists`: A game of that name is in the list already.
         *     - `request_pending`: You have already asked to join the group.
         *     - `last_owner`: A group needs an owner: make someone else owner first (`details.groups` names them).
         *     - `event_cancelled`: The meetup was cancelled.
         *     - `event_past`: The meetup is over.
         *     - `event_removed`: Moderators removed the meetup; it takes no RSVPs.
         *     - `post_deleted`: The post was deleted.
         *     - `thread_deleted`: The post was deleted; its discussion is closed.
         *     - `comment_deleted`: The comment was deleted.
         *     - `discussion_locked`: The organizers locked this discussion: no new comments or edits.
         *     - `report_open`: You already have an open report about this; you will hear its outcome.
         *     - `request_timeout`: The request took too long to arrive.
         *     - `payload_too_large`: The body is larger than this server accepts.
         *     - `unsupported_media_type`: This content type is not accepted; send application/json.
         *     - `unsupported_encoding`: Compressed request bodies are not accepted.
         *     - `unprocessable`: The request is well-formed but cannot be carried out.
         *     - `rate_limited`: Too many attempts; wait as `Retry-After` says.
         *     - `headers_too_large`: The address or the headers together are longer than this server accepts.
         *     - `file_too_large`: The file is larger than this server accepts (`details.maxBytes`).
         *     - `unsupported_image`: The file is not an image this server takes: JPEG, PNG, WebP, AVIF or GIF (SVG is refused).
         *     - `image_too_large`: The image has more pixels than this server accepts (`details.maxPixels`).
         *     - `image_unreadable`: The image is damaged or incomplete and could not be read.
         *     - `internal_error`: Something went wrong on the server; nothing partial was stored.
         *     - `busy`: Too many requests are waiting; try again after `Retry-After`.
         *     - `unavailable`: The server or its database cannot answer now.
         *     - `database_unavailable`: The database is away for a moment (restarting, unreachable); nothing was stored. Try again after `Retry-After`.
         *     - `storage_full`: The server’s disk is full; nothing was stored. Reading still works.
         *     - `web_not_built`: The web app has not been built on this server.
         * @enum {string}
         */
        code:
          | 'bad_request'
          | 'validation_failed'
          | 'malformed_json'
          | 'empty_body'
          | 'bad_url'
          | 'bad_http'
          | 'unauthorized'
          | 'token_invalid'
          | 'token_expired'
          | 'invalid_credentials'
          | 'forbidden'
          | 'members_only'
          | 'wrong_password'
          | 'link_expired'
          | 'account_suspended'
          | 'banned_from_group'
          | 'blocked'
          | 'not_found'
          | 'method_not_allowed'
          | 'not_acceptable'
          | 'conflict'
          | 'write_conflict'
          | 'email_taken'
          | 'already_member'
          | 'game_exists'
          | 'request_pending'
          | 'last_owner'
          | 'event_cancelled'
          | 'event_past'
          | 'event_removed'
          | 'post_deleted'
          | 'thread_deleted'
          | 'comment_deleted'
          | 'discussion_locked'
          | 'report_open'
          | 'request_timeout'
          | 'payload_too_large'
          | 'unsupported_media_type'
          | 'unsupported_encoding'
          | 'unprocessable'
          | 'rate_limited'
          | 'headers_too_large'
          | 'file_too_large'
          | 'unsupported_image'
          | 'image_too_large'
          | 'image_unreadable'
          | 'internal_error'
          | 'busy'
          | 'unavailable'
          | 'database_unavailable'
          | 'storage_full'
          | 'web_not_built';
        details?: unknown;
        /** @description A sentence for people. */
        message: string;
      };
    };
    Event: {
      /** @description Path of this meetup’s iCalendar file. For a private group’s meetup it carries a key that lets a calendar app read it as you, while you are a member. */
      calendarUrl: string;
      /** @description Whether you may change or cancel this meetup. */
      canEdit: boolean;
      /** @description null: no limit. */
      capacity: number | null;
      /** Format: date-time */
      createdAt: string;
      /** @description Markdown source, for editing. */
      description: string;
      /** @description The description rendered on the server and sanitized exactly as a post’s body (`bodyHtml`): no scripts, styles, event handlers or non-http(s)/mailto links. Safe to insert as HTML. */
      descriptionHtml: string;
      /**
       * Format: date-time
       * @description ISO 8601 with the offset of timeZone at that instant.
       */
      endsAt: string;
      games: string[];
      /** @description People going. */
      going: number;
      /** @description The group holding the meetup. A private group’s meetups are seen only by its members. */
      group: {
        id: number;
        name: string;
        /** @description Private groups show on the map at a point snapped to ~500 m; their events and posts are for members. */
        visibility: 'public' | 'private';
      } | null;
      id: number;
      /** @description The games from the games list this meetup plays (`gameIds`); their names are also in `games`. */
      linkedGames: components['schemas']['Game'][];
      /** @description The exact point, or for you as an outsider of an approximate meetup the centre of its area. */
      location: {
        lat: number;
        lng: number;
      };
      /** @description null: `location` is the exact point. Otherwise it is the centre of a grid cell this many metres wide; the place and its address are hidden until you are going. */
      locationPrecisionMeters: number | null;
      /** @description approximate: only the organizers and the people going see the exact point and the place; everyone else sees an area (the point snapped to a ~500 m grid) and no address, in every answer. Default: approximate at a place marked a private home, else exact. */
      locationPrivacy: 'exact' | 'approximate';
      /** @description Its photos, in order. */
      media: components['schemas']['Media'][];
      /** @description null: no minimum. */
      minPlayers: number | null;
      /** @description Absent when the meetup is published normally. A removed meetup’s page still answers, for everyone: title "[removed]", description "removed by moderators: <reason>", no organizer, place or photos; its discussion stays readable. A held one is seen by its organizer only. */
      moderation?: {
        /** @description Why, as the moderator or the automatic first line wrote it. */
        reason: string;
        /** @description `removed`: moderators removed it (everyone sees the reason instead of the text); `held`: held for review, seen by its author only until a moderator decides. */
        state: 'removed' | 'held';
      };
      myRsvp: components['schemas']['MyRsvp'];
      /** @description How many more people must go for minPlayers ("needs 2 more"); 0 when enough. */
      needsPlayers: number;
      /** @description What happens at the deadline if fewer than minPlayers are going: cancel (everyone is told) or keep. */
      onShortfall: 'cancel' | 'keep';
      /** @description null when the account was deleted. */
      organizer: {
        /** @description Their profile photo; null when they have none. */
        avatar?: {
          /** @description What the photo shows, for people who cannot see it: 1 to 1500 characters, required. It is the `alt` text wherever the photo appears. */
          alt: string;
          height: number;
          id: number;
          /** @description The same renditions as JPEG, for browsers without WebP. */
          jpegUrls: {
            large: string;
            medium: string;
            small: string;
          };
          /** @description A ThumbHash of the photo (base64, a few dozen bytes): decode it to show its shape and colours while it loads. */
          placeholder: string;
          /** @description WebP renditions, 320, 960 and 1920 px on the long side (never larger than the photo sent). A photo of a private group’s content, or one not yet attached, carries a `key` valid for a day or two that lets the browser fetch it as you. */
          urls: {
            large: string;
            medium: string;
            small: string;
          };
          /** @description Of the largest rendition, in pixels, orientation applied. */
          width: number;
          /** @description The width in pixels of each rendition, for `srcset`. */
          widths: {
            large: number;
            medium: number;
            small: number;
          };
        } | null;
        displayName: string;
        id: number;
      } | null;
      /** @description The place the meetup is at; null when it is only a point on the map. */
      place: {
        address: string | null;
        id: number;
        name: string;
      } | null;
      /**
       * Format: date-time
       * @description When a meetup still short of minPlayers is cancelled or kept (onShortfall).
       */
      playersDeadline: string | null;
      /** @description null when there is no limit; never negative. */
      seatsLeft: number | null;
      /** @description Set on each occurrence of a recurring meetup. In a list with `collapseSeries=true`, the listed occurrence is the series’ next one (its `startsAt` is the next date). */
      series: {
        /** @description Occurrences in the series (as created, or since it was split by a change to "following"). */
        count: number;
        freq: 'weekly' | 'monthly';
        id: number;
        /** @description 1-based position of this occurrence in the series. */
        index: number;
        /** @description Every how many weeks or months. */
        interval: number;
        /** @description The rhythm in plain words: "weekly", "every 2 weeks", "monthly"… */
        rule: string;
        /** @description Occurrences of the series that have not ended and are not cancelled, this one included. */
        upcoming: number;
      } | null;
      /**
       * Format: date-time
       * @description ISO 8601 with the offset of timeZone at that instant.
       */
      startsAt: string;
      /** @description Cancelled meetups stay readable and keep their RSVPs, but take no new ones. */
      status: 'scheduled' | 'cancelled';
      timeZone: string;
      title: string;
      /** Format: date-time */
      updatedAt: string;
      /** @description Path of the meetup’s page in the web app. */
      url: string;
      /** @description People on the waitlist. */
      waitlisted: number;
    };
    EventCollection: {
      features: components['schemas']['EventFeature'][];
      /** @description Pass as `cursor` for the next page; null on the last page. */
      nextCursor: string | null;
      /** @enum {string} */
      type: 'FeatureCollection';
    };
    EventFeature: {
      geometry: components['schemas']['GeoJsonPoint'];
      /** @description "event:<id>", as in /api/nearby. */
      id: string;
      properties: components['schemas']['EventSummary'];
      /** @enum {string} */
      type: 'Feature';
    };
    /** @description The meetup as in GET /api/events/{id}, without its description. */
    EventSummary: {
      /** @description Whether you may change or cancel this meetup. */
      canEdit: boolean;
      /** @description null: no limit. */
      capacity: number | null;
      /** Format: date-time */
      createdAt: string;
      /** @description Geodesic distance; only when lat/lng are given. */
      distanceMeters?: number;
      /**
       * Format: date-time
       * @description ISO 8601 with the offset of timeZone at that instant.
       */
      endsAt: string;
      games: string[];
      /** @description People going. */
      going: number;
      /** @description The group holding the meetup. A private group’s meetups are seen only by its members. */
      group: {
        id: number;
        name: string;
        /** @description Private groups show on the map at a point snapped to ~500 m; their events and posts are for members. */
        visibility: 'public' | 'private';
      } | null;
      id: number;
      /** @enum {string} */
      kind: 'event';
      /** @description The exact point, or for you as an outsider of an approximate meetup the centre of its area. */
      location: {
        lat: number;
        lng: number;
      };
      /** @description null: `location` is the exact point. Otherwise it is the centre of a grid cell this many metres wide; the place and its address are hidden until you are going. */
      locationPrecisionMeters: number | null;
      /** @description approximate: only the organizers and the people going see the exact point and the place; everyone else sees an area (the point snapped to a ~500 m grid) and no address, in every answer. Default: approximate at a place marked a private home, else exact. */
      locationPrivacy: 'exact' | 'approximate';
      /** @description null: no minimum. */
      minPlayers: number | null;
      myRsvp: components['schemas']['MyRsvp'];
      /** @description The title, as in /api/nearby. */
      name: string;
      /** @description How many more people must go for minPlayers ("needs 2 more"); 0 when enough. */
      needsPlayers: number;
      /** @description What happens at the deadline if fewer than minPlayers are going: cancel (everyone is told) or keep. */
      onShortfall: 'cancel' | 'keep';
      /** @description null when the account was deleted. */
      organizer: {
        /** @description Their profile photo; null when they have none. */
        avatar?: {
          /** @description What the photo shows, for people who cannot see it: 1 to 1500 characters, required. It is the `alt` text wherever the photo appears. */
          alt: string;
          height: number;
          id: number;
          /** @description The same renditions as JPEG, for browsers without WebP. */
          jpegUrls: {
            large: string;
            medium: string;
            small: string;
          };
          /** @description A ThumbHash of the photo (base64, a few dozen bytes): decode it to show its shape and colours while it loads. */
          placeholder: string;
          /** @description WebP renditions, 320, 960 and 1920 px on the long side (never larger than the photo sent). A photo of a private group’s content, or one not yet attached, carries a `key` valid for a day or two that lets the browser fetch it as you. */
          urls: {
            large: string;
            medium: string;
            small: string;
          };
          /** @description Of the largest rendition, in pixels, orientation applied. */
          width: number;
          /** @description The width in pixels of each rendition, for `srcset`. */
          widths: {
            large: number;
            medium: number;
            small: number;
          };
        } | null;
        displayName: string;
        id: number;
      } | null;
      /** @description The place the meetup is at; null when it is only a point on the map. */
      place: {
        address: string | null;
        id: number;
        name: string;
      } | null;
      /**
       * Format: date-time
       * @description When a meetup still short of minPlayers is cancelled or kept (onShortfall).
       */
      playersDeadline: string | null;
      /** @description null when there is no limit; never negative. */
      seatsLeft: number | null;
      /** @description Set on each occurrence of a recurring meetup. In a list with `collapseSeries=true`, the listed occurrence is the series’ next one (its `startsAt` is the next date). */
      series: {
        /** @description Occurrences in the series (as created, or since it was split by a change to "following"). */
        count: number;
        freq: 'weekly' | 'monthly';
        id: number;
        /** @description 1-based position of this occurrence in the series. */
        index: number;
        /** @description Every how many weeks or months. */
        interval: number;
        /** @description The rhythm in plain words: "weekly", "every 2 weeks", "monthly"… */
        rule: string;
        /** @description Occurrences of the series that have not ended and are not cancelled, this one included. */
        upcoming: number;
      } | null;
      /**
       * Format: date-time
       * @description ISO 8601 with the offset of timeZone at that instant.
       */
      startsAt: string;
      /** @description Cancelled meetups stay readable and keep their RSVPs, but take no new ones. */
      status: 'scheduled' | 'cancelled';
      timeZone: string;
      title: string;
      /** Format: date-time */
      updatedAt: string;
      /** @description Path of the meetup’s page in the web app. */
      url: string;
      /** @description People on the waitlist. */
      waitlisted: number;
    };
    FeedAnswer: {
      /**
       * Format: date-time
       * @description The clock used; pass it back for the next pages.
       */
      asOf: string;
      /** @description The ranking formula and its constants. */
      formula: {
        ageScaleHours: number;
        distanceScaleMeters: number;
        groupBoost: number;
        text: string;
      };
      items: components['schemas']['FeedItem'][];
      mode: 'nearby' | 'latest';
      /** @description null on the last page. */
      nextPage: number | null;
      /** @description `home` when lat/lng were left out and your saved home location was used. */
      origin: 'query' | 'home';
      page: number;
      radius: number;
    };
    FeedFactor: {
      /** @description The multiplier this factor contributes to the score. */
      effect: number;
      /** @description `distance`: value in metres; `age`: hours since posting; `startsIn`: hours until an event starts (0 once started); `groupMember`: value is the group’s name. */
      name: 'distance' | 'age' | 'startsIn' | 'groupMember';
      value: number | string;
    };
    FeedItem: {
      /** Format: date-time */
      createdAt: string;
      distanceMeters: number;
      /** @description Plain text (not HTML), at most 280 characters. */
      excerpt: string;
      group?: {
        id: number;
        name: string;
        /** @description Private groups show on the map at a point snapped to ~500 m; their events and posts are for members. */
        visibility: 'public' | 'private';
      };
      id: number;
      kind: 'post' | 'event';
      location: {
        lat: number;
        lng: number;
      };
      place?: {
        id: number;
        name: string;
      };
      /**
       * Format: date-time
       * @description Events only.
       */
      startsAt?: string;
      /** @description Events only: the IANA time zone of the meetup. */
      timeZone?: string;
      title: string;
      /** @description The web page of the item: /posts/{id} or /events/{id}. */
      url: string;
      why: components['schemas']['FeedWhy'];
    };
    /** @description Why this item is here, from the numbers that placed it. */
    FeedWhy: {
      factors: components['schemas']['FeedFactor'][];
      /** @description The product of the factors’ effects: the number the feed was ordered by. */
      score: number;
      /** @description The same numbers in words, e.g. "1.2 km away · posted 3 hours ago · in your group Catan Crew". */
      text: string;
    };
    Game: {
      id: number;
      maxPlayers: number | null;
      minPlayers: number | null;
      name: string;
      /** @description A usual game’s length in minutes. */
      playMinutes: number | null;
    };
    GameList: {
      games: components['schemas']['Game'][];
    };
    GeocodeAnswer: {
      /** @description Credit for the data, to be shown where the results are shown. */
      attribution: string;
      results: {
        /** @description ISO 3166-1 alpha-2 code; empty when the geocoder does not say. */
        country: string;
        /** @description Where it is, for an address: postcode, town, country. */
        detail?: string;
        lat: number;
        lng: number;
        /** @description What was found: a town, or a street and house number. */
        name: string;
        /** @description Towns and cities from the gazetteer. */
        population?: number;
        /** @description What kind of thing it is, e.g. to choose a zoom level. */
        type: 'town' | 'street' | 'address' | 'other';
      }[];
      /** @description `geocoder`: the configured Photon or Nominatim server answered (now or from the cache); `gazetteer`: the offline list of towns and cities did, because there is no geocoder, `source=gazetteer` was asked, or the geocoder failed. */
      source: 'gazetteer' | 'geocoder';
    };
    GeoJsonPoint: {
      /** @description [lng, lat] */
      coordinates: [number, number];
      /** @enum {string} */
      type: 'Point';
    };
    Group: {
      /** @description Path of the group’s iCalendar feed of upcoming meetups. For a private group’s member it carries a key that lets a calendar app read the feed as you, while you are a member. */
      calendarUrl: string;
      /** Format: date-time */
      createdAt: string;
      description: string;
      id: number;
      location: {
        lat: number;
        lng: number;
        /** @description 0 when exact; ~500 for private groups seen by non-members. */
        precisionMeters: number;
      };
      /** @description Its photos; the first is its cover. Shown to everyone, like its name and description. */
      media: components['schemas']['Media'][];
      memberCount: number;
      /** @description Your role in the group; null when not a member or signed out. */
      myRole: ('owner' | 'organizer' | 'member') | (never | null);
      name: string;
      /** @description Join requests waiting for an answer; only for the group’s owners and organizers, null otherwise. */
      pendingRequests: number | null;
      /** @description You asked to join this private group and no one has answered yet. */
      requestPending: boolean;
      /** Format: date-time */
      updatedAt: string;
      /** @description Private groups show on the map at a point snapped to ~500 m; their events and posts are for members. */
      visibility: 'public' | 'private';
    };
    Health: {
      database: 'embedded' | 'postgres';
      /** @description PostGIS version; null when unreachable. */
      postgis: string | null;
      /** @description What is wrong, when something is. */
      problem?: string;
      /** @description Each read replica (DATABASE_REPLICA_URLS), when there are any. A replica down or lagging does not make the server unhealthy: the primary answers instead. */
      replicas?: {
        /** @description Replay lag behind the primary in milliseconds (0: caught up); null when unknown. */
        lagMs: number | null;
        /** @description host:port/database */
        name: string;
        /** @description Why it is skipped, when it is. */
        problem: string | null;
        /** @description Whether lag-tolerant reads go to it now. */
        usable: boolean;
      }[];
      /** @description `ok`; `degraded`: the database answers but cannot write (its disk is full; reads go on); `unavailable`: the database does not answer. Both of the latter answer 503. */
      status: 'ok' | 'degraded' | 'unavailable';
    };
    JoinAnswer: {
      /** @description Your role; null while the request is pending. */
      role: ('owner' | 'organizer' | 'member') | (never | null);
      /** @description member: you joined (public group). pending: your request waits for an owner or organizer (private group). */
      status: 'member' | 'pending';
    };
    JoinRequest: {
      message: string;
      /** Format: date-time */
      requestedAt: string;
      user: {
        displayName: string;
        id: number;
      };
    };
    JoinRequestList: {
      nextCursor: string | null;
      /** @description Oldest first. */
      requests: components['schemas']['JoinRequest'][];
    };
    Liveness: {
      /**
       * @description The process runs and answers; says nothing of the database.
       * @enum {string}
       */
      status: 'ok';
    };
    MapClusterProperties: {
      /** @description Items in the cluster. */
      count: number;
      /** @description Items in the cluster per kind (kinds with none are left out). */
      counts: {
        event?: number;
        group?: number;
        place?: number;
        post?: number;
      };
      /** @description The zoom at which this cluster splits into smaller ones or items. */
      expansionZoom: number;
      /**
       * @description Tells a cluster from an item, whose `kind` is its own (place, group, event, post).
       * @enum {string}
       */
      kind: 'cluster';
    };
    MapCollection: {
      /** @description True when the view held too many items to send one by one, so every cluster is a cell of the grid. False: items come one by one, except those whose markers would overlap, which come as clusters. */
      clustered: boolean;
      features: components['schemas']['MapFeature'][];
      /** @description Items in the view. */
      total: number;
      /** @enum {string} */
      type: 'FeatureCollection';
    };
    MapFeature: {
      geometry: components['schemas']['GeoJsonPoint'];
      /** @description "<kind>:<itemId>" for an item, "cluster:<zoom>:<lng>:<lat>" for a cluster; unique. */
      id: string;
      /** @description An item or a cluster, told apart by `kind`. */
      properties: components['schemas']['MapClusterProperties'] | components['schemas']['MapItemProperties'];
      /** @enum {string} */
      type: 'Feature';
    };
    /** @description One item, with the properties its kind adds. */
    MapItemProperties: {
      /** @description The id within its kind, as in /api/nearby. */
      itemId: number;
      kind: 'event' | 'group' | 'place' | 'post';
      name: string;
    } & {
      [key: string]: unknown;
    };
    Me: {
      /** @description Their profile photo; null when they have none. */
      avatar?: {
        /** @description What the photo shows, for people who cannot see it: 1 to 1500 characters, required. It is the `alt` text wherever the photo appears. */
        alt: string;
        height: number;
        id: number;
        /** @description The same renditions as JPEG, for browsers without WebP. */
        jpegUrls: {
          large: string;
          medium: string;
          small: string;
        };
        /** @description A ThumbHash of the photo (base64, a few dozen bytes): decode it to show its shape and colours while it loads. */
        placeholder: string;
        /** @description WebP renditions, 320, 960 and 1920 px on the long side (never larger than the photo sent). A photo of a private group’s content, or one not yet attached, carries a `key` valid for a day or two that lets the browser fetch it as you. */
        urls: {
          large: string;
          medium: string;
          small: string;
        };
        /** @description Of the largest rendition, in pixels, orientation applied. */
        width: number;
        /** @description The width in pixels of each rendition, for `srcset`. */
        widths: {
          large: number;
          medium: number;
          small: number;
        };
      } | null;
      bio: string;
      /** Format: date-time */
      createdAt: string;
      displayName: string;
      email: string;
      /** @description Your home, snapped to a grid of about 500 m. The precise point is kept private and used only for ranking. */
      homeLocation: components['schemas']['CoarseLocation'] | (never | null);
      id: number;
    };
    /** @description An uploaded photo. The file sent is not kept, only these renditions. */
    Media: {
      /** @description What the photo shows, for people who cannot see it: 1 to 1500 characters, required. It is the `alt` text wherever the photo appears. */
      alt: string;
      height: number;
      id: number;
      /** @description The same renditions as JPEG, for browsers without WebP. */
      jpegUrls: {
        large: string;
        medium: string;
        small: string;
      };
      /** @description A ThumbHash of the photo (base64, a few dozen bytes): decode it to show its shape and colours while it loads. */
      placeholder: string;
      /** @description WebP renditions, 320, 960 and 1920 px on the long side (never larger than the photo sent). A photo of a private group’s content, or one not yet attached, carries a `key` valid for a day or two that lets the browser fetch it as you. */
      urls: {
        large: string;
        medium: string;
        small: string;
      };
      /** @description Of the largest rendition, in pixels, orientation applied. */
      width: number;
      /** @description The width in pixels of each rendition, for `srcset`. */
      widths: {
        large: number;
        medium: number;
        small: number;
      };
    };
    Member: {
      /** Format: date-time */
      joinedAt: string;
      role: 'owner' | 'organizer' | 'member';
      user: {
        displayName: string;
        id: number;
      };
    };
    MemberList: {
      /** @description Owners first, then organizers, then members; each in the order they joined. */
      members: components['schemas']['Member'][];
      /** @description Pass as `cursor` for the next page; null on the last page. */
      nextCursor: string | null;
    };
    ModerationLogEntry: {
      /** @description Who acted, as a role: "a site admin", "a moderator of <group>", "the automatic first line". */
      actedAs: string;
      action: string;
      /** Format: date-time */
      at: string;
      group: {
        id: number;
        name: string;
      } | null;
      id: number;
      reason: string;
      /** @description The group’s rules, which the action applies. */
      rulesUrl: string | null;
      /** @description For posts, meetups, groups and places; null for comments and people. */
      subjectId: number | null;
      /**
       * @description `event` is a meetup; `user` a person’s profile.
       * @enum {unknown}
       */
      subjectType: 'post' | 'comment' | 'event' | 'group' | 'place' | 'user';
      /** Format: date-time */
      until: string | null;
    };
    /** @description Your RSVP; null when you have none or are signed out. */
    MyRsvp: {
      status: 'going' | 'waitlisted' | 'not_going';
      /** @description 1 = next to get a seat; null unless waitlisted. */
      waitlistPosition: number | null;
    } | null;
    NearbyCollection: {
      features: components['schemas']['NearbyFeature'][];
      /** @description Pass as `cursor` for the next page; null on the last page. */
      nextCursor: string | null;
      /** @enum {string} */
      type: 'FeatureCollection';
    };
    NearbyFeature: {
      geometry: components['schemas']['GeoJsonPoint'];
      /** @description "<kind>:<itemId>", unique across kinds. */
      id: string;
      properties: components['schemas']['NearbyProperties'];
      /** @enum {string} */
      type: 'Feature';
    };
    NearbyProperties: {
      /** @description Geodesic distance on the WGS84 spheroid, metres. */
      distanceMeters: number;
      /** @description The id within its kind (GET /api/places/{itemId}…). Not named `id`: ids repeat across kinds, and GIS tools take a numeric `id` property for the feature id. The feature’s own `id` is unique. */
      itemId: number;
      kind: 'event' | 'group' | 'place' | 'post';
      /** @description Display name (a place or group name, an event or post title). */
      name: string;
    } & {
      [key: string]: unknown;
    };
    NotificationItem: {
      /** @description How many similar notifications this one stands for (five replies to one post are one item). */
      count: number;
      /**
       * Format: date-time
       * @description When the latest of them happened.
       */
      createdAt: string;
      /** @description Grows with every new notification for you (and when one collapses into another); also the event id on the stream. */
      id: number;
      /**
       * @description What happened:
       *     - `waitlist_promoted`: You got a seat at a meetup you were waitlisted for.
       *     - `event_changed`: A meetup you are going to or waitlisted for changed its time or place, or has fewer seats.
       *     - `event_cancelled`: A meetup you are going to or waitlisted for was cancelled.
       *     - `reminder`: A meetup you are going to is tomorrow, or in two hours.
       *     - `reply`: Someone replied to your post or comment.
       *     - `join_request`: Someone asked to join a group whose requests you answer.
       *     - `join_approved`: Your request to join a group was approved.
       *     - `join_declined`: Your request to join a group was declined.
       *     - `group_event`: A group you are in planned a meetup.
       *     - `nearby_event`: A new public meetup near your home (only with a radius set; off by default).
       *     - `moderation_action`: A safety notice: moderators removed, restored or locked something you wrote, warned you, banned you from a group or suspended your account, with their reason. Always in the app.
       *     - `report_outcome`: A safety notice: a report you filed was reviewed, and what came of it. Always in the app.
       * @enum {string}
       */
      kind:
        | 'waitlist_promoted'
        | 'event_changed'
        | 'event_cancelled'
        | 'reminder'
        | 'reply'
        | 'join_request'
        | 'join_approved'
        | 'join_declined'
        | 'group_event'
        | 'nearby_event'
        | 'moderation_action'
        | 'report_outcome';
      /** Format: date-time */
      readAt: string | null;
      /** @description Safety notices about a group’s content or a ban from it: the group’s rules in the web app. */
      rulesUrl?: string;
      /** @description What it is about. `moderation`: a safety notice about the moderation action with this id (an entry of the public log). */
      subject: {
        id: number;
        type: 'event' | 'post' | 'group' | 'moderation';
      };
      /** @description What happened, as a sentence for people. */
      text: string;
      /** @description Where in the web app to look, e.g. /events/12. */
      url: string;
    };
    NotificationPage: {
      /** @description Newest first. */
      items: components['schemas']['NotificationItem'][];
      /** @description Pass as `cursor` for the next (older) page; null on the last page. */
      nextCursor: string | null;
      /** @description Your unread notifications, all pages together. */
      unread: number;
    };
    NotificationSettings: {
      /** @description False when this server sends no email (no SMTP server configured). */
      emailAvailable: boolean;
      /** @description `nearby_event` needs a home location (PATCH /api/me). */
      homeLocationSet: boolean;
      kinds: {
        event_cancelled: {
          /** @description By email (when the server sends email). */
          email: boolean;
          /** @description In the inbox, the bell and the live stream. Always true for the safety notices. */
          inApp: boolean;
        };
        event_changed: {
          /** @description By email (when the server sends email). */
          email: boolean;
          /** @description In the inbox, the bell and the live stream. Always true for the safety notices. */
          inApp: boolean;
        };
        group_event: {
          /** @description By email (when the server sends email). */
          email: boolean;
          /** @description In the inbox, the bell and the live stream. Always true for the safety notices. */
          inApp: boolean;
        };
        join_approved: {
          /** @description By email (when the server sends email). */
          email: boolean;
          /** @description In the inbox, the bell and the live stream. Always true for the safety notices. */
          inApp: boolean;
        };
        join_declined: {
          /** @description By email (when the server sends email). */
          email: boolean;
          /** @description In the inbox, the bell and the live stream. Always true for the safety notices. */
          inApp: boolean;
        };
        join_request: {
          /** @description By email (when the server sends email). */
          email: boolean;
          /** @description In the inbox, the bell and the live stream. Always true for the safety notices. */
          inApp: boolean;
        };
        moderation_action: {
          /** @description By email (when the server sends email). */
          email: boolean;
          /** @description In the inbox, the bell and the live stream. Always true for the safety notices. */
          inApp: boolean;
        };
        nearby_event: {
          /** @description By email (when the server sends email). */
          email: boolean;
          /** @description In the inbox, the bell and the live stream. Always true for the safety notices. */
          inApp: boolean;
        };
        reminder: {
          /** @description By email (when the server sends email). */
          email: boolean;
          /** @description In the inbox, the bell and the live stream. Always true for the safety notices. */
          inApp: boolean;
        };
        reply: {
          /** @description By email (when the server sends email). */
          email: boolean;
          /** @description In the inbox, the bell and the live stream. Always true for the safety notices. */
          inApp: boolean;
        };
        report_outcome: {
          /** @description By email (when the server sends email). */
          email: boolean;
          /** @description In the inbox, the bell and the live stream. Always true for the safety notices. */
          inApp: boolean;
        };
        waitlist_promoted: {
          /** @description By email (when the server sends email). */
          email: boolean;
          /** @description In the inbox, the bell and the live stream. Always true for the safety notices. */
          inApp: boolean;
        };
      };
      /** @description Metres around your home location within which new public meetups are notified (`nearby_event`); null (the default) for none. */
      nearbyRadius: number | null;
      /** @description Emails that would arrive between start and end (in timeZone; may span midnight) wait until end, except a cancellation of a meetup less than 24 hours ahead. Null for none. */
      quietHours: {
        /** @description HH:MM, 24-hour clock. */
        end: string;
        /** @description HH:MM, 24-hour clock. */
        start: string;
      } | null;
      reminders: {
        /** @description A reminder the day before (24 hours ahead). */
        dayBefore: boolean;
        /** @description A reminder two hours ahead. */
        twoHoursBefore: boolean;
      };
      /** @description IANA time zone of the quiet hours, e.g. Europe/Berlin. */
      timeZone: string;
    };
    OgcCollection: {
      crs: string[];
      description: string;
      extent: {
        spatial: {
          bbox: number[][];
          crs: string;
        };
      };
      id: string;
      /** @enum {string} */
      itemType: 'feature';
      links: components['schemas']['OgcLink'][];
      title: string;
    };
    OgcCollections: {
      collections: components['schemas']['OgcCollection'][];
      links: components['schemas']['OgcLink'][];
    };
    OgcConformance: {
      conformsTo: string[];
    };
    OgcFeature: {
      geometry: components['schemas']['GeoJsonPoint'];
      /** @description The item’s id within its collection (GET /api/places/{id}…). */
      id: number;
      links?: components['schemas']['OgcLink'][];
      properties: {
        /** @description The feature’s id again, for GIS tools that read ids from properties. */
        id: number;
        name: string;
      } & {
        [key: string]: unknown;
      };
      /** @enum {string} */
      type: 'Feature';
    };
    OgcFeatureCollection: {
      features: components['schemas']['OgcFeature'][];
      links: components['schemas']['OgcLink'][];
      numberMatched: number;
      numberReturned: number;
      /** Format: date-time */
      timeStamp: string;
      /** @enum {string} */
      type: 'FeatureCollection';
    };
    OgcLandingPage: {
      description: string;
      links: components['schemas']['OgcLink'][];
      title: string;
    };
    OgcLink: {
      href: string;
      rel: string;
      title?: string;
      type?: string;
    };
    PersonalCalendarLink: {
      /** @description Path of your own iCalendar feed (the meetups you go to, wait for or organize), with a key that lets a calendar app read it as you. Treat it like a password: whoever has it sees those meetups. */
      calendarUrl: string;
    };
    PersonGroup: {
      id: number;
      memberCount: number;
      name: string;
      role: 'owner' | 'organizer' | 'member';
      /** @description Path of the group’s page in the web app. */
      url: string;
      visibility: 'public' | 'private';
    };
    PersonGroupList: {
      /** @description Groups owned first, then organized, then the others; by name within each. */
      groups: components['schemas']['PersonGroup'][];
    };
    PersonPostList: {
      /** @description True when the person wrote more than the 20 shown. */
      more: boolean;
      posts: {
        /** Format: date-time */
        createdAt: string;
        /** @description The start of the body as plain text (Markdown taken out). */
        excerpt: string;
        group: {
          id: number;
          name: string;
        } | null;
        id: number;
        place: {
          id: number;
          name: string;
        } | null;
        title: string;
        /** @description Path of the post’s page in the web app. */
        url: string;
      }[];
    };
    Place: {
      address: string | null;
      /** Format: date-time */
      createdAt: string;
      /** @description null when the account was deleted. */
      createdBy: {
        /** @description Their profile photo; null when they have none. */
        avatar?: {
          /** @description What the photo shows, for people who cannot see it: 1 to 1500 characters, required. It is the `alt` text wherever the photo appears. */
          alt: string;
          height: number;
          id: number;
          /** @description The same renditions as JPEG, for browsers without WebP. */
          jpegUrls: {
            large: string;
            medium: string;
            small: string;
          };
          /** @description A ThumbHash of the photo (base64, a few dozen bytes): decode it to show its shape and colours while it loads. */
          placeholder: string;
          /** @description WebP renditions, 320, 960 and 1920 px on the long side (never larger than the photo sent). A photo of a private group’s content, or one not yet attached, carries a `key` valid for a day or two that lets the browser fetch it as you. */
          urls: {
            large: string;
            medium: string;
            small: string;
          };
          /** @description Of the largest rendition, in pixels, orientation applied. */
          width: number;
          /** @description The width in pixels of each rendition, for `srcset`. */
          widths: {
            large: number;
            medium: number;
            small: number;
          };
        } | null;
        displayName: string;
        id: number;
      } | null;
      description: string;
      id: number;
      /** @description One of cafe, game_store, library, bar, community_centre, park, other. */
      kind: 'cafe' | 'game_store' | 'library' | 'bar' | 'community_centre' | 'park' | 'other';
      location: {
        lat: number;
        lng: number;
      };
      /** @description null: `location` is exact. Otherwise a private home’s area, this many metres wide (no address). */
      locationPrecisionMeters: number | null;
      /** @description Its photos; the first is its cover. */
      media: components['schemas']['Media'][];
      name: string;
      privateHome: boolean;
      tags: string[];
      /** Format: date-time */
      updatedAt: string;
    };
    Post: {
      /** @description null when the account was deleted. */
      author: {
        /** @description Their profile photo; null when they have none. */
        avatar?: {
          /** @description What the photo shows, for people who cannot see it: 1 to 1500 characters, required. It is the `alt` text wherever the photo appears. */
          alt: string;
          height: number;
          id: number;
          /** @description The same renditions as JPEG, for browsers without WebP. */
          jpegUrls: {
            large: string;
            medium: string;
            small: string;
          };
          /** @description A ThumbHash of the photo (base64, a few dozen bytes): decode it to show its shape and colours while it loads. */
          placeholder: string;
          /** @description WebP renditions, 320, 960 and 1920 px on the long side (never larger than the photo sent). A photo of a private group’s content, or one not yet attached, carries a `key` valid for a day or two that lets the browser fetch it as you. */
          urls: {
            large: string;
            medium: string;
            small: string;
          };
          /** @description Of the largest rendition, in pixels, orientation applied. */
          width: number;
          /** @description The width in pixels of each rendition, for `srcset`. */
          widths: {
            large: number;
            medium: number;
            small: number;
          };
        } | null;
        displayName: string;
        id: number;
      } | null;
      /** @description Markdown source, for editing; empty once deleted. */
      body: string;
      /** @description The body rendered on the server and sanitized: no scripts, styles, event handlers or non-http(s)/mailto links; links carry rel="nofollow ugc noopener". Safe to insert as HTML. */
      bodyHtml: string;
      /** @description You wrote it, or you own or organise its group. */
      canDelete: boolean;
      /** @description You wrote it and it is not deleted. */
      canEdit: boolean;
      /** @description Comments not deleted. For display only; never used for ranking. */
      commentCount: number;
      /** Format: date-time */
      createdAt: string;
      /** @description A deleted post keeps its discussion readable; title, body and author are gone. */
      deleted: boolean;
      discussion: components['schemas']['Discussion'];
      /** Format: date-time */
      editedAt: string | null;
      group: {
        id: number;
        name: string;
        /** @description Private groups show on the map at a point snapped to ~500 m; their events and posts are for members. */
        visibility: 'public' | 'private';
      } | null;
      id: number;
      location: {
        lat: number;
        lng: number;
      };
      /** @description Its photos, in order. */
      media: components['schemas']['Media'][];
      /** @description Absent when the content is published normally. */
      moderation?: {
        /** @description Why, as the moderator or the automatic first line wrote it. */
        reason: string;
        /** @description `removed`: moderators removed it (everyone sees the reason instead of the text); `held`: held for review, seen by its author only until a moderator decides. */
        state: 'removed' | 'held';
      };
      place: {
        id: number;
        name: string;
      } | null;
      /** @description "[deleted]" once deleted. */
      title: string;
    };
    PostComment: {
      /** @description null when the account was deleted. */
      author: {
        /** @description Their profile photo; null when they have none. */
        avatar?: {
          /** @description What the photo shows, for people who cannot see it: 1 to 1500 characters, required. It is the `alt` text wherever the photo appears. */
          alt: string;
          height: number;
          id: number;
          /** @description The same renditions as JPEG, for browsers without WebP. */
          jpegUrls: {
            large: string;
            medium: string;
            small: string;
          };
          /** @description A ThumbHash of the photo (base64, a few dozen bytes): decode it to show its shape and colours while it loads. */
          placeholder: string;
          /** @description WebP renditions, 320, 960 and 1920 px on the long side (never larger than the photo sent). A photo of a private group’s content, or one not yet attached, carries a `key` valid for a day or two that lets the browser fetch it as you. */
          urls: {
            large: string;
            medium: string;
            small: string;
          };
          /** @description Of the largest rendition, in pixels, orientation applied. */
          width: number;
          /** @description The width in pixels of each rendition, for `srcset`. */
          widths: {
            large: number;
            medium: number;
            small: number;
          };
        } | null;
        displayName: string;
        id: number;
      } | null;
      /** @description You blocked its author: body "a comment from someone you blocked", author null; its replies stay readable. */
      blocked?: boolean;
      /** @description Markdown source, for editing; "[deleted]" once deleted. */
      body: string;
      /** @description The body rendered on the server and sanitized: no scripts, styles, event handlers or non-http(s)/mailto links; links carry rel="nofollow ugc noopener". Safe to insert as HTML. */
      bodyHtml: string;
      canDelete: boolean;
      canEdit: boolean;
      /** Format: date-time */
      createdAt: string;
      /** @description A deleted comment keeps its place (author null, body "[deleted]") so its replies stay readable. */
      deleted: boolean;
      /** @description 0 for direct replies to the post, then one more per level. */
      depth: number;
      /** Format: date-time */
      editedAt: string | null;
      id: number;
      /** @description Absent when the content is published normally. */
      moderation?: {
        /** @description Why, as the moderator or the automatic first line wrote it. */
        reason: string;
        /** @description `removed`: moderators removed it (everyone sees the reason instead of the text); `held`: held for review, seen by its author only until a moderator decides. */
        state: 'removed' | 'held';
      };
      /** @description null for a direct reply to the post. */
      parentId: number | null;
      /** @description Direct replies, oldest first. */
      replies: components['schemas']['PostComment'][];
    };
    PublicUser: {
      /** @description Their profile photo; null when they have none. */
      avatar?: {
        /** @description What the photo shows, for people who cannot see it: 1 to 1500 characters, required. It is the `alt` text wherever the photo appears. */
        alt: string;
        height: number;
        id: number;
        /** @description The same renditions as JPEG, for browsers without WebP. */
        jpegUrls: {
          large: string;
          medium: string;
          small: string;
        };
        /** @description A ThumbHash of the photo (base64, a few dozen bytes): decode it to show its shape and colours while it loads. */
        placeholder: string;
        /** @description WebP renditions, 320, 960 and 1920 px on the long side (never larger than the photo sent). A photo of a private group’s content, or one not yet attached, carries a `key` valid for a day or two that lets the browser fetch it as you. */
        urls: {
          large: string;
          medium: string;
          small: string;
        };
        /** @description Of the largest rendition, in pixels, orientation applied. */
        width: number;
        /** @description The width in pixels of each rendition, for `srcset`. */
        widths: {
          large: number;
          medium: number;
          small: number;
        };
      } | null;
      bio: string;
      /** Format: date-time */
      createdAt: string;
      displayName: string;
      id: number;
    };
    QueueItem: {
      /** @description The author’s record with the moderators. */
      authorStanding: {
        accountAgeDays: number;
        /** @description Earlier removals of their content. */
        removals: number;
        suspended: boolean;
        warnings: number;
      } | null;
      /** @description What was reported, as written (moderators see removed text); null when it is gone. */
      content: {
        author: {
          displayName: string;
          id: number;
        } | null;
        text: string;
        title: string | null;
        /** @description Its page in the web app. */
        url: string | null;
      } | null;
      /** @description Around a comment: the comment it answers and the post or meetup it belongs to. */
      context: {
        author: {
          displayName: string;
          id: number;
        } | null;
        id: number;
        relation: string;
        text: string;
      }[];
      /** @description The group whose moderators decide; null: the site admins. */
      group: {
        id: number;
        name: string;
      } | null;
      /** @description Why the automatic first line held it. */
      heldReason: string | null;
      /** @description What the reporters wrote (never who they are). */
      notes: string[];
      reasons: (
        | 'spam'
        | 'harassment'
        | 'hate'
        | 'violence'
        | 'sexual'
        | 'private_information'
        | 'misleading'
        | 'off_topic'
        | 'other'
      )[];
      /** @description Open reports about it. */
      reports: number;
      /** Format: date-time */
      since: string;
      state: 'visible' | 'removed' | 'held';
      subject: {
        id: number;
        /**
         * @description `event` is a meetup; `user` a person’s profile.
         * @enum {unknown}
         */
        type: 'post' | 'comment' | 'event' | 'group' | 'place' | 'user';
      };
    };
    Readiness: {
      /** @description `cannot_write`: it answers, but its disk is full (reads go on). The process stays ready then: every process shares that disk, so sending traffic elsewhere would not help. */
      database: 'ok' | 'cannot_write' | 'unreachable';
      /** @description The process is shutting down: it finishes what it has, takes nothing new. */
      draining: boolean;
      /** @description Migrations this version needs that the database has not applied yet. */
      pendingMigrations: string[];
      /** @description What is wrong, when something is. */
      problem?: string;
      /** @description True when this process should be sent traffic. */
      ready: boolean;
    };
    Report: {
      /** Format: date-time */
      createdAt: string;
      id: number;
      note: string | null;
      /** @description The action taken and its reason, once decided. */
      outcome: string | null;
      /**
       * @description spam, harassment, hate, violence (violence or threats), sexual (sexual content), private_information, misleading, off_topic, other.
       * @enum {unknown}
       */
      reason:
        | 'spam'
        | 'harassment'
        | 'hate'
        | 'violence'
        | 'sexual'
        | 'private_information'
        | 'misleading'
        | 'off_topic'
        | 'other';
      /** @description `open` until a moderator decides; `actioned` (something was done) or `dismissed`. */
      status: 'open' | 'actioned' | 'dismissed';
      subject: {
        id: number;
        /**
         * @description `event` is a meetup; `user` a person’s profile.
         * @enum {unknown}
         */
        type: 'post' | 'comment' | 'event' | 'group' | 'place' | 'user';
      };
    };
    RsvpAnswer: {
      going: number;
      seatsLeft: number | null;
      status: 'going' | 'waitlisted' | 'not_going';
      waitlisted: number;
      /** @description null unless waitlisted. */
      waitlistPosition: number | null;
    };
    SearchCollection: {
      features: components['schemas']['SearchFeature'][];
      /** @enum {string} */
      type: 'FeatureCollection';
    };
    SearchFeature: {
      geometry: components['schemas']['GeoJsonPoint'];
      /** @description "<kind>:<itemId>", as in /api/nearby. */
      id: string;
      properties: components['schemas']['SearchProperties'];
      /** @enum {string} */
      type: 'Feature';
    };
    SearchProperties: {
      distanceMeters: number;
      itemId: number;
      kind: 'event' | 'group' | 'place' | 'post';
      name: string;
      ranking: components['schemas']['SearchRanking'];
    } & {
      [key: string]: unknown;
    };
    SearchRanking: {
      formula: string;
      nameMatches: boolean;
      /** @description textScore / (1 + distance in km); higher first. */
      score: number;
      /** @description How well the text matches: 2 when the name matches the words, plus the full-text rank of name and description (ts_rank), plus the trigram similarity of the name (0 to 1). */
      textScore: number;
      /** @description In plain words, e.g. "Name matches · 1.2 km away". */
      why: string;
    };
    StreamTicket: {
      /**
       * Format: date-time
       * @description Open the stream before this; about a minute.
       */
      expiresAt: string;
      /** @description Pass as `ticket` to GET /api/notifications/stream. */
      ticket: string;
    };
    UnreadCount: {
      /** @description Your unread notifications now. */
      unread: number;
    };
    Unsubscribed: {
      /** @description Whether every email was stopped. */
      all: boolean;
      /** @description The address that gets no more of these emails. */
      email: string;
      /**
       * @description What happened:
       *     - `waitlist_promoted`: You got a seat at a meetup you were waitlisted for.
       *     - `event_changed`: A meetup you are going to or waitlisted for changed its time or place, or has fewer seats.
       *     - `event_cancelled`: A meetup you are going to or waitlisted for was cancelled.
       *     - `reminder`: A meetup you are going to is tomorrow, or in two hours.
       *     - `reply`: Someone replied to your post or comment.
       *     - `join_request`: Someone asked to join a group whose requests you answer.
       *     - `join_approved`: Your request to join a group was approved.
       *     - `join_declined`: Your request to join a group was declined.
       *     - `group_event`: A group you are in planned a meetup.
       *     - `nearby_event`: A new public meetup near your home (only with a radius set; off by default).
       *     - `moderation_action`: A safety notice: moderators removed, restored or locked something you wrote, warned you, banned you from a group or suspended your account, with their reason. Always in the app.
       *     - `report_outcome`: A safety notice: a report you filed was reviewed, and what came of it. Always in the app.
       * @enum {string}
       */
      kind:
        | 'waitlist_promoted'
        | 'event_changed'
        | 'event_cancelled'
        | 'reminder'
        | 'reply'
        | 'join_request'
        | 'join_approved'
        | 'join_declined'
        | 'group_event'
        | 'nearby_event'
        | 'moderation_action'
        | 'report_outcome';
    };
    UnsubscribeLink: {
      email: string;
      /**
       * @description What happened:
       *     - `waitlist_promoted`: You got a seat at a meetup you were waitlisted for.
       *     - `event_changed`: A meetup you are going to or waitlisted for changed its time or place, or has fewer seats.
       *     - `event_cancelled`: A meetup you are going to or waitlisted for was cancelled.
       *     - `reminder`: A meetup you are going to is tomorrow, or in two hours.
       *     - `reply`: Someone replied to your post or comment.
       *     - `join_request`: Someone asked to join a group whose requests you answer.
       *     - `join_approved`: Your request to join a group was approved.
       *     - `join_declined`: Your request to join a group was declined.
       *     - `group_event`: A group you are in planned a meetup.
       *     - `nearby_event`: A new public meetup near your home (only with a radius set; off by default).
       *     - `moderation_action`: A safety notice: moderators removed, restored or locked something you wrote, warned you, banned you from a group or suspended your account, with their reason. Always in the app.
       *     - `report_outcome`: A safety notice: a report you filed was reviewed, and what came of it. Always in the app.
       * @enum {string}
       */
      kind:
        | 'waitlist_promoted'
        | 'event_changed'
        | 'event_cancelled'
        | 'reminder'
        | 'reply'
        | 'join_request'
        | 'join_approved'
        | 'join_declined'
        | 'group_event'
        | 'nearby_event'
        | 'moderation_action'
        | 'report_outcome';
      subscribed: boolean;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  postAccountPassword: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          currentPassword: string;
          /** @description At least 10 characters, not easy to guess (zxcvbn score 3 of 4: no common passwords, keyboard rows or repeats), and not containing your email or name; a refusal says why. */
          newPassword: string;
        };
      };
    };
    responses: {
      /** @description Done. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Every error answer has this shape. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getAccountSessions: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            sessions: {
              /**
               * Format: date-time
               * @description When it signed in.
               */
              createdAt: string;
              /** @description The session of this request. */
              current: boolean;
              /** Format: date-time */
              expiresAt: string;
              /** Format: uuid */
              id: string;
              /**
               * Format: date-time
               * @description Last request, to within five minutes.
               */
              lastSeenAt: string;
              /** @description The browser or app that signed in, as it named itself. */
              userAgent: string;
            }[];
          };
        };
      };
      /** @description Every error answer has this shape. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  deleteAccountSessionsById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description A session from GET /api/account/sessions. */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Done. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Every error answer has this shape. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  postAuthLogin: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          email: string;
          password: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuthAnswer'];
        };
      };
      /** @description Every error answer has this shape. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  postAuthPasswordReset: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          email: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            message: string;
          };
        };
      };
      /** @description Every error answer has this shape. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  postAuthPasswordResetConfirm: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description At least 10 characters, not easy to guess (zxcvbn score 3 of 4: no common passwords, keyboard rows or repeats), and not containing your email or name; a refusal says why. */
          newPassword: string;
          /** @description From the link in the email. */
          token: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuthAnswer'];
        };
      };
      /** @description Every error answer has this shape. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  postAuthRegister: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          displayName: string;
          /** @description Trimmed and lower-cased before use. */
          email: string;
          /** @description At least 10 characters, not easy to guess (zxcvbn score 3 of 4), and not containing your email or name. */
          password: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuthAnswer'];
        };
      };
      /** @description Email confirmation: check your inbox for the link that finishes registering. */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            message: string;
          };
        };
      };
      /** @description Every error answer has this shape. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  postAuthRegisterConfirm: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description From the link in the email. */
          token: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuthAnswer'];
        };
      };
      /** @description Every error answer has this shape. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  postAuthSignOut: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Done. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Every error answer has this shape. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  postAuthSignOutEverywhere: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Done. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Every error answer has this shape. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getBlocks: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description The people you blocked, most recent first. */
            blocks: {
              /** Format: date-time */
              since: string;
              user: {
                displayName: string;
                id: number;
              };
            }[];
          };
        };
      };
      /** @description Every error answer has this shape. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  putBlocksByUserId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        userId: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Every error answer has this shape. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  deleteBlocksByUserId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        userId: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Every error answer has this shape. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getCalendarIcs: {
    parameters: {
      query: {
        /** @description Degrees north, WGS84. */
        lat: number;
        /** @description Degrees east, WGS84. */
        lng: number;
        /** @description Metres, boundary included. */
        radius: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description An iCalendar (RFC 5545) file. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/calendar': string;
        };
      };
      /** @description Every error answer has this shape. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  deleteCommentsById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Every error answer has this shape. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  patchCommentsById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description Markdown, up to 10000 characters. Raw HTML is shown as text. */
          body: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PostComment'];
        };
      };
      /** @description Every error answer has this shape. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getConfig: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ClientConfig'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getEvents: {
    parameters: {
      query: {
        /** @description true: a recurring series is listed once, as its soonest occurrence among those the other parameters select (see `series` for its rule and how many are upcoming). false (the default): every occurrence, as calendars and `from`/`to` ranges need. */
        collapseSeries: boolean;
        /** @description nextCursor from the previous page. */
        cursor?: string;
        /** @description Meetups ending after this instant; default now (only upcoming). Within a hundred years of now. */
        from?: string;
        groupId?: number;
        /** @description Also list cancelled meetups (shown as cancelled). */
        includeCancelled: boolean;
        /** @description Degrees north, WGS84. */
        lat?: number;
        limit: number;
        /** @description Degrees east, WGS84. */
        lng?: number;
        /** @description Only your meetups (needs signing in): `attending`, those you are going to or waitlisted for (see myRsvp for your waitlist position); `organizing`, those you may change (yours, and your groups’ as their owner or organizer). */
        mine?: 'attending' | 'organizing';
        /** @description Only meetups with minPlayers that still need people to go. */
        needsPlayers?: boolean;
        /** @description distance (nearest first, needs lat/lng/radius; the default when they are given) or soonest. */
        order?: 'distance' | 'soonest';
        /** @description Only meetups at this place. */
        placeId?: number;
        /** @description Metres; required with lat/lng, boundary included. */
        radius?: number;
        seriesId?: number;
        /** @description Meetups starting before this instant. Within a hundred years of now. */
        to?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/geo+json': components['schemas']['EventCollection'];
        };
      };
      /** @description Every error answer has this shape. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  postEvents: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Give either placeId or location. */
    requestBody: {
      content: {
        'application/json': {
          /** @description Seats, 1 to 10000; omit or null for no limit. */
          capacity?: number | null;
          /** @description The deadline for minPlayers, in hours before the start (for a series, before each occurrence). Needs minPlayers. */
          decideHoursBefore?: number;
          description?: string;
          /**
           * Format: date-time
           * @description ISO 8601 with an offset; after startsAt and in the future. From a year ago to ten years ahead.
           */
          endsAt: string;
          /** @description Ids from /api/games, in the order to show them. */
          gameIds?: number[];
          /** @description Games to be played, e.g. ["Catan", "Azul"]; trimmed, duplicates dropped. */
          games?: string[];
          /** @description A group event; needs the owner or organizer role in the group. */
          groupId?: number;
          /** @description Where the meetup is, when it is not at a place. */
          location?: {
            /** @description Degrees north, WGS84. */
            lat: number;
            /** @description Degrees east, WGS84. */
            lng: number;
          };
          /** @description approximate: only the organizers and the people going see the exact point and the place; everyone else sees an area (the point snapped to a ~500 m grid) and no address, in every answer. Default: approximate at a place marked a private home, else exact. */
          locationPrivacy?: 'exact' | 'approximate';
          /** @description Photos to show, in this order, at most 10: ids of photos you uploaded (`POST /api/media`). Editing replaces the list; a photo left out is deleted. */
          mediaIds?: number[];
          /** @description People who must be going for the meetup to happen; null for none. */
          minPlayers?: number | null;
          /** @description What happens at the deadline if fewer than minPlayers are going: cancel (everyone is told) or keep. */
          onShortfall?: 'cancel' | 'keep';
          /** @description The meetup is at this place and takes its location. */
          placeId?: number;
          /** @description Creates one event per occurrence at the same local time in timeZone. Monthly meetups on the 29th–31st fall on the last day of shorter months. */
          recurrence?: {
            /** @description Number of occurrences, 1 to 52. */
            count?: number;
            freq: 'weekly' | 'monthly';
            /** @description Every how many weeks (weekly) or months (monthly), 1 to 12; default 1. E.g. freq weekly, interval 2: every other week. */
            interval?: number;
            /** @description Last day (YYYY-MM-DD, in the event’s zone) or instant on which an occurrence may start, inclusive. Give count or until, not both; at most 52 occurrences. */
            until?: string;
          };
          /**
           * Format: date-time
           * @description ISO 8601 with an offset, e.g. 2026-12-01T19:00:00+01:00; kept to the second. From a year ago to ten years ahead.
           */
          startsAt: string;
          /** @description IANA time zone the meetup is planned in, e.g. Europe/Berlin. Recurrences keep their local time in it. */
          timeZone: string;
          title: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Event'];
        };
      };
      /** @description Every error answer has this shape. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getEventsById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Event'];
        };
      };
      /** @description Every error answer has this shape. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  deleteEventsById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Event'];
        };
      };
      /** @description Every error answer has this shape. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  patchEventsById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description Seats, 1 to 10000, or null for no limit. Raising it (or null) promotes people from the waitlist in order. Lowering it below the number going removes nobody: new RSVPs are waitlisted until enough people cancel. */
          capacity?: number | null;
          /** @description null removes the deadline. */
          decideHoursBefore?: number | null;
          description?: string;
          /**
           * Format: date-time
           * @description ISO 8601 with an offset. From a year ago to ten years ahead.
           */
          endsAt?: string;
          /** @description Ids from /api/games, in the order to show them. */
          gameIds?: number[];
          /** @description Games to be played, e.g. ["Catan", "Azul"]; trimmed, duplicates dropped. */
          games?: string[];
          /** @description A new point; detaches the place unless placeId is given too. */
          location?: {
            /** @description Degrees north, WGS84. */
            lat: number;
            /** @description Degrees east, WGS84. */
            lng: number;
          };
          /** @description approximate: only the organizers and the people going see the exact point and the place; everyone else sees an area (the point snapped to a ~500 m grid) and no address, in every answer. Default: approximate at a place marked a private home, else exact. */
          locationPrivacy?: 'exact' | 'approximate';
          /** @description Photos to show, in this order, at most 10: ids of photos you uploaded (`POST /api/media`). Editing replaces the list; a photo left out is deleted. */
          mediaIds?: number[];
          /** @description People who must be going for the meetup to happen; null for none. */
          minPlayers?: number | null;
          /** @description What happens at the deadline if fewer than minPlayers are going: cancel (everyone is told) or keep. */
          onShortfall?: 'cancel' | 'keep';
          /** @description Move the meetup to this place (and its location); null detaches it. */
          placeId?: number | null;
          /** @description For an occurrence of a series: `this` (the default) changes this occurrence only; `following` changes this one and every later one, and splits the series here: the earlier occurrences keep the old series, this one and the later ones form a new series (its `series.id` in the answer). A new `startsAt`/`endsAt` sets the new series’ rhythm: later occurrences move to the same local time and length, keeping their dates’ distance. RSVPs stay; the people going to each changed occurrence are told. Ignored for a meetup that is not part of a series. */
          scope?: 'this' | 'following';
          /**
           * Format: date-time
           * @description ISO 8601 with an offset. From a year ago to ten years ahead.
           */
          startsAt?: string;
          /** @description IANA time zone the meetup is planned in, e.g. Europe/Berlin. Recurrences keep their local time in it. */
          timeZone?: string;
          title?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Event'];
        };
      };
      /** @description Every error answer has this shape. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getEventsByIdAttendees: {
    parameters: {
      query: {
        cursor?: string;
        limit: number;
        status: 'going' | 'waitlisted';
      };
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AttendeeList'];
        };
      };
      /** @description Every error answer has this shape. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getEventsByIdCalendarIcs: {
    parameters: {
      query?: {
        /** @description For a private group: the key in the `calendarUrl` a member was given. */
        key?: string;
      };
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description An iCalendar (RFC 5545) file. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/calendar': string;
        };
      };
      /** @description Every error answer has this shape. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getEventsByIdComments: {
    parameters: {
      query?: {
        /** @description `discussion.nextBranchCursor` of the previous page. */
        branchCursor?: string;
      };
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Discussion'];
        };
      };
      /** @description Every error answer has this shape. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  postEventsByIdComments: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description Markdown, up to 10000 characters. Raw HTML is shown as text. */
          body: string;
          /** @description The comment replied to, at any depth up to 500 levels; omit or null to reply to the post. */
          parentId?: number | null;
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PostComment'];
        };
      };
      /** @description Every error answer has this shape. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  patchEventsByIdDiscussion: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description true: the discussion takes no new comments or edits (deleting stays possible). */
          locked?: boolean;
          /** @description A comment (not deleted) of this meetup’s discussion to show above it; null unpins. */
          pinnedCommentId?: number | null;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Discussion'];
        };
      };
      /** @description Every error answer has this shape. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  putEventsByIdRsvp: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          status: 'going' | 'not_going';
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RsvpAnswer'];
        };
      };
      /** @description Every error answer has this shape. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getFeed: {
    parameters: {
      query: {
        /** @description The clock to rank by: send back the `asOf` of page 1 with every later page, so ages, the set of items (nothing created after it) and therefore the order stay the same across pages. From a year ago to five minutes ahead of the server’s clock (skew). */
        asOf?: string;
        /** @description Degrees north, WGS84. */
        lat?: number;
        /** @description Degrees east, WGS84. */
        lng?: number;
        /** @description `nearby` (default) orders by the score; `latest` by creation time, newest first. */
        mode: 'nearby' | 'latest';
        /** @description 20 items a page, from 1. */
        page: number;
        /** @description Metres, 1 to 50000 (default 5000); the boundary is included. */
        radius: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FeedAnswer'];
        };
      };
      /** @description Every error answer has this shape. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getGames: {
    parameters: {
      query: {
        limit: number;
        /** @description Part of the name, case ignored. */
        q: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['GameList'];
        };
      };
      /** @description Every error answer has this shape. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  postGames: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          maxPlayers?: number;
          minPlayers?: number;
          name: string;
          playMinutes?: number;
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Game'];
        };
      };
      /** @description Every error answer has this shape. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getGamesById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Game'];
        };
      };
      /** @description Every error answer has this shape. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getGeocode: {
    parameters: {
      query: {
        /** @description With `lng`: the map’s centre, which the geocoder favours. */
        lat?: number;
        limit: number;
        lng?: number;
        /** @description What to find: the start of a town or city name (accents and case are ignored) or, when the server has a geocoder, a street or an address. */
        q: string;
        /** @description `any`: the geocoder when the server has one, else (or when it fails) the gazetteer. `gazetteer`: towns and cities only, offline, e.g. while someone is still typing (Nominatim’s usage policy forbids search-as-you-type). */
        source: 'any' | 'gazetteer';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['GeocodeAnswer'];
        };
      };
      /** @description Every error answer has this shape. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getGroups: {
    parameters: {
      query: {
        /** @description nextCursor from the previous page. */
        cursor?: string;
        /** @description Degrees north, WGS84. */
        lat: number;
        limit: number;
        /** @description Degrees east, WGS84. */
        lng: number;
        /** @description Metres, 1 to 500000; the boundary is included. */
        radius: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/geo+json': components['schemas']['NearbyCollection'];
        };
      };
      /** @description Every error answer has this shape. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  postGroups: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          description: string;
          location: {
            /** @description Degrees north, WGS84. */
            lat: number;
            /** @description Degrees east, WGS84. */
            lng: number;
          };
          /** @description Photos to show, in this order, at most 10: ids of photos you uploaded (`POST /api/media`). Editing replaces the list; a photo left out is deleted. */
          mediaIds?: number[];
          name: string;
          /** @description Private groups show on the map at a point snapped to ~500 m; their events and posts are for members. */
          visibility: 'public' | 'private';
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Group'];
        };
      };
      /** @description Every error answer has this shape. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getGroupsById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Group'];
        };
      };
      /** @description Every error answer has this shape. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  deleteGroupsById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Every error answer has this shape. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  patchGroupsById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          description?: string;
          location?: {
            /** @description Degrees north, WGS84. */
            lat: number;
            /** @description Degrees east, WGS84. */
            lng: number;
          };
          /** @description Photos to show, in this order, at most 10: ids of photos you uploaded (`POST /api/media`). Editing replaces the list; a photo left out is deleted. */
          mediaIds?: number[];
          name?: string;
          /** @description Private groups show on the map at a point snapped to ~500 m; their events and posts are for members. */
          visibility?: 'public' | 'private';
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Group'];
        };
      };
      /** @description Every error answer has this shape. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getGroupsByIdCalendarIcs: {
    parameters: {
      query?: {
        /** @description For a private group: the key in the `calendarUrl` a member was given. */
        key?: string;
      };
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description An iCalendar (RFC 5545) file. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/calendar': string;
        };
      };
      /** @description Every error answer has this shape. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getGroupsByIdGames: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['GameList'];
        };
      };
      /** @description Every error answer has this shape. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  putGroupsByIdGames: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description Ids from /api/games, in the order to show them. */
          gameIds: number[];
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['GameList'];
        };
      };
      /** @description Every error answer has this shape. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getGroupsByIdMembers: {
    parameters: {
      query: {
        /** @description nextCursor from the previous page. */
        cursor?: string;
        limit: number;
      };
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MemberList'];
        };
      };
      /** @description Every error answer has this shape. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  postGroupsByIdMembers: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description For a private group: a note to its owners and organizers. */
          message?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['JoinAnswer'];
        };
      };
      /** @description Default Response */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['JoinAnswer'];
        };
      };
      /** @description Every error answer has this shape. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  deleteGroupsByIdMembersByUserId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
        userId: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Removed. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Every error answer has this shape. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  patchGroupsByIdMembersByUserId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
        userId: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description Making someone an owner hands the group over (there may be several owners). */
          role: 'owner' | 'organizer' | 'member';
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Member'];
        };
      };
      /** @description Every error answer has this shape. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  deleteGroupsByIdMembersMe: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Every error answer has this shape. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getGroupsByIdRequests: {
    parameters: {
      query: {
        /** @description nextCursor from the previous page. */
        cursor?: string;
        limit: number;
      };
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['JoinRequestList'];
        };
      };
      /** @description Every error answer has this shape. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  postGroupsByIdRequestsByUserIdApprove: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
        userId: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Member'];
        };
      };
      /** @description Every error answer has this shape. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  postGroupsByIdRequestsByUserIdDecline: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
        userId: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Every error answer has this shape. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  deleteGroupsByIdRequestsMe: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Every error answer has this shape. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getGroupsByIdRules: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            groupId: number;
            /** @description Words or links that hold a post or comment for review; shown to the group’s moderators only. */
            heldTerms: string[] | null;
            /** @description Shown to people joining; linked from each moderation action. */
            rules: string;
          };
        };
      };
      /** @description Every error answer has this shape. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  putGroupsByIdRules: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          heldTerms?: string[];
          rules?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            groupId: number;
            /** @description Words or links that hold a post or comment for review; shown to the group’s moderators only. */
            heldTerms: string[] | null;
            /** @description Shown to people joining; linked from each moderation action. */
            rules: string;
          };
        };
      };
      /** @description Every error answer has this shape. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getHealth: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Health'];
        };
      };
      /** @description Default Response */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Health'];
        };
      };
    };
  };
  getHealthLive: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Liveness'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getHealthReady: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Readiness'];
        };
      };
      /** @description Default Response */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Readiness'];
        };
      };
    };
  };
  getMap: {
    parameters: {
      query: {
        /** @description minLng,minLat,maxLng,maxLat in degrees; minLng > maxLng means the view crosses the antimeridian. */
        bbox: string;
        /** @description Comma-separated kinds among event, group, place, post. */
        kinds?: string;
        /** @description Only meetups with minPlayers that still need people to go (other kinds are left out). */
        needsPlayers?: boolean;
        /** @description Comma-separated place kinds among cafe, game_store, library, bar, community_centre, park, other: only places of those kinds (other kinds are left out). */
        placeKinds?: string;
        /** @description Only meetups that start within the next 7 days or are on now (other kinds are left out). */
        thisWeek?: boolean;
        /** @description The map zoom level (256-pixel tiles). */
        zoom: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/geo+json': components['schemas']['MapCollection'];
        };
      };
      /** @description Every error answer has this shape. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getMe: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Me'];
        };
      };
      /** @description Every error answer has this shape. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  deleteMe: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description Your current password, to confirm. */
          password: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Every error answer has this shape. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  patchMe: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description A photo you uploaded (`POST /api/media`) as your profile photo; null removes it (and deletes it). */
          avatarId?: number | null;
          bio?: string;
          displayName?: string;
          /** @description null forgets it. */
          homeLocation?: {
            /** @description Degrees north, WGS84. */
            lat: number;
            /** @description Degrees east, WGS84. */
            lng: number;
          } | null;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Me'];
        };
      };
      /** @description Every error answer has this shape. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getMeCalendar: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PersonalCalendarLink'];
        };
      };
      /** @description Every error answer has this shape. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getMeCalendarIcs: {
    parameters: {
      query: {
        /** @description The key in your `calendarUrl`. */
        key: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description An iCalendar (RFC 5545) file. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/calendar': string;
        };
      };
      /** @description Every error answer has this shape. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getMeExport: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Your profile (home location coarsened, as everywhere), memberships, join requests, RSVPs, and what you created or wrote. Deleted posts and comments are gone and not included. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DataExport'];
        };
      };
      /** @description Every error answer has this shape. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getMeGroups: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PersonGroupList'];
        };
      };
      /** @description Every error answer has this shape. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getMeNotificationSettings: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NotificationSettings'];
        };
      };
      /** @description Every error answer has this shape. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  putMeNotificationSettings: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          kinds: {
            event_cancelled: {
              /** @description By email (when the server sends email). */
              email: boolean;
              /** @description In the inbox, the bell and the live stream. Always true for the safety notices. */
              inApp: boolean;
            };
            event_changed: {
              /** @description By email (when the server sends email). */
              email: boolean;
              /** @description In the inbox, the bell and the live stream. Always true for the safety notices. */
              inApp: boolean;
            };
            group_event: {
              /** @description By email (when the server sends email). */
              email: boolean;
              /** @description In the inbox, the bell and the live stream. Always true for the safety notices. */
              inApp: boolean;
            };
            join_approved: {
              /** @description By email (when the server sends email). */
              email: boolean;
              /** @description In the inbox, the bell and the live stream. Always true for the safety notices. */
              inApp: boolean;
            };
            join_declined: {
              /** @description By email (when the server sends email). */
              email: boolean;
              /** @description In the inbox, the bell and the live stream. Always true for the safety notices. */
              inApp: boolean;
            };
            join_request: {
              /** @description By email (when the server sends email). */
              email: boolean;
              /** @description In the inbox, the bell and the live stream. Always true for the safety notices. */
              inApp: boolean;
            };
            moderation_action: {
              /** @description By email (when the server sends email). */
              email: boolean;
              /** @description In the inbox, the bell and the live stream. Always true for the safety notices. */
              inApp: boolean;
            };
            nearby_event: {
              /** @description By email (when the server sends email). */
              email: boolean;
              /** @description In the inbox, the bell and the live stream. Always true for the safety notices. */
              inApp: boolean;
            };
            reminder: {
              /** @description By email (when the server sends email). */
              email: boolean;
              /** @description In the inbox, the bell and the live stream. Always true for the safety notices. */
              inApp: boolean;
            };
            reply: {
              /** @description By email (when the server sends email). */
              email: boolean;
              /** @description In the inbox, the bell and the live stream. Always true for the safety notices. */
              inApp: boolean;
            };
            report_outcome: {
              /** @description By email (when the server sends email). */
              email: boolean;
              /** @description In the inbox, the bell and the live stream. Always true for the safety notices. */
              inApp: boolean;
            };
            waitlist_promoted: {
              /** @description By email (when the server sends email). */
              email: boolean;
              /** @description In the inbox, the bell and the live stream. Always true for the safety notices. */
              inApp: boolean;
            };
          };
          /** @description Metres around your home location within which new public meetups are notified (`nearby_event`); null (the default) for none. */
          nearbyRadius: number | null;
          /** @description Emails that would arrive between start and end (in timeZone; may span midnight) wait until end, except a cancellation of a meetup less than 24 hours ahead. Null for none. */
          quietHours: {
            /** @description HH:MM, 24-hour clock. */
            end: string;
            /** @description HH:MM, 24-hour clock. */
            start: string;
          } | null;
          reminders: {
            /** @description A reminder the day before (24 hours ahead). */
            dayBefore: boolean;
            /** @description A reminder two hours ahead. */
            twoHoursBefore: boolean;
          };
          /** @description IANA time zone of the quiet hours, e.g. Europe/Berlin. */
          timeZone: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NotificationSettings'];
        };
      };
      /** @description Every error answer has this shape. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  postMedia: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'multipart/form-data': {
          /** @description What the photo shows, for people who cannot see it: 1 to 1500 characters, required. It is the `alt` text wherever the photo appears. */
          alt: string;
          /**
           * Format: binary
           * @description A JPEG, PNG, WebP, AVIF or GIF (first frame). The type is read from the bytes; SVG is refused.
           */
          file: string;
        };
      };
    };
    responses: {
      /** @description An uploaded photo. The file sent is not kept, only these renditions. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Media'];
        };
      };
      /** @description Every error answer has this shape. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getMediaById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description An uploaded photo. The file sent is not kept, only these renditions. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Media'];
        };
      };
      /** @description Every error answer has this shape. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  deleteMediaById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Every error answer has this shape. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  patchMediaById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description What the photo shows, for people who cannot see it: 1 to 1500 characters, required. It is the `alt` text wherever the photo appears. */
          alt: string;
        };
      };
    };
    responses: {
      /** @description An uploaded photo. The file sent is not kept, only these renditions. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Media'];
        };
      };
      /** @description Every error answer has this shape. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  postModerationActions: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /**
           * @description `remove` (shows "removed by moderators: <reason>", replies stay), `restore`, `dismiss` (close its reports), `lock`/`unlock` a discussion, `ban_from_group` (the author, or the `user` subject with `groupId`), `suspend` (site admins only: the person can read and export, not write), `warn`.
           * @enum {unknown}
           */
          action: 'remove' | 'restore' | 'dismiss' | 'lock' | 'unlock' | 'ban_from_group' | 'suspend' | 'warn';
          /** @description The group of a ban when the subject is a person. */
          groupId?: number;
          /** @description Shown in the public log and to the people told. */
          reason: string;
          subject: {
            id: number;
            /**
             * @description `event` is a meetup; `user` a person’s profile.
             * @enum {unknown}
             */
            type: 'post' | 'comment' | 'event' | 'group' | 'place' | 'user';
          };
          /**
           * Format: date-time
           * @description End of a ban or suspension; absent: indefinite.
           */
          until?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            entry: {
              /** @description Who acted, as a role: "a site admin", "a moderator of <group>", "the automatic first line". */
              actedAs: string;
              action: string;
              /** Format: date-time */
              at: string;
              group: {
                id: number;
                name: string;
              } | null;
              id: number;
              reason: string;
              /** @description The group’s rules, which the action applies. */
              rulesUrl: string | null;
              /** @description For posts, meetups, groups and places; null for comments and people. */
              subjectId: number | null;
              /**
               * @description `event` is a meetup; `user` a person’s profile.
               * @enum {unknown}
               */
              subjectType: 'post' | 'comment' | 'event' | 'group' | 'place' | 'user';
              /** Format: date-time */
              until: string | null;
            };
            reportsClosed: number;
          };
        };
      };
      /** @description Every error answer has this shape. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getModerationLog: {
    parameters: {
      query?: {
        cursor?: string;
        groupId?: number;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            entries: {
              /** @description Who acted, as a role: "a site admin", "a moderator of <group>", "the automatic first line". */
              actedAs: string;
              action: string;
              /** Format: date-time */
              at: string;
              group: {
                id: number;
                name: string;
              } | null;
              id: number;
              reason: string;
              /** @description The group’s rules, which the action applies. */
              rulesUrl: string | null;
              /** @description For posts, meetups, groups and places; null for comments and people. */
              subjectId: number | null;
              /**
               * @description `event` is a meetup; `user` a person’s profile.
               * @enum {unknown}
               */
              subjectType: 'post' | 'comment' | 'event' | 'group' | 'place' | 'user';
              /** Format: date-time */
              until: string | null;
            }[];
            nextCursor: string | null;
          };
        };
      };
      /** @description Every error answer has this shape. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getModerationQueue: {
    parameters: {
      query?: {
        cursor?: string;
        /** @description Only this group’s queue. */
        groupId?: number;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              /** @description The author’s record with the moderators. */
              authorStanding: {
                accountAgeDays: number;
                /** @description Earlier removals of their content. */
                removals: number;
                suspended: boolean;
                warnings: number;
              } | null;
              /** @description What was reported, as written (moderators see removed text); null when it is gone. */
              content: {
                author: {
                  displayName: string;
                  id: number;
                } | null;
                text: string;
                title: string | null;
                /** @description Its page in the web app. */
                url: string | null;
              } | null;
              /** @description Around a comment: the comment it answers and the post or meetup it belongs to. */
              context: {
                author: {
                  displayName: string;
                  id: number;
                } | null;
                id: number;
                relation: string;
                text: string;
              }[];
              /** @description The group whose moderators decide; null: the site admins. */
              group: {
                id: number;
                name: string;
              } | null;
              /** @description Why the automatic first line held it. */
              heldReason: string | null;
              /** @description What the reporters wrote (never who they are). */
              notes: string[];
              reasons: (
                | 'spam'
                | 'harassment'
                | 'hate'
                | 'violence'
                | 'sexual'
                | 'private_information'
                | 'misleading'
                | 'off_topic'
                | 'other'
              )[];
              /** @description Open reports about it. */
              reports: number;
              /** Format: date-time */
              since: string;
              state: 'visible' | 'removed' | 'held';
              subject: {
                id: number;
                /**
                 * @description `event` is a meetup; `user` a person’s profile.
                 * @enum {unknown}
                 */
                type: 'post' | 'comment' | 'event' | 'group' | 'place' | 'user';
              };
            }[];
            nextCursor: string | null;
          };
        };
      };
      /** @description Every error answer has this shape. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getNearby: {
    parameters: {
      query: {
        /** @description nextCursor from the previous page. */
        cursor?: string;
        /** @description Comma-separated kinds among event, group, place, post; all of them when omitted. */
        kinds?: string;
        /** @description Degrees north, WGS84. */
        lat: number;
        limit: number;
        /** @description Degrees east, WGS84. */
        lng: number;
        /** @description Only meetups with minPlayers that still need people to go (other kinds are left out). */
        needsPlayers?: boolean;
        /** @description Comma-separated place kinds among cafe, game_store, library, bar, community_centre, park, other: only places of those kinds (other kinds are left out). */
        placeKinds?: string;
        /** @description Metres, 1 to 500000; the boundary is included. */
        radius: number;
        /** @description Only meetups that start within the next 7 days or are on now (other kinds are left out). */
        thisWeek?: boolean;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/geo+json': components['schemas']['NearbyCollection'];
        };
      };
      /** @description Every error answer has this shape. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getNotifications: {
    parameters: {
      query: {
        /** @description nextCursor from the previous page. */
        cursor?: string;
        limit: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NotificationPage'];
        };
      };
      /** @description Every error answer has this shape. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  postNotificationsRead: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description `{ids}` marks those notifications read; `{all: true}` every one. */
    requestBody: {
      content: {
        'application/json':
          | {
              ids: number[];
            }
          | {
              /** @enum {boolean} */
              all: true;
            };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UnreadCount'];
        };
      };
      /** @description Every error answer has this shape. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getNotificationsStream: {
    parameters: {
      query: {
        /** @description Resume after this event id, when the `Last-Event-ID` header cannot be sent (a new EventSource). The header wins. */
        lastEventId?: number;
        /** @description From POST /api/notifications/stream-ticket. */
        ticket: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description An endless `text/event-stream`. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/event-stream': string;
        };
      };
      /** @description Every error answer has this shape. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  postNotificationsStreamTicket: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['StreamTicket'];
        };
      };
      /** @description Every error answer has this shape. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getNotificationsUnsubscribe: {
    parameters: {
      query: {
        /** @description From the link in the email. */
        token: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UnsubscribeLink'];
        };
      };
      /** @description Every error answer has this shape. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  postNotificationsUnsubscribe: {
    parameters: {
      query: {
        /** @description From the link in the email. */
        token: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description Stop every email, not only this kind. */
          all?: boolean;
          /**
           * @description Sent by mail programs (RFC 8058).
           * @enum {string}
           */
          'List-Unsubscribe'?: 'One-Click';
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Unsubscribed'];
        };
      };
      /** @description Every error answer has this shape. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getPeopleById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PublicUser'];
        };
      };
      /** @description Every error answer has this shape. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getPeopleByIdGroups: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PersonGroupList'];
        };
      };
      /** @description Every error answer has this shape. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getPeopleByIdPosts: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PersonPostList'];
        };
      };
      /** @description Every error answer has this shape. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getPlaces: {
    parameters: {
      query: {
        /** @description nextCursor from the previous page. */
        cursor?: string;
        /** @description Degrees north, WGS84. */
        lat: number;
        limit: number;
        /** @description Degrees east, WGS84. */
        lng: number;
        /** @description Metres, 1 to 500000; the boundary is included. */
        radius: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/geo+json': components['schemas']['NearbyCollection'];
        };
      };
      /** @description Every error answer has this shape. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  postPlaces: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          address?: string;
          description?: string;
          /** @description One of cafe, game_store, library, bar, community_centre, park, other. */
          kind: 'cafe' | 'game_store' | 'library' | 'bar' | 'community_centre' | 'park' | 'other';
          location: {
            /** @description Degrees north, WGS84. */
            lat: number;
            /** @description Degrees east, WGS84. */
            lng: number;
          };
          /** @description Photos to show, in this order, at most 10: ids of photos you uploaded (`POST /api/media`). Editing replaces the list; a photo left out is deleted. */
          mediaIds?: number[];
          name: string;
          /** @description Someone’s home: listed and shown to others only as an area (~500 m) with no address, and meetups here default to `locationPrivacy: approximate`. */
          privateHome?: boolean;
          tags?: string[];
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Place'];
        };
      };
      /** @description Every error answer has this shape. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getPlacesById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Place'];
        };
      };
      /** @description Every error answer has this shape. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  deletePlacesById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Every error answer has this shape. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  patchPlacesById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          address?: string;
          description?: string;
          /** @description One of cafe, game_store, library, bar, community_centre, park, other. */
          kind?: 'cafe' | 'game_store' | 'library' | 'bar' | 'community_centre' | 'park' | 'other';
          location?: {
            /** @description Degrees north, WGS84. */
            lat: number;
            /** @description Degrees east, WGS84. */
            lng: number;
          };
          /** @description Photos to show, in this order, at most 10: ids of photos you uploaded (`POST /api/media`). Editing replaces the list; a photo left out is deleted. */
          mediaIds?: number[];
          name?: string;
          /** @description Someone’s home: listed and shown to others only as an area (~500 m) with no address, and meetups here default to `locationPrivacy: approximate`. */
          privateHome?: boolean;
          tags?: string[];
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Place'];
        };
      };
      /** @description Every error answer has this shape. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getPlacesByIdGames: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['GameList'];
        };
      };
      /** @description Every error answer has this shape. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  putPlacesByIdGames: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description Ids from /api/games, in the order to show them. */
          gameIds: number[];
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['GameList'];
        };
      };
      /** @description Every error answer has this shape. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getPosts: {
    parameters: {
      query: {
        /** @description nextCursor from the previous page. */
        cursor?: string;
        /** @description Degrees north, WGS84. */
        lat: number;
        limit: number;
        /** @description Degrees east, WGS84. */
        lng: number;
        /** @description Metres, 1 to 500000; the boundary is included. */
        radius: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/geo+json': components['schemas']['NearbyCollection'];
        };
      };
      /** @description Every error answer has this shape. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  postPosts: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description A post needs a location: `location`, or else the location of `placeId`, or else that of `groupId`. Posting in a group is for its members; posts in a private group are visible to members only. */
    requestBody: {
      content: {
        'application/json': {
          /** @description Markdown, up to 40000 characters. Raw HTML is shown as text. */
          body: string;
          groupId?: number;
          location?: {
            /** @description Degrees north, WGS84. */
            lat: number;
            /** @description Degrees east, WGS84. */
            lng: number;
          };
          /** @description Photos to show, in this order, at most 10: ids of photos you uploaded (`POST /api/media`). Editing replaces the list; a photo left out is deleted. */
          mediaIds?: number[];
          placeId?: number;
          title: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Post'];
        };
      };
      /** @description Every error answer has this shape. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getPostsById: {
    parameters: {
      query?: {
        /** @description `discussion.nextBranchCursor` of the previous page. */
        branchCursor?: string;
      };
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Post'];
        };
      };
      /** @description Every error answer has this shape. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  deletePostsById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Every error answer has this shape. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  patchPostsById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    /** @description The group of a post cannot change. */
    requestBody: {
      content: {
        'application/json': {
          /** @description Markdown, up to 40000 characters. Raw HTML is shown as text. */
          body?: string;
          location?: {
            /** @description Degrees north, WGS84. */
            lat: number;
            /** @description Degrees east, WGS84. */
            lng: number;
          };
          /** @description Photos to show, in this order, at most 10: ids of photos you uploaded (`POST /api/media`). Editing replaces the list; a photo left out is deleted. */
          mediaIds?: number[];
          /** @description null detaches the post from its place; it keeps its location. */
          placeId?: number | null;
          title?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Post'];
        };
      };
      /** @description Every error answer has this shape. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getPostsByIdComments: {
    parameters: {
      query?: {
        /** @description `discussion.nextBranchCursor` of the previous page. */
        branchCursor?: string;
      };
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Discussion'];
        };
      };
      /** @description Every error answer has this shape. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  postPostsByIdComments: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description Markdown, up to 10000 characters. Raw HTML is shown as text. */
          body: string;
          /** @description The comment replied to, at any depth up to 500 levels; omit or null to reply to the post. */
          parentId?: number | null;
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PostComment'];
        };
      };
      /** @description Every error answer has this shape. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getReports: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            reports: {
              /** Format: date-time */
              createdAt: string;
              id: number;
              note: string | null;
              /** @description The action taken and its reason, once decided. */
              outcome: string | null;
              /**
               * @description spam, harassment, hate, violence (violence or threats), sexual (sexual content), private_information, misleading, off_topic, other.
               * @enum {unknown}
               */
              reason:
                | 'spam'
                | 'harassment'
                | 'hate'
                | 'violence'
                | 'sexual'
                | 'private_information'
                | 'misleading'
                | 'off_topic'
                | 'other';
              /** @description `open` until a moderator decides; `actioned` (something was done) or `dismissed`. */
              status: 'open' | 'actioned' | 'dismissed';
              subject: {
                id: number;
                /**
                 * @description `event` is a meetup; `user` a person’s profile.
                 * @enum {unknown}
                 */
                type: 'post' | 'comment' | 'event' | 'group' | 'place' | 'user';
              };
            }[];
          };
        };
      };
      /** @description Every error answer has this shape. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  postReports: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description What the moderators should know. */
          note?: string;
          /**
           * @description spam, harassment, hate, violence (violence or threats), sexual (sexual content), private_information, misleading, off_topic, other.
           * @enum {unknown}
           */
          reason:
            | 'spam'
            | 'harassment'
            | 'hate'
            | 'violence'
            | 'sexual'
            | 'private_information'
            | 'misleading'
            | 'off_topic'
            | 'other';
          subject: {
            id: number;
            /**
             * @description `event` is a meetup; `user` a person’s profile.
             * @enum {unknown}
             */
            type: 'post' | 'comment' | 'event' | 'group' | 'place' | 'user';
          };
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Report'];
        };
      };
      /** @description Every error answer has this shape. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getSearch: {
    parameters: {
      query: {
        /** @description Comma-separated kinds among event, group, place, post; all of them when omitted. */
        kinds?: string;
        /** @description Degrees north, WGS84. */
        lat: number;
        limit: number;
        /** @description Degrees east, WGS84. */
        lng: number;
        /** @description Words to find, e.g. "Catan" or "board game café"; accents and case are ignored. */
        q: string;
        /** @description Metres around lat/lng to search, 1 to 500000; default 50000. */
        radius: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SearchCollection'];
        };
      };
      /** @description Every error answer has this shape. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getMediaByIdByFile: {
    parameters: {
      query?: {
        /** @description The key in a photo’s URL, as the API gave it. */
        key?: string;
      };
      header?: never;
      path: {
        /** @description The rendition: `small`, `medium` or `large`, as `.webp` or `.jpg`. */
        file: string;
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The image (image/webp or image/jpeg). */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': unknown;
        };
      };
      /** @description Default Response */
      304: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Every error answer has this shape. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getOgcLandingPage: {
    parameters: {
      query?: {
        f?: 'json' | 'geojson';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OgcLandingPage'];
        };
      };
      /** @description Every error answer has this shape. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getOgcCollections: {
    parameters: {
      query?: {
        f?: 'json' | 'geojson';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OgcCollections'];
        };
      };
      /** @description Every error answer has this shape. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getOgcCollection: {
    parameters: {
      query?: {
        f?: 'json' | 'geojson';
      };
      header?: never;
      path: {
        /** @description places, groups, meetups or posts. */
        collectionId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OgcCollection'];
        };
      };
      /** @description Every error answer has this shape. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getOgcItems: {
    parameters: {
      query?: {
        /** @description minLng,minLat,maxLng,maxLat in degrees (CRS84). */
        bbox?: string;
        /** @description Meetups only: an instant or an interval `start/end` (RFC 3339, `..` for open), meetups overlapping it. */
        datetime?: string;
        f?: 'json' | 'geojson';
        /** @description Items per page, default 100; more than 1000 answers 1000. */
        limit?: number;
        /** @description Items to skip (next links). */
        offset?: number;
      };
      header?: never;
      path: {
        /** @description places, groups, meetups or posts. */
        collectionId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/geo+json': components['schemas']['OgcFeatureCollection'];
        };
      };
      /** @description Every error answer has this shape. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getOgcItem: {
    parameters: {
      query?: {
        f?: 'json' | 'geojson';
      };
      header?: never;
      path: {
        /** @description places, groups, meetups or posts. */
        collectionId: string;
        /** @description The item’s id. */
        featureId: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/geo+json': components['schemas']['OgcFeature'];
        };
      };
      /** @description Every error answer has this shape. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getOgcConformance: {
    parameters: {
      query?: {
        f?: 'json' | 'geojson';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OgcConformance'];
        };
      };
      /** @description Every error answer has this shape. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description Every error answer has this shape. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
}
