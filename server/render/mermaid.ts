/**
 * Mermaid flowchart text (pastes into Markdown on GitHub, GitLab, Notion,
 * Obsidian …): roles as boxes coloured by family, moves as labelled arrows,
 * the provenance as `%%` comments. Every label is a quoted string with
 * Mermaid's entity codes for the characters its grammar reserves. Pure.
 */
import { FAMILY_STYLE, ROUTE_COLOR } from './families.js';
import type { RoleFamily } from '../contract/graph-data.js';
import type { ExportGraph, ExportLang } from './model.js';
import type { ExportProvenance } from '../contract/export.js';
import { provenanceLines } from './provenance.js';
import { diagramStrings } from './strings.js';
import { inkOn, shade } from './svg.js';

export interface MermaidOptions {
  title: string;
  lang: ExportLang;
  provenance: ExportProvenance;
  /** LR (default) or TB. */
  direction?: 'LR' | 'TB';
  /** Label moves with their skills too (route exports). */
  skills?: boolean;
  /** Draw the moves in the route colour (route exports). */
  routeColour?: boolean;
}

/**
 * Text inside a Mermaid `"…"` label: `#` first (it starts entity codes), then
 * the quote, `<`, `>` and `&`; line breaks become `<br/>`.
 */
export function mermaidText(s: string): string {
  return s
    .replace(/#/g, '#35;')
    .replace(/"/g, '#quot;')
    .replace(/&/g, '#amp;')
    .replace(/</g, '#lt;')
    .replace(/>/g, '#gt;')
    .replace(/\r?\n/g, '<br/>');
}

/** A comment line: no line breaks, and nothing that could read as a `%%{…}%%` directive. */
const comment = (s: string) => `%% ${s.replace(/[\r\n]+/g, ' ').replace(/%%/g, '% %').replace(/^\{/, '(')}`;

/** YAML double-quoted scalar for the front-matter title. */
const yamlString = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/[\r\n]+/g, ' ')}"`;

/** A Mermaid flowchart of `graph`. */
export function mermaidFlowchart(graph: ExportGraph, options: MermaidOptions): string {
  const s = diagramStrings(options.lang);
  const ids = new Map(graph.nodes.map((n, i) => [n.id, `n${i}`]));
  const out = ['---', `title: ${yamlString(options.title)}`, '---', comment('rolepath export'), ...provenanceLines(options.provenance).map(comment)];
  out.push(`flowchart ${options.direction ?? 'LR'}`);
  for (const n of graph.nodes) {
    const [primary, secondary] = options.lang === 'ja' ? [n.nameJa, n.name] : [n.name, n.nameJa];
    const label = secondary && secondary !== primary ? `${mermaidText(primary)}<br/>${mermaidText(secondary)}` : mermaidText(primary);
    out.push(`  ${ids.get(n.id)}["${label}"]`);
  }
  const known = graph.edges.filter((e) => ids.has(e.source) && ids.has(e.target));
  known.forEach((e) => {
    const parts = [e.step !== undefined ? `${e.step}. ${s.step(e.count, e.probability)}` : s.step(e.count, e.probability)];
    if (options.skills && e.skills.length) parts.push(e.skills.join(', '));
    const arrow = e.kind === 'split' || e.count === 0 ? '-.->' : '-->';
    out.push(`  ${ids.get(e.source)} ${arrow}|"${parts.map(mermaidText).join('<br/>')}"| ${ids.get(e.target)}`);
  });
  const families = [...new Set(graph.nodes.map((n) => n.family))];
  for (const f of families) {
    const color = FAMILY_STYLE[f as RoleFamily]?.color ?? '#999999';
    out.push(`  classDef ${f.replace(/-/g, '_')} fill:${color},stroke:${shade(color, -0.3)},color:${inkOn(color)}`);
    out.push(`  class ${graph.nodes.filter((n) => n.family === f).map((n) => ids.get(n.id)).join(',')} ${f.replace(/-/g, '_')}`);
  }
  if (options.routeColour && known.length) out.push(`  linkStyle default stroke:${ROUTE_COLOR},stroke-width:3px,color:#1f2933`);
  return `${out.join('\n')}\n`;
}
