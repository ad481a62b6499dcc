/**
 * The saved-query API over real HTTP on a real embedded Kùzu store holding the
 * seed graph: listing, every built-in query run with its results checked
 * (against answers computed from the seed files, plus facts from the
 * articles), parameters checked before anything reaches the database, graph
 * results as Cytoscape elements, ad hoc Cypher, limits and errors.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphData } from '../../server/contract/graph-data.js';
import { queryListResponse, runResponse, savedQueryDto, type RunResponse } from '../../server/contract/queries.js';
import { readSeedDir } from '../../server/services/seed-reader.js';
import { SeedOracle } from './queries-oracle.js';
import { ROOT, call, startQueryServer, type QueryTestServer } from './queries-server.js';
import { TEST_ENGINE, onKuzu } from '../fixtures/engine.js';

let server: QueryTestServer;
let seed: GraphData;
let oracle: SeedOracle;
beforeAll(async () => {
  server = await startQueryServer();
  seed = await readSeedDir(path.join(ROOT, 'seed', 'data'));
  oracle = new SeedOracle(seed);
});
afterAll(async () => {
  await server?.close();
});

async function run(name: string, params: Record<string, unknown> = {}): Promise<RunResponse> {
  const res = await call(server.url, 'POST', `/api/queries/${name}/run`, { json: { params } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return runResponse.parse(res.body);
}
/** The rows with only the named columns. */
const pick = (r: RunResponse, ...columns: string[]) => r.rows.map((row) => columns.map((c) => row[c]));
const nodeIds = (r: RunResponse) => (r.graph?.elements.nodes.map((n) => n.data.id) ?? []).sort();
const edgeIds = (r: RunResponse) => (r.graph?.elements.edges.map((e) => e.data.id) ?? []).sort();

describe('GET /api/queries', () => {
  it('lists the built-in library with titles, descriptions and typed parameters', async () => {
    const { status, body } = await call(server.url, 'GET', '/api/queries');
    expect(status).toBe(200);
    const list = queryListResponse.parse(body);
    expect(list.engine).toBe(TEST_ENGINE);
    expect(list.queries.length).toBeGreaterThanOrEqual(12);
    expect(list.queries.every((q) => q.builtIn && q.runnable && q.engines.includes('kuzu') && q.engines.includes('neo4j'))).toBe(true);
    const reach = list.queries.find((q) => q.name === 'reachable-within')!;
    expect(reach.params).toEqual([
      { name: 'role', type: 'role-id', default: 'customer-support' },
      { name: 'hops', type: 'int', min: 1, max: 4, default: 2 },
    ]);
    expect(reach.titleJa).toBeTruthy();
    expect(reach.columns).toContain('moves');
  });

  it('gives one query with its Cypher for the running engine, and 404 for an unknown one', async () => {
    const one = savedQueryDto.parse((await call(server.url, 'GET', '/api/queries/history-path')).body);
    // The running engine's variant: Kùzu's lists are 1-based, Neo4j's 0-based.
    expect(one.cypher).toContain(onKuzu ? 'range(1, size(h.roles))' : 'range(0, size(h.roles) - 1)');
    const missing = await call(server.url, 'GET', '/api/queries/no-such-query');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('not_found');
  });
});

