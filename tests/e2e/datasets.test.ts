/**
 * The dataset picker in a real browser against the real server: a small
 * transition table (people) imported through the API, picked in the page,
 * a route found in it and exported — the provenance names the dataset and its
 * unit; the choice is kept in the address bar (a link opens the same data); a
 * mix of units the server refuses shows its message and leaves the page as it
 * was; a freshly imported dataset is offered.
 * Screenshots: test-output/e2e/datasets-{en,ja}.png.
 */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Core } from 'cytoscape';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportProvenance } from '../../server/contract/export.js';
import { launchBrowser } from '../fixtures/browser.js';
import { elements, parseXml, svgProvenance, textOf } from '../fixtures/export-check.js';
import { ROOT, spawnServer, type SpawnedServer } from '../fixtures/spawn-server.js';

const TOKEN = 'e2e-datasets-admin-token-0123456789';
const DATASET = 'e2e-hr';
/** People who made each move (k = 5 keeps them all): customer support → HR → labour law, and a longer way round. */
const TABLE = 'from,to,count\ncustomer-support,hr,12\nhr,labour-law,8\ncustomer-support,sales,6\nsales,hr,5\n';
/** A published-style table of shares only (unit probability). */
const SHARES = 'from,to,probability\ncustomer-support,hr,0.4\nhr,labour-law,0.5\n';
const OUT = path.join(ROOT, 'test-output', 'e2e');

let server: SpawnedServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  await mkdir(OUT, { recursive: true });
  [server, browser] = await Promise.all([spawnServer({ ADMIN_TOKEN: TOKEN }), launchBrowser()]);
  for (const [name, body] of [[DATASET, TABLE], ['e2e-shares', SHARES]] as const) {
    const res = await fetch(`${server.url}/api/imports?kind=transitions&dataset=${name}&minCount=5`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/octet-stream' },
      body,
    });
    expect(res.status, await res.clone().text()).toBe(200);
  }
  page = await browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  page.setDefaultTimeout(20_000);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const shown = (p: Page = page) => p.locator('body').getAttribute('data-datasets');
const edgeCount = (p: Page = page) => p.evaluate(() => (window as unknown as { __cy: Core }).__cy.edges().length);

async function exportFile(format: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`[data-testid="export-${format}"]`).click()]);
  return (await readFile(await download.path())).toString('utf8');
}

