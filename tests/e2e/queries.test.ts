/**
 * The saved-queries panel in a real browser against the real server (built
 * client, embedded Kùzu, seed graph, the server's own CSP, an admin token):
 * opens a built-in query, changes its parameters, runs it, reads the table and
 * the highlight on the graph (checked against /api/graph), saves a copy under
 * a new name and finds it again after reloading; then the editor's
 * completion, inline problems and Ctrl+Enter, export and import, and a
 * refused write showing the server's message. Any CSP violation or page error
 * fails the run. Screenshots: test-output/e2e/queries-*.png.
 */
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Core } from 'cytoscape';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../fixtures/browser.js';
import { ROOT, spawnServer, type SpawnedServer } from '../fixtures/spawn-server.js';

const TOKEN = 'a-test-admin-token-0123456789';
const shots = path.join(ROOT, 'test-output', 'e2e');
const shot = (name: string) => page.screenshot({ path: path.join(shots, `queries-${name}.png`) });
let server: SpawnedServer;
let browser: Browser;
let page: Page;
/** Page errors and CSP violations seen so far (must stay empty). */
const problems: string[] = [];
/** Roles one move away from accounting, from /api/graph: what "reachable within 1 move of accounting" must list. */
let nextFromAccounting: string[];

beforeAll(async () => {
  await mkdir(shots, { recursive: true });
  [server, browser] = await Promise.all([spawnServer({ ADMIN_TOKEN: TOKEN }), launchBrowser()]);
  const graph = (await (await fetch(`${server.url}/api/graph`)).json()) as { elements: { edges: { data: { source: string; target: string } }[] } };
  nextFromAccounting = [...new Set(graph.elements.edges.filter((e) => e.data.source === 'accounting' && e.data.target !== 'accounting').map((e) => e.data.target))].sort();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  page.setDefaultTimeout(10_000);
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && /Content Security Policy|Refused to/i.test(msg.text())) problems.push(`console: ${msg.text()}`);
  });
  // Violations in the page and in its worker are reported as events; keep them where the test can read them.
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function cspViolations(): Promise<string[]> {
  return [...problems, ...(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp))];
}

/** What the graph highlights as a query result. */
function drawnResult() {
  return page.evaluate(() => {
    const cy = (window as unknown as { __cy: Core }).__cy;
    return {
      nodes: cy.nodes('.result-node').map((n) => n.id()).sort(),
      edges: cy.edges('.result-edge').length,
      dimmed: cy.elements('.dimmed').length,
    };
  });
}

/** The values of one column of the results table. */
async function column(name: string): Promise<string[]> {
  return page.evaluate((col) => {
    const table = document.querySelector('[data-testid="query-table"]')!;
    const i = [...table.querySelectorAll('th')].findIndex((th) => th.textContent === col);
    return [...table.querySelectorAll('tbody tr')].map((tr) => tr.children[i]!.textContent ?? '');
  }, name);
}

