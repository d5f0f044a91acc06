import { describe, expect, it } from 'vitest';
import { Batcher } from '../../server/src/db/batcher.js';

/** A batcher whose runs finish only when the test says so; it records each run's inputs. */
function controlledBatcher(maxRunning: number, maxBatch: number) {
  const runs: { inputs: string[]; finish: (error?: Error) => void }[] = [];
  let running = 0;
  let mostRunning = 0;
  const batcher = new Batcher<string, string>({
    maxRunning,
    maxBatch,
    run: (inputs) =>
      new Promise((resolve, reject) => {
        running += 1;
        mostRunning = Math.max(mostRunning, running);
        runs.push({
          inputs,
          finish: (error) => {
            running -= 1;
            if (error) reject(error);
            else resolve(inputs.map((input) => `answer to ${input}`));
          },
        });
      }),
  });
  return { batcher, runs, mostRunning: () => mostRunning };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('Batcher', () => {
  it('runs a look-up alone and at once when nothing else runs', async () => {
    const { batcher, runs } = controlledBatcher(1, 10);
    const answer = batcher.load('shape', 'a');
    expect(runs.map((run) => run.inputs)).toEqual([['a']]);
    runs[0]!.finish();
    await expect(answer).resolves.toBe('answer to a');
  });

  it('answers waiting look-ups of one shape together, first come first served, at most maxBatch at a time', async () => {
    const { batcher, runs } = controlledBatcher(1, 2);
    const answers = [
      batcher.load('x', 'x1'),
      batcher.load('y', 'y1'),
      batcher.load('x', 'x2'),
      batcher.load('x', 'x3'),
      batcher.load('y', 'y2'),
      batcher.load('x', 'x4'),
    ];
    for (let finished = 0; finished < 4; finished++) {
      runs[finished]!.finish();
      await settle();
    }
    expect(runs.map((run) => run.inputs)).toEqual([['x1'], ['y1', 'y2'], ['x2', 'x3'], ['x4']]);
    await expect(Promise.all(answers)).resolves.toEqual(
      ['x1', 'y1', 'x2', 'x3', 'y2', 'x4'].map((input) => `answer to ${input}`),
    );
  });

  it('never runs more than maxRunning at once', async () => {
    const { batcher, runs, mostRunning } = controlledBatcher(2, 1);
    const answers = Array.from({ length: 7 }, (_, index) => batcher.load('x', `x${index}`));
    expect(runs).toHaveLength(2);
    while (runs.some((run) => run.inputs.length > 0)) {
      const run = runs.find((candidate) => candidate.inputs.length > 0)!;
      run.finish();
      run.inputs = [];
      await settle();
    }
    await Promise.all(answers);
    expect(runs).toHaveLength(7);
    expect(mostRunning()).toBe(2);
  });

  it('fails only the look-ups of a failed run, and the line goes on', async () => {
    const { batcher, runs } = controlledBatcher(1, 10);
    const first = batcher.load('x', 'x1');
    const failing = Promise.allSettled([batcher.load('y', 'y1'), batcher.load('y', 'y2')]);
    const after = batcher.load('z', 'z1');
    runs[0]!.finish();
    await settle();
    runs[1]!.finish(new Error('statement failed'));
    await settle();
    runs[2]!.finish();
    await expect(first).resolves.toBe('answer to x1');
    for (const answer of await failing) {
      expect(answer).toMatchObject({ status: 'rejected', reason: { message: 'statement failed' } });
    }
    await expect(after).resolves.toBe('answer to z1');
  });
});
