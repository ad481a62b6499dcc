/**
 * Provenance as text: the query string and the comment lines the text formats
 * carry, and the human-readable source. The schema is in server/contract/export.ts. Pure.
 */
import type { ExportProvenance, ProvenanceQuery } from '../contract/export.js';
import type { DatasetUnit } from '../contract/datasets.js';

/** What a dataset's numbers count, in Japanese (the unit's name itself stays beside it, as in the API). */
const UNIT_JA: Record<DatasetUnit, string> = { people: '人数', accounts: '記事の事例数', probability: '確率のみ' };

/** The query as URL parameters of the route API (`from=…&to=…&mode=…`), leaving out empty lists. */
export function queryString(q: ProvenanceQuery): string {
  const p = new URLSearchParams({ from: q.from, to: q.to, mode: q.mode, k: String(q.k), maxHops: String(q.maxHops) });
  if (q.avoid.length) p.set('avoid', q.avoid.join(','));
  if (q.via) p.set('via', q.via);
  if (q.families.length) p.set('families', q.families.join(','));
  p.set('minCount', String(q.minCount));
  // Only a narrowed choice: every kind is the route API's default.
  if (q.kinds && q.kinds.length < 3) p.set('kinds', q.kinds.join(','));
  if (q.datasets?.length) p.set('datasets', q.datasets.join(','));
  return p.toString();
}

/** A few `key: value` lines for formats that carry provenance as comments. */
export function provenanceLines(p: ExportProvenance): string[] {
  return [
    `generator: ${p.generator} (${p.scope} export)`,
    `query: ${p.query ? queryString(p.query) : '(none)'}`,
    ...(p.route !== null ? [`route: ${p.route}`] : []),
    `data version: ${p.dataVersion}`,
    `exported at: ${p.exportedAt}`,
    `source: ${p.source}`,
  ];
}

/**
 * The human-readable data source: the datasets behind the export, what their numbers count (the answer's
 * `datasets.unit`, when known) and the articles its evidence quotes, in the export's language (the diagrams'
 * footers show it; dataset and file names stay as they are).
 */
export function describeSource(
  datasets: readonly string[],
  evidenceSources: readonly string[] = [],
  lang: 'en' | 'ja' = 'en',
  unit: DatasetUnit | null = null,
): string {
  if (lang === 'ja') {
    const ev = [...new Set(evidenceSources)];
    const unitText = unit && datasets.length ? `、単位 ${unit}（${UNIT_JA[unit]}）` : '';
    const sets = datasets.length ? `データセット ${datasets.map((d) => `"${d}"`).join('、')}${unitText}` : 'データセットなし';
    const evidence = ev.length ? `、根拠は ${ev.length <= 3 ? ev.join('、') : `${ev.length} 本の記事`}` : '';
    return `rolepath 職種移動グラフ（${sets}${evidence}）`;
  }
  const unitText = unit && datasets.length ? ` (unit: ${unit})` : '';
  const sets = datasets.length ? `dataset${datasets.length === 1 ? '' : 's'} ${datasets.map((d) => `"${d}"`).join(', ')}${unitText}` : 'no dataset';
  const ev = [...new Set(evidenceSources)];
  const evidence = ev.length ? `; evidence from ${ev.length <= 3 ? ev.join(', ') : `${ev.length} source articles`}` : '';
  return `rolepath career-move graph, ${sets}${evidence}`;
}
