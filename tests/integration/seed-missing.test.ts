/**
 * Issue 12, item 7: an import into a fresh data folder before the first
 * start (the CLI writing straight into the store) must not suppress the
 * seed: the server seeds whenever the articles' dataset is missing.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resetEngine } from '../fixtures/engine.js';
import { runScript, spawnServer } from '../fixtures/spawn-server.js';

describe('seeding at start-up', () => {
  it('seeds a store that holds an import but not the articles dataset, and only once', async () => {
    // A fresh store (on Neo4j, the shared test database emptied): the CLI writes first, before any server start.
    await resetEngine();
    const dir = await mkdtemp(path.join(tmpdir(), 'rolepath-seed-missing-'));
    const dataDir = await mkdtemp(path.join(tmpdir(), 'rolepath-data-'));
    const file = path.join(dir, 'roles.csv');
    await writeFile(file, 'id,name,family\nmy-role,My role,bizops\n');
    const env = { DATA_DIR: dataDir, PORT: '1', HOST: '127.0.0.1' };
    const run = await runScript('server/cli/import.ts', [file, '--kind', 'roles', '--dataset', 'catalogue'], env);
    expect(run.code, run.output).toBe(0);
    expect(run.output).toContain('directly into the store');

    let server = await spawnServer({ DATA_DIR: dataDir, LOG_LEVEL: 'info' });
    try {
      expect(server.output()).toContain('seeded');
      const datasets = await fetch(`${server.url}/api/datasets`).then((r) => r.json());
      expect(datasets.datasets.map((d: { name: string }) => d.name)).toContain('articles');
      const hr = await fetch(`${server.url}/api/roles/hr`);
      expect(hr.status).toBe(200);
      const mine = await fetch(`${server.url}/api/roles/my-role`);
      expect(mine.status).toBe(200);
    } finally {
      await server.stop();
    }
    // Started again: the seed is there, so nothing is written twice.
    server = await spawnServer({ DATA_DIR: dataDir, LOG_LEVEL: 'info' });
    try {
      expect(server.output()).not.toContain('seeded');
    } finally {
      await server.stop();
    }
  }, 120_000);
});
