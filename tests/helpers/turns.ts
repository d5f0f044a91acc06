/** Counts the turns of this thread's event loop from now until `stop()`. */
export function countTurns(): { turns: () => number; stop: () => void } {
  let turns = 0;
  let counting = true;
  const count = () => {
    turns += 1;
    if (counting) setImmediate(count);
  };
  setImmediate(count);
  return { turns: () => turns, stop: () => (counting = false) };
}
