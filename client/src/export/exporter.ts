/**
 * Makes the export files in the browser: the selected route (path diagram as
 * SVG or PNG, and its data as Cytoscape JSON, GraphML, Mermaid and CSV, all
 * with the same shared writers the server's export API uses) or the graph as
 * shown (PNG and SVG of the drawing, and its roles and moves as data, all read
 * through the view's ViewExport). Every file carries its provenance.
 */
import { cytoscapeJson } from '../../../server/render/cy-json.js';
import { FORMAT_INFO, type ExportProvenance } from '../../../server/contract/export.js';
import { routeFileName, viewFileName } from '../../../server/render/file-names.js';
import { graphml } from '../../../server/render/graphml.js';
import { mermaidFlowchart } from '../../../server/render/mermaid.js';
import type { RoleInfo, RouteExport } from '../../../server/render/model.js';
import { describeSource } from '../../../server/render/provenance.js';
import { renderRouteExport, routeTitle } from '../../../server/render/render.js';
import { routeExportInput, routeExportRoleIds } from '../../../server/render/route-export.js';
import { routeSvg, type DiagramDirection } from '../../../server/render/route-svg.js';
import type { DatasetUnit } from '../../../server/contract/datasets.js';
import type { RouteResponse } from '../../../server/contract/routes.js';
import { FAMILY_STYLE } from '../graph/families.js';
import type { RoleDirectory } from '../graph/role-directory.js';
import { t, type Lang } from '../i18n/strings.js';
import { saveFile } from '../queries/download.js';
import { addPngText } from './png-text.js';
import { planPng, type PngPlan } from './png-plan.js';
import type { ViewExport } from './view-export.js';
import { viewFooter, viewSvg } from './view-svg.js';

export type ExportScope = 'route' | 'view';
export const CLIENT_FORMATS = ['png', 'svg', 'json', 'graphml', 'mermaid', 'csv'] as const;
export type ClientFormat = (typeof CLIENT_FORMATS)[number];

export interface ExportOptions {
  scope: ExportScope;
  format: ClientFormat;
  /** PNG: 1–4. */
  scale: number;
  background: 'white' | 'transparent';
  /** View PNG/SVG: the whole graph or the part in view. */
  area: 'full' | 'visible';
  /** Path diagram: left to right, top to bottom, or chosen by length. */
  direction: DiagramDirection | 'auto';
  lang: Lang;
}

/** What the exporter reads from the page. */
export interface ExportSource {
  /** The graph view, or null before one is drawn. */
  view(): ViewExport | null;
  /** The route answer shown and the chosen alternative, or null. */
  route(): { response: RouteResponse; alt: number } | null;
  directory(): RoleDirectory;
  /** The data version of the graph on screen. */
  dataVersion(): Promise<string>;
  /** The datasets of the graph on screen. */
  datasets(): string[];
  /** What their numbers count (the graph answer's `datasets.unit`), when known. */
  unit?(): DatasetUnit | null;
}

export interface ExportFile {
  blob: Blob;
  fileName: string;
  /** PNG: the size drawn and whether the scale had to be lowered. */
  png?: PngPlan & { asked: number };
}

/** True when `format` can be exported for `scope` (CSV is the route's steps only). */
export const supports = (scope: ExportScope, format: ClientFormat): boolean => !(scope === 'view' && format === 'csv');

/** Role names and families for the ids given. */
function roleMap(directory: RoleDirectory, ids: Iterable<string>): Map<string, RoleInfo> {
  const map = new Map<string, RoleInfo>();
  for (const id of ids) {
    const r = directory.get(id);
    if (r) map.set(id, r);
  }
  return map;
}

/** The route export input for what the page shows, or null with no route. */
export function routeInput(source: ExportSource, lang: Lang, now = new Date()): RouteExport | null {
  const shown = source.route();
  if (!shown) return null;
  const roles = roleMap(source.directory(), routeExportRoleIds(shown.response, shown.alt));
  return routeExportInput({ answer: shown.response, alt: shown.alt, roles, lang, datasets: source.datasets(), exportedAt: now });
}

/** The path diagram SVG of the route shown (for the preview). */
export function previewSvg(source: ExportSource, lang: Lang, direction: ExportOptions['direction']): string | null {
  const input = routeInput(source, lang);
  return input ? routeSvg(input, { direction }) : null;
}

