/**
 * Turns routes in node indices into the API shape, with the merged transition
 * data behind every move (count, probability, union of skills, all evidence).
 */
import { TRANSITION_KINDS, type Evidence, type TransitionKind } from '../../contract/graph-data.js';
import type { CompactGraph } from './compact-graph.js';
import { findEdge } from './compact-graph.js';
import type { Route, RouteStep } from './types.js';

/** One move. A pair with no stored transition (possible only for travelled routes) has count and probability 0. */
export function describeStep(graph: CompactGraph, u: number, v: number): RouteStep {
  const e = findEdge(graph, u, v);
  const step: RouteStep = { from: graph.ids[u]!, to: graph.ids[v]!, count: 0, probability: 0, kinds: [], skills: [], evidence: [] };
  if (e < 0) return step;
  step.count = graph.counts[e]!;
  step.probability = graph.probabilities[e]!;
  // English skill → its Japanese (the first translation seen wins, like the first-seen order of skills).
  const skills = new Map<string, string>();
  let translated = false;
  const evidence: Evidence[] = [];
  const kinds = new Set<TransitionKind>();
  for (let i = graph.transitionOffsets[e]!; i < graph.transitionOffsets[e + 1]!; i++) {
    const t = graph.transitions[graph.transitionIndex[i]!]!;
    kinds.add(t.kind);
    t.skills.forEach((s, j) => {
      const ja = t.skillsJa?.[j];
      if (ja) translated = true;
      if (!skills.has(s) || (ja && skills.get(s) === s)) skills.set(s, ja ?? s);
    });
    evidence.push(...t.evidence);
  }
  step.kinds = TRANSITION_KINDS.filter((k) => kinds.has(k));
  step.skills = [...skills.keys()];
  if (translated) step.skillsJa = [...skills.values()];
  step.evidence = evidence;
  return step;
}

/** The full route object for a node sequence. */
export function describeRoute(graph: CompactGraph, nodes: readonly number[], travellers: number | null): Route {
  const steps: RouteStep[] = [];
  let probability = 1;
  for (let i = 0; i + 1 < nodes.length; i++) {
    const step = describeStep(graph, nodes[i]!, nodes[i + 1]!);
    probability *= step.probability;
    steps.push(step);
  }
  return { roles: nodes.map((v) => graph.ids[v]!), hops: nodes.length - 1, probability, travellers, steps };
}

/** Product of the merged probabilities along a node sequence (0 if a move is not stored). */
export function routeProbability(graph: CompactGraph, nodes: readonly number[]): number {
  let p = 1;
  for (let i = 0; i + 1 < nodes.length; i++) {
    const e = findEdge(graph, nodes[i]!, nodes[i + 1]!);
    p *= e < 0 ? 0 : graph.probabilities[e]!;
  }
  return p;
}
