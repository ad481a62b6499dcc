/**
 * The route-frequency index behind `travelled` mode: every stored career
 * history as an array of role indices, plus an inverted index role → histories
 * that contain it. A query A→B intersects the two sorted history lists of A and
 * B, so it only reads the histories that can possibly contain the route instead
 * of scanning them all; the routes and their traveller counts are then derived
 * from those few histories (see travelled.ts).
 */
/**
 * A career sequence travelled mode counts: a stored History (one person), or
 * an imported route pattern standing for `count` people with exactly these
 * roles (aggregated on import; no person behind it is stored).
 */
export interface TravelRecord {
  id: string;
  roles: readonly string[];
  /** People this sequence stands for (default 1). */
  count?: number;
}

/** Histories in compact form. */
export interface TravelIndex {
  /** History ids, by history index. */
  historyIds: readonly string[];
  /** History h occupies `historyRoles[historyOffsets[h] .. historyOffsets[h+1])`. */
  historyOffsets: Int32Array;
  /** Role indices in career order; -1 where the history names a role not in the graph. */
  historyRoles: Int32Array;
  /** Role r appears in histories `roleHistories[roleHistoryOffsets[r] .. roleHistoryOffsets[r+1])`. */
  roleHistoryOffsets: Int32Array;
  /** History indices, ascending and without duplicates within one role. */
  roleHistories: Int32Array;
  /** People per history index (1 for a History, the count for a route pattern). */
  historyWeights: Float64Array;
}

/** Builds the travel index; `indexOf` maps role ids to node indices. */
export function buildTravelIndex(histories: readonly TravelRecord[], indexOf: ReadonlyMap<string, number>, nodeCount: number): TravelIndex {
  const steps = travelIndexSteps(histories, indexOf, nodeCount);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** Histories handled between two yields. */
const HISTORY_CHUNK = 10_000;

/** buildTravelIndex as a generator that yields between chunks of histories (used by the cooperative snapshot build). */
export function* travelIndexSteps(
  histories: readonly TravelRecord[],
  indexOf: ReadonlyMap<string, number>,
  nodeCount: number,
): Generator<void, TravelIndex> {
  const historyOffsets = new Int32Array(histories.length + 1);
  let total = 0;
  for (let h = 0; h < histories.length; h++) {
    historyOffsets[h] = total;
    total += histories[h]!.roles.length;
  }
  historyOffsets[histories.length] = total;

  const historyRoles = new Int32Array(total);
  const perRole = new Int32Array(nodeCount + 1);
  // lastSeen stops a role that repeats within one history from being listed twice.
  const lastSeen = new Int32Array(nodeCount).fill(-1);
  let pos = 0;
  for (let h = 0; h < histories.length; h++) {
    if (h > 0 && h % HISTORY_CHUNK === 0) yield;
    for (const id of histories[h]!.roles) {
      const r = indexOf.get(id) ?? -1;
      historyRoles[pos++] = r;
      if (r >= 0 && lastSeen[r] !== h) {
        lastSeen[r] = h;
        perRole[r + 1]!++;
      }
    }
  }
  for (let r = 0; r < nodeCount; r++) perRole[r + 1]! += perRole[r]!;
  const roleHistoryOffsets = perRole;
  const roleHistories = new Int32Array(roleHistoryOffsets[nodeCount]!);
  const fill = roleHistoryOffsets.slice(0, nodeCount);
  lastSeen.fill(-1);
  for (let h = 0; h < histories.length; h++) {
    for (let i = historyOffsets[h]!; i < historyOffsets[h + 1]!; i++) {
      const r = historyRoles[i]!;
      if (r >= 0 && lastSeen[r] !== h) {
        lastSeen[r] = h;
        roleHistories[fill[r]!++] = h;
      }
    }
  }
  const historyWeights = new Float64Array(histories.length);
  for (let h = 0; h < histories.length; h++) historyWeights[h] = histories[h]!.count ?? 1;
  return {
    historyWeights,
    historyIds: histories.map((h) => h.id),
    historyOffsets,
    historyRoles,
    roleHistoryOffsets,
    roleHistories,
  };
}
