/**
 * Reads the drawing off a Cytoscape instance for the exporters (the view
 * hands them the results through ViewExport): every displayed role and move
 * with its on-screen style (colour, size, border, opacity, curve, arrowhead,
 * label lines as Cytoscape wraps them), for view-svg.ts to write as SVG; and
 * the roles and moves shown, as data. Needs a live `cy` and a canvas for text
 * measuring, so it runs in the browser.
 */
import type { Core, EdgeSingular, NodeSingular, SingularElementArgument } from 'cytoscape';
import type { RoleFamily } from '../../../server/contract/graph-data.js';
import type { ExportGraph } from '../../../server/render/model.js';
import type { SceneFrame } from '../export/view-export.js';
import type { Point, Scene, SceneEdge, SceneLabel, SceneNode } from '../export/view-svg.js';

/** Cytoscape's arrow size for an edge width (BRp.getArrowWidth); the triangle is 0.3 of it long and wide. */
const arrowSize = (edgeWidth: number, scale: number) => Math.max(Math.pow(edgeWidth * 13.37, 0.9), 29) * scale;

let measurer: CanvasRenderingContext2D | null = null;
function measure(text: string, font: string): number {
  measurer ??= document.createElement('canvas').getContext('2d');
  if (!measurer) return text.length * 7;
  measurer.font = font;
  return measurer.measureText(text).width;
}

/** Splits a label as Cytoscape's `text-wrap: wrap` does: at spaces, or between any characters with `text-overflow-wrap: anywhere`. */
function wrap(text: string, max: number, font: string, anywhere: boolean): string[] {
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    const words = anywhere ? [...paragraph] : paragraph.split(/(?<=\s)/);
    let line = '';
    for (const w of words) {
      if (line && measure((line + w).trimEnd(), font) > max) {
        out.push(line.trimEnd());
        line = w.trimStart();
      } else line += w;
    }
    out.push(line.trimEnd());
  }
  return out;
}

/** A style property as text (colours as rgb(…), mapped labels resolved). */
const str = (e: SingularElementArgument, p: string) => String(e.style(p) ?? '');
/** A style property as a number in pixels (or unitless for opacities and scales). */
const px = (e: SingularElementArgument, p: string) => Number(e.numericStyle(p)) || 0;
const val = px;

function label(e: SingularElementArgument, x: number, top: number, zoom: number, centreVertically: boolean): SceneLabel | null {
  const content = str(e, 'label');
  const size = px(e, 'font-size');
  // Labels Cytoscape leaves out at this zoom (min-zoomed-font-size) are left out here too.
  if (!content || size * zoom < px(e, 'min-zoomed-font-size') || val(e, 'text-opacity') === 0) return null;
  const family = str(e, 'font-family');
  const weight = str(e, 'font-weight');
  const font = `${str(e, 'font-style')} ${weight} ${size}px ${family}`;
  const lines = str(e, 'text-wrap') === 'wrap' ? wrap(content, px(e, 'text-max-width'), font, str(e, 'text-overflow-wrap') === 'anywhere') : [content];
  const lineHeight = val(e, 'line-height') || 1;
  const h = lines.length * size * lineHeight;
  const bgOpacity = val(e, 'text-background-opacity');
  return {
    lines,
    x,
    top: centreVertically ? top - h / 2 : top,
    size,
    lineHeight,
    color: str(e, 'color'),
    weight,
    fontFamily: family,
    opacity: val(e, 'text-opacity'),
    width: Math.max(...lines.map((l) => measure(l, font))),
    background: bgOpacity > 0 ? { color: str(e, 'text-background-color'), opacity: bgOpacity, padding: px(e, 'text-background-padding'), round: /round/.test(str(e, 'text-background-shape')) } : null,
  };
}

function sceneNode(n: NodeSingular, zoom: number): SceneNode {
  const { x, y } = n.position();
  const shape = str(n, 'shape');
  return {
    id: n.id(),
    x,
    y,
    width: n.width(),
    height: n.height(),
    shape: shape === 'ellipse' ? 'ellipse' : /round/.test(shape) ? 'roundrectangle' : 'rectangle',
    fill: str(n, 'background-color'),
    borderColor: str(n, 'border-color'),
    borderWidth: px(n, 'border-width'),
    opacity: n.effectiveOpacity(),
    z: val(n, 'z-index'),
    label: label(n, x, y + n.height() / 2 + px(n, 'padding') + px(n, 'text-margin-y'), zoom, false),
  };
}

function sceneEdge(e: EdgeSingular, zoom: number): SceneEdge {
  const cps = str(e, 'curve-style') === 'bezier' || str(e, 'curve-style') === 'unbundled-bezier' ? (e.controlPoints() ?? []) : [];
  const points: Point[] = [e.sourceEndpoint(), ...cps, e.targetEndpoint()].map((p) => ({ x: p.x, y: p.y }));
  const width = px(e, 'width');
  const size = arrowSize(width, val(e, 'arrow-scale'));
  const mid = e.midpoint();
  return {
    id: e.id(),
    points,
    curved: cps.length > 0,
    color: str(e, 'line-color'),
    width,
    dashed: str(e, 'line-style') === 'dashed',
    dotted: str(e, 'line-style') === 'dotted',
    opacity: e.effectiveOpacity(),
    z: val(e, 'z-index'),
    arrow: str(e, 'target-arrow-shape') === 'none' ? null : { color: str(e, 'target-arrow-color'), length: size * 0.3, halfWidth: size * 0.15 },
    label: label(e, mid.x, mid.y, zoom, true),
  };
}

/** The scene of what `cy` displays: all of it (`full`) at 1 px per unit, or the part in the viewport as shown. */
export function readScene(cy: Core, frame: SceneFrame): Scene {
  const shown = cy.elements().filter((e) => e.visible());
  // Drawn at the screen's zoom (visible part) or at 1 px per unit (whole graph).
  const zoom = frame.area === 'visible' ? cy.zoom() : 1;
  const nodes = shown.nodes().map((n) => sceneNode(n, zoom));
  const edges = shown.edges().map((e) => sceneEdge(e, zoom));
  let bounds;
  if (frame.area === 'visible') {
    const ext = cy.extent();
    bounds = { x1: ext.x1, y1: ext.y1, x2: ext.x2, y2: ext.y2 };
  } else {
    const bb = shown.boundingBox({});
    const pad = 20;
    bounds = { x1: bb.x1 - pad, y1: bb.y1 - pad, x2: bb.x2 + pad, y2: bb.y2 + pad };
  }
  return { nodes, edges, bounds, zoom, clip: frame.area === 'visible', legend: frame.legend, footer: frame.footer, lang: frame.lang, background: frame.background };
}

/** The roles and moves `cy` displays, with their positions and classes (an overview's groups and summed moves too). */
export function shownGraph(cy: Core): ExportGraph {
  const shown = cy.elements().filter((e) => e.visible());
  return {
    nodes: shown.nodes().map((n) => ({
      id: n.id(),
      name: String(n.data('label')),
      nameJa: String(n.data('labelJa')),
      family: n.data('family') as RoleFamily,
      position: { ...n.position() },
      classes: n.classes().join(' ') || undefined,
    })),
    edges: shown.edges().map((e) => ({
      id: e.id(),
      source: e.source().id(),
      target: e.target().id(),
      count: Number(e.data('count')),
      // A sum of moves between groups has no probability of its own.
      probability: Number(e.data('probability') ?? 0),
      skills: [...((e.data('skills') as string[] | undefined) ?? [])],
      kind: e.data('kind'),
      dataset: e.data('dataset'),
      classes: e.classes().join(' ') || undefined,
    })),
  };
}
