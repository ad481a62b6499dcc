/**
 * Japanese first, no dead ends, in a real browser: a Japanese browser gets the
 * Japanese page, a choice is remembered; role, route and no-route pages on
 * ?lang=ja carry no English prose; a no-route answer lists where one can go;
 * the To picker marks reachable targets. Screenshots go to test-output/e2e/.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ROOT, type SpawnedServer } from '../fixtures/spawn-server.js';
import { englishProse } from './english-prose.js';
import { serverAndBrowser } from './server-and-browser.js';

const shots = path.join(ROOT, 'test-output', 'e2e');
let server: SpawnedServer;
let browser: Browser;

serverAndBrowser(shots, async (s, b) => {
  server = s;
  browser = b;
});

async function open(url: string, locale = 'en-GB'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
  return page;
}

describe('Japanese first', () => {
  it('a Japanese browser gets the Japanese page; a choice of English is remembered', async () => {
    const page = await open(server.url, 'ja-JP');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ja');
    await page.click('button[data-lang="en"]');
    await page.goto(server.url);
    await page.waitForSelector('body[data-ready="true"]');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    const english = await open(server.url, 'en-US');
    expect(await english.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.context().close();
    await english.context().close();
  });

  it('role page on ?lang=ja: Japanese description, skills and glosses, no English prose', async () => {
    const page = await open(`${server.url}/?lang=ja&role=customer-support`);
    await page.waitForSelector('[data-role-id="customer-support"] h2');
    expect(await page.textContent('#role-title')).toBe('カスタマーサポート');
    await page.locator('[data-testid="outgoing"] details').first().evaluate((d) => ((d as HTMLDetailsElement).open = true));
    await page.screenshot({ path: path.join(shots, 'ja-role-customer-support.png') });
    const prose = await englishProse(page, '#details');
    console.log(`English prose on the ja role page: ${prose.length}`, prose);
    expect(prose).toEqual([]);
    const en = await open(`${server.url}/?lang=en&role=customer-support`);
    await en.waitForSelector('[data-role-id="customer-support"] h2');
    await en.screenshot({ path: path.join(shots, 'en-role-customer-support.png') });
    expect((await englishProse(en, '#details')).length).toBeGreaterThan(5);
    await page.context().close();
    await en.context().close();
  });

  it('route page on ?lang=ja: Japanese skills and gloss on a step, no English prose', async () => {
    const page = await open(`${server.url}/?lang=ja&from=customer-support&to=community-manager`);
    await page.waitForSelector('[data-testid="route-steps"]');
    await page.click('[data-testid="route-steps"] li[data-step="0"] .step-link');
    await page.waitForSelector('li[aria-current="step"] .skills');
    await page.screenshot({ path: path.join(shots, 'ja-route-cs-to-community.png') });
    const prose = await englishProse(page, '#route-results');
    console.log(`English prose on the ja route page: ${prose.length}`, prose);
    expect(prose).toEqual([]);
    await page.context().close();
  });
});

describe('no dead ends in the page', () => {
  it('a no-route answer says why and lists where one can go and what leads there; choosing one finds that route', async () => {
    const page = await open(`${server.url}/?lang=ja&from=accounting&to=head-of-administration`);
    await page.waitForSelector('[data-testid="no-route-reason"]');
    expect(await page.textContent('[data-testid="route-note"]')).toContain('経理 から 管理本部長 へのルートはありません');
    expect(await page.textContent('[data-testid="reachable"]')).toContain('予算管理');
    expect(await page.textContent('[data-testid="reachable"]')).toContain('1 回の移動');
    expect(await page.textContent('[data-testid="feeders"]')).toContain('総務');
    await page.screenshot({ path: path.join(shots, 'ja-no-route-accounting-to-head-of-admin.png') });
    const prose = await englishProse(page, '#route-results');
    console.log(`English prose on the ja no-route page: ${prose.length}`, prose);
    expect(prose).toEqual([]);
    await page.click('[data-testid="reachable"] button[data-role-id="finance"]');
    await page.waitForSelector('[data-testid="route-steps"]');
    expect(await page.textContent('[data-testid="alternatives"]')).toContain('ファイナンス');
    await page.context().close();

    const en = await open(`${server.url}/?lang=en&from=accounting&to=head-of-administration`);
    await en.waitForSelector('[data-testid="no-route-reason"]');
    expect(await en.textContent('[data-testid="no-route-reason"]')).toMatch(/^From Accounting the recorded moves reach/);
    await en.screenshot({ path: path.join(shots, 'en-no-route-accounting-to-head-of-admin.png') });
    await en.context().close();
  });

  it('once From is set, the To picker marks which targets are reachable and how far', async () => {
    const page = await open(`${server.url}/?lang=ja`);
    await page.click('#tab-routes').catch(() => undefined);
    await page.fill('#route-from', '経理');
    await page.keyboard.press('ArrowDown');
    await page.waitForSelector('#route-from-list li');
    await page.keyboard.press('Enter');
    await page.fill('#route-to', 'ファイナンス');
    await page.waitForSelector('#route-to-list li [data-testid="reach"]');
    expect(await page.textContent('#route-to-list li[data-role-id="finance"] [data-testid="reach"]')).toBe('3 回の移動で到達');
    await page.screenshot({ path: path.join(shots, 'ja-to-picker-reach.png') });
    await page.fill('#route-to', '管理本部長');
    await page.waitForSelector('#route-to-list li[data-role-id="head-of-administration"] [data-testid="reach"]');
    expect(await page.textContent('#route-to-list li[data-role-id="head-of-administration"] [data-testid="reach"]')).toBe('到達できません');
    await page.context().close();
  });
});
