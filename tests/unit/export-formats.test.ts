/**
 * The shared route exporters (server/render), checked with real
 * parsers: SVG and GraphML with an XML parser, Mermaid with Mermaid's own
 * parser, CSV with csv-parse, Cytoscape JSON by loading it into Cytoscape.
 * Role names include Japanese, quotes, `<&>` and `#` to prove the escaping.
 */
import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { csvField } from '../../server/render/csv.js';
import { mermaidText } from '../../server/render/mermaid.js';
import type { RoleInfo, RouteExport } from '../../server/render/model.js';
import { exportProvenance, routeExportQuery, type ExportProvenance } from '../../server/contract/export.js';
import { renderRouteExport } from '../../server/render/render.js';
import { routeSvg } from '../../server/render/route-svg.js';
import { textWidth, wrapText, xmlEscape } from '../../server/render/text.js';
import type { RouteDto } from '../../server/contract/routes.js';
import { elements, mermaidShown, parseCsv, parseMermaid, parseXml, svgProvenance, textOf } from '../fixtures/export-check.js';

const roles = new Map<string, RoleInfo>(
  [
    { id: 'cs', name: 'Customer support', nameJa: 'カスタマーサービス', family: 'customer-support' },
    { id: 'qa', name: 'QA "quality" <lead> & C#', nameJa: '品質保証（QA）', family: 'engineering' },
    { id: 'pm', name: 'Product manager', nameJa: 'プロダクトマネージャー', family: 'engineering' },
  ].map((r) => [r.id, r as RoleInfo]),
);
const ev = (source: string) => ({ source, quote: '引用', gloss: 'A quote.' });
const route: RouteDto = {
  roles: ['cs', 'qa', 'pm'],
  hops: 2,
  probability: 0.12,
  travellers: null,
  steps: [
    { from: 'cs', to: 'qa', count: 3, probability: 0.3, skills: ['CS × QA', '=cmd|evil', 'customer "empathy"'], evidence: [ev('a.txt'), ev('b.txt')] },
    { from: 'qa', to: 'pm', count: 2, probability: 0.4, skills: ['quality × product'], evidence: [ev('a.txt')] },
  ],
};
const query = { from: 'cs', to: 'pm', mode: 'likely' as const, k: 3, maxHops: 6, avoid: [], via: null, families: [], minCount: 1 };
const provenance: ExportProvenance = {
  generator: 'rolepath',
  scope: 'route',
  query,
  route: 1,
  dataVersion: '3r-2t-deadbeef',
  exportedAt: '2025-06-01T09:30:00.000Z',
  source: 'rolepath career-move graph, dataset "articles"; evidence from a.txt, b.txt',
};
const input = (lang: 'en' | 'ja' = 'en'): RouteExport => ({ route, query, alt: 0, total: 1, roles, provenance, lang });

