/**
 * `POST /api/imports` over real HTTP on a seeded in-memory Kùzu store: the
 * admin token, dry runs, all or nothing, privacy suppression in every answer,
 * dataset selection, a running app seeing the new dataset at once, and
 * travelled routes over an imported dataset against a brute-force count.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../server/contract/graph-data.js';
import { rng } from '../fixtures/import-data.js';
import { getJson, ROOT, startTestServer, type TestServer } from './test-server.js';

const TOKEN = 'import-test-admin-token-0123456789';

let server: TestServer;
let roles: Role[];

beforeAll(async () => {
  server = await startTestServer({ adminToken: TOKEN, rateLimitPerMinute: 0 });
  roles = await server.store.listRoles();
});
afterAll(async () => {
  await server?.close();
});

async function post(query: string, body: string | Uint8Array, token: string | null = TOKEN): Promise<{ status: number; body: any }> {
  const res = await fetch(`${server.url}/api/imports?${query}`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: typeof body === 'string' ? body : new Uint8Array(body),
  });
  return { status: res.status, body: await res.json() };
}

/** Everything an import could change, to compare before and after. */
async function storeState() {
  return {
    counts: await server.store.counts(),
    transitions: await server.store.listTransitions(),
    routes: await server.store.listRoutePatterns(),
    datasets: await server.store.listDatasets(),
    roles: (await server.store.listRoles()).map((r) => r.id),
  };
}

/** Careers drawn at random over the first `n` seed roles: the rows, and each person's role sequence. */
function careers(people: number, seed: number, n = 12): { csv: string; sequences: string[][] } {
  const random = rng(seed);
  const ids = roles.slice(0, n).map((r) => r.id);
  const sequences: string[][] = [];
  // Rows of people interleave (two people at a time) so grouping by person is really exercised.
  const rows: string[] = [];
  for (let p = 0; p < people; p += 2) {
    const pair = [p, p + 1].filter((x) => x < people);
    const seqs = pair.map(() => {
      const length = 2 + Math.floor(random() * 4);
      // Few starting roles and a skewed next step, so many careers repeat.
      const s = [ids[Math.floor(random() * random() * 4)]!];
      while (s.length < length) s.push(ids[Math.floor(random() * random() * n)]!);
      return s;
    });
    const longest = Math.max(...seqs.map((s) => s.length));
    for (let i = 0; i < longest; i++) pair.forEach((person, k) => seqs[k]![i] !== undefined && rows.push(`person-${person},${i + 1},${seqs[k]![i]},unit`));
    sequences.push(...seqs);
  }
  return { csv: `person_id,seq,role,org_unit\n${rows.join('\n')}\n`, sequences };
}

/** Brute force, written independently of the finder: travellers per A→B route over the kept careers. */
function bruteForceTravelled(sequences: string[][], minCount: number, a: string, b: string): Map<string, number> {
  const collapsed = sequences.map((s) => s.filter((r, i) => i === 0 || s[i - 1] !== r));
  const people = new Map<string, number>();
  for (const s of collapsed) people.set(s.join('>'), (people.get(s.join('>')) ?? 0) + 1);
  const routes = new Map<string, number>();
  for (const [key, count] of people) {
    if (count < minCount || key.split('>').length < 2) continue;
    const s = key.split('>');
    const i = s.indexOf(a);
    const j = i < 0 ? -1 : s.indexOf(b, i + 1);
    if (j < 0) continue;
    const route: string[] = [];
    for (const r of s.slice(i, j + 1)) {
      const at = route.indexOf(r);
      if (at >= 0) route.length = at + 1;
      else route.push(r);
    }
    routes.set(route.join('>'), (routes.get(route.join('>')) ?? 0) + count);
  }
  return routes;
}

