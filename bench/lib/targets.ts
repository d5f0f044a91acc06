/**
 * The embedded database's latency target, and when a miss says more about the machine than about
 * the server: at a fixed arrival rate (open loop) of 50% and 80% of the capacity measured in the
 * same run, p99 under 50 ms and 150 ms.
 */
import { percent, type MachineShares } from './machine.js';

export const OPEN_LOOP_TARGETS = [
  { share: 0.5, p99Ms: 50 },
  { share: 0.8, p99Ms: 150 },
] as const;

/**
 * Capacity: the most requests per second any closed-loop load of the run got answered (clients
 * that never pause keep the server as busy as it can be).
 */
export function capacityOf(closedLoopRps: number[]): number {
  const answered = closedLoopRps.filter((rps) => Number.isFinite(rps) && rps > 0);
  if (answered.length === 0) throw new Error('no closed-loop load was answered: no capacity to aim at');
  return Math.max(...answered);
}

/** The arrival rates the target is checked at, requests per second. */
export function arrivalRates(capacity: number): Array<{ share: number; p99Ms: number; rps: number }> {
  return OPEN_LOOP_TARGETS.map((target) => ({ ...target, rps: capacity * target.share }));
}

/** Other work above this share of the machine's CPU (half a core on two) makes the run unreliable. */
export const BUSY_OTHERS = 0.25;
/** As does the hypervisor taking more than this share. */
export const BUSY_STEAL = 0.05;

/**
 * Why the machine was too busy for a latency measure to judge the server, or nothing. The load
 * generator running late (by more than a tenth of the target) adds its delay to every latency it
 * measures; time stolen by the hypervisor or taken by other work was not the server's to use.
 */
export function busyMachine(
  { generatorLagMs, cpu }: { generatorLagMs: number; cpu: MachineShares },
  targetMs: number,
): string | undefined {
  const reasons: string[] = [];
  if (generatorLagMs > targetMs / 10) reasons.push(`the load generator ran ${generatorLagMs.toFixed(1)} ms late (p99)`);
  if (cpu.steal > BUSY_STEAL) reasons.push(`the hypervisor took ${percent(cpu.steal)} of the CPU`);
  if (cpu.others > BUSY_OTHERS) reasons.push(`other work took ${percent(cpu.others)} of the CPU`);
  return reasons.length > 0 ? `machine busy: ${reasons.join(', ')}` : undefined;
}

export interface Verdict {
  met: boolean;
  /** Set when the target was missed on a busy machine: the miss is not the server's to answer for. */
  unreliable?: string;
  text: string;
}

/** Whether an open-loop run met its target: p99 under it and every request answered. */
export function verdictOf(run: { p99: number; errors: number }, targetMs: number, busy: string | undefined): Verdict {
  const met = run.p99 < targetMs && run.errors === 0;
  const target = `target p99 under ${targetMs} ms`;
  if (met) return { met, text: `${target}: met` };
  if (busy) return { met, unreliable: busy, text: `${target}: missed on a busy machine, not judged` };
  return { met, text: `${target}: missed` };
}
