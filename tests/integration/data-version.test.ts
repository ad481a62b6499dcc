/**
 * One data version, owned by the store: a change written by someone else (another rolepath instance,
 * the CLI, a script writing to the database) shows in this instance's answers within a few seconds,
 * without a restart; this instance's own writes show at once. On Neo4j, two real server processes over
 * one database: an import through one appears in the other's routes and health, and two instances
 * importing the same dataset at once cannot interleave.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { createLogger } from '../../server/logger.js';
import { seedStore } from '../../server/services/seed-service.js';
import { createTestStore, onNeo4j } from '../fixtures/engine.js';
import { spawnServer } from '../fixtures/spawn-server.js';
import { getJson, ROOT, serveOnLoopback, startTestServer } from './test-server.js';

const TOKEN = 'data-version-admin-token-0123456789';

/** Polls `check` until it returns true or `ms` pass; resolves how long it took (Infinity when it never did). */
async function within(ms: number, check: () => Promise<boolean>): Promise<number> {
  const start = Date.now();
  while (Date.now() - start < ms) {
    if (await check()) return Date.now() - start;
    await new Promise((r) => setTimeout(r, 100));
  }
  return Infinity;
}

/** Histories of `people` people moving customer-support → qa → product-manager. */
function careers(people: number): string {
  let csv = 'person_id,seq,role\n';
  for (let p = 0; p < people; p++) csv += `p${p},1,customer-support\np${p},2,qa\np${p},3,product-manager\n`;
  return csv;
}

async function importCsv(url: string, dataset: string, csv: string) {
  const res = await fetch(`${url}/api/imports?kind=histories&dataset=${dataset}&minCount=1`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv', authorization: `Bearer ${TOKEN}` },
    body: csv,
  });
  return { status: res.status, body: (await res.json()) as any };
}

describe('the data version', () => {
  it('a write made past this instance (straight into the store) shows in its answers within seconds', async () => {
    const server = await startTestServer({ adminToken: TOKEN });
    try {
      const before = (await getJson(server.url, '/api/health')).body;
      // Written through the store, not through this app's services: the app is not told.
      await server.store.writeImport({
        roles: [],
        dataset: {
          name: 'elsewhere', kind: 'transitions', unit: 'people', minCount: 1, importedAt: new Date().toISOString(),
          rowsRead: 1, people: 0, stints: 0, transitions: 1, routes: 0, suppressedTransitions: 0, suppressedRoutes: 0,
        },
        transitions: [{ from: 'qa', to: 'hr', kind: 'move', count: 5, probability: 1, dataset: 'elsewhere', skills: [], evidence: [] }],
        routes: [],
      });
      const took = await within(5000, async () => (await getJson(server.url, '/api/health')).body.dataVersion !== before.dataVersion);
      expect(took).toBeLessThan(5000);
      const health = (await getJson(server.url, '/api/health')).body;
      expect(health.datasets.elsewhere).toBe(1);
      const route = await getJson(server.url, '/api/routes?from=qa&to=hr&datasets=elsewhere');
      expect(route.status).toBe(200);
      expect(route.body.routes[0].roles).toEqual(['qa', 'hr']);
    } finally {
      await server.close();
    }
  });

  it('this instance\'s own import shows in its very next answer', async () => {
    // Another instance's writes would take up to a minute to show here: this one's must show at once all the same.
    const store = await createTestStore();
    await seedStore(store, path.join(ROOT, 'seed', 'data'));
    const { app } = createApp({ store, logger: createLogger('silent'), adminToken: TOKEN, rateLimitPerMinute: 0, versionCheckMs: 60_000 });
    const server = await serveOnLoopback(app, store);
    try {
      // Read first, so the snapshot and the data version it was read at are held when the import lands.
      expect((await getJson(server.url, '/api/health')).body.datasets.mine).toBeUndefined();
      const res = await importCsv(server.url, 'mine', careers(3));
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const health = (await getJson(server.url, '/api/health')).body;
      expect(health.datasets.mine).toBe(2);
    } finally {
      await server.close();
    }
  });
});

describe.runIf(onNeo4j)('several instances over one Neo4j', () => {
  it('an import through one shows in the other\'s routes and health within seconds; same-dataset imports do not interleave', async () => {
    const a = await spawnServer({ ADMIN_TOKEN: TOKEN, RATE_LIMIT_PER_MINUTE: '0' });
    // A second process over the same database (its own, empty DATA_DIR: nothing is reset).
    const b = await spawnServer({ ADMIN_TOKEN: TOKEN, RATE_LIMIT_PER_MINUTE: '0', DATA_DIR: `${a.dataDir}-b` });
    try {
      const route = '/api/routes?from=customer-support&to=product-manager&mode=travelled&datasets=hr-system';
      expect((await getJson(b.url, route)).status).toBe(400); // no such dataset yet

      const imported = await importCsv(a.url, 'hr-system', careers(7));
      expect(imported.status, JSON.stringify(imported.body)).toBe(200);
      const aHealth = (await getJson(a.url, '/api/health')).body;
      const took = await within(5000, async () => (await getJson(b.url, '/api/health')).body.dataVersion === aHealth.dataVersion);
      expect(took, 'instance b saw instance a\'s import').toBeLessThan(5000);
      const seen = await getJson(b.url, route);
      expect(seen.status).toBe(200);
      expect(seen.body.routes[0]).toMatchObject({ roles: ['customer-support', 'qa', 'product-manager'], travellers: 7 });

      // Both instances import the same dataset at the same moment: one runs after the other, never mixed.
      const [x, y] = await Promise.all([importCsv(a.url, 'race', careers(4)), importCsv(b.url, 'race', careers(9))]);
      expect([x.status, y.status].every((s) => s === 200 || s === 409), JSON.stringify([x.body, y.body])).toBe(true);
      const settle = await within(5000, async () => {
        const [ha, hb] = await Promise.all([getJson(a.url, '/api/health'), getJson(b.url, '/api/health')]);
        return ha.body.dataVersion === hb.body.dataVersion;
      });
      expect(settle).toBeLessThan(5000);
      const race = (await getJson(a.url, '/api/datasets')).body.datasets.find((d: any) => d.name === 'race');
      // One import's result whole: 2 transitions and one route pattern of 4 or of 9 people, never both.
      expect([4, 9]).toContain(race.people);
      const travelled = (await getJson(a.url, '/api/routes?from=customer-support&to=product-manager&mode=travelled&datasets=race')).body;
      expect(travelled.routes).toHaveLength(1);
      expect(travelled.routes[0].travellers).toBe(race.people);
      expect((await getJson(a.url, '/api/health')).body.datasets.race).toBe(2);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });
});
