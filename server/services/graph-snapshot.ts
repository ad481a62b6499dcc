/**
 * An in-memory snapshot of the stored graph (roles, transitions, histories),
 * loaded once and reloaded after the store changes. Services read from it so
 * listing and searching do not hit the database on every request.
 */
import type { History, Role, Transition } from '../contract/graph-data.js';
import type { DatasetInfo, RoutePattern } from '../contract/datasets.js';
import type { GraphStore } from '../db/graph-store.js';
import { applyPrivacy } from './datasets/privacy.js';
import { withLegacyUnits } from './datasets/units.js';

/** The whole graph at one moment. */
export interface GraphSnapshot {
  /** Increases by one each time the snapshot is reloaded. */
  version: number;
  /**
   * A short fingerprint of the stored data (roles, transitions, histories):
   * the same data gives the same value across restarts and engines. Exports and
   * /api/health report it as the data version.
   */
  dataVersion: string;
  /** Transition counts per dataset. */
  datasets: Record<string, number>;
  roles: Role[];
  rolesById: Map<string, Role>;
  transitions: Transition[];
  histories: History[];
  /** Records of imported datasets (with their privacy threshold k and what their import suppressed). */
  datasetRecords: DatasetInfo[];
  /** Route patterns of imported datasets, for `travelled` routes. */
  routePatterns: RoutePattern[];
  /**
   * Per dataset, what the snapshot itself hid (stored aggregates below the
   * dataset's k — none unless k was raised after the import); added to the
   * suppression counts answers report.
   */
  hidden: Record<string, { transitions: number; routes: number }>;
}

/** How old (at most) a data version read from the database may be when the cache compares it, by default. */
export const DEFAULT_VERSION_CHECK_MS = 1000;

/** A load gives up after this many attempts that each saw a write land between its reads. */
const MAX_LOAD_ATTEMPTS = 5;

/**
 * Holds the current snapshot, keyed by the store's data version (GraphStore.dataVersion, the one change
 * tracker): every `get()` compares the version with the one the snapshot was read at and loads again when
 * it moved. The store answers from memory for its own writes (they show in the very next answer) and, on
 * Neo4j, reads the version from the database at most once per `checkMs`, so writes by another rolepath
 * instance or the CLI show within about that time at the cost of one tiny query per interval.
 * Concurrent callers that see the same version share one load.
 */
export class SnapshotCache {
  private version = 0;
  /** The last snapshot loaded, and the data version it was read at (null: the data moved while it was read). */
  private current: { at: string | null; snapshot: GraphSnapshot } | null = null;
  /** A load in progress, started when the store said `at`. */
  private loading: { at: string; promise: Promise<GraphSnapshot> } | null = null;

  constructor(
    private readonly store: GraphStore,
    private readonly checkMs = DEFAULT_VERSION_CHECK_MS,
  ) {}

  /** The snapshot of the store's current data version: loaded on first use, and again once the version has moved. */
  async get(): Promise<GraphSnapshot> {
    const at = await this.store.dataVersion(this.current ? this.checkMs : 0);
    if (this.current && this.current.at === at) return this.current.snapshot;
    if (this.loading?.at === at) return this.loading.promise;
    const promise = this.load();
    const loading = { at, promise };
    this.loading = loading;
    // A failed load is not kept: the next request tries again.
    const clear = () => {
      if (this.loading === loading) this.loading = null;
    };
    promise.then(clear, clear);
    return promise;
  }

  /**
   * Reads everything, and trusts it only if the data version is the same before and after: a write
   * that commits between two of the reads (possible even inside one Neo4j transaction, which reads
   * committed data) changes the version, and the load starts again.
   */
  private async load(): Promise<GraphSnapshot> {
    let before = await this.store.dataVersion();
    for (let attempt = 1; ; attempt++) {
      const [roles, transitions, histories, datasetRecords, routePatterns] = await Promise.all([
        this.store.listRoles(),
        this.store.listTransitions(),
        this.store.listHistories(),
        this.store.listDatasets(),
        this.store.listRoutePatterns(),
      ]);
      const after = await this.store.dataVersion();
      if (before !== after && attempt < MAX_LOAD_ATTEMPTS) {
        before = after;
        continue;
      }
      const snapshot = makeSnapshot(++this.version, roles, transitions, histories, { datasetRecords, routePatterns });
      // Still moving after every attempt: serve this one, but load again on the next request.
      if (!this.current || this.current.snapshot.version < snapshot.version) this.current = { at: before === after ? after : null, snapshot };
      return snapshot;
    }
  }
}

/** Builds a snapshot from loaded data (also used by benchmarks over generated graphs). */
export function makeSnapshot(
  version: number,
  roles: Role[],
  stored: Transition[],
  histories: History[],
  imported: { datasetRecords?: DatasetInfo[]; routePatterns?: RoutePattern[] } = {},
): GraphSnapshot {
  const datasetRecords = withLegacyUnits(imported.datasetRecords ?? [], stored);
  // Privacy: nothing below a dataset's k leaves the snapshot (see datasets/privacy.ts).
  const { transitions, routePatterns, hidden } = applyPrivacy(stored, imported.routePatterns ?? [], datasetRecords);
  const datasets: Record<string, number> = {};
  for (const t of transitions) datasets[t.dataset] = (datasets[t.dataset] ?? 0) + 1;
  return {
    version,
    dataVersion: fingerprint(roles, transitions, histories, routePatterns),
    datasets,
    roles,
    rolesById: new Map(roles.map((r) => [r.id, r])),
    transitions,
    histories,
    datasetRecords,
    routePatterns,
    hidden,
  };
}

/**
 * FNV-1a over the identifying fields, order-independent (rows are sorted by the
 * store's queries). Cheap enough for 300,000 transitions (a few tens of ms);
 * a cryptographic hash of the whole JSON would cost far more for no gain here.
 */
function fingerprint(roles: Role[], transitions: Transition[], histories: History[], routePatterns: RoutePattern[]): string {
  let h = 0x811c9dc5;
  const add = (s: string) => {
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    h ^= 0x1f;
    h = Math.imul(h, 0x01000193) >>> 0;
  };
  for (const r of roles) add(`${r.id}|${r.name}|${r.nameJa}|${r.family}`);
  // A probability-only transition (count 0) is identified by its probability too: re-importing a table
  // with other shares is other data.
  for (const t of transitions) add(`${t.from}|${t.to}|${t.dataset}|${t.count}|${t.evidence.length}${t.count === 0 ? `|${t.probability}` : ''}`);
  for (const x of histories) add(`${x.id}|${x.roles.join(',')}`);
  for (const p of routePatterns) add(`${p.id}|${p.count}`);
  return `${roles.length}r-${transitions.length}t-${h.toString(16).padStart(8, '0')}`;
}
