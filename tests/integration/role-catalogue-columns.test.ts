/**
 * A role catalogue with `group`, `name_ja` and `description_ja` (issue 14, item 5), on the engine under
 * test: imported over real HTTP and with the import CLI (through the running server, and on its own),
 * then read back from `/api/roles/:id` and both shapes of `/api/graph`. A bad catalogue (a group too
 * long, a Japanese name with a tab) is refused naming line and column, in Japanese and English, and
 * changes nothing.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compactGraphResponse, decodeCompactGraph } from '../../server/contract/graph-compact.js';
import { ROLE_GROUP_MAX } from '../../server/contract/graph-data.js';
import { createTestStore } from '../fixtures/engine.js';
import { runScript } from '../fixtures/spawn-server.js';
import { getJson, startTestServer, type TestServer } from './test-server.js';

const TOKEN = 'role-catalogue-columns-admin-token-0123';

/**
 * A Japanese team's catalogue: a new role with all three columns, and a seed role (named by its
 * Japanese name only, which it already has) given a group.
 */
const CATALOGUE =
  'id,name,name_ja,family,group,description,description_ja\n' +
  'sales-planning,Sales planning,営業企画,bizops,営業本部,Plans sales targets and campaigns.,売上目標と施策を企画する。\n' +
  'hr,,人事,back-office,管理本部,,\n';
/** Only Japanese names, the group under another header: the English name is the Japanese one. */
const JAPANESE_ONLY = 'id\tname_ja\tfamily\tdepartment\tdescription_ja\nkeiri-kanri\t経理管理\tback-office\t管理本部\t月次決算をまとめる。\n';

let server: TestServer;
let dir: string;

beforeAll(async () => {
  server = await startTestServer({ adminToken: TOKEN, rateLimitPerMinute: 0 });
  dir = await mkdtemp(path.join(tmpdir(), 'rolepath-role-columns-'));
}, 120_000);
afterAll(async () => {
  await server?.close();
});

const post = async (query: string, body: string) => {
  const res = await fetch(`${server.url}/api/imports?${query}`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv', authorization: `Bearer ${TOKEN}` },
    body,
  });
  return { status: res.status, body: (await res.json()) as any };
};

const cli = (file: string, args: string[], env: Record<string, string>) =>
  runScript('server/cli/import.ts', [file, '--kind', 'roles', '--dataset', 'catalogue', ...args], env);

const nodeOf = (graph: { elements: { nodes: { data: { id: string } }[] } }, id: string) => graph.elements.nodes.find((n) => n.data.id === id)?.data;

