/**
 * `GET /api/routes/export` over real HTTP on the seed graph: every format with
 * its content type and download name, checked with real parsers, carrying the
 * query, the data version /api/health reports and the export time; a bad
 * format is a 400 listing the formats, a query with no route a 404 with the reason.
 */
import cytoscape from 'cytoscape';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportProvenance } from '../../server/contract/export.js';
import { elements, mermaidShown, parseCsv, parseMermaid, parseXml, svgProvenance, textOf } from '../fixtures/export-check.js';
import { getJson, startTestServer, type TestServer } from './test-server.js';

let server: TestServer;
let dataVersion: string;
beforeAll(async () => {
  server = await startTestServer();
  dataVersion = (await getJson(server.url, '/api/health')).body.dataVersion;
});
afterAll(async () => {
  await server?.close();
});

async function get(q: string) {
  const res = await fetch(`${server.url}/api/routes/export?${q}`);
  return { status: res.status, type: res.headers.get('content-type'), disposition: res.headers.get('content-disposition'), body: await res.text() };
}

/** The provenance must name the query, this data version and a fresh time. */
function checkProvenance(p: unknown, from: string, to: string, mode: string) {
  const prov = exportProvenance.parse(p);
  expect(prov.query).toMatchObject({ from, to, mode });
  expect(prov.dataVersion).toBe(dataVersion);
  expect(Date.now() - Date.parse(prov.exportedAt)).toBeLessThan(60_000);
  expect(prov.source).toContain('"articles"');
}

