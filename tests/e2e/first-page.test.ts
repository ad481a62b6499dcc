/**
 * The first client page in a real browser against the real server (built
 * client, embedded Kùzu seeded on start): the graph draws, and clicking a role
 * shows its details. Screenshots go to test-output/e2e/.
 */
import path from 'node:path';
import type { Core } from 'cytoscape';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ROOT, type SpawnedServer } from '../fixtures/spawn-server.js';
import { serverAndBrowser } from './server-and-browser.js';
import type { GraphData } from '../../server/contract/graph-data.js';
import { FAMILY_STYLE } from '../../server/render/families.js';
import { readSeedDir } from '../../server/services/seed-reader.js';

const shots = path.join(ROOT, 'test-output', 'e2e');
let server: SpawnedServer;
let browser: Browser;
let page: Page;
/** The seed the server starts with: the names and counts this test expects come from it, not from copies. */
let seed: GraphData;
const role = (id: string) => seed.roles.find((r) => r.id === id)!;

serverAndBrowser(shots, async (s, b) => {
  server = s;
  browser = b;
  seed = await readSeedDir(path.join(ROOT, 'seed', 'data'));
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
});

/** Clicks a role's node where Cytoscape drew it. */
async function clickRole(id: string): Promise<void> {
  const pos = await page.evaluate((roleId) => {
    const cy = (window as unknown as { __cy: Core }).__cy;
    const node = cy.getElementById(roleId);
    return node.empty() ? null : node.renderedPosition();
  }, id);
  expect(pos, `node ${id} is drawn`).not.toBeNull();
  const box = (await page.locator('#cy').boundingBox())!;
  await page.mouse.click(box.x + pos!.x, box.y + pos!.y);
}

describe('first page', () => {
  it('draws the whole role graph coloured by family', async () => {
    await page.goto(server.url);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
    const drawn = await page.evaluate(() => {
      const cy = (window as unknown as { __cy: Core }).__cy;
      return {
        nodes: cy.nodes().length,
        edges: cy.edges().length,
        csColour: cy.getElementById('customer-support').style('background-color'),
        mgmtColour: cy.getElementById('executive').style('background-color'),
      };
    });
    const health = (await (await fetch(`${server.url}/api/health`)).json()) as { roles: number; transitions: number };
    expect(drawn.nodes).toBe(health.roles);
    expect(drawn.edges).toBe(health.transitions);
    expect(drawn.csColour).not.toBe(drawn.mgmtColour);
    expect(await page.locator('#legend li').count()).toBe(Object.keys(FAMILY_STYLE).length);
    await page.screenshot({ path: path.join(shots, 'graph.png') });
  });

  it('shows a role\'s details, moves and evidence when it is clicked', async () => {
    await clickRole('customer-support');
    const panel = page.locator('[data-testid="role-details"]');
    await panel.locator('h2').waitFor();
    expect(await panel.locator('h2').textContent()).toContain(role('customer-support').name);
    const outgoing = panel.locator('[data-testid="outgoing"] li');
    // One item per role it leads to (moves of several datasets between the same two roles are one item).
    expect(await outgoing.count()).toBe(new Set(seed.transitions.filter((t) => t.from === 'customer-support').map((t) => t.to)).size);
    expect(await panel.locator('[data-testid="outgoing"]').textContent()).toContain(role('product-manager').name);
    expect(page.url()).toContain('role=customer-support');
    // Open one piece of evidence: the Japanese quote and its source are shown.
    await outgoing.first().locator('summary').click();
    expect(await outgoing.first().locator('blockquote cite').first().textContent()).toMatch(/^00\d_/);
    await page.screenshot({ path: path.join(shots, 'role-details.png') });
  });

  it('follows a move to the next role and switches to Japanese', async () => {
    await page.locator('[data-testid="outgoing"] .role-link', { hasText: role('product-manager').name }).click();
    await page.locator('[data-testid="role-details"] h2', { hasText: role('product-manager').name }).waitFor({ timeout: 10_000 });
    await page.getByRole('button', { name: '日本語' }).click();
    await page.locator('[data-testid="role-details"] h2', { hasText: role('product-manager').nameJa }).waitFor({ timeout: 10_000 });
    expect(await page.locator('html').getAttribute('lang')).toBe('ja');
    await page.screenshot({ path: path.join(shots, 'role-details-ja.png') });
  });
});
