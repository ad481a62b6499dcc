/**
 * Route answers a person can act on, over real HTTP on the seed graph: notes
 * and errors in the asked language (lang=, then Accept-Language, then
 * English), roles named by their names, and a no-route answer that names
 * where one can go instead — checked for every no-route pair of the seed.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeResponse, type RouteResponse } from '../../server/contract/routes.js';
import type { GraphData } from '../../server/contract/graph-data.js';
import { readSeedDir } from '../../server/services/seed-reader.js';
import { ROOT, startTestServer, type TestServer } from './test-server.js';

let server: TestServer;
let seed: GraphData;
beforeAll(async () => {
  // Every no-route pair is asked over HTTP: far more than the default 600 requests a minute.
  server = await startTestServer({ rateLimitPerMinute: 1_000_000 });
  seed = await readSeedDir(path.join(ROOT, 'seed', 'data'));
});
afterAll(async () => {
  await server?.close();
});

async function get(q: string, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
  const res = await fetch(`${server.url}/api/routes?${q}`, { headers });
  return { status: res.status, body: await res.json() };
}
const ok = async (q: string, headers: Record<string, string> = {}): Promise<RouteResponse> => {
  const { status, body } = await get(q, headers);
  expect(status, JSON.stringify(body)).toBe(200);
  return routeResponse.parse(body);
};
const roleIds = () => seed.roles.map((r) => r.id);
/** Latin words of four letters or more that are a role id (ids must never reach a person). */
const mentionsId = (text: string) => roleIds().filter((id) => id.includes('-') && text.includes(id));

describe('route notes and errors in the asked language', () => {
  it('lang=ja: the no-route note names roles in Japanese; English by default', async () => {
    const ja = await ok('from=accounting&to=head-of-administration&lang=ja');
    expect(ja.routes).toEqual([]);
    expect(ja.lang).toBe('ja');
    expect(ja.note).toBe('経理 から 管理本部長 へのルートはありません。記録された移動をどうつないでもたどり着けません。');
    expect(ja.noRoute?.reason).toContain('経理');
    expect(ja.noRoute?.reason).toContain('管理本部長');
    const en = await ok('from=accounting&to=head-of-administration');
    expect(en.note).toBe('No route from Accounting to Head of administration in the graph: no chain of recorded moves leads there.');
    expect(mentionsId(en.note + en.noRoute!.reason)).toEqual([]);
  });

  it('Accept-Language is the default, lang= wins over it, and an unknown language is English with no error', async () => {
    const q = 'from=sales&to=business-head&avoid=corporate-head';
    expect((await ok(q, { 'Accept-Language': 'ja-JP,ja;q=0.9,en;q=0.8' })).note).toMatch(/^どのルートも除外した職種を通ります: コーポレート本部長/);
    expect((await ok(q, { 'Accept-Language': 'fr-FR,en;q=0.5,ja;q=0.3' })).note).toMatch(/^Every route passes through an avoided role: Corporate head/);
    expect((await ok(`${q}&lang=en`, { 'Accept-Language': 'ja' })).note).toMatch(/^Every route/);
    const unknown = await ok(`${q}&lang=fr`);
    expect(unknown.lang).toBe('en');
    expect(unknown.note).toMatch(/^Every route/);
  });

  it('validation errors come in Japanese too, naming roles by name', async () => {
    const unknown = await get('from=コールセンタ&to=product-manager&lang=ja');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/^from の職種「コールセンタ」が見つかりません。 もしかして: カスタマーサポート/);
    const same = await get('from=カスタマーサポート&to=コールセンター&lang=ja');
    expect(same.body.error.message).toBe('出発と目的地が同じ職種(カスタマーサポート)です。異なる職種を選んでください。');
    const range = await get('from=cs&to=qa&k=99&lang=ja');
    expect(range.status).toBe(400);
    expect(range.body.error.message).toBe('クエリパラメーターが正しくありません: k');
    expect(range.body.error.details[0].message).toBe('20 以下にしてください');
    const extra = await get('from=cs&to=qa&bogus=1', { 'Accept-Language': 'ja' });
    expect(extra.body.error.details[0]).toEqual({ field: 'bogus', message: '不明なクエリパラメーターです' });
    const roleMissing = await fetch(`${server.url}/api/roles/nope?lang=ja`);
    expect(roleMissing.status).toBe(404);
    expect(((await roleMissing.json()) as { error: { message: string } }).error.message).toBe('ID「nope」の職種はありません');
  });

  it('コールセンター finds カスタマーサポート via an alias, and search puts カスタマーサポート first for 「カスタマー」', async () => {
    const r = await ok(`from=${encodeURIComponent('コールセンター')}&to=product-manager&lang=ja`);
    expect(r.query.from).toBe('customer-support');
    const search = (await (await fetch(`${server.url}/api/roles?q=${encodeURIComponent('カスタマー')}`)).json()) as { roles: { id: string; nameJa: string }[] };
    expect(search.roles[0]).toMatchObject({ id: 'customer-support', nameJa: 'カスタマーサポート' });
  });

  it('route steps carry Japanese skills and evidence glosses', async () => {
    const r = await ok('from=customer-support&to=product-manager&lang=ja');
    const step = r.routes[0]!.steps[0]!;
    expect(step.skillsJa).toEqual(['CS × プロダクト', 'お客さまの声', '顧客への共感']);
    expect(step.evidence[0]!.glossJa).toMatch(/プロダクトマネージャー/);
  });

  it('each step says what the move is: one people made, a recommendation or a split', async () => {
    expect((await ok('from=customer-support&to=product-manager')).routes[0]!.steps[0]!.kinds).toEqual(['move']);
    expect((await ok('from=bizops&to=sales')).routes[0]!.steps[0]!.kinds).toEqual(['recommended']);
    expect((await ok('from=general-affairs&to=office-admin')).routes[0]!.steps[0]!.kinds).toEqual(['split']);
  });
});

