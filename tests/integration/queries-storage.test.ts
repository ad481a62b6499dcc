/**
 * User-made saved queries over real HTTP: saved in the graph database (they
 * survive a restart of an on-disk store), listed with the built-ins and
 * marked as user-made, replaced and deleted; exported and imported as JSON
 * files, bundles and `.cypher` files with a header, so they can move between
 * installations.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importResponse, queryBundle, queryFile, queryListResponse, runResponse, savedQueryDto } from '../../server/contract/queries.js';
import { ADMIN_TOKEN, call, startQueryServer, type QueryTestServer } from './queries-server.js';
import { TEST_ENGINE, onKuzu } from '../fixtures/engine.js';

let server: QueryTestServer;
beforeAll(async () => {
  server = await startQueryServer();
});
afterAll(async () => {
  await server?.close();
});

const families = {
  name: 'roles-of-family',
  title: 'Roles of a family',
  titleJa: 'ファミリーの職種',
  description: 'Every role of the chosen family, by id.',
  params: 'family: family = bizops, max: int 1..100 = 50',
  columns: ['id', 'name'],
  cypher: 'MATCH (r:Role) WHERE r.family = $family RETURN r.id AS id, r.name AS name ORDER BY id LIMIT $max',
};
const admin = { token: ADMIN_TOKEN };

describe('saving, listing, running and deleting user queries', () => {
  it('saves a query (201), lists it after the built-ins as user-made, and runs it with checked parameters', async () => {
    const saved = await call(server.url, 'POST', '/api/queries', { json: families, ...admin });
    expect(saved.status).toBe(201);
    const dto = savedQueryDto.parse(saved.body);
    expect(dto).toMatchObject({
      name: 'roles-of-family',
      builtIn: false,
      runnable: true,
      engines: [TEST_ENGINE],
      cypher: families.cypher,
      params: [
        { name: 'family', type: 'family', default: 'bizops' },
        { name: 'max', type: 'int', min: 1, max: 100, default: 50 },
      ],
    });
    expect(dto.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);

    const list = queryListResponse.parse((await call(server.url, 'GET', '/api/queries')).body);
    expect(list.queries.at(-1)).toMatchObject({ name: 'roles-of-family', builtIn: false });
    expect(list.queries.filter((q) => q.builtIn).length).toBeGreaterThanOrEqual(12);

    const res = runResponse.parse((await call(server.url, 'POST', '/api/queries/roles-of-family/run', { json: { params: { family: 'management', max: 2 } } })).body);
    expect(res.rows).toEqual([
      { id: 'business-head', name: 'Business head' },
      { id: 'cmo-coo', name: 'CMO / COO' },
    ]);
    const bad = await call(server.url, 'POST', '/api/queries/roles-of-family/run', { json: { params: { family: 'pirates' } } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].field).toBe('params.family');
  });

  it('replaces a user query of the same name (200), keeping its creation time', async () => {
    const first = savedQueryDto.parse((await call(server.url, 'GET', '/api/queries/roles-of-family')).body);
    const again = await call(server.url, 'POST', '/api/queries', { json: { ...families, title: 'Roles by family' }, ...admin });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ title: 'Roles by family', createdAt: first.createdAt });
    expect((await server.store.listUserQueries()).map((q) => q.name)).toEqual(['roles-of-family']);
  });

  it('refuses bad definitions with 400 naming the problem', async () => {
    for (const [json, pattern] of [
      [{ ...families, name: 'Bad Name' }, /name/],
      [{ ...families, name: 'export' }, /name/],
      [{ ...families, title: '' }, /title/],
      [{ ...families, title: 'two\nlines' }, /title/],
      [{ ...families, params: 'family: colour' }, /cannot read parameter/],
      [{ ...families, params: 'family: family = bizops' }, /undeclared parameters \$max/],
      [{ ...families, params: 'family: family, max: int, extra: string' }, /unused parameters extra/],
      [{ ...families, cypher: '  ' }, /empty/],
    ] as const) {
      const res = await call(server.url, 'POST', '/api/queries', { json: { ...json, name: json.name === families.name ? 'draft' : json.name }, ...admin });
      expect(res.status, JSON.stringify(json)).toBe(400);
      expect(JSON.stringify(res.body.error), JSON.stringify(json)).toMatch(pattern);
    }
    expect((await server.store.listUserQueries()).map((q) => q.name)).toEqual(['roles-of-family']);
  });

  it('deletes user queries (204), then 404', async () => {
    await call(server.url, 'POST', '/api/queries', { json: { ...families, name: 'temporary' }, ...admin });
    expect((await call(server.url, 'DELETE', '/api/queries/temporary', admin)).status).toBe(204);
    expect((await call(server.url, 'GET', '/api/queries/temporary')).status).toBe(404);
    expect((await call(server.url, 'DELETE', '/api/queries/temporary', admin)).status).toBe(404);
  });
});

describe('export and import', () => {
  it('exports one query as JSON or as .cypher with a header', async () => {
    const json = await call(server.url, 'GET', '/api/queries/roles-of-family/export');
    expect(json.headers.get('content-disposition')).toMatch(/attachment; filename="?roles-of-family\.json"?$/);
    expect(queryFile.parse(json.body)).toMatchObject({ name: 'roles-of-family', cypher: { [TEST_ENGINE]: families.cypher } });

    const builtIn = await call(server.url, 'GET', '/api/queries/history-path/export?format=cypher&engine=neo4j');
    expect(builtIn.headers.get('content-disposition')).toMatch(/filename="?history-path\.neo4j\.cypher"?$/);
    expect(builtIn.body).toMatch(/^\/\/ name: history-path\n\/\/ title: .+\n/);
    expect(builtIn.body).toContain('// params: history: string = mercari-cs-author');
    expect(builtIn.body).toContain('// engine: neo4j');
    expect(builtIn.body).toContain('range(0, size(h.roles) - 1)');

    const portable = await call(server.url, 'GET', '/api/queries/hub-roles/export?format=cypher');
    expect(portable.headers.get('content-disposition')).toMatch(/filename="?hub-roles\.cypher"?$/);
    expect(portable.body).not.toContain('// engine:');
    expect((await call(server.url, 'GET', '/api/queries/hub-roles/export?format=xml')).status).toBe(400);
  });

  it('moves queries to another installation as a bundle, skipping built-ins', async () => {
    const bundle = queryBundle.parse((await call(server.url, 'GET', '/api/queries/export?scope=all')).body);
    expect(bundle.engine).toBe(TEST_ENGINE);
    expect(bundle.queries.map((q) => q.name)).toContain('roles-of-family');
    expect(bundle.queries.length).toBeGreaterThanOrEqual(13);
    const userOnly = queryBundle.parse((await call(server.url, 'GET', '/api/queries/export')).body);
    expect(userOnly.queries.map((q) => q.name)).toEqual(['roles-of-family']);

    const other = await startQueryServer();
    try {
      const res = await call(other.url, 'POST', '/api/queries/import', { json: bundle, ...admin });
      expect(res.status).toBe(200);
      const result = importResponse.parse(res.body);
      expect(result.created).toEqual(['roles-of-family']);
      expect(result.replaced).toEqual([]);
      expect(result.skipped.map((s) => s.name).sort()).toEqual(bundle.queries.filter((q) => q.name !== 'roles-of-family').map((q) => q.name).sort());
      const moved = savedQueryDto.parse((await call(other.url, 'GET', '/api/queries/roles-of-family')).body);
      expect(moved).toMatchObject({ builtIn: false, cypher: families.cypher, params: savedQueryDto.parse((await call(server.url, 'GET', '/api/queries/roles-of-family')).body).params });
      const ran = runResponse.parse((await call(other.url, 'POST', '/api/queries/roles-of-family/run', { json: {} })).body);
      expect(ran.rows.map((r) => r.id)).toContain('bizops');
      // Importing again replaces.
      expect(importResponse.parse((await call(other.url, 'POST', '/api/queries/import', { json: userOnly, ...admin })).body).replaced).toEqual(['roles-of-family']);
    } finally {
      await other.close();
    }
  });

  it('imports a .cypher file with a header (as kept in git)', async () => {
    const text = [
      '// name: qa-moves',
      '// title: Moves into QA',
      '// titleJa: QAへの移動',
      '// description: Who moves into product QA.',
      '// params: target: role-id = qa',
      '// columns: fromId',
      'MATCH (a:Role)-[:TRANSITION]->(:Role {id: $target})',
      'RETURN a.id AS fromId',
      'ORDER BY fromId',
    ].join('\n');
    const res = await call(server.url, 'POST', '/api/queries/import', { text, ...admin });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ created: ['qa-moves'], replaced: [], skipped: [] });
    const one = savedQueryDto.parse((await call(server.url, 'GET', '/api/queries/qa-moves')).body);
    expect(one).toMatchObject({ titleJa: 'QAへの移動', engines: ['kuzu', 'neo4j'], columns: ['fromId'] });
    const ran = runResponse.parse((await call(server.url, 'POST', '/api/queries/qa-moves/run', { json: {} })).body);
    expect(ran.rows).toEqual([{ fromId: 'customer-support' }]);
    // And it exports back to the same text.
    expect((await call(server.url, 'GET', '/api/queries/qa-moves/export?format=cypher')).body).toBe(`${text}\n`);
  });

  it('a query for the other engine is kept but not runnable here', async () => {
    // Written in the other engine's dialect (Neo4j list comprehension / Kùzu list_transform).
    const other = onKuzu ? 'neo4j' : 'kuzu';
    const cypher = onKuzu ? 'MATCH (r:Role) RETURN [x IN r.aliases | x] AS a' : 'MATCH (r:Role) RETURN list_transform(r.aliases, x -> x) AS a';
    const file = { format: 'rolepath.saved-query', version: 1, name: 'other-only', title: 'Other engine only', cypher: { [other]: cypher } };
    expect((await call(server.url, 'POST', '/api/queries/import', { json: file, ...admin })).status).toBe(200);
    const got = savedQueryDto.parse((await call(server.url, 'GET', '/api/queries/other-only')).body);
    expect(got).toMatchObject({ runnable: false, engines: [other], cypher: null });
    const run = await call(server.url, 'POST', '/api/queries/other-only/run', { json: {} });
    expect(run.status).toBe(422);
    expect(run.body.error.code).toBe('not_runnable');
  });

  it('imports all or nothing: one bad query stops the whole bundle', async () => {
    const before = await server.store.listUserQueries();
    const good = { format: 'rolepath.saved-query', version: 1, name: 'fine', title: 'Fine', cypher: { kuzu: 'RETURN 1 AS one' } };
    for (const bad of [
      { ...good, name: 'writes', cypher: { kuzu: "CREATE (:Role {id: 'x'})" } },
      { ...good, name: 'bad-params', params: 'n: int 9..1', cypher: { kuzu: 'RETURN $n AS n' } },
      { ...good, name: 'Bad Name' },
    ]) {
      const res = await call(server.url, 'POST', '/api/queries/import', {
        json: { format: 'rolepath.saved-queries', version: 1, exportedAt: new Date().toISOString(), engine: 'kuzu', queries: [good, bad] },
        ...admin,
      });
      expect([400, 403], JSON.stringify(bad)).toContain(res.status);
    }
    expect((await call(server.url, 'POST', '/api/queries/import', { text: 'MATCH (n) RETURN n', ...admin })).status).toBe(400);
    expect(await server.store.listUserQueries()).toEqual(before);
  });
});

describe('persistence', () => {
  it('keeps user queries in an on-disk database across restarts', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'rolepath-queries-'));
    const dbPath = path.join(dir, 'rolepath.kuzu');
    try {
      const first = await startQueryServer({ dbPath });
      expect((await call(first.url, 'POST', '/api/queries', { json: families, ...admin })).status).toBe(201);
      // User Cypher runs against the on-disk database too (through a read-only copy: the server stays the one writer).
      const ran = runResponse.parse((await call(first.url, 'POST', '/api/queries/roles-of-family/run', { json: {} })).body);
      expect(ran.rows.length).toBeGreaterThan(0);
      await first.close();

      const second = await startQueryServer({ dbPath, keep: true });
      try {
        const list = queryListResponse.parse((await call(second.url, 'GET', '/api/queries')).body);
        expect(list.queries.filter((q) => !q.builtIn).map((q) => q.name)).toEqual(['roles-of-family']);
        const again = runResponse.parse((await call(second.url, 'POST', '/api/queries/roles-of-family/run', { json: {} })).body);
        expect(again.rows).toEqual(ran.rows);
      } finally {
        await second.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
