/** `npm run route` (server/cli/route.ts): readable routes, through a running server or on its own. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScript, spawnServer } from '../fixtures/spawn-server.js';

describe('route CLI', () => {
  it('asks the running server (the Kùzu file is locked by it) and prints Japanese and English names', async () => {
    const server = await spawnServer();
    try {
      const port = new URL(server.url).port;
      const { code, output } = await runScript('server/cli/route.ts', ['--from', 'cs', '--to', 'product-manager', '--mode', 'likely'], {
        PORT: port,
        DATA_DIR: server.dataDir,
      });
      expect(code, output).toBe(0);
      expect(output).toContain('カスタマーサポート (Customer support) → プロダクトマネージャー (Product manager)');
      expect(output).toMatch(/1 move · probability \d/);
      expect(output).toContain('004_d5693c43631875f8.txt');
    } finally {
      await server.stop();
    }
    // With the server stopped, the CLI opens the same store itself.
    const alone = await runScript('server/cli/route.ts', ['--from', 'sales', '--to', 'business-head', '--mode', 'travelled'], {
      PORT: '1',
      DATA_DIR: server.dataDir,
    });
    expect(alone.code, alone.output).toBe(0);
    expect(alone.output).toContain('営業 (Sales) → コーポレート本部長 (Corporate head) → 事業責任者 (Business head)');
    expect(alone.output).toContain('1 traveller');
  });

  it('with READ_TOKEN set on the server, sends READ_TOKEN from its environment (a route and its export); without it says what to set', async () => {
    const READ_TOKEN = 'route-cli-read-token-0123456789';
    const server = await spawnServer({ READ_TOKEN });
    try {
      const env = { PORT: new URL(server.url).port, DATA_DIR: server.dataDir };
      const args = ['--from', 'cs', '--to', 'product-manager', '--mode', 'likely'];
      const ok = await runScript('server/cli/route.ts', args, { ...env, READ_TOKEN, ADMIN_TOKEN: '' });
      expect(ok.code, ok.output).toBe(0);
      expect(ok.output).toContain('カスタマーサポート (Customer support) → プロダクトマネージャー (Product manager)');
      const file = path.join(server.dataDir, 'route.mmd');
      const exported = await runScript('server/cli/route.ts', [...args, '--export', file], { ...env, READ_TOKEN, ADMIN_TOKEN: '' });
      expect(exported.code, exported.output).toBe(0);
      expect(await readFile(file, 'utf8')).toContain('flowchart');
      const none = await runScript('server/cli/route.ts', args, { ...env, READ_TOKEN: '', ADMIN_TOKEN: '' });
      expect(none.code).toBe(1);
      expect(none.output).toContain('needs a read token: set READ_TOKEN');
      const wrong = await runScript('server/cli/route.ts', args, { ...env, READ_TOKEN: 'not-the-servers-read-token', ADMIN_TOKEN: '' });
      expect(wrong.code).toBe(1);
      expect(wrong.output).toContain('did not accept the token');
    } finally {
      await server.stop();
    }
  }, 90_000);

  it('names the bad option', async () => {
    const { code, output } = await runScript('server/cli/route.ts', ['--from', 'qa', '--to', 'hr', '--max-hops', '99'], { PORT: '1' });
    expect(code).toBe(1);
    expect(output).toContain('--max-hops');
  });

  it('--lang ja: Japanese words, and a no-route answer naming where one can go instead; an unknown --lang is English', async () => {
    const server = await spawnServer();
    await server.stop();
    const env = { PORT: '1', DATA_DIR: server.dataDir };
    const ja = await runScript('server/cli/route.ts', ['--from', '経理', '--to', '管理本部長', '--lang', 'ja'], env);
    expect(ja.code, ja.output).toBe(0);
    expect(ja.output).toContain('ルートはありません。 経理 から 管理本部長 へのルートはありません。');
    expect(ja.output).toMatch(/出発地からたどり着ける職種\(\d+ 件、近い順\):\n/);
    expect(ja.output).toContain('  • 予算管理 (Budgeting) — 1 回の移動');
    expect(ja.output).toContain('  • ファイナンス (Finance) — 3 回の移動');
    expect(ja.output).toContain('目的地へつながる職種(');
    const bad = await runScript('server/cli/route.ts', ['--from', 'qa', '--to', 'hr', '--max-hops', '99', '--lang', 'ja'], env);
    expect(bad.code).toBe(1);
    expect(bad.output).toContain('--max-hops: 10 以下にしてください');
    const fr = await runScript('server/cli/route.ts', ['--from', 'cs', '--to', 'product-manager', '--lang', 'fr'], env);
    expect(fr.code, fr.output).toBe(0);
    expect(fr.output).toMatch(/1 move · probability/);
  });

  it('names an unknown dataset', async () => {
    const server = await spawnServer();
    await server.stop();
    const { code, output } = await runScript('server/cli/route.ts', ['--from', 'sales', '--to', 'business-head', '--datasets', 'nope'], {
      PORT: '1',
      DATA_DIR: server.dataDir,
    });
    expect(code).toBe(1);
    expect(output).toContain('--datasets');
    expect(output).toContain('Unknown dataset "nope"');
  });

  it('--kinds narrows the moves a route may use, as kinds= does on the API', async () => {
    // customer-support → cs-manager is an author's recommendation, and no chain of moves people made joins them.
    const server = await spawnServer();
    const env = { PORT: new URL(server.url).port, DATA_DIR: server.dataDir };
    try {
      const all = await runScript('server/cli/route.ts', ['--from', 'customer-support', '--to', 'cs-manager', '--json'], env);
      expect(all.code, all.output).toBe(0);
      expect(JSON.parse(all.output).routes[0].roles).toEqual(['customer-support', 'cs-manager']);
      const observed = await runScript('server/cli/route.ts', ['--from', 'customer-support', '--to', 'cs-manager', '--kinds', 'move', '--json'], env);
      expect(observed.code, observed.output).toBe(0);
      const answer = JSON.parse(observed.output);
      expect(answer.routes).toEqual([]);
      expect(answer.query.kinds).toEqual(['move']);
      const bad = await runScript('server/cli/route.ts', ['--from', 'customer-support', '--to', 'cs-manager', '--kinds', 'rumour'], env);
      expect(bad.code).not.toBe(0);
      expect(bad.output).toContain('kinds');
    } finally {
      await server.stop();
    }
  });
});
