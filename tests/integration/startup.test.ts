/** The real entry points: the server seeds an empty store on start, refuses bad config, and the seed CLI is idempotent. */
import { mkdtemp, writeFile, cp } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RUNAWAY_CYPHER, TEST_ENGINE, resetEngine } from '../fixtures/engine.js';
import { ROOT, runScript, spawnServer } from '../fixtures/spawn-server.js';

describe('server start-up', () => {
  it(`seeds an empty ${TEST_ENGINE} store automatically, keeps it across restarts, and stops cleanly on SIGTERM`, async () => {
    const first = await spawnServer();
    type Health = { roles: number; transitions: number; engine: string; dataVersion: string; uptimeSeconds?: number };
    const health = (await (await fetch(`${first.url}/api/health`)).json()) as Health;
    delete health.uptimeSeconds;
    expect(health.engine).toBe(TEST_ENGINE);
    expect(health.roles).toBeGreaterThan(30);
    expect(await first.stop()).toBe(0);

    // Second start on the same data directory: no reseed, same counts.
    const second = await spawnServer({ DATA_DIR: first.dataDir });
    const again = (await (await fetch(`${second.url}/api/health`)).json()) as Health;
    delete again.uptimeSeconds;
    expect(again).toEqual(health); // same counts and the same data version
    expect(second.output()).not.toContain('seeded the empty store');
    expect(await second.stop()).toBe(0);
  });

  it('refuses to start with bad configuration and lists every problem', async () => {
    const { code, output } = await runScript('server/main.ts', [], { PORT: 'eighty', LOG_LEVEL: 'loud', NEO4J_URI: '' });
    expect(code).toBe(1);
    expect(output).toContain('Invalid configuration');
    expect(output).toContain('PORT');
    expect(output).toContain('LOG_LEVEL');
  });
});

describe('npm run seed (seed/cli.ts)', () => {
  it('is idempotent: seeding twice gives the same counts', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'rolepath-seed-cli-'));
    await resetEngine();
    const env = { DATA_DIR: dataDir };
    const once = await runScript('seed/cli.ts', [], env);
    const twice = await runScript('seed/cli.ts', [], env);
    expect(once.code, once.output).toBe(0);
    expect(twice.code, twice.output).toBe(0);
    const counts = (s: string) => new RegExp(`Seeded ${TEST_ENGINE}: (\\d+) roles, (\\d+) transitions, (\\d+) histories`).exec(s)?.slice(1);
    expect(counts(once.output)).toBeDefined();
    expect(counts(twice.output)).toEqual(counts(once.output));
  });

  it('stops on an invalid seed file, names the file and path, and writes nothing', async () => {
    const seedDir = await mkdtemp(path.join(tmpdir(), 'rolepath-bad-seed-'));
    await cp(path.join(ROOT, 'seed', 'data'), seedDir, { recursive: true });
    await writeFile(path.join(seedDir, 'transitions.json'), JSON.stringify([{ from: 'customer-support', to: 'qa', kind: 'teleport', count: 1 }]));
    const dataDir = await mkdtemp(path.join(tmpdir(), 'rolepath-seed-cli-'));
    await resetEngine();
    const env = { DATA_DIR: dataDir };
    const bad = await runScript('seed/cli.ts', ['--dir', seedDir], env);
    expect(bad.code).toBe(1);
    expect(bad.output).toContain('transitions.json: [0].kind');
    // Nothing was written: the store is still empty, so the server would seed it on start.
    const check = await runScript('seed/cli.ts', ['--counts'], env);
    expect(check.output).toContain('0 roles, 0 transitions, 0 histories');
  });
});

/** A JSON POST over its own connection: `sent` resolves once the request is written in full, `answer` with the reply. */
function postJson(url: string, payload: unknown) {
  const req = http.request(url, { method: 'POST', headers: { 'content-type': 'application/json', connection: 'close' } });
  const sent = new Promise<void>((resolve, reject) => req.on('finish', resolve).on('error', reject));
  const answer = new Promise<{ status: number; body: { rows?: unknown[]; error?: { code: string } } }>((resolve, reject) => {
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (d: string) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as never }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
  req.end(JSON.stringify(payload));
  return { sent, answer };
}

describe('graceful shutdown', () => {
  it('on SIGTERM stops accepting, lets an in-flight request finish, then exits 0', async () => {
    const server = await spawnServer({ QUERY_TIMEOUT_MS: '3000' });
    // A deliberately slow read (stopped by the 3 s query limit at the latest).
    let answeredAt = 0;
    const slow = postJson(`${server.url}/api/cypher`, { cypher: RUNAWAY_CYPHER });
    const inFlight = slow.answer.then((res) => ((answeredAt = Date.now()), res));
    // The server has read our request once it answers one sent after the request was written in full
    // (a condition, rather than sleeping and hoping).
    await slow.sent;
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    let exitedAt = 0;
    const exited = server.stop().then((code) => ((exitedAt = Date.now()), code)); // SIGTERM
    // New connections are refused as soon as the listener closes…
    await expect
      .poll(() => fetch(`${server.url}/api/health`).then(() => 'accepted', () => 'refused'), { timeout: 5_000, interval: 25 })
      .toBe('refused');
    // …while the old request is still running, and it gets its answer before the process exits.
    expect(answeredAt, 'the slow request was still in flight when the listener closed').toBe(0);
    const { status, body } = await inFlight;
    if (status === 200) expect(body.rows).toHaveLength(1);
    else expect([status, body.error?.code]).toEqual([504, 'query_timeout']); // an answer, not a dropped connection
    expect(await exited).toBe(0);
    expect(exitedAt).toBeGreaterThanOrEqual(answeredAt);
  });
});
