/**
 * SVG of the graph as drawn: a "scene" read off Cytoscape (positions, colours,
 * sizes, opacities, curves, arrowheads and labels as styled on screen) written
 * out as true vector shapes, with the family legend beside it and the
 * provenance in `<metadata>` and a footer. Written by hand rather than with
 * the cytoscape-svg extension, whose canvas-to-SVG shim mishandles rotated
 * edge labels and rounded shapes. Pure: the scene comes from graph/scene-reader.ts.
 */
import { metadata } from '../../../server/render/route-svg.js';
import type { ExportProvenance } from '../../../server/contract/export.js';
import { footerTime } from '../../../server/render/strings.js';
import { isJapanese, num, svgDocument, tag, text } from '../../../server/render/svg.js';
import { textWidth, wrapText } from '../../../server/render/text.js';

export interface Point {
  x: number;
  y: number;
}

/** A label block: lines centred on `x`, the first line's top at `top`. */
export interface SceneLabel {
  lines: string[];
  x: number;
  top: number;
  size: number;
  lineHeight: number;
  color: string;
  weight: string;
  fontFamily: string;
  opacity: number;
  /** Measured width of the widest line (for the background box). */
  width: number;
  background: { color: string; opacity: number; padding: number; round: boolean } | null;
}

export interface SceneNode {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
  shape: 'ellipse' | 'rectangle' | 'roundrectangle';
  fill: string;
  borderColor: string;
  borderWidth: number;
  opacity: number;
  z: number;
  label: SceneLabel | null;
}

export interface SceneEdge {
  id: string;
  /** Source endpoint, control points (bezier), target endpoint (the arrow tip). */
  points: Point[];
  curved: boolean;
  color: string;
  width: number;
  dashed: boolean;
  /** An author's recommendation, drawn dotted as on the page. */
  dotted?: boolean;
  opacity: number;
  z: number;
  arrow: { color: string; length: number; halfWidth: number } | null;
  label: SceneLabel | null;
}

/** Everything drawn, in model coordinates, and how to frame it. */
export interface Scene {
  nodes: SceneNode[];
  edges: SceneEdge[];
  /** The model-coordinate box to draw (the whole graph, or the visible part). */
  bounds: { x1: number; y1: number; x2: number; y2: number };
  /** Pixels per model unit. */
  zoom: number;
  /** True when `bounds` cuts through the drawing (visible part): clip to it. */
  clip: boolean;
  legend: { title: string; families: { color: string; label: string }[]; move: string; split: string; recommended?: string };
  /** Footer line (provenance for people). */
  footer: string;
  lang: 'en' | 'ja';
  background: 'white' | 'transparent';
}

const LEGEND_W = 230;

/** Opacities keep two decimals (0.12 must not become 0.1). */
const alpha = (a: number) => String(Math.round(a * 100) / 100);

function quadraticPath(pts: Point[], end: Point): string {
  const [first, ...rest] = pts;
  if (!first) return '';
  const cps = rest.slice(0, -1);
  if (cps.length === 0) return `M${num(first.x)},${num(first.y)}L${num(end.x)},${num(end.y)}`;
  // Cytoscape's bezier: quadratic pieces through the midpoints between consecutive control points.
  let d = `M${num(first.x)},${num(first.y)}`;
  cps.forEach((cp, i) => {
    const next = cps[i + 1];
    const to = next ? { x: (cp.x + next.x) / 2, y: (cp.y + next.y) / 2 } : end;
    d += `Q${num(cp.x)},${num(cp.y)} ${num(to.x)},${num(to.y)}`;
  });
  return d;
}

function labelSvg(l: SceneLabel, cls: string): string {
  const parts: string[] = [];
  const h = l.lines.length * l.size * l.lineHeight;
  if (l.background && l.background.opacity > 0) {
    const p = l.background.padding;
    parts.push(
      tag('rect', {
        x: l.x - l.width / 2 - p,
        y: l.top - p,
        width: l.width + 2 * p,
        height: h + 2 * p,
        rx: l.background.round ? Math.min(4, (h + 2 * p) / 4) : null,
        fill: l.background.color,
        'fill-opacity': l.background.opacity < 1 ? alpha(l.background.opacity) : null,
      }),
    );
  }
  l.lines.forEach((line, i) => {
    parts.push(
      tag(
        'text',
        {
          x: l.x,
          // Cytoscape centres each line in a box of size × line-height; the baseline sits ~0.8 em below the top of the glyphs.
          y: l.top + i * l.size * l.lineHeight + (l.size * l.lineHeight - l.size) / 2 + l.size * 0.82,
          'text-anchor': 'middle',
          'xml:lang': isJapanese(line) ? 'ja' : null,
        },
        text(line),
      ),
    );
  });
  return tag(
    'g',
    {
      class: cls,
      'font-size': l.size,
      'font-family': l.fontFamily,
      'font-weight': l.weight === 'normal' ? null : l.weight,
      fill: l.color,
      opacity: l.opacity < 1 ? alpha(l.opacity) : null,
    },
    ...parts,
  );
}

