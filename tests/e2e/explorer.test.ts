/**
 * The Explorer in a real browser against the real server (built client,
 * embedded Kùzu): search, role details, routes in each mode, alternatives,
 * keyboard step-through, deep links, the language switch and the error
 * messages. Screenshots go to test-output/e2e/explorer-*.png.
 *
 * The seed graph has exactly one route between any two roles and only three
 * career histories, so this file seeds a copy of it with a few extra test
 * accounts (marked source "e2e-fixture.txt"): CS → QA ×3, QA → PdM ×2,
 * CS → customer success → PdM, and histories CS → QA → PdM (×2) and CS → PdM.
 * Then CS → product manager has three routes and every mode ranks them differently.
 */
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Core } from 'cytoscape';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetEngine } from '../fixtures/engine.js';
import { launchBrowser } from '../fixtures/browser.js';
import { ROOT, runScript, spawnServer, type SpawnedServer } from '../fixtures/spawn-server.js';

const shots = path.join(ROOT, 'test-output', 'e2e');
const shot = (name: string) => page.screenshot({ path: path.join(shots, `explorer-${name}.png`) });
let server: SpawnedServer;
let browser: Browser;
let page: Page;

/** A copy of seed/data with the extra test accounts described above. */
async function writeFixtureSeed(dir: string): Promise<void> {
  const read = async (f: string) => JSON.parse(await readFile(path.join(ROOT, 'seed', 'data', f), 'utf8')) as any[];
  const [roles, transitions, histories] = await Promise.all(['roles.json', 'transitions.json', 'histories.json'].map(read));
  const ev = (gloss: string) => ({ source: 'e2e-fixture.txt', quote: 'テスト用の事例', gloss });
  const csToQa = transitions!.find((t) => t.from === 'customer-support' && t.to === 'qa');
  csToQa.evidence.push(ev('Test account: CS to QA.'), ev('Test account: CS to QA, again.'));
  csToQa.count = csToQa.evidence.length;
  transitions!.push(
    { from: 'qa', to: 'product-manager', kind: 'move', count: 2, skills: ['quality × product'], evidence: [ev('Test account: QA to PdM.'), ev('Test account: QA to PdM, again.')] },
    { from: 'customer-support', to: 'customer-success', kind: 'move', count: 1, skills: ['customer insight'], evidence: [ev('Test account: CS to customer success.')] },
    { from: 'customer-success', to: 'product-manager', kind: 'move', count: 1, skills: ['voice of the customer'], evidence: [ev('Test account: customer success to PdM.')] },
  );
  const history = (id: string, r: string[]) => ({ id, label: `Test ${id}`, labelJa: `テスト ${id}`, source: 'e2e-fixture.txt', roles: r, evidence: [] });
  histories!.push(
    history('e2e-a', ['customer-support', 'qa', 'product-manager']),
    history('e2e-b', ['customer-support', 'qa', 'product-manager']),
    history('e2e-c', ['customer-support', 'product-manager']),
  );
  await Promise.all(Object.entries({ roles, transitions, histories }).map(([f, d]) => writeFile(path.join(dir, `${f}.json`), JSON.stringify(d))));
}

