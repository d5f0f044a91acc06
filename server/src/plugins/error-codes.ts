/**
 * Every `error.code` the API answers, with what it means. Clients may rely on these: the list is
 * published in the OpenAPI document (ErrorBody) and the web app's types come from it, so a code
 * that is not listed here does not compile.
 */
export const ERROR_CODES = {
  // 400
  bad_request: 'The request is not one this server can answer.',
  validation_failed: 'A parameter or field is missing or invalid; `details` lists each as {field, in, message}.',
  malformed_json: 'The body is not valid JSON.',
  empty_body: 'The body is empty although its content type says JSON.',
  bad_url: 'The address itself is broken (bad percent-encoding or an over-long part).',
  bad_http: 'The request is not valid HTTP.',
  // 401
  unauthorized: 'Sign in first: the route needs `Authorization: Bearer <token>`.',
  token_invalid: 'The token is not one this server signed, or its account is gone. Sign in again.',
  token_expired: 'The token has expired. Sign in again.',
  invalid_credentials: 'The email or password is wrong.',
  // 403
  forbidden: 'Signed in, but not allowed to do this.',
  members_only: 'Only members of the private group may see this.',
  wrong_password: 'The password given to confirm the action is not the account’s.',
  link_expired: 'The link has expired: load the page it came from again for a new one.',
  account_suspended:
    'The account is suspended by the site admins: it may read and export its data but not write (`details.until`).',
  banned_from_group: 'A moderator banned you from this group’s discussions (`details.until`).',
  blocked: 'You cannot reply to or contact this person.',
  // 404
  not_found: 'No such thing, or it is hidden from you.',
  // 405, 406
  method_not_allowed: 'The address exists but not with this method.',
  not_acceptable: 'No answer in a form the request accepts.',
  // 409
  conflict: 'The request conflicts with the current state.',
  write_conflict: 'A simultaneous change to the same data won; nothing was stored, send it again.',
  email_taken: 'An account with this email already exists.',
  already_member: 'You are already a member of the group.',
  game_exists: 'A game of that name is in the list already.',
  request_pending: 'You have already asked to join the group.',
  last_owner: 'A group needs an owner: make someone else owner first (`details.groups` names them).',
  event_cancelled: 'The meetup was cancelled.',
  event_past: 'The meetup is over.',
  event_removed: 'Moderators removed the meetup; it takes no RSVPs.',
  post_deleted: 'The post was deleted.',
  thread_deleted: 'The post was deleted; its discussion is closed.',
  comment_deleted: 'The comment was deleted.',
  discussion_locked: 'The organizers locked this discussion: no new comments or edits.',
  report_open: 'You already have an open report about this; you will hear its outcome.',
  // 408
  request_timeout: 'The request took too long to arrive.',
  // 413, 415, 422, 429, 431
  payload_too_large: 'The body is larger than this server accepts.',
  unsupported_media_type: 'This content type is not accepted; send application/json.',
  unsupported_encoding: 'Compressed request bodies are not accepted.',
  unprocessable: 'The request is well-formed but cannot be carried out.',
  rate_limited: 'Too many attempts; wait as `Retry-After` says.',
  headers_too_large: 'The address or the headers together are longer than this server accepts.',
  file_too_large: 'The file is larger than this server accepts (`details.maxBytes`).',
  unsupported_image: 'The file is not an image this server takes: JPEG, PNG, WebP, AVIF or GIF (SVG is refused).',
  image_too_large: 'The image has more pixels than this server accepts (`details.maxPixels`).',
  image_unreadable: 'The image is damaged or incomplete and could not be read.',
  // 5xx
  internal_error: 'Something went wrong on the server; nothing partial was stored.',
  busy: 'Too many requests are waiting; try again after `Retry-After`.',
  unavailable: 'The server or its database cannot answer now.',
  database_unavailable:
    'The database is away for a moment (restarting, unreachable); nothing was stored. Try again after `Retry-After`.',
  storage_full: 'The server’s disk is full; nothing was stored. Reading still works.',
  web_not_built: 'The web app has not been built on this server.',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export const ERROR_CODE_LIST = Object.keys(ERROR_CODES) as ErrorCode[];
