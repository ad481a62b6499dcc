/** How a failed route request is put into words, in both languages. */
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../client/src/api/client.js';
import { RoleDirectory } from '../../client/src/graph/role-directory.js';
import { ROUTE_DEFAULTS } from '../../client/src/state/url-state.js';
import { describeRouteError } from '../../client/src/ui/route-errors.js';
import { t } from '../../client/src/i18n/strings.js';
import { ROUTE_LIMITS } from '../../server/contract/routes.js';

// The page's own sentences, from its string table (what this tests is which sentence is chosen, and what fills it).
const en = t('en');
const ja = t('ja');

const dir = new RoleDirectory([{ id: 'product-manager', name: 'Product manager', nameJa: 'プロダクトマネージャー', family: 'engineering' }, { id: 'qa', name: 'QA', nameJa: 'QA', family: 'engineering' }]);
const params = { ...ROUTE_DEFAULTS, from: 'qa', to: 'Product manger' };

describe('client route errors', () => {
  it('names the unknown role that was typed, with the server suggestions', () => {
    const err = new ApiError(400, 'invalid_request', 'Unknown role', [{ field: 'to', message: 'Unknown role "Product manger" in to.', suggestions: ['product-manager'] }]);
    expect(describeRouteError(err, params, dir, 'en')).toEqual({
      fields: [{ field: 'to', message: en.unknownRole(en.to, 'Product manger'), suggestions: ['product-manager'] }],
      summary: en.unknownRole(en.to, 'Product manger'),
      retry: false,
    });
    expect(describeRouteError(err, params, dir, 'ja').fields[0]!.message).toBe(ja.unknownRole(ja.to, 'Product manger'));
  });

  it('passes other field problems through and offers a retry only when it may help', () => {
    const tooMany = `must be at most ${ROUTE_LIMITS.maxMaxHops}`;
    const bad = new ApiError(400, 'invalid_request', 'Invalid', [{ field: 'maxHops', message: tooMany, suggestions: [] }]);
    expect(describeRouteError(bad, { ...params, to: 'qa' }, dir, 'en').fields).toEqual([{ field: 'maxHops', message: tooMany, suggestions: [] }]);
    expect(describeRouteError(new ApiError(0, 'network', 'down'), params, dir, 'en')).toEqual({
      fields: [],
      summary: en.networkError,
      retry: true,
    });
    expect(describeRouteError(new ApiError(503, 'unavailable', 'Busy'), params, dir, 'en').retry).toBe(true);
  });
});
