/**
 * A role from a Japanese team's catalogue in a real browser (issue 14, item 5): its group shows beside
 * the family in the role panel, and the Japanese page reads its Japanese name and description; a seed
 * role (no group) shows none. Needs the built client (`npm run build`; E2E_CLIENT_DIST points elsewhere).
 * Screenshot in test-output/e2e/.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../fixtures/browser.js';
import { ROOT } from '../fixtures/spawn-server.js';
import { startTestServer, type TestServer } from '../integration/test-server.js';

const TOKEN = 'role-group-e2e-admin-token-0123456789';
const shots = path.join(ROOT, 'test-output', 'e2e');
const CATALOGUE =
  'id,name,name_ja,family,group,description,description_ja\n' +
  'sales-planning,Sales planning,営業企画,bizops,営業本部,Plans sales targets and campaigns.,売上目標と施策を企画する。\n';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  await mkdir(shots, { recursive: true });
  server = await startTestServer({ adminToken: TOKEN, rateLimitPerMinute: 0, staticDir: process.env.E2E_CLIENT_DIST ?? path.join(ROOT, 'client', 'dist') });
  const res = await fetch(`${server.url}/api/imports?kind=roles&dataset=catalogue`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv', authorization: `Bearer ${TOKEN}` },
    body: CATALOGUE,
  });
  expect(res.status, await res.clone().text()).toBe(200);
  browser = await launchBrowser();
}, 90_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
  return page;
}

describe('a catalogue role in the role panel', () => {
  it('shows the group beside the family, with the Japanese name and description on the Japanese page', async () => {
    const ja = await open(`${server.url}/?lang=ja&role=sales-planning`);
    await ja.waitForSelector('[data-role-id="sales-planning"] [data-testid="role-group"]');
    expect(await ja.textContent('#role-title')).toBe('営業企画');
    expect(await ja.textContent('[data-role-id="sales-planning"] .family')).toMatch(/· 営業本部$/);
    expect(await ja.textContent('[data-role-id="sales-planning"] [data-testid="description"]')).toBe('売上目標と施策を企画する。');
    await ja.screenshot({ path: path.join(shots, 'ja-role-with-group.png') });

    const en = await open(`${server.url}/?lang=en&role=sales-planning`);
    await en.waitForSelector('[data-role-id="sales-planning"] [data-testid="role-group"]');
    expect(await en.textContent('#role-title')).toBe('Sales planning');
    expect(await en.textContent('[data-testid="role-group"]')).toBe(' · 営業本部');
    expect(await en.textContent('[data-role-id="sales-planning"] [data-testid="description"]')).toBe('Plans sales targets and campaigns.');

    // A seed role has no group, and shows none.
    await en.goto(`${server.url}/?lang=en&role=customer-support`);
    await en.waitForSelector('[data-role-id="customer-support"] h2');
    expect(await en.locator('[data-testid="role-group"]').count()).toBe(0);
    await ja.context().close();
    await en.context().close();
  });
});
