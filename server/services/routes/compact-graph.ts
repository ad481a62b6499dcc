/**
 * An immutable in-memory snapshot of the transition graph in compressed sparse
 * row (CSR) form, so route queries walk typed arrays instead of paying a
 * database round trip per hop. Rebuild it (it is cheap: linear in roles +
 * transitions + history length) whenever the stored graph changes.
 *
 * Node indices follow the role ids in ascending code-unit order, so comparing
 * two indices is the same as comparing the ids: route searches get a
 * deterministic, id-lexicographic tie-break for free.
 */
import { ROLE_FAMILIES } from '../../contract/graph-data.js';
import type { History, Role, Transition } from '../../contract/graph-data.js';
import { travelIndexSteps } from './travel-index.js';
import type { TravelIndex } from './travel-index.js';

/** Family index stored for a role whose family is not in ROLE_FAMILIES. */
export const UNKNOWN_FAMILY = 255;

/**
 * The compact graph. Edge `e` of node `u` lies in `offsets[u] .. offsets[u+1]`;
 * within a node, edges are sorted by target index. One edge is one merged
 * from→to pair across every dataset.
 */
export interface CompactGraph {
  readonly nodeCount: number;
  readonly edgeCount: number;
  /** Role id by node index (ascending). */
  readonly ids: readonly string[];
  /** Node index by role id. */
  readonly indexOf: ReadonlyMap<string, number>;
  /** Role by node index. */
  readonly roles: readonly Role[];
  /** Index into ROLE_FAMILIES by node index (UNKNOWN_FAMILY if none). */
  readonly family: Uint8Array;
  /** n + 1 edge offsets. */
  readonly offsets: Int32Array;
  /** Edge → target node. */
  readonly targets: Int32Array;
  /** Edge → source node. */
  readonly sources: Int32Array;
  /** What moves are weighed by (see CompactGraphOptions). */
  readonly weights: EdgeWeights;
  /** Edge → count summed over datasets (0 for every edge of a probability table). */
  readonly counts: Float64Array;
  /** Edge → count / Σ counts leaving the source (over merged counts); with `probabilities` weights, the given probability. */
  readonly probabilities: Float64Array;
  /** Edge → −ln(probability), the additive cost of `likely` mode. */
  readonly costs: Float64Array;
  /** n + 1 offsets into `revEdges`: the edges entering each node. */
  readonly revOffsets: Int32Array;
  /** Edge ids grouped by target node, each group sorted by source. */
  readonly revEdges: Int32Array;
  /** `sources[revEdges[i]]`, stored flat so reverse scans skip one indirection. */
  readonly revSources: Int32Array;
  /** `costs[revEdges[i]]` and `counts[revEdges[i]]`, stored flat: reverse scans then read them sequentially, not at random. */
  readonly revCosts: Float64Array;
  readonly revCounts: Float64Array;
  /** Smallest merged count of any edge (Infinity without edges): a minCount at or below it filters nothing. */
  readonly minEdgeCount: number;
  /** The input transitions, as given. */
  readonly transitions: readonly Transition[];
  /** Edge e merges `transitions[transitionIndex[transitionOffsets[e] .. transitionOffsets[e+1]]]`, in input order. */
  readonly transitionOffsets: Int32Array;
  readonly transitionIndex: Int32Array;
  /** Transitions left out: unknown role, self-loop, or a non-positive count (a non-positive probability with `probabilities` weights). */
  readonly skippedTransitions: number;
  /** Career histories, for `travelled` mode. */
  readonly travel: TravelIndex;
  readonly histories: readonly History[];
}

/**
 * `counts` (the default): an edge's probability is recomputed from the merged counts. `probabilities`: the
 * transitions are a table of probabilities only (count 0, one dataset: see services/datasets/selection.ts),
 * and each edge keeps the probability it was given; a transition is usable when its probability is > 0.
 */
export type EdgeWeights = 'counts' | 'probabilities';

export interface CompactGraphOptions {
  weights?: EdgeWeights;
}

const FAMILY_INDEX = new Map<string, number>(ROLE_FAMILIES.map((f, i) => [f, i]));

