/**
 * Per-graph scratch buffers. Route queries are synchronous, so one set of
 * node-sized typed arrays per graph can be reused by every query instead of
 * allocating (and garbage-collecting) megabytes per request on a large graph.
 * Held in a WeakMap: the buffers go away with the snapshot they belong to.
 */
import type { CompactGraph } from './compact-graph.js';
import { NodeHeap } from './dijkstra.js';
import { KeyedHeap } from './heap.js';

/** Scratch space for one graph. Contents are only valid during one search. */
export interface Workspace {
  mask: Uint8Array;
  /** Fewest moves to the target / to the via role. */
  hopsT: Int32Array;
  hopsV: Int32Array;
  /** Heuristic keys towards the target / the via role. */
  h1T: Float64Array;
  h2T: Float64Array;
  h1V: Float64Array;
  h2V: Float64Array;
  queue: Int32Array;
  onPath: Uint8Array;
  nodeHeap: NodeHeap;
  pathHeap: KeyedHeap;
}

const spaces = new WeakMap<CompactGraph, Workspace>();

/** The workspace of `graph`, created on first use. */
export function workspaceFor(graph: CompactGraph): Workspace {
  let ws = spaces.get(graph);
  if (!ws) {
    const n = graph.nodeCount;
    ws = {
      mask: new Uint8Array(n),
      hopsT: new Int32Array(n),
      hopsV: new Int32Array(n),
      h1T: new Float64Array(n),
      h2T: new Float64Array(n),
      h1V: new Float64Array(n),
      h2V: new Float64Array(n),
      queue: new Int32Array(n),
      onPath: new Uint8Array(n),
      nodeHeap: new NodeHeap(n),
      pathHeap: new KeyedHeap(1024),
    };
    spaces.set(graph, ws);
  }
  return ws;
}
