/** `npm run route` (server/cli/route.ts): readable routes, through a running server or on its own. */
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
      expect(output).toContain('カスタマーサービス (Customer support) → プロダクトマネージャー (Product manager)');
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

  it('names the bad option', async () => {
    const { code, output } = await runScript('server/cli/route.ts', ['--from', 'qa', '--to', 'hr', '--max-hops', '99'], { PORT: '1' });
    expect(code).toBe(1);
    expect(output).toContain('--max-hops');
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
});
