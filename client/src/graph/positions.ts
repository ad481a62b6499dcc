/**
 * Starting positions that keep families together: each family is a disc of
 * roles (a sunflower spiral, best-connected roles in the middle) and the discs
 * sit on a ring. Small graphs start a force layout from here; large graphs use
 * it as is, because a force layout over thousands of roles takes seconds.
 * Pure and deterministic: the same graph always opens the same way.
 */
import { ROLE_FAMILIES } from '../../../server/contract/graph-data.js';

export interface Point {
  x: number;
  y: number;
}

/** Options of familyPositions. */
export interface FamilyPositionOptions {
  /** Distance between neighbouring roles inside a disc. */
  spacing?: number;
  /** Gap between discs, as a fraction of the larger disc's radius. */
  gap?: number;
  /** Height / width of the drawing area: the ring becomes an ellipse of that shape so the graph fills the screen. */
  aspect?: number;
}

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/** Radius of a sunflower disc of n points at `spacing`. */
const discRadius = (n: number, spacing: number) => spacing * Math.sqrt(Math.max(n, 1)) * 0.6;

/**
 * Positions for every node, grouped by family.
 * @param nodes roles with their family
 * @param degree number of moves in and out of each role (roles with more sit nearer their disc's centre)
 */
export function familyPositions(
  nodes: readonly { id: string; family: string }[],
  degree: ReadonlyMap<string, number> = new Map(),
  { spacing = 70, gap = 0.35, aspect = 1 }: FamilyPositionOptions = {},
): Map<string, Point> {
  const order = [...ROLE_FAMILIES, ...new Set(nodes.map((n) => n.family).filter((f) => !(ROLE_FAMILIES as readonly string[]).includes(f)))];
  const groups = order
    .map((family) => nodes.filter((n) => n.family === family))
    .filter((g) => g.length > 0)
    .map((g) => [...g].sort((a, b) => (degree.get(b.id) ?? 0) - (degree.get(a.id) ?? 0) || a.id.localeCompare(b.id)));
  const radii = groups.map((g) => discRadius(g.length, spacing));
  const positions = new Map<string, Point>();
  if (groups.length === 0) return positions;

  // Ring radius: the discs' diameters (plus gaps) laid around the circumference, never closer than the largest disc.
  const circumference = radii.reduce((sum, r) => sum + 2 * r * (1 + gap), 0);
  const ring = groups.length === 1 ? 0 : Math.max(circumference / (2 * Math.PI), Math.max(...radii) * (1 + gap) * 1.2);
  // Stretch the ring into an ellipse of the screen's shape, keeping its area (so discs keep their room).
  const stretch = Math.sqrt(Math.min(4, Math.max(0.25, aspect)));
  const [rx, ry] = [ring / stretch, ring * stretch];
  let angle = -Math.PI / 2;
  groups.forEach((group, gi) => {
    const r = radii[gi]!;
    // Each disc takes an arc of the ring proportional to its size, centred on its own angle.
    const arc = (2 * r * (1 + gap)) / Math.max(circumference, 1) * 2 * Math.PI;
    const centreAngle = angle + arc / 2;
    angle += arc;
    const cx = rx * Math.cos(centreAngle);
    const cy = ry * Math.sin(centreAngle);
    group.forEach((node, i) => {
      const rr = spacing * 0.6 * Math.sqrt(i + 0.5);
      positions.set(node.id, { x: cx + rr * Math.cos(i * GOLDEN_ANGLE), y: cy + rr * Math.sin(i * GOLDEN_ANGLE) });
    });
  });
  return positions;
}

/** Moves in plus moves out, per role. */
export function degrees(edges: readonly { source: string; target: string }[]): Map<string, number> {
  const d = new Map<string, number>();
  for (const e of edges) {
    d.set(e.source, (d.get(e.source) ?? 0) + 1);
    d.set(e.target, (d.get(e.target) ?? 0) + 1);
  }
  return d;
}

/**
 * Zoom and pan that fit points into a viewport (what cy.fit does, without
 * measuring every label: on thousands of roles that measuring takes seconds).
 */
export function fitViewport(points: Iterable<Point>, width: number, height: number, padding = 30): { zoom: number; pan: Point } {
  let [x1, y1, x2, y2] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of points) {
    x1 = Math.min(x1, p.x);
    y1 = Math.min(y1, p.y);
    x2 = Math.max(x2, p.x);
    y2 = Math.max(y2, p.y);
  }
  if (!Number.isFinite(x1)) return { zoom: 1, pan: { x: width / 2, y: height / 2 } };
  const zoom = Math.min(4, Math.max(width - 2 * padding, 1) / Math.max(x2 - x1, 1), Math.max(height - 2 * padding, 1) / Math.max(y2 - y1, 1));
  return { zoom, pan: { x: width / 2 - (zoom * (x1 + x2)) / 2, y: height / 2 - (zoom * (y1 + y2)) / 2 } };
}

/**
 * Spreads points along their short axis until their bounding box has the
 * viewport's shape (height / width = `aspect`), by at most `maxStretch`. Only
 * ever pulls points apart, so labels that did not overlap still do not, and a
 * wide layout fills a tall screen instead of leaving it half empty.
 */
export function stretchToAspect(points: ReadonlyMap<string, Point>, aspect: number, maxStretch = 1.6): Map<string, Point> {
  const all = [...points.values()];
  const xs = all.map((p) => p.x);
  const ys = all.map((p) => p.y);
  const [w, h] = [Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys)];
  const out = new Map<string, Point>();
  if (all.length < 2 || w <= 0 || h <= 0 || !(aspect > 0)) {
    for (const [id, p] of points) out.set(id, { ...p });
    return out;
  }
  const [cx, cy] = [(Math.max(...xs) + Math.min(...xs)) / 2, (Math.max(...ys) + Math.min(...ys)) / 2];
  const ky = h / w < aspect ? Math.min(maxStretch, aspect / (h / w)) : 1;
  const kx = h / w > aspect ? Math.min(maxStretch, h / w / aspect) : 1;
  for (const [id, p] of points) out.set(id, { x: cx + (p.x - cx) * kx, y: cy + (p.y - cy) * ky });
  return out;
}