beforeAll(async () => {
  await mkdir(shots, { recursive: true });
  const seedDir = await mkdtemp(path.join(tmpdir(), 'rolepath-e2e-seed-'));
  const dataDir = await mkdtemp(path.join(tmpdir(), 'rolepath-e2e-data-'));
  await writeFixtureSeed(seedDir);
  await resetEngine();
  const seeded = await runScript('seed/cli.ts', ['--dir', seedDir], { DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
  expect(seeded.code, seeded.output).toBe(0);
  [server, browser] = await Promise.all([spawnServer({ DATA_DIR: dataDir }), launchBrowser()]);
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  // Fail fast with Playwright's message rather than at the test timeout.
  page.setDefaultTimeout(8_000);
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** What the graph shows: highlighted route roles (in any order), route edges, and the current move. */
function drawnRoute(p: Page = page) {
  return p.evaluate(() => {
    const cy = (window as unknown as { __cy: Core }).__cy;
    return {
      nodes: cy.nodes('.route-node').map((n) => n.id()).sort(),
      edges: cy.edges('.route-edge').map((e) => `${e.source().id()}>${e.target().id()}`).sort(),
      current: cy.edges('.route-current').map((e) => `${e.source().id()}>${e.target().id()}`),
      dimmed: cy.elements('.dimmed').length,
    };
  });
}

/** Types into a role picker and chooses the suggestion for `id` with the keyboard. */
async function pick(input: string, text: string, id: string, p: Page = page): Promise<void> {
  await p.locator(input).fill(text);
  const option = p.locator(`${input}-list [data-role-id="${id}"]`);
  await option.waitFor();
  for (let i = 0; i < 10 && (await option.getAttribute('aria-selected')) !== 'true'; i++) await p.keyboard.press('ArrowDown');
  await p.keyboard.press('Enter');
}

async function findRoutes(mode: 'fewest' | 'likely' | 'travelled'): Promise<string[]> {
  await page.locator(`label[for="mode-${mode}"]`).click();
  await page.getByRole('button', { name: 'Find routes' }).click();
  await page.locator('#results-title', { hasText: { fewest: 'Fewest moves', likely: 'Most likely', travelled: 'Most travelled' }[mode] }).waitFor();
  return page.locator('[data-testid="alternatives"] .alt-path').allTextContents();
}

describe('explorer', () => {
  it('finds a role by its Japanese name and shows its details', async () => {
    await page.goto(server.url);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
    await page.locator('#search').fill('品質保証');
    const option = page.locator('#search-list [data-role-id="qa"]');
    await option.waitFor();
    await page.keyboard.press('Enter');
    const panel = page.locator('[data-testid="role-details"]');
    await panel.locator('h2', { hasText: 'QA (product quality assurance)' }).waitFor();
    expect(await panel.locator('[data-testid="incoming"]').textContent()).toContain('Customer support');
    expect(await panel.locator('[data-testid="outgoing"]').textContent()).toContain('Product manager');
    expect(await page.evaluate(() => (window as unknown as { __cy: Core }).__cy.$(':selected').map((n) => n.id()))).toEqual(['qa']);
    expect(page.url()).toContain('role=qa');
    // An alias finds a role too: "SV" is the supervisor.
    await page.locator('#search').fill('SV');
    await page.locator('#search-list [data-role-id="cs-manager"]').waitFor();
    await page.keyboard.press('Escape');
    await shot('role');
  });

  it('finds customer support → product manager in each mode, highlighted and listed', async () => {
    await pick('#route-from', 'customer', 'customer-support');
    await pick('#route-to', 'プロダクト', 'product-manager');
    const cs = 'Customer support';
    const expected = {
      fewest: [`${cs} → Product manager`, `${cs} → QA (product quality assurance) → Product manager`, `${cs} → Customer success → Product manager`],
      likely: [`${cs} → QA (product quality assurance) → Product manager`, `${cs} → Product manager`, `${cs} → Customer success → Product manager`],
      travelled: [`${cs} → QA (product quality assurance) → Product manager`, `${cs} → Product manager`],
    } as const;
    for (const mode of ['fewest', 'likely', 'travelled'] as const) {
      expect(await findRoutes(mode), mode).toEqual(expected[mode]);
      const best = expected[mode][0].includes('QA') ? ['customer-support', 'product-manager', 'qa'] : ['customer-support', 'product-manager'];
      const drawn = await drawnRoute();
      expect(drawn.nodes, mode).toEqual(best);
      expect(drawn.edges).toHaveLength(best.length - 1);
      expect(drawn.dimmed).toBeGreaterThan(40);
      // The ordered list (the drawing's accessible twin) names every move.
      expect(await page.locator('[data-testid="route-steps"] li').count()).toBe(best.length - 1);
      expect(new URL(page.url()).searchParams.get('mode') ?? 'fewest').toBe(mode);
      await shot(`route-${mode}`);
    }
    expect(await page.locator('.alt-meta').first().textContent()).toMatch(/2 moves · probability 25% · 2 travellers/);
  });

  it('highlights an alternative when it is chosen', async () => {
    await findRoutes('fewest');
    const second = page.locator('[data-testid="alternatives"] .alt').nth(1);
    await second.click();
    expect(await second.getAttribute('aria-pressed')).toBe('true');
    expect((await drawnRoute()).nodes).toEqual(['customer-support', 'product-manager', 'qa']);
    expect(new URL(page.url()).searchParams.get('alt')).toBe('1');
    await shot('alternative');
  });

  it('steps through the route with the arrow keys', async () => {
    // Reach the chosen alternative with Tab alone, as a keyboard user would.
    await page.locator('#route-to').focus();
    for (let i = 0; i < 40; i++) {
      if (await page.evaluate(() => document.activeElement?.matches('.alt[aria-pressed="true"]'))) break;
      await page.keyboard.press('Tab');
    }
    expect(await page.evaluate(() => document.activeElement?.matches('.alt[aria-pressed="true"]'))).toBe(true);
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).toBe('solid');
    const label = page.locator('[data-testid="step-label"]');
    await page.keyboard.press('ArrowRight');
    expect(await label.textContent()).toBe('Move 1 of 2');
    expect((await drawnRoute()).current).toEqual(['customer-support>qa']);
    expect(await page.locator('[data-testid="route-steps"] li[aria-current="step"] blockquote').count()).toBe(3);
    await page.keyboard.press('ArrowRight');
    expect(await label.textContent()).toBe('Move 2 of 2');
    expect((await drawnRoute()).current).toEqual(['qa>product-manager']);
    expect(await page.locator('[data-testid="route-steps"] li[aria-current="step"]').textContent()).toContain('quality × product');
    expect(await page.locator('[data-testid="route-announce"]').textContent()).toContain('Move 2 of 2: QA (product quality assurance) → Product manager');
    await shot('step');
    await page.keyboard.press('ArrowLeft');
    expect(await label.textContent()).toBe('Move 1 of 2');
  });

  it('restores the same view from a shared link', async () => {
    const link = page.url();
    expect(link).toMatch(/from=customer-support.*to=product-manager/);
    const other = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await other.goto(link);
    await other.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
    await other.locator('.alt[aria-pressed="true"]', { hasText: 'Route 2' }).waitFor();
    expect(await other.locator('#route-from').inputValue()).toBe('Customer support');
    expect(await other.locator('#route-to').inputValue()).toBe('Product manager');
    expect(await other.locator('#mode-fewest').isChecked()).toBe(true);
    expect((await drawnRoute(other)).nodes).toEqual(['customer-support', 'product-manager', 'qa']);
    expect(await other.locator('[data-testid="role-details"] h2').textContent()).toBe('QA (product quality assurance)');
    await other.close();
  });

  it('switches the whole page, graph labels included, to Japanese', async () => {
    await page.getByRole('button', { name: '日本語' }).click();
    await page.locator('#route-title', { hasText: 'ルートを探す' }).waitFor();
    const labels = await page.evaluate(() => {
      const cy = (window as unknown as { __cy: Core }).__cy;
      return ['product-manager', 'customer-support'].map((id) => cy.getElementById(id).style('label'));
    });
    expect(labels).toEqual(['プロダクトマネージャー', 'カスタマーサポート']);
    expect(await page.locator('#route-to').inputValue()).toBe('プロダクトマネージャー');
    expect(await page.locator('[data-testid="alternatives"] .alt-path').first().textContent()).toBe('カスタマーサポート → プロダクトマネージャー');
    expect(await page.locator('#legend').textContent()).toContain('カスタマーサポート');
    expect(await page.locator('html').getAttribute('lang')).toBe('ja');
    expect(page.url()).toContain('lang=ja');
    await shot('japanese');
    await page.getByRole('button', { name: 'English' }).click();
    await page.locator('#route-title', { hasText: 'Find a route' }).waitFor();
  });

  it('explains an unknown role typed in a picker and offers the closest ones', async () => {
    await page.locator('#route-to').fill('Product manger');
    await page.getByRole('button', { name: 'Find routes' }).click();
    const error = page.locator('#route-to-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('To: no role called “Product manger”.');
    expect(await page.locator('#route-to').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#route-to').inputValue()).toBe('Product manger');
    await shot('unknown-role');
    await error.getByRole('button', { name: 'Product manager' }).click();
    await page.locator('#results-title').waitFor();
    expect(await error.isHidden()).toBe(true);
  });

  it('explains which limit cut a route off', async () => {
    await pick('#route-to', 'community team', 'community-manager');
    await page.getByText('More constraints').click();
    await page.locator('#route-maxHops').fill('3');
    await page.getByRole('button', { name: 'Find routes' }).click();
    await page.locator('.no-route').waitFor();
    expect(await page.locator('[data-testid="route-note"]').textContent()).toMatch(/No route within 3 moves; the shortest route has 6 moves/);
    expect((await drawnRoute()).nodes).toEqual([]);
    await shot('no-route');
  });

  it('says so in words when the server cannot be reached, keeping what was typed', async () => {
    await page.route('**/api/routes?**', (route) => route.abort('connectionrefused'));
    await page.locator('#route-maxHops').fill('8');
    await page.getByRole('button', { name: 'Find routes' }).click();
    const message = page.locator('[data-testid="route-message"]');
    await message.locator('.retry').waitFor();
    expect(await message.textContent()).toMatch(/server cannot be reached/);
    expect(await page.locator('#route-from').inputValue()).toBe('Customer support');
    expect(await page.locator('#route-maxHops').inputValue()).toBe('8');
    await shot('server-down');
    await page.unroute('**/api/routes?**');
    await message.locator('.retry').click();
    await page.locator('[data-testid="route-steps"] li').first().waitFor();
    expect(await page.locator('[data-testid="route-steps"] li').count()).toBe(6);
  });

  it('focuses on a role, shows everything again, and starts a route from the panel', async () => {
    await page.locator('#search').fill('BizOps');
    await page.locator('#search-list [data-role-id="bizops"]').click();
    await page.locator('[data-testid="role-details"] h2', { hasText: 'BizOps' }).waitFor();
    await page.getByRole('button', { name: 'Clear route' }).click();
    await page.getByRole('button', { name: 'Focus (hide the rest)' }).click();
    const hidden = () => page.evaluate(() => (window as unknown as { __cy: Core }).__cy.nodes('.hidden').length);
    expect(await hidden()).toBe(52 - 10);
    await page.getByRole('button', { name: 'Show all roles' }).click();
    expect(await hidden()).toBe(0);
    await page.locator('#route-to').fill('');
    await page.getByRole('button', { name: 'Route from here' }).click();
    expect(await page.locator('#route-from').inputValue()).toBe('BizOps');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('route-to');
  });

  it('fills a picker from a click on the graph, and swaps from and to', async () => {
    await page.getByRole('button', { name: 'Pick “To” on the graph' }).click();
    expect(await page.locator('#status').textContent()).toContain('Click a role in the graph to set “To”');
    await page.waitForFunction(() => !(window as unknown as { __cy: Core }).__cy.animated());
    const at = await page.evaluate(() => (window as unknown as { __cy: Core }).__cy.getElementById('sales').renderedPosition());
    const box = (await page.locator('#cy').boundingBox())!;
    await page.mouse.click(box.x + at.x, box.y + at.y);
    expect(await page.locator('#route-to').inputValue()).toBe('Sales');
    // Both ends known: the route is found at once.
    await page.locator('[data-testid="alternatives"] .alt-path', { hasText: 'BizOps → Sales' }).waitFor();
    expect((await drawnRoute()).nodes).toEqual(['bizops', 'sales']);
    await page.getByRole('button', { name: 'Swap from and to' }).click();
    expect([await page.locator('#route-from').inputValue(), await page.locator('#route-to').inputValue()]).toEqual(['Sales', 'BizOps']);
    await page.getByRole('button', { name: 'Find routes' }).click();
    await page.locator('.no-route').waitFor();
    expect(await page.locator('[data-testid="route-note"]').textContent()).toContain('no chain of recorded moves leads there');
  });

  it('says what went wrong when the graph cannot be loaded, and recovers on retry', async () => {
    const other = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const failure = { error: { code: 'internal', message: 'The database is not answering.', details: [] } };
    await other.route('**/api/graph*', (route) => route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify(failure) }));
    await other.goto(server.url);
    const status = other.locator('#status.error');
    await status.waitFor();
    expect(await status.textContent()).toContain('Something went wrong: The database is not answering.');
    await other.screenshot({ path: path.join(shots, 'explorer-graph-error.png') });
    await other.unroute('**/api/graph*');
    await status.getByRole('button', { name: 'Try again' }).click();
    await other.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
    await other.close();
  });
});
