/**
 * Honest moves in every route export: each move says what it is (a move people
 * made, an author's recommendation, an organisational split) in words and in
 * its line (solid, dotted, dashed), and a search over moves people made only
 * says so in the diagram.
 */
import { describe, expect, it } from 'vitest';
import type { ExportProvenance } from '../../server/contract/export.js';
import type { RouteDto } from '../../server/contract/routes.js';
import type { RoleInfo, RouteExport } from '../../server/render/model.js';
import { drawnKind } from '../../server/render/model.js';
import { describeSource } from '../../server/render/provenance.js';
import { renderRouteExport } from '../../server/render/render.js';
import { routeExportInput } from '../../server/render/route-export.js';
import { elements, parseCsv, parseMermaid, parseXml, textOf } from '../fixtures/export-check.js';

const roles = new Map<string, RoleInfo>(
  [
    { id: 'bizops', name: 'BizOps', nameJa: 'BizOps', family: 'bizops' },
    { id: 'sales', name: 'Sales', nameJa: '営業', family: 'profit-centre' },
    { id: 'ga', name: 'General affairs', nameJa: '総務', family: 'back-office' },
    { id: 'pm', name: 'Product manager', nameJa: 'プロダクトマネージャー', family: 'engineering' },
  ].map((r) => [r.id, r as RoleInfo]),
);
const step = (from: string, to: string, kinds: RouteDto['steps'][number]['kinds']) => ({ from, to, count: 1, probability: 0.5, kinds, skills: [], evidence: [] });
const route: RouteDto = {
  roles: ['bizops', 'sales', 'ga', 'pm'],
  hops: 3,
  probability: 0.125,
  travellers: null,
  steps: [step('bizops', 'sales', ['recommended']), step('sales', 'ga', ['split']), step('ga', 'pm', ['move', 'recommended'])],
};
const query = { from: 'bizops', to: 'pm', mode: 'fewest' as const, k: 3, maxHops: 6, avoid: [], via: null, families: [], minCount: 1 };
const provenance: ExportProvenance = { generator: 'rolepath', scope: 'route', query, route: 1, dataVersion: 'v1', exportedAt: '2025-06-01T09:30:00.000Z', source: 'test' };
const input = (lang: 'en' | 'ja', q: RouteExport['query'] = query): RouteExport => ({ route, query: q, alt: 0, total: 1, roles, provenance: { ...provenance, query: q }, lang });