describe('POST /api/imports', () => {
  it('needs the admin token', async () => {
    const res = await post('kind=histories&dataset=x', 'person_id,seq,role\n', null);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthorized');
  });

  it('names bad parameters, and refuses the seed\'s dataset', async () => {
    const bad = await post('kind=people&dataset=Bad%20Name&minCount=0', 'x\n');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: any) => d.field).sort()).toEqual(['dataset', 'kind', 'minCount']);
    const seed = await post('kind=histories&dataset=articles', 'x\n');
    expect(seed.status).toBe(400);
    expect(seed.body.error.message).toMatch(/dataset/);
  });

  it('previews on a dry run without changing anything', async () => {
    const before = await storeState();
    const { csv } = careers(200, 1);
    const res = await post('kind=histories&dataset=preview&dryRun=true', csv);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: true, written: false, dryRun: true, people: 200 });
    expect(res.body.transitions).toBeGreaterThan(0);
    expect(await storeState()).toEqual(before);
  });

  it('changes nothing when the file has an error, and lists the bad rows', async () => {
    await post('kind=histories&dataset=stable', careers(100, 2).csv);
    const before = await storeState();
    const { csv } = careers(400, 3);
    const broken = csv.replace('\nperson-7,1,', '\nperson-7,x,') + 'person-9999,1,Custmer support\n';
    const res = await post('kind=histories&dataset=stable&createRoles=false', broken);
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('import_rejected');
    expect(res.body.report).toMatchObject({ ok: false, written: false, rejected: 2 });
    expect(res.body.report.errors.map((e: any) => e.reason)).toEqual([expect.stringContaining('seq'), 'unknown role']);
    expect(res.body.report.unknownRoles[0].suggestions[0].id).toBe('customer-support');
    expect(await storeState()).toEqual(before);
  });

  it('reads a Shift_JIS upload', async () => {
    const sjis = readFileSync(path.join(ROOT, 'tests', 'fixtures', 'imports', 'histories-sjis.csv'));
    const res = await post('kind=histories&dataset=sjis&minCount=1', sjis);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: true, encoding: 'shift_jis', transitions: 2, written: true });
  });

  it('answers 409 while another import runs', async () => {
    const { csv } = careers(20_000, 4);
    const [a, b] = await Promise.all([post('kind=histories&dataset=race', csv), post('kind=histories&dataset=race', csv)]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
  });
});

