/**
 * An in-memory snapshot of the stored graph (roles, transitions, histories),
 * loaded once and reloaded after the store changes. Services read from it so
 * listing and searching do not hit the database on every request.
 */
import type { History, Role, Transition } from '../contract/graph-data.js';
import type { GraphStore } from '../db/graph-store.js';

/** The whole graph at one moment. */
export interface GraphSnapshot {
  /** Increases by one each time the snapshot is reloaded. */
  version: number;
  roles: Role[];
  rolesById: Map<string, Role>;
  transitions: Transition[];
  histories: History[];
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
    const [roles, transitions, histories] = await Promise.all([
      this.store.listRoles(),
      this.store.listTransitions(),
      this.store.listHistories(),
    ]);
    return {
      version: ++this.version,
      roles,
      rolesById: new Map(roles.map((r) => [r.id, r])),
      transitions,
      histories,
    };
  }
}