describe('role catalogue columns over HTTP and the CLI', () => {
  it('stores group, name_ja and description_ja and gives them in the role page and both graph shapes', async () => {
    const hrBefore = (await getJson(server.url, '/api/roles/hr')).body.role;
    const imported = await post('kind=roles&dataset=catalogue', CATALOGUE);
    expect(imported.status, JSON.stringify(imported.body)).toBe(200);
    expect(imported.body.changedRoles).toEqual([{ id: 'hr', name: hrBefore.name, changes: [{ field: 'group', before: '', after: '管理本部' }] }]);

    const env = { PORT: new URL(server.url).port, HOST: '127.0.0.1', ADMIN_TOKEN: TOKEN };
    const file = path.join(dir, 'japanese-only.tsv');
    await writeFile(file, JAPANESE_ONLY);
    const run = await cli(file, ['--lang', 'ja'], env);
    expect(run.code, run.output).toBe(0);
    expect(run.output).toContain('keiri-kanri');

    const sales = (await getJson(server.url, '/api/roles/sales-planning')).body.role;
    expect(sales).toEqual({
      id: 'sales-planning',
      name: 'Sales planning',
      nameJa: '営業企画',
      aliases: [],
      family: 'bizops',
      description: 'Plans sales targets and campaigns.',
      descriptionJa: '売上目標と施策を企画する。',
      group: '営業本部',
    });
    expect((await getJson(server.url, '/api/roles/keiri-kanri')).body.role).toMatchObject({
      name: '経理管理',
      nameJa: '経理管理',
      descriptionJa: '月次決算をまとめる。',
      group: '管理本部',
    });
    // Empty cells (the English name among them) kept what the seed role had: only its group changed.
    expect((await getJson(server.url, '/api/roles/hr')).body.role).toEqual({ ...hrBefore, group: '管理本部' });

    const full = (await getJson(server.url, '/api/graph')).body;
    expect(nodeOf(full, 'sales-planning')).toEqual({ id: 'sales-planning', label: 'Sales planning', labelJa: '営業企画', family: 'bizops', group: '営業本部' });
    expect(nodeOf(full, 'hr')).toMatchObject({ group: '管理本部' });
    expect(nodeOf(full, 'customer-support')).not.toHaveProperty('group');

    const compact = compactGraphResponse.parse((await getJson(server.url, '/api/graph?shape=compact')).body);
    expect([...compact.groups!].sort()).toEqual(['営業本部', '管理本部']);
    const decoded = decodeCompactGraph(compact);
    expect(decoded.elements.nodes).toEqual(full.elements.nodes);
  });

  it('refuses a group over the limit or a Japanese name with a tab, naming line and column in Japanese and English, and changes nothing', async () => {
    const graphBefore = (await getJson(server.url, '/api/graph')).body;
    const hrBefore = (await getJson(server.url, '/api/roles/hr')).body;
    const bad = `id,name,name_ja,family,group\nhr,HR,人事,back-office,${'部'.repeat(ROLE_GROUP_MAX + 1)}\nnew-role,New role,"新\t職種",bizops,営業本部\n`;

    const ja = await post('kind=roles&dataset=catalogue&lang=ja', bad);
    expect(ja.status).toBe(422);
    expect(ja.body.error.message).toMatch(/何も書き込んでいません/);
    expect(ja.body.report.errors.map((e: any) => [e.line, e.column, e.reason])).toEqual([
      [2, 'group', `group は${ROLE_GROUP_MAX} 文字以内にしてください。`],
      [3, 'name_ja', 'name_ja は制御文字(タブ・改行など)を含まない値にしてください。'],
    ]);

    const file = path.join(dir, 'bad.csv');
    await writeFile(file, bad);
    const run = await cli(file, ['--json', '--lang', 'en'], { PORT: new URL(server.url).port, HOST: '127.0.0.1', ADMIN_TOKEN: TOKEN });
    expect(run.code).toBe(1);
    expect(JSON.parse(run.output).errors.map((e: any) => [e.line, e.column, e.reason])).toEqual([
      [2, 'group', `group must be at most ${ROLE_GROUP_MAX} characters`],
      [3, 'name_ja', 'name_ja must not contain control characters'],
    ]);

    expect((await getJson(server.url, '/api/graph')).body).toEqual(graphBefore);
    expect((await getJson(server.url, '/api/roles/hr')).body).toEqual(hrBefore);
    expect((await getJson(server.url, '/api/roles/new-role')).status).toBe(404);
  });

  it('imports the columns with the CLI on its own (no server running)', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'rolepath-role-columns-data-'));
    const file = path.join(dir, 'direct.csv');
    await writeFile(file, 'id,name_ja,family,group,description_ja\nsoumu,総務,back-office,管理本部,社内の庶務を担う。\n');
    const run = await cli(file, ['--json'], { PORT: '1', DATA_DIR: dataDir });
    expect(run.code, run.output).toBe(0);
    expect(JSON.parse(run.output)).toMatchObject({ ok: true, written: true, newRoles: [{ id: 'soumu', name: '総務' }] });
    const store = await createTestStore({ kuzuPath: path.join(dataDir, 'rolepath.kuzu'), keep: true });
    try {
      expect(await store.getRole('soumu')).toEqual({
        id: 'soumu',
        name: '総務',
        nameJa: '総務',
        aliases: [],
        family: 'back-office',
        description: '総務',
        descriptionJa: '社内の庶務を担う。',
        group: '管理本部',
      });
    } finally {
      await store.close();
    }
  });
});
