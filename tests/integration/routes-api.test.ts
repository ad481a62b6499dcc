/** `GET /api/routes` over real HTTP on the seed graph: answers that mean something to a user. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeResponse } from '../../server/contract/routes.js';
import { getJson, startTestServer, type TestServer } from './test-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});
const routes = async (q: string) => {
  const { status, body } = await getJson(server.url, `/api/routes?${q}`);
  expect(status, JSON.stringify(body)).toBe(200);
  return routeResponse.parse(body);
};

describe('GET /api/routes on the seed graph', () => {
  it('CS → product manager is one move in every graph mode, with its evidence', async () => {
    for (const mode of ['fewest', 'likely'] as const) {
      const { routes: found, note } = await routes(`from=customer-support&to=product-manager&mode=${mode}`);
      expect(note).toBe('');
      expect(found[0]?.roles).toEqual(['customer-support', 'product-manager']);
      expect(found[0]?.hops).toBe(1);
      expect(found[0]?.steps[0]?.evidence[0]?.source).toMatch(/^004_/);
      expect(found[0]?.travellers).toBeNull();
    }
  });

  it('sales → business head goes through corporate head, and the author travelled it', async () => {
    const fewest = await routes('from=sales&to=business-head');
    expect(fewest.routes[0]?.roles).toEqual(['sales', 'corporate-head', 'business-head']);
    const travelled = await routes('from=sales&to=business-head&mode=travelled');
    expect(travelled.routes[0]?.roles).toEqual(['sales', 'corporate-head', 'business-head']);
    expect(travelled.routes[0]?.travellers).toBe(1);
  });

  it('a route that avoids a role never contains it; when none is left the note says which limit cut it off', async () => {
    const all = await routes('from=customer-support&to=community-manager&k=10');
    expect(all.routes.length).toBeGreaterThan(0);
    const avoided = all.routes[0]!.roles[1]!;
    const res = await routes(`from=customer-support&to=community-manager&k=10&avoid=${avoided}`);
    for (const r of res.routes) expect(r.roles).not.toContain(avoided);
    const blocked = await routes('from=sales&to=business-head&avoid=corporate-head');
    expect(blocked.routes).toEqual([]);
    expect(blocked.note).toMatch(/avoid/i);
    expect(blocked.note).toContain('Corporate head');
  });

  it('says so when no career history covers the pair, instead of guessing', async () => {
    const res = await routes('from=customer-support&to=product-manager&mode=travelled');
    expect(res.routes).toEqual([]);
    expect(res.note).toMatch(/histor/i);
  });

  it('explains a route cut off by maxHops', async () => {
    const res = await routes('from=sales&to=business-head&maxHops=1');
    expect(res.routes).toEqual([]);
    expect(res.note).toMatch(/2 moves|maxHops/);
  });

  it('accepts exact names and aliases for roles, in either language', async () => {
    const res = await routes(`from=CS&to=${encodeURIComponent('プロダクトマネージャー')}`);
    expect(res.query.from).toBe('customer-support');
    expect(res.routes[0]?.roles).toEqual(['customer-support', 'product-manager']);
  });
});

describe('GET /api/routes bad input', () => {
  it('unknown from/to → 400 naming the parameter with the closest role names', async () => {
    const { status, body } = await getJson(server.url, '/api/routes?from=custmer-suport&to=qa');
    expect(status).toBe(400);
    expect(body.error.details[0].field).toBe('from');
    expect(body.error.details[0].suggestions[0]).toMatchObject({ id: 'customer-support', name: 'Customer support' });
    const to = await getJson(server.url, '/api/routes?from=qa&to=astronaut');
    expect(to.status).toBe(400);
    expect(to.body.error.details[0].field).toBe('to');
  });

  it('from = to, k out of range, unknown mode or family, missing from → 400 with the reason', async () => {
    for (const [q, field] of [
      ['from=qa&to=qa', 'to'],
      ['from=qa&to=hr&k=21', 'k'],
      ['from=qa&to=hr&k=0', 'k'],
      ['from=qa&to=hr&mode=teleport', 'mode'],
      ['from=qa&to=hr&families=pirates', 'families'],
      ['from=qa&to=hr&maxHops=11', 'maxHops'],
      ['to=hr', 'from'],
      ['from=qa&to=hr&colour=red', 'colour'],
    ] as const) {
      const { status, body } = await getJson(server.url, `/api/routes?${q}`);
      expect(status, q).toBe(400);
      expect(body.error.details.map((d: { field: string }) => d.field), q).toContain(field);
    }
  });
});
