/**
 * Mermaid flowchart text (pastes into Markdown on GitHub, GitLab, Notion,
 * Obsidian …): roles as boxes coloured by family, moves as labelled arrows,
 * the provenance as `%%` comments. Every label is a quoted string with
 * Mermaid's entity codes for the characters its grammar reserves. Pure.
 */
import { FAMILY_STYLE, ROUTE_COLOR } from './families.js';
import type { RoleFamily } from '../contract/graph-data.js';
import { drawnKind, edgeKinds, type ExportGraph, type ExportLang } from './model.js';
import type { ExportProvenance } from '../contract/export.js';
import { provenanceLines } from './provenance.js';
import { moveMetric } from './strings.js';
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

/** Line dashes of the moves that are not moves people made (Mermaid draws square line ends, so dots are short dashes). */
const MERMAID_DASH = { recommended: '2 5', split: '9 5' } as const;

/** A Mermaid flowchart of `graph`. */
export function mermaidFlowchart(graph: ExportGraph, options: MermaidOptions): string {
  const ids = new Map(graph.nodes.map((n, i) => [n.id, `n${i}`]));
  const out = ['---', `title: ${yamlString(options.title)}`, '---', comment('rolepath export'), ...provenanceLines(options.provenance).map(comment)];
  out.push(`flowchart ${options.direction ?? 'LR'}`);
  for (const n of graph.nodes) {
    const [primary, secondary] = options.lang === 'ja' ? [n.nameJa, n.name] : [n.name, n.nameJa];
    const label = secondary && secondary !== primary ? `${mermaidText(primary)}<br/>${mermaidText(secondary)}` : mermaidText(primary);
    out.push(`  ${ids.get(n.id)}["${label}"]`);
  }
  const known = graph.edges.filter((e) => ids.has(e.source) && ids.has(e.target));
  // What each move is, in words and in the line: a move people made solid, a recommendation dotted, a split dashed.
  const dashes: string[] = [];
  known.forEach((e, i) => {
    const kinds = edgeKinds(e);
    const drawn = e.count > 0 ? drawnKind(e) : null;
    const metric = moveMetric(options.lang, e.count, e.probability, kinds);
    const parts = [e.step !== undefined ? `${e.step}. ${metric}` : metric];
    if (options.skills && e.skills.length) parts.push(e.skills.join(', '));
    const arrow = drawn === 'move' || (drawn === null && e.count > 0) ? '-->' : '-.->';
    out.push(`  ${ids.get(e.source)} ${arrow}|"${parts.map(mermaidText).join('<br/>')}"| ${ids.get(e.target)}`);
    // A numbered linkStyle replaces the default one for its link, so it repeats the route colour.
    const base = options.routeColour ? `stroke:${ROUTE_COLOR},stroke-width:3px,color:#1f2933,` : '';
    if (drawn === 'recommended' || drawn === 'split') dashes.push(`  linkStyle ${i} ${base}stroke-dasharray:${MERMAID_DASH[drawn]}`);
  });
  const families = [...new Set(graph.nodes.map((n) => n.family))];
  for (const f of families) {
    const color = FAMILY_STYLE[f as RoleFamily]?.color ?? '#999999';
    out.push(`  classDef ${f.replace(/-/g, '_')} fill:${color},stroke:${shade(color, -0.3)},color:${inkOn(color)}`);
    out.push(`  class ${graph.nodes.filter((n) => n.family === f).map((n) => ids.get(n.id)).join(',')} ${f.replace(/-/g, '_')}`);
  }
  if (options.routeColour && known.length) out.push(`  linkStyle default stroke:${ROUTE_COLOR},stroke-width:3px,color:#1f2933`);
  out.push(...dashes);
  return `${out.join('\n')}\n`;
}