function edgeSvg(e: SceneEdge): string {
  const tip = e.points[e.points.length - 1]!;
  const before = e.points[e.points.length - 2] ?? tip;
  const len = Math.hypot(tip.x - before.x, tip.y - before.y) || 1;
  const [dx, dy] = [(tip.x - before.x) / len, (tip.y - before.y) / len];
  // The line stops inside the arrowhead so its square end does not poke out of the tip.
  const end = e.arrow ? { x: tip.x - dx * e.arrow.length * 0.7, y: tip.y - dy * e.arrow.length * 0.7 } : tip;
  const parts = [
    tag('path', {
      d: quadraticPath(e.points, end),
      fill: 'none',
      stroke: e.color,
      'stroke-width': e.width,
      'stroke-dasharray': e.dashed ? `${num(e.width * 3)} ${num(e.width * 3)}` : e.dotted ? `${num(e.width * 0.1)} ${num(e.width * 2.2)}` : null,
      'stroke-linecap': e.dotted ? 'round' : null,
    }),
  ];
  if (e.arrow) {
    const { length: l, halfWidth: w } = e.arrow;
    const b = { x: tip.x - dx * l, y: tip.y - dy * l };
    parts.push(
      tag('polygon', {
        points: `${num(tip.x)},${num(tip.y)} ${num(b.x - dy * w)},${num(b.y + dx * w)} ${num(b.x + dy * w)},${num(b.y - dx * w)}`,
        fill: e.arrow.color,
      }),
    );
  }
  if (e.label) parts.push(labelSvg(e.label, 'edge-label'));
  return tag('g', { class: 'edge', 'data-id': e.id, opacity: e.opacity < 1 ? alpha(e.opacity) : null }, ...parts);
}

function nodeSvg(n: SceneNode): string {
  // Cytoscape centres the border on the outline, as SVG strokes are.
  const paint = { fill: n.fill, stroke: n.borderWidth > 0 ? n.borderColor : null, 'stroke-width': n.borderWidth > 0 ? n.borderWidth : null };
  const shape =
    n.shape === 'ellipse'
      ? tag('ellipse', { cx: n.x, cy: n.y, rx: n.width / 2, ry: n.height / 2, ...paint })
      : tag('rect', {
          x: n.x - n.width / 2,
          y: n.y - n.height / 2,
          width: n.width,
          height: n.height,
          rx: n.shape === 'roundrectangle' ? Math.min(n.width, n.height) / 4 : null,
          ...paint,
        });
  return tag('g', { class: 'node', 'data-id': n.id, opacity: n.opacity < 1 ? alpha(n.opacity) : null }, shape, n.label ? labelSvg(n.label, 'node-label') : '');
}

