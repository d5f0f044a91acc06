/**
 * Where the machine's CPU time went during a measure (Linux /proc): all of it, what the
 * hypervisor took (steal), and what the processes we name used, so that the rest is what other
 * work on a shared machine took from the measure.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks of the whole machine so far: busy, all, and stolen by the hypervisor (/proc/stat's first line). */
export interface MachineTicks {
  busy: number;
  total: number;
  steal: number;
}

export function parseMachineTicks(procStat: string): MachineTicks {
  // cpu  user nice system idle iowait irq softirq steal guest guest_nice
  const fields = procStat.split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  // guest and guest_nice are already counted in user and nice.
  const counted = fields.slice(0, 8);
  const total = counted.reduce((sum, value) => sum + value, 0);
  const idle = (counted[3] ?? 0) + (counted[4] ?? 0);
  return { busy: total - idle, total, steal: counted[7] ?? 0 };
}

/** User and system clock ticks of a process, all its threads (/proc/<pid>/stat). */
export function parseProcessTicks(pidStat: string): { ticks: number; parent: number } {
  // The command name may hold spaces and parentheses: the fields start after its last ')'.
  const fields = pidStat.slice(pidStat.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state), so field n is fields[n - 3]: ppid 4, utime 14, stime 15.
  return { parent: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
}

export function machineTicks(): MachineTicks {
  return parseMachineTicks(readFileSync('/proc/stat', 'utf8'));
}

function processTicks(pid: number | 'self'): { ticks: number; parent: number } | null {
  try {
    return parseProcessTicks(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return null; // gone meanwhile
  }
}

/**
 * Clock ticks of these processes and, for each `withChildren`, of its children (a PostgreSQL
 * postmaster's backends): the CPU the measure itself used.
 */
export function ticksOf(pids: Array<number | 'self'>, withChildren: number[] = []): number {
  let ticks = 0;
  for (const pid of [...pids, ...withChildren]) ticks += processTicks(pid)?.ticks ?? 0;
  if (withChildren.length > 0) {
    const parents = new Set(withChildren);
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const child = processTicks(Number(entry));
      if (child && parents.has(child.parent)) ticks += child.ticks;
    }
  }
  return ticks;
}

/** Shares of the machine's CPU time between two samples (1 = every core for the whole time). */
export interface MachineShares {
  busy: number;
  steal: number;
  /** Busy time that was not the measured processes': other work on the machine. */
  others: number;
}

export function sharesBetween(
  before: MachineTicks,
  after: MachineTicks,
  oursBefore: number,
  oursAfter: number,
): MachineShares {
  const total = Math.max(1, after.total - before.total);
  const busy = after.busy - before.busy;
  return {
    busy: busy / total,
    steal: (after.steal - before.steal) / total,
    others: Math.max(0, busy - (after.steal - before.steal) - (oursAfter - oursBefore)) / total,
  };
}

/** Samples the machine and our processes now; call the result to get the shares since. */
export function startCpuWatch(pids: Array<number | 'self'>, withChildren: number[] = []): () => MachineShares {
  const machine = machineTicks();
  const ours = ticksOf(pids, withChildren);
  return () => sharesBetween(machine, machineTicks(), ours, ticksOf(pids, withChildren));
}

export const percent = (share: number) => `${(share * 100).toFixed(0)}%`;