describe('path diagram SVG', () => {
  it('is well-formed XML with every role of the route, in both languages, and its provenance in <metadata>', () => {
    for (const lang of ['en', 'ja'] as const) {
      for (const direction of ['lr', 'tb'] as const) {
        const svg = routeSvg(input(lang), { direction });
        const tree = parseXml(svg);
        const cards = elements(tree, 'g').filter((g) => g.attrs['@class'] === 'role');
        expect(cards.map((c) => c.attrs['@data-role-id'])).toEqual(['cs', 'qa', 'pm']);
        for (const card of cards) {
          const role = roles.get(card.attrs['@data-role-id']!)!;
          // The title holds both names whole; the drawn text holds them too (wrapped lines joined).
          const title = elements(card.children, 'title')[0]!.text;
          expect(title).toContain(role.name);
          expect(title).toContain(role.nameJa);
          const drawn = elements(card.children, 'text').map((t) => t.text);
          for (const name of [role.name, role.nameJa]) expect(drawn.join(' ').replace(/\s+/g, ' ')).toContain(name.replace(/\s+/g, ' '));
        }
        expect(elements(tree, 'g').filter((g) => g.attrs['@class'] === 'move')).toHaveLength(2);
        expect(exportProvenance.parse(svgProvenance(svg))).toEqual(provenance);
        // The footer shows the source, data version and time to people too.
        const footer = textOf(elements(tree, 'g').find((g) => g.attrs['@class'] === 'footer')!.children);
        expect(footer).toContain('3r-2t-deadbeef');
        expect(footer).toContain('2025-06-01 09:30 UTC');
      }
    }
  });

  it('titles the diagram with the query, labels each move with accounts, probability and skills, and has a legend', () => {
    const tree = parseXml(routeSvg(input()));
    expect(elements(tree, 'text').find((t) => t.attrs['@class'] === 'diagram-title')?.text).toBe('Customer support → Product manager, most likely');
    const moves = elements(tree, 'g').filter((g) => g.attrs['@class'] === 'move');
    const texts = moves.map((m) => elements(m.children, 'text').map((t) => t.text));
    expect(texts[0]).toEqual(['1', '3 accounts · 30%', 'CS × QA', '=cmd|evil', 'customer "empathy"']);
    expect(texts[1]).toEqual(['2', '2 accounts · 40%', 'quality × product']);
    const legend = textOf(elements(tree, 'g').find((g) => g.attrs['@class'] === 'legend')!.children);
    expect(legend).toContain('Customer support');
    expect(legend).toContain('Engineering');
    const ja = parseXml(routeSvg(input('ja')));
    expect(elements(ja, 'text').find((t) => t.attrs['@class'] === 'diagram-title')?.text).toBe('カスタマーサービス → プロダクトマネージャー（確率が最高）');
  });

  it('lays out left to right by default for short routes and top to bottom for long ones; the background can be left out', () => {
    const wide = parseXml(routeSvg(input()));
    const svgAttrs = (tree: any[]) => elements(tree, 'svg')[0]!.attrs;
    expect(svgAttrs(wide)['@data-direction']).toBe('lr');
    expect(Number(svgAttrs(wide)['@width'])).toBeGreaterThan(Number(svgAttrs(wide)['@height']));
    const long: RouteDto = { ...route, roles: ['cs', 'qa', 'pm', 'qa', 'cs'], steps: [...route.steps, ...route.steps] };
    expect(svgAttrs(parseXml(routeSvg({ ...input(), route: long })))['@data-direction']).toBe('tb');
    const rects = (svg: string) => elements(parseXml(svg), 'rect').filter((r) => r.attrs['@fill'] === '#ffffff' && !r.attrs['@x']);
    expect(rects(routeSvg(input()))).toHaveLength(1);
    expect(rects(routeSvg(input(), { background: 'transparent' }))).toHaveLength(0);
  });
});

describe('GraphML', () => {
  it('parses, has one node per role and one edge per move, GraphML keys for every data item, and the provenance', () => {
    const out = renderRouteExport('graphml', input());
    const tree = parseXml(out.body);
    expect(elements(tree, 'node')).toHaveLength(3);
    const edges = elements(tree, 'edge');
    expect(edges.map((e) => [e.attrs['@source'], e.attrs['@target']])).toEqual([
      ['cs', 'qa'],
      ['qa', 'pm'],
    ]);
    const keys = new Set(elements(tree, 'key').map((k) => k.attrs['@id']));
    for (const d of elements(tree, 'data')) expect(keys.has(d.attrs['@key'])).toBe(true);
    const data = (key: string) => elements(tree, 'data').filter((d) => d.attrs['@key'] === key).map((d) => d.text);
    expect(data('label')).toEqual(['Customer support', 'QA "quality" <lead> & C#', 'Product manager']);
    expect(data('labelJa')).toContain('品質保証（QA）');
    expect(data('count')).toEqual(['3', '2']);
    expect(exportProvenance.parse(JSON.parse(data('provenance')[0]!))).toEqual(provenance);
    expect(out.contentType).toBe('application/graphml+xml; charset=utf-8');
    expect(out.fileName).toBe('rolepath-cs-to-pm-likely.graphml');
  });
});

describe('Mermaid', () => {
  it('parses with Mermaid, with every role and move, labels decoded as written, and the provenance in comments', async () => {
    const out = renderRouteExport('mermaid', input());
    const parsed = await parseMermaid(out.body);
    expect(parsed.type).toMatch(/^flowchart/);
    expect(parsed.vertices).toHaveLength(3);
    expect(parsed.edges.map((e) => [e.start, e.end])).toEqual([
      ['n0', 'n1'],
      ['n1', 'n2'],
    ]);
    // As Mermaid draws it, the label is the name as written.
    expect(mermaidShown(parsed.vertices[1]!.text)).toBe('QA "quality" <lead> & C#<br>品質保証（QA）');
    expect(mermaidShown(parsed.edges[0]!.text)).toBe('1. 3 accounts · 30%<br>CS × QA, =cmd|evil, customer "empathy"');
    expect(out.body).toContain('%% data version: 3r-2t-deadbeef');
    expect(out.body).toContain('%% query: from=cs&to=pm&mode=likely');
    expect(out.body).toContain('%% exported at: 2025-06-01T09:30:00.000Z');
  });

  it('escapes what Mermaid reserves, so hostile names cannot break the chart', async () => {
    expect(mermaidText('a"b<c>&d#e\nf')).toBe('a#quot;b#lt;c#gt;#amp;d#35;e<br/>f');
    const nasty = new Map(roles);
    nasty.set('cs', { id: 'cs', name: 'end"]) --> x[("%%{init}%%', nameJa: '|"|', family: 'bizops' });
    const parsed = await parseMermaid(renderRouteExport('mermaid', { ...input(), roles: nasty }).body);
    expect(parsed.vertices).toHaveLength(3);
    expect(parsed.edges).toHaveLength(2);
  });
});

