/** The HTTP API over real HTTP, on a real embedded Kùzu store holding the seed graph. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphResponse, healthResponse, roleDetailsResponse, roleSearchResponse } from '../../server/contract/api.js';
import { getJson, startTestServer, type TestServer } from './test-server.js';
import { TEST_ENGINE } from '../fixtures/engine.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});
const get = (p: string) => getJson(server.url, p);

describe('GET /api/health', () => {
  it('reports the engine and what is stored', async () => {
    const { status, body } = await get('/api/health');
    expect(status).toBe(200);
    const counts = await server.store.counts();
    const health = healthResponse.parse(body);
    expect(health).toMatchObject({ status: 'ok', engine: TEST_ENGINE, roles: counts.roles, transitions: counts.transitions, histories: counts.histories });
    expect(health.datasets).toEqual({ articles: counts.transitions });
    expect(health.dataVersion).toMatch(/^\d+r-\d+t-[0-9a-f]{8}$/);
    expect(counts.roles).toBeGreaterThan(30);
  });

  it('answers readiness when the store answers a query', async () => {
    const { status, body } = await get('/api/ready');
    expect(status).toBe(200);
    expect(body).toEqual({ ready: true });
  });

  it('puts a request id on every response, keeping a well-formed incoming one', async () => {
    const own = await fetch(`${server.url}/api/health`, { headers: { 'x-request-id': 'trace-123' } });
    expect(own.headers.get('x-request-id')).toBe('trace-123');
    const fresh = await fetch(`${server.url}/api/nope`);
    expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('GET /api/roles', () => {
  it('finds roles by English name, Japanese name and alias', async () => {
    for (const [q, id] of [
      ['product manager', 'product-manager'],
      ['プロダクトマネージャー', 'product-manager'],
      ['CS', 'customer-support'],
      ['コーポレート本部長', 'corporate-head'],
      ['ｃｓ', 'customer-support'], // full-width letters fold to ASCII
    ] as const) {
      const { status, body } = await get(`/api/roles?q=${encodeURIComponent(q)}`);
      expect(status, q).toBe(200);
      const { roles } = roleSearchResponse.parse(body);
      expect(roles[0]?.id, q).toBe(id);
    }
  });

  it('lists every role without q, and nothing for a query that matches none', async () => {
    const all = roleSearchResponse.parse((await get('/api/roles?limit=500')).body);
    expect(all.roles.length).toBe((await server.store.counts()).roles);
    const none = roleSearchResponse.parse((await get('/api/roles?q=astronaut')).body);
    expect(none).toEqual({ roles: [], total: 0 });
  });

  it('rejects bad parameters with 400 naming the parameter', async () => {
    for (const [query, field] of [
      ['limit=abc', 'limit'],
      ['limit=0', 'limit'],
      [`q=${'x'.repeat(101)}`, 'q'],
      ['colour=red', 'colour'],
    ] as const) {
      const { status, body } = await get(`/api/roles?${query}`);
      expect(status, query).toBe(400);
      expect(body.error.code).toBe('invalid_request');
      expect(body.error.details.map((d: { field: string }) => d.field), query).toContain(field);
      expect(body.error.message).toContain(field);
    }
  });
});

describe('GET /api/roles/:id', () => {
  it('returns the role with its moves both ways and their evidence', async () => {
    const { status, body } = await get('/api/roles/customer-support');
    expect(status).toBe(200);
    const details = roleDetailsResponse.parse(body);
    expect(details.role.nameJa).toBeTruthy();
    expect(details.outgoing.map((m) => m.to)).toEqual(expect.arrayContaining(['product-manager', 'qa', 'hr']));
    const pm = details.outgoing.find((m) => m.to === 'product-manager')!;
    expect(pm.other.id).toBe('product-manager');
    expect(pm.evidence[0]?.source).toMatch(/^004_/);
    expect(pm.probability).toBeGreaterThan(0);
    // ranked by count
    const counts = details.outgoing.map((m) => m.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const corporate = roleDetailsResponse.parse((await get('/api/roles/corporate-head')).body);
    expect(corporate.incoming.map((m) => m.from)).toContain('sales');
  });

  it('answers 404 in the error shape for an unknown id', async () => {
    for (const id of ['astronaut', 'Not%20An%20Id', '%E3%83%86']) {
      const { status, body } = await get(`/api/roles/${id}`);
      expect(status, id).toBe(404);
      expect(body.error).toMatchObject({ code: 'not_found', message: expect.any(String), details: expect.any(Array) });
    }
  });
});

describe('GET /api/graph', () => {
  it('returns the whole graph as Cytoscape JSON', async () => {
    const { status, body } = await get('/api/graph');
    expect(status).toBe(200);
    const graph = graphResponse.parse(body);
    const counts = await server.store.counts();
    expect(graph.elements.nodes).toHaveLength(counts.roles);
    expect(graph.elements.edges).toHaveLength(counts.transitions);
    const ids = new Set(graph.elements.nodes.map((n) => n.data.id));
    for (const e of graph.elements.edges) {
      expect(ids.has(e.data.source) && ids.has(e.data.target)).toBe(true);
      expect(e.data.probability).toBeGreaterThan(0);
      expect(e.data.probability).toBeLessThanOrEqual(1);
    }
    const edge = graph.elements.edges.find((e) => e.data.source === 'customer-support' && e.data.target === 'qa')!;
    expect(edge.data.evidence.length).toBe(edge.data.count);
    const node = graph.elements.nodes.find((n) => n.data.id === 'customer-support')!;
    expect(node.data).toMatchObject({ label: expect.any(String), labelJa: expect.any(String), family: 'customer-support' });
  });

  it('rejects unknown query parameters', async () => {
    const { status, body } = await get('/api/graph?format=xml');
    expect(status).toBe(400);
    expect(body.error.details[0].field).toBe('format');
  });
});

describe('errors', () => {
  it('answers unknown API paths with 404 in the error shape', async () => {
    const { status, body } = await get('/api/nothing-here');
    expect(status).toBe(404);
    expect(body.error.code).toBe('not_found');
  });

  it('answers malformed JSON bodies with 400, not a stack trace', async () => {
    const res = await fetch(`${server.url}/api/roles`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":' });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('invalid_json');
    expect(JSON.stringify(body)).not.toMatch(/at .*\.(js|ts):\d+/);
  });
});
