/**
 * The privacy rule in words, one copy for every page that asks for a home location or talks about
 * it (PrivacyNote.svelte), so the promise reads the same everywhere. The ~500 m is the server's
 * grid (server/src/geo/coarsen.ts, docs/privacy.md).
 */
export const EXACT_POINT_RULE = 'Only you see the exact point you choose.';
export const AREA_RULE = 'Others see at most the area around it, about 500 m across, and only where a feature says so.';
/** Where the home location is shown to others: nowhere. */
export const HOME_SHOWN = 'Your home location is shown to no one else: it only ranks what is near you.';