/** The family index of a family name, or UNKNOWN_FAMILY. */
export function familyIndex(family: string): number {
  return FAMILY_INDEX.get(family) ?? UNKNOWN_FAMILY;
}

/**
 * Builds the compact graph. Transitions holding the same from→to pair in
 * several datasets are merged: count = sum of counts, probability recomputed
 * as count(a→b) / Σ count(a→·) over the merged counts (the stored per-dataset
 * probabilities are ignored) — unless `options.weights` is `probabilities`:
 * then each edge has the probability it was given (summed should a pair repeat,
 * at most 1). Duplicate role ids keep the first role given.
 */
export function buildCompactGraph(
  roles: readonly Role[],
  transitions: readonly Transition[],
  histories: readonly History[] = [],
  options: CompactGraphOptions = {},
): CompactGraph {
  return runToEnd(compactGraphSteps(roles, transitions, histories, options.weights ?? 'counts'));
}

/**
 * The same build, handing the event loop back between chunks of work (each a
 * few milliseconds on a 10,000-role graph), so a server rebuilding its
 * snapshot keeps answering other requests meanwhile.
 */
export async function buildCompactGraphAsync(
  roles: readonly Role[],
  transitions: readonly Transition[],
  histories: readonly History[] = [],
  options: CompactGraphOptions = {},
): Promise<CompactGraph> {
  const steps = compactGraphSteps(roles, transitions, histories, options.weights ?? 'counts');
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/** Runs a step generator synchronously. */
function runToEnd<T>(steps: Generator<void, T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** Transitions (or history entries) handled between two yields of the step generators. */
export const CHUNK = 25_000;

/** The build as a generator that yields between chunks of work; see buildCompactGraph for what it builds. */
function* compactGraphSteps(
  roles: readonly Role[],
  transitions: readonly Transition[],
  histories: readonly History[],
  weights: EdgeWeights,
): Generator<void, CompactGraph> {
  const byProbability = weights === 'probabilities';
  const sorted = [...roles].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const nodeRoles: Role[] = [];
  for (const role of sorted) if (nodeRoles.at(-1)?.id !== role.id) nodeRoles.push(role);
  const n = nodeRoles.length;
  const ids = nodeRoles.map((r) => r.id);
  const indexOf = new Map<string, number>(ids.map((id, i) => [id, i]));
  const family = new Uint8Array(n);
  for (let i = 0; i < n; i++) family[i] = familyIndex(nodeRoles[i]!.family);
  yield;

  // Resolve endpoints and counts once, in input order (sequential reads of the objects; the merge
  // below then runs on typed arrays only). -1 marks a transition that is left out.
  const T = transitions.length;
  const tFrom = new Int32Array(T);
  const tTo = new Int32Array(T);
  const tCount = new Float64Array(T);
  const tProbability = byProbability ? new Float64Array(T) : null;
  let usable = 0;
  let lastFrom = '';
  let lastU = -1;
  for (let t = 0; t < T; t++) {
    if (t > 0 && t % CHUNK === 0) yield;
    const tr = transitions[t]!;
    // Transitions usually come grouped by source: skip the Map lookup when the source repeats.
    if (tr.from !== lastFrom) {
      lastFrom = tr.from;
      lastU = indexOf.get(tr.from) ?? -1;
    }
    const u = lastU;
    const v = indexOf.get(tr.to) ?? -1;
    const weight = byProbability ? tr.probability : tr.count;
    const ok = u >= 0 && v >= 0 && u !== v && weight > 0 && Number.isFinite(weight);
    tFrom[t] = ok ? u : -1;
    tTo[t] = v;
    tCount[t] = tr.count;
    if (tProbability) tProbability[t] = tr.probability;
    if (ok) usable++;
  }
  const skipped = T - usable;
  yield;

  // Order usable transitions by (source, target, input position) with two stable counting sorts —
  // O(n + T) on typed arrays, no Map of pairs — so datasets holding the same pair end up adjacent.
  const byTarget = new Int32Array(usable);
  {
    const start = new Int32Array(n + 1);
    for (let t = 0; t < T; t++) if (tFrom[t]! >= 0) start[tTo[t]! + 1]!++;
    for (let v = 0; v < n; v++) start[v + 1]! += start[v]!;
    for (let t = 0; t < T; t++) if (tFrom[t]! >= 0) byTarget[start[tTo[t]!]!++] = t;
  }
  const transitionIndex = new Int32Array(usable);
  {
    const start = new Int32Array(n + 1);
    for (let i = 0; i < usable; i++) start[tFrom[byTarget[i]!]! + 1]!++;
    for (let u = 0; u < n; u++) start[u + 1]! += start[u]!;
    for (let i = 0; i < usable; i++) {
      const t = byTarget[i]!;
      transitionIndex[start[tFrom[t]!]!++] = t;
    }
  }

  // One pass merges each run of equal pairs into an edge; transitionIndex is then already grouped by edge.
  let m = 0;
  for (let i = 0; i < usable; i++) {
    const t = transitionIndex[i]!;
    if (i === 0 || tFrom[t] !== tFrom[transitionIndex[i - 1]!] || tTo[t] !== tTo[transitionIndex[i - 1]!]) m++;
  }
  const offsets = new Int32Array(n + 1);
  const targets = new Int32Array(m);
  const sources = new Int32Array(m);
  const counts = new Float64Array(m);
  const given = byProbability ? new Float64Array(m) : null;
  const outTotal = new Float64Array(n);
  const transitionOffsets = new Int32Array(m + 1);
  let edge = -1;
  for (let i = 0; i < usable; i++) {
    const t = transitionIndex[i]!;
    const u = tFrom[t]!;
    const v = tTo[t]!;
    if (edge < 0 || sources[edge] !== u || targets[edge] !== v) {
      edge++;
      sources[edge] = u;
      targets[edge] = v;
      transitionOffsets[edge] = i;
      offsets[u + 1]!++;
    }
    const c = tCount[t]!;
    counts[edge]! += c;
    outTotal[u]! += c;
    if (given) given[edge]! += tProbability![t]!;
  }
  transitionOffsets[m] = usable;
  for (let u = 0; u < n; u++) offsets[u + 1]! += offsets[u]!;
  const probabilities = new Float64Array(m);
  const costs = new Float64Array(m);
  for (let e = 0; e < m; e++) {
    const p = given ? Math.min(1, given[e]!) : counts[e]! / outTotal[sources[e]!]!;
    probabilities[e] = p;
    // −ln(1) is −0; normalise so costs compare and print cleanly.
    costs[e] = p >= 1 ? 0 : -Math.log(p);
  }

  yield;
  // Reverse CSR: edges are already in source order, so one stable pass by target keeps each group sorted by source.
  const revOffsets = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) revOffsets[targets[e]! + 1]!++;
  for (let v = 0; v < n; v++) revOffsets[v + 1]! += revOffsets[v]!;
  const revEdges = new Int32Array(m);
  const revFill = revOffsets.slice(0, n);
  const revSources = new Int32Array(m);
  const revCosts = new Float64Array(m);
  const revCounts = new Float64Array(m);
  for (let e = 0; e < m; e++) {
    const slot = revFill[targets[e]!]!++;
    revEdges[slot] = e;
    revSources[slot] = sources[e]!;
    revCosts[slot] = costs[e]!;
    revCounts[slot] = counts[e]!;
  }
  let minEdgeCount = Infinity;
  for (let e = 0; e < m; e++) if (counts[e]! < minEdgeCount) minEdgeCount = counts[e]!;
  yield;
  const travel = yield* travelIndexSteps(histories, indexOf, n);

  return {
    nodeCount: n,
    edgeCount: m,
    weights,
    ids,
    indexOf,
    roles: nodeRoles,
    family,
    offsets,
    targets,
    sources,
    counts,
    probabilities,
    costs,
    revOffsets,
    revEdges,
    revSources,
    revCosts,
    revCounts,
    minEdgeCount,
    transitions,
    transitionOffsets,
    transitionIndex,
    skippedTransitions: skipped,
    travel,
    histories,
  };
}

/** The edge u→v, or -1. Binary search, since each node's edges are sorted by target. */
export function findEdge(graph: CompactGraph, u: number, v: number): number {
  let lo = graph.offsets[u]!;
  let hi = graph.offsets[u + 1]! - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = graph.targets[mid]!;
    if (t === v) return mid;
    if (t < v) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
