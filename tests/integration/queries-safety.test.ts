/**
 * Safety of user Cypher over real HTTP: every kind of write is refused with
 * 403 and a clear message and leaves the graph as it was; a runaway query is
 * stopped at the time limit while other requests keep being answered; writes
 * to the query library need the admin token.
 */
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KuzuGraphStore } from '../../server/db/kuzu/kuzu-store.js';
import { RUNAWAY_CYPHER } from '../fixtures/engine.js';
import { ADMIN_TOKEN, call, startQueryServer, type QueryTestServer } from './queries-server.js';

let server: QueryTestServer;
beforeAll(async () => {
  server = await startQueryServer({ queryLimits: { timeoutMs: 1500, rowLimit: 1000 } });
});
afterAll(async () => {
  await server?.close();
});

/** Whether a process exists (a zombie waiting to be reaped counts as gone; /proc is read where there is one). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return !existsSync('/proc/self');
  }
}

/** Everything that could change: the role graph, the saved queries, and a sample role. */
async function snapshot() {
  const counts = await server.store.counts();
  const queries = await server.store.listUserQueries();
  const hr = await server.store.getRole('hr');
  return { counts, queries, hr };
}

describe('user Cypher is read-only', () => {
  const attempts: [string, string, RegExp][] = [
    ['CREATE', "CREATE (:Role {id: 'intruder', name: 'X', nameJa: 'X', family: 'external', description: 'x'})", /CREATE would change the graph/],
    ['MERGE', "MERGE (r:Role {id: 'intruder'}) RETURN r", /MERGE would change the graph/],
    ['SET', "MATCH (r:Role {id: 'hr'}) SET r.name = 'Hacked' RETURN r", /SET would change the graph/],
    ['DELETE', "MATCH (:Role {id: 'hr'})-[t:TRANSITION]->(:Role) DELETE t", /DELETE would change the graph/],
    ['DETACH DELETE', "MATCH (r:Role {id: 'hr'}) DETACH DELETE r", /DETACH would change the graph/],
    ['DROP', 'DROP TABLE TRANSITION', /DROP would change the graph/],
    ['COPY FROM', "COPY Role FROM '/etc/hostname'", /COPY reads or writes files/],
    ['COPY TO', "COPY (MATCH (r:Role) RETURN r.id) TO '/tmp/rolepath-leak.csv'", /COPY reads or writes files/],
    ['LOAD FROM', "LOAD FROM '/etc/passwd' (file_format = 'csv') RETURN *", /LOAD reads or writes files/],
    ['LOAD CSV', "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line", /LOAD reads or writes files/],
    ['EXPORT', "EXPORT DATABASE '/tmp/rolepath-leak'", /EXPORT reads or writes files/],
    ['writing procedure (Neo4j)', "CALL db.createLabel('Hacked')", /not one of/],
    ['writing procedure (APOC)', "CALL apoc.create.node(['Hacked'], {}) YIELD node RETURN node", /not one of/],
    ['setting (Kùzu)', 'CALL threads = 1', /changes a setting/],
    ['two statements', "MATCH (r:Role) RETURN count(r); CREATE (:Role {id: 'intruder'})", /Only one statement/],
    ['two reads', 'RETURN 1; RETURN 2', /Only one statement/],
    ['a block comment hiding a write', "MATCH (r:Role {id: 'hr'}) /* just a look */ SET r.name = 'Hacked' RETURN r", /SET would change/],
    ['a line comment hiding a write', "MATCH (r:Role {id: 'hr'}) // read only, promise\nDETACH DELETE r", /DETACH would change/],
    ['a comment hiding a second statement', "RETURN 1 /* ; */ ; // really\nCREATE (:Role {id: 'intruder'})", /Only one statement/],
    ['a transaction', 'COMMIT', /controls transactions/],
  ];

  it.each(attempts)('refuses %s with 403 and a clear message, changing nothing', async (_what, cypher, message) => {
    const before = await snapshot();
    const res = await call(server.url, 'POST', '/api/cypher', { json: { cypher } });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('read_only');
    expect(res.body.error.message).toMatch(message);
    expect(res.body.error.message).toMatch(/line \d+, column \d+/);
    expect(res.body.error.details[0]).toMatchObject({ field: 'cypher', line: expect.any(Number), column: expect.any(Number) });
    expect(await snapshot()).toEqual(before);
  });

  it('wrote no files on the way', () => {
    expect(existsSync('/tmp/rolepath-leak.csv')).toBe(false);
    expect(existsSync('/tmp/rolepath-leak')).toBe(false);
  });

  it('does not mistake keywords in strings, comments and names for clauses', async () => {
    const res = await call(server.url, 'POST', '/api/cypher', {
      json: { cypher: "// CREATE and DELETE are only words here\nMATCH (r:Role {id: 'hr'}) RETURN 'SET, MERGE; DROP' AS text, r.id AS id" },
    });
    expect(res.status).toBe(200);
    expect(res.body.rows).toEqual([{ text: 'SET, MERGE; DROP', id: 'hr' }]);
  });

  it('refuses to save a query that writes', async () => {
    const before = await snapshot();
    const res = await call(server.url, 'POST', '/api/queries', {
      token: ADMIN_TOKEN,
      json: { name: 'sneaky', title: 'Sneaky', cypher: "MATCH (r:Role) SET r.name = 'x'" },
    });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/cannot be saved: Only read queries/);
    expect(await snapshot()).toEqual(before);
  });
});

