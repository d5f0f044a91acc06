/**
 * Open-loop HTTP load: requests are sent at a fixed arrival rate whatever the server does, as
 * people arrive independently of each other, and each request's latency is measured from the
 * moment it was due to be sent, not from when it could be (which would hide a stall: coordinated
 * omission). autocannon's rate option caps a closed loop instead, so it cannot measure this.
 *
 * Little's law says why this differs from a closed loop: with N clients that never pause, the
 * server always holds N requests, so once it is saturated its mean latency is N / throughput and
 * grows with N whatever the server does. At a fixed rate below capacity, requests queue only when
 * they happen to bunch up, and latency says how well the server absorbs that.
 */
import http from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { summarise } from './stats.js';

export interface OpenLoopResult {
  /** Requests per second asked for, and answered (2xx) per second. */
  targetRps: number;
  achievedRps: number;
  p50: number;
  p99: number;
  errors: number;
  /** Requests still unanswered when the run ended (counted as errors too). */
  unfinished: number;
  sent: number;
  /**
   * How late this process ran, p99 in ms: the larger of how late requests went out after they
   * were due and how late its event loop ran its timers (which delays reading answers too). Both
   * are the load generator's own, so a large value says the machine, not the server, was busy.
   */
  generatorLagMs: number;
}

export async function openLoopLoad(
  url: string,
  paths: string[],
  ratePerSecond: number,
  seconds: number,
  timeoutMs = 10_000,
  /** Requests due in the first this many seconds warm the server up and are not counted. */
  warmupSeconds = 1,
): Promise<OpenLoopResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  const base = new URL(url);
  const latencies: number[] = [];
  const sendLate: number[] = [];
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  let errors = 0;
  let pending = 0;
  const total = Math.max(1, Math.round(ratePerSecond * (seconds + warmupSeconds)));
  const counted = Math.round(ratePerSecond * warmupSeconds);
  const intervalMs = 1000 / ratePerSecond;
  const start = performance.now();
  const send = (index: number) => {
    const due = start + index * intervalMs;
    if (index >= counted) sendLate.push(performance.now() - due);
    pending += 1;
    const request = http.get(
      { host: base.hostname, port: base.port, path: paths[index % paths.length], agent, timeout: timeoutMs },
      (response) => {
        response.resume();
        response.on('end', () => {
          pending -= 1;
          if (index < counted) return;
          if (response.statusCode! >= 200 && response.statusCode! < 300) latencies.push(performance.now() - due);
          else errors += 1;
        });
      },
    );
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.on('error', () => {
      pending -= 1;
      if (index >= counted) errors += 1;
    });
  };
  // A timer per millisecond or so sends every request that has come due, so that a busy moment in
  // this process delays sending but not the clock latencies are measured from.
  let next = 0;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (next < total && start + next * intervalMs <= now) send(next++);
      if (next < total) setTimeout(tick, Math.max(0, Math.min(intervalMs, start + next * intervalMs - now)));
      else resolve();
    };
    tick();
  });
  const deadline = performance.now() + timeoutMs;
  while (pending > 0 && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  agent.destroy();
  loop.disable();
  // The histogram holds the times between timer runs (ns): what exceeds the 1 ms resolution is lateness.
  const loopLateMs = loop.count === 0 ? 0 : Math.max(0, loop.percentile(99) / 1e6 - 1);
  const elapsed = (performance.now() - start) / 1000 - warmupSeconds;
  const { p50, p99 } = summarise(latencies);
  return {
    targetRps: ratePerSecond,
    achievedRps: latencies.length / elapsed,
    p50,
    p99,
    errors: errors + pending,
    unfinished: pending,
    sent: next - counted,
    generatorLagMs: Math.max(summarise(sendLate).p99 || 0, loopLateMs),
  };
}
