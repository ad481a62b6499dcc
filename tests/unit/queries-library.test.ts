/**
 * The built-in saved-query library (cypher/saved/) is complete and
 * consistent, its files round-trip through the export formats, and result
 * values become Cytoscape elements with role ids.
 */
import { describe, expect, it } from 'vitest';
import { queryFile } from '../../server/contract/queries.js';
import type { ResultNode, ResultRelationship, ResultValue } from '../../server/db/query-types.js';
import { resultElements } from '../../server/services/queries/elements.js';
import { checkReadOnly, parameterNames } from '../../server/cypher-text/guard.js';
import {
  fromQueryFile,
  loadBuiltInQueries,
  parseQueryText,
  renderQueryText,
  toQueryFile,
} from '../../server/services/queries/query-file.js';

const library = loadBuiltInQueries();

describe('the built-in library', () => {
  it('has at least 12 queries, several with dialect variants', () => {
    expect(library.length).toBeGreaterThanOrEqual(12);
    const dialectSpecific = library.filter((q) => q.cypher.kuzu !== q.cypher.neo4j);
    expect(dialectSpecific.map((q) => q.name)).toEqual(expect.arrayContaining(['history-path', 'skills-on-the-way', 'shortest-routes']));
  });

  it.each(library.map((q) => [q.name, q] as const))('%s: described, runnable on both engines, read-only, parameters declared', (_name, q) => {
    expect(q.builtIn).toBe(true);
    expect(q.title.length).toBeGreaterThan(5);
    expect(q.titleJa).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    expect(q.description.length).toBeGreaterThan(20);
    expect(q.descriptionJa).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    expect(q.columns.length).toBeGreaterThan(0);
    for (const engine of ['kuzu', 'neo4j'] as const) {
      const text = q.cypher[engine];
      expect(text, engine).toBeTruthy();
      expect(checkReadOnly(text!).ok, engine).toBe(true);
      expect(parameterNames(text!).sort(), engine).toEqual(q.params.map((p) => p.name).sort());
      // Every declared column is returned (the RETURN clause names it).
      for (const column of q.columns) expect(text, `${engine}: column ${column}`).toMatch(new RegExp(`(AS ${column}\\b|RETURN ${column}\\b|, ${column}\\b)`));
    }
    // Defaults make every query runnable without input.
    for (const p of q.params) expect(p.default, p.name).toBeDefined();
  });
});

describe('query files', () => {
  it('round-trip through .cypher text, per dialect', () => {
    for (const q of library) {
      for (const engine of ['kuzu', 'neo4j'] as const) {
        const text = renderQueryText(q, engine)!;
        const back = parseQueryText(text);
        expect({ ...back, cypher: back.cypher[engine] }).toEqual({ ...q, builtIn: false, cypher: q.cypher[engine]!.trim() });
        // A portable query's file carries no engine line and comes back for both engines.
        if (q.cypher.kuzu === q.cypher.neo4j) expect(Object.keys(back.cypher).sort()).toEqual(['kuzu', 'neo4j']);
        else expect(text).toContain(`// engine: ${engine}`);
      }
    }
  });

  it('round-trip through JSON', () => {
    for (const q of library) {
      const file = queryFile.parse(JSON.parse(JSON.stringify(toQueryFile(q))));
      expect(fromQueryFile(file)).toEqual({ ...q, builtIn: false });
    }
  });

  it('name what is wrong with a bad .cypher file', () => {
    expect(() => parseQueryText('MATCH (n) RETURN n')).toThrow(/name/);
    expect(() => parseQueryText('// name: x\nRETURN 1')).toThrow(/title/);
    expect(() => parseQueryText('// name: x\n// title: X\n// params: n: int 5..1\nRETURN $n')).toThrow(/min ≤ max/);
    expect(() => parseQueryText('// name: x\n// title: X\n// engine: oracle\nRETURN 1')).toThrow(/engine/);
  });
});

describe('resultElements', () => {
  const role = (id: string, family = 'customer-support'): ResultNode => ({
    _kind: 'node',
    _id: id,
    _labels: ['Role'],
    properties: { id, name: `Name ${id}`, nameJa: `名前${id}`, family },
  });
  const move = (from: string, to: string): ResultRelationship => ({
    _kind: 'relationship',
    _id: `${from}->${to}@articles`,
    _type: 'TRANSITION',
    _start: from,
    _end: to,
    properties: { dataset: 'articles', kind: 'move', count: 1, probability: 0.5, skills: ['CS × QA'], evidenceJson: '[{"source":"s","quote":"q","gloss":"g"}]' },
  });

  it('is null without graph values', () => {
    expect(resultElements([{ n: 1, s: 'x', l: [1, 2] }], [])).toBeNull();
  });

  it('keeps role ids and the /api/graph fields, once per element, from anywhere in the rows', () => {
    const rows: Record<string, ResultValue>[] = [
      { r: role('customer-support'), nested: [{ again: role('customer-support') }] },
      { path: { _kind: 'path', nodes: [role('customer-support'), role('qa', 'engineering')], relationships: [move('customer-support', 'qa')] } },
    ];
    const elements = resultElements(rows, [])!;
    expect(elements.nodes.map((n) => n.data.id)).toEqual(['customer-support', 'qa']);
    expect(elements.nodes[1]!.data).toEqual({ id: 'qa', label: 'Name qa', labelJa: '名前qa', family: 'engineering', type: 'Role' });
    expect(elements.edges).toEqual([
      {
        data: {
          id: 'customer-support->qa@articles',
          source: 'customer-support',
          target: 'qa',
          type: 'TRANSITION',
          count: 1,
          probability: 0.5,
          kind: 'move',
          dataset: 'articles',
          skills: ['CS × QA'],
          evidence: [{ source: 's', quote: 'q', gloss: 'g' }],
        },
      },
    ]);
  });

  it('adds the end nodes of bare relationships from `related`', () => {
    const elements = resultElements([{ t: move('hr', 'pr') }], [role('hr', 'back-office'), role('pr', 'back-office')])!;
    expect(elements.nodes.map((n) => n.data.id).sort()).toEqual(['hr', 'pr']);
    expect(elements.nodes[0]!.data.label).toMatch(/^Name /);
  });
});
