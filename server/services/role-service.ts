/**
 * Role look-ups and the whole-graph view: search, details with evidence, and
 * the graph as Cytoscape elements. Reads from the snapshot, not the driver.
 */
import { edgeId, type GraphResponse, type RoleDetailsResponse, type RoleMoveDto, type RoleSearchResponse } from '../contract/api.js';
import { encodeCompactGraph } from '../contract/graph-compact.js';
import type { Role, Transition } from '../contract/graph-data.js';
import type { Lang } from '../contract/lang.js';
import { notFound } from '../errors.js';
import { selectDatasets, type DatasetSelection } from './datasets/selection.js';
import type { SnapshotCache } from './graph-snapshot.js';

/** Per-selection indexes (a selection belongs to one snapshot), built on first use. */
interface Derived {
  moves: Map<string, { incoming: Transition[]; outgoing: Transition[] }>;
  graph?: GraphResponse;
  graphJson?: string;
  compactJson?: string;
}
import { match } from './text-match.js';

/** Sort order for a role's moves: most accounts first, then most likely, then by id. */
const byWeight = (a: Transition, b: Transition) =>
  b.count - a.count || b.probability - a.probability || a.from.localeCompare(b.from) || a.to.localeCompare(b.to);

export class RoleService {
  private readonly derived = new WeakMap<DatasetSelection, Derived>();

  constructor(private readonly snapshots: SnapshotCache) {}

  /** Roles whose id, English or Japanese name, or alias contains `q` (all roles when empty), best matches first (see text-match.ts). */
  async search(q: string | undefined, limit: number): Promise<RoleSearchResponse> {
    const { roles } = await this.snapshots.get();
    const scored = roles
      .map((role) => ({ role, ...match(role, q ?? '') }))
      .filter((s) => s.score > 0)
      .sort((a, b) => b.score - a.score || b.names - a.names || a.role.name.localeCompare(b.role.name));
    return { roles: scored.slice(0, limit).map((s) => s.role), total: scored.length };
  }

  /**
   * A role with the moves out of and into it in the chosen datasets (default
   * all), ranked by count, each with its evidence.
   * @throws AppError 404 when no role has this id, 400 for an unknown dataset
   */
  async details(id: string, datasets?: readonly string[], lang: Lang = 'en'): Promise<RoleDetailsResponse> {
    const snapshot = await this.snapshots.get();
    const selection = selectDatasets(snapshot, datasets);
    const { rolesById } = snapshot;
    const role = rolesById.get(id);
    if (!role) throw notFound(lang === 'ja' ? `ID「${id}」の職種はありません` : `No role with id "${id}"`, [{ field: 'id', value: id }]);
    // From the snapshot, not the database: a role page is served at the price of a map look-up.
    const { incoming, outgoing } = this.derive(selection).moves.get(id) ?? { incoming: [], outgoing: [] };
    const summary = (otherId: string): RoleMoveDto['other'] => {
      const other: Role | undefined = rolesById.get(otherId);
      return { id: otherId, name: other?.name ?? otherId, nameJa: other?.nameJa ?? otherId, family: other?.family ?? 'external' };
    };
    return {
      role,
      outgoing: [...outgoing].sort(byWeight).map((t) => ({ ...t, other: summary(t.to) })),
      incoming: [...incoming].sort(byWeight).map((t) => ({ ...t, other: summary(t.from) })),
      datasets: selection.usage,
    };
  }

  /** The whole graph of the chosen datasets (default all) in Cytoscape JSON. */
  async graph(datasets?: readonly string[]): Promise<GraphResponse> {
    const snapshot = await this.snapshots.get();
    const selection = selectDatasets(snapshot, datasets);
    const derived = this.derive(selection);
    derived.graph ??= toGraph(snapshot.roles, selection);
    return derived.graph;
  }

  /**
   * The whole graph already serialised: the same string (the same object, so
   * callers may cache by identity) for every request until the data changes.
   * `compact`: the columns of contract/graph-compact.ts, which the page reads.
   */
  async graphJson(datasets?: readonly string[], shape: 'cytoscape' | 'compact' = 'cytoscape'): Promise<string> {
    const snapshot = await this.snapshots.get();
    const derived = this.derive(selectDatasets(snapshot, datasets));
    if (shape === 'compact') derived.compactJson ??= JSON.stringify(encodeCompactGraph(await this.graph(datasets)));
    else derived.graphJson ??= JSON.stringify(await this.graph(datasets));
    return shape === 'compact' ? derived.compactJson! : derived.graphJson!;
  }

  private derive(selection: DatasetSelection): Derived {
    let d = this.derived.get(selection);
    if (!d) {
      const moves: Derived['moves'] = new Map();
      const entry = (id: string) => {
        let e = moves.get(id);
        if (!e) moves.set(id, (e = { incoming: [], outgoing: [] }));
        return e;
      };
      for (const t of selection.transitions) {
        entry(t.from).outgoing.push(t);
        entry(t.to).incoming.push(t);
      }
      d = { moves };
      this.derived.set(selection, d);
    }
    return d;
  }
}

/** The roles and the selection's transitions as Cytoscape JSON (`GET /api/graph`; the compact shape is encoded from it). */
export function toGraph(roles: readonly Role[], { transitions, usage }: Pick<DatasetSelection, 'transitions' | 'usage'>): GraphResponse {
  return {
    datasets: usage,
    elements: {
      nodes: roles.map((r) => ({ data: { id: r.id, label: r.name, labelJa: r.nameJa, family: r.family, ...(r.group !== undefined ? { group: r.group } : {}) } })),
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
          ...(t.skillsJa ? { skillsJa: t.skillsJa } : {}),
          evidence: t.evidence,
        },
      })),
    },
  };
}
