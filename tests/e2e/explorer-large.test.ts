/**
 * The Explorer over a generated graph too big to draw whole (900 roles, 2,700
 * moves, served by the real server from its own store): it opens on an
 * overview — one node per family sized by its roles, the moves between
 * families summed, the most connected roles — instead of every role; a tap on
 * a group draws its roles where the group was and a tap on its ring closes it;
 * a selected role is drawn with its neighbourhood; a route draws its roles and
 * moves. Screenshots (English and Japanese) go to test-output/e2e/.
 */
import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { GraphResponse } from '../../server/contract/api.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LARGE_GRAPH } from '../../client/src/graph/layout.js';
import { t } from '../../client/src/i18n/strings.js';
import { generateRoleGraph } from '../bench/generate-graph.js';
import { launchBrowser } from '../fixtures/browser.js';
import { createTestStore } from '../fixtures/engine.js';
import { ROOT, spawnServer, type SpawnedServer } from '../fixtures/spawn-server.js';

const ROLES = 900;
const shots = path.join(ROOT, 'test-output', 'e2e');
let server: SpawnedServer;
let browser: Browser;
let page: Page;
/** The graph as the server answers it (the generated roles and moves, and the seed's). */
let g: { roles: { id: string; family: string }[]; transitions: { from: string; to: string; count: number }[] };

const cy = <T>(fn: string) => page.evaluate(`(() => { const cy = window.__cy; return ${fn}; })()`) as Promise<T>;
const ids = (selector: string) => cy<string[]>(`cy.elements(${JSON.stringify(selector)}).map((e) => e.id())`);

/** Roles one move away from `id`, in or out. */
function neighbours(id: string): Set<string> {
  const out = new Set<string>();
  for (const t of g.transitions) {
    if (t.from === id) out.add(t.to);
    if (t.to === id) out.add(t.from);
  }
  out.delete(id);
  return out;
}

/** Clicks the container at a model position. */
async function clickAt(x: number, y: number): Promise<void> {
  const box = (await page.locator('#cy').boundingBox())!;
  const { zoom, pan } = await cy<{ zoom: number; pan: { x: number; y: number } }>('({ zoom: cy.zoom(), pan: cy.pan() })');
  await page.mouse.click(box.x + pan.x + x * zoom, box.y + pan.y + y * zoom);
}

/** Waits for the viewport animation to end (the graph stops moving). */
const settled = () => expect.poll(() => cy<boolean>('cy.animated()')).toBe(false);

