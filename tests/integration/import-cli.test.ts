/**
 * `npm run import` (server/cli/import.ts): through the running server (which
 * holds the store; with Kùzu, its file) with the admin token, and straight into the store when
 * no server runs.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTestStore } from '../fixtures/engine.js';
import { runScript, spawnServer } from '../fixtures/spawn-server.js';

const TOKEN = 'cli-import-admin-token-0123456789';
const CSV = 'person_id,seq,role\n' + Array.from({ length: 6 }, (_, p) => `p${p},1,CS\np${p},2,QA\np${p},3,PdM\n`).join('') + 'solo,1,CS\n';

describe('import CLI', () => {
  it('goes through the running server, which sees the dataset at once; writes directly when none runs', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'rolepath-import-cli-'));
    const file = path.join(dir, 'histories.csv');
    await writeFile(file, CSV);
    const server = await spawnServer({ ADMIN_TOKEN: TOKEN });
    const env = { PORT: new URL(server.url).port, DATA_DIR: server.dataDir, HOST: '127.0.0.1' };
    try {
      const withoutToken = await runScript('server/cli/import.ts', [file, '--kind', 'histories', '--dataset', 'via-server'], { ...env, ADMIN_TOKEN: '' });
      expect(withoutToken.code).toBe(1);
      expect(withoutToken.output).toMatch(/server is running .* ADMIN_TOKEN/);

      const run = await runScript('server/cli/import.ts', [file, '--kind', 'histories', '--dataset', 'via-server', '--min-count', '5'], { ...env, ADMIN_TOKEN: TOKEN });
      expect(run.code, run.output).toBe(0);
      expect(run.output).toContain('through the running server');
      expect(run.output).toContain('people: 7, stints: 19');
      expect(run.output).toContain('transitions: 2 kept, 0 suppressed');
      expect(run.output).toContain('line 20: a history of one stint');
      const datasets = await fetch(`${server.url}/api/datasets`).then((r) => r.json());
      expect(datasets.datasets.find((d: any) => d.name === 'via-server')).toMatchObject({ people: 7, minCount: 5 });

      const rejected = await runScript('server/cli/import.ts', [file, '--kind', 'transitions', '--dataset', 'bad', '--json'], { ...env, ADMIN_TOKEN: TOKEN });
      expect(rejected.code).toBe(1);
      expect(JSON.parse(rejected.output)).toMatchObject({ ok: false, written: false });
    } finally {
      await server.stop();
    }

    // No server: the CLI opens the store itself.
    const dry = await runScript('server/cli/import.ts', [file, '--kind', 'histories', '--dataset', 'direct', '--dry-run'], { ...env, PORT: '1' });
    expect(dry.code, dry.output).toBe(0);
    expect(dry.output).toContain('directly into the store');
    expect(dry.output).toContain('dry run: nothing was written');
    const real = await runScript('server/cli/import.ts', [file, '--kind', 'histories', '--dataset', 'direct', '--min-count', '6', '--json'], { ...env, PORT: '1' });
    expect(real.code, real.output).toBe(0);
    expect(JSON.parse(real.output)).toMatchObject({ ok: true, written: true, transitions: 2, routes: 1, suppressed: { transitions: 0, routes: 0 } });

    const store = await createTestStore({ kuzuPath: path.join(server.dataDir, 'rolepath.kuzu'), keep: true });
    try {
      expect((await store.listDatasets()).map((d) => [d.name, d.minCount])).toEqual([
        ['direct', 6],
        ['via-server', 5],
      ]);
      expect(await store.listRoutePatterns()).toEqual(expect.arrayContaining([{ id: 'direct:1', dataset: 'direct', roles: ['customer-support', 'qa', 'product-manager'], count: 6 }]));
    } finally {
      await store.close();
    }
  });

  it('names a bad option', async () => {
    const { code, output } = await runScript('server/cli/import.ts', ['x.csv', '--kind', 'people', '--dataset', 'ok'], { PORT: '1' });
    expect(code).toBe(1);
    expect(output).toContain('--kind');
  });
});
