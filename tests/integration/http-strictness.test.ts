/**
 * Issue 12, item 15: wrong methods, repeated parameters, missing Cypher
 * parameters, non-decimal numbers, aborted and trickling uploads, and the
 * import CLI given a directory — each answered clearly, over real HTTP.
 */
import { request } from 'node:http';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScript, spawnServer } from '../fixtures/spawn-server.js';
import { startTestServer, type TestServer } from './test-server.js';

const TOKEN = 'http-strictness-admin-token-0123456789';
const HISTORY = 'person_id,seq,role\n' + Array.from({ length: 6 }, (_, p) => `p${p},1,CS\np${p},2,QA\n`).join('');

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ adminToken: TOKEN, rateLimitPerMinute: 0 });
});
afterAll(async () => {
  await server?.close();
});

async function call(method: string, p: string, body?: string, headers: Record<string, string> = {}): Promise<{ status: number; allow: string | null; body: any }> {
  const res = await fetch(server.url + p, { method, headers, ...(body !== undefined ? { body } : {}) });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: res.status, allow: res.headers.get('allow'), body: parsed };
}

describe('wrong method', () => {
  it('answers 405 with Allow for a known path, and 404 for an unknown one', async () => {
    const roles = await call('DELETE', '/api/roles');
    expect(roles.status).toBe(405);
    expect(roles.allow).toBe('GET, HEAD');
    expect(roles.body.error).toMatchObject({ code: 'method_not_allowed', message: expect.stringContaining('DELETE is not allowed on /api/roles') });

    const imports = await call('GET', '/api/imports');
    expect(imports.status).toBe(405);
    expect(imports.allow).toBe('POST');

    const role = await call('PATCH', '/api/roles/qa');
    expect(role.status).toBe(405);
    expect(role.allow).toBe('GET, HEAD');

    expect((await call('GET', '/api/nothing-here')).status).toBe(404);
  });
});

describe('query parameters', () => {
  it('refuses a repeated parameter with a 400 that names it', async () => {
    const r = await call('GET', '/api/routes/export?format=csv&format=svg&from=customer-support&to=qa');
    expect(r.status).toBe(400);
    expect(r.body.error.message).toMatch(/Repeated query parameter: format \(given 2 times: "csv", "svg"\)/);
    expect(r.body.error.details).toEqual([{ field: 'format', message: 'is given more than once', values: ['csv', 'svg'] }]);
  });

  it('takes only decimal digits for whole numbers (maxHops=0x5 is refused, 5 is fine)', async () => {
    for (const bad of ['0x5', '5e0', '0b101', '', ' 5']) {
      const r = await call('GET', `/api/routes?from=customer-support&to=qa&maxHops=${encodeURIComponent(bad)}`);
      expect(r.status, bad).toBe(400);
      expect(r.body.error.details).toEqual([expect.objectContaining({ field: 'maxHops' })]);
    }
    const ok = await call('GET', '/api/routes?from=customer-support&to=qa&maxHops=5');
    expect(ok.status).toBe(200);
    expect(ok.body.query.maxHops).toBe(5);
    expect((await call('GET', '/api/roles?limit=0x10')).status).toBe(400);
  });
});

describe('ad hoc Cypher parameters', () => {
  const run = (cypher: string, params: Record<string, unknown>) => call('POST', '/api/cypher', JSON.stringify({ cypher, params }), { 'content-type': 'application/json' });

  it('refuses a missing parameter just as it refuses an extra one', async () => {
    const missing = await run('RETURN $x AS x', {});
    expect(missing.status).toBe(400);
    expect(missing.body.error.details).toEqual([{ field: 'params.x', message: 'is used by the query but not given' }]);
    const extra = await run('RETURN 1 AS x', { y: 1 });
    expect(extra.status).toBe(400);
    expect(extra.body.error.details).toEqual([{ field: 'params.y', message: 'is not used by the query' }]);
    expect(missing.body.error.code).toBe(extra.body.error.code);
    const ok = await run('RETURN $x AS x', { x: 7 });
    expect(ok.status).toBe(200);
    expect(ok.body.rows).toEqual([{ x: 7 }]);
  });
});

describe('uploads', () => {
  it('answers a dry run while a slow upload holds the write turn', async () => {
    let push!: (s: string) => void;
    let finish!: () => void;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        push = (s) => controller.enqueue(new TextEncoder().encode(s));
        finish = () => controller.close();
      },
    });
    const slow = fetch(`${server.url}/api/imports?kind=histories&dataset=slow&minCount=1`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'text/csv' },
      body,
      duplex: 'half',
    } as RequestInit);
    push('person_id,seq,role\n');
    await new Promise((r) => setTimeout(r, 300));

    const dry = await call('POST', '/api/imports?kind=histories&dataset=check&dryRun=true&minCount=1', HISTORY, { authorization: `Bearer ${TOKEN}`, 'content-type': 'text/csv' });
    expect(dry.status, JSON.stringify(dry.body)).toBe(200);
    expect(dry.body).toMatchObject({ ok: true, dryRun: true, written: false });
    // A second writing import still waits its turn.
    const other = await call('POST', '/api/imports?kind=histories&dataset=other&minCount=1', HISTORY, { authorization: `Bearer ${TOKEN}`, 'content-type': 'text/csv' });
    expect(other.status).toBe(409);

    push(HISTORY.split('\n').slice(1).join('\n'));
    finish();
    const done = await slow;
    expect(done.status).toBe(200);
    expect(await done.json()).toMatchObject({ ok: true, written: true });
  });
});

describe('with the real entry point', () => {
  let spawned: Awaited<ReturnType<typeof spawnServer>>;
  beforeAll(async () => {
    spawned = await spawnServer({ ADMIN_TOKEN: TOKEN, RATE_LIMIT_PER_MINUTE: '0' });
  }, 60_000);
  afterAll(async () => {
    await spawned?.stop();
  });

  it('does not log a client that aborts an upload as an unhandled error, and frees the write turn', async () => {
    const url = new URL(`${spawned.url}/api/imports?kind=histories&dataset=aborted`);
    await new Promise<void>((resolve) => {
      const req = request(url, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'text/csv', 'content-length': '100000' } });
      req.on('error', () => resolve());
      req.write('person_id,seq,role\np1,1,CS\n');
      setTimeout(() => {
        req.destroy();
        resolve();
      }, 300);
    });
    await new Promise((r) => setTimeout(r, 500));
    expect(spawned.output()).not.toMatch(/unhandled error|"level":50/);
    const after = await fetch(`${spawned.url}/api/imports?kind=histories&dataset=after-abort&minCount=1`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'text/csv' },
      body: HISTORY,
    });
    expect(after.status).toBe(200);
  });

  it('npm run import with a directory says it is a directory, with or without a server', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'rolepath-import-dir-'));
    const env = { PORT: new URL(spawned.url).port, DATA_DIR: spawned.dataDir, HOST: '127.0.0.1', ADMIN_TOKEN: TOKEN };
    for (const e of [env, { ...env, PORT: '1' }]) {
      const run = await runScript('server/cli/import.ts', [dir, '--kind', 'histories', '--dataset', 'from-dir'], e);
      expect(run.code).toBe(1);
      expect(run.output).toContain(`${dir} is a directory: give one file to import`);
      expect(run.output).not.toContain('fetch failed');
    }
  }, 60_000);
});