describe('every built-in query on the seed graph', () => {
  it('reachable-within: where customer support can go within 2 moves', async () => {
    const r = await run('reachable-within');
    expect(pick(r, 'id', 'moves')).toEqual(oracle.reachable('customer-support', 2));
    // From article 004: CS staff moved into PdM, QA, HR …; HR leads on to labour law, recruiting planning and PR.
    expect(pick(r, 'id', 'moves')).toEqual(expect.arrayContaining([['product-manager', 1], ['qa', 1], ['hr', 1], ['labour-law', 2]]));
    expect(nodeIds(r)).toEqual(r.rows.map((row) => row.id).sort());
    expect(pick(await run('reachable-within', { role: 'bizops', hops: 1 }), 'id', 'moves')).toEqual(oracle.reachable('bizops', 1));
  });

  it('leads-into: which roles lead into product management', async () => {
    const r = await run('leads-into');
    expect(pick(r, 'id', 'moves')).toEqual(oracle.reachable('product-manager', 3, true));
    expect(pick(r, 'id')).toContainEqual(['customer-support']);
    expect(pick(await run('leads-into', { role: 'business-head', hops: 2 }), 'id', 'moves')).toEqual([
      ['corporate-head', 1],
      ['marketing', 2],
      ['sales', 2],
    ]);
  });

  it('most-evidenced-moves: ranked by accounts, with the moves as graph edges', async () => {
    const r = await run('most-evidenced-moves', { limit: 5 });
    const expected = [...seed.transitions]
      .sort((a, b) => b.count - a.count || b.evidence.length - a.evidence.length || a.from.localeCompare(b.from) || a.to.localeCompare(b.to))
      .slice(0, 5);
    expect(pick(r, 'fromId', 'toId', 'count')).toEqual(expected.map((t) => [t.from, t.to, t.count]));
    expect(edgeIds(r)).toEqual(expected.map((t) => `${t.from}->${t.to}@articles`).sort());
    // Bare relationships still bring both of their roles.
    expect(nodeIds(r)).toEqual([...new Set(expected.flatMap((t) => [t.from, t.to]))].sort());
  });

  it('hub-roles: the most distinct ways in and out', async () => {
    const r = await run('hub-roles');
    expect(r.rows.map((row) => ({ id: row.id, waysIn: row.waysIn, waysOut: row.waysOut, ways: row.ways }))).toEqual(oracle.hubs().slice(0, 10));
    expect(pick(r, 'id').slice(0, 2).flat().sort()).toEqual(['bizops', 'customer-support']);
  });

  it('back-office-to-management: back-office roles with an exit to management', async () => {
    const r = await run('back-office-to-management');
    const expected = oracle.walks((id) => oracle.familyOf(id) === 'back-office', (id) => oracle.familyOf(id) === 'management', 3);
    expect(pick(r, 'fromId', 'toId', 'moves')).toEqual(expected);
    expect(expected).toContainEqual(['back-office-specialist', 'head-of-administration', 1]);
    // The paths come back as graph elements: the roles on them and the moves between them.
    expect(nodeIds(r)).toContain('head-of-administration');
    expect(edgeIds(r)).toContain('back-office-specialist->head-of-administration@articles');
  });

  it('moves-in-article: every move article 004 describes', async () => {
    const r = await run('moves-in-article');
    const expected = oracle.moves((t) => t.evidence.some((e) => e.source.startsWith('004')));
    expect(pick(r, 'fromId', 'toId')).toEqual(expected);
    expect(expected.length).toBeGreaterThanOrEqual(10);
    expect(pick(await run('moves-in-article', { article: '002' }), 'fromId', 'toId')).toEqual(
      oracle.moves((t) => t.evidence.some((e) => e.source.startsWith('002'))),
    );
  });

  it('only-ways-in and starting-points: the ends of the graph', async () => {
    const sinks = await run('only-ways-in');
    const expectedSinks = seed.roles
      .filter((role) => oracle.waysIn(role.id) > 0 && oracle.waysOut(role.id) === 0)
      .map((role) => [role.id, oracle.waysIn(role.id)])
      .sort((a, b) => (b[1] as number) - (a[1] as number) || String(a[0]).localeCompare(String(b[0])));
    expect(pick(sinks, 'id', 'waysIn')).toEqual(expectedSinks);
    expect(pick(sinks, 'id').flat()).toEqual(expect.arrayContaining(['product-manager', 'qa', 'business-head']));
    const sources = await run('starting-points');
    const expectedSources = seed.roles
      .filter((role) => oracle.waysOut(role.id) > 0 && oracle.waysIn(role.id) === 0)
      .map((role) => [role.id, oracle.waysOut(role.id)])
      .sort((a, b) => (b[1] as number) - (a[1] as number) || String(a[0]).localeCompare(String(b[0])));
    expect(pick(sources, 'id', 'waysOut')).toEqual(expectedSources);
    expect(pick(sources, 'id').flat()).toEqual(expect.arrayContaining(['customer-support', 'bizops']));
  });

  it('skills-on-the-way: the skills along the shortest way from CS to the community team', async () => {
    const r = await run('skills-on-the-way');
    const [route] = oracle.shortestRoutes('customer-support', 'community-manager');
    expect(r.rows.map((row) => row.fromId)).toEqual(route!.slice(0, -1));
    expect(r.rows.map((row) => row.toId)).toEqual(route!.slice(1));
    expect(pick(r, 'step').flat()).toEqual(route!.slice(1).map((_, i) => i + 1));
    for (const row of r.rows) expect(row.skills).toEqual(oracle.transition(String(row.fromId), String(row.toId))!.skills);
    expect(r.rows.flatMap((row) => row.skills as string[])).toContain('CS × QA');
    expect(nodeIds(r)).toEqual([...route!].sort());
  });

  it('moves-between-families: customer support into engineering', async () => {
    const r = await run('moves-between-families');
    expect(pick(r, 'fromId', 'toId')).toEqual(oracle.moves((t) => oracle.familyOf(t.from) === 'customer-support' && oracle.familyOf(t.to) === 'engineering'));
    expect(pick(r, 'toId').flat()).toEqual(expect.arrayContaining(['product-manager', 'qa']));
    const intoManagement = await run('moves-between-families', { from: 'profit-centre', to: 'management' });
    expect(pick(intoManagement, 'fromId', 'toId')).toContainEqual(['sales', 'corporate-head']);
  });

  it("history-path: what the Mercari author's path passed through", async () => {
    const r = await run('history-path');
    const mercari = seed.histories.find((h) => h.id === 'mercari-cs-author')!;
    expect(pick(r, 'step', 'id')).toEqual(mercari.roles.map((id, i) => [i + 1, id]));
    expect(r.rows[0]!.id).toBe('customer-support');
    expect(r.rows.at(-1)!.id).toBe('community-manager');
    expect(nodeIds(r)).toEqual([...mercari.roles].sort());
  });

  it('family-flows: moves between families, counted', async () => {
    const r = await run('family-flows');
    const counts = new Map<string, number>();
    for (const t of seed.transitions) {
      const key = `${oracle.familyOf(t.from)}>${oracle.familyOf(t.to)}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const expected = [...counts]
      .map(([k, n]) => [...k.split('>'), n])
      .sort((a, b) => (b[2] as number) - (a[2] as number) || String(a[0]).localeCompare(String(b[0])) || String(a[1]).localeCompare(String(b[1])));
    expect(pick(r, 'fromFamily', 'toFamily', 'moves')).toEqual(expected);
    expect(r.graph).toBeNull();
  });

  it('moves-with-skill: moves that draw on QA', async () => {
    const r = await run('moves-with-skill');
    expect(pick(r, 'fromId', 'toId')).toEqual(oracle.moves((t) => t.skills.some((s) => s.toLowerCase().includes('qa'))));
    expect(pick(r, 'fromId', 'toId')).toContainEqual(['customer-support', 'qa']);
  });

  it('common-destinations: where sales and marketing can both go', async () => {
    const r = await run('common-destinations');
    const fromSales = oracle.distances('sales', 2);
    const fromMarketing = oracle.distances('marketing', 2);
    const expected = [...fromSales.keys()]
      .filter((id) => fromMarketing.has(id))
      .map((id) => [id, Math.max(fromSales.get(id)!, fromMarketing.get(id)!)])
      .sort((a, b) => (a[1] as number) - (b[1] as number) || String(a[0]).localeCompare(String(b[0])));
    expect(pick(r, 'id', 'moves')).toEqual(expected);
    expect(pick(r, 'id').flat()).toEqual(expect.arrayContaining(['cmo-coo', 'corporate-head', 'business-head']));
  });

  it('role-neighbourhood: every move into and out of accounting', async () => {
    const r = await run('role-neighbourhood');
    const expected = [
      ...oracle.moves((t) => t.to === 'accounting').map(([f, t]) => ['in', f, t]),
      ...oracle.moves((t) => t.from === 'accounting').map(([f, t]) => ['out', f, t]),
    ];
    expect(pick(r, 'direction', 'fromId', 'toId')).toEqual(expected);
    expect(edgeIds(r)).toHaveLength(expected.length);
  });

  it('shortest-routes: all shortest routes from sales to business head', async () => {
    const r = await run('shortest-routes');
    const routes = oracle.shortestRoutes('sales', 'business-head');
    expect(pick(r, 'stops')).toEqual(routes.map((route) => [route]));
    expect(routes).toContainEqual(['sales', 'corporate-head', 'business-head']);
    expect(pick(r, 'moves').flat()).toEqual(routes.map((route) => route.length - 1));
  });

  it('covers the whole library', async () => {
    const { body } = await call(server.url, 'GET', '/api/queries');
    expect(body.queries.map((q: { name: string }) => q.name).sort()).toEqual(
      [
        'back-office-to-management',
        'common-destinations',
        'family-flows',
        'history-path',
        'hub-roles',
        'leads-into',
        'most-evidenced-moves',
        'moves-between-families',
        'moves-in-article',
        'moves-with-skill',
        'only-ways-in',
        'reachable-within',
        'role-neighbourhood',
        'shortest-routes',
        'skills-on-the-way',
        'starting-points',
      ].sort(),
    );
  });
});

describe('parameters are checked before anything reaches the database', () => {
  it.each([
    ['reachable-within', { role: 'astronaut' }, 'params.role', /no role with id "astronaut"/],
    ['reachable-within', { hops: 9 }, 'params.hops', /between 1 and 4/],
    ['reachable-within', { hops: 'two' }, 'params.hops', /number/],
    ['reachable-within', { colour: 'red' }, 'params.colour', /unknown parameter/],
    ['moves-between-families', { from: 'astronauts' }, 'params.from', /one of/],
    ['common-destinations', { roles: ['sales', 'nobody'] }, 'params.roles', /no role with id "nobody"/],
    ['common-destinations', { roles: [] }, 'params.roles', /non-empty/],
    ['moves-in-article', { article: 42 }, 'params.article', /string/],
  ])('%s %j → 400 naming %s', async (name, params, field, message) => {
    const res = await call(server.url, 'POST', `/api/queries/${name}/run`, { json: { params } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_request');
    const detail = res.body.error.details.find((d: { field: string }) => d.field === field);
    expect(detail?.message).toMatch(message);
    expect(res.body.error.message).toContain(field);
  });

  it('accepts form strings for numbers and lists', async () => {
    const r = await run('common-destinations', { roles: 'sales,marketing', hops: '1' });
    expect(pick(r, 'id').flat().sort()).toEqual(['cmo-coo', 'corporate-head']);
  });

  it('rejects a malformed run body', async () => {
    const res = await call(server.url, 'POST', '/api/queries/hub-roles/run', { json: { params: {}, extra: 1 } });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].field).toBe('extra');
  });
});

describe('POST /api/cypher', () => {
  it('runs ad hoc Cypher with parameters; nodes come back as elements with role ids', async () => {
    const res = await call(server.url, 'POST', '/api/cypher', {
      json: { cypher: 'MATCH (r:Role {id: $id})-[t:TRANSITION]->(b:Role) RETURN r, t, b.id AS to ORDER BY to', params: { id: 'hr' } },
    });
    expect(res.status).toBe(200);
    const r = runResponse.parse(res.body);
    expect(r.columns).toEqual(['r', 't', 'to']);
    expect(pick(r, 'to').flat()).toEqual(oracle.moves((t) => t.from === 'hr').map(([, to]) => to));
    expect(r.rows[0]!.r).toMatchObject({ _kind: 'node', _id: 'hr', _labels: ['Role'] });
    expect(nodeIds(r)).toEqual(['hr', ...oracle.moves((t) => t.from === 'hr').map(([, to]) => to)].sort());
    const node = r.graph!.elements.nodes.find((n) => n.data.id === 'hr')!;
    expect(node.data).toEqual({ id: 'hr', label: expect.any(String), labelJa: '人事', family: 'back-office', type: 'Role' });
    const edge = r.graph!.elements.edges.find((e) => e.data.target === 'pr')!;
    expect(edge.data).toMatchObject({ id: 'hr->pr@articles', source: 'hr', target: 'pr', kind: 'recommended', count: 1 });
    expect(r).toMatchObject({ truncated: false, rowCount: r.rows.length, limits: { timeoutMs: 5000, rowLimit: 1000 } });
    expect(r.ms).toBeGreaterThanOrEqual(0);
  });

  it('gives graph: null when the result holds no graph values', async () => {
    const r = runResponse.parse((await call(server.url, 'POST', '/api/cypher', { json: { cypher: 'MATCH (r:Role) RETURN count(r) AS n' } })).body);
    expect(r.rows).toEqual([{ n: seed.roles.length }]);
    expect(r.graph).toBeNull();
  });

  it('answers syntax errors with 400, the engine message and the position', async () => {
    const res = await call(server.url, 'POST', '/api/cypher', { json: { cypher: 'MATCH (r:Role\nRETURN r' } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('cypher_syntax');
    expect(res.body.error.message).toMatch(onKuzu ? /Parser exception/ : /Invalid input 'RETURN'/);
    expect(res.body.error.details[0]).toMatchObject({ field: 'cypher', line: 2, column: expect.any(Number), offset: expect.any(Number) });
  });

  it('answers unknown tables and parameters with 400', async () => {
    const unknown = await call(server.url, 'POST', '/api/cypher', { json: { cypher: 'MATCH (r:Astronaut) RETURN r' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({ code: 'cypher_error', message: expect.stringMatching(/Astronaut/) });
    const param = await call(server.url, 'POST', '/api/cypher', { json: { cypher: 'RETURN 1 AS one', params: { unused: 1 } } });
    expect(param.status).toBe(400);
  });

  it('validates the body', async () => {
    for (const json of [{}, { cypher: '' }, { cypher: 'RETURN 1', params: { 'bad name': 1 } }, { cypher: 'RETURN 1', other: true }]) {
      const res = await call(server.url, 'POST', '/api/cypher', { json });
      expect(res.status, JSON.stringify(json)).toBe(400);
      expect(res.body.error.code).toBe('invalid_request');
    }
  });
});

describe('row limit', () => {
  it('cuts results at the configured limit and reports it', async () => {
    const limited = await startQueryServer({ queryLimits: { timeoutMs: 5000, rowLimit: 5 } });
    try {
      const res = await call(limited.url, 'POST', '/api/cypher', { json: { cypher: 'MATCH (r:Role) RETURN r.id AS id ORDER BY id' } });
      const r = runResponse.parse(res.body);
      expect(r.rows).toHaveLength(5);
      expect(r).toMatchObject({ truncated: true, rowCount: 5, limits: { rowLimit: 5 } });
      expect(r.rows.map((row) => row.id)).toEqual(seed.roles.map((role) => role.id).sort().slice(0, 5));
      const small = runResponse.parse((await call(limited.url, 'POST', '/api/queries/shortest-routes/run', { json: {} })).body);
      expect(small.truncated).toBe(false);
    } finally {
      await limited.close();
    }
  });
});
