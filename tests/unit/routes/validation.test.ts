import { describe, expect, it } from 'vitest';
import { buildCompactGraph } from '../../../server/services/routes/compact-graph.js';
import { RouteQueryError } from '../../../server/services/routes/errors.js';
import { findRoutes } from '../../../server/services/routes/route-finder.js';
import { suggestRoleIds } from '../../../server/services/routes/suggest.js';
import type { RouteQuery } from '../../../server/services/routes/types.js';
import { buildRole, edges } from './builders.js';

const graph = buildCompactGraph(
  [
    buildRole({ id: 'product-manager', name: 'Product Manager', nameJa: 'プロダクトマネージャー', aliases: ['PdM'] }),
    buildRole({ id: 'project-manager', name: 'Project Manager', nameJa: 'プロジェクトマネージャー', aliases: ['PjM'] }),
    buildRole({ id: 'software-engineer', name: 'Software Engineer', nameJa: 'ソフトウェアエンジニア' }),
    buildRole({ id: 'customer-support', name: 'Customer Support', nameJa: 'カスタマーサポート', family: 'customer-support' }),
  ],
  edges('customer-support>product-manager', 'product-manager>software-engineer'),
  [],
);

function errorOf(query: Partial<RouteQuery>): RouteQueryError {
  try {
    findRoutes(graph, { from: 'customer-support', to: 'software-engineer', mode: 'fewest', ...query } as RouteQuery);
  } catch (e) {
    expect(e).toBeInstanceOf(RouteQueryError);
    return e as RouteQueryError;
  }
  throw new Error('expected a RouteQueryError');
}

describe('query validation', () => {
  it('rejects an unknown start role with the closest ids', () => {
    const e = errorOf({ from: 'product-manger' });
    expect(e.field).toBe('from');
    expect(e.suggestions[0]).toBe('product-manager');
    expect(e.message).toMatch(/Unknown role "product-manger" in from\. Did you mean Product Manager/);
    expect(e.name).toBe('RouteQueryError');
  });

  it('says it in Japanese, naming roles by their Japanese names', () => {
    const e = errorOf({ from: 'product-manger', lang: 'ja' });
    expect(e.message).toBe('from の職種「product-manger」が見つかりません。 もしかして: プロダクトマネージャー、プロジェクトマネージャー');
    expect(errorOf({ from: 'customer-support', to: 'customer-support', lang: 'ja' }).message).toBe('出発と目的地が同じ職種(カスタマーサポート)です。異なる職種を選んでください。');
    expect(errorOf({ k: 99, lang: 'ja' }).message).toBe('k は 1〜20 の整数にしてください(指定値: 99)。');
  });

  it('suggests by English name, Japanese name (NFKC: half-width kana) and alias', () => {
    expect(errorOf({ to: 'Sofware Engineer' }).suggestions[0]).toBe('software-engineer');
    expect(errorOf({ to: 'ﾌﾟﾛﾀﾞｸﾄﾏﾈｰｼﾞｬ' }).suggestions[0]).toBe('product-manager');
    expect(errorOf({ to: 'pdm' }).suggestions).toEqual(['product-manager', 'project-manager']);
    expect(errorOf({ to: 'zzzzzzzz' }).suggestions).toEqual([]);
    expect(suggestRoleIds(graph, 'manager')).toEqual(['product-manager', 'project-manager']);
  });

  it('rejects from = to', () => {
    expect(errorOf({ to: 'customer-support' }).field).toBe('to');
  });

  it.each([
    ['k', 0],
    ['k', 21],
    ['k', 2.5],
    ['maxHops', 0],
    ['maxHops', 11],
    ['minCount', -1],
    ['minCount', 1.5],
  ])('rejects %s = %s', (field, value) => {
    expect(errorOf({ [field]: value }).field).toBe(field);
  });

  it('accepts the bounds', () => {
    const ok = (q: Partial<RouteQuery>) =>
      findRoutes(graph, { from: 'customer-support', to: 'software-engineer', mode: 'fewest', ...q }).routes.length;
    expect(ok({ k: 1, maxHops: 10, minCount: 0 })).toBe(1);
    expect(ok({ k: 20, maxHops: 2 })).toBe(1);
  });

  it('rejects an unknown mode', () => {
    expect(errorOf({ mode: 'shortest' as RouteQuery['mode'] }).field).toBe('mode');
  });

  it('rejects unknown families with suggestions', () => {
    const e = errorOf({ families: ['engineering', 'enginering'] });
    expect(e.field).toBe('families');
    expect(e.suggestions).toEqual(['engineering']);
  });

  it('rejects unknown avoid and via roles with suggestions', () => {
    const a = errorOf({ avoid: ['project-managr'] });
    expect([a.field, a.suggestions[0]]).toEqual(['avoid', 'project-manager']);
    const v = errorOf({ via: 'PjM ' });
    expect([v.field, v.suggestions[0]]).toEqual(['via', 'project-manager']);
  });

  it('rejects contradictions between avoid, via and the endpoints', () => {
    expect(errorOf({ avoid: ['customer-support'] }).field).toBe('avoid');
    expect(errorOf({ avoid: ['software-engineer'] }).field).toBe('avoid');
    expect(errorOf({ via: 'software-engineer' }).field).toBe('via');
    expect(errorOf({ via: 'product-manager', avoid: ['product-manager'] }).field).toBe('avoid');
  });
});
