/**
 * The Explorer with a generated graph of 3,000 roles and 9,000 moves, served
 * in place of /api/graph (the real server still answers everything else):
 * the page draws it quickly, hides labels until zoomed in, hides edges while
 * the viewport moves, thins edges with the minimum-count slider, and keeps
 * panning and zooming smooth. Screenshots go to test-output/e2e/.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphResponse } from '../../server/contract/api.js';
import { encodeCompactGraph } from '../../server/contract/graph-compact.js';
import { generateRoleGraph } from '../bench/generate-graph.js';
import { launchBrowser } from '../fixtures/browser.js';
import { ROOT, spawnServer, type SpawnedServer } from '../fixtures/spawn-server.js';

const ROLES = 3000;
const shots = path.join(ROOT, 'test-output', 'e2e');
let server: SpawnedServer;
let browser: Browser;
let page: Page;
let graph: GraphResponse;

/** The generated graph in the shape GET /api/graph answers. */
function generatedGraph(): GraphResponse {
  const g = generateRoleGraph({ roles: ROLES, edgesPerRole: 3, seed: 42 });
  return {
    elements: {
      nodes: g.roles.map((r) => ({ data: { id: r.id, label: r.name, labelJa: r.nameJa, family: r.family } })),
      edges: g.transitions.map((t, i) => ({
        data: { id: `e${i}`, source: t.from, target: t.to, count: t.count, probability: t.probability, kind: t.kind, dataset: t.dataset, skills: t.skills, evidence: t.evidence },
      })),
    },
  };
}

const cy = <T>(fn: string) => page.evaluate(`(() => { const cy = window.__cy; return ${fn}; })()`) as Promise<T>;

beforeAll(async () => {
  await mkdir(shots, { recursive: true });
  graph = generatedGraph();
  [server, browser] = await Promise.all([spawnServer(), launchBrowser()]);
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.setDefaultTimeout(15_000);
  const body = JSON.stringify(encodeCompactGraph(graph));
  await page.route('**/api/graph?shape=compact', (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('explorer with a large graph', () => {
  it('draws 3,000 roles quickly, with labels only when zoomed in', async () => {
    const started = Date.now();
    await page.goto(server.url);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
    const drawMs = Date.now() - started;
    console.log(`large graph: ready in ${drawMs} ms`);
    expect(await cy<number>('cy.nodes().length')).toBe(ROLES);
    expect(await cy<number>('cy.edges().length')).toBe(graph.elements.edges.length);
    // About 2 s on an idle machine; the bound is loose for busy CI but catches a layout or label-measuring pass over every role (tens of seconds).
    expect(drawMs, 'page ready in').toBeLessThan(15_000);
    // Labels are skipped below min-zoomed-font-size: hidden at the overview, shown once zoomed in.
    const labelShown = () => cy<boolean>(`cy.zoom() * parseFloat(cy.nodes()[0].style('font-size')) >= parseFloat(cy.nodes()[0].style('min-zoomed-font-size'))`);
    expect(await labelShown()).toBe(false);
    expect(await cy<boolean>('cy.renderer().hideEdgesOnViewport')).toBe(true);
    await page.screenshot({ path: path.join(shots, 'explorer-large.png') });
    // Zoom in around one role (the wheel itself is exercised in the next test): names appear.
    await cy("void cy.zoom({ level: 1.8, renderedPosition: cy.getElementById('role-00001').renderedPosition() })");
    expect(await labelShown()).toBe(true);
    await page.screenshot({ path: path.join(shots, 'explorer-large-zoomed.png') });
    await page.getByTestId('fit').click();
  });

  it('pans and zooms smoothly', async () => {
    const box = (await page.locator('#cy').boundingBox())!;
    await page.evaluate(() => {
      const w = window as unknown as { __frames: number[] };
      w.__frames = [];
      const tick = (t: number) => {
        w.__frames.push(t);
        if (w.__frames.length < 400) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    const [cx, cy0] = [box.x + box.width / 2, box.y + box.height / 2];
    await page.mouse.move(cx, cy0);
    for (let i = 0; i < 10; i++) await page.mouse.wheel(0, -120);
    await page.mouse.down();
    for (let i = 0; i < 30; i++) await page.mouse.move(cx + i * 8, cy0 + i * 4);
    await page.mouse.up();
    const frames = await page.evaluate(() => (window as unknown as { __frames: number[] }).__frames);
    const gaps = frames.slice(1).map((t, i) => t - frames[i]!).sort((a, b) => a - b);
    const p90 = gaps[Math.floor(gaps.length * 0.9)]!;
    console.log(`large graph: ${gaps.length} frames while panning/zooming, median ${gaps[gaps.length >> 1]!.toFixed(1)} ms, p90 ${p90.toFixed(1)} ms`);
    // Headless Chromium renders in software on a shared machine. With edges hidden while the viewport moves,
    // p90 is 17–120 ms here; drawing all 9,000 edges on every frame measured ~300 ms. 200 ms tells them apart.
    expect(p90).toBeLessThan(200);
  });

  it('thins edges with the minimum-count slider', async () => {
    const threshold = 10;
    const expected = graph.elements.edges.filter((e) => e.data.count >= threshold).length;
    await page.locator('#min-count').fill(String(threshold));
    expect(await cy<number>("cy.edges(':visible').length")).toBe(expected);
    expect(await page.locator('.min-count-out').textContent()).toBe(`moves with ≥ ${threshold} accounts: ${expected} of ${graph.elements.edges.length}`);
    await page.getByTestId('fit').click();
    await page.screenshot({ path: path.join(shots, 'explorer-large-thinned.png') });
  });
});
