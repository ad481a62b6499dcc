/**
 * Imports as a careless or hostile user would send them (issue 12), over real
 * HTTP on a seeded store of the engine under test: a thin role catalogue must
 * not erase what it does not carry, and what it changes is listed.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './test-server.js';

const TOKEN = 'hostile-imports-admin-token-0123456789';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ adminToken: TOKEN, rateLimitPerMinute: 0 });
});
afterAll(async () => {
  await server?.close();
});

async function post(query: string, body: string | Uint8Array, contentType = 'text/csv'): Promise<{ status: number; body: any }> {
  const res = await fetch(`${server.url}/api/imports?${query}`, {
    method: 'POST',
    headers: { 'content-type': contentType, authorization: `Bearer ${TOKEN}` },
    body: typeof body === 'string' ? body : new Uint8Array(body),
  });
  const text = await res.text();
  try {
    return { status: res.status, body: JSON.parse(text) };
  } catch {
    return { status: res.status, body: text };
  }
}

const hrRole = async () => (await server.store.listRoles()).find((r) => r.id === 'hr')!;

describe('a role catalogue (item 6)', () => {
  it('previews a change to an existing role in a dry run, field by field, and writes nothing', async () => {
    const before = await hrRole();
    const { status, body } = await post('kind=roles&dataset=catalogue&dryRun=true', 'id,name,family\nhr,HR,back-office\n');
    expect(status).toBe(200);
    expect(body).toMatchObject({ ok: true, written: false, updatedRoles: 1, moreChangedRoles: 0 });
    expect(body.changedRoles).toEqual([{ id: 'hr', name: 'HR', changes: [{ field: 'name', before: before.name, after: 'HR' }] }]);
    expect(await hrRole()).toEqual(before);
  });

  it('keeps the Japanese name, aliases and description it does not carry, and histories naming them still import', async () => {
    const before = await hrRole();
    expect(before.aliases.length).toBeGreaterThan(1);
    const { status, body } = await post('kind=roles&dataset=catalogue', 'id,name,family\nhr,HR,back-office\n');
    expect(status).toBe(200);
    expect(body).toMatchObject({ ok: true, written: true, updatedRoles: 1 });
    const after = await hrRole();
    expect(after).toEqual({ ...before, name: 'HR' });

    const history = 'person_id,seq,role\np1,1,人事\np1,2,カスタマーサポート\n';
    const check = await post('kind=histories&dataset=after-catalogue&dryRun=true&minCount=1', history);
    expect(check.body.unknownRoles).toEqual([]);
    expect(check.body.ok).toBe(true);
  });

  it('treats empty cells like missing columns and adds aliases without dropping any', async () => {
    const before = await hrRole();
    const csv = 'id,name,name_ja,family,aliases,description\nhr,HR,,back-office,People ops|HR,\n';
    const { body } = await post('kind=roles&dataset=catalogue', csv);
    expect(body).toMatchObject({ ok: true, written: true, updatedRoles: 1 });
    expect(body.changedRoles[0].changes).toEqual([{ field: 'aliases', before: before.aliases.join(' | '), after: [...before.aliases, 'People ops'].join(' | ') }]);
    expect(await hrRole()).toEqual({ ...before, aliases: [...before.aliases, 'People ops'] });
  });

  it('does not count or rewrite a role the catalogue leaves as it is', async () => {
    const before = await hrRole();
    const { body } = await post('kind=roles&dataset=catalogue', `id,name,family\nhr,${before.name},${before.family}\n`);
    expect(body).toMatchObject({ ok: true, updatedRoles: 0, changedRoles: [], newRoles: [] });
  });
});

describe('silent acceptance (item 10)', () => {
  const people = (n: number) => Array.from({ length: n }, (_, p) => `p${p},1,CS\np${p},2,QA\n`).join('');

  it('refuses a header that names a column twice, naming the line and the column', async () => {
    const { status, body } = await post('kind=histories&dataset=dup-header&dryRun=true&minCount=1', `person_id,seq,role,role\n${people(3).replace(/\n/g, ',x\n')}`);
    expect(status).toBe(422);
    expect(body.report.errors).toEqual([expect.objectContaining({ line: 1, column: 'role', reason: expect.stringContaining('names column "role" twice (columns 3 and 4)') })]);
  });

  it('counts "Role" and "role" as the same column', async () => {
    const { status, body } = await post('kind=histories&dataset=dup-header&dryRun=true&minCount=1', `person_id,seq,Role,role\n${people(3).replace(/\n/g, ',x\n')}`);
    expect(status).toBe(422);
    expect(body.report.errors[0]).toMatchObject({ line: 1, column: 'role' });
  });

  it('refuses a byte-order mark in the middle of a file, naming the line and the column, instead of making a phantom person', async () => {
    const csv = `person_id,seq,role\n${people(3)}\uFEFFp0,3,PdM\n`;
    const { status, body } = await post('kind=histories&dataset=mid-bom&dryRun=true&minCount=1', csv);
    expect(status).toBe(422);
    expect(body.report.errors).toEqual([expect.objectContaining({ line: 8, column: 'person_id', reason: expect.stringContaining('byte-order mark (U+FEFF) in the middle of the file') })]);
    expect(body.report.people).toBe(3);
  });

  it('finds a BOM inside a later field and across a chunk boundary too, and still takes one at the very start', async () => {
    const inField = await post('kind=histories&dataset=mid-bom&dryRun=true&minCount=1', `person_id,seq,role\n${people(2)}p9,1,\uFEFFCS\n`);
    expect(inField.body.report.errors[0]).toMatchObject({ line: 6, column: 'role' });

    // Long enough that the upload (and the decoder) splits it into several chunks.
    const big = `person_id,seq,role\n${people(40_000)}\uFEFFp0,3,PdM\n`;
    const far = await post('kind=histories&dataset=mid-bom&dryRun=true&minCount=1', big);
    expect(far.status).toBe(422);
    expect(far.body.report.errors[0]).toMatchObject({ line: 80_002, column: 'person_id' });

    const atStart = await post('kind=histories&dataset=start-bom&dryRun=true&minCount=1', `\uFEFFperson_id,seq,role\n${people(3)}`);
    expect(atStart.status).toBe(200);
    expect(atStart.body).toMatchObject({ ok: true, people: 3 });
  });
});

describe('deeply nested NDJSON (item 13)', () => {
  const nest = (n: number) => '['.repeat(n) + ']'.repeat(n);
  const first = '{"person_id":"p1","seq":1,"role":"CS"}\n';

  it('answers 5,000 levels of nesting with a 422 naming the line', async () => {
    const { status, body } = await post('kind=histories&dataset=nested&dryRun=true', `${first}{"person_id":"p1","seq":2,"role":${nest(5000)}}\n`, 'application/x-ndjson');
    expect(status).toBe(422);
    expect(body.report.errors).toEqual([expect.objectContaining({ line: 2, reason: expect.stringContaining('nested more than 32 levels deep') })]);
  });

  it('answers promptly inside a 1.4 MB body, and keeps serving meanwhile', async () => {
    const started = Date.now();
    const res = await fetch(`${server.url}/api/imports?kind=histories&dataset=nested&dryRun=true`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/x-ndjson' },
      body: `${first}{"person_id":"p1","seq":2,"role":"QA"}\n{"person_id":"p1","seq":3,"role":${nest(700_000)}}\n`,
      signal: AbortSignal.timeout(20_000),
    });
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.report.errors).toEqual([expect.objectContaining({ line: 3, reason: expect.stringContaining('nested more than 32 levels deep') })]);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  }, 30_000);

  it('still reads brackets inside strings and shallow values as before', async () => {
    const rows = `{"person_id":"p1","seq":1,"role":"CS","note":"${'[{'.repeat(100)}"}\n{"person_id":"p1","seq":2,"role":"QA","note":"x"}\n`;
    const { status, body } = await post('kind=histories&dataset=nested&dryRun=true&minCount=1', rows, 'application/x-ndjson');
    expect(status, JSON.stringify(body.report?.errors)).toBe(200);
    const shallow = await post('kind=histories&dataset=nested&dryRun=true', `${first}{"person_id":"p1","seq":2,"role":["QA"]}\n`, 'application/x-ndjson');
    expect(shallow.status).toBe(422);
    expect(shallow.body.report.errors[0]).toMatchObject({ line: 2 });
  });
});

describe('many unknown roles (item 4)', () => {
  it('rejects 100,000 distinct unknown roles quickly, lists 100 problems and counts the rest, without holding the event loop', async () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => `p${i},1,QA-${i}x\np${i},2,QA\n`).join('');
    const delay = monitorEventLoopDelay({ resolution: 10 });
    // A ticker in this process (the server runs in it too): the longest gap between its ticks is the longest hold.
    let last = performance.now();
    let longest = 0;
    const ticker = setInterval(() => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
    }, 5);
    delay.enable();
    const started = performance.now();
    const { status, body } = await post('kind=histories&dataset=unknowns&dryRun=true&minCount=1', `person_id,seq,role\n${rows}`);
    const ms = performance.now() - started;
    delay.disable();
    clearInterval(ticker);
    expect(status).toBe(422);
    expect(body.report.errors).toHaveLength(100);
    expect(body.report.moreErrors).toBe(100_000 - 100);
    expect(body.report.rejected).toBe(100_000);
    expect(body.report.unknownRoles).toHaveLength(100);
    // The first unknown names still get their closest roles.
    expect(body.report.errors[0]).toMatchObject({ line: 2, value: 'QA-0x', reason: 'unknown role' });
    expect(body.report.errors[0].suggestions.length).toBeGreaterThan(0);
    console.log(`100,000 unknown roles: ${Math.round(ms)} ms; longest event-loop hold ${Math.round(longest)} ms (p99 delay ${Math.round(delay.percentile(99) / 1e6)} ms)`);
    expect(ms).toBeLessThan(15_000);
    // The import's own slices are at most ~20 ms (+ one 16 KB piece); the 50 ms target is measured by the
    // benchmark, not here. This bound only catches the old behaviour (52 s, holds of 2.5 s) with room for GC,
    // this process also being the HTTP client, and a machine running other suites at once.
    expect(longest).toBeLessThan(1000);
  }, 60_000);
});
