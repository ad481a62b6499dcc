/**
 * Export in a real browser against the real server (built client, embedded
 * Kùzu, seed graph): opens the path diagram of customer support → product
 * manager, clicks every export button for the route and for the current view,
 * and checks each downloaded file with a real reader — PNG decoded (size as
 * asked, not blank, provenance in CRC-checked text chunks), SVG and GraphML
 * through an XML parser, Mermaid through Mermaid's own parser inside Chromium,
 * CSV through csv-parse, Cytoscape JSON loaded back into Cytoscape.
 * Screenshot: test-output/e2e/export-dialog.png.
 */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import cytoscape, { type Core } from 'cytoscape';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportProvenance } from '../../server/contract/export.js';
import { launchBrowser } from '../fixtures/browser.js';
import { elements, hasInk, parseCsv, parseXml, readPng, svgProvenance, textOf } from '../fixtures/export-check.js';
import { ROOT, spawnServer, type SpawnedServer } from '../fixtures/spawn-server.js';

let server: SpawnedServer;
let browser: Browser;
let page: Page;
/** A blank page with Mermaid loaded, to parse the downloaded charts in Chromium. */
let mermaidPage: Page;
let dataVersion: string;

beforeAll(async () => {
  await mkdir(path.join(ROOT, 'test-output', 'e2e'), { recursive: true });
  [server, browser] = await Promise.all([spawnServer(), launchBrowser()]);
  dataVersion = ((await (await fetch(`${server.url}/api/health`)).json()) as { dataVersion: string }).dataVersion;
  page = await browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  page.setDefaultTimeout(10_000);
  mermaidPage = await browser.newPage();
  await mermaidPage.addScriptTag({ path: path.join(ROOT, 'node_modules', 'mermaid', 'dist', 'mermaid.min.js') });
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Clicks the export button for `format` and returns the downloaded file's name and bytes. */
async function exportFile(format: string): Promise<{ name: string; bytes: Buffer; text: string; status: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`[data-testid="export-${format}"]`).click()]);
  const file = await download.path();
  const bytes = await readFile(file);
  await page.locator('[data-testid="export-status"]', { hasText: download.suggestedFilename() }).waitFor();
  const status = (await page.locator('[data-testid="export-status"]').textContent()) ?? '';
  return { name: download.suggestedFilename(), bytes, text: bytes.toString('utf8'), status };
}

/** Mermaid's own parser, run in Chromium: the chart type and its vertex and edge counts. */
function mermaidParse(text: string) {
  return mermaidPage.evaluate(async (src) => {
    const m = (window as unknown as { mermaid: any }).mermaid;
    m.initialize({ startOnLoad: false });
    const result = await m.parse(src);
    const diagram = await m.mermaidAPI.getDiagramFromText(src);
    return { type: result.diagramType as string, vertices: diagram.db.getVertices().size as number, edges: diagram.db.getEdges().length as number };
  }, text);
}

function checkProvenance(p: unknown, scope: 'route' | 'view') {
  const prov = exportProvenance.parse(p);
  expect(prov.scope).toBe(scope);
  expect(prov.query).toMatchObject({ from: 'customer-support', to: 'product-manager', mode: 'likely' });
  expect(prov.dataVersion).toBe(dataVersion);
  expect(Math.abs(Date.now() - Date.parse(prov.exportedAt))).toBeLessThan(120_000);
}

