/** V8 settings for a process that serves the API, set before it starts serving. */
import v8 from 'node:v8';

/**
 * Turns off V8's allocation-site pretenuring, its guess that what a given piece of code allocates
 * will live long and belongs straight in the old generation.
 *
 * Why: under a steady API load, some starts of the server settled into promoting the pages'
 * GeoJSON text out of the young generation on every collection, and stayed that way; those
 * collections paused every request in flight several times as long. With pretenuring off, no
 * start settled into that state. The measurements are in docs/performance.md (garbage collection).
 */
export function configureV8ForServing(): void {
  v8.setFlagsFromString('--no-allocation-site-pretenuring');
}
