/**
 * The typed client for the Vicinity API: the only module in the web app that calls `fetch`.
 * Every failure comes back as an ApiError carrying the server's `{error:{code,message,details}}`,
 * so pages can show the server's own sentence and point at the field it names.
 * The sign-in token lives in localStorage and is sent with every request while it is there.
 */

export type ItemKind = 'place' | 'group' | 'event' | 'post';
export const ITEM_KINDS: readonly ItemKind[] = ['place', 'group', 'event', 'post'];

export interface LatLng {
  lat: number;
  lng: number;
}

/** West, south, east, north in degrees, the order of the `bbox` query parameter. */
export type Bbox = [minLng: number, minLat: number, maxLng: number, maxLat: number];

export interface PointGeometry {
  type: 'Point';
  /** GeoJSON order: longitude first. */
  coordinates: [number, number];
}

export interface Feature<P> {
  type: 'Feature';
  id?: string | number;
  geometry: PointGeometry;
  properties: P;
}

export interface FeatureCollection<P> {
  type: 'FeatureCollection';
  features: Feature<P>[];
}

export interface ItemProperties {
  kind: ItemKind;
  id: number;
  name: string;
  /** Places only: cafe, game_store, library, bar, community_centre, park… */
  placeKind?: string;
  /** Events only: ISO 8601 start time. */
  startsAt?: string;
}

export interface ClusterProperties {
  cluster: true;
  count: number;
  counts: Partial<Record<ItemKind, number>>;
  /** The zoom at which this cluster falls apart into smaller ones or items. */
  expansionZoom: number;
}

export type ItemFeature = Feature<ItemProperties>;
export type ClusterFeature = Feature<ClusterProperties>;
export type MapFeature = ItemFeature | ClusterFeature;

export interface NearbyProperties extends ItemProperties {
  distanceMeters: number;
}

export interface NearbyPage extends FeatureCollection<NearbyProperties> {
  nextCursor: string | null;
}

export interface ClientConfig {
  mapCenter: LatLng;
  zoom: number;
  /** Leaflet URL template, e.g. https://tile.example.org/{z}/{x}/{y}.png */
  tileUrl: string;
  /** HTML set by the operator; shown in the map's attribution control. */
  tileAttribution: string;
}

export interface GeocodeResult {
  name: string;
  country: string;
  lat: number;
  lng: number;
  population: number;
}

export interface FieldIssue {
  field: string;
  in: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    /** HTTP status; 0 when the server could not be reached at all. */
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: FieldIssue[] = [],
    /** `details` exactly as the server sent it, for answers whose details are not field issues. */
    readonly rawDetails: unknown = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The issue the server reported for one field, if any. */
  fieldMessage(field: string): string | undefined {
    return this.details.find((issue) => issue.field === field)?.message;
  }
}

export function isClusterFeature(feature: MapFeature): feature is ClusterFeature {
  return 'cluster' in feature.properties && feature.properties.cluster === true;
}

/** True for the rejection a superseded request gets; callers drop it silently. */
export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

function fieldIssues(details: unknown): FieldIssue[] {
  if (!Array.isArray(details)) return [];
  return details.flatMap((entry: unknown) => {
    if (typeof entry !== 'object' || entry === null) return [];
    const { field, in: where, message } = entry as Record<string, unknown>;
    if (typeof field !== 'string' || typeof message !== 'string') return [];
    return [{ field, in: typeof where === 'string' ? where : '', message }];
  });
}

/** Builds an ApiError from a failed response, whatever its body turned out to be. */
export async function errorFromResponse(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Proxies and crashed servers answer with HTML or nothing: fall back to the status below.
  }
  const error = (body as { error?: unknown } | null)?.error;
  if (typeof error === 'object' && error !== null) {
    const { code, message, details } = error as Record<string, unknown>;
    if (typeof code === 'string' && typeof message === 'string') {
      return new ApiError(response.status, code, message, fieldIssues(details), details ?? null);
    }
  }
  const reason = response.statusText ? ` (${response.statusText})` : '';
  return new ApiError(response.status, 'http_error', `The server answered ${response.status}${reason}.`);
}

