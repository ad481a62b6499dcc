/**
 * An in-memory snapshot of the stored graph (roles, transitions, histories),
 * loaded once and reloaded after the store changes. Services read from it so
 * listing and searching do not hit the database on every request.
 */
import type { History, Role, Transition } from '../contract/graph-data.js';
import type { DatasetInfo, RoutePattern } from '../contract/imports.js';
import type { GraphStore } from '../db/graph-store.js';
import { applyPrivacy } from './imports/privacy.js';

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

/** Holds the current snapshot; concurrent callers share one load. */
export class SnapshotCache {
  private current: Promise<GraphSnapshot> | null = null;
  private version = 0;

  constructor(private readonly store: GraphStore) {}

  /** The current snapshot, loading it on first use or after `invalidate()`. */
  get(): Promise<GraphSnapshot> {
    if (!this.current) {
      const loading = this.load();
      this.current = loading;
      // A failed load is not cached: the next request tries again.
      loading.catch(() => {
        if (this.current === loading) this.current = null;
      });
    }
    return this.current;
  }

  /** Marks the snapshot stale; call after every write to the store. */
  invalidate(): void {
    this.current = null;
  }

  private async load(): Promise<GraphSnapshot> {
    const [roles, transitions, histories, datasetRecords, routePatterns] = await Promise.all([
      this.store.listRoles(),
      this.store.listTransitions(),
      this.store.listHistories(),
      this.store.listDatasets(),
      this.store.listRoutePatterns(),
    ]);
    return makeSnapshot(++this.version, roles, transitions, histories, { datasetRecords, routePatterns });
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
  const datasetRecords = imported.datasetRecords ?? [];
  // Privacy: nothing below a dataset's k leaves the snapshot (see imports/privacy.ts).
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
  for (const t of transitions) add(`${t.from}|${t.to}|${t.dataset}|${t.count}|${t.evidence.length}`);
  for (const x of histories) add(`${x.id}|${x.roles.join(',')}`);
  for (const p of routePatterns) add(`${p.id}|${p.count}`);
  return `${roles.length}r-${transitions.length}t-${h.toString(16).padStart(8, '0')}`;
}
