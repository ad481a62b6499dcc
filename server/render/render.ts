/**
 * One route export in any server format: the text, its content type and a
 * download file name. The HTTP API, the CLI and the browser all call this, so
 * the same query gives the same file everywhere. Pure.
 */
import { cytoscapeJson } from './cy-json.js';
import { routeCsv } from './csv.js';
import { FORMAT_INFO, type ExportFormat } from '../contract/export.js';
import { routeFileName } from './file-names.js';
import { graphml } from './graphml.js';
import { mermaidFlowchart } from './mermaid.js';
import { edgeKinds, names, roleOf, routeGraph, type RouteExport } from './model.js';
import { ROUTE_COLOR } from './families.js';
import { routeSvg, type RouteSvgOptions } from './route-svg.js';
import { diagramStrings, moveMetric } from './strings.js';

export interface RenderedExport {
  format: ExportFormat;
  body: string;
  contentType: string;
  fileName: string;
}

/** "Customer support → Product manager, most likely" in the export's language. */
export function routeTitle(input: Pick<RouteExport, 'query' | 'roles' | 'lang'>): string {
  const s = diagramStrings(input.lang);
  const name = (id: string) => names(roleOf(input.roles, id), input.lang).primary;
  return s.title(name(input.query.from), name(input.query.to), s.mode[input.query.mode]);
}

/** Renders `input` (one route with its provenance) as `format`. */
export function renderRouteExport(format: ExportFormat, input: RouteExport, svgOptions: RouteSvgOptions = {}): RenderedExport {
  const graph = routeGraph(input.route, input.roles, input.lang);
  let body: string;
  switch (format) {
    case 'svg':
      body = routeSvg(input, svgOptions);
      break;
    case 'mermaid':
      body = mermaidFlowchart(graph, {
        title: routeTitle(input),
        lang: input.lang,
        provenance: input.provenance,
        direction: svgOptions.direction === 'tb' ? 'TB' : 'LR',
        skills: true,
        routeColour: true,
      });
      break;
    case 'graphml':
      body = graphml(graph, { lang: input.lang, provenance: input.provenance, edgeColor: ROUTE_COLOR });
      break;
    case 'csv':
      body = routeCsv(input.route, input.roles, input.provenance);
      break;
    case 'json':
      body = `${JSON.stringify(
        cytoscapeJson(graph, input.provenance, { edgeLabel: (e) => `${e.step ?? ''}. ${moveMetric(input.lang, e.count, e.probability, edgeKinds(e))}` }),
        null,
        2,
      )}\n`;
      break;
  }
  return {
    format,
    body,
    contentType: FORMAT_INFO[format].contentType,
    fileName: routeFileName(input.query, input.alt + 1, FORMAT_INFO[format].extension),
  };
}
