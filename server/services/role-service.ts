/**
 * Role look-ups and the whole-graph view: search, details with evidence, and
 * the graph as Cytoscape elements. Reads from the snapshot, not the driver.
 */
import type { GraphResponse, RoleDetailsResponse, RoleMoveDto, RoleSearchResponse } from '../contract/api.js';
import type { Role, Transition } from '../contract/graph-data.js';
import { notFound } from '../errors.js';
import type { GraphSnapshot, SnapshotCache } from './graph-snapshot.js';

/** Per-snapshot indexes, built once per snapshot on first use. */
interface Derived {
  moves: Map<string, { incoming: Transition[]; outgoing: Transition[] }>;
  graph?: GraphResponse;
  graphJson?: string;
}
import { matchScore } from './text-match.js';

/** Stable Cytoscape edge id for a transition. */
export const edgeId = (t: Pick<Transition, 'from' | 'to' | 'dataset'>): string => `${t.from}->${t.to}@${t.dataset}`;

/** Sort order for a role's moves: most accounts first, then most likely, then by id. */
const byWeight = (a: Transition, b: Transition) =>
  b.count - a.count || b.probability - a.probability || a.from.localeCompare(b.from) || a.to.localeCompare(b.to);

export class RoleService {
  private readonly derived = new WeakMap<GraphSnapshot, Derived>();

  constructor(private readonly snapshots: SnapshotCache) {}

  /** Roles whose id, English or Japanese name, or alias contains `q` (all roles when empty), best matches first. */
  async search(q: string | undefined, limit: number): Promise<RoleSearchResponse> {
    const { roles } = await this.snapshots.get();
    const scored = roles
      .map((role) => ({ role, score: matchScore(role, q ?? '') }))
      .filter((s) => s.score > 0)
      .sort((a, b) => b.score - a.score || a.role.name.localeCompare(b.role.name));
    return { roles: scored.slice(0, limit).map((s) => s.role), total: scored.length };
  }

  /**
   * A role with the moves out of and into it, ranked by count, each with its evidence.
   * @throws AppError 404 when no role has this id
   */
  async details(id: string): Promise<RoleDetailsResponse> {
    const snapshot = await this.snapshots.get();
    const { rolesById } = snapshot;
    const role = rolesById.get(id);
    if (!role) throw notFound(`No role with id "${id}"`, [{ field: 'id', value: id }]);
    // From the snapshot, not the database: a role page is served at the price of a map look-up.
    const { incoming, outgoing } = this.derive(snapshot).moves.get(id) ?? { incoming: [], outgoing: [] };
    const summary = (otherId: string): RoleMoveDto['other'] => {
      const other: Role | undefined = rolesById.get(otherId);
      return { id: otherId, name: other?.name ?? otherId, nameJa: other?.nameJa ?? otherId, family: other?.family ?? 'external' };
    };
    return {
      role,
      outgoing: [...outgoing].sort(byWeight).map((t) => ({ ...t, other: summary(t.to) })),
      incoming: [...incoming].sort(byWeight).map((t) => ({ ...t, other: summary(t.from) })),
    };
  }

  /** The whole graph in Cytoscape JSON. */
  async graph(): Promise<GraphResponse> {
    const snapshot = await this.snapshots.get();
    const derived = this.derive(snapshot);
    derived.graph ??= toGraph(snapshot);
    return derived.graph;
  }

  /** The whole graph already serialised: the same JSON for every request until the data changes. */
  async graphJson(): Promise<string> {
    const snapshot = await this.snapshots.get();
    const derived = this.derive(snapshot);
    derived.graphJson ??= JSON.stringify(await this.graph());
    return derived.graphJson;
  }

  private derive(snapshot: GraphSnapshot): Derived {
    let d = this.derived.get(snapshot);
    if (!d) {
      const moves: Derived['moves'] = new Map();
      const entry = (id: string) => {
        let e = moves.get(id);
        if (!e) moves.set(id, (e = { incoming: [], outgoing: [] }));
        return e;
      };
      for (const t of snapshot.transitions) {
        entry(t.from).outgoing.push(t);
        entry(t.to).incoming.push(t);
      }
      d = { moves };
      this.derived.set(snapshot, d);
    }
    return d;
  }
}

/** The snapshot as Cytoscape JSON. */
function toGraph({ roles, transitions }: GraphSnapshot): GraphResponse {
  return {
    elements: {
      nodes: roles.map((r) => ({ data: { id: r.id, label: r.name, labelJa: r.nameJa, family: r.family } })),
      edges: transitions.map((t) => ({
        data: {
          id: edgeId(t),
          source: t.from,
          target: t.to,
          count: t.count,
          probability: t.probability,
          kind: t.kind,
          dataset: t.dataset,
          skills: t.skills,
          evidence: t.evidence,
        },
      })),
    },
  };
}
