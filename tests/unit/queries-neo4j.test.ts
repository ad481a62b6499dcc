/**
 * The Neo4j side of user Cypher without a server: values become the same
 * result values as on Kùzu, errors are sorted into the same kinds, and runs
 * use a READ session with one explicit transaction (no retries), EXPLAIN first, the transaction timeout and the row
 * limit (checked on a recording fake driver). The same behaviour against a
 * real server is the contract suite's (NEO4J_URI).
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { CypherRunError } from '../../server/db/query-types.js';
import { classifyNeo4jError, refusedPlanStep, runReadOnly } from '../../server/db/neo4j/neo4j-user-cypher.js';
import { Neo4jValueConverter, toNeo4jParams } from '../../server/db/neo4j/values.js';

const { Node, Relationship, Path, PathSegment } = neo4j.types;
const role = (n: number, id: string) => new Node(neo4j.int(n), ['Role'], { id, name: `Name ${id}`, aliases: [] }, `4:db:${n}`);
const move = (n: number, from: number, to: number) =>
  new Relationship(neo4j.int(n), neo4j.int(from), neo4j.int(to), 'TRANSITION', { dataset: 'test', count: neo4j.int(3), skills: ['CS × QA'] }, `5:db:${n}`, `4:db:${from}`, `4:db:${to}`);

describe('Neo4jValueConverter', () => {
  it('gives nodes, relationships and paths the engine-independent ids and shapes', () => {
    const a = role(1, 'a');
    const b = role(2, 'b');
    const r = move(7, 1, 2);
    const converter = new Neo4jValueConverter();
    const [row] = converter.convertRows([{ a, r, p: new Path(a, b, [new PathSegment(a, r, b)]), n: neo4j.int(5), m: { nested: [a] } }]);
    expect(row!.a).toEqual({ _kind: 'node', _id: 'a', _labels: ['Role'], properties: { id: 'a', name: 'Name a', aliases: [] } });
    expect(row!.r).toEqual({
      _kind: 'relationship',
      _id: 'a->b@test',
      _type: 'TRANSITION',
      _start: 'a',
      _end: 'b',
      properties: { dataset: 'test', count: 3, skills: ['CS × QA'] },
    });
    expect(row!.p).toMatchObject({ _kind: 'path', nodes: [{ _id: 'a' }, { _id: 'b' }], relationships: [{ _id: 'a->b@test' }] });
    expect(row!.n).toBe(5);
    expect(row!.m).toEqual({ nested: [row!.a] });
    expect(converter.relatedNodes().map((n) => n._id).sort()).toEqual(['a', 'b']);
  });

  it('finds relationship ends missing from the rows and resolves them from fetched nodes', () => {
    const rows = [{ t: move(7, 1, 2) }];
    expect(Neo4jValueConverter.missingEnds(rows).sort()).toEqual(['4:db:1', '4:db:2']);
    expect(Neo4jValueConverter.missingEnds([{ t: move(7, 1, 2), a: role(1, 'a') }])).toEqual(['4:db:2']);
    const converter = new Neo4jValueConverter([role(1, 'a'), role(2, 'b')]);
    const [row] = converter.convertRows(rows);
    expect(row!.t).toMatchObject({ _start: 'a', _end: 'b' });
    expect(converter.relatedNodes().map((n) => n.properties.name)).toEqual(['Name a', 'Name b']);
  });
});

describe('toNeo4jParams', () => {
  it('sends integral numbers as integers (as Kùzu types them INT64), others unchanged', () => {
    const out = toNeo4jParams({ hops: 2, ratio: 0.5, ids: ['a'], nested: { n: 3 }, flag: true, none: null }) as Record<string, unknown>;
    expect(neo4j.isInt(out.hops)).toBe(true);
    expect(out.ratio).toBe(0.5);
    expect(neo4j.isInt((out.nested as Record<string, unknown>).n)).toBe(true);
    expect(out).toMatchObject({ ids: ['a'], flag: true, none: null });
  });
});

describe('classifyNeo4jError', () => {
  const err = (code: string, message: string) => Object.assign(new Error(message), { code });
  it.each([
    ['Neo.ClientError.Statement.AccessMode', 'Writing in read access mode not allowed.', 'read-only'],
    ['Neo.ClientError.Security.Forbidden', 'Schema operations are not allowed', 'read-only'],
    ['Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration', 'timed out', 'timeout'],
    ['Neo.ClientError.Statement.SemanticError', 'Variable `x` not defined', 'semantic'],
    ['Neo.ClientError.Procedure.ProcedureNotFound', 'no procedure', 'semantic'],
    ['Neo.TransientError.General.MemoryPoolOutOfMemoryError', 'memory', 'resources'],
    ['ServiceUnavailable', 'down', 'unavailable'],
    ['Neo.DatabaseError.General.UnknownError', 'boom', 'runtime'],
  ])('%s → %s', (code, message, kind) => {
    expect(classifyNeo4jError(err(code, message)).kind).toBe(kind);
  });

  it('reads the position of a syntax error', () => {
    const e = classifyNeo4jError(err('Neo.ClientError.Statement.SyntaxError', 'Invalid input \')\': expected a node label (line 2, column 14 (offset: 27))\n"MATCH (r:Role"'));
    expect(e).toMatchObject({ kind: 'syntax', position: { line: 2, column: 14, offset: 27 } });
    expect(e.message).not.toContain('\n');
  });
});

/** A driver that records what it is asked and streams `count` integer rows, slowly if told. */
function fakeDriver(count: number, { delayMs = 0 } = {}) {
  const calls: { session?: unknown; txConfig?: unknown; queries: string[]; pulled: number } = { queries: [], pulled: 0 };
  const driver = {
    session(config: unknown) {
      calls.session = config;
      return {
        async beginTransaction(txConfig: unknown) {
          calls.txConfig = txConfig;
          return {
            run(query: string) {
              calls.queries.push(query);
              return {
                summary: { plan: { operatorType: 'ProduceResults@neo4j', arguments: {}, children: [] } },
                keys: async () => ['n'],
                async *[Symbol.asyncIterator]() {
                  for (let i = 0; i < count; i++) {
                    if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
                    calls.pulled++;
                    yield { get: () => neo4j.int(i) };
                  }
                },
              };
            },
            rollback: async () => undefined,
          };
        },
        close: async () => undefined,
      };
    },
  };
  return { driver: driver as unknown as Driver, calls };
}