describe('an imported dataset in the API', () => {
  const K = 5;
  let sequences: string[][];
  let report: any;

  beforeAll(async () => {
    const data = careers(3000, 42);
    sequences = data.sequences;
    const res = await post(`kind=histories&dataset=hr-2024&minCount=${K}`, data.csv);
    expect(res.status, JSON.stringify(res.body).slice(0, 500)).toBe(200);
    report = res.body;
  });

  it('is seen at once by the running app (health, datasets list)', async () => {
    expect(report).toMatchObject({ ok: true, written: true, people: 3000, minCount: K });
    expect(report.suppressed.routes).toBeGreaterThan(0);
    const health = await getJson(server.url, '/api/health');
    expect(health.body.datasets['hr-2024']).toBe(report.transitions);
    const list = await getJson(server.url, '/api/datasets');
    expect(list.status).toBe(200);
    const entry = list.body.datasets.find((d: any) => d.name === 'hr-2024');
    expect(entry).toMatchObject({ imported: true, unit: 'people', minCount: K, people: 3000, suppressedTransitions: report.suppressed.transitions, suppressedRoutes: report.suppressed.routes });
    expect(list.body.datasets.find((d: any) => d.name === 'articles')).toMatchObject({ imported: false, unit: 'accounts' });
  });

  it('keeps aggregates of fewer than k people out of the graph, role details and user Cypher, saying how many', async () => {
    const graph = await getJson(server.url, '/api/graph?datasets=hr-2024');
    expect(graph.status).toBe(200);
    expect(graph.body.datasets).toEqual({ used: ['hr-2024'], unit: 'people', suppressed: report.suppressed });
    const edges = graph.body.elements.edges.map((e: any) => e.data);
    expect(edges.length).toBe(report.transitions);
    expect(edges.every((e: any) => e.dataset === 'hr-2024' && e.count >= K)).toBe(true);
    // Brute force: the moves of at least K people.
    const movers = new Map<string, Set<number>>();
    sequences.forEach((s, person) => {
      for (let i = 0; i + 1 < s.length; i++) if (s[i] !== s[i + 1]) movers.set(`${s[i]}>${s[i + 1]}`, (movers.get(`${s[i]}>${s[i + 1]}`) ?? new Set()).add(person));
    });
    const expected = [...movers].filter(([, p]) => p.size >= K).map(([k, p]) => `${k}:${p.size}`).sort();
    expect(edges.map((e: any) => `${e.source}>${e.target}:${e.count}`).sort()).toEqual(expected);
    expect(report.suppressed.transitions).toBe([...movers].filter(([, p]) => p.size < K).length);

    const role = await getJson(server.url, `/api/roles/${roles[0]!.id}?datasets=hr-2024`);
    expect(role.body.datasets.used).toEqual(['hr-2024']);
    expect([...role.body.outgoing, ...role.body.incoming].every((t: any) => t.count >= K && t.dataset === 'hr-2024')).toBe(true);

    const cypher = await fetch(`${server.url}/api/cypher`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ cypher: "MATCH (:Role)-[t:TRANSITION]->(:Role) WHERE t.dataset = 'hr-2024' RETURN min(t.count) AS least, count(t) AS n" }),
    }).then((r) => r.json());
    expect(cypher.rows).toEqual([{ least: expect.any(Number), n: report.transitions }]);
    expect(cypher.rows[0].least).toBeGreaterThanOrEqual(K);
  });

  it('never adds the articles\' accounts to people: the default stays the articles, a mix is a 400 naming both; unknown datasets are rejected', async () => {
    const list = (await getJson(server.url, '/api/datasets')).body;
    expect(list.datasets.map((d: any) => [d.name, d.unit])).toEqual(expect.arrayContaining([['articles', 'accounts'], ['hr-2024', 'people']]));
    expect(list.default).toEqual(['articles']);
    const byDefault = await getJson(server.url, '/api/graph');
    expect(byDefault.body.datasets).toEqual({ used: ['articles'], unit: 'accounts', suppressed: { transitions: 0, routes: 0 } });
    expect(new Set(byDefault.body.elements.edges.map((e: any) => e.data.dataset))).toEqual(new Set(['articles']));
    for (const path of ['/api/graph?datasets=articles,hr-2024', `/api/roles/${roles[0]!.id}?datasets=hr-2024,articles`, '/api/routes?from=cs&to=qa&datasets=articles,hr-2024']) {
      const mix = await getJson(server.url, path);
      expect(mix.status, path).toBe(400);
      expect(mix.body.error.code).toBe('dataset_mix');
      expect(mix.body.error.message).toContain('"articles" (accounts), "hr-2024" (people) cannot be combined');
      expect(mix.body.error.message).toContain('datasets=articles or datasets=hr-2024');
    }
    const seedOnly = await getJson(server.url, '/api/graph?datasets=articles');
    expect(seedOnly.body.datasets).toEqual({ used: ['articles'], unit: 'accounts', suppressed: { transitions: 0, routes: 0 } });
    const unknown = await getJson(server.url, '/api/routes?from=cs&to=qa&datasets=nope');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details[0]).toMatchObject({ field: 'datasets' });
  });

  it('finds travelled routes over the imported careers that match a brute-force count', async () => {
    // Start→end pairs of kept careers.
    const collapsed = sequences.map((s) => s.filter((r, i) => i === 0 || s[i - 1] !== r));
    const byCareer = new Map<string, number>();
    for (const s of collapsed) byCareer.set(s.join('>'), (byCareer.get(s.join('>')) ?? 0) + 1);
    const ends = [...byCareer].filter(([k, n]) => n >= K && k.includes('>')).map(([k]) => k.split('>')).map((s) => [s[0]!, s.at(-1)!] as const);
    const tested = [...new Map(ends.filter(([a, b]) => a !== b).map((p) => [p.join('>'), p])).values()].slice(0, 6);
    expect(tested.length).toBeGreaterThan(2);
    for (const [a, b] of tested) {
      const expected = bruteForceTravelled(sequences, K, a, b);
      const res = await getJson(server.url, `/api/routes?from=${a}&to=${b}&mode=travelled&k=20&maxHops=10&minCount=0&datasets=hr-2024`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.datasets.used).toEqual(['hr-2024']);
      const got = new Map<string, number>(res.body.routes.map((r: any) => [r.roles.join('>'), r.travellers]));
      const best = [...expected].sort((x, y) => y[1] - x[1]).slice(0, 20);
      for (const [route, travellers] of got) expect(travellers, `${a}→${b} ${route}`).toBe(expected.get(route));
      expect(got.size).toBe(Math.min(20, expected.size));
      // The most travelled route is found first.
      expect(res.body.routes[0].travellers).toBe(best[0]![1]);
    }
  });

  it('with k = 1 travelled routes count every career, like the raw histories', async () => {
    const data = careers(500, 7);
    const res = await post('kind=histories&dataset=all-kept&minCount=1', data.csv);
    expect(res.status).toBe(200);
    expect(res.body.suppressed).toEqual({ transitions: 0, routes: 0 });
    const s = data.sequences.find((x) => new Set(x).size >= 3)!;
    const [a, b] = [s[0]!, s.at(-1)!];
    const expected = bruteForceTravelled(data.sequences, 1, a, b);
    const route = await getJson(server.url, `/api/routes?from=${a}&to=${b}&mode=travelled&k=20&maxHops=10&minCount=0&datasets=all-kept`);
    const got = new Map<string, number>(route.body.routes.map((r: any) => [r.roles.join('>'), r.travellers]));
    expect(got.size).toBe(Math.min(20, expected.size));
    for (const [key, n] of got) expect(n).toBe(expected.get(key));
  });

  it('replaces the dataset on a re-import', async () => {
    const before = (await getJson(server.url, '/api/datasets')).body.datasets.length;
    const res = await post('kind=transitions&dataset=hr-2024&minCount=1', 'from,to,count\nCS,QA,12\n');
    expect(res.status).toBe(200);
    const graph = await getJson(server.url, '/api/graph?datasets=hr-2024');
    expect(graph.body.elements.edges.map((e: any) => [e.data.source, e.data.target, e.data.count])).toEqual([['customer-support', 'qa', 12]]);
    expect((await getJson(server.url, '/api/datasets')).body.datasets.length).toBe(before);
    const route = await getJson(server.url, '/api/routes?from=cs&to=qa&mode=travelled&datasets=hr-2024');
    expect(route.body.routes).toEqual([]);
  });
});
