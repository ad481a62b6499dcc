/**
 * The import dialog in a real browser against the real server: preview a
 * history file with a dry run, import it, see the page reload with the new
 * dataset, and see a file with a bad row rejected with its line (and, on a
 * Japanese page, its reason in Japanese).
 * Screenshots: test-output/e2e/import-dialog.png, import-dialog-ja.png.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../fixtures/browser.js';
import { ROOT, spawnServer, type SpawnedServer } from '../fixtures/spawn-server.js';

const TOKEN = 'e2e-import-admin-token-0123456789';
const CSV = 'person_id,seq,role\n' + Array.from({ length: 6 }, (_, p) => `p${p},1,CS\np${p},2,QA\n`).join('');

let server: SpawnedServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  await mkdir(path.join(ROOT, 'test-output', 'e2e'), { recursive: true });
  [server, browser] = await Promise.all([spawnServer({ ADMIN_TOKEN: TOKEN }), launchBrowser()]);
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.setDefaultTimeout(15_000);
  await page.goto(server.url);
  await page.locator('body[data-ready="true"]').waitFor();
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function fill(file: string, dataset: string): Promise<void> {
  const dialog = page.locator('[data-testid="import-dialog"]');
  await dialog.locator('input[type="file"]').setInputFiles({ name: 'careers.csv', mimeType: 'text/csv', buffer: Buffer.from(file) });
  await dialog.locator('input[name="dataset"]').fill(dataset);
  await dialog.locator('input[name="minCount"]').fill('5');
  await dialog.locator('input[name="token"]').fill(TOKEN);
}

describe('import dialog', () => {
  it('previews, imports and reloads with the new dataset', async () => {
    await page.locator('[data-testid="import-open"]').click();
    await fill(CSV, 'e2e-careers');
    await page.getByRole('button', { name: 'Preview (dry run)' }).click();
    await page.locator('[data-testid="import-status"]', { hasText: 'No errors' }).waitFor();
    expect(await page.locator('[data-testid="import-report"]').textContent()).toContain('6 people, 12 stints');
    expect((await (await fetch(`${server.url}/api/datasets`)).json()).datasets.map((d: any) => d.name)).not.toContain('e2e-careers');
    await page.screenshot({ path: path.join(ROOT, 'test-output', 'e2e', 'import-dialog.png') });

    const reloaded = page.waitForEvent('load');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.locator('[data-testid="import-status"]', { hasText: 'Imported' }).waitFor();
    await reloaded;
    const datasets = (await (await fetch(`${server.url}/api/datasets`)).json()).datasets;
    expect(datasets.find((d: any) => d.name === 'e2e-careers')).toMatchObject({ people: 6, transitions: 1 });
  });

  it('shows a rejected file\'s bad rows with their lines', async () => {
    await page.locator('body[data-ready="true"]').waitFor();
    await page.locator('[data-testid="import-open"]').click();
    await fill(`${CSV}p9,1,Custmer support\n`, 'e2e-bad');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.locator('[data-testid="import-status"]', { hasText: 'nothing was written' }).waitFor();
    const text = await page.locator('[data-testid="import-report"]').textContent();
    expect(text).toContain('line 14: role "Custmer support" unknown role');
    expect(text).toContain('customer-support');
  });

  it('asks in the page\'s language: on a Japanese page the server\'s reasons are Japanese', async () => {
    await page.goto(`${server.url}/?lang=ja`);
    await page.locator('body[data-ready="true"]').waitFor();
    await page.locator('[data-testid="import-open"]').click();
    await fill(`${CSV}p9,1,Custmer support\n`, 'e2e-bad-ja');
    await page.getByRole('button', { name: 'インポート', exact: true }).click();
    await page.locator('[data-testid="import-status"]', { hasText: '何も書き込んでいません' }).waitFor();
    const text = (await page.locator('[data-testid="import-report"]').textContent()) ?? '';
    expect(text).toContain('14 行目: 職種「Custmer support」が見つかりません。近い職種: カスタマーサポート');
    expect(text).toContain('「Custmer support」(1 行、最初は 14 行目) — 候補: カスタマーサポート(customer-support)');
    expect(text).not.toContain('unknown role');
    await page.screenshot({ path: path.join(ROOT, 'test-output', 'e2e', 'import-dialog-ja.png') });
  });
});
