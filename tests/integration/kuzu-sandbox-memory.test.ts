/**
 * Kùzu's query sandboxes under their OS memory limit (QUERY_MEMORY_MB, here the smallest allowed,
 * 640 MiB): a query that would grow past it fails as `resources` naming the limit, the sandbox's
 * resident memory never passes the limit, the other sandbox keeps answering meanwhile, and the pool
 * is back at full strength afterwards. An engine-specific fact (Neo4j bounds memory in its server:
 * see the contract's resources test), so this runs against Kùzu whatever TEST_ENGINE says.
 */
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KuzuGraphStore } from '../../server/db/kuzu/kuzu-store.js';
import { CypherRunError } from '../../server/db/query-types.js';
import { smallGraph } from '../fixtures/graph.js';

const MEMORY_MB = 640;
const hasPrlimit = ['/usr/bin/prlimit', '/bin/prlimit', '/usr/local/bin/prlimit'].some((p) => existsSync(p));
const rssMb = (pid: number) => {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
  } catch {
    return 0;
  }
};

describe.skipIf(!hasPrlimit)(`Kùzu query sandboxes under a ${MEMORY_MB} MiB memory limit`, () => {
  let store: KuzuGraphStore;
  beforeAll(async () => {
    store = new KuzuGraphStore({ path: ':memory:', queryWorkers: 2, queryMemoryMb: MEMORY_MB });
    await store.init();
    await store.writeGraph(smallGraph());
    await store.warmQuerySandbox();
  });
  afterAll(async () => {
    await store.close();
  });

  it.each([
    ['one huge allocation', 'UNWIND range(1, 200000000) AS x RETURN sum(x) AS total'],
    // 40 lists of 40 MB, allocated one by one outside Kùzu's buffer pool: 1.9 GB resident without the limit.
    ['memory that grows row by row', 'UNWIND range(1, 40) AS i WITH i, range(1, 5000000) AS l RETURN sum(size(l)) AS n'],
  ])('stops %s at the limit, naming it, while the other sandbox serves', async (_, cypher) => {
    let peak = 0;
    const sampler = setInterval(() => {
      for (const pid of store.sandboxPids()) peak = Math.max(peak, rssMb(pid));
    }, 10);
    try {
      const hungry = store.runReadOnly(cypher, {}, { timeoutMs: 20_000, rowLimit: 10 }).then(
        () => null,
        (err: unknown) => err,
      );
      // Meanwhile another user query is answered by the other sandbox.
      expect((await store.runReadOnly('MATCH (r:Role) RETURN count(r) AS n', {}, { timeoutMs: 5000, rowLimit: 10 })).rows).toEqual([{ n: 4 }]);
      const err = await hungry;
      expect(err).toBeInstanceOf(CypherRunError);
      expect((err as CypherRunError).kind).toBe('resources');
      expect((err as CypherRunError).message).toContain(`${MEMORY_MB} MiB`);
    } finally {
      clearInterval(sampler);
    }
    expect(peak).toBeGreaterThan(0);
    expect(peak).toBeLessThanOrEqual(MEMORY_MB);
    // Both sandboxes are there (a dead one is replaced) and answer.
    await expect.poll(() => store.sandboxPids().length, { timeout: 5000 }).toBe(2);
    const answers = await Promise.all([1, 2].map((n) => store.runReadOnly(`RETURN ${n} AS n`, {}, { timeoutMs: 5000, rowLimit: 10 })));
    expect(answers.map((a) => a.rows)).toEqual([[{ n: 1 }], [{ n: 2 }]]);
  });
});
