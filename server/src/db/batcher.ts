/**
 * Answers look-ups of the same shape together while the database is busy.
 *
 * At most `maxRunning` batches run at once. A look-up that arrives while they all run waits in
 * one first-come, first-served line; when a batch finishes, the first waiting look-up goes next,
 * together with every waiting look-up of the same shape (up to `maxBatch`). Under light load each
 * look-up therefore runs alone and at once; under load one statement answers many, which costs
 * the database less per answer than as many statements (one parse, one plan, one round trip).
 *
 * A statement shared by several requests reads where all of them may read (replicas.ts): from the
 * primary if one of them must, from a replica only one that has replayed every one's last write.
 */
import { currentReadContext, withMergedReadContext, type ReadContext } from './replicas.js';

export interface BatcherOptions<Input, Output> {
  maxRunning: number;
  maxBatch: number;
  /** Answers inputs of one shape (one key), in their order. */
  run: (inputs: Input[]) => Promise<Output[]>;
}

interface Waiting<Input, Output> {
  key: string;
  input: Input;
  context: ReadContext | undefined;
  resolve: (output: Output) => void;
  reject: (error: unknown) => void;
}

export class Batcher<Input, Output> {
  readonly #options: BatcherOptions<Input, Output>;
  readonly #line: Waiting<Input, Output>[] = [];
  #running = 0;

  constructor(options: BatcherOptions<Input, Output>) {
    this.#options = options;
  }

  /** `key` names the shape: look-ups with equal keys may share one statement. */
  load(key: string, input: Input): Promise<Output> {
    return new Promise<Output>((resolve, reject) => {
      this.#line.push({ key, input, context: currentReadContext(), resolve, reject });
      this.#startBatches();
    });
  }

  #startBatches(): void {
    while (this.#running < this.#options.maxRunning && this.#line.length > 0) {
      const batch = this.#takeBatch();
      this.#running += 1;
      withMergedReadContext(
        batch.map((waiting) => waiting.context),
        () => this.#options.run(batch.map((waiting) => waiting.input)),
      )
        .then(
          (outputs) => batch.forEach((waiting, index) => waiting.resolve(outputs[index]!)),
          (error: unknown) => batch.forEach((waiting) => waiting.reject(error)),
        )
        .finally(() => {
          this.#running -= 1;
          this.#startBatches();
        });
    }
  }

  /** The first in line, and those behind it with the same key, in line order. */
  #takeBatch(): Waiting<Input, Output>[] {
    const key = this.#line[0]!.key;
    const batch: Waiting<Input, Output>[] = [];
    for (let index = 0; index < this.#line.length && batch.length < this.#options.maxBatch;) {
      if (this.#line[index]!.key === key) batch.push(...this.#line.splice(index, 1));
      else index += 1;
    }
    return batch;
  }
}
