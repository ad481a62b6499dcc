/**
 * Transition probabilities: p(b | a) = count(a→b) / Σ count(a→·), within a dataset.
 */
import type { Transition, TransitionInput } from '../contract/graph-data.js';

/** Returns the transitions with `dataset` and `probability` filled in from their counts. */
export function withProbabilities(transitions: readonly TransitionInput[], dataset: string): Transition[] {
  const outTotal = new Map<string, number>();
  for (const t of transitions) outTotal.set(t.from, (outTotal.get(t.from) ?? 0) + t.count);
  return transitions.map((t) => ({ ...t, dataset, probability: t.count / (outTotal.get(t.from) ?? t.count) }));
}
