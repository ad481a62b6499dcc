/**
 * Honest moves: the route finder ranks over every kind of recorded move by
 * default (moves people made, authors' recommendations, organisational
 * splits), and over moves people made only with `kinds=move`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeResponse, type RouteResponse } from '../../server/contract/routes.js';
import { startTestServer, type TestServer } from './test-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

async function get(q: string): Promise<{ status: number; body: any }> {
  const res = await fetch(`${server.url}/api/routes?${q}`);
  return { status: res.status, body: await res.json() };
}
const ok = async (q: string): Promise<RouteResponse> => {
  const { status, body } = await get(q);
  expect(status, JSON.stringify(body)).toBe(200);
  return routeResponse.parse(body);
};

describe('route kinds', () => {
  it('by default routes may use every kind of move, and the answer says so', async () => {
    const res = await ok('from=bizops&to=sales');
    expect(res.query.kinds).toEqual(['move', 'recommended', 'split']);
    expect(res.routes[0]!.steps[0]!.kinds).toEqual(['recommended']);
  });

  it('kinds=move ranks over moves people made only', async () => {
    const res = await ok('from=bizops&to=sales&kinds=move');
    expect(res.query.kinds).toEqual(['move']);
    expect(res.routes).toEqual([]);
    expect(res.noRoute!.reason).toMatch(/\(This search leaves out authors' recommendations and organisational splits\.\)$/);
    expect((await ok('from=bizops&to=sales&kinds=move&lang=ja')).noRoute!.reason).toMatch(/（この検索は筆者の推奨ルートと組織の分化を含めていません。）$/);
    const observed = await ok('from=customer-support&to=product-manager&kinds=move&k=5');
    expect(observed.routes.length).toBeGreaterThan(0);
    for (const r of observed.routes) for (const s of r.steps) expect(s.kinds).toContain('move');
  });

  it('every route found with kinds=move uses moves people made only, also in likely mode', async () => {
    for (const from of ['customer-support', 'bizops', 'general-affairs', 'accounting', 'sales']) {
      for (const to of ['product-manager', 'sales', 'office-admin', 'customer-success', 'executive']) {
        if (from === to) continue;
        const res = await ok(`from=${from}&to=${to}&kinds=move&mode=likely&k=3`);
        for (const r of res.routes) for (const s of r.steps) expect(s.kinds, `${from}→${to}`).toContain('move');
      }
    }
  });

  it('kinds=recommended,split leaves moves people made out; kinds order does not matter', async () => {
    const a = await ok('from=general-affairs&to=office-admin&kinds=split,recommended');
    expect(a.query.kinds).toEqual(['recommended', 'split']);
    expect(a.routes[0]!.steps[0]!.kinds).toEqual(['split']);
  });

  it('an unknown kind is a 400 naming the field, in the asked language', async () => {
    const en = await get('from=bizops&to=sales&kinds=rumour');
    expect(en.status).toBe(400);
    expect(en.body.error.details[0].field).toBe('kinds');
    expect(en.body.error.details[0].message).toMatch(/move, recommended, split/);
    const ja = await get('from=bizops&to=sales&kinds=rumour&lang=ja');
    expect(ja.status).toBe(400);
    expect(ja.body.error.message).not.toMatch(/Invalid/);
    const empty = await get('from=bizops&to=sales&kinds=');
    expect(empty.status).toBe(400);
  });
});