describe('what each move is, in every export', () => {
  it('a move with any account of people making it is drawn as one', () => {
    expect(route.steps.map((s) => drawnKind({ kinds: s.kinds }))).toEqual(['recommended', 'split', 'move']);
  });

  it('SVG path diagram: words on each move, dotted/dashed/solid lines, and the legend names the kinds', () => {
    for (const [lang, words] of [
      ['en', ["author's recommendation", 'organisational split', "move people made / author's recommendation"]],
      ['ja', ['筆者の推奨ルート', '組織の分化', '実際の移動 / 筆者の推奨ルート']],
    ] as const) {
      const svg = renderRouteExport('svg', input(lang)).body;
      const tree = parseXml(svg);
      const moves = elements(tree, 'g').filter((g) => g.attrs['@class'] === 'move');
      expect(moves).toHaveLength(3);
      moves.forEach((m, i) => {
        const label = elements(m.children, 'text').map((t) => t.text).join(' ');
        expect(label).toContain(words[i]);
      });
      const dashes = moves.map((m) => elements(m.children, 'line')[0]?.attrs['@stroke-dasharray'] ?? null);
      expect(dashes[0]).toMatch(/^0\.4 /);
      expect(dashes[1]).toMatch(/^12 /);
      expect(dashes[2]).toBeNull();
      const legend = elements(tree, 'g').find((g) => g.attrs['@class'] === 'legend')!;
      const legendText = elements(legend.children, 'text').map((t) => t.text).join(' | ');
      for (const w of lang === 'en' ? ['move people made', "author's recommendation", 'organisational split'] : ['実際の移動', '筆者の推奨ルート', '組織の分化']) {
        expect(legendText).toContain(w);
      }
    }
  });

  it('SVG: a search over moves people made only says so among the constraints', () => {
    const only = { ...query, kinds: ['move' as const] };
    expect(renderRouteExport('svg', input('en', only)).body).toContain('moves people made only');
    expect(renderRouteExport('svg', input('ja', only)).body).toContain('実際の移動のみ');
    expect(renderRouteExport('svg', input('en', { ...query, kinds: ['move', 'recommended', 'split'] })).body).not.toContain(' only');
    // The query recorded in the text formats and the CSV carries the choice too.
    expect(renderRouteExport('mermaid', input('en', only)).body).toContain('minCount=1&kinds=move');
    expect(parseCsv(renderRouteExport('csv', input('en', only)).body)[0]!.route_query).toContain('kinds=move');
  });

  it('Mermaid: dotted arrows with dashes for recommendations and splits, the kind in each label; parses', async () => {
    const text = renderRouteExport('mermaid', input('ja')).body;
    const arrows = text.split('\n').filter((l) => /-->|-\.->/.test(l));
    expect(arrows.map((l) => (l.includes('-.->') ? 'dotted' : 'solid'))).toEqual(['dotted', 'dotted', 'solid']);
    expect(arrows[0]).toContain('筆者の推奨ルート');
    expect(arrows[1]).toContain('組織の分化');
    expect(text).toMatch(/linkStyle 0 .*stroke-dasharray:2 5/);
    expect(text).toMatch(/linkStyle 1 .*stroke-dasharray:9 5/);
    expect(text).not.toMatch(/linkStyle 2 /);
    await parseMermaid(text);
  });

  it('GraphML: a kind attribute and yEd line styles', () => {
    const tree = parseXml(renderRouteExport('graphml', input('en')).body);
    const styles = elements(tree, 'y:LineStyle').map((l) => l.attrs['@type']);
    expect(styles).toEqual(['dotted', 'dashed', 'line']);
    const kinds = elements(tree, 'edge').map((e) => elements(e.children, 'data').find((d) => d.attrs['@key'] === 'kind')?.text);
    expect(kinds).toEqual(['recommended', 'split', 'move recommended']);
  });

  it('CSV: a kind column', () => {
    const rows = parseCsv(renderRouteExport('csv', input('en')).body);
    expect(rows.map((r) => r.kind)).toEqual(['recommended', 'split', 'move; recommended']);
  });

  it('Cytoscape JSON: kind as drawn, every kind, and a stylesheet that draws them', () => {
    const doc = JSON.parse(renderRouteExport('json', input('en')).body);
    expect(doc.elements.edges.map((e: any) => e.data.kind)).toEqual(['recommended', 'split', 'move']);
    expect(doc.elements.edges[2].data.kinds).toEqual(['move', 'recommended']);
    expect(doc.elements.edges[0].data.label).toContain("author's recommendation");
    expect(doc.style.map((r: any) => r.selector)).toEqual(expect.arrayContaining(['edge[kind = "recommended"]', 'edge[kind = "split"]']));
  });
});

describe('the footer names the source in the export language', () => {
  it('ja: Japanese words around the dataset and article names; en unchanged', () => {
    expect(describeSource(['articles'], ['a.txt', 'b.txt'], 'ja')).toBe('rolepath 職種移動グラフ（データセット "articles"、根拠は a.txt、b.txt）');
    expect(describeSource(['articles'], ['a.txt'])).toBe('rolepath career-move graph, dataset "articles"; evidence from a.txt');
    const input = routeExportInput({ answer: { routes: [route], query, dataVersion: 'v1' }, alt: 0, roles, lang: 'ja', datasets: ['articles'], exportedAt: new Date(0) })!;
    const svg = renderRouteExport('svg', input).body;
    const footer = textOf(elements(parseXml(svg), 'g').find((g) => g.attrs['@class'] === 'footer')!.children);
    expect(footer).toContain('出典: rolepath 職種移動グラフ（データセット "articles"）');
  });
});

describe('skill chips in the export language', () => {
  it('ja: the Japanese skills on the path diagram and in Mermaid; en: the English ones', () => {
    const withSkills: RouteDto = { ...route, steps: route.steps.map((s, i) => (i === 0 ? { ...s, skills: ['customer empathy'], skillsJa: ['顧客への共感'] } : s)) };
    const at = (lang: 'en' | 'ja') => ({ ...input(lang), route: withSkills });
    expect(renderRouteExport('svg', at('ja')).body).toContain('顧客への共感');
    expect(renderRouteExport('svg', at('ja')).body).not.toContain('customer empathy');
    expect(renderRouteExport('mermaid', at('ja')).body).toContain('顧客への共感');
    expect(renderRouteExport('svg', at('en')).body).toContain('customer empathy');
  });
});
