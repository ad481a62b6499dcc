/**
 * The same answers on both engines: one app over Kùzu and one over Neo4j, given the same seed and the
 * same imports (careers with cycles, the same moves in several datasets, moves without skills), answer
 * every read endpoint identically: health counts, the graph, every role page, datasets, routes in every
 * mode, exports, and every built-in saved query. Runs in the Neo4j leg (Kùzu is always at hand there).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KuzuGraphStore } from '../../server/db/kuzu/kuzu-store.js';
import type { GraphStore } from '../../server/db/graph-store.js';
import { createApp } from '../../server/app.js';
import { createLogger } from '../../server/logger.js';
import { seedStore } from '../../server/services/seed-service.js';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createTestStore, onNeo4j } from '../fixtures/engine.js';
import { ROOT } from '../fixtures/spawn-server.js';

const TOKEN = 'same-answers-admin-token-0123456789';

interface Running {
  url: string;
  close(): Promise<void>;
}

async function serve(store: GraphStore): Promise<Running> {
  await seedStore(store, path.join(ROOT, 'seed', 'data'));
  const { app } = createApp({ store, logger: createLogger('silent'), adminToken: TOKEN, rateLimitPerMinute: 0 });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      await store.close();
    },
  };
}

/** Careers that loop (cs → qa → cs → pm), repeat, and cross the seed's moves. */
const HISTORIES =
  'person_id,seq,role\n' +
  Array.from({ length: 6 }, (_, p) => `a${p},1,customer-support\na${p},2,qa\na${p},3,customer-support\na${p},4,product-manager\n`).join('') +
  Array.from({ length: 4 }, (_, p) => `b${p},1,customer-support\nb${p},2,qa\nb${p},3,product-manager\nb${p},4,qa\n`).join('') +
  Array.from({ length: 3 }, (_, p) => `c${p},1,sales\nc${p},2,corporate-head\nc${p},3,business-head\n`).join('');
/** The same moves again in another dataset, plus moves with no skills and a self-contained cycle. */
const TRANSITIONS = 'from,to,count\ncustomer-support,qa,4\nqa,customer-support,2\nqa,product-manager,3\nhr,accounting,5\naccounting,hr,5\n';
/** A table of probabilities only (shares under 1, long digits): routes use the shares as given. */
const SHARES =
  'from,to,probability\ncustomer-support,qa,0.123456789\ncustomer-support,sales,0.61\nsales,product-manager,0.05\nqa,product-manager,0.333333333\nqa,hr,1e-4\nhr,accounting,0.5\n';

let kuzu: Running;
let neo4j: Running;

async function both(p: string, init?: RequestInit): Promise<[{ status: number; body: string }, { status: number; body: string }]> {
  return Promise.all(
    [kuzu, neo4j].map(async (s) => {
      const res = await fetch(s.url + p, init);
      return { status: res.status, body: await res.text() };
    }),
  ) as never;
}

/** Drops what legitimately differs between two servers: the engine's name, uptime, clock times. */
function normalise(text: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return text.replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, '<time>');
  }
  return JSON.parse(
    JSON.stringify(value, (key, v) => (['engine', 'uptimeSeconds', 'importedAt', 'exportedAt', 'ms', 'elapsedMs'].includes(key) ? undefined : v)).replace(
      /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g,
      '<time>',
    ),
  );
}

async function expectSame(p: string, init?: RequestInit): Promise<{ status: number; body: string }> {
  const [k, n] = await both(p, init);
  expect(n.status, `${p} status`).toBe(k.status);
  expect(normalise(n.body), p).toEqual(normalise(k.body));
  return k;
}

describe.runIf(onNeo4j)('the same answers on Kùzu and Neo4j', () => {
  beforeAll(async () => {
    const k = new KuzuGraphStore({ path: ':memory:' });
    await k.init();
    [kuzu, neo4j] = await Promise.all([serve(k), serve(await createTestStore())]);
    for (const s of [kuzu, neo4j]) {
      for (const [query, body] of [
        ['kind=histories&dataset=careers&minCount=1', HISTORIES],
        ['kind=transitions&dataset=table&minCount=1', TRANSITIONS],
        ['kind=transitions&dataset=shares', SHARES],
      ] as const) {
        const res = await fetch(`${s.url}/api/imports?${query}`, { method: 'POST', headers: { 'content-type': 'text/csv', authorization: `Bearer ${TOKEN}` }, body });
        expect(res.status, await res.clone().text()).toBe(200);
      }
    }
  }, 120_000);
  afterAll(async () => {
    await Promise.all([kuzu?.close(), neo4j?.close()]);
  });

  it('health, the graph and the datasets', async () => {
    const health = JSON.parse((await expectSame('/api/health')).body);
    expect(health.datasets).toMatchObject({ careers: expect.any(Number), table: 5 });
    await expectSame('/api/graph');
    await expectSame('/api/graph?datasets=careers,table');
    await expectSame('/api/graph?datasets=shares');
    expect((await expectSame('/api/graph?datasets=shares,table')).status).toBe(400);
    await expectSame('/api/datasets');
  });

  it('every role page, in every dataset selection', async () => {
    const graph = JSON.parse((await expectSame('/api/graph')).body);
    const roles = graph.elements.nodes.map((n: { data: { id: string } }) => n.data) as { id: string }[];
    expect(roles.length).toBeGreaterThan(40);
    for (const r of roles) {
      await expectSame(`/api/roles/${r.id}`);
      await expectSame(`/api/roles/${r.id}?datasets=table`);
      await expectSame(`/api/roles/${r.id}?datasets=shares`);
    }
    await expectSame('/api/roles?q=カスタマー');
  });

  it('routes in every mode, with constraints and alternatives, and their exports', async () => {
    const pairs = [
      ['customer-support', 'product-manager'],
      ['customer-support', 'qa'],
      ['qa', 'customer-support'],
      ['sales', 'business-head'],
      ['hr', 'accounting'],
      ['accounting', 'finance'],
      ['qa', 'hr'],
    ];
    let found = 0;
    for (const [from, to] of pairs) {
      for (const mode of ['fewest', 'likely', 'travelled']) {
        for (const datasets of ['', '&datasets=careers', '&datasets=table', '&datasets=careers,table', '&datasets=shares']) {
          const res = await expectSame(`/api/routes?from=${from}&to=${to}&mode=${mode}&k=5${datasets}`);
          if (res.status === 200) found += JSON.parse(res.body).routes.length;
        }
      }
      await expectSame(`/api/routes?from=${from}&to=${to}&mode=likely&avoid=qa&maxHops=3`);
      for (const format of ['csv', 'mermaid', 'graphml', 'json', 'svg']) await expectSame(`/api/routes/export?format=${format}&from=${from}&to=${to}&mode=likely&lang=ja`);
    }
    expect(found, 'routes were found, not only refusals compared').toBeGreaterThan(40);
  });

  it('every built-in saved query with its default parameters', async () => {
    const list = JSON.parse((await both('/api/queries'))[0].body).queries as { name: string; builtIn: boolean }[];
    expect(list.length).toBeGreaterThanOrEqual(12);
    for (const q of list.filter((x) => x.builtIn)) {
      const res = await expectSame(`/api/queries/${q.name}/run`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      expect(res.status, q.name).toBe(200);
    }
  });
});