describe('runReadOnly on Neo4j', () => {
  it('uses a READ session, one explicit transaction with the time limit as timeout (no retries), EXPLAIN first, and stops at the row limit', async () => {
    const { driver, calls } = fakeDriver(10);
    const result = await runReadOnly(driver, 'career', 'UNWIND range(0, 9) AS n RETURN n', {}, { timeoutMs: 1234, rowLimit: 3 });
    expect(calls.session).toMatchObject({ database: 'career', defaultAccessMode: neo4j.session.READ });
    expect(calls.txConfig).toEqual({ timeout: 1234 });
    expect(calls.queries[0]).toBe('EXPLAIN UNWIND range(0, 9) AS n RETURN n');
    expect(result).toEqual({ columns: ['n'], rows: [{ n: 0 }, { n: 1 }, { n: 2 }], truncated: true, related: [] });
    // The stream was abandoned after one more row than the limit.
    expect(calls.pulled).toBe(4);
  });

  it('refuses LOAD CSV and other side effects a READ transaction would allow, before opening a session', async () => {
    const { driver, calls } = fakeDriver(1);
    for (const cypher of ["LOAD CSV FROM 'https://example.com/x.csv' AS row RETURN row", 'SHOW TRANSACTIONS', "CALL dbms.setConfigValue('x', 'y')"]) {
      const err = await runReadOnly(driver, undefined, cypher, {}, { timeoutMs: 1000, rowLimit: 10 }).catch((e: unknown) => e);
      expect((err as CypherRunError).kind, cypher).toBe('read-only');
    }
    expect(calls.session).toBeUndefined();
  });

  it('gives up on its own within half a second after the time limit when the server does not', async () => {
    const { driver } = fakeDriver(80, { delayMs: 20 });
    const started = performance.now();
    const err = await runReadOnly(driver, undefined, 'RETURN 1', {}, { timeoutMs: 200, rowLimit: 10_000 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CypherRunError);
    expect((err as CypherRunError).kind).toBe('timeout');
    expect(performance.now() - started).toBeLessThan(700);
  });
});

describe('refusedPlanStep: the engine holds the line (EXPLAIN before the run)', () => {
  const step = (operatorType: string, Details = '', children: unknown[] = []) => ({ operatorType, arguments: { Details }, children }) as never;
  it('refuses LOAD CSV, commands and procedures off the allow-list anywhere in the plan', () => {
    expect(refusedPlanStep(step('ProduceResults@neo4j', 'l', [step('LoadCSV@neo4j', 'l')]))).toMatch(/LOAD CSV/);
    expect(refusedPlanStep(step('ProduceResults@neo4j', 'name', [step('ProcedureCall@neo4j', 'dbms.listConfig() :: (name :: STRING)')]))).toMatch(/dbms\.listConfig/);
    expect(refusedPlanStep(step('ProduceResults@neo4j', '', [step('ShowSettings@neo4j', 'allSettings')]))).toMatch(/ShowSettings/);
    expect(refusedPlanStep(step('ProduceResults@neo4j', '', [step('Union@neo4j', '', [step('Projection@neo4j'), step('ProcedureCall@neo4j', 'dbms.setConfigValue(x) :: ()')])]))).toMatch(/setConfigValue/);
  });
  it('lets reads and allow-listed procedures through', () => {
    expect(refusedPlanStep(step('ProduceResults@neo4j', 'n', [step('AllNodesScan@neo4j', 'n')]))).toBeNull();
    expect(refusedPlanStep(step('ProduceResults@neo4j', 'label', [step('ProcedureCall@neo4j', 'db.labels() :: (label :: STRING)')]))).toBeNull();
    expect(refusedPlanStep(null)).toBeNull();
  });
  it('refuses a run whose plan loads files, before running it', async () => {
    const queries: string[] = [];
    const driver = {
      session: () => ({
        beginTransaction: async () => ({
          run: (q: string) => {
            queries.push(q);
            return { summary: { plan: step('ProduceResults@neo4j', 'l', [step('LoadCSV@neo4j', 'l')]) } };
          },
          rollback: async () => undefined,
        }),
        close: async () => undefined,
      }),
    } as unknown as Driver;
    // A text the guard lets through (as if it had missed something): the plan refuses it.
    const err = await runReadOnly(driver, undefined, 'MATCH (n) RETURN n', {}, { timeoutMs: 1000, rowLimit: 10 }).catch((e: unknown) => e);
    expect((err as CypherRunError).kind).toBe('read-only');
    expect(queries).toEqual(['EXPLAIN MATCH (n) RETURN n']);
  });
});
