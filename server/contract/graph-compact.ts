/**
 * The compact shape of `GET /api/graph?shape=compact`: the same roles and
 * moves as the Cytoscape JSON, in columns (one array per field, roles and
 * repeated strings referred to by index), without evidence text (a role's
 * page and a route step carry it) and with probabilities rounded to 6
 * significant digits; roles' groups as a table and an index per role, only when
 * some role has one. About a fifth of the bytes of the Cytoscape shape, and
 * far less to parse. The page reads this shape; `decodeCompactGraph` gives back
 * the Cytoscape shape (move ids as `from->to@dataset`, evidence empty).
 */
import { z } from 'zod';
import { ROLE_FAMILIES, TRANSITION_KINDS } from './graph-data.js';
import { datasetUsage } from './datasets.js';
import { edgeId, type GraphResponse } from './api.js';

/*
 * Columns are checked with one loop each rather than zod's per-item parsing: the page runs zod jitless (its
 * CSP forbids eval), where 25,000-item columns took a tenth of a second or more of the first picture's time.
 * The rules are the same as z.number() (finite) and z.number().int().min(0); a failure names the column.
 */
const isIndex = (x: unknown): x is number => Number.isInteger(x) && (x as number) >= 0;
const isFiniteNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const column = <T>(ok: (x: unknown) => x is T, what: string) =>
  z.custom<T[]>((v) => Array.isArray(v) && v.every(ok), { message: `must be a list of ${what}` });
const indexColumn = column(isIndex, 'indexes');
const numberColumn = column(isFiniteNumber, 'numbers');
const isIndexList = (x: unknown): x is number[] => Array.isArray(x) && x.every(isIndex);

export const compactGraphResponse = z
  .object({
    shape: z.literal('compact'),
    /** String tables the columns below refer to by index. */
    families: z.array(z.enum(ROLE_FAMILIES)),
    kinds: z.array(z.enum(TRANSITION_KINDS)),
    datasetNames: z.array(z.string()),
    skillNames: z.array(z.string()),
    /** The roles' groups (department, job family), only when some role has one. */
    groups: z.array(z.string()).optional(),
    roles: z.object({
      id: z.array(z.string()),
      label: z.array(z.string()),
      labelJa: z.array(z.string()),
      /** Index into `families`. */
      family: indexColumn,
      /** Index into `groups`, null for a role with none; present exactly when `groups` is. */
      group: column((x): x is number | null => x === null || isIndex(x), 'indexes or nulls').optional(),
    }),
    moves: z.object({
      /** Index into the roles' columns. */
      source: indexColumn,
      target: indexColumn,
      count: numberColumn,
      /** Rounded to 6 significant digits (a role's page has the exact value). */
      probability: numberColumn,
      /** Index into `kinds`. */
      kind: indexColumn,
      /** Index into `datasetNames`. */
      dataset: indexColumn,
      /** Indexes into `skillNames`. */
      skills: column(isIndexList, 'lists of indexes'),
      /** Japanese skills item for item, as indexes into `skillNames`; null where the data has none. */
      skillsJa: column((x): x is number[] | null => x === null || isIndexList(x), 'lists of indexes or nulls'),
      /** How many pieces of evidence the move has (the text is on the role's page). */
      evidence: indexColumn,
    }),
    datasets: datasetUsage.optional(),
  })
  .superRefine((g, ctx) => {
    const n = g.roles.id.length;
    for (const col of ['label', 'labelJa', 'family'] as const) {
      if (g.roles[col].length !== n) ctx.addIssue({ code: 'custom', path: ['roles', col], message: `has ${g.roles[col].length} items for ${n} roles` });
    }
    const m = g.moves.source.length;
    for (const col of ['target', 'count', 'probability', 'kind', 'dataset', 'skills', 'skillsJa', 'evidence'] as const) {
      if (g.moves[col].length !== m) ctx.addIssue({ code: 'custom', path: ['moves', col], message: `has ${g.moves[col].length} items for ${m} moves` });
    }
    // Every index points into its table.
    const inRange = (path: (string | number)[], xs: readonly number[], size: number) => {
      for (const x of xs) if (x >= size) return ctx.addIssue({ code: 'custom', path, message: `refers to item ${x} of ${size}` });
    };
    inRange(['roles', 'family'], g.roles.family, g.families.length);
    if ((g.groups === undefined) !== (g.roles.group === undefined)) ctx.addIssue({ code: 'custom', path: ['roles', 'group'], message: 'comes with groups, and only with them' });
    if (g.roles.group) {
      if (g.roles.group.length !== n) ctx.addIssue({ code: 'custom', path: ['roles', 'group'], message: `has ${g.roles.group.length} items for ${n} roles` });
      inRange(['roles', 'group'], g.roles.group.flatMap((x) => (x === null ? [] : [x])), g.groups?.length ?? 0);
    }
    inRange(['moves', 'source'], g.moves.source, n);
    inRange(['moves', 'target'], g.moves.target, n);
    inRange(['moves', 'kind'], g.moves.kind, g.kinds.length);
    inRange(['moves', 'dataset'], g.moves.dataset, g.datasetNames.length);
    inRange(['moves', 'skills'], g.moves.skills.flat(), g.skillNames.length);
    inRange(['moves', 'skillsJa'], g.moves.skillsJa.flatMap((x) => x ?? []), g.skillNames.length);
  });
