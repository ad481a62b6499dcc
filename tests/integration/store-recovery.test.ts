/**
 * The service outlives its store: a locked Kùzu file, a store that dies
 * mid-load, or a Neo4j server stopped and restarted under load gives 503s with
 * a clear message, then the service recovers on its own, without a restart and
 * without losing stored data.
 */
import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import type { GraphStore } from '../../server/db/graph-store.js';
import { KuzuGraphStore } from '../../server/db/kuzu/kuzu-store.js';
import { ResilientGraphStore } from '../../server/db/resilient-store.js';
import { createLogger } from '../../server/logger.js';
import { readSeedDir } from '../../server/services/seed-reader.js';
import { seedIfEmpty } from '../../server/services/seed-service.js';
import { onKuzu, onNeo4j } from '../fixtures/engine.js';
import { launcherBuilt, NEO4J_TEST_PASSWORD, startNeo4j } from '../fixtures/neo4j-process.js';
import { ROOT, spawnServer } from '../fixtures/spawn-server.js';

const until = async (check: () => Promise<boolean>, ms: number) => {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check().catch(() => false)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
};

describe.runIf(onKuzu)('store recovery (Kùzu)', () => {
  it('answers 503 while the Kùzu file is locked by another process, then recovers by itself', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'rolepath-locked-'));
    const holder = spawn(process.execPath, ['--import', 'tsx', 'tests/fixtures/hold-kuzu-lock.ts', path.join(dataDir, 'rolepath.kuzu')], { cwd: ROOT });
    await new Promise<void>((resolve, reject) => {
      holder.stdout.on('data', (d) => String(d).includes('locked') && resolve());
      holder.on('exit', (code) => reject(new Error(`lock holder exited with ${code}`)));
    });
    const server = await spawnServer({ DATA_DIR: dataDir }, { waitFor: 'listening' });
    try {
      const res = await fetch(`${server.url}/api/ready`);
      expect(res.status).toBe(503);
      const body = (await res.json()) as any;
      expect(body.error.code).toBe('store_unavailable');
      expect(body.error.message).toMatch(/lock/i);
      expect((await fetch(`${server.url}/api/roles/customer-support`)).status).toBe(503);

      holder.kill('SIGTERM');
      expect(await until(async () => (await fetch(`${server.url}/api/ready`)).ok, 15_000)).toBe(true);
      const health = (await (await fetch(`${server.url}/api/health`)).json()) as any;
      expect(health.roles).toBeGreaterThan(30); // seeded on the late open
    } finally {
      holder.kill('SIGKILL');
      await server.stop();
    }
  });

  it('survives the store dying during a load run: only 503s meanwhile, no data lost, recovers on its own', async () => {
    const dbPath = path.join(await mkdtemp(path.join(tmpdir(), 'rolepath-kill-')), 'rolepath.kuzu');
    const seed = await readSeedDir(path.join(ROOT, 'seed', 'data'));
    const opened: GraphStore[] = [];
    const store = new ResilientGraphStore({
      engine: 'kuzu',
      retryMs: 50,
      open: async () => {
        const s = new KuzuGraphStore({ path: dbPath });
        await s.init();
        opened.push(s);
        return s;
      },
      onOpen: async (s) => {
        await seedIfEmpty(s, seed);
      },
    });
    const before = await store.counts();
    const { app } = createApp({ store, logger: createLogger('silent') });
    const server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const statuses = new Map<number, number>();
    let stop = false;
    const worker = async () => {
      // Bounded: stops when told, or after 2,000 requests at most.
      for (let i = 0; i < 2000 && !stop; i++) {
        const p = i % 2 ? '/api/ready' : '/api/roles/customer-support';
        const res = await fetch(url + p);
        await res.arrayBuffer();
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      }
    };
    try {
      const load = Promise.all([worker(), worker(), worker(), worker()]);
      await new Promise((r) => setTimeout(r, 300));
      await opened[0]!.close(); // the store dies under load
      await new Promise((r) => setTimeout(r, 700));
      stop = true;
      await load;

      expect(opened.length).toBeGreaterThanOrEqual(2); // it was reopened without a restart
      expect(statuses.get(503) ?? 0).toBeGreaterThan(0); // the outage was reported as 503 …
      expect([...statuses.keys()].sort()).toEqual([200, 503]); // … and nothing else went wrong
      expect((await fetch(`${url}/api/ready`)).status).toBe(200);
      expect(await store.counts()).toEqual(before); // nothing lost
    } finally {
      stop = true;
      await new Promise<void>((r) => server.close(() => r()));
      await store.close();
    }
  });
});

