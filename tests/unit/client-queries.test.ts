/**
 * The queries panel's pure parts: parameter values and declarations (checked
 * against the server's own parser and guard), result cells and highlight ids,
 * the editor's schema against the Kùzu DDL, and the panel's address-bar state.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GRAPH_PATHS, NODE_LABELS, PROPERTY_KEYS, RELATIONSHIP_TYPES } from '../../client/src/queries/graph-schema.js';
import { adHocValue, formatParamSpecs, initialValue, requestValue, specsForSave, usedParameters, type FieldValue } from '../../client/src/queries/params.js';
import { describeValue, highlightIds } from '../../client/src/queries/results.js';
import { parseViewState, serializeViewState } from '../../client/src/state/url-state.js';
import type { ParamSpec } from '../../server/contract/queries.js';
import { parameterNames } from '../../server/cypher-text/guard.js';
import { CYPHER_DIR } from '../../server/cypher-text/cypher-file.js';
import { checkValue, parseParamSpecs } from '../../server/services/queries/param-spec.js';

const role: ParamSpec = { name: 'role', type: 'role-id', default: 'customer-support' };
const hops: ParamSpec = { name: 'hops', type: 'int', min: 1, max: 4, default: 2 };
const roles: ParamSpec = { name: 'roles', type: 'role-id[]', default: ['sales', 'marketing'] };

describe('client query parameters', () => {
  it('starts fields at the defaults and sends typed values the server accepts', () => {
    expect([initialValue(role), initialValue(hops), initialValue(roles), initialValue({ name: 'b', type: 'boolean' })]).toEqual([
      'customer-support',
      '2',
      ['sales', 'marketing'],
      false,
    ]);
    expect(requestValue(hops, '3')).toBe(3);
    expect(requestValue(hops, '')).toBeUndefined();
    expect(requestValue({ name: 'f', type: 'float' }, '0.5')).toBe(0.5);
    expect(requestValue(roles, 'qa, hr')).toEqual(['qa', 'hr']);
    // What the form sends passes the server's own check.
    const cases: [ParamSpec, FieldValue][] = [
      [hops, '3'],
      [role, 'qa'],
      [roles, ['qa', 'hr']],
      [{ name: 'b', type: 'boolean' }, true],
    ];
    for (const [spec, v] of cases) expect(checkValue(spec, requestValue(spec, v))).toHaveProperty('value');
    // Text that is not a number goes as typed, so the server's message names the parameter.
    expect(requestValue(hops, 'lots')).toBe('lots');
    expect(checkValue(hops, 'lots')).toEqual({ error: 'must be a number' });
  });

  it('reads undeclared parameter values as JSON when they look like it', () => {
    expect([adHocValue('3'), adHocValue('true'), adHocValue('["a","b"]'), adHocValue('qa'), adHocValue('{"a":1}'), adHocValue('[oops')]).toEqual([
      3,
      true,
      ['a', 'b'],
      'qa',
      { a: 1 },
      '[oops',
    ]);
  });

  it('finds the $parameters a text uses like the server’s guard does', () => {
    const text = "// $commented\nMATCH (r:Role {id: $role}) WHERE r.name <> '$quoted' AND r.family = \"$dq\" /* $block */ RETURN r, $hops, $`odd name`";
    expect(usedParameters(text)).toEqual(['role', 'hops', 'odd name']);
    expect(parameterNames('MATCH (r:Role {id: $role}) RETURN r LIMIT $limit')).toEqual(usedParameters('MATCH (r:Role {id: $role}) RETURN r LIMIT $limit'));
    // Every saved query's text gives the same names as the server sees.
    for (const file of readdirCypher()) {
      const text = readFileSync(file, 'utf8');
      expect(usedParameters(text).sort(), file).toEqual(parameterNames(text).sort());
    }
  });

  it('writes declarations the server’s parser reads back unchanged', () => {
    const spec = fc.record(
      {
        name: fc.stringMatching(/^[a-z_][a-z0-9_]{0,8}$/),
        type: fc.constantFrom('role-id', 'string', 'int', 'boolean'),
        default: fc.option(fc.oneof(fc.stringMatching(/^[a-z][a-z-]{0,10}$/), fc.string({ maxLength: 12 })), { nil: undefined }),
      },
      { requiredKeys: ['name', 'type'] },
    );
    fc.assert(
      fc.property(fc.uniqueArray(spec, { selector: (s) => s.name, maxLength: 4 }), (raw) => {
        const specs: ParamSpec[] = raw.map((s) => {
          if (s.type === 'int') return { name: s.name, type: 'int', min: 1, max: 9, default: 3 };
          if (s.type === 'boolean') return { name: s.name, type: 'boolean', default: true };
          if (s.type === 'role-id') return { name: s.name, type: 'role-id', ...(s.default && /^[a-z][a-z-]*[a-z]$/.test(s.default) && !s.default.includes('--') ? { default: s.default } : {}) };
          return { name: s.name, type: 'string', ...(s.default ? { default: s.default } : {}) };
        });
        expect(parseParamSpecs(formatParamSpecs(specs))).toEqual(specs);
      }),
    );
    expect(formatParamSpecs([role, hops, roles])).toBe('role: role-id = customer-support, hops: int 1..4 = 2, roles: role-id[] = [sales, marketing]');
    expect(formatParamSpecs([])).toBe('(none)');
  });

  it('declares exactly the parameters a copy uses, with the form’s values as defaults', () => {
    const values = new Map<string, FieldValue>([
      ['role', 'accounting'],
      ['hops', '1'],
      ['skill', 'QA'],
      ['n', '5'],
    ]);
    const text = 'MATCH (r:Role {id: $role}) WHERE $skill IN r.skills RETURN r LIMIT $n';
    const specs = specsForSave(text, [role, hops], values);
    expect(specs).toEqual([
      { name: 'role', type: 'role-id', default: 'accounting' },
      { name: 'skill', type: 'string', default: 'QA' },
      { name: 'n', type: 'int', default: 5 },
    ]);
    expect(parseParamSpecs(formatParamSpecs(specs))).toEqual(specs);
    // An emptied field keeps the old default; a declared parameter with neither stays required.
    expect(specsForSave('RETURN $hops', [hops], new Map([['hops', '']]))).toEqual([hops]);
    expect(specsForSave('RETURN $x', [{ name: 'x', type: 'string' }], new Map([['x', '']]))).toEqual([{ name: 'x', type: 'string' }]);
  });
});

