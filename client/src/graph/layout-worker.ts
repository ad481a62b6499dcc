/**
 * The Web Worker that runs force.ts off the page's thread. Messages in: one
 * ForceInput; out: `{type: 'progress', done, total}` now and then and
 * `{type: 'done', positions}` at the end (the buffer is transferred). The page
 * cancels by terminating the worker.
 */
import { forceLayout, type ForceInput } from './force.js';

export type LayoutMessage = { type: 'progress'; done: number; total: number } | { type: 'done'; positions: Float64Array };

self.onmessage = (event: MessageEvent<ForceInput>) => {
  const post = (message: LayoutMessage, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(message, transfer);
  const positions = forceLayout(event.data, (done, total) => post({ type: 'progress', done, total }));
  post({ type: 'done', positions }, [positions.buffer]);
};