describe.runIf(onNeo4j && launcherBuilt)('store recovery (Neo4j)', () => {
  it('Neo4j stopped under load: 503 store_unavailable within 5 s, then recovery after its restart, without restarting rolepath', async () => {
    const neo4j = await startNeo4j();
    let restarted: Awaited<ReturnType<typeof startNeo4j>> | undefined;
    const server = await spawnServer({ NEO4J_URI: neo4j.uri, NEO4J_PASSWORD: NEO4J_TEST_PASSWORD, RATE_LIMIT_PER_MINUTE: '0', DATA_VERSION_CHECK_MS: '200' });
    const statuses = new Map<number, number>();
    const codes = new Set<string>();
    let stop = false;
    const worker = async () => {
      for (let i = 0; i < 5000 && !stop; i++) {
        const p = ['/api/ready', '/api/health', '/api/queries/hub-roles/run'][i % 3]!;
        const res = await fetch(server.url + p, p.endsWith('/run') ? { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' } : {});
        const body = (await res.json().catch(() => null)) as any;
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.status >= 500) codes.add(body?.error?.code);
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    try {
      const seeded = (await (await fetch(`${server.url}/api/health`)).json()) as any;
      expect(seeded.roles).toBeGreaterThan(30);
      const load = Promise.all([worker(), worker()]);
      await new Promise((r) => setTimeout(r, 500));

      const stoppedAt = Date.now();
      await neo4j.stop('SIGKILL'); // the database dies under load
      // Every request now gets a 503 store_unavailable, quickly (not after the driver's 30 s of retries).
      let first503 = Infinity;
      while (Date.now() - stoppedAt < 10_000) {
        const res = await fetch(`${server.url}/api/ready`);
        if (res.status === 503) {
          first503 = Date.now() - stoppedAt;
          expect(((await res.json()) as any).error.code).toBe('store_unavailable');
          break;
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(first503).toBeLessThan(5000);
      const started = Date.now();
      const slow = await fetch(`${server.url}/api/roles/customer-support`);
      expect([200, 503]).toContain(slow.status); // from the snapshot, or a quick 503
      expect(Date.now() - started).toBeLessThan(5000);

      restarted = await startNeo4j({ port: neo4j.port, dataDir: neo4j.dataDir });
      const back = Date.now();
      let recovered = false;
      while (Date.now() - back < 20_000 && !recovered) {
        recovered = (await fetch(`${server.url}/api/ready`)).ok;
        if (!recovered) await new Promise((r) => setTimeout(r, 200));
      }
      expect(recovered, 'rolepath answers again without a restart').toBe(true);
      stop = true;
      await load;
      const after = (await (await fetch(`${server.url}/api/health`)).json()) as any;
      expect(after.roles).toBe(seeded.roles); // nothing lost
      expect(after.dataVersion).toBe(seeded.dataVersion);
      expect([...statuses.keys()].filter((s) => s !== 200 && s !== 503)).toEqual([]); // nothing but answers and 503s
      expect([...codes]).toEqual(['store_unavailable']);
    } finally {
      stop = true;
      await server.stop();
      await restarted?.stop();
      await neo4j.stop();
    }
  }, 120_000);
});
