/**
 * The GraphStore contract for user Cypher and saved queries: read-only runs
 * enforced by the engine itself (no text checks here), limits, graph values
 * with the same ids on every engine, and user queries stored in the graph.
 * Registered by graphStoreContract for every engine.
 */
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { eachStoreWithSmallGraph } from './each-store.js';
import type { GraphStore } from '../../server/db/graph-store.js';
import { CypherRunError, type ResultNode, type ResultPath, type ResultRelationship, type StoredQuery } from '../../server/db/query-types.js';
import { buildRole, smallGraph } from '../fixtures/graph.js';
import { RUNAWAY_CYPHER } from '../fixtures/engine.js';

const limits = { timeoutMs: 5000, rowLimit: 100 };

async function failure(run: Promise<unknown>): Promise<CypherRunError> {
  try {
    await run;
  } catch (err) {
    expect(err).toBeInstanceOf(CypherRunError);
    return err as CypherRunError;
  }
  throw new Error('expected the run to fail');
}

const storedQuery = (overrides: Partial<StoredQuery> = {}): StoredQuery => ({
  name: 'my-query',
  title: 'My query',
  titleJa: '私のクエリ',
  description: 'Roles of a family.',
  descriptionJa: '',
  params: 'family: family = bizops',
  columns: ['id'],
  cypher: { kuzu: 'MATCH (r:Role) WHERE r.family = $family RETURN r.id AS id', neo4j: 'MATCH (r:Role) WHERE r.family = $family RETURN r.id AS id' },
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...overrides,
});

