/**
 * The hand-written unknown-property check (client/src/queries/unknown-properties.ts) on the
 * parser of @neo4j-cypher/language-support: it marks a property key the schema lacks where a
 * query reads it, and stays quiet where the key is written or the variable may not be a node
 * or relationship. (tests/unit/neo4j-lint.test.ts runs it over every real query.)
 */
import { describe, expect, it } from 'vitest';
import { lintCypher } from '../../client/src/queries/cypher-lint.js';
import { unknownProperties, unknownPropertyMessage } from '../../client/src/queries/unknown-properties.js';

const KEYS = ['id', 'name', 'family', 'count'];

/** The unknown keys found, each with the text its offsets cover. */
const found = (query: string) => unknownProperties(query, KEYS).map((p) => [p.name, query.slice(p.from, p.to)]);

describe('unknownProperties', () => {
  it('marks a misspelt property read from a node, exactly where it is', () => {
    const query = 'MATCH (r:Role)-[t:TRANSITION]->(n) WHERE r.id = $from RETURN r, t, n.family, n.nmae';
    const [only, ...rest] = unknownProperties(query, KEYS);
    expect(rest).toEqual([]);
    expect(only).toEqual({ name: 'nmae', from: query.lastIndexOf('nmae'), to: query.length, message: unknownPropertyMessage('nmae') });
    expect(only?.message).toMatch(/^nmae is not present in the database/);
  });

  it('passes properties the schema has', () => {
    expect(found('MATCH (r:Role {id: $id})-[t:TRANSITION {count: 1}]->(n) RETURN r.name, n{.family, .id}, t.count')).toEqual([]);
  });

  it('reads keys in MATCH patterns, map projections, EXISTS, pattern comprehensions and relationships', () => {
    expect(found('MATCH (r:Role {nmae: $x})-[t:TRANSITION {cnt: 1}]->() RETURN r{.nm, .id, x: 1}, t.cuont')).toEqual([
      ['nmae', 'nmae'], ['cnt', 'cnt'], ['nm', 'nm'], ['cuont', 'cuont'],
    ]);
    expect(found('MATCH (r:Role) WHERE EXISTS { (r)-->(m {fam: 1}) WHERE m.nam = 1 } RETURN [(r)-->(o) | o.oo]')).toEqual([
      ['fam', 'fam'], ['nam', 'nam'], ['oo', 'oo'],
    ]);
  });

  it('leaves keys the query writes, as it may be creating them', () => {
    expect(found('CREATE (r:Role {nmae: 1}) RETURN r.nmae')).toEqual([]);
    expect(found('MATCH (r:Role) SET r.foo = 1 RETURN r.foo, r.bar')).toEqual([['bar', 'bar']]);
    expect(found('MATCH (r:Role) REMOVE r.old RETURN r.old')).toEqual([]);
    expect(found('UNWIND $rows AS row MERGE (r:Role {id: row.id}) SET r += {zz: row.zz} RETURN r.zz')).toEqual([]);
  });

  it('leaves variables that are not (or not surely) nodes or relationships', () => {
    expect(found('WITH {a: 1} AS m RETURN m.a')).toEqual([]);
    expect(found('UNWIND $rows AS row RETURN row.fromId')).toEqual([]);
    expect(found('MATCH (n:Role) WITH n.name AS n RETURN n.y')).toEqual([]);
    expect(found('MATCH (r:Role) RETURN [x IN [r] | x.qq]')).toEqual([]);
    expect(found('MATCH p = (r:Role)-->() RETURN p.zz, r.na')).toEqual([['na', 'na']]);
  });

  it('reads escaped names as Cypher does, and finds keys in later statements and lines', () => {
    expect(found('MATCH (r:Role) RETURN r.`nm ae`, r.`id`')).toEqual([['nm ae', '`nm ae`']]);
    expect(found('RETURN 1;\nMATCH (r:Role)\nRETURN r.nmae')).toEqual([['nmae', 'nmae']]);
  });

  it('says nothing about unfinished text', () => {
    expect(found('MATCH (r:Role')).toEqual([]);
    expect(found('MATCH (r:Role) RETURN r.')).toEqual([]);
  });
});

describe('lintCypher (the editor’s check)', () => {
  const schema = { labels: ['Role'], relationshipTypes: ['TRANSITION'], propertyKeys: KEYS, parameters: { from: null } };

  it('reports Neo4j’s findings and the unknown property together, in text order', () => {
    const query = 'MATCH (r:Rol)-[t:TRANSITION]->(n) WHERE r.id = $from RETURN n.nmae';
    expect(lintCypher(query, schema)).toEqual([
      expect.objectContaining({ from: 9, to: 12, severity: 'warning', message: expect.stringMatching(/^Label Rol is not present/) }),
      expect.objectContaining({ from: query.indexOf('nmae'), to: query.length, severity: 'warning', message: unknownPropertyMessage('nmae') }),
    ]);
  });

  it('keeps syntax errors and undeclared parameters as errors', () => {
    const problems = lintCypher('MATCH (r:Role {id: $id} RETURN r', schema);
    expect(problems.map((p) => p.severity)).toEqual(['error', 'error']);
    expect(problems[0]?.message).toBe('Parameter $id is not defined.');
  });
});