export type CompactGraphResponse = z.infer<typeof compactGraphResponse>;

/** Rounds to 6 significant digits (enough to rank and to show; the exact value is on the role's page). */
const round6 = (x: number) => (x === 0 || !Number.isFinite(x) ? x : Number(x.toPrecision(6)));

/** A string table: index of each distinct value, in first-seen order. */
function table(): { list: string[]; of(s: string): number } {
  const list: string[] = [];
  const at = new Map<string, number>();
  return {
    list,
    of(s) {
      let i = at.get(s);
      if (i === undefined) {
        i = list.length;
        list.push(s);
        at.set(s, i);
      }
      return i;
    },
  };
}

/** The Cytoscape shape in columns. Moves whose ends are not among the roles are dropped (the page would drop them too). */
export function encodeCompactGraph(graph: GraphResponse): CompactGraphResponse {
  const nodes = graph.elements.nodes.map((n) => n.data);
  const roleIndex = new Map(nodes.map((n, i) => [n.id, i]));
  const families = table();
  const kinds = table();
  const datasets = table();
  const skills = table();
  const groups = table();
  const group = nodes.map((n) => (n.group === undefined ? null : groups.of(n.group)));
  const moves: CompactGraphResponse['moves'] = {
    source: [],
    target: [],
    count: [],
    probability: [],
    kind: [],
    dataset: [],
    skills: [],
    skillsJa: [],
    evidence: [],
  };
  for (const { data: e } of graph.elements.edges) {
    const s = roleIndex.get(e.source);
    const t = roleIndex.get(e.target);
    if (s === undefined || t === undefined) continue;
    moves.source.push(s);
    moves.target.push(t);
    moves.count.push(e.count);
    moves.probability.push(round6(e.probability));
    moves.kind.push(kinds.of(e.kind));
    moves.dataset.push(datasets.of(e.dataset));
    moves.skills.push(e.skills.map((x) => skills.of(x)));
    moves.skillsJa.push(e.skillsJa ? e.skillsJa.map((x) => skills.of(x)) : null);
    moves.evidence.push(e.evidence.length);
  }
  return {
    shape: 'compact',
    families: families.list as CompactGraphResponse['families'],
    kinds: kinds.list as CompactGraphResponse['kinds'],
    datasetNames: datasets.list,
    skillNames: skills.list,
    ...(groups.list.length ? { groups: groups.list } : {}),
    roles: {
      id: nodes.map((n) => n.id),
      label: nodes.map((n) => n.label),
      labelJa: nodes.map((n) => n.labelJa),
      family: nodes.map((n) => families.of(n.family)),
      ...(groups.list.length ? { group } : {}),
    },
    moves,
    ...(graph.datasets ? { datasets: graph.datasets } : {}),
  };
}

/** Back to the Cytoscape shape: move ids `from->to@dataset` as on the full `/api/graph`, evidence empty (fetched per role). */
export function decodeCompactGraph(g: CompactGraphResponse): GraphResponse {
  const ids = g.roles.id;
  const groupOf = (i: number): { group?: string } => {
    const x = g.roles.group?.[i];
    return x === undefined || x === null ? {} : { group: g.groups![x]! };
  };
  const nodes = ids.map((id, i) => ({ data: { id, label: g.roles.label[i]!, labelJa: g.roles.labelJa[i]!, family: g.families[g.roles.family[i]!]!, ...groupOf(i) } }));
  const m = g.moves;
  const edges: GraphResponse['elements']['edges'] = new Array(m.source.length);
  for (let i = 0; i < m.source.length; i++) {
    const source = ids[m.source[i]!]!;
    const target = ids[m.target[i]!]!;
    const dataset = g.datasetNames[m.dataset[i]!]!;
    const ja = m.skillsJa[i];
    edges[i] = {
      data: {
        id: edgeId({ from: source, to: target, dataset }),
        source,
        target,
        count: m.count[i]!,
        probability: m.probability[i]!,
        kind: g.kinds[m.kind[i]!]!,
        dataset,
        skills: m.skills[i]!.map((x) => g.skillNames[x]!),
        ...(ja ? { skillsJa: ja.map((x) => g.skillNames[x]!) } : {}),
        evidence: [],
      },
    };
  }
  return { elements: { nodes, edges }, ...(g.datasets ? { datasets: g.datasets } : {}) };
}
