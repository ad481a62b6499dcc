/**
 * The page with a big graph (issue 14, item 3), in headless Chromium (software
 * rendering), against the real server (server/main.ts) over a generated graph
 * of 1,000 and 5,000 roles with 5 moves each (5,000 and 25,000 moves), which
 * the page draws as an overview of groups (client/src/graph/overview.ts):
 *  - time to a drawn, interactive graph: navigation start to `data-ready`
 *    (graph fetched, parsed, drawn, taps wired), as the page's own clock says;
 *  - the graph payload on the wire (GET /api/graph?shape=compact as the page asked for it);
 *  - frame timing during a scripted pan (mouse drags), as gaps between animation frames:
 *    on the overview, and with its largest group opened (its roles and their moves drawn);
 *  - re-layout (the toolbar's button) until the page says it is done;
 *  - the same loads and pans with Cytoscape's WebGL renderer (`webgl: true`, asked
 *    for by the page's `__ROLEPATH_WEBGL__` switch) beside the canvas renderer the page uses.
 * Needs the built client (`npm run build`).
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { KuzuGraphStore } from '../../server/db/kuzu/kuzu-store.js';
import { launchBrowser } from '../fixtures/browser.js';
import { spawnServer } from '../fixtures/spawn-server.js';
import { generateRoleGraph } from './generate-graph.js';
import { summarise, type BenchRow } from './harness.js';

const SIZES = (process.env.BENCH_BROWSER_SIZES ?? '1000,5000').split(',').map(Number);
const LOADS = Number(process.env.BENCH_BROWSER_LOADS ?? 3);
const RENDERERS = ['canvas', 'webgl'] as const;

/** Drags the graph around for a while and returns the gaps between animation frames meanwhile (ms). */
async function panFrames(page: Page): Promise<number[]> {
  const box = (await page.locator('#cy').boundingBox())!;
  // As a string: tsx's helpers (__name) do not exist in the page.
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__recording = true;
    const tick = (t) => {
      window.__frames.push(t);
      if (window.__recording) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
  for (let drag = 0; drag < 3; drag++) {
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    for (let i = 1; i <= 30; i++) await page.mouse.move(cx + (drag % 2 ? -1 : 1) * i * 8, cy + i * 4);
    await page.mouse.up();
  }
  const frames = (await page.evaluate('(() => { window.__recording = false; return window.__frames; })()')) as number[];
  return frames.slice(1).map((t, i) => t - frames[i]!);
}

/** Re-layout: the toolbar's button, until the page says the graph is loaded again (or 5 minutes). */
async function relayout(page: Page, label: string): Promise<BenchRow> {
  const t0 = Date.now();
  await page.getByTestId('relayout').click();
  let finished: true | string = true;
  try {
    await page.waitForSelector('body[data-ready="true"]:not([data-layout="running"])', { timeout: 300_000 });
  } catch (err) {
    finished = err instanceof Error ? err.message.split('\n')[0]!.slice(0, 80) : String(err);
  }
  return summarise('browser', `${label}: re-layout`, [Date.now() - t0], undefined, finished === true ? (await page.locator('#status').textContent())?.slice(0, 60) : finished);
}

export async function browserBench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const browser = await launchBrowser();
  try {
    for (const roles of SIZES) {
      const label = `${roles.toLocaleString('en')} roles / ${(roles * 5).toLocaleString('en')} moves`;
      const dataDir = await mkdtemp(path.join(tmpdir(), 'rolepath-browser-bench-'));
      const g = generateRoleGraph({ roles, edgesPerRole: 5, seed: 42 });
      const store = new KuzuGraphStore({ path: path.join(dataDir, 'rolepath.kuzu') });
      await store.init();
      await store.writeGraph({ dataset: 'generated', ...g });
      await store.close();
      const server = await spawnServer({ DATA_DIR: dataDir, RATE_LIMIT_PER_MINUTE: '0' });
      try {
        // The server compresses the graph once per data version: ask once so no load below pays for that.
        await fetch(`${server.url}/api/graph?shape=compact`, { headers: { 'accept-encoding': 'br' } }).then((r) => r.arrayBuffer());
        for (const renderer of RENDERERS) {
          const tag = renderer === 'canvas' ? '' : ' (WebGL renderer)';
          const ready: number[] = [];
          const wire: number[] = [];
          let page: Page | undefined;
          for (let i = 0; i < LOADS; i++) {
            await page?.close();
            page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
            if (renderer === 'webgl') await page.addInitScript('window.__ROLEPATH_WEBGL__ = true');
            page.setDefaultTimeout(120_000);
            const graphResponse = page.waitForResponse((r) => r.url().includes('/api/graph'));
            await page.goto(server.url);
            await page.waitForSelector('body[data-ready="true"]');
            ready.push((await page.evaluate('performance.now()')) as number);
            wire.push((await (await graphResponse).request().sizes()).responseBodySize);
          }
          const drawn = (await page!.evaluate('window.__cy.elements().length')) as number;
          rows.push(summarise('browser', `${label}: time to interactive graph${tag}`, ready, { ms: 1500, on: 'p50' }, `${drawn} elements drawn`));
          if (renderer === 'canvas') {
            rows.push({ ...summarise('browser', `${label}: graph payload on the wire (bytes, not ms)`, wire), ...(roles === 5000 ? { target: 600_000, targetOn: 'p50' as const, pass: wire[0]! <= 600_000 } : {}) });
          }
          const gaps = await panFrames(page!);
          rows.push(summarise('browser', `${label}: frame gaps while panning the overview${tag}`, gaps, { ms: 100, on: 'p95' }, `${gaps.length} frames, ${gaps.filter((g) => g > 100).length} over 100 ms`));
          if (renderer === 'canvas') rows.push(await relayout(page!, label));
          // The largest group opened, as a tap does, and the view fitted to the whole graph again.
          await page!.evaluate("(() => { const g = window.__cy.nodes('.group').max((n) => n.data('roles')).ele; g.emit('tap'); })()");
          await page!.getByTestId('fit').click();
          const all = (await page!.evaluate('window.__cy.elements().length')) as number;
          const openGaps = await panFrames(page!);
          rows.push(summarise('browser', `${label}: frame gaps while panning, largest group open${tag}`, openGaps, { ms: 100, on: 'p95' }, `${all} elements, ${openGaps.length} frames, ${openGaps.filter((g) => g > 100).length} over 100 ms`));
          await page?.close();
          console.error(rows.slice(-4).map((r) => `  ${r.name}: p50 ${r.p50}, p95 ${r.p95}${r.note ? ` (${r.note})` : ''}`).join('\n'));
        }
      } finally {
        await server.stop();
      }
    }
  } finally {
    await browser.close();
  }
  return rows;
}
