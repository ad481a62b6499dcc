/** `npm run route -- … --export FILE`: the format from the extension, through a running server or on its own. */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportProvenance } from '../../server/contract/export.js';
import { runScript, spawnServer } from '../fixtures/spawn-server.js';
import { elements, parseCsv, parseMermaid, parseXml, svgProvenance } from '../fixtures/export-check.js';

describe('route CLI --export', () => {
  it('writes the path diagram and data files, via the server and then alone', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'rolepath-export-'));
    const server = await spawnServer();
    const env = { PORT: new URL(server.url).port, DATA_DIR: server.dataDir };
    let version: string;
    try {
      version = ((await (await fetch(`${server.url}/api/health`)).json()) as { dataVersion: string }).dataVersion;
      const svgFile = path.join(dir, 'cs-pm.svg');
      const svg = await runScript('server/cli/route.ts', ['--from', 'cs', '--to', 'product-manager', '--mode', 'likely', '--export', svgFile], env);
      expect(svg.code, svg.output).toBe(0);
      expect(svg.output).toContain(`Wrote ${svgFile} (svg`);
      const text = await readFile(svgFile, 'utf8');
      const drawn = elements(parseXml(text), 'text').map((t) => t.text);
      expect(drawn).toEqual(expect.arrayContaining(['Customer support', 'カスタマーサポート', 'Product manager', 'プロダクトマネージャー']));
      const prov = exportProvenance.parse(svgProvenance(text));
      expect(prov).toMatchObject({ query: { from: 'customer-support', to: 'product-manager', mode: 'likely' }, dataVersion: version });

      const mmd = path.join(dir, 'route.mmd');
      const m = await runScript('server/cli/route.ts', ['--from', 'accounting', '--to', 'finance', '--export', mmd, '--lang', 'ja'], env);
      expect(m.code, m.output).toBe(0);
      expect((await parseMermaid(await readFile(mmd, 'utf8'))).edges).toHaveLength(3);
    } finally {
      await server.stop();
    }
    // Server stopped: the CLI opens the store itself and writes the same kind of file.
    const csv = path.join(dir, 'route.csv');
    const alone = await runScript('server/cli/route.ts', ['--from', 'sales', '--to', 'business-head', '--mode', 'travelled', '--export', csv], { ...env, PORT: '1' });
    expect(alone.code, alone.output).toBe(0);
    const rows = parseCsv(await readFile(csv, 'utf8'));
    expect(rows).toHaveLength(2);
    expect(rows[0]!.data_version).toBe(version);
  });

  it('refuses a file name whose format it cannot tell, and a query with no route', async () => {
    const png = await runScript('server/cli/route.ts', ['--from', 'cs', '--to', 'qa', '--export', 'x.png'], { PORT: '1' });
    expect(png.code).toBe(2);
    expect(png.output).toContain('PNG is drawn in the browser');
    const pdf = await runScript('server/cli/route.ts', ['--from', 'cs', '--to', 'qa', '--export', 'x.pdf'], { PORT: '1' });
    expect(pdf.code).toBe(2);
    expect(pdf.output).toContain('.svg, .mmd, .mermaid, .graphml, .csv, .json');
    const server = await spawnServer();
    try {
      const none = await runScript('server/cli/route.ts', ['--from', 'sales', '--to', 'business-head', '--avoid', 'corporate-head', '--export', path.join(tmpdir(), 'none.svg')], {
        PORT: new URL(server.url).port,
        DATA_DIR: server.dataDir,
      });
      expect(none.code).toBe(1);
      expect(none.output).toMatch(/No route to export .*Corporate head/);
    } finally {
      await server.stop();
    }
  });
});
