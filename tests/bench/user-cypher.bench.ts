/**
 * User Cypher, worst case (issue 12): the real server (Kùzu, default limits:
 * QUERY_MEMORY_MB 1024, QUERY_WORKERS 2, QUERY_TIMEOUT_MS 5000,
 * QUERY_RESULT_BYTES 8 MiB) under the hostile queries of the issue, one per
 * sandbox at a time for the memory hog and a dozen at once for the oversized
 * result. Reported: peak RSS of the server and of its sandboxes (sampled every
 * 25 ms from /proc), the answers' statuses, and /api/health latency meanwhile.
 * The target is the documented bound on the sandboxes: QUERY_MEMORY_MB ×
 * QUERY_WORKERS plus ~60 MB per sandbox.
 */
import { readFileSync } from 'node:fs';
import { childrenOf } from '../fixtures/processes.js';
import { spawnServer } from '../fixtures/spawn-server.js';
import { summarise, type BenchRow } from './harness.js';

const MEMORY_MB = 1024;
const WORKERS = 2;
const BOUND_MB = (MEMORY_MB + 60) * WORKERS;
const HOG = 'UNWIND range(1,200000000) AS x RETURN sum(x)';
const WIDE = 'UNWIND range(1,200) AS i RETURN i, repeat("x",1000000) AS s';

function rssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0; // gone
  }
}

/** Samples the server's and its sandboxes' RSS until stopped; peaks in MB. */
function sampler(pid: number) {
  let server = 0;
  let sandboxes = 0;
  let oneSandbox = 0;
  let children = childrenOf(pid);
  let ticks = 0;
  const timer = setInterval(() => {
    if (++ticks % 8 === 0) children = childrenOf(pid); // sandboxes are replaced after a kill
    server = Math.max(server, rssMb(pid));
    const each = children.map(rssMb);
    sandboxes = Math.max(sandboxes, each.reduce((a, b) => a + b, 0));
    oneSandbox = Math.max(oneSandbox, ...each, 0);
  }, 25);
  return {
    stop: () => {
      clearInterval(timer);
      return { server, sandboxes, oneSandbox };
    },
  };
}

async function cypher(url: string, text: string): Promise<{ status: number; code: string; ms: number }> {
  const t0 = performance.now();
  const res = await fetch(`${url}/api/cypher`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ cypher: text }) });
  const body = (await res.json().catch(() => ({}))) as { error?: { code: string } };
  return { status: res.status, code: body.error?.code ?? 'ok', ms: performance.now() - t0 };
}

/** /api/health latencies while `busy` runs. */
async function healthDuring(url: string, busy: Promise<unknown>): Promise<number[]> {
  const ms: number[] = [];
  let done = false;
  void busy.finally(() => (done = true));
  while (!done) {
    const t0 = performance.now();
    await fetch(`${url}/api/health`).then((r) => r.arrayBuffer());
    ms.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, 100));
  }
  return ms;
}

const tally = (answers: { status: number; code: string }[]) =>
  Object.entries(answers.reduce<Record<string, number>>((acc, a) => ((acc[`${a.status} ${a.code}`] = (acc[`${a.status} ${a.code}`] ?? 0) + 1), acc), {}))
    .map(([k, n]) => `${n}× ${k}`)
    .join(', ');

export async function userCypherBench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const server = await spawnServer({ QUERY_MEMORY_MB: String(MEMORY_MB), QUERY_WORKERS: String(WORKERS), RATE_LIMIT_PER_MINUTE: '0' });
  try {
    await cypher(server.url, 'MATCH (r:Role) RETURN count(r)'); // sandboxes started and loaded
    const idle = { server: rssMb(server.pid), sandboxes: childrenOf(server.pid).map(rssMb).reduce((a, b) => a + b, 0) };

    // The memory hog: one per sandbox, three rounds (each sandbox is replaced after it is stopped).
    let s = sampler(server.pid);
    const hogAnswers: { status: number; code: string; ms: number }[] = [];
    const hogs = (async () => {
      for (let round = 0; round < 3; round++) hogAnswers.push(...(await Promise.all(Array.from({ length: WORKERS }, () => cypher(server.url, HOG)))));
    })();
    const hogHealth = await healthDuring(server.url, hogs);
    await hogs;
    let peak = s.stop();
    const hogNote = `MB (not ms); answers: ${tally(hogAnswers)}; idle: server ${Math.round(idle.server)} MB, sandboxes ${Math.round(idle.sandboxes)} MB`;
    rows.push(summarise('user-cypher', `${HOG} ×${WORKERS} at once ×3: peak RSS of the sandboxes together`, [peak.sandboxes], { ms: BOUND_MB, on: 'p50' }, `${hogNote}; bound (QUERY_MEMORY_MB+60)×QUERY_WORKERS`));
    rows.push(summarise('user-cypher', `${HOG}: peak RSS of one sandbox`, [peak.oneSandbox], { ms: MEMORY_MB + 60, on: 'p50' }, 'MB (not ms); QUERY_MEMORY_MB 1024'));
    rows.push(summarise('user-cypher', `${HOG}: peak RSS of the server process`, [peak.server], undefined, 'MB (not ms)'));
    rows.push(summarise('user-cypher', `${HOG}: answer time`, hogAnswers.map((a) => a.ms)));
    rows.push(summarise('user-cypher', `${HOG}: /api/health meanwhile`, hogHealth));

    // The oversized result: a dozen clients at once (200 MB each without the byte limit).
    s = sampler(server.pid);
    const wide = Promise.all(Array.from({ length: 12 }, () => cypher(server.url, WIDE)));
    const wideHealth = await healthDuring(server.url, wide);
    const wideAnswers = await wide;
    peak = s.stop();
    rows.push(summarise('user-cypher', `${WIDE} ×12 at once: peak RSS of the server process`, [peak.server], undefined, `MB (not ms); answers: ${tally(wideAnswers)}`));
    rows.push(summarise('user-cypher', `${WIDE} ×12: peak RSS of the sandboxes together`, [peak.sandboxes], { ms: BOUND_MB, on: 'p50' }, 'MB (not ms)'));
    rows.push(summarise('user-cypher', `${WIDE}: answer time`, wideAnswers.map((a) => a.ms)));
    rows.push(summarise('user-cypher', `${WIDE}: /api/health meanwhile`, wideHealth));
  } finally {
    await server.stop();
  }
  return rows;
}