const svgSize = (svg: string) => {
  const m = /<svg[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"/.exec(svg);
  return { width: Number(m?.[1] ?? 800), height: Number(m?.[2] ?? 600) };
};

/** Draws an SVG document onto a canvas at `plan.scale` and encodes it as PNG. */
async function rasterise(svg: string, plan: PngPlan): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = plan.width;
    canvas.height = plan.height;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('This browser cannot draw the image.');
    ctx.drawImage(img, 0, 0, plan.width, plan.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('The image could not be encoded.'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** PNG text chunks for `provenance`. */
function pngTexts(provenance: ExportProvenance, title: string): Record<string, string> {
  return {
    Title: title,
    Software: 'rolepath',
    Source: provenance.source,
    'Creation Time': provenance.exportedAt,
    'rolepath:provenance': JSON.stringify(provenance),
  };
}

async function withText(png: Blob, provenance: ExportProvenance, title: string): Promise<Blob> {
  const bytes = addPngText(new Uint8Array(await png.arrayBuffer()), pngTexts(provenance, title));
  return new Blob([bytes as BlobPart], { type: 'image/png' });
}

const textBlob = (body: string, contentType: string) => new Blob([body], { type: contentType });

async function exportRoute(source: ExportSource, o: ExportOptions): Promise<ExportFile> {
  const input = routeInput(source, o.lang);
  if (!input) throw new Error(t(o.lang).exportNoRoute);
  if (o.format !== 'png') {
    const out = renderRouteExport(o.format, input, { direction: o.direction, background: o.background });
    return { blob: textBlob(out.body, out.contentType), fileName: out.fileName };
  }
  const svg = routeSvg(input, { direction: o.direction, background: o.background });
  const { width, height } = svgSize(svg);
  const plan = planPng(width, height, o.scale);
  const png = await withText(await rasterise(svg, plan), input.provenance, routeTitle(input));
  return { blob: png, fileName: routeFileName(input.query, input.alt + 1, 'png'), png: { ...plan, asked: o.scale } };
}

async function exportView(source: ExportSource, o: ExportOptions): Promise<ExportFile> {
  const view = source.view();
  if (!view) throw new Error(t(o.lang).exportNoGraph);
  const shown = source.route();
  const route = shown?.response.routes[shown.alt];
  const exportedAt = new Date().toISOString();
  const provenance: ExportProvenance = {
    generator: 'rolepath',
    scope: 'view',
    query: shown && route ? shown.response.query : null,
    route: shown && route ? shown.alt + 1 : null,
    dataVersion: shown && route ? shown.response.dataVersion : await source.dataVersion(),
    exportedAt,
    source: describeSource([...source.datasets()].sort(), [], o.lang, source.unit?.() ?? null),
  };
  const s = t(o.lang);
  const title = shown && route ? `rolepath — ${routeTitle({ query: shown.response.query, roles: roleMap(source.directory(), route.roles), lang: o.lang })}` : 'rolepath — role graph';
  const name = (ext: string) => viewFileName(exportedAt, ext);
  switch (o.format) {
    case 'png': {
      const full = o.area === 'full';
      const base = view.pictureSize(full);
      const plan = planPng(full ? Math.ceil(base.w) : base.w, full ? Math.ceil(base.h) : base.h, o.scale);
      // With a scale given, a maxWidth only stops Cytoscape multiplying by the screen's pixel ratio: the size is exactly scale × the picture.
      const blob = await view.png({ full, scale: plan.scale, maxWidth: plan.width + 1, background: o.background === 'white' ? '#ffffff' : undefined });
      return { blob: await withText(blob, provenance, title), fileName: name('png'), png: { ...plan, asked: o.scale } };
    }
    case 'svg': {
      const legend = {
        title: s.legendTitle,
        families: Object.values(FAMILY_STYLE).map((f) => ({ color: f.color, label: f[o.lang] })),
        move: s.legendMove,
        split: s.legendSplit,
        recommended: s.legendRecommended,
      };
      const scene = view.scene({ area: o.area, legend, footer: viewFooter(provenance, o.lang), lang: o.lang, background: o.background });
      return { blob: textBlob(viewSvg(scene, provenance), FORMAT_INFO.svg.contentType), fileName: name('svg') };
    }
    case 'json': {
      const doc = cytoscapeJson(view.shownGraph(), provenance, { style: view.styleJson() });
      return { blob: textBlob(`${JSON.stringify(doc, null, 2)}\n`, FORMAT_INFO.json.contentType), fileName: name('json') };
    }
    case 'graphml':
      return { blob: textBlob(graphml(view.shownGraph(), { lang: o.lang, provenance }), FORMAT_INFO.graphml.contentType), fileName: name('graphml') };
    case 'mermaid': {
      const text = mermaidFlowchart(view.shownGraph(), { title, lang: o.lang, provenance, direction: 'LR' });
      return { blob: textBlob(text, FORMAT_INFO.mermaid.contentType), fileName: name('mmd') };
    }
    case 'csv':
      throw new Error(s.exportCsvRouteOnly);
  }
}

/** Makes one export file. */
export function makeExport(source: ExportSource, options: ExportOptions): Promise<ExportFile> {
  return options.scope === 'route' ? exportRoute(source, options) : exportView(source, options);
}

/** Saves `file` through the browser's download. */
export function download(file: ExportFile): void {
  saveFile({ blob: file.blob, filename: file.fileName });
}
