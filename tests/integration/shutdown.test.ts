/**
 * SIGTERM on the real entry point (server/main.ts) while work is in flight
 * (issue 12, item 8): every in-flight request gets an answer that tells the
 * truth about what was written, the process exits 0 within 10 s, and no query
 * sandbox process or copy of the data outlives the server (nor survives the
 * next start when the server was killed outright).
 */
import { mkdtemp, readdir } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RUNAWAY_CYPHER, onKuzu } from '../fixtures/engine.js';
import { generateHistoryCsv } from '../fixtures/import-data.js';
import { alive, childrenOf } from '../fixtures/processes.js';
import { spawnServer, type SpawnedServer } from '../fixtures/spawn-server.js';
import { readSeedDir } from '../../server/services/seed-reader.js';
import { ROOT } from '../fixtures/spawn-server.js';

const TOKEN = 'shutdown-test-admin-token-0123456789';

interface Answer {
  status: number;
  body: { error?: { code: string; message: string }; written?: boolean; transitions?: number };
}

/** A POST over its own connection whose body we write ourselves; `answer` settles with the reply or the failure. */
function openPost(url: string, headers: Record<string, string>) {
  const req = http.request(url, { method: 'POST', headers: { connection: 'close', ...headers } });
  const answer = new Promise<Answer>((resolve, reject) => {
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (d: string) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as Answer['body'] }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
  answer.catch(() => undefined);
  return { req, answer };
}

/** SIGTERM, and how long the exit took. */
async function stopTimed(server: SpawnedServer): Promise<{ code: number | null; ms: number }> {
  const t0 = Date.now();
  const code = await server.stop();
  return { code, ms: Date.now() - t0 };
}

const sandboxDirs = async (dir: string) => (await readdir(dir)).filter((n) => n.startsWith('rolepath-sandbox-'));

async function historyCsv(people: number): Promise<string> {
  const seed = await readSeedDir(path.join(ROOT, 'seed', 'data'));
  return [...generateHistoryCsv(seed.roles, { people, seed: 3, nameShare: 0 })].join('');
}

async function datasetNames(url: string): Promise<string[]> {
  const res = await fetch(`${url}/api/datasets`);
  const body = (await res.json()) as { datasets: { name: string }[] };
  return body.datasets.map((d) => d.name);
}

describe('SIGTERM with work in flight', () => {
  it('refuses an import still uploading with 503 shutting_down (nothing written) and exits 0 within 10 s', async () => {
    const server = await spawnServer({ ADMIN_TOKEN: TOKEN });
    const csv = await historyCsv(2000);
    const { req, answer } = openPost(`${server.url}/api/imports?kind=histories&dataset=cut-short&minCount=1`, {
      authorization: `Bearer ${TOKEN}`,
      'content-type': 'text/csv',
      'content-length': String(Buffer.byteLength(csv)),
    });
    // Half the file, then nothing more: the upload is still in flight when the signal comes.
    await new Promise<void>((resolve) => req.write(csv.slice(0, csv.length / 2), () => resolve()));
    await expect.poll(() => fetch(`${server.url}/api/health`).then((r) => r.status)).toBe(200);
    const stopping = stopTimed(server);
    const { status, body } = await answer;
    expect([status, body.error?.code]).toEqual([503, 'shutting_down']);
    expect(body.error?.message).toMatch(/Nothing was written/);
    req.destroy();
    const { code, ms } = await stopping;
    expect(code).toBe(0);
    expect(ms).toBeLessThan(10_000);
    // Nothing was written: the next start on the same data has no such dataset.
    const again = await spawnServer({ DATA_DIR: server.dataDir });
    expect(await datasetNames(again.url)).not.toContain('cut-short');
    expect(await again.stop()).toBe(0);
  }, 90_000);

  it('answers an import sent in full truthfully (200 written, or 503 with nothing written) and exits 0 within 10 s', async () => {
    const server = await spawnServer({ ADMIN_TOKEN: TOKEN });
    const csv = await historyCsv(20_000);
    const { req, answer } = openPost(`${server.url}/api/imports?kind=histories&dataset=at-the-end&minCount=1`, {
      authorization: `Bearer ${TOKEN}`,
      'content-type': 'text/csv',
      'content-length': String(Buffer.byteLength(csv)),
    });
    // The whole file is out: the server is reading, checking or writing it when the signal comes.
    await new Promise<void>((resolve) => req.end(csv, () => resolve()));
    const stopping = stopTimed(server);
    const { status, body } = await answer;
    const { code, ms } = await stopping;
    expect(code).toBe(0);
    expect(ms).toBeLessThan(10_000);
    const again = await spawnServer({ DATA_DIR: server.dataDir });
    const names = await datasetNames(again.url);
    await again.stop();
    if (status === 200) {
      expect(body.written).toBe(true);
      expect(names).toContain('at-the-end');
    } else {
      expect([status, body.error?.code]).toEqual([503, 'shutting_down']);
      expect(names).not.toContain('at-the-end');
    }
  }, 90_000);

  it('stops a long user query with an answer, ends every sandbox process, removes the copies and exits 0 within 10 s', async () => {
    const tmp = await mkdtemp(path.join(tmpdir(), 'rolepath-shutdown-tmp-'));
    const server = await spawnServer({ QUERY_TIMEOUT_MS: '60000', TMPDIR: tmp });
    const { req, answer } = openPost(`${server.url}/api/cypher`, { 'content-type': 'application/json' });
    req.end(JSON.stringify({ cypher: RUNAWAY_CYPHER }));
    let sandboxes: number[] = [];
    if (onKuzu) {
      // The query runs in a sandbox on a copy of the data (Parquet export plus a database per sandbox).
      await expect.poll(() => childrenOf(server.pid).length, { timeout: 30_000 }).toBeGreaterThan(0);
      await expect.poll(() => sandboxDirs(tmp), { timeout: 30_000 }).toHaveLength(1);
      sandboxes = childrenOf(server.pid);
    }
    await new Promise((r) => setTimeout(r, 500)); // well into the query
    const stopping = stopTimed(server);
    const { status, body } = await answer;
    expect(status).toBe(503);
    expect(body.error?.message).toMatch(/shutting down|shut down/);
    const { code, ms } = await stopping;
    expect(code).toBe(0);
    expect(ms).toBeLessThan(10_000);
    for (const pid of sandboxes) await expect.poll(() => alive(pid), { timeout: 2_000 }).toBe(false);
    expect(await sandboxDirs(tmp)).toEqual([]);
  }, 90_000);

  it.runIf(onKuzu)('killed outright during a query: the sandbox ends itself and the next start removes the copy', async () => {
    const tmp = await mkdtemp(path.join(tmpdir(), 'rolepath-shutdown-tmp-'));
    const server = await spawnServer({ QUERY_TIMEOUT_MS: '60000', TMPDIR: tmp });
    const { req, answer } = openPost(`${server.url}/api/cypher`, { 'content-type': 'application/json' });
    req.end(JSON.stringify({ cypher: RUNAWAY_CYPHER }));
    await expect.poll(() => childrenOf(server.pid).length, { timeout: 30_000 }).toBeGreaterThan(0);
    await expect.poll(() => sandboxDirs(tmp), { timeout: 30_000 }).toHaveLength(1);
    const sandboxes = childrenOf(server.pid);
    await new Promise((r) => setTimeout(r, 500));
    process.kill(server.pid, 'SIGKILL');
    await answer.catch(() => undefined);
    for (const pid of sandboxes) await expect.poll(() => alive(pid), { timeout: 5_000 }).toBe(false);
    // The dead server could not remove its copy; the next start does.
    expect(await sandboxDirs(tmp)).toHaveLength(1);
    const again = await spawnServer({ DATA_DIR: server.dataDir, TMPDIR: tmp });
    expect(await sandboxDirs(tmp)).toEqual([]);
    expect(await again.stop()).toBe(0);
  }, 90_000);
});
