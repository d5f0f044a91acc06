/** V8 settings for a process that serves the API, set before it starts serving. */
import v8 from 'node:v8';

/**
 * Turns off V8's allocation-site pretenuring, its guess that what a given piece of code allocates
 * will live long and belongs straight in the old generation.
 *
 * Why: under the `/api/nearby` load (50 connections, two cores), about half of the server's starts
 * settled into a state where every young-generation collection promoted about 3 MB, mostly the
 * pages' GeoJSON text, and the collections paused the server 450–610 ms in every 5 s, up to
 * 37 ms at a time; the other starts promoted 0.03 MB and paused 110–135 ms. A start stayed in the
 * state it settled into, across full collections. With pretenuring off, 12 starts out of 12
 * promoted 0.03 MB (`node --trace-gc-nvp`).
 */
export function configureV8ForServing(): void {
  v8.setFlagsFromString('--no-allocation-site-pretenuring');
}