/** Types into the role picker of a parameter and chooses the suggestion for `id` with the keyboard. */
async function pick(param: string, text: string, id: string): Promise<void> {
  await page.locator(`[data-param="${param}"] input[role="combobox"]`).fill(text);
  const option = page.locator(`[data-param="${param}"] [role="listbox"] [data-role-id="${id}"]`);
  await option.waitFor();
  for (let i = 0; i < 10 && (await option.getAttribute('aria-selected')) !== 'true'; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
}

const editorText = () => page.locator('.cm-content').evaluate((el) => (el as HTMLElement).innerText);

/** Waits for a completion and accepts it with Enter (after CodeMirror's short guard against accepting by accident while typing). */
async function accept(label: string): Promise<void> {
  await page.locator('.cm-tooltip-autocomplete li[aria-selected="true"]', { hasText: label }).waitFor();
  await page.waitForTimeout(150);
  await page.keyboard.press('Enter');
}

describe('saved queries', () => {
  it('opens a built-in query, changes a parameter, runs it, saves a copy and finds it after a reload', async () => {
    await page.goto(server.url);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
    await page.locator('[data-testid="tab-queries"]').click();
    expect(page.url()).toContain('panel=queries');
    const library = page.locator('[data-testid="query-list"]');
    await library.locator('[data-query="reachable-within"]').waitFor();
    expect(await library.locator('.query-item').count()).toBeGreaterThanOrEqual(12);
    await shot('library');

    // Search narrows the list; each entry has its description and origin.
    await page.locator('[data-testid="query-search"]').fill('within N moves');
    await expect.poll(() => library.locator('.query-item').count()).toBe(1);
    const entry = library.locator('[data-query="reachable-within"]');
    expect(await entry.locator('.query-item-desc').textContent()).toContain('Every role reachable');
    expect(await entry.locator('.badge').textContent()).toBe('built-in');
    await entry.click();

    // The form comes from the header: a role picker and a bounded number.
    const view = page.locator('[data-testid="query-view"]');
    await view.locator('h2', { hasText: 'Where can this role go within N moves?' }).waitFor();
    const role = page.locator('[data-param="role"] input[role="combobox"]');
    expect(await role.inputValue()).toBe('Customer support');
    const hops = page.locator('[data-param="hops"] input[type="number"]');
    expect([await hops.inputValue(), await hops.getAttribute('min'), await hops.getAttribute('max')]).toEqual(['2', '1', '4']);
    // The editor loads on demand (under the real CSP) with the query's Cypher, highlighted.
    await page.locator('.cm-editor').waitFor();
    expect(await editorText()).toContain('MATCH p = (start:Role {id: $role})');
    expect(await page.locator('.cm-content span[class]').count()).toBeGreaterThan(5);

    await pick('role', '経理', 'accounting');
    await hops.fill('1');
    await page.locator('[data-testid="query-run"]').click();
    await page.locator('[data-testid="query-table"]').waitFor();
    expect((await column('id')).sort()).toEqual(nextFromAccounting);
    expect(await page.locator('[data-testid="query-summary"]').textContent()).toContain(`${nextFromAccounting.length} row`);
    // The result's roles are highlighted on the graph and the rest dimmed.
    const drawn = await drawnResult();
    expect(drawn.nodes).toEqual(nextFromAccounting);
    expect(drawn.dimmed).toBeGreaterThan(0);
    expect(await page.locator('.query-drawn').textContent()).toContain(`${nextFromAccounting.length} roles and 0 moves highlighted`);
    await shot('result');

    // Save a copy under a new name; the dialog offers the current values as defaults.
    await page.locator('[data-testid="query-save-as"]').click();
    const dialog = page.locator('[data-testid="save-dialog"]');
    await dialog.waitFor();
    expect(await dialog.locator('[data-testid="save-name"]').inputValue()).toBe('reachable-within-copy');
    expect(await dialog.locator('[data-testid="save-params"]').inputValue()).toBe('role: role-id = accounting, hops: int 1..4 = 1');
    await dialog.locator('[data-testid="save-name"]').fill('accounting-next');
    await dialog.locator('[data-testid="save-title"]').fill('Where accounting goes next');
    await dialog.locator('[data-testid="save-token"]').fill(TOKEN);
    await shot('save-dialog');
    await dialog.locator('[data-testid="save-submit"]').click();
    await dialog.waitFor({ state: 'hidden' });
    await page.locator('[data-testid="query-status"]', { hasText: 'Saved “accounting-next”' }).waitFor();
    expect(await view.locator('h2').textContent()).toBe('Where accounting goes next');
    expect(await view.locator('.query-head .badge').textContent()).toBe('yours');
    // The token stays in this tab's sessionStorage and out of the address bar.
    expect(await page.evaluate(() => sessionStorage.getItem('rolepath.adminToken'))).toBe(TOKEN);
    expect(page.url()).not.toContain(TOKEN);
    expect(page.url()).toContain('q=accounting-next');

    // After a reload the link opens it again; the library lists it as the user's own.
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
    await view.locator('h2', { hasText: 'Where accounting goes next' }).waitFor();
    await page.locator('[data-testid="query-back"]').click();
    await page.locator('[data-testid="query-search"]').fill('accounting goes');
    const mine = library.locator('[data-query="accounting-next"]');
    await mine.waitFor();
    expect(await mine.locator('.badge').textContent()).toBe('yours');
    await mine.click();
    await page.locator('.cm-editor').waitFor();
    expect(await role.inputValue()).toBe('Accounting');
    expect(await hops.inputValue()).toBe('1');
    await page.locator('[data-testid="query-run"]').click();
    await page.locator('[data-testid="query-table"]').waitFor();
    expect((await column('id')).sort()).toEqual(nextFromAccounting);
    expect(await cspViolations()).toEqual([]);
  }, 60_000);

  it('completes, marks problems inline and runs edited Cypher with Ctrl+Enter', async () => {
    await page.locator('[data-testid="query-back"]').click();
    await page.locator('[data-testid="query-new"]').click();
    await page.locator('.cm-editor').waitFor();
    await page.locator('.cm-content').click();
    // Labels of our schema, then properties, from the checker's completion.
    await page.keyboard.type('MATCH (r:Ro');
    await accept('Role');
    await page.keyboard.type(')-[t:TRANS');
    await accept('TRANSITION');
    await page.keyboard.type(']->(n) WHERE r.id = $from RETU');
    await accept('RETURN');
    await page.keyboard.type(' r, t, n.fam');
    await accept('family');
    expect(await editorText()).toContain('MATCH (r:Role)-[t:TRANSITION]->(n) WHERE r.id = $from RETURN r, t, n.family');
    // $from is not declared: a field for it appears.
    const from = page.locator('[data-param="from"] input');
    await from.waitFor();
    await from.fill('accounting');
    // A misspelt property is marked inline; on Kùzu as a warning from Neo4j's checker.
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(', n.nmae');
    await page.keyboard.press('Escape');
    const marked = page.locator('.cm-lintRange-warning');
    await marked.first().waitFor({ timeout: 20_000 });
    expect(await page.locator('.cm-lintRange-error').count()).toBe(0);
    // The checker may redraw its marks just after they first appear (a hover on the replaced mark shows
    // nothing), so hover again until the tooltip shows.
    await expect
      .poll(
        async () => {
          await page.mouse.move(0, 0);
          await marked.first().hover();
          // CodeMirror shows a hover tooltip after a short delay.
          return page
            .locator('.cm-tooltip-lint', { hasText: 'nmae is not present' })
            .waitFor({ timeout: 3000 })
            .then(() => true, () => false);
        },
        { timeout: 25_000, interval: 100 },
      )
      .toBe(true);
    await shot('editor');
    // Kùzu refuses the unknown property: the server's message, and the text marked as the error.
    await page.keyboard.press('Control+Enter');
    await page.locator('[data-testid="query-status"].error').waitFor();
    expect(await page.locator('[data-testid="query-status"]').textContent()).toContain('nmae');
    await page.locator('.cm-lintRange-error').first().waitFor();
    // Fixed, it runs; relationships come back as graph elements, so the moves are highlighted too.
    for (let i = 0; i < ', n.nmae'.length; i++) await page.keyboard.press('Backspace');
    await page.keyboard.press('Control+Enter');
    await page.locator('[data-testid="query-table"]').waitFor();
    await expect.poll(() => page.locator('.cm-lintRange-error').count()).toBe(0);
    const drawn = await drawnResult();
    expect(drawn.edges).toBe(nextFromAccounting.length);
    expect(drawn.nodes).toEqual(['accounting', ...nextFromAccounting].sort());
    await shot('edited-result');
    expect(await cspViolations()).toEqual([]);
  }, 40_000);

  it('exports and imports queries, and shows the server’s message when a write is refused', async () => {
    await page.locator('[data-testid="query-back"]').click();
    await page.locator('[data-testid="query-search"]').fill('');
    await page.locator('[data-query="accounting-next"]').click();
    await page.locator('[data-testid="query-view"] h2', { hasText: 'Where accounting goes next' }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export .json' }).click()]);
    const file = JSON.parse(await readFile((await download.path())!, 'utf8')) as { format: string; name: string; params: unknown };
    expect(download.suggestedFilename()).toBe('accounting-next.json');
    expect([file.format, file.name]).toEqual(['rolepath.saved-query', 'accounting-next']);

    // A wrong token: the server's answer is shown and the token asked for again.
    await page.evaluate(() => sessionStorage.setItem('rolepath.adminToken', 'not-the-right-token-000'));
    page.once('dialog', (d) => void d.accept());
    await page.locator('[data-testid="query-delete"]').click();
    await page.locator('[data-testid="query-status"]', { hasText: 'The admin token is not right.' }).waitFor();
    await shot('refused');
    const token = page.locator('#query-token-2');
    expect(await token.evaluate((el) => el === document.activeElement)).toBe(true);
    await token.fill(TOKEN);
    await token.press('Tab');
    page.once('dialog', (d) => void d.accept());
    await page.locator('[data-testid="query-delete"]').click();
    await page.locator('[data-testid="library-status"]', { hasText: 'Deleted “accounting-next”' }).waitFor();
    expect(await page.locator('[data-query="accounting-next"]').count()).toBe(0);

    // Import it back from the exported file, and a .cypher file with a header.
    const dir = await mkdtemp(path.join(tmpdir(), 'rolepath-queries-'));
    const cypherFile = path.join(dir, 'hub-count.cypher');
    await writeFile(cypherFile, '// name: role-count\n// title: How many roles?\n// params: (none)\n// columns: roles\nMATCH (r:Role) RETURN count(r) AS roles\n');
    await page.locator('[data-testid="query-import"]').setInputFiles((await download.path())!);
    await page.locator('[data-testid="library-status"]', { hasText: 'Imported: 1 new' }).waitFor();
    await page.locator('[data-testid="query-import"]').setInputFiles(cypherFile);
    await page.locator('[data-testid="library-status"]', { hasText: 'Imported: 1 new' }).waitFor();
    await page.locator('[data-query="accounting-next"]').waitFor();
    await page.locator('[data-query="role-count"]').waitFor();
    expect(await cspViolations()).toEqual([]);
  }, 30_000);
});