describe('CSV', () => {
  it('has one row per step with names in both languages, guarded against formulas, and the provenance in each row', () => {
    const out = renderRouteExport('csv', input());
    expect(out.body.startsWith('\ufeff')).toBe(true);
    const rows = parseCsv(out.body);
    expect(rows).toHaveLength(route.steps.length);
    expect(rows.map((r) => [r.step, r.from_id, r.to_id, r.accounts])).toEqual([
      ['1', 'cs', 'qa', '3'],
      ['2', 'qa', 'pm', '2'],
    ]);
    expect(rows[0]!.to_name).toBe('QA "quality" <lead> & C#');
    expect(rows[0]!.from_name_ja).toBe('カスタマーサービス');
    expect(rows[0]!.skills).toBe('CS × QA; =cmd|evil; customer "empathy"');
    expect(rows[0]!.evidence_sources).toBe('a.txt; b.txt');
    for (const r of rows) {
      expect(r.data_version).toBe('3r-2t-deadbeef');
      expect(r.exported_at).toBe('2025-06-01T09:30:00.000Z');
      expect(r.route_query).toContain('from=cs&to=pm&mode=likely');
    }
    expect(csvField('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvField('-1')).toBe("'-1");
    expect(out.contentType).toMatch(/^text\/csv/);
  });
});

describe('Cytoscape JSON', () => {
  it('loads back into Cytoscape with the same roles and moves, positions, and a provenance field', () => {
    const doc = JSON.parse(renderRouteExport('json', input()).body);
    expect(exportProvenance.parse(doc.provenance)).toEqual(provenance);
    const cy = cytoscape({ headless: true, elements: doc.elements, style: doc.style, layout: doc.layout });
    expect(cy.nodes().map((n) => n.id())).toEqual(['cs', 'qa', 'pm']);
    expect(cy.edges().map((e) => `${e.source().id()}>${e.target().id()}`)).toEqual(['cs>qa', 'qa>pm']);
    expect(cy.getElementById('qa').position().x).toBeGreaterThan(cy.getElementById('cs').position().x);
    expect(cy.getElementById('qa').data('labelJa')).toBe('品質保証（QA）');
    cy.destroy();
  });
});

describe('export helpers', () => {
  it('escapes XML and drops characters XML cannot hold', () => {
    expect(xmlEscape(`<a href="x">'&'</a>\u0001`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
    expect(() => parseXml(`<t>${xmlEscape('\u0000\ud800ok')}</t>`)).not.toThrow();
  });

  it('wraps Latin text at spaces and Japanese between characters, never starting a line with ー or 。', () => {
    expect(wrapText('Accounting systems specialist', 100, 13)).toEqual(['Accounting', 'systems', 'specialist']);
    const ja = wrapText('マーケティングオペレーション担当', 60, 13);
    expect(ja.join('')).toBe('マーケティングオペレーション担当');
    expect(ja.length).toBeGreaterThan(1);
    for (const l of ja.slice(1)) expect(l[0]).not.toMatch(/[ー。、）]/);
    expect(textWidth('品質', 10)).toBeGreaterThan(textWidth('QA', 10));
  });

  it('validates the export query: formats, route number, language', () => {
    const ok = routeExportQuery.parse({ format: 'svg', from: 'cs', to: 'pm' });
    expect(ok).toMatchObject({ format: 'svg', route: 1, direction: 'auto', mode: 'fewest' });
    // The language is resolved later (lang=, then Accept-Language, then English): any tag parses, an unknown one is English.
    expect(routeExportQuery.parse({ format: 'svg', from: 'cs', to: 'pm', lang: 'fr' }).lang).toBe('fr');
    const bad = routeExportQuery.safeParse({ format: 'pdf', from: 'cs', to: 'pm' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toContain('svg, mermaid, graphml, csv, json');
  });
});
