/** neo4j-driver values become plain JSON, so both engines hand services the same shapes. */
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { toPlain } from '../../server/db/neo4j/values.js';

const { Node, Relationship, Path, PathSegment } = neo4j.types;

describe('toPlain', () => {
  it('turns Integers into numbers, and beyond 2^53 into strings', () => {
    expect(toPlain(neo4j.int(42))).toBe(42);
    expect(toPlain(neo4j.int('9007199254740993'))).toBe('9007199254740993');
    expect(toPlain([neo4j.int(1), { n: neo4j.int(2), s: 'x', b: true, z: null }])).toEqual([1, { n: 2, s: 'x', b: true, z: null }]);
  });

  it('turns nodes, relationships and paths into plain objects', () => {
    const a = new Node(neo4j.int(1), ['Role'], { id: 'a', count: neo4j.int(3) }, 'e1');
    const b = new Node(neo4j.int(2), ['Role'], { id: 'b' }, 'e2');
    const r = new Relationship(neo4j.int(7), neo4j.int(1), neo4j.int(2), 'TRANSITION', { count: neo4j.int(2) }, 'r7', 'e1', 'e2');
    expect(toPlain(a)).toEqual({ _kind: 'node', _id: 'e1', _labels: ['Role'], id: 'a', count: 3 });
    expect(toPlain(r)).toEqual({ _kind: 'relationship', _id: 'r7', _type: 'TRANSITION', _start: 'e1', _end: 'e2', count: 2 });
    const p = new Path(a, b, [new PathSegment(a, r, b)]);
    expect(toPlain(p)).toEqual({ _kind: 'path', segments: [[toPlain(a), toPlain(r), toPlain(b)]] });
    expect(JSON.parse(JSON.stringify(toPlain(p)))).toEqual(toPlain(p));
  });

  it('turns temporal values into ISO strings', () => {
    expect(toPlain(new neo4j.types.Date(2026, 11, 23))).toBe('2026-11-23');
  });
});