describe('GET /api/routes/export', () => {
  it('svg: the path diagram, as XML naming every role of the route, with provenance', async () => {
    const res = await get('format=svg&from=accounting&to=finance&mode=likely');
    expect(res.status).toBe(200);
    expect(res.type).toBe('image/svg+xml; charset=utf-8');
    expect(res.disposition).toBe('attachment; filename="rolepath-accounting-to-finance-likely.svg"');
    const tree = parseXml(res.body);
    const drawn = textOf(tree);
    for (const name of ['Accounting', '経理', 'Budgeting', '予算管理', 'Cash-flow management', 'キャッシュフロー', 'Finance', 'ファイナンス']) expect(drawn).toContain(name);
    expect(elements(tree, 'g').filter((g) => g.attrs['@class'] === 'move')).toHaveLength(3);
    checkProvenance(svgProvenance(res.body), 'accounting', 'finance', 'likely');
  });

  it('svg in Japanese, top to bottom, names resolved from aliases', async () => {
    const res = await get(`format=svg&from=CS&to=${encodeURIComponent('プロダクトマネージャー')}&mode=likely&lang=ja&direction=tb`);
    expect(res.status).toBe(200);
    const tree = parseXml(res.body);
    expect(elements(tree, 'svg')[0]!.attrs['@data-direction']).toBe('tb');
    expect(elements(tree, 'text').find((t) => t.attrs['@class'] === 'diagram-title')?.text).toBe('カスタマーサポート → プロダクトマネージャー（確率が最高）');
    checkProvenance(svgProvenance(res.body), 'customer-support', 'product-manager', 'likely');
  });

  it('graphml: right node and edge counts and the provenance', async () => {
    const res = await get('format=graphml&from=sales&to=business-head&mode=travelled');
    expect(res.status).toBe(200);
    expect(res.type).toBe('application/graphml+xml; charset=utf-8');
    expect(res.disposition).toContain('rolepath-sales-to-business-head-travelled.graphml');
    const tree = parseXml(res.body);
    expect(elements(tree, 'node').map((n) => n.attrs['@id'])).toEqual(['sales', 'corporate-head', 'business-head']);
    expect(elements(tree, 'edge')).toHaveLength(2);
    const prov = elements(tree, 'data').find((d) => d.attrs['@key'] === 'provenance')!;
    checkProvenance(JSON.parse(prov.text), 'sales', 'business-head', 'travelled');
  });

  it('mermaid: parses with Mermaid, one box per role, one arrow per move', async () => {
    const res = await get('format=mermaid&from=accounting&to=finance');
    expect(res.status).toBe(200);
    expect(res.type).toBe('text/plain; charset=utf-8');
    expect(res.disposition).toContain('.mmd"');
    const chart = await parseMermaid(res.body);
    expect(chart.vertices.map((v) => mermaidShown(v.text).split('<br>')[0])).toEqual(['Accounting', 'Budgeting', 'Cash-flow management', 'Finance']);
    expect(chart.edges).toHaveLength(3);
    expect(res.body).toContain(`%% data version: ${dataVersion}`);
    expect(res.body).toContain('%% query: from=accounting&to=finance&mode=fewest');
  });

  it('csv: one row per step, with the provenance', async () => {
    const res = await get('format=csv&from=accounting&to=finance');
    expect(res.status).toBe(200);
    expect(res.type).toMatch(/^text\/csv; charset=utf-8/);
    const rows = parseCsv(res.body);
    expect(rows.map((r) => `${r.from_id}>${r.to_id}`)).toEqual(['accounting>budgeting', 'budgeting>cash-flow-management', 'cash-flow-management>finance']);
    for (const r of rows) expect(r.data_version).toBe(dataVersion);
  });

  it('json: Cytoscape JSON that loads back, with a provenance field', async () => {
    const route = (await getJson(server.url, '/api/routes?from=customer-support&to=community-manager')).body.routes[0];
    const res = await get('format=json&from=customer-support&to=community-manager');
    expect(res.status).toBe(200);
    expect(res.type).toBe('application/json; charset=utf-8');
    expect(res.disposition).toBe('attachment; filename="rolepath-customer-support-to-community-manager-fewest.json"');
    const doc = JSON.parse(res.body);
    checkProvenance(doc.provenance, 'customer-support', 'community-manager', 'fewest');
    expect(doc.provenance.route).toBe(1);
    const cy = cytoscape({ headless: true, elements: doc.elements });
    expect(cy.nodes().map((n) => n.id())).toEqual(route.roles);
    expect(cy.edges()).toHaveLength(route.hops);
    cy.destroy();
  });

  it('an unknown or missing format is a 400 that lists the formats', async () => {
    for (const q of ['format=pdf&from=cs&to=qa', 'from=cs&to=qa', 'format=png&from=cs&to=qa']) {
      const res = await get(q);
      expect(res.status).toBe(400);
      const body = JSON.parse(res.body);
      expect(body.error.code).toBe('invalid_request');
      expect(body.error.message).toContain('svg, mermaid, graphml, csv, json');
      expect(body.error.details[0]).toMatchObject({ field: 'format', allowed: ['svg', 'mermaid', 'graphml', 'csv', 'json'] });
    }
  });

  it('a query that finds no route is a 404 with the reason, not an empty file', async () => {
    const blocked = await get('format=svg&from=sales&to=business-head&avoid=corporate-head');
    expect(blocked.status).toBe(404);
    const body = JSON.parse(blocked.body);
    expect(body.error.code).toBe('not_found');
    expect(body.error.message).toMatch(/avoid/i);
    expect(body.error.details[0].reason).toContain('Corporate head');
    expect(body.error.message).toMatch(/^No route to export from Sales to Business head/);
    const history = await get('format=csv&from=customer-support&to=product-manager&mode=travelled');
    expect(history.status).toBe(404);
    expect(JSON.parse(history.body).error.message).toMatch(/histor/i);
    const beyond = await get('format=svg&from=customer-support&to=product-manager&route=3');
    expect(beyond.status).toBe(404);
    expect(JSON.parse(beyond.body).error.message).toContain('no route 3');
  });

  it('other bad parameters are 400s naming them', async () => {
    const unknownRole = JSON.parse((await get('format=svg&from=nobody&to=qa')).body);
    expect(unknownRole.error.details[0].field).toBe('from');
    // An unknown language is English, not an error (as on the route API).
    const otherLang = await get('format=svg&from=cs&to=qa&lang=fr');
    expect(otherLang.status).toBe(200);
    expect(otherLang.body).toContain('Customer support');
    const extra = await get('format=svg&from=cs&to=qa&colour=red');
    expect(extra.status).toBe(400);
    expect(JSON.parse(extra.body).error.details[0].field).toBe('colour');
  });
});