/** The scene as a stand-alone SVG document with the provenance in `<metadata>`. */
export function viewSvg(scene: Scene, provenance: ExportProvenance): string {
  const { bounds, zoom } = scene;
  const gw = Math.max(1, (bounds.x2 - bounds.x1) * zoom);
  const gh = Math.max(1, (bounds.y2 - bounds.y1) * zoom);
  const PAD = 16;
  const rowH = 20;
  // The kinds of arrow: a move people made (solid), an author's recommendation (dotted), a split (dashed).
  const arrows: { label: string; dash: string | null }[] = [
    { label: scene.legend.move, dash: null },
    ...(scene.legend.recommended ? [{ label: scene.legend.recommended, dash: '0.2 4.4' }] : []),
    { label: scene.legend.split, dash: '4 3' },
  ];
  const legendH = 36 + scene.legend.families.length * rowH + 12 + arrows.length * rowH + 12;
  const legendW = Math.max(LEGEND_W, 44 + Math.max(...[...arrows.map((a) => a.label), ...scene.legend.families.map((f) => f.label)].map((s) => textWidth(s, 12))));
  const width = Math.ceil(gw + PAD + legendW + PAD);
  const footerY = Math.max(gh, legendH + PAD) + 22;
  const footer = wrapText(scene.footer, width - 16, 11);
  const height = Math.ceil(footerY + (footer.length - 1) * 15 + 14);

  const edges = [...scene.edges].sort((a, b) => a.z - b.z);
  const nodes = [...scene.nodes].sort((a, b) => a.z - b.z);
  const graph = tag(
    'g',
    { class: 'graph', transform: `translate(${num(-bounds.x1 * zoom)},${num(-bounds.y1 * zoom)}) scale(${zoom})` },
    tag('g', { class: 'edges' }, ...edges.map(edgeSvg)),
    tag('g', { class: 'nodes' }, ...nodes.map(nodeSvg)),
  );

  // The legend, as the page shows it: family swatches, then the kinds of arrow.
  const lx = gw + PAD;
  const legend: string[] = [
    tag('rect', { x: lx, y: PAD, width: legendW, height: legendH, rx: 6, fill: '#ffffff', 'fill-opacity': 0.92, stroke: '#e4e7eb' }),
    tag('text', { x: lx + 12, y: PAD + 22, 'font-size': 13, 'font-weight': 'bold', fill: '#5b6773' }, text(scene.legend.title)),
  ];
  scene.legend.families.forEach((f, i) => {
    const y = PAD + 36 + i * rowH;
    legend.push(
      tag('circle', { cx: lx + 18, cy: y + 6, r: 6, fill: f.color }),
      tag('text', { x: lx + 32, y: y + 10, 'font-size': 12, fill: '#1f2933', 'xml:lang': isJapanese(f.label) ? 'ja' : null }, text(f.label)),
    );
  });
  const ey = PAD + 36 + scene.legend.families.length * rowH + 12;
  legend.push(tag('line', { x1: lx + 8, y1: ey - 6, x2: lx + legendW - 8, y2: ey - 6, stroke: '#e4e7eb' }));
  arrows.forEach(({ label, dash }, i) => {
    const y = ey + i * rowH + 6;
    legend.push(
      tag('line', { x1: lx + 10, y1: y, x2: lx + 30, y2: y, stroke: '#9aa5b1', 'stroke-width': 2, 'stroke-dasharray': dash, 'stroke-linecap': dash?.startsWith('0.') ? 'round' : null }),
      tag('polygon', { points: `${num(lx + 36)},${num(y)} ${num(lx + 29)},${num(y - 4)} ${num(lx + 29)},${num(y + 4)}`, fill: '#9aa5b1' }),
      tag('text', { x: lx + 44, y: y + 4, 'font-size': 12, fill: '#1f2933', 'xml:lang': isJapanese(label) ? 'ja' : null }, text(label)),
    );
  });

  return svgDocument(
    width,
    height,
    { 'xml:lang': scene.lang },
    tag('title', {}, text(`rolepath — ${provenance.scope === 'view' ? 'role graph' : 'route'}`)),
    metadata(provenance),
    scene.clip ? tag('defs', {}, tag('clipPath', { id: 'graph-area' }, tag('rect', { width: gw, height: gh }))) : '',
    scene.background === 'white' ? tag('rect', { width, height, fill: '#ffffff' }) : '',
    scene.clip ? tag('g', { 'clip-path': 'url(#graph-area)' }, graph) : graph,
    tag('g', { class: 'legend' }, ...legend),
    tag('g', { class: 'footer', 'font-size': 11, fill: '#5b6773' }, ...footer.map((l, i) => tag('text', { x: 8, y: footerY + i * 15 }, text(l)))),
  );
}

/** The footer line of a view export, in the export's language. */
export function viewFooter(provenance: ExportProvenance, lang: 'en' | 'ja' = 'en'): string {
  if (lang === 'ja') return `rolepath · データバージョン ${provenance.dataVersion} · 出力 ${footerTime(provenance.exportedAt)} · ${provenance.source}`;
  return `rolepath · data version ${provenance.dataVersion} · exported ${footerTime(provenance.exportedAt)} · ${provenance.source}`;
}
