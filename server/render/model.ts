/**
 * What the exporters draw: roles with names and families, moves with counts,
 * probabilities and skills, and the provenance. Built from a route answer
 * (server and browser alike) or from the graph as shown (browser). Pure.
 */
import type { RoleFamily, TransitionKind } from '../contract/graph-data.js';
import type { RouteDto } from '../contract/routes.js';
import type { ExportProvenance, ProvenanceQuery } from '../contract/export.js';

export type ExportLang = 'en' | 'ja';

/** A role as the exporters need it. */
export interface RoleInfo {
  id: string;
  name: string;
  nameJa: string;
  family: RoleFamily;
}

/** A role in an exported graph, with its drawn position when there is one. */
export interface ExportNode extends RoleInfo {
  position?: { x: number; y: number };
  /** Cytoscape classes as drawn (browser exports of the view keep the route highlight). */
  classes?: string;
}

/** A move in an exported graph. */
export interface ExportEdge {
  id: string;
  source: string;
  target: string;
  count: number;
  probability: number;
  skills: string[];
  kind?: TransitionKind;
  /** Every kind merged into this move (route steps: one move may be both made by people and recommended). */
  kinds?: TransitionKind[];
  dataset?: string;
  /** For route exports: the move's number along the route (1-based). */
  step?: number;
  classes?: string;
}

/** A graph to export (a route, or the roles and moves shown in the browser). */
export interface ExportGraph {
  nodes: ExportNode[];
  edges: ExportEdge[];
}

/** Everything a route export is made from. */
export interface RouteExport {
  route: RouteDto;
  query: ProvenanceQuery;
  /** Index of `route` among the answer's routes (0 = best) and how many there were. */
  alt: number;
  total: number;
  /** Names and families of the route's roles. */
  roles: ReadonlyMap<string, RoleInfo>;
  provenance: ExportProvenance;
  lang: ExportLang;
}

/** The role with this id, or a stand-in named by its id (a role missing from the lookup must not break an export). */
export function roleOf(roles: ReadonlyMap<string, RoleInfo>, id: string): RoleInfo {
  return roles.get(id) ?? { id, name: id, nameJa: id, family: 'external' };
}

/** The role's name in `lang`, and in the other language. */
export function names(role: RoleInfo, lang: ExportLang): { primary: string; secondary: string } {
  return lang === 'ja' ? { primary: role.nameJa, secondary: role.name } : { primary: role.name, secondary: role.nameJa };
}

/** Horizontal distance between consecutive roles in the positions of `routeGraph` (Cytoscape JSON, GraphML). */
const SPACING = 240;

/** A route as a graph: its roles in order, laid out left to right, and one edge per move numbered from 1. */
export function routeGraph(route: RouteDto, roles: ReadonlyMap<string, RoleInfo>, lang: ExportLang = 'en'): ExportGraph {
  return {
    nodes: route.roles.map((id, i) => ({ ...roleOf(roles, id), position: { x: i * SPACING, y: 0 } })),
    edges: route.steps.map((s, i) => ({
      id: `step-${i + 1}`,
      source: s.from,
      target: s.to,
      count: s.count,
      probability: s.probability,
      // The skills in the export's language (an untranslated skill as it is).
      skills: [...(lang === 'ja' ? (s.skillsJa ?? s.skills) : s.skills)],
      ...(s.kinds?.length ? { kinds: [...s.kinds] } : {}),
      step: i + 1,
    })),
  };
}

/** What a move is, every kind it has (`kinds`, else `kind`), in TRANSITION_KINDS order. */
export function edgeKinds(e: Pick<ExportEdge, 'kind' | 'kinds'>): TransitionKind[] {
  return e.kinds?.length ? [...e.kinds] : e.kind ? [e.kind] : [];
}

/**
 * How a move is drawn: as a move people made when any of its accounts is one (solid), else as a recommendation
 * (dotted) or a split (dashed); null when no move is stored (a travelled route's unrecorded step).
 */
export function drawnKind(e: Pick<ExportEdge, 'kind' | 'kinds'>): TransitionKind | null {
  const kinds = edgeKinds(e);
  return kinds.includes('move') ? 'move' : kinds.includes('recommended') ? 'recommended' : kinds.includes('split') ? 'split' : null;
}

/** SVG stroke-dasharray of each drawn kind for a line `width` wide (null: solid), as the page draws them. */
export function kindDash(kind: TransitionKind | null, width: number): string | null {
  const w = Math.max(1, width);
  const n = (x: number) => Math.round(x * w * 10) / 10;
  if (kind === 'recommended') return `${n(0.1)} ${n(2.2)}`;
  if (kind === 'split') return `${n(3)} ${n(2)}`;
  if (kind === null) return `${n(1.5)} ${n(1.5)}`;
  return null;
}

/** Every distinct evidence source quoted along a route, in order. */
export function routeSources(route: RouteDto): string[] {
  return [...new Set(route.steps.flatMap((s) => s.evidence.map((e) => e.source)))];
}
