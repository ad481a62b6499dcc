/**
 * Issue 13's remaining browser checks: ten questions a career changer in Japan
 * would ask, typed in Japanese (routes that exist and routes that do not), each
 * screenshotted; no English prose on ?lang=ja in the role, route, no-route and
 * queries views; what each move is, drawn on the graph (dotted: an author's
 * recommendation, dashed: a split) and chosen in the form ("実際の移動のみ");
 * axe-core finds no serious or critical violation and the console stays quiet
 * on the home, role, route, no-route, queries and export views.
 * Screenshots go to test-output/e2e/questions/.
 */
import path from 'node:path';
import type { Browser, ConsoleMessage, Page } from 'playwright-core';
import type { Core } from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { ROOT, type SpawnedServer } from '../fixtures/spawn-server.js';
import { englishProse } from './english-prose.js';
import { serverAndBrowser } from './server-and-browser.js';

const shots = path.join(ROOT, 'test-output', 'e2e', 'questions');
const AXE = path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');
let server: SpawnedServer;
let browser: Browser;

serverAndBrowser(shots, async (s, b) => {
  server = s;
  browser = b;
});

/** A page with its console warnings and errors collected (and uncaught errors). */
async function open(url: string, locale = 'ja-JP', bypassCSP = false): Promise<{ page: Page; noise: string[] }> {
  // bypassCSP only where axe is injected: the page's CSP (script-src 'self') refuses an inline script tag.
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale, bypassCSP });
  const page = await context.newPage();
  const noise: string[] = [];
  page.on('console', (m: ConsoleMessage) => {
    if (m.type() === 'warning' || m.type() === 'error') noise.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => noise.push(`pageerror: ${e.message}`));
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
  return { page, noise };
}

/** axe-core's serious and critical violations on the page as it stands. */
async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const results = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<any> } }).axe;
    return axe.run(document, { resultTypes: ['violations'] });
  });
  return (results.violations as { id: string; impact: string; help: string; nodes: { target: string[] }[] }[])
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
}

/** Chooses a role in a route picker by typing what a person would type and taking the first suggestion. */
async function choose(page: Page, picker: 'route-from' | 'route-to', typed: string): Promise<string> {
  await page.fill(`#${picker}`, typed);
  const first = page.locator(`#${picker}-list li`).first();
  await first.waitFor();
  const id = (await first.getAttribute('data-role-id')) ?? '';
  await first.click();
  return id;
}

/** What a route page shows: the steps, or the no-route answer. */
async function answer(page: Page): Promise<'route' | 'no-route'> {
  const found = page.locator('[data-testid="route-steps"]');
  const none = page.locator('[data-testid="no-route-reason"]');
  await found.or(none).first().waitFor({ timeout: 20_000 });
  return (await found.count()) > 0 ? 'route' : 'no-route';
}

const QUESTIONS: { typedFrom: string; typedTo: string; expect: 'route' | 'no-route'; name: string }[] = [
  { name: '01-cs-to-pm', typedFrom: 'カスタマーサポート', typedTo: 'プロダクトマネージャー', expect: 'route' },
  { name: '02-callcentre-to-cs', typedFrom: 'コールセンター', typedTo: 'カスタマーサクセス', expect: 'no-route' },
  { name: '03-cs-to-community', typedFrom: 'カスタマーサポート', typedTo: 'コミュニティチーム', expect: 'route' },
  { name: '04-bizops-to-sales', typedFrom: 'BizOps', typedTo: '営業', expect: 'route' },
  { name: '05-ga-to-office-admin', typedFrom: '総務', typedTo: '事務', expect: 'route' },
  { name: '06-accounting-to-head-of-admin', typedFrom: '経理', typedTo: '管理本部長', expect: 'no-route' },
  { name: '07-accounting-to-finance', typedFrom: '経理', typedTo: 'ファイナンス', expect: 'route' },
  { name: '08-cs-to-engineer', typedFrom: 'カスタマーサポート', typedTo: 'エンジニア', expect: 'no-route' },
  { name: '09-office-admin-to-marketing', typedFrom: '事務', typedTo: 'マーケティング', expect: 'no-route' },
  { name: '10-hr-to-executive', typedFrom: '人事', typedTo: '経営', expect: 'no-route' },
];

describe('ten questions in Japanese', () => {
  it('each gets a route or a no-route answer in Japanese with no English prose; screenshots', async () => {
    const { page, noise } = await open(`${server.url}/?lang=ja`);
    const seen: string[] = [];
    for (const q of QUESTIONS) {
      await page.locator('.clear-button').click();
      const from = await choose(page, 'route-from', q.typedFrom);
      const to = await choose(page, 'route-to', q.typedTo);
      await page.locator('.find-button').click();
      const got = await answer(page);
      await page.screenshot({ path: path.join(shots, `${q.name}.png`) });
      const prose = await englishProse(page, '#route-results');
      seen.push(`${q.name}: ${from} → ${to}: ${got}${prose.length ? ` English: ${JSON.stringify(prose)}` : ''}`);
      expect(prose, q.name).toEqual([]);
    }
    console.log(seen.join('\n'));
    expect(seen.map((s) => s.split(': ')[2])).toEqual(QUESTIONS.map((q) => q.expect));
    expect(noise).toEqual([]);
    await page.context().close();
  }, 180_000);
});

