/**
 * Issue 12, item 3: the Kùzu import write that finds two roles by id must not
 * be planned as a cross product of every role with every role (O(roles²):
 * 13 GB and minutes with 10,000 roles). EXPLAIN on a real in-memory database
 * with the project's schema; the plan must find each role by a join on the
 * primary key. (The time and memory this saves are measured by
 * `npm run bench -- import`, not asserted here.)
 */
import kuzu from 'kuzu';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadQuery, loadSchema } from '../../server/db/query-loader.js';

let db: InstanceType<typeof kuzu.Database>;
let conn: InstanceType<typeof kuzu.Connection>;

beforeAll(async () => {
  db = new kuzu.Database(':memory:');
  conn = new kuzu.Connection(db);
  for (const statement of loadSchema('kuzu')) await conn.query(statement);
  await conn.query("UNWIND range(1, 200) AS i CREATE (:Role {id: 'r-' + CAST(i AS STRING), name: 'R', nameJa: 'R', aliases: [], family: 'bizops', description: 'R'})");
});
afterAll(async () => {
  await conn?.close();
  await db?.close();
});

/** The operators of the physical plan of `query` with `params`. */
async function operators(query: string, params: Record<string, unknown>): Promise<string[]> {
  const prepared = await conn.prepare(`EXPLAIN ${query}`);
  const result = await conn.execute(prepared, params as Record<string, kuzu.KuzuValue>);
  const rows = await (Array.isArray(result) ? result[0]! : result).getAll();
  const plan = String(Object.values(rows[0]!)[0]);
  return [...plan.matchAll(/│\s*([A-Z_]{3,})\[\d+\]\s*│/g)].map((m) => m[1]!);
}

describe('Kùzu import plans', () => {
  it('create-import-transitions joins each role on its id instead of crossing all roles with all roles', async () => {
    const ops = await operators(loadQuery('create-import-transitions', 'kuzu'), {
      dataset: 'd',
      from: ['r-1', 'r-2'],
      to: ['r-3', 'r-4'],
      kinds: ['move', 'move'],
      counts: [5, 6],
      probabilities: ['0.5', '1'],
    });
    expect(ops).toContain('INSERT');
    expect(ops).not.toContain('CROSS_PRODUCT');
    expect(ops.filter((o) => o === 'HASH_JOIN_PROBE').length).toBeGreaterThanOrEqual(2);
  });

  it('the written transitions land between the right roles', async () => {
    const prepared = await conn.prepare(loadQuery('create-import-transitions', 'kuzu'));
    await conn.execute(prepared, { dataset: 'plan-test', from: ['r-1', 'r-7', 'missing'], to: ['r-2', 'r-1', 'r-3'], kinds: ['move', 'move', 'move'], counts: [5, 6, 7], probabilities: ['1', '1', '1'] });
    const result = await conn.query("MATCH (a:Role)-[t:TRANSITION {dataset: 'plan-test'}]->(b:Role) RETURN a.id AS a, b.id AS b, t.count AS c ORDER BY c");
    const rows = await (Array.isArray(result) ? result[0]! : result).getAll();
    expect(rows).toEqual([
      { a: 'r-1', b: 'r-2', c: 5 },
      { a: 'r-7', b: 'r-1', c: 6 },
    ]);
  });
});
