/**
 * Runs force.ts in a Web Worker (layout-worker.ts), so a large graph is laid
 * out while the page stays usable: progress as a fraction, and a cancel that
 * ends the worker.
 */
import type { ForceInput } from './force.js';
import type { LayoutMessage } from './layout-worker.js';

/** A layout running in a worker. */
export interface WorkerLayout {
  /** The positions (x0, y0, x1, y1, …), or null when cancelled or failed. */
  done: Promise<Float64Array | null>;
  cancel(): void;
}

/** Starts the layout of `input` (its buffers are transferred to the worker). */
export function layoutInWorker(input: ForceInput, onProgress?: (fraction: number) => void): WorkerLayout {
  const worker = new Worker(new URL('./layout-worker.ts', import.meta.url), { type: 'module', name: 'graph-layout' });
  let finish: (positions: Float64Array | null) => void = () => {};
  const done = new Promise<Float64Array | null>((resolve) => {
    finish = (positions) => {
      worker.terminate();
      resolve(positions);
    };
  });
  worker.onerror = () => finish(null);
  worker.onmessage = (event: MessageEvent<LayoutMessage>) => {
    const msg = event.data;
    if (msg.type === 'progress') onProgress?.(msg.done / msg.total);
    else finish(msg.positions);
  };
  worker.postMessage(input, [input.positions.buffer, input.edges.buffer, input.groups.buffer]);
  return { done, cancel: () => finish(null) };
}