describe('client query results', () => {
  const node = (id: string, labels: string[], properties: Record<string, unknown>) => ({ _kind: 'node', _id: id, _labels: labels, properties });
  const accounting = node('accounting', ['Role'], { name: 'Accounting', nameJa: '経理' });
  const budgeting = node('budgeting', ['Role'], { name: 'Budgeting', nameJa: '予算管理' });
  const move = { _kind: 'relationship', _id: 'accounting->budgeting@seed', _type: 'TRANSITION', _start: 'accounting', _end: 'budgeting', properties: {} };

  it('describes every kind of value in a short text', () => {
    expect(describeValue(accounting, 'en')).toEqual({ text: 'Accounting', kind: 'node', roleId: 'accounting' });
    expect(describeValue(accounting, 'ja').text).toBe('経理');
    expect(describeValue(node('History:h1', ['History'], { label: 'A career', labelJa: 'ある経歴' }), 'en')).toEqual({ text: 'A career (:History)', kind: 'node' });
    const names = (id: string) => ({ accounting: 'Accounting', budgeting: 'Budgeting' })[id] ?? id;
    expect(describeValue(move, 'en', names).text).toBe('Accounting → Budgeting [:TRANSITION]');
    expect(describeValue({ _kind: 'path', nodes: [accounting, budgeting], relationships: [move] }, 'en').text).toBe('Accounting → Budgeting');
    expect(describeValue([1, 'a', null], 'en')).toEqual({ text: '[1, a, null]', kind: 'list' });
    expect(describeValue({ a: 1, b: [true] }, 'en')).toEqual({ text: '{a: 1, b: [true]}', kind: 'map' });
    expect(describeValue(null, 'en').kind).toBe('null');
    expect(describeValue(3.5, 'en')).toEqual({ text: '3.5', kind: 'scalar' });
  });

  it('highlights Role nodes and moves only, by their graph ids', () => {
    const ids = highlightIds({
      nodes: [
        { data: { id: 'accounting', label: 'Accounting', type: 'Role' } },
        { data: { id: 'History:h1', label: 'A career', type: 'History' } },
      ],
      edges: [
        { data: { id: 'accounting->budgeting@seed', source: 'accounting', target: 'budgeting', type: 'TRANSITION' } },
        { data: { id: 'x', source: 'History:h1', target: 'accounting', type: 'PASSED' } },
      ],
    });
    expect(ids).toEqual({ nodes: ['accounting'], edges: ['accounting->budgeting@seed'] });
  });
});

describe('client queries schema and address bar', () => {
  it('knows every label, type and property of the Kùzu schema', () => {
    const ddl = readFileSync(path.join(CYPHER_DIR, 'schema', 'kuzu.cypher'), 'utf8');
    const labels = [...ddl.matchAll(/CREATE NODE TABLE IF NOT EXISTS (\w+)/g)].map((m) => m[1]);
    const types = [...ddl.matchAll(/CREATE REL TABLE IF NOT EXISTS (\w+)/g)].map((m) => m[1]);
    const props = new Set([...ddl.matchAll(/[(,]\s*(\w+)\s+(?:STRING|INT64|DOUBLE|BOOLEAN|DATE)/g)].map((m) => m[1]!));
    expect([...NODE_LABELS].sort()).toEqual(labels.sort());
    expect([...RELATIONSHIP_TYPES].sort()).toEqual(types.sort());
    expect([...PROPERTY_KEYS].sort()).toEqual([...props].sort());
    expect(new Set(PROPERTY_KEYS).size).toBe(PROPERTY_KEYS.length);
    expect(GRAPH_PATHS).toEqual([{ from: 'Role', to: 'Role', relType: 'TRANSITION' }]);
  });

  it('keeps the open query in the link, and old links read as before', () => {
    const base = { lang: 'en' as const, role: null, route: null, alt: 0 };
    expect(serializeViewState({ ...base, panel: 'queries' })).toBe('lang=en&panel=queries');
    expect(serializeViewState({ ...base, panel: 'queries', query: 'hub-roles' })).toBe('lang=en&q=hub-roles');
    expect(parseViewState('?lang=en&q=hub-roles')).toEqual({ ...base, panel: 'queries', query: 'hub-roles' });
    expect(parseViewState('?panel=queries')).toEqual({ ...base, panel: 'queries' });
    expect(parseViewState('?lang=en&role=qa')).toEqual({ ...base, role: 'qa' });
  });
});

/** Every saved-query file. */
function readdirCypher(): string[] {
  const dir = path.join(CYPHER_DIR, 'saved');
  return readdirSync(dir).map((f) => path.join(dir, f));
}