describe('export from the browser', () => {
  it('exports the selected route in every format, from the path diagram view', async () => {
    await page.goto(`${server.url}/?from=customer-support&to=product-manager&mode=likely`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
    await page.locator('[data-testid="path-diagram"]').click();
    const preview = page.locator('[data-testid="export-preview"] img');
    await preview.waitFor();
    expect(await preview.evaluate((img: HTMLImageElement) => img.decode().then(() => img.naturalWidth))).toBeGreaterThan(400);
    await page.locator('[data-testid="export-scale"]').selectOption('3');
    await page.screenshot({ path: path.join(ROOT, 'test-output', 'e2e', 'export-dialog.png') });

    const svg = await exportFile('svg');
    expect(svg.name).toBe('rolepath-customer-support-to-product-manager-likely.svg');
    const svgTree = parseXml(svg.text);
    const drawn = textOf(svgTree);
    for (const label of ['Customer support', 'カスタマーサポート', 'Product manager', 'プロダクトマネージャー']) expect(drawn).toContain(label);
    expect(elements(svgTree, 'text').find((t) => t.attrs['@class'] === 'diagram-title')?.text).toBe('Customer support → Product manager, most likely');
    checkProvenance(svgProvenance(svg.text), 'route');
    const svgSize = elements(svgTree, 'svg')[0]!.attrs;

    const png = await exportFile('png');
    const image = readPng(png.bytes);
    // Scale 3× of the diagram's own size, exactly.
    expect([image.width, image.height]).toEqual([Number(svgSize['@width']) * 3, Number(svgSize['@height']) * 3]);
    expect(hasInk(image.png)).toBe(true);
    expect(image.text.Software).toBe('rolepath');
    expect(image.text.Title).toBe('Customer support → Product manager, most likely');
    checkProvenance(JSON.parse(image.text['rolepath:provenance']!), 'route');
    expect(png.status).toContain(`${image.width} × ${image.height} px`);

    const json = JSON.parse((await exportFile('json')).text);
    checkProvenance(json.provenance, 'route');
    const cy = cytoscape({ headless: true, elements: json.elements, style: json.style });
    expect(cy.nodes().map((n) => n.id())).toEqual(['customer-support', 'product-manager']);
    expect(cy.edges()).toHaveLength(1);
    cy.destroy();

    const graphmlTree = parseXml((await exportFile('graphml')).text);
    expect(elements(graphmlTree, 'node')).toHaveLength(2);
    expect(elements(graphmlTree, 'edge')).toHaveLength(1);
    checkProvenance(JSON.parse(elements(graphmlTree, 'data').find((d) => d.attrs['@key'] === 'provenance')!.text), 'route');

    const mmd = await exportFile('mermaid');
    expect(mmd.name.endsWith('.mmd')).toBe(true);
    expect(await mermaidParse(mmd.text)).toEqual({ type: 'flowchart-v2', vertices: 2, edges: 1 });
    expect(mmd.text).toContain(`%% data version: ${dataVersion}`);

    const rows = parseCsv((await exportFile('csv')).text);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ from_id: 'customer-support', to_id: 'product-manager', data_version: dataVersion });
  });

  it('exports the current view: PNG of the whole graph and of the visible part at the asked size, SVG, JSON, GraphML, Mermaid', async () => {
    await page.locator('label[for="export-scope-view"]').click();
    expect(await page.locator('[data-testid="export-csv"]').isDisabled()).toBe(true);
    await page.locator('[data-testid="export-scale"]').selectOption('2');
    const shown = await page.evaluate(() => {
      const cy = (window as unknown as { __cy: Core }).__cy;
      const bb = cy.elements().boundingBox({});
      return { w: Math.ceil(bb.w), h: Math.ceil(bb.h), cw: cy.width(), ch: cy.height(), nodes: cy.nodes(':visible').length, edges: cy.edges(':visible').length };
    });

    const full = readPng((await exportFile('png')).bytes);
    expect([full.width, full.height]).toEqual([Math.floor(shown.w * 2), Math.floor(shown.h * 2)]);
    expect(hasInk(full.png)).toBe(true);
    checkProvenance(JSON.parse(full.text['rolepath:provenance']!), 'view');

    await page.locator('label[for="export-area-visible"]').click();
    await page.locator('label[for="export-bg-transparent"]').click();
    const visible = readPng((await exportFile('png')).bytes);
    expect([visible.width, visible.height]).toEqual([shown.cw * 2, shown.ch * 2]);
    expect(hasInk(visible.png)).toBe(true);
    // Transparent background: the corners are see-through.
    expect(visible.png.data[3]).toBe(0);

    const svg = await exportFile('svg');
    const tree = parseXml(svg.text);
    expect(elements(tree, 'clipPath')).toHaveLength(1);
    const legend = textOf(elements(tree, 'g').find((g) => g.attrs['@class'] === 'legend')!.children);
    for (const family of ['Customer support', 'Back office', 'BizOps', 'Engineering']) expect(legend).toContain(family);
    checkProvenance(svgProvenance(svg.text), 'view');
    await page.locator('label[for="export-area-full"]').click();
    const fullSvg = parseXml((await exportFile('svg')).text);
    expect(elements(fullSvg, 'g').filter((g) => g.attrs['@class'] === 'node')).toHaveLength(shown.nodes);
    expect(elements(fullSvg, 'g').filter((g) => g.attrs['@class'] === 'edge')).toHaveLength(shown.edges);
    // The highlighted route keeps its colour and step label.
    const routeEdge = elements(fullSvg, 'g').find((g) => g.attrs['@data-id']?.startsWith('customer-support->product-manager'))!;
    expect(elements(routeEdge.children, 'path')[0]!.attrs['@stroke']).toBe('rgb(217,72,15)');
    expect(elements(routeEdge.children, 'text')[0]!.text).toBe('1');

    const json = JSON.parse((await exportFile('json')).text);
    checkProvenance(json.provenance, 'view');
    const cy = cytoscape({ headless: true, elements: json.elements, style: json.style });
    expect([cy.nodes().length, cy.edges().length]).toEqual([shown.nodes, shown.edges]);
    expect(cy.getElementById('customer-support').hasClass('route-node')).toBe(true);
    cy.destroy();

    const graphmlTree = parseXml((await exportFile('graphml')).text);
    expect([elements(graphmlTree, 'node').length, elements(graphmlTree, 'edge').length]).toEqual([shown.nodes, shown.edges]);

    const chart = await mermaidParse((await exportFile('mermaid')).text);
    expect(chart).toEqual({ type: 'flowchart-v2', vertices: shown.nodes, edges: shown.edges });
  });

  it('draws the path diagram in Japanese when the page is in Japanese', async () => {
    await page.locator('.export-close').click();
    await page.locator('button[data-lang="ja"]').click();
    await page.locator('[data-testid="path-diagram"]').click();
    const svg = await exportFile('svg');
    const tree = parseXml(svg.text);
    expect(elements(tree, 'text').find((t) => t.attrs['@class'] === 'diagram-title')?.text).toBe('カスタマーサポート → プロダクトマネージャー（確率が最高）');
    expect(await page.locator('[data-testid="export-status"]').textContent()).toContain('を保存しました');
  });
});
