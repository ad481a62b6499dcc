/**
 * Route search for the API and CLI: keeps a CompactGraph built from the
 * current snapshot (rebuilt when the snapshot changes), resolves role names and
 * aliases to ids, and turns finder errors into 400s with suggestions.
 */
import type { RouteQueryParams, RouteResponse } from '../contract/routes.js';
import type { Lang } from '../contract/lang.js';
import { TRANSITION_KINDS, type TransitionKind } from '../contract/graph-data.js';
import { invalidRequest } from '../errors.js';
import { routeMessages } from './routes/messages.js';
import type { GraphSnapshot } from './graph-snapshot.js';

/** Where the route service gets the current graph (the SnapshotCache in the app; a fixed snapshot in benchmarks). */
export interface SnapshotSource {
  get(): Promise<GraphSnapshot>;
}
import { selectDatasets, type DatasetSelection } from './datasets/selection.js';
import { buildCompactGraphAsync, findRoutes, RouteQueryError, type CompactGraph } from './routes/index.js';
import { normalise, roleNames } from './text-match.js';

/** Dataset selections whose compact graphs are kept at once (the all-datasets one plus a few combinations). */
const KEPT_SELECTIONS = 8;

type Built = { version: number; ready: Promise<{ graph: CompactGraph; names: Map<string, string | null> }> };

export class RouteService {
  /** Compact graphs by dataset selection key ('' = every dataset). */
  private readonly built = new Map<string, Built>();

  constructor(private readonly snapshots: SnapshotSource) {}

  /** The compact graph of the current snapshot over every dataset (built once per snapshot version). */
  async graph(): Promise<CompactGraph> {
    const snapshot = await this.snapshots.get();
    return (await this.current(snapshot, selectDatasets(snapshot, undefined))).graph;
  }

  /**
   * Finds routes. `from`, `to`, `via` and `avoid` may be role ids or, when
   * unambiguous, a role's exact name or alias in either language ("CS", "経理").
   * @throws AppError 400 naming the field, with the closest role names for unknown roles
   */
  async find(params: RouteQueryParams, lang: Lang = 'en'): Promise<RouteResponse> {
    const snapshot = await this.snapshots.get();
    const selection = selectDatasets(snapshot, params.datasets);
    const kinds = TRANSITION_KINDS.filter((k) => !params.kinds || params.kinds.includes(k));
    const { graph, names } = await this.current(snapshot, selection, kinds);
    const resolve = (ref: string) => (graph.indexOf.has(ref) ? ref : (names.get(normalise(ref)) ?? ref));
    const query = {
      from: resolve(params.from),
      to: resolve(params.to),
      mode: params.mode,
      k: params.k,
      maxHops: params.maxHops,
      avoid: (params.avoid ?? []).map(resolve),
      via: params.via === undefined ? undefined : resolve(params.via),
      families: params.families ?? [],
      minCount: countFloor(selection, params.minCount, lang),
      kinds,
    };
    try {
      const result = findRoutes(graph, { ...query, lang });
      return {
        routes: result.routes,
        note: result.note,
        // Over some kinds of move only, "no recorded move" would read as none at all: say what was left out.
        noRoute: result.noRoute && kinds.length < TRANSITION_KINDS.length ? { ...result.noRoute, reason: `${result.noRoute.reason} ${kindsLeftOut(kinds, lang)}` } : result.noRoute,
        lang,
        query: { ...query, via: query.via ?? null, ...(params.datasets ? { datasets: params.datasets } : {}) },
        dataVersion: snapshot.dataVersion,
        datasets: selection.usage,
      };
    } catch (err) {
      if (!(err instanceof RouteQueryError)) throw err;
      const suggestions = err.suggestions.map((id) => {
        const role = snapshot.rolesById.get(id);
        return { id, name: role?.name ?? id, nameJa: role?.nameJa ?? id };
      });
      // Role suggestions are already in the message, by name; family suggestions are ids, which is what `families=` takes.
      const hint = suggestions.length && err.field === 'families' ? ` ${routeMessages(lang).didYouMean(suggestions.map((s) => s.id))}` : '';
      throw invalidRequest(`${err.message}${hint}`, [{ field: err.field, message: err.message, suggestions }]);
    }
  }

  /**
   * The compact graph and name index of the current snapshot. Built once per
   * snapshot version, cooperatively (the event loop keeps serving other requests
   * during a rebuild); concurrent callers share the build.
   */
  private current(snapshot: GraphSnapshot, selection: DatasetSelection, kinds: readonly TransitionKind[] = TRANSITION_KINDS) {
    // Every kind (the default) shares the selection's key; a narrower choice (`kinds=move`) is its own graph.
    const everyKind = kinds.length === TRANSITION_KINDS.length;
    const key = everyKind ? selection.key : `${selection.key}\u0000${kinds.join(',')}`;
    const seen = this.built.get(key);
    if (seen && seen.version === snapshot.version) return seen.ready;
    this.built.delete(key);
    // Oldest first in a Map: drop the least recently built selection beyond the limit.
    if (this.built.size >= KEPT_SELECTIONS) this.built.delete(this.built.keys().next().value!);
    const transitions = everyKind ? selection.transitions : selection.transitions.filter((t) => kinds.includes(t.kind));
    const ready = buildCompactGraphAsync(snapshot.roles, transitions, selection.travel, { weights: selection.weights }).then((graph) => ({
      graph,
      names: nameIndex(snapshot),
    }));
    this.built.set(key, { version: snapshot.version, ready });
    ready.catch(() => {
      if (this.built.get(key)?.ready === ready) this.built.delete(key);
    });
    return ready;
  }
}

/**
 * The minCount the finder gets. A probability table has no counts (every move's count is 0): the default
 * (1) and 0 mean "no floor" there, and a higher floor is a 400, since no move could meet it.
 */
function countFloor(selection: DatasetSelection, minCount: number, lang: Lang): number {
  if (selection.weights !== 'probabilities') return minCount;
  if (minCount <= 1) return 0;
  const names = selection.usage.used.map((d) => `"${d}"`).join(', ');
  const message =
    lang === 'ja'
      ? `データセット ${names} は確率のみの表で、人数がありません。minCount（最小事例数）は使えません。minCount を外してください。`
      : `Dataset ${names} holds probabilities only, with no counts of people: minCount cannot apply to it. Leave minCount out.`;
  throw invalidRequest(message, [{ field: 'minCount', message }]);
}

/** What a search over some kinds of move left out (the no-route reason then says so). */
function kindsLeftOut(kinds: readonly TransitionKind[], lang: Lang): string {
  const words = lang === 'ja' ? { move: '実際の移動', recommended: '筆者の推奨ルート', split: '組織の分化' } : { move: 'moves people made', recommended: "authors' recommendations", split: 'organisational splits' };
  const out = TRANSITION_KINDS.filter((k) => !kinds.includes(k)).map((k) => words[k]);
  return lang === 'ja' ? `（この検索は${out.join('と')}を含めていません。）` : `(This search leaves out ${out.join(' and ')}.)`;
}

/** Exact normalised name/alias → role id; names shared by several roles map to null (ambiguous). */
function nameIndex(snapshot: GraphSnapshot): Map<string, string | null> {
  const index = new Map<string, string | null>();
  for (const role of snapshot.roles) {
    for (const name of new Set(roleNames(role))) {
      const seen = index.get(name);
      index.set(name, seen === undefined || seen === role.id ? role.id : null);
    }
  }
  return index;
}
