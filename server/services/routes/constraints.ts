/**
 * Route constraints in index form, the node mask searches run on, and the
 * per-route check used for travelled routes, tests and diagnostics.
 *
 * Definitions (the same in every mode):
 * - maxHops: the route has at most this many moves.
 * - avoid: no role of the route is an avoided role (validation keeps the
 *   start, end and via roles out of the avoid list).
 * - via: the via role appears on the route, strictly between start and end.
 *   A route is one simple path, so its start→via and via→end parts share no
 *   role other than via.
 * - families: EVERY role of the route — start, end, via and intermediates —
 *   belongs to an allowed family. A start or end outside the allowed families
 *   therefore means no route (the note says so).
 * - minCount: every move's merged count is ≥ minCount.
 */
import type { CompactGraph } from './compact-graph.js';
import { findEdge } from './compact-graph.js';

/** A constraint that can cut routes off (used to explain empty results). */
export type ConstraintName = 'maxHops' | 'avoid' | 'via' | 'families' | 'minCount';

/** Constraints resolved to node indices. */
export interface RouteConstraints {
  maxHops: number;
  /** Avoided node indices. */
  avoid: readonly number[];
  /** Via node index, or -1. */
  via: number;
  /** Allowed family indices, or null for no restriction. */
  families: readonly number[] | null;
  minCount: number;
}

/** 1 where a role may appear on a route under `avoid` and `families`, 0 otherwise. */
export function allowedMask(graph: CompactGraph, c: RouteConstraints, out?: Uint8Array): Uint8Array {
  const mask = out ?? new Uint8Array(graph.nodeCount);
  if (c.families) {
    const ok = new Uint8Array(256);
    for (const f of c.families) ok[f] = 1;
    for (let i = 0; i < graph.nodeCount; i++) mask[i] = ok[graph.family[i]!]!;
  } else {
    mask.fill(1);
  }
  for (const a of c.avoid) mask[a] = 0;
  return mask;
}

/** The constraints with one of them lifted (maxHops goes to the ceiling `maxHopsCeiling`). */
export function relax(c: RouteConstraints, name: ConstraintName, maxHopsCeiling: number): RouteConstraints {
  switch (name) {
    case 'maxHops':
      return { ...c, maxHops: Math.max(c.maxHops, maxHopsCeiling) };
    case 'avoid':
      return { ...c, avoid: [] };
    case 'via':
      return { ...c, via: -1 };
    case 'families':
      return { ...c, families: null };
    case 'minCount':
      return { ...c, minCount: 0 };
  }
}

/**
 * The constraints a route (node indices) breaks, in a fixed order; empty when
 * it is valid. A move with no stored transition counts as count 0.
 */
export function violatedConstraints(graph: CompactGraph, nodes: readonly number[], c: RouteConstraints): ConstraintName[] {
  const out: ConstraintName[] = [];
  if (nodes.length - 1 > c.maxHops) out.push('maxHops');
  if (c.avoid.length > 0 && nodes.some((v) => c.avoid.includes(v))) out.push('avoid');
  if (c.via >= 0 && !nodes.slice(1, -1).includes(c.via)) out.push('via');
  if (c.families) {
    const fams = c.families;
    if (nodes.some((v) => !fams.includes(graph.family[v]!))) out.push('families');
  }
  for (let i = 0; i + 1 < nodes.length; i++) {
    const e = findEdge(graph, nodes[i]!, nodes[i + 1]!);
    if ((e < 0 ? 0 : graph.counts[e]!) < c.minCount) {
      out.push('minCount');
      break;
    }
  }
  return out;
}