export function userCypherContract(engine: string, open: () => Promise<GraphStore>): void {
  describe(`GraphStore contract: user Cypher and saved queries (${engine})`, () => {
    let store!: GraphStore;
    eachStoreWithSmallGraph(open, (s) => (store = s));

    it('runs Cypher with parameters and returns plain rows', async () => {
      const result = await store.runReadOnly(
        'MATCH (r:Role) WHERE r.family = $family AND size(r.name) > $min RETURN r.id AS id, r.name AS name ORDER BY id',
        { family: 'management', min: 1 },
        limits,
      );
      expect(result).toEqual({
        columns: ['id', 'name'],
        rows: [
          { id: 'c', name: 'Role c' },
          { id: 'd', name: 'Role d' },
        ],
        truncated: false,
        related: [],
      });
    });

    it('returns nodes, relationships and paths with the same ids on every engine', async () => {
      const { rows } = await store.runReadOnly(
        "MATCH p = (a:Role {id: 'a'})-[t:TRANSITION]->(b:Role {id: 'b'}) RETURN a, t, p",
        {},
        limits,
      );
      const row = rows[0]!;
      const a = row.a as ResultNode;
      expect(a).toMatchObject({ _kind: 'node', _id: 'a', _labels: ['Role'], properties: { id: 'a', name: 'Role a', family: 'customer-support' } });
      expect(row.t as ResultRelationship).toMatchObject({
        _kind: 'relationship',
        _id: 'a->b@test',
        _type: 'TRANSITION',
        _start: 'a',
        _end: 'b',
        properties: { count: 3, skills: ['CS × QA'], dataset: 'test' },
      });
      const p = row.p as ResultPath;
      expect(p._kind).toBe('path');
      expect(p.nodes.map((n) => n._id)).toEqual(['a', 'b']);
      expect(p.relationships.map((r) => r._id)).toEqual(['a->b@test']);
      expect(JSON.parse(JSON.stringify(rows))).toEqual(rows);
    });

    it('names the end nodes of relationships returned without them', async () => {
      const { rows, related } = await store.runReadOnly("MATCH (:Role {id: 'c'})-[t:TRANSITION]->(:Role) RETURN t", {}, limits);
      expect((rows[0]!.t as ResultRelationship)._id).toBe('c->d@test');
      expect(related.map((n) => n._id).sort()).toEqual(['c', 'd']);
      expect(related.find((n) => n._id === 'd')?.properties.name).toBe('Role d');
    });

    it('stops at the row limit and says so', async () => {
      const q = 'MATCH (r:Role) RETURN r.id AS id ORDER BY id';
      const two = await store.runReadOnly(q, {}, { ...limits, rowLimit: 2 });
      expect(two.rows).toEqual([{ id: 'a' }, { id: 'b' }]);
      expect(two.truncated).toBe(true);
      expect((await store.runReadOnly(q, {}, { ...limits, rowLimit: 4 })).truncated).toBe(false);
    });

    it('refuses writes in the engine itself, leaving the graph as it was', async () => {
      const before = await store.counts();
      for (const write of [
        "CREATE (:Role {id: 'x', name: 'X'})",
        "MERGE (:Role {id: 'x'})",
        "MATCH (r:Role {id: 'a'}) SET r.name = 'Changed'",
        "MATCH (r:Role {id: 'd'}) DELETE r",
        "MATCH (r:Role {id: 'a'}) DETACH DELETE r",
        'MATCH (:Role)-[t:TRANSITION]->(:Role) DELETE t',
      ]) {
        expect((await failure(store.runReadOnly(write, {}, limits))).kind, write).toBe('read-only');
      }
      // Schema changes and bulk loads (dialects differ: only refusal is required, as the other engine cannot even parse them).
      const ddl =
        engine === 'kuzu'
          ? ['DROP TABLE TRANSITION', 'CREATE NODE TABLE Hacked(id STRING, PRIMARY KEY(id))', 'ALTER TABLE Role ADD hacked STRING', "COPY Role FROM '/tmp/roles.csv'"]
          : ['DROP CONSTRAINT role_id', 'CREATE INDEX hacked FOR (r:Role) ON (r.name)'];
      for (const statement of ddl) await failure(store.runReadOnly(statement, {}, limits));
      expect(await store.counts()).toEqual(before);
      expect(await store.getRole('a')).toEqual(smallGraph().roles[0]);
      expect((await store.runReadOnly('MATCH (r:Role) RETURN count(r) AS n', {}, limits)).rows).toEqual([{ n: 4 }]);
    });

    it('refuses what a read-only engine would still do: files, extensions, settings, unknown procedures', async () => {
      const leak = path.join(tmpdir(), `rolepath-contract-leak-${engine}-${process.pid}`);
      for (const statement of [
        `COPY (MATCH (r:Role) RETURN r.id) TO '${leak}.csv'`,
        `EXPORT DATABASE '${leak}'`,
        "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
        "LOAD FROM '/etc/passwd' (file_format = 'csv') RETURN *",
        'INSTALL httpfs',
        'CALL threads = 1',
        "CALL db.createLabel('Hacked')",
        "MATCH (r:Role) RETURN r.id; COPY (MATCH (r:Role) RETURN r.id) TO '/tmp/x.csv'",
      ]) {
        const err = await failure(store.runReadOnly(statement, {}, limits));
        expect(err.kind, statement).toBe('read-only');
        expect(err.message, statement).toMatch(/line \d+, column \d+/);
      }
      expect(existsSync(`${leak}.csv`)).toBe(false);
      expect(existsSync(leak)).toBe(false);
    });

    it('refuses two statements in one string', async () => {
      const before = await store.counts();
      const err = await failure(store.runReadOnly("MATCH (r:Role) RETURN count(r) AS n; CREATE (:Role {id: 'x'})", {}, limits));
      expect(['multiple-statements', 'syntax']).toContain(err.kind);
      expect(await store.counts()).toEqual(before);
    });

    it('reports syntax errors with the engine message and position', async () => {
      const err = await failure(store.runReadOnly('MATCH (r:Role\nRETURN r', {}, limits));
      expect(err.kind).toBe('syntax');
      expect(err.message.length).toBeGreaterThan(5);
      expect(err.position?.line).toBeGreaterThanOrEqual(1);
      expect(err.position?.column).toBeGreaterThanOrEqual(1);
    });

    it('reports unknown labels, properties or parameters as query errors, not crashes', async () => {
      const err = await failure(store.runReadOnly('RETURN $missing + 1 AS x, nope.x AS y', {}, limits));
      expect(['semantic', 'runtime', 'syntax']).toContain(err.kind);
    });

    it('stops a runaway query at the time limit while other calls are served', async () => {
      // Warm up first (Kùzu starts its sandbox on first use), so the clock measures the run alone.
      await store.runReadOnly('RETURN 1 AS one', {}, limits);
      const started = performance.now();
      let runawayOver = false;
      const runaway = failure(store.runReadOnly(RUNAWAY_CYPHER, {}, { timeoutMs: 300, rowLimit: 10 })).finally(() => (runawayOver = true));
      // Meanwhile the store answers its ordinary reads: before the runaway query is over, not after it.
      expect((await store.counts()).roles).toBe(4);
      expect(runawayOver, 'an ordinary read was answered while the runaway query ran').toBe(false);
      const err = await runaway;
      const elapsed = performance.now() - started;
      expect(err.kind).toBe('timeout');
      expect(elapsed).toBeGreaterThanOrEqual(290);
      // Kùzu kills the sandbox at the limit; Neo4j's server stops the transaction, with a client deadline 0.3 s later.
      expect(elapsed).toBeLessThan(300 + 500);
      // And the next run works.
      expect((await store.runReadOnly('RETURN 1 AS one', {}, limits)).rows).toEqual([{ one: 1 }]);
    });

    it('refuses a result larger than the result-size limit, naming it, without building it', async () => {
      // 200 rows of 1 MB each: a 200 MB body before there was a byte limit.
      const big =
        engine === 'kuzu'
          ? 'UNWIND range(1, 200) AS i RETURN i, repeat("x", 1000000) AS s'
          : "WITH reduce(s = 'x', k IN range(1, 20) | s + s) AS s UNWIND range(1, 200) AS i RETURN i, s";
      const started = performance.now();
      const err = await failure(store.runReadOnly(big, {}, { ...limits, rowLimit: 1000, resultBytes: 1_000_000 }));
      expect(err.kind).toBe('too-large');
      expect(err.message).toContain('1000000-byte limit (QUERY_RESULT_BYTES)');
      // Refused while being built, not after: a generous bound (4.7 s seen on 2 cores under load average 13),
      // not a speed target (those live in the benchmarks).
      expect(performance.now() - started).toBeLessThan(10_000);
      // Under the limit the same kind of query answers, and the limit counts bytes, not rows.
      const small = await store.runReadOnly('UNWIND range(1, 50) AS i RETURN i', {}, { ...limits, resultBytes: 2000 });
      expect(small.rows).toHaveLength(50);
      expect((await failure(store.runReadOnly('UNWIND range(1, 500) AS i RETURN i', {}, { ...limits, rowLimit: 1000, resultBytes: 2000 }))).kind).toBe('too-large');
    });

    it('answers a query that needs more memory than allowed with a resources error naming the limit, promptly, and keeps serving', async () => {
      await store.runReadOnly('RETURN 1 AS one', {}, limits);
      // Kùzu: a 1.6 GB list against the sandbox's OS memory limit (1 GiB by default); Neo4j: a collect()
      // the server's transaction memory limit refuses (a transient error that must not be retried into a timeout).
      const hungry =
        engine === 'kuzu'
          ? 'UNWIND range(1, 200000000) AS x RETURN sum(x) AS total'
          : "WITH reduce(s = 'x', k IN range(1, 20) | s + s) AS s UNWIND range(1, 2000) AS i RETURN size(collect(s)) AS n";
      const started = performance.now();
      const err = await failure(store.runReadOnly(hungry, {}, { timeoutMs: 20_000, rowLimit: 10 }));
      expect(err.kind).toBe('resources');
      expect(err.message).toMatch(engine === 'kuzu' ? /memory limit is \d+ MiB, QUERY_MEMORY_MB/ : /limit|memory/i);
      expect(performance.now() - started).toBeLessThan(5000);
      expect((await store.runReadOnly('RETURN 1 AS one', {}, limits)).rows).toEqual([{ one: 1 }]);
      expect((await store.counts()).roles).toBe(4);
    });

    it('refuses settings, files and procedures hidden behind \\u escapes or quoted names', async () => {
      for (const statement of [
        "CALL current_setting('home_directory') RETURN *",
        "CALL `current_setting`('home_directory') RETURN *",
        'CALL dbms.listConfig() YIELD name RETURN name',
        'WITH 1 AS x \\u0043ALL dbms.listConfig() YIELD name RETURN name',
        'CALL \\u0064bms.listConfig() YIELD name RETURN name',
        "WITH 1 AS x \\u004cOAD CSV FROM 'file:///etc/passwd' AS l RETURN l",
        "RETURN '\\u0027 + 1 AS y, 1 AS z \\u004cOAD //' AS x",
        'WITH 1 AS x \\u0053HOW SETTINGS',
      ]) {
        const err = await failure(store.runReadOnly(statement, {}, limits));
        expect(err.kind, statement).toBe('read-only');
      }
      // An escape inside a string is still just a character.
      expect((await store.runReadOnly("RETURN 'caf\\u00e9' AS s", {}, limits)).rows[0]!.s).toMatch(/^caf/);
    });

    it('sees writes made after earlier runs', async () => {
      const count = async () => (await store.runReadOnly('MATCH (r:Role) RETURN count(r) AS n', {}, limits)).rows[0]!.n;
      expect(await count()).toBe(4);
      await store.writeGraph({ dataset: 'test', roles: [buildRole({ id: 'e' })], transitions: [], histories: [] });
      expect(await count()).toBe(5);
    });

    it('stores, lists, replaces and deletes user queries without touching the role graph', async () => {
      const before = await store.counts();
      expect(await store.listUserQueries()).toEqual([]);
      const q = storedQuery();
      await store.saveUserQuery(q);
      await store.saveUserQuery(storedQuery({ name: 'another', cypher: { kuzu: 'RETURN 1 AS one' }, columns: [], params: '(none)' }));
      expect(await store.listUserQueries()).toEqual([
        storedQuery({ name: 'another', cypher: { kuzu: 'RETURN 1 AS one' }, columns: [], params: '(none)' }),
        q,
      ]);
      const replaced = { ...q, title: 'Renamed 名前', updatedAt: '2026-02-01T00:00:00.000Z', createdAt: '2030-01-01T00:00:00.000Z' };
      await store.saveUserQuery(replaced);
      const [, got] = await store.listUserQueries();
      // Replacing keeps the creation time.
      expect(got).toEqual({ ...replaced, createdAt: q.createdAt });
      expect(await store.deleteUserQuery('my-query')).toBe(true);
      expect(await store.deleteUserQuery('my-query')).toBe(false);
      expect((await store.listUserQueries()).map((x) => x.name)).toEqual(['another']);
      expect(await store.counts()).toEqual(before);
    });
  });
}
