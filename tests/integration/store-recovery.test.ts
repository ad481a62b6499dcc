/**
 * The service outlives its store: a locked Kùzu file or a store that dies
 * mid-load gives 503s with a clear message, then the service recovers on its
 * own, without a restart and without losing stored data.
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
import { ROOT, spawnServer } from '../fixtures/spawn-server.js';

const until = async (check: () => Promise<boolean>, ms: number) => {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check().catch(() => false)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
};

describe('store recovery', () => {
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
