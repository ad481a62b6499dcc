/**
 * What the exporters read from the graph on screen, without touching
 * Cytoscape: the graph view (client/src/graph/view.ts) implements it, so only
 * client/src/graph imports Cytoscape.
 */
import type { StyleRule } from '../../../server/render/cy-json.js';
import type { ExportGraph } from '../../../server/render/model.js';
import type { Scene } from './view-svg.js';

/** What a scene needs besides the drawing. */
export interface SceneFrame {
  area: 'full' | 'visible';
  legend: Scene['legend'];
  footer: string;
  lang: Scene['lang'];
  background: Scene['background'];
}

/** PNG options, as the view draws it. */
export interface ViewPngOptions {
  /** The whole drawing, or the part in the viewport. */
  full: boolean;
  scale: number;
  /** Stops the renderer multiplying by the screen's pixel ratio (the size is exactly scale × the picture). */
  maxWidth: number;
  /** Background colour; none = transparent. */
  background?: string | undefined;
}

/** The graph view as the exporters see it. */
export interface ViewExport {
  /** Size of the picture at scale 1: the whole drawing (model units) or the viewport (pixels). */
  pictureSize(full: boolean): { w: number; h: number };
  /** The drawing as PNG. */
  png(options: ViewPngOptions): Promise<Blob>;
  /** Every drawn element with its on-screen style, for the SVG writer. */
  scene(frame: SceneFrame): Scene;
  /** The roles and moves drawn (in an overview also its groups and summed moves), with positions and classes. */
  shownGraph(): ExportGraph;
  /** The stylesheet as JSON (what cytoscape(json) takes back). */
  styleJson(): StyleRule[];
}
