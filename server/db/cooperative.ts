/** Helpers that keep large result handling from holding the event loop in one piece. */

/** Items mapped between two hand-backs of the event loop. */
const CHUNK = 5000;

/** `items.map(fn)`, handing the event loop back every few thousand items (only large inputs pay for it). */
export async function mapInChunks<T, U>(items: readonly T[], fn: (item: T) => U): Promise<U[]> {
  if (items.length <= CHUNK) return items.map(fn);
  const out = new Array<U>(items.length);
  for (let i = 0; i < items.length; i++) {
    out[i] = fn(items[i]!);
    if ((i + 1) % CHUNK === 0) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return out;
}
