/** What the benchmark's server (bench/server.ts) reports of its own thread, each since the last ask. */
import type { RunningServer } from './server.js';

export interface GcPauses {
  pauses: number;
  totalMs: number;
  longestMs: number;
}

/** Garbage-collection pauses. */
export async function gcPauses(server: RunningServer): Promise<GcPauses> {
  const response = await fetch(`${server.url}/bench/gc`);
  return (await response.json()) as GcPauses;
}

export interface LoopDelay {
  p50Ms: number;
  p99Ms: number;
  longestMs: number;
}

/** How late the event loop ran its timers: how long a request needing no database waited to start. */
export async function loopDelay(server: RunningServer): Promise<LoopDelay> {
  const response = await fetch(`${server.url}/bench/loop`);
  return (await response.json()) as LoopDelay;
}
