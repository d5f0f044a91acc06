/** What the benchmark's server (bench/server.ts) reports of its own thread, each since the last ask. */
import type { RunningServer } from './server.js';

export interface GcPauses {
  pauses: number;
  totalMs: number;
  longestMs: number;
}

export interface LoopDelay {
  p50Ms: number;
  p99Ms: number;
  longestMs: number;
}

async function report<Report>(server: RunningServer, route: string): Promise<Report> {
  const response = await fetch(`${server.url}${route}`);
  return (await response.json()) as Report;
}

/** Garbage-collection pauses. */
export const gcPauses = (server: RunningServer) => report<GcPauses>(server, '/bench/gc');

/** How late the event loop ran its timers: how long a request needing no database waited to start. */
export const loopDelay = (server: RunningServer) => report<LoopDelay>(server, '/bench/loop');
