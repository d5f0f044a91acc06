/**
 * How the benchmark judges its own figures: the rates the embedded target is checked at, when a
 * miss is blamed on a busy machine instead of the server, where the machine's CPU time went, and
 * when a baseline varied too much for its ratio to be printed.
 */
import { describe, expect, it } from 'vitest';
import { parseMachineTicks, parseProcessTicks, sharesBetween } from '../../bench/lib/machine.js';
import { interleaved, median, spreadOf, trustedRatio } from '../../bench/lib/repeat.js';
import { arrivalRates, busyMachine, capacityOf, verdictOf } from '../../bench/lib/targets.js';

const quiet = { busy: 0.6, steal: 0, others: 0.05 };

describe('the embedded target', () => {
  it('aims at 50% and 80% of the best closed-loop throughput of the run', () => {
    const capacity = capacityOf([220.4, 298.6]);
    expect(capacity).toBe(298.6);
    expect(arrivalRates(capacity)).toEqual([
      { share: 0.5, p99Ms: 50, rps: 149.3 },
      { share: 0.8, p99Ms: 150, rps: expect.closeTo(238.88, 6) },
    ]);
  });

  it('has no capacity to aim at when no closed-loop load was answered', () => {
    expect(capacityOf([Number.NaN, 0, 12])).toBe(12);
    expect(() => capacityOf([Number.NaN, 0])).toThrow(/no capacity/);
  });

  it('is met only with p99 under the target and every request answered', () => {
    expect(verdictOf({ p99: 49.9, errors: 0 }, 50, undefined)).toEqual({
      met: true,
      text: 'target p99 under 50 ms: met',
    });
    expect(verdictOf({ p99: 50, errors: 0 }, 50, undefined).met).toBe(false);
    expect(verdictOf({ p99: 12, errors: 1 }, 50, undefined)).toEqual({
      met: false,
      text: 'target p99 under 50 ms: missed',
    });
  });

  it('marks a miss on a busy machine unreliable, and a pass stays a pass', () => {
    const busy = busyMachine({ generatorLagMs: 30, cpu: quiet }, 150);
    expect(busy).toBe('machine busy: the load generator ran 30.0 ms late (p99)');
    const missed = verdictOf({ p99: 400, errors: 0 }, 150, busy);
    expect(missed).toEqual({
      met: false,
      unreliable: busy,
      text: 'target p99 under 150 ms: missed on a busy machine, not judged',
    });
    expect(verdictOf({ p99: 90, errors: 0 }, 150, busy)).toEqual({ met: true, text: 'target p99 under 150 ms: met' });
  });

  it('calls the machine busy from the generator running late, steal or other work', () => {
    // Lateness is judged against a tenth of the target: 5 ms for 50 ms, 15 ms for 150 ms.
    expect(busyMachine({ generatorLagMs: 4.9, cpu: quiet }, 50)).toBeUndefined();
    expect(busyMachine({ generatorLagMs: 5.1, cpu: quiet }, 50)).toMatch(/generator ran 5.1 ms late/);
    expect(busyMachine({ generatorLagMs: 10, cpu: quiet }, 150)).toBeUndefined();
    expect(busyMachine({ generatorLagMs: 1, cpu: { busy: 0.9, steal: 0.08, others: 0.1 } }, 50)).toBe(
      'machine busy: the hypervisor took 8% of the CPU',
    );
    expect(busyMachine({ generatorLagMs: 1, cpu: { busy: 1, steal: 0, others: 0.4 } }, 50)).toBe(
      'machine busy: other work took 40% of the CPU',
    );
    expect(busyMachine({ generatorLagMs: 1, cpu: { busy: 0.8, steal: 0.05, others: 0.25 } }, 50)).toBeUndefined();
  });
});

describe("the machine's CPU time", () => {
  it('reads busy, total and stolen ticks from /proc/stat, not counting guests twice', () => {
    const stat = 'cpu  100 5 50 800 20 3 2 10 40 0\ncpu0 50 2 25 400 10 1 1 5 20 0\nintr 1 2 3\n';
    // user + nice + system + irq + softirq + steal busy; idle and iowait not; guest is in user.
    expect(parseMachineTicks(stat)).toEqual({ busy: 170, total: 990, steal: 10 });
  });

  it("reads a process's user and system ticks past a command name with spaces and parentheses", () => {
    const fields = Array.from({ length: 50 }, (_, i) => String(i + 3));
    fields[1] = '4242'; // ppid, field 4
    fields[11] = '700'; // utime, field 14
    fields[12] = '65'; // stime, field 15
    expect(parseProcessTicks(`1234 (node (worker) x) ${fields.join(' ')}`)).toEqual({ parent: 4242, ticks: 765 });
  });

  it('counts as other work what was busy but neither ours nor stolen', () => {
    const before = { busy: 1000, total: 4000, steal: 100 };
    const after = { busy: 1800, total: 5000, steal: 150 };
    // 1,000 ticks passed: 800 busy, 50 of them stolen, 600 ours, so 150 were other work.
    expect(sharesBetween(before, after, 2000, 2600)).toEqual({ busy: 0.8, steal: 0.05, others: 0.15 });
    // Ticks are counted at different moments; other work is never below nothing.
    expect(sharesBetween(before, after, 2000, 2900).others).toBe(0);
  });
});

describe('baselines', () => {
  it('are measured in turns with the figure they stand beside', async () => {
    const order: string[] = [];
    const result = await interleaved(
      async (round) => (order.push(`figure ${round}`), round),
      async (round) => (order.push(`baseline ${round}`), round * 10),
    );
    expect(order).toEqual(['figure 0', 'baseline 0', 'figure 1', 'baseline 1', 'figure 2', 'baseline 2']);
    expect(result).toEqual({ figures: [0, 1, 2], baselines: [0, 10, 20] });
  });

  it('give no ratio when they spread more than 30% within the run', () => {
    expect(median([66, 499, 480])).toBe(480);
    expect(spreadOf([400, 460, 500])).toBeCloseTo(0.217, 3);
    expect(trustedRatio(1.6, [400, 460, 500])).toEqual({ ratio: 1.6, spread: expect.closeTo(0.217, 3) });
    // The run that read pgbench at 66 tps where a rerun gave 499.
    const untrusted = trustedRatio(19.9, [66, 499, 480]);
    expect(untrusted.ratio).toBeUndefined();
    expect(untrusted.unreliable).toBe('baseline varied 90% within the run');
  });
});
