/**
 * "Did you mean" suggestions for unknown role ids and family names: the
 * closest candidates by bounded Levenshtein distance over every name a role
 * answers to (id, English name, Japanese name, aliases), after NFKC folding,
 * lower-casing and dropping spaces/hyphens/middle dots — so "Product Manager",
 * "product_manager" and "ﾌﾟﾛﾀﾞｸﾄﾏﾈｰｼﾞｬｰ" all land on the same role.
 */
import type { CompactGraph } from './compact-graph.js';

/** Normalises a name for fuzzy comparison. */
export function normaliseName(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s・･_\-‐－/]+/g, '');
}

/** Normalised names per graph, built on the first unknown-role error rather than on every rebuild. */
const namesCache = new WeakMap<CompactGraph, string[][]>();

function graphNames(graph: CompactGraph): string[][] {
  let names = namesCache.get(graph);
  if (!names) {
    names = graph.roles.map((r) => [r.id, r.name, r.nameJa, ...r.aliases].map(normaliseName));
    namesCache.set(graph, names);
  }
  return names;
}

/**
 * Levenshtein distance between a and b, or `bound + 1` as soon as it must
 * exceed `bound` (so scanning 10,000 roles stays a few milliseconds).
 */
export function boundedLevenshtein(a: string, b: string, bound: number): number {
  if (Math.abs(a.length - b.length) > bound) return bound + 1;
  let prev = new Int32Array(b.length + 1);
  let cur = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > bound) return bound + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

/**
 * Score of normalised `query` against one candidate's normalised names: 0
 * exact, 0.1 prefix, 0.2 substring, otherwise 0.3 + edit distance / length;
 * Infinity when too far.
 */
export function score(query: string, names: readonly string[]): number {
  let best = Infinity;
  const bound = Math.max(2, Math.floor(query.length * 0.4));
  for (const name of names) {
    if (!name) continue;
    if (name === query) return 0;
    if (name.startsWith(query) || query.startsWith(name)) best = Math.min(best, 0.1);
    else if (name.includes(query) || query.includes(name)) best = Math.min(best, 0.2);
    else {
      const d = boundedLevenshtein(query, name, bound);
      if (d <= bound) best = Math.min(best, 0.3 + d / Math.max(query.length, name.length));
    }
  }
  return best;
}

/** Ranks candidates (id plus raw names) against `query`; returns up to `limit` ids, best first. */
export function closestMatches(
  query: string,
  candidates: readonly { id: string; names: readonly string[] }[],
  limit = 5,
): string[] {
  const q = normaliseName(query);
  if (!q) return [];
  return rank(q, candidates.map((c) => ({ id: c.id, names: c.names.map(normaliseName) })), limit);
}

/** The role ids whose names are closest to `query`, best first (at most `limit`). */
export function suggestRoleIds(graph: CompactGraph, query: string, limit = 5): string[] {
  const q = normaliseName(query);
  if (!q) return [];
  const names = graphNames(graph);
  return rank(q, graph.ids.map((id, i) => ({ id, names: names[i]! })), limit);
}

function rank(q: string, candidates: readonly { id: string; names: readonly string[] }[], limit: number): string[] {
  const scored: { id: string; s: number }[] = [];
  for (const c of candidates) {
    const s = score(q, c.names);
    if (s < Infinity) scored.push({ id: c.id, s });
  }
  scored.sort((a, b) => a.s - b.s || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return scored.slice(0, limit).map((x) => x.id);
}
