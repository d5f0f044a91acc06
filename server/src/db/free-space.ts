/** How much room is left on the disk under the embedded database, read with statfs. */
import { statfs } from 'node:fs/promises';

/** Bytes an unprivileged process may still write under `dir`; null when it cannot be read. */
export async function freeBytes(dir: string): Promise<number | null> {
  try {
    const stats = await statfs(dir);
    return stats.bavail * stats.bsize;
  } catch {
    return null;
  }
}

const CHECK_EVERY_MS = 1000;

/**
 * Calls `onChange(true)` when the free space under `dir` falls below `minFreeBytes`, and
 * `onChange(false)` when it is back (first call: the state at start). Stop with the returned function.
 */
export function watchFreeSpace(
  dir: string,
  minFreeBytes: number,
  onChange: (low: boolean) => Promise<void>,
): { ready: Promise<void>; stop: () => void } {
  let low: boolean | null = null;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const check = async () => {
    const free = await freeBytes(dir);
    const nowLow = free !== null && free < minFreeBytes;
    if (nowLow !== low) {
      await onChange(nowLow).then(
        () => (low = nowLow),
        // Not applied (the database is away): tried again at the next check.
        () => {},
      );
    }
  };
  const loop = () => {
    if (stopped) return;
    timer = setTimeout(() => void check().finally(loop), CHECK_EVERY_MS);
    timer.unref();
  };
  const ready = check().finally(loop);
  return {
    ready,
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
