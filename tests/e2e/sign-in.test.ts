/**
 * With READ_TOKEN set the page asks for the token (in the page's language),
 * refuses a wrong one with a message, and with the right one draws the graph;
 * the token is kept for the tab's session (a reload does not ask again) and
 * never lands in the address bar or localStorage (issue 12, item 12).
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Core } from 'cytoscape';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../fixtures/browser.js';
import { ROOT, spawnServer, type SpawnedServer } from '../fixtures/spawn-server.js';

const READ_TOKEN = 'e2e-read-token-0123456789abcdef';
const shots = path.join(ROOT, 'test-output', 'e2e');
let server: SpawnedServer;
let browser: Browser;

beforeAll(async () => {
  await mkdir(shots, { recursive: true });
  server = await spawnServer({ READ_TOKEN });
  browser = await launchBrowser();
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('sign-in with READ_TOKEN', () => {
  it('asks for the token, refuses a wrong one, and with the right one shows the graph for the session', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(`${server.url}/?lang=en`);
    const form = page.getByTestId('sign-in');
    await form.waitFor({ state: 'visible', timeout: 30_000 });
    expect(await form.textContent()).toContain('needs a read token');

    await page.getByTestId('sign-in-token').fill('not-the-right-token-at-all');
    await page.getByTestId('sign-in-submit').click();
    await expect.poll(() => form.textContent(), { timeout: 15_000 }).toContain('was not accepted');
    await page.screenshot({ path: path.join(shots, 'sign-in-form.png') });

    await page.getByTestId('sign-in-token').fill(READ_TOKEN);
    await page.getByTestId('sign-in-submit').click();
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
    expect(await form.isVisible()).toBe(false);
    const health = (await (await fetch(`${server.url}/api/health`)).json()) as { roles: number };
    const nodes = await page.evaluate(() => (window as unknown as { __cy: Core }).__cy.nodes().length);
    expect(nodes).toBe(health.roles);
    await page.screenshot({ path: path.join(shots, 'sign-in-graph.png') });

    // Kept for the session: a reload draws the graph without asking; never in the URL or localStorage.
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
    expect(await form.isVisible()).toBe(false);
    expect(page.url()).not.toContain(READ_TOKEN);
    expect(await page.evaluate(() => JSON.stringify({ ...localStorage }))).not.toContain(READ_TOKEN);
    // A role's details (another API call) come with the token too.
    await page.goto(`${server.url}/?lang=en&role=customer-support`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
    await expect.poll(() => page.locator('#details').textContent(), { timeout: 15_000 }).toContain('Customer');
    await context.close();
  }, 120_000);

  it('asks in Japanese on a Japanese page', async () => {
    const context = await browser.newContext({ viewport: { width: 1200, height: 800 }, locale: 'ja-JP' });
    const page = await context.newPage();
    await page.goto(`${server.url}/?lang=ja`);
    const form = page.getByTestId('sign-in');
    await form.waitFor({ state: 'visible', timeout: 30_000 });
    expect(await form.textContent()).toContain('閲覧トークン');
    await page.getByTestId('sign-in-token').fill(READ_TOKEN);
    await page.getByTestId('sign-in-submit').click();
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
    await page.screenshot({ path: path.join(shots, 'sign-in-ja-graph.png') });
    await context.close();
  }, 120_000);
});