describe('no dead ends: every no-route pair of the seed names where one can go instead', () => {
  /** Fewest moves from `root` along `next` (an independent BFS over the seed's transitions). */
  function bfs(root: string, next: Map<string, string[]>): Map<string, number> {
    const dist = new Map([[root, 0]]);
    const queue = [root];
    for (let i = 0; i < queue.length; i++) {
      const u = queue[i]!;
      for (const v of next.get(u) ?? []) {
        if (dist.has(v)) continue;
        dist.set(v, dist.get(u)! + 1);
        queue.push(v);
      }
    }
    dist.delete(root);
    return dist;
  }

  it('names the reachable roles and the feeders, nearest first with their distance, in both languages', async () => {
    const out = new Map<string, string[]>();
    const into = new Map<string, string[]>();
    for (const t of seed.transitions) {
      out.set(t.from, [...(out.get(t.from) ?? []), t.to]);
      into.set(t.to, [...(into.get(t.to) ?? []), t.from]);
    }
    const ids = roleIds();
    const pairs: [string, string][] = [];
    for (const from of ids) {
      const reach = bfs(from, out);
      for (const to of ids) if (from !== to && !reach.has(to) && out.has(from) && into.has(to)) pairs.push([from, to]);
    }
    expect(pairs.length).toBeGreaterThan(500);
    let checked = 0;
    for (const [from, to] of pairs) {
      const lang = checked % 2 ? 'ja' : 'en';
      const r = await ok(`from=${from}&to=${to}&lang=${lang}`);
      expect(r.routes, `${from}→${to}`).toEqual([]);
      const answer = r.noRoute!;
      expect(answer, `${from}→${to}`).toBeTruthy();
      const reach = bfs(from, out);
      const feed = bfs(to, into);
      const sorted = (m: Map<string, number>) =>
        [...m].map(([id, hops]) => ({ id, hops })).sort((a, b) => a.hops - b.hops || (a.id < b.id ? -1 : 1));
      expect(answer.reachable, `${from}→${to}`).toEqual(sorted(reach));
      expect(answer.reachableTotal).toBe(reach.size);
      expect(answer.feeders, `${from}→${to}`).toEqual(sorted(feed));
      expect(answer.feedersTotal).toBe(feed.size);
      // The reason names both ends by name in the asked language, never by id.
      const name = (id: string) => seed.roles.find((x) => x.id === id)![lang === 'ja' ? 'nameJa' : 'name'];
      expect(answer.reason).toContain(name(from));
      expect(answer.reason).toContain(name(to));
      expect(mentionsId(answer.reason + r.note)).toEqual([]);
      checked++;
    }
    console.log(`no-route pairs checked: ${checked}`);
  });

  it('says plainly when the start has no move out, or nothing leads into the target', async () => {
    const ja = await ok('from=information-systems&to=product-manager&lang=ja');
    expect(ja.noRoute).toMatchObject({ reachable: [], reachableTotal: 0 });
    expect(ja.noRoute!.reason).toMatch(/^情報システム部門 から出ていく移動は記録されていない/);
    const en = await ok('from=customer-support&to=sales');
    expect(en.noRoute!.feeders.map((f) => f.id)).toContain('bizops');
    expect(en.noRoute!.reason).toMatch(/^From Customer support the recorded moves reach \d+ roles, and \d+ roles? leads? into Sales/);
    const none = await ok('from=customer-support&to=bizops');
    expect(none.noRoute!.reason).toBe('No recorded move leads into BizOps, so no route can end there.');
  });

  it('a route cut off by a limit has no noRoute (the note says which limit)', async () => {
    const r = await ok('from=customer-support&to=community-manager&maxHops=2');
    expect(r.routes).toEqual([]);
    expect(r.noRoute).toBeNull();
  });
});
