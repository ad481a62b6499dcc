/**
 * Deterministic synthetic role graphs for benchmarks and large-graph demos
 * (test and benchmark code: the app never imports it). Same options and seed → byte-identical output.
 *
 * Shape: roles `role-00001`…, families drawn at random; each role gets
 * `edgesPerRole` distinct targets, skewed towards low-numbered roles so the
 * graph has hubs like real career graphs; counts 1..40, heavy-tailed;
 * probabilities computed per dataset as count / Σ counts leaving the role.
 * With `datasets > 1` every edge goes to a random dataset and ~10 % of pairs
 * are repeated in a second dataset, which exercises dataset merging.
 * Histories are count-weighted random walks (roles may repeat, as real careers do).
 */
import { ROLE_FAMILIES } from '../../server/contract/graph-data.js';
import type { History, Role, Transition } from '../../server/contract/graph-data.js';
import { rng } from '../fixtures/import-data.js';

/** Options of generateRoleGraph. */
export interface GenerateGraphOptions {
  /** Number of roles (≥ 2). */
  roles: number;
  /** Distinct outgoing transitions per role (capped at roles − 1). */
  edgesPerRole: number;
  /** Number of career histories (default 0). */
  histories?: number;
  /** PRNG seed (any 32-bit integer). */
  seed: number;
  /** Number of datasets the transitions are spread over (default 1). */
  datasets?: number;
  /** Shortest and longest history, in roles (default [3, 8]). */
  historyLength?: readonly [number, number];
}

/** A generated graph, in the shapes the store holds. */
export interface GeneratedGraph {
  roles: Role[];
  transitions: Transition[];
  histories: History[];
}

const SKILLS = [
  'sql', 'excel', 'python', 'negotiation', 'presentation', 'budgeting', 'recruiting', 'coaching', 'writing',
  'customer-empathy', 'process-design', 'project-management', 'statistics', 'sales', 'accounting', 'legal',
  'product-sense', 'ux-research', 'cloud', 'security', 'japanese', 'english', 'leadership', 'data-analysis',
] as const;

/** Generates a deterministic synthetic graph (see module comment for its shape). */
export function generateRoleGraph(options: GenerateGraphOptions): GeneratedGraph {
  const n = Math.max(2, Math.floor(options.roles));
  const perRole = Math.min(n - 1, Math.max(0, Math.floor(options.edgesPerRole)));
  const datasetCount = Math.max(1, Math.floor(options.datasets ?? 1));
  const [minLen, maxLen] = options.historyLength ?? [3, 8];
  const rand = rng(options.seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const pad = (i: number) => String(i + 1).padStart(5, '0');

  const roles: Role[] = [];
  for (let i = 0; i < n; i++) {
    roles.push({
      id: `role-${pad(i)}`,
      name: `Role ${i + 1}`,
      nameJa: `職種${i + 1}`,
      aliases: i % 7 === 0 ? [`R${i + 1}`] : [],
      family: ROLE_FAMILIES[int(0, ROLE_FAMILIES.length - 1)]!,
      description: `Synthetic role number ${i + 1}.`,
    });
  }

  // Edges per source, kept as index lists for the history random walks.
  const raw: { from: number; to: number; count: number; dataset: number }[] = [];
  const outs: { to: number; count: number }[][] = [];
  for (let u = 0; u < n; u++) {
    const chosen = new Set<number>();
    const list: { to: number; count: number }[] = [];
    while (chosen.size < perRole) {
      // Squaring a uniform draw favours low indices: a few hubs, a long tail.
      let v = Math.floor(rand() * rand() * n);
      if (v === u || chosen.has(v)) v = int(0, n - 1);
      if (v === u || chosen.has(v)) continue;
      chosen.add(v);
      const count = 1 + Math.floor(40 * rand() ** 3);
      list.push({ to: v, count });
      const dataset = int(0, datasetCount - 1);
      raw.push({ from: u, to: v, count, dataset });
      if (datasetCount > 1 && rand() < 0.1) {
        raw.push({ from: u, to: v, count: int(1, 5), dataset: (dataset + 1) % datasetCount });
      }
    }
    outs.push(list);
  }

  // Per-dataset probabilities, as the store holds them.
  const outTotal = new Map<string, number>();
  for (const r of raw) outTotal.set(`${r.dataset}:${r.from}`, (outTotal.get(`${r.dataset}:${r.from}`) ?? 0) + r.count);
  const transitions: Transition[] = raw.map((r) => ({
    from: roles[r.from]!.id,
    to: roles[r.to]!.id,
    dataset: `synthetic-${r.dataset + 1}`,
    kind: 'move',
    count: r.count,
    probability: r.count / outTotal.get(`${r.dataset}:${r.from}`)!,
    skills: [SKILLS[int(0, SKILLS.length - 1)]!, SKILLS[int(0, SKILLS.length - 1)]!].filter((s, i, a) => a.indexOf(s) === i),
    evidence: [],
  }));

  const histories: History[] = [];
  for (let h = 0; h < (options.histories ?? 0); h++) {
    const length = int(minLen, Math.max(minLen, maxLen));
    let u = int(0, n - 1);
    const path = [roles[u]!.id];
    while (path.length < length) {
      const list = outs[u]!;
      if (list.length === 0) break;
      let total = 0;
      for (const x of list) total += x.count;
      let pick = rand() * total;
      let next = list[list.length - 1]!.to;
      for (const x of list) {
        pick -= x.count;
        if (pick < 0) {
          next = x.to;
          break;
        }
      }
      u = next;
      path.push(roles[u]!.id);
    }
    if (path.length < 2) continue;
    histories.push({
      id: `history-${pad(h)}`,
      label: `Synthetic career ${h + 1}`,
      labelJa: `合成キャリア${h + 1}`,
      source: 'generated',
      roles: path,
      evidence: [],
    });
  }
  return { roles, transitions, histories };
}

/** Deterministic query pairs of distinct roles of a generated graph of `n` roles (`seed` picks the sequence). */
export function queryPairs(n: number, count: number, seed = 12345): [string, string][] {
  const id = (i: number) => `role-${String(i + 1).padStart(5, '0')}`;
  let s = seed;
  const next = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) % n;
  const out: [string, string][] = [];
  while (out.length < count) {
    const a = next();
    const b = next();
    if (a !== b) out.push([id(a), id(b)]);
  }
  return out;
}