async function pick(input: string, text: string, id: string): Promise<void> {
  await page.locator(input).fill(text);
  const option = page.locator(`${input}-list [data-role-id="${id}"]`);
  await option.waitFor();
  for (let i = 0; i < 10 && (await option.getAttribute('aria-selected')) !== 'true'; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
}

describe('datasets in the page', () => {
  it('starts on the server default (the articles) and lists every dataset with its unit, size and import date', async () => {
    await page.goto(`${server.url}/?lang=en`);
    await page.locator('body[data-ready="true"]').waitFor();
    expect(await shown()).toBe('articles');
    expect(await page.locator('[data-testid="datasets-open"]').textContent()).toBe('Data: articles (accounts)');
    await page.locator('[data-testid="datasets-open"]').click();
    const row = page.locator(`[data-testid="dataset-${DATASET}"]`);
    await row.waitFor();
    const today = new Date().toISOString().slice(0, 10);
    expect(await row.textContent()).toContain(`people · 4 moves · imported ${today}`);
    expect(await page.locator('[data-testid="dataset-articles"]').textContent()).toMatch(/articles \(default\)accounts in articles · \d+ moves · built in/);
    expect(await page.locator('[data-testid="dataset-articles"] input').isChecked()).toBe(true);
    expect(await row.locator('input').isChecked()).toBe(false);
  });

  it('a mix the server refuses shows its message and leaves the graph as it was', async () => {
    const before = await edgeCount();
    await page.locator(`[data-testid="dataset-${DATASET}"] input`).check();
    expect(await page.locator('[data-testid="datasets-hint"]').textContent()).toContain('do not combine');
    await page.locator('[data-testid="datasets-show"]').click();
    const error = page.locator('[data-testid="datasets-error"]');
    await error.waitFor();
    expect(await error.textContent()).toContain('cannot be combined');
    expect(await error.textContent()).toContain(`"${DATASET}" (people)`);
    await page.screenshot({ path: path.join(OUT, 'datasets-en.png') });
    expect(await shown()).toBe('articles');
    expect(await edgeCount()).toBe(before);
    expect(page.url()).not.toContain('datasets=');
  });

  it('picks the imported dataset, finds a route in it, and exports it naming the dataset and its unit', async () => {
    await page.locator('[data-testid="dataset-articles"] input').uncheck();
    await page.locator('[data-testid="datasets-show"]').click();
    await page.locator(`body[data-datasets="${DATASET}"]`).waitFor();
    expect(await page.locator('[data-testid="datasets-dialog"]').evaluate((d: HTMLDialogElement) => d.open)).toBe(false);
    expect(await edgeCount()).toBe(4);
    expect(new URL(page.url()).searchParams.get('datasets')).toBe(DATASET);
    expect(await page.locator('[data-testid="datasets-open"]').textContent()).toBe(`Data: ${DATASET} (people)`);

    await pick('#route-from', 'Customer support', 'customer-support');
    await pick('#route-to', 'labour-law', 'labour-law');
    await page.getByRole('button', { name: 'Find routes' }).click();
    await page.locator('[data-testid="path-diagram"]').waitFor({ state: 'visible' });
    const drawn = await page.evaluate(() => (window as unknown as { __cy: Core }).__cy.edges('.route-edge').map((e) => `${e.source().id()}>${e.target().id()}`).sort());
    expect(drawn).toEqual(['customer-support>hr', 'hr>labour-law']);
    // Counts in the dataset's unit: people, not the articles' accounts.
    const steps = (await page.locator('[data-testid="route-steps"]').textContent()) ?? '';
    expect(steps).toContain('12 people · probability 67%');
    expect(steps).not.toContain('account');
    expect(new URL(page.url()).searchParams.get('datasets')).toBe(DATASET);

    await page.locator('[data-testid="path-diagram"]').click();
    await page.locator('[data-testid="export-preview"] img').waitFor();
    const svg = await exportFile('svg');
    const provenance = exportProvenance.parse(svgProvenance(svg));
    expect(provenance.query?.datasets).toEqual([DATASET]);
    expect(provenance.source).toContain(`dataset "${DATASET}" (unit: people)`);
    expect(provenance.source).not.toContain('articles');
    const footer = textOf(elements(parseXml(svg), 'g').find((g) => g.attrs['@class'] === 'footer')!.children);
    expect(footer).toContain(`dataset "${DATASET}" (unit: people)`);
    const json = JSON.parse(await exportFile('json'));
    expect(json.provenance.source).toContain(`"${DATASET}" (unit: people)`);

    // The same in Japanese: the picker's words and the export's source.
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: '日本語' }).click();
    expect(await page.locator('[data-testid="datasets-open"]').textContent()).toBe(`データ: ${DATASET}（人数）`);
    expect(await page.locator('[data-testid="route-steps"]').textContent()).toContain('12 人');
    await page.locator('[data-testid="path-diagram"]').click();
    await page.locator('[data-testid="export-preview"] img').waitFor();
    const svgJa = await exportFile('svg');
    expect(exportProvenance.parse(svgProvenance(svgJa)).source).toContain(`データセット "${DATASET}"、単位 people（人数）`);
    await page.keyboard.press('Escape');
    await page.locator('[data-testid="datasets-open"]').click();
    await page.locator(`[data-testid="dataset-${DATASET}"]`, { hasText: '人数 · 移動 4 件' }).waitFor();
    await page.screenshot({ path: path.join(OUT, 'datasets-ja.png') });
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'English' }).click();
  });

  it('a link opens the same data; a link mixing units says why and lets you choose again', async () => {
    const other = await browser.newPage({ viewport: { width: 1200, height: 800 } });
    await other.goto(`${page.url()}&role=hr`);
    await other.locator(`body[data-datasets="${DATASET}"]`).waitFor();
    expect(await edgeCount(other)).toBe(4);
    await other.locator('[data-testid="alternatives"]').waitFor();
    // The role page is drawn from the same dataset: HR's moves with their people.
    const details = other.locator('[data-testid="role-details"] [data-testid="outgoing"]');
    await details.waitFor();
    expect(await details.textContent()).toContain('8 people');
    expect(await other.locator('[data-testid="role-details"]').textContent()).not.toContain('account');

    await other.goto(`${server.url}/?lang=en&datasets=articles,${DATASET}`);
    const error = other.locator('[data-testid="datasets-error"]');
    await error.waitFor();
    expect(await error.textContent()).toContain('cannot be combined');
    expect(await other.locator('#status').textContent()).toContain('cannot be combined');
    await other.locator(`[data-testid="dataset-${DATASET}"] input`).uncheck();
    await other.locator('[data-testid="datasets-show"]').click();
    await other.locator('body[data-datasets="articles"]').waitFor();
    expect(new URL(other.url()).searchParams.get('datasets')).toBe('articles');
    await other.close();
  });

  it('a table of probabilities: routes show its probabilities, no counts, and the export names the unit', async () => {
    await page.goto(`${server.url}/?lang=en&datasets=e2e-shares&from=customer-support&to=labour-law`);
    await page.locator('body[data-datasets="e2e-shares"]').waitFor();
    expect(await page.locator('[data-testid="datasets-open"]').textContent()).toBe('Data: e2e-shares (probabilities)');
    const steps = page.locator('[data-testid="route-steps"]');
    await steps.waitFor();
    expect(await steps.textContent()).toContain('probability 40%');
    expect(await steps.textContent()).toContain('probability 50%');
    expect(await steps.textContent()).not.toMatch(/No recorded move|\d+ accounts?\b|\d+ people/);
    await page.locator('[data-testid="path-diagram"]').click();
    await page.locator('[data-testid="export-preview"] img').waitFor();
    const json = JSON.parse(await exportFile('json'));
    expect(json.provenance.source).toContain('dataset "e2e-shares" (unit: probability)');
    await page.keyboard.press('Escape');
  });

  it('after an import, the page offers the new dataset', async () => {
    await page.goto(`${server.url}/?lang=en`);
    await page.locator('body[data-ready="true"]').waitFor();
    // What the import dialog leaves for the page it reloads.
    await page.evaluate((name) => sessionStorage.setItem('rolepath.offerDataset', name), DATASET);
    await page.reload();
    const offer = page.locator('[data-testid="dataset-offer"]');
    await offer.locator('button', { hasText: 'Show it' }).waitFor();
    expect(await offer.textContent()).toContain(`New dataset “${DATASET}” (people) imported.`);
    await offer.locator('[data-testid="dataset-offer-show"]').click();
    await page.locator(`body[data-datasets="${DATASET}"]`).waitFor();
    expect(await offer.isHidden()).toBe(true);
  });
});