describe('honest moves in the drawing and the form', () => {
  it('a recommended move is dotted, a split dashed; "実際の移動のみ" ranks over moves people made only', async () => {
    const { page, noise } = await open(`${server.url}/?lang=ja&from=bizops&to=sales`);
    expect(await answer(page)).toBe('route');
    expect(await page.textContent('[data-testid="route-steps"]')).toContain('推奨ルート');
    const styles = await page.evaluate(() => {
      const cy = (window as unknown as { __cy: Core }).__cy;
      const of = (kind: string) => cy.edges(`[kind = "${kind}"]`).first().style('line-style');
      return { move: of('move'), recommended: of('recommended'), split: of('split'), route: cy.edges('.route-edge').first().style('line-style') };
    });
    expect(styles).toEqual({ move: 'solid', recommended: 'dotted', split: 'dashed', route: 'dotted' });
    expect(await page.textContent('#legend')).toContain('筆者の推奨ルート');
    await page.screenshot({ path: path.join(shots, 'kinds-bizops-to-sales-recommended.png') });

    await page.locator('details.more > summary').click();
    await page.locator('#route-kinds').check();
    await page.locator('.find-button').click();
    await page.waitForSelector('[data-testid="no-route-reason"]');
    expect(page.url()).toContain('kinds=move');
    await page.screenshot({ path: path.join(shots, 'kinds-bizops-to-sales-observed-only.png') });
    // A link with kinds=move restores the box.
    const again = await open(`${server.url}/?lang=ja&from=bizops&to=sales&kinds=move`);
    expect(await again.page.locator('#route-kinds').isChecked()).toBe(true);
    expect(noise).toEqual([]);
    expect(again.noise).toEqual([]);
    await page.context().close();
    await again.page.context().close();
  });
});

describe('queries panel in Japanese', () => {
  it('shows no English prose apart from names and code', async () => {
    const { page, noise } = await open(`${server.url}/?lang=ja&panel=queries`);
    await page.locator('[data-testid="query-list"] .query-item').first().waitFor();
    await page.screenshot({ path: path.join(shots, 'ja-queries-library.png') });
    const library = await englishProse(page, 'body');
    await page.locator('[data-testid="query-list"] [data-query="reachable-within"]').click();
    await page.locator('[data-testid="query-view"] h2').waitFor();
    await page.locator('[data-testid="query-run"]').click();
    await page.locator('[data-testid="query-results"], .query-results').first().waitFor({ timeout: 20_000 }).catch(() => undefined);
    await page.screenshot({ path: path.join(shots, 'ja-queries-view.png') });
    const view = await englishProse(page, 'body');
    console.log('English prose on the ja queries panel:', library, view);
    expect([...library, ...view]).toEqual([]);
    expect(noise).toEqual([]);
    await page.context().close();
  }, 60_000);
});

describe('accessibility and a quiet console', () => {
  const VIEWS: { name: string; url: string; ready: (page: Page) => Promise<unknown> }[] = [
    { name: 'home', url: '/?lang=ja', ready: async () => undefined },
    { name: 'role', url: '/?lang=ja&role=customer-support', ready: (p) => p.waitForSelector('[data-role-id="customer-support"] h2') },
    { name: 'route', url: '/?lang=ja&from=customer-support&to=product-manager', ready: (p) => p.waitForSelector('[data-testid="route-steps"]') },
    { name: 'no-route', url: '/?lang=ja&from=accounting&to=head-of-administration', ready: (p) => p.waitForSelector('[data-testid="no-route-reason"]') },
    { name: 'queries', url: '/?lang=ja&panel=queries', ready: (p) => p.locator('[data-testid="query-list"] .query-item').first().waitFor() },
    {
      name: 'export',
      url: '/?lang=ja&from=customer-support&to=product-manager',
      ready: async (p) => {
        await p.locator('[data-testid="path-diagram"]').click();
        await p.locator('[data-testid="export-preview"] img').waitFor();
      },
    },
  ];
  for (const lang of ['ja', 'en'] as const) {
    for (const view of VIEWS) {
      it(`${view.name} (${lang}): no serious or critical axe violation, no console warning or error`, async () => {
        const { page, noise } = await open(`${server.url}${view.url.replace('lang=ja', `lang=${lang}`)}`, lang === 'ja' ? 'ja-JP' : 'en-GB', true);
        await view.ready(page);
        await page.waitForTimeout(300);
        const violations = await axeViolations(page);
        if (lang === 'ja') await page.screenshot({ path: path.join(shots, `axe-${view.name}.png`) });
        // The export dialog's words, chips and notes are Japanese too (format names are names).
        if (lang === 'ja' && view.name === 'export') expect(await englishProse(page, '.export-dialog')).toEqual([]);
        console.log(`${view.name} (${lang}): ${violations.length} serious/critical`, violations, noise);
        expect(violations).toEqual([]);
        expect(noise).toEqual([]);
        await page.context().close();
      }, 60_000);
    }
  }
});