beforeAll(async () => {
  await mkdir(shots, { recursive: true });
  const generated = generateRoleGraph({ roles: ROLES, edgesPerRole: 3, seed: 7 });
  const dataDir = await mkdtemp(path.join(tmpdir(), 'rolepath-large-'));
  // The engine under test (Kùzu in the data directory, or the test Neo4j emptied first), as the server will open it.
  const store = await createTestStore({ kuzuPath: path.join(dataDir, 'rolepath.kuzu') });
  await store.writeGraph({ dataset: 'generated', ...generated });
  await store.close();
  [server, browser] = await Promise.all([spawnServer({ DATA_DIR: dataDir, RATE_LIMIT_PER_MINUTE: '0' }), launchBrowser()]);
  const answer = (await (await fetch(`${server.url}/api/graph`)).json()) as GraphResponse;
  g = {
    roles: answer.elements.nodes.map((n) => n.data),
    transitions: answer.elements.edges.map((e) => ({ from: e.data.source, to: e.data.target, count: e.data.count })),
  };
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.setDefaultTimeout(20_000);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('explorer with a graph too big to draw whole', () => {
  it('opens on groups and the most connected roles, not every role', async () => {
    expect(ROLES).toBeGreaterThan(LARGE_GRAPH);
    await page.goto(server.url);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
    const families = [...new Set(g.roles.map((r) => r.family))].sort();
    expect((await ids('node.group')).sort()).toEqual(families.map((f) => `group:${f}`));
    // Each group is sized by its roles and says how many.
    for (const f of families) {
      const n = g.roles.filter((r) => r.family === f).length;
      expect(await cy<number>(`cy.getElementById('group:${f}').data('roles')`)).toBe(n);
    }
    const roles = await ids('node[^groupKey]');
    expect(roles.length).toBeGreaterThan(0);
    expect(roles.length).toBeLessThan(50);
    expect(await ids('node.hub')).toEqual(expect.arrayContaining(roles));
    // The status line says the graph is shown as groups and that a group opens when clicked.
    expect(await page.locator('#status').textContent()).toBe(t('en').loadedOverview(g.roles.length, g.transitions.length, families.length));
    // Moves between groups are summed: their counts add up to every move across families.
    const across = g.transitions.filter((t) => g.roles.find((r) => r.id === t.from)!.family !== g.roles.find((r) => r.id === t.to)!.family);
    expect(await cy<number>("cy.edges('.aggregate').map((e) => e.data('count')).reduce((a, b) => a + b, 0)")).toBe(across.reduce((a, t) => a + t.count, 0));
    await page.screenshot({ path: path.join(shots, 'explorer-large-overview-en.png') });
  });

  it('draws a group’s roles when it is tapped, and closes it from its ring', async () => {
    const family = g.roles[0]!.family;
    const members = g.roles.filter((r) => r.family === family).map((r) => r.id);
    const group = `group:${family}`;
    const at = await cy<{ x: number; y: number; size: number }>(`({ ...cy.getElementById('${group}').position(), size: cy.getElementById('${group}').data('size') })`);
    // Near its top edge, clear of the most connected roles in its middle.
    await clickAt(at.x, at.y - at.size * 0.45);
    await settled();
    expect(await cy<boolean>(`cy.getElementById('${group}').hasClass('group-open')`)).toBe(true);
    expect(await cy<number>(`[${members.map((m) => JSON.stringify(m)).join(',')}].filter((id) => !cy.getElementById(id).empty()).length`)).toBe(members.length);
    // Drawn where the group is: every role inside its ring.
    const inside = await cy<number>(`cy.nodes('[^groupKey]').filter((n) => n.data('family') === '${family}').filter((n) => Math.hypot(n.position('x') - ${at.x}, n.position('y') - ${at.y}) < ${at.size / 2}).length`);
    expect(inside).toBe(members.length);
    await page.screenshot({ path: path.join(shots, 'explorer-large-group-en.png') });
    // The ring (outside the disc of roles) closes it again.
    const ring = await cy<{ x: number; y: number; size: number }>(`({ ...cy.getElementById('${group}').position(), size: cy.getElementById('${group}').data('size') })`);
    await clickAt(ring.x + ring.size / 2 - 8, ring.y);
    await settled();
    expect(await cy<boolean>(`cy.getElementById('${group}').hasClass('group-open')`)).toBe(false);
    expect((await ids('node[^groupKey]')).length).toBeLessThan(50);
  });

  it('draws a selected role with its neighbourhood', async () => {
    const hubs = new Set(await ids('node.hub'));
    const role = g.roles.find((r) => !hubs.has(r.id) && neighbours(r.id).size >= 3)!;
    await page.goto(`${server.url}/?role=${role.id}`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
    await expect.poll(() => cy<boolean>(`cy.getElementById('${role.id}').selected()`)).toBe(true);
    const hood = [...neighbours(role.id)];
    expect(await cy<number>(`[${hood.map((m) => JSON.stringify(m)).join(',')}].filter((id) => cy.getElementById(id).hasClass('neighbour')).length`)).toBe(hood.length);
    // Every move in and out of it is drawn and highlighted.
    const moves = g.transitions.filter((t) => t.from === role.id || t.to === role.id).length;
    expect(await cy<number>(`cy.getElementById('${role.id}').connectedEdges('.neighbour-edge').length`)).toBe(moves);
  });

  it('draws a route’s roles and moves', async () => {
    const hubs = new Set(await ids('node.hub'));
    const from = g.roles.find((r) => !hubs.has(r.id) && [...neighbours(r.id)].some((n) => !hubs.has(n)))!;
    // Two moves out, neither end a hub: the route's roles must be drawn because of the route.
    const out = (id: string) => g.transitions.filter((t) => t.from === id).map((t) => t.to);
    const to = out(from.id).flatMap(out).find((id) => id !== from.id && !hubs.has(id) && !out(from.id).includes(id))!;
    await page.goto(`${server.url}/?from=${from.id}&to=${to}&mode=fewest`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
    await expect.poll(() => ids('node.route-node')).toContain(to);
    const routeRoles = await ids('node.route-node');
    expect(routeRoles).toEqual(expect.arrayContaining([from.id, to]));
    expect(routeRoles).toHaveLength(3);
    const steps = await cy<[string, string][]>("cy.edges('.route-edge').map((e) => [e.source().id(), e.target().id()])");
    expect(steps.length).toBeGreaterThanOrEqual(2);
    for (const [a, b] of steps) expect(routeRoles).toEqual(expect.arrayContaining([a, b]));
    await page.screenshot({ path: path.join(shots, 'explorer-large-route-en.png') });
    await page.goto(`${server.url}/?from=${from.id}&to=${to}&mode=fewest&lang=ja`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
    await expect.poll(() => ids('node.route-node')).toContain(to);
    expect(await cy<string>(`cy.nodes('.group')[0].style('label')`)).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]|BizOps/);
    await page.screenshot({ path: path.join(shots, 'explorer-large-route-ja.png') });
  });
});
