/** The `params` header syntax of saved queries and the check of values against it. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PARAM_TYPES, type ParamSpec } from '../../server/contract/queries.js';
import { checkValue, formatParamSpecs, parseParamSpecs } from '../../server/services/queries/param-spec.js';

describe('parseParamSpecs', () => {
  it('reads every type, ranges and defaults', () => {
    expect(
      parseParamSpecs(
        'role: role-id = customer-support, hops: int 1..4 = 2, roles: role-id[] = [sales, marketing], ratio: float 0..1 = 0.5, ' +
          'article: string = 004, label: string = "a, b", exact: boolean = false, from: family = back-office, needed: string',
      ),
    ).toEqual([
      { name: 'role', type: 'role-id', default: 'customer-support' },
      { name: 'hops', type: 'int', min: 1, max: 4, default: 2 },
      { name: 'roles', type: 'role-id[]', default: ['sales', 'marketing'] },
      { name: 'ratio', type: 'float', min: 0, max: 1, default: 0.5 },
      { name: 'article', type: 'string', default: '004' },
      { name: 'label', type: 'string', default: 'a, b' },
      { name: 'exact', type: 'boolean', default: false },
      { name: 'from', type: 'family', default: 'back-office' },
      { name: 'needed', type: 'string' },
    ]);
    expect(parseParamSpecs('(none)')).toEqual([]);
    expect(parseParamSpecs('')).toEqual([]);
  });

  it.each([
    ['hops: integer = 2', /expected "name: type/],
    ['hops: int 4..1 = 2', /min ≤ max/],
    ['hops: int 1..4 = 9', /between 1 and 4/],
    ['hops: int 1..4 = two', /not a number/],
    ['role: role-id = Not An Id', /role id/],
    ['from: family = astronauts', /must be one of/],
    ['name: string 1..3', /only int and float/],
    ['a: string, a: int', /declared twice/],
    ['roles: role-id[] = sales', /\[a, b\]/],
    ['label: string = "unterminated', /unbalanced/],
  ])('refuses %s', (text, message) => {
    expect(() => parseParamSpecs(text)).toThrow(message);
  });

  it('round-trips through formatParamSpecs', () => {
    const spec: fc.Arbitrary<ParamSpec> = fc
      .record({
        name: fc.stringMatching(/^[a-z_][a-z0-9_]{0,10}$/),
        type: fc.constantFrom(...PARAM_TYPES),
        text: fc.string({ maxLength: 20 }),
        n: fc.integer({ min: -50, max: 50 }),
        ids: fc.array(fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}$/), { minLength: 1, maxLength: 3 }),
        withDefault: fc.boolean(),
        ranged: fc.boolean(),
      })
      .map(({ name, type, text, n, ids, withDefault, ranged }) => {
        const s: ParamSpec = { name, type };
        if (ranged && (type === 'int' || type === 'float')) Object.assign(s, { min: n - 5, max: n + 5 });
        if (withDefault) {
          s.default =
            type === 'int' ? n : type === 'float' ? n + 0.25 : type === 'boolean' ? n > 0 : type === 'family' ? 'bizops' : type === 'role-id' ? ids[0]! : type === 'role-id[]' ? ids : text;
        }
        return s;
      });
    fc.assert(
      fc.property(fc.uniqueArray(spec, { selector: (s) => s.name, maxLength: 5 }), (specs) => {
        const unique = [...new Map(specs.map((s) => [s.name, s])).values()].map((s) =>
          s.type === 'role-id[]' && Array.isArray(s.default) ? { ...s, default: [...new Set(s.default)] } : s,
        );
        expect(parseParamSpecs(formatParamSpecs(unique))).toEqual(unique);
      }),
    );
  });
});

describe('checkValue', () => {
  const spec = (s: Partial<ParamSpec> & Pick<ParamSpec, 'type'>): ParamSpec => ({ name: 'p', ...s });

  it('accepts values of the declared type, and form strings for numbers and booleans', () => {
    expect(checkValue(spec({ type: 'int', min: 1, max: 4 }), 3)).toEqual({ value: 3 });
    expect(checkValue(spec({ type: 'int', min: 1, max: 4 }), '3')).toEqual({ value: 3 });
    expect(checkValue(spec({ type: 'float' }), '0.5')).toEqual({ value: 0.5 });
    expect(checkValue(spec({ type: 'boolean' }), 'true')).toEqual({ value: true });
    expect(checkValue(spec({ type: 'family' }), 'bizops')).toEqual({ value: 'bizops' });
    expect(checkValue(spec({ type: 'role-id' }), 'customer-support')).toEqual({ value: 'customer-support' });
    expect(checkValue(spec({ type: 'role-id[]' }), ['sales', 'sales', 'hr'])).toEqual({ value: ['sales', 'hr'] });
    expect(checkValue(spec({ type: 'role-id[]' }), 'sales, hr')).toEqual({ value: ['sales', 'hr'] });
  });

  it.each([
    [{ type: 'int', min: 1, max: 4 }, 5, /between 1 and 4/],
    [{ type: 'int' }, 1.5, /whole number/],
    [{ type: 'int' }, 'two', /number/],
    [{ type: 'float' }, Number.NaN, /number/],
    [{ type: 'boolean' }, 'yes', /true or false/],
    [{ type: 'string' }, 42, /string/],
    [{ type: 'string' }, 'x'.repeat(501), /at most 500/],
    [{ type: 'family' }, 'sales', /one of/],
    [{ type: 'role-id' }, "x' OR 1=1", /role id/],
    [{ type: 'role-id[]' }, [], /non-empty/],
    [{ type: 'role-id[]' }, ['ok', 'Not OK'], /list of role ids/],
  ] as const)('refuses %j with %s', (s, value, message) => {
    const r = checkValue(spec(s as Partial<ParamSpec> & Pick<ParamSpec, 'type'>), value);
    expect('error' in r && r.error).toMatch(message);
  });
});