describe('the time limit', () => {
  it('stops a runaway query at the limit while other requests are answered', async () => {
    // Kùzu: start the sandboxes (each loads a copy of the graph) so the clock measures only the run.
    const kuzu = server.store instanceof KuzuGraphStore ? server.store : undefined;
    await kuzu?.warmQuerySandbox();
    const pidsBefore = kuzu?.sandboxPids() ?? [];
    if (kuzu) expect(pidsBefore).toHaveLength(2);

    let runawayAnswered = false;
    const runaway = call(server.url, 'POST', '/api/cypher', { json: { cypher: RUNAWAY_CYPHER } }).finally(
      () => (runawayAnswered = true),
    );
    // While it runs: the API, the role graph and another user query (on the other sandbox) are all answered.
    await new Promise((r) => setTimeout(r, 100));
    const others = await Promise.all([
      call(server.url, 'GET', '/api/health'),
      call(server.url, 'GET', '/api/roles/customer-support'),
      call(server.url, 'POST', '/api/queries/hub-roles/run', { json: { params: { limit: 3 } } }),
    ]);
    expect(runawayAnswered, 'the other requests were answered while the runaway query was still running').toBe(false);
    for (const other of others) expect(other.status).toBe(200);
    expect(others[2]!.body.rows).toHaveLength(3);

    const res = await runaway;
    expect(res.status).toBe(504);
    expect(res.body.error.code).toBe('query_timeout');
    expect(res.body.error.message).toMatch(/1500 ms limit and was stopped/);
    expect(res.body.error.details[0]).toMatchObject({ limit: 'timeoutMs', value: 1500 });
    // Stopped at the limit (Kùzu's own timeout let this query run 29 s).
    expect(res.ms).toBeGreaterThanOrEqual(1490);
    expect(res.ms).toBeLessThan(2100);

    if (kuzu) {
      // Kùzu: the sandbox that ran it was killed (its process is gone once reaped), and a fresh one takes its place.
      const killed = pidsBefore.filter((pid) => !kuzu.sandboxPids().includes(pid));
      expect(killed).toHaveLength(1);
      await expect.poll(() => alive(killed[0]!), { timeout: 3000, interval: 50 }).toBe(false);
      await expect.poll(() => kuzu.sandboxPids().length, { timeout: 3000 }).toBe(2);
    }
    const after = await call(server.url, 'POST', '/api/queries/leads-into/run', { json: {} });
    expect(after.status).toBe(200);
    expect(after.body.rows.length).toBeGreaterThan(0);
  });
});

describe('the admin token', () => {
  const save = { name: 'my-hubs', title: 'My hubs', cypher: 'MATCH (r:Role) RETURN r.id AS id LIMIT 3' };

  it('is needed to save, delete and import; running needs none', async () => {
    for (const [method, p, json] of [
      ['POST', '/api/queries', save],
      ['DELETE', '/api/queries/my-hubs', undefined],
      ['POST', '/api/queries/import', { format: 'rolepath.saved-query', version: 1, ...save, cypher: { kuzu: save.cypher } }],
    ] as const) {
      const missing = await call(server.url, method, p, { json });
      expect(missing.status, `${method} ${p}`).toBe(401);
      expect(missing.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(missing.body.error.message).toMatch(/Authorization: Bearer/);
      const wrong = await call(server.url, method, p, { json, token: 'not-the-admin-token-at-all' });
      expect(wrong.status).toBe(401);
    }
    expect(await server.store.listUserQueries()).toEqual([]);
    const saved = await call(server.url, 'POST', '/api/queries', { json: save, token: ADMIN_TOKEN });
    expect(saved.status).toBe(201);
    expect((await call(server.url, 'POST', '/api/queries/my-hubs/run', { json: {} })).status).toBe(200);
    expect((await call(server.url, 'DELETE', '/api/queries/my-hubs', { token: ADMIN_TOKEN })).status).toBe(204);
  });

  it('without ADMIN_TOKEN configured, refuses those writes and says how to enable them', async () => {
    const open = await startQueryServer({ adminToken: undefined });
    try {
      const res = await call(open.url, 'POST', '/api/queries', { json: save, token: ADMIN_TOKEN });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('admin_disabled');
      expect(res.body.error.message).toMatch(/Set ADMIN_TOKEN/);
      expect((await call(open.url, 'DELETE', '/api/queries/anything')).status).toBe(403);
      expect((await call(open.url, 'POST', '/api/queries/import', { text: '// name: x\n// title: X\nRETURN 1' })).status).toBe(403);
      expect(await open.store.listUserQueries()).toEqual([]);
      // Reading and running still work.
      expect((await call(open.url, 'POST', '/api/queries/family-flows/run', { json: {} })).status).toBe(200);
    } finally {
      await open.close();
    }
  });

  it('built-in queries cannot be overwritten or deleted', async () => {
    const over = await call(server.url, 'POST', '/api/queries', {
      token: ADMIN_TOKEN,
      json: { name: 'hub-roles', title: 'Mine now', cypher: 'RETURN 1 AS one' },
    });
    expect(over.status).toBe(403);
    expect(over.body.error.code).toBe('builtin_query');
    const del = await call(server.url, 'DELETE', '/api/queries/hub-roles', { token: ADMIN_TOKEN });
    expect(del.status).toBe(403);
    expect((await call(server.url, 'GET', '/api/queries/hub-roles')).body.cypher).toContain('waysIn');
  });
});