type QueryValue = string | number | boolean | undefined;

function withQuery(path: string, query: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined) params.set(name, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

// --- The sign-in token -------------------------------------------------------------------------

const TOKEN_KEY = 'vicinity.token';
// Where the token is kept when the browser refuses localStorage.
let memoryToken: string | null = null;
let tokenRejected: (() => void) | null = null;

/** The stored sign-in token, if any; storage that is switched off counts as none. */
export function storedToken(): string | null {
  try {
    return window.localStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

/** Keeps the token for later requests (and later visits); null forgets it, i.e. signs out. */
export function storeToken(token: string | null): void {
  try {
    if (token === null) window.localStorage.removeItem(TOKEN_KEY);
    else window.localStorage.setItem(TOKEN_KEY, token);
  } catch {
    // Private modes may refuse storage: the session then lasts as long as the page.
  }
  memoryToken = token;
}

/** Called when the server refuses the stored token (expired, or its account is gone). */
export function onTokenRejected(listener: (() => void) | null): void {
  tokenRejected = listener;
}

function currentToken(): string | null {
  return storedToken() ?? memoryToken;
}

const REJECTED_TOKEN_CODES = new Set(['token_invalid', 'token_expired']);

interface RequestOptions {
  body?: unknown;
  signal?: AbortSignal;
}

async function send(method: string, url: string, token: string | null, { body, signal }: RequestOptions) {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  try {
    return await fetch(url, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch (error) {
    if (isAbortError(error)) throw error;
    throw new ApiError(0, 'network_error', 'Could not reach the Vicinity server. Check your connection and try again.');
  }
}

/**
 * One request with the stored token. A token the server no longer accepts is forgotten; a read
 * is then repeated without it, since public pages must not fail because a session ran out.
 */
async function request<T>(method: string, url: string, options: RequestOptions = {}): Promise<T> {
  const token = currentToken();
  let response = await send(method, url, token, options);
  if (response.status === 401 && token) {
    const error = await errorFromResponse(response);
    if (!REJECTED_TOKEN_CODES.has(error.code)) throw error;
    storeToken(null);
    tokenRejected?.();
    if (method !== 'GET') throw error;
    response = await send(method, url, null, options);
  }
  if (!response.ok) throw await errorFromResponse(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  return request<T>('GET', url, { signal });
}

/** Coordinates in query strings: six decimals is ~10 cm, plenty, and keeps URLs short. */
function coordinate(value: number): string {
  return value.toFixed(6).replace(/\.?0+$/, '');
}

// --- Map and nearby ------------------------------------------------------------------------------

export function getConfig(signal?: AbortSignal): Promise<ClientConfig> {
  return getJson('/api/config', signal);
}

export interface MapQuery {
  bbox: Bbox;
  zoom: number;
  kinds?: readonly ItemKind[];
}

export function getMap({ bbox, zoom, kinds = ITEM_KINDS }: MapQuery, signal?: AbortSignal) {
  const url = withQuery('/api/map', {
    bbox: bbox.map(coordinate).join(','),
    zoom: Math.round(zoom),
    kinds: kinds.join(','),
  });
  return getJson<{ type: 'FeatureCollection'; features: MapFeature[] }>(url, signal);
}

export interface NearbyQuery {
  center: LatLng;
  radiusMeters: number;
  kinds?: readonly ItemKind[];
  limit?: number;
  cursor?: string | null;
}

export function getNearby({ center, radiusMeters, kinds, limit, cursor }: NearbyQuery, signal?: AbortSignal) {
  const url = withQuery('/api/nearby', {
    lat: coordinate(center.lat),
    lng: coordinate(center.lng),
    radius: Math.round(radiusMeters),
    kinds: kinds?.join(','),
    limit,
    cursor: cursor ?? undefined,
  });
  return getJson<NearbyPage>(url, signal);
}

export async function geocode(q: string, limit = 8, signal?: AbortSignal): Promise<GeocodeResult[]> {
  const { results } = await getJson<{ results: GeocodeResult[] }>(withQuery('/api/geocode', { q, limit }), signal);
  return results;
}

// --- Accounts --------------------------------------------------------------------------------------

export interface UserRef {
  id: number;
  displayName: string;
}

/** A point only accurate to `precisionMeters` (0 when exact). */
export interface CoarseLocation extends LatLng {
  precisionMeters: number;
}

export interface Me {
  id: number;
  email: string;
  displayName: string;
  bio: string;
  /** Snapped to ~500 m by the server; the precise point is never sent back. */
  homeLocation: CoarseLocation | null;
  createdAt: string;
}

export interface SignedIn {
  token: string;
  user: Me;
}

export interface Registration {
  email: string;
  password: string;
  displayName: string;
}

export function register(registration: Registration): Promise<SignedIn> {
  return request('POST', '/api/auth/register', { body: registration });
}

export function signIn(credentials: { email: string; password: string }): Promise<SignedIn> {
  return request('POST', '/api/auth/login', { body: credentials });
}

export function getMe(signal?: AbortSignal): Promise<Me> {
  return getJson('/api/me', signal);
}

export interface ProfileChanges {
  displayName?: string;
  bio?: string;
  /** null forgets it. */
  homeLocation?: LatLng | null;
}

export function updateMe(changes: ProfileChanges): Promise<Me> {
  return request('PATCH', '/api/me', { body: changes });
}

/** Everything the server keeps about you: the document behind "Download your data". */
export function exportMyData(): Promise<{ exportedAt: string }> {
  return request('GET', '/api/me/export');
}

/** Deletes the account for good; the password confirms it is really you. */
export function deleteAccount(password: string): Promise<void> {
  return request('DELETE', '/api/me', { body: { password } });
}

// --- Places ------------------------------------------------------------------------------------------

export const PLACE_KINDS = ['cafe', 'game_store', 'library', 'bar', 'community_centre', 'park', 'other'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

export interface Place {
  id: number;
  name: string;
  kind: PlaceKind;
  address: string;
  description: string;
  tags: string[];
  location: LatLng;
  createdBy: UserRef | null;
  createdAt: string;
  updatedAt: string;
}

export function getPlace(id: number, signal?: AbortSignal): Promise<Place> {
  return getJson(`/api/places/${id}`, signal);
}

export function getPlacesNear(
  { center, radiusMeters, limit = 50 }: { center: LatLng; radiusMeters: number; limit?: number },
  signal?: AbortSignal,
): Promise<NearbyPage> {
  const url = withQuery('/api/places', {
    lat: coordinate(center.lat),
    lng: coordinate(center.lng),
    radius: Math.round(radiusMeters),
    limit,
  });
  return getJson(url, signal);
}

// --- Groups and membership ------------------------------------------------------------------------------

export type GroupRole = 'owner' | 'organizer' | 'member';
export type Visibility = 'public' | 'private';

export interface Group {
  id: number;
  name: string;
  description: string;
  visibility: Visibility;
  /** Private groups are shown to non-members at a point snapped to ~500 m. */
  location: CoarseLocation;
  memberCount: number;
  myRole: GroupRole | null;
  requestPending: boolean;
  /** Only for owners and organizers; null otherwise. */
  pendingRequests: number | null;
  /** The group's iCalendar feed; keyed for a private group's member, so a calendar app can read it. */
  calendarUrl: string;
  createdAt: string;
  updatedAt: string;
}

export interface GroupMember {
  user: UserRef;
  role: GroupRole;
  joinedAt: string;
}

export interface JoinRequest {
  user: UserRef;
  message: string;
  requestedAt: string;
}

export function getGroup(id: number, signal?: AbortSignal): Promise<Group> {
  return getJson(`/api/groups/${id}`, signal);
}

export function getGroupMembers(
  id: number,
  cursor?: string | null,
  signal?: AbortSignal,
): Promise<{ members: GroupMember[]; nextCursor: string | null }> {
  return getJson(withQuery(`/api/groups/${id}/members`, { cursor: cursor ?? undefined }), signal);
}

/** Joins a public group at once; for a private one, asks its owners and organizers. */
export function joinGroup(
  id: number,
  message?: string,
): Promise<{ status: 'member' | 'pending'; role: GroupRole | null }> {
  return request('POST', `/api/groups/${id}/members`, { body: message ? { message } : {} });
}

export function leaveGroup(id: number): Promise<void> {
  return request('DELETE', `/api/groups/${id}/members/me`);
}

export function withdrawJoinRequest(id: number): Promise<void> {
  return request('DELETE', `/api/groups/${id}/requests/me`);
}

export function getJoinRequests(
  id: number,
  signal?: AbortSignal,
): Promise<{ requests: JoinRequest[]; nextCursor: string | null }> {
  return getJson(`/api/groups/${id}/requests`, signal);
}

export function approveJoinRequest(groupId: number, userId: number): Promise<GroupMember> {
  return request('POST', `/api/groups/${groupId}/requests/${userId}/approve`);
}

export function declineJoinRequest(groupId: number, userId: number): Promise<void> {
  return request('POST', `/api/groups/${groupId}/requests/${userId}/decline`);
}

// --- Meetups (events in the API) ---------------------------------------------------------------------

export type RsvpStatus = 'going' | 'waitlisted' | 'not_going';

export interface MyRsvp {
  status: RsvpStatus;
  /** 1 = next to get a seat; null unless waitlisted. */
  waitlistPosition: number | null;
}

export interface Meetup {
  id: number;
  title: string;
  /** ISO 8601 with the offset of `timeZone` at that instant. */
  startsAt: string;
  endsAt: string;
  /** IANA zone the meetup is planned in. */
  timeZone: string;
  location: LatLng;
  place: { id: number; name: string; address: string } | null;
  group: { id: number; name: string; visibility: Visibility } | null;
  organizer: UserRef | null;
  /** null: no limit. */
  capacity: number | null;
  going: number;
  waitlisted: number;
  /** null when there is no limit. */
  seatsLeft: number | null;
  games: string[];
  status: 'scheduled' | 'cancelled';
  series: { id: number; freq: 'weekly' | 'monthly'; index: number; count: number } | null;
  myRsvp: MyRsvp | null;
  canEdit: boolean;
  url: string;
  createdAt: string;
  updatedAt: string;
  description: string;
  /** The meetup's iCalendar file; keyed for a private group's meetup. */
  calendarUrl: string;
}

export type MeetupSummary = Omit<Meetup, 'description' | 'calendarUrl'> & {
  kind: 'event';
  name: string;
  distanceMeters?: number;
};

export interface MeetupQuery {
  near?: { center: LatLng; radiusMeters: number };
  groupId?: number;
  placeId?: number;
  order?: 'distance' | 'soonest';
  limit?: number;
  cursor?: string | null;
}

export function listMeetups(
  { near, groupId, placeId, order, limit, cursor }: MeetupQuery,
  signal?: AbortSignal,
): Promise<FeatureCollection<MeetupSummary> & { nextCursor: string | null }> {
  const url = withQuery('/api/events', {
    lat: near ? coordinate(near.center.lat) : undefined,
    lng: near ? coordinate(near.center.lng) : undefined,
    radius: near ? Math.max(1, Math.round(near.radiusMeters)) : undefined,
    groupId,
    placeId,
    order,
    limit,
    cursor: cursor ?? undefined,
  });
  return getJson(url, signal);
}

export function getMeetup(id: number, signal?: AbortSignal): Promise<Meetup> {
  return getJson(`/api/events/${id}`, signal);
}

export interface NewMeetup {
  title: string;
  description?: string;
  /** ISO 8601 with an offset. */
  startsAt: string;
  endsAt: string;
  timeZone: string;
  placeId?: number;
  location?: LatLng;
  groupId?: number;
  capacity?: number;
  games?: string[];
}

export function createMeetup(meetup: NewMeetup): Promise<Meetup> {
  return request('POST', '/api/events', { body: meetup });
}

/** Cancels the meetup; it stays readable, marked cancelled. */
export function cancelMeetup(id: number): Promise<Meetup> {
  return request('DELETE', `/api/events/${id}`);
}

export interface RsvpAnswer {
  status: RsvpStatus;
  waitlistPosition: number | null;
  going: number;
  waitlisted: number;
  seatsLeft: number | null;
}

export function answerRsvp(id: number, status: 'going' | 'not_going'): Promise<RsvpAnswer> {
  return request('PUT', `/api/events/${id}/rsvp`, { body: { status } });
}

// --- Posts and their discussion --------------------------------------------------------------------------

export interface Comment {
  id: number;
  parentId: number | null;
  depth: number;
  author: UserRef | null;
  body: string;
  /** Rendered and sanitized by the server: the only HTML the app ever inserts. */
  bodyHtml: string;
  createdAt: string;
  editedAt: string | null;
  deleted: boolean;
  canEdit: boolean;
  canDelete: boolean;
  replies: Comment[];
}

export interface Discussion {
  comments: Comment[];
  nextBranchCursor: string | null;
  totalComments: number;
}

export interface Post {
  id: number;
  title: string;
  body: string;
  /** Rendered and sanitized by the server: the only HTML the app ever inserts. */
  bodyHtml: string;
  location: LatLng;
  place: { id: number; name: string } | null;
  group: { id: number; name: string; visibility: Visibility } | null;
  author: UserRef | null;
  createdAt: string;
  editedAt: string | null;
  deleted: boolean;
  commentCount: number;
  canEdit: boolean;
  canDelete: boolean;
  discussion: Discussion;
}

export interface NewPost {
  title: string;
  body: string;
  location?: LatLng;
  placeId?: number;
  groupId?: number;
}

export function getPost(id: number, signal?: AbortSignal): Promise<Post> {
  return getJson(`/api/posts/${id}`, signal);
}

export function createPost(post: NewPost): Promise<Post> {
  return request('POST', '/api/posts', { body: post });
}

/** Further top-level branches of a discussion, after `discussion.nextBranchCursor`. */
export function getComments(postId: number, branchCursor: string, signal?: AbortSignal): Promise<Discussion> {
  return getJson(withQuery(`/api/posts/${postId}/comments`, { branchCursor }), signal);
}

export function addComment(postId: number, comment: { body: string; parentId?: number | null }): Promise<Comment> {
  return request('POST', `/api/posts/${postId}/comments`, { body: comment });
}

export function editComment(id: number, body: string): Promise<Comment> {
  return request('PATCH', `/api/comments/${id}`, { body: { body } });
}

export function deleteComment(id: number): Promise<void> {
  return request('DELETE', `/api/comments/${id}`);
}

// --- Feed ------------------------------------------------------------------------------------------------

export type FeedMode = 'nearby' | 'latest';

export interface FeedFactor {
  name: 'distance' | 'age' | 'startsIn' | 'groupMember';
  value: number | string;
  /** The multiplier this factor contributes to the score. */
  effect: number;
}

export interface FeedItem {
  kind: 'post' | 'event';
  id: number;
  title: string;
  /** Plain text, never HTML. */
  excerpt: string;
  location: LatLng;
  distanceMeters: number;
  createdAt: string;
  startsAt?: string;
  /** Events only: the meetup's own time zone. */
  timeZone?: string;
  group?: { id: number; name: string; visibility: Visibility };
  place?: { id: number; name: string };
  url: string;
  why: { score: number; factors: FeedFactor[]; text: string };
}

export interface FeedPage {
  items: FeedItem[];
  page: number;
  nextPage: number | null;
  asOf: string;
  mode: FeedMode;
  radius: number;
  origin: 'query' | 'home';
  formula: { text: string; distanceScaleMeters: number; ageScaleHours: number; groupBoost: number };
}

export interface FeedQuery {
  /** Left out: the signed-in person's home location is used. */
  center?: LatLng | null;
  radiusMeters: number;
  mode: FeedMode;
  page: number;
  asOf?: string | null;
}

export function getFeed(
  { center, radiusMeters, mode, page, asOf }: FeedQuery,
  signal?: AbortSignal,
): Promise<FeedPage> {
  const url = withQuery('/api/feed', {
    lat: center ? coordinate(center.lat) : undefined,
    lng: center ? coordinate(center.lng) : undefined,
    radius: Math.round(radiusMeters),
    mode,
    page,
    asOf: asOf ?? undefined,
  });
  return getJson(url, signal);
}
