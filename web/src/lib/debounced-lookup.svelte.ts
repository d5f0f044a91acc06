/**
 * A lookup that follows what someone types: it waits for the typing to pause, cancels a question
 * whose answer would no longer fit, and keeps the last answer, whether a newer one is on its way
 * and what went wrong. A component calls `follow(input)` in an `$effect` and returns its cleanup.
 */
import { isAbortError } from './api/http';

export class DebouncedLookup<T> {
  answer = $state.raw<T | null>(null);
  pending = $state(false);
  error = $state<string | null>(null);

  constructor(
    private readonly load: (input: string, signal: AbortSignal) => Promise<T>,
    private readonly describeFailure: (problem: unknown) => string,
  ) {}

  /** Looks `input` up once typing has paused for `delayMs`; an empty input clears the answer at once. */
  follow(input: string, delayMs = 200): () => void {
    if (!input) {
      this.answer = null;
      this.pending = false;
      this.error = null;
      return () => {};
    }
    const controller = new AbortController();
    this.pending = true;
    const timer = setTimeout(async () => {
      try {
        this.answer = await this.load(input, controller.signal);
        this.error = null;
      } catch (problem) {
        if (!isAbortError(problem)) this.error = this.describeFailure(problem);
      } finally {
        if (!controller.signal.aborted) this.pending = false;
      }
    }, delayMs);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }
}
