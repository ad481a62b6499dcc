/** How a failed route request is put into words, in both languages. */
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../client/src/api/client.js';
import { RoleDirectory } from '../../client/src/graph/role-directory.js';
import { ROUTE_DEFAULTS } from '../../client/src/state/url-state.js';
import { describeRouteError } from '../../client/src/ui/route-errors.js';

const dir = new RoleDirectory([{ id: 'product-manager', name: 'Product manager', nameJa: 'プロダクトマネージャー', family: 'engineering' }, { id: 'qa', name: 'QA', nameJa: 'QA', family: 'engineering' }]);
const params = { ...ROUTE_DEFAULTS, from: 'qa', to: 'Product manger' };

describe('client route errors', () => {
  it('names the unknown role that was typed, with the server suggestions', () => {
    const err = new ApiError(400, 'invalid_request', 'Unknown role', [{ field: 'to', message: 'Unknown role "Product manger" in to.', suggestions: ['product-manager'] }]);
    expect(describeRouteError(err, params, dir, 'en')).toEqual({
      fields: [{ field: 'to', message: 'To: no role called “Product manger”.', suggestions: ['product-manager'] }],
      summary: 'To: no role called “Product manger”.',
      retry: false,
    });
    expect(describeRouteError(err, params, dir, 'ja').fields[0]!.message).toBe('目的地: 「Product manger」という職種はありません。');
  });

  it('passes other field problems through and offers a retry only when it may help', () => {
    const bad = new ApiError(400, 'invalid_request', 'Invalid', [{ field: 'maxHops', message: 'must be at most 10', suggestions: [] }]);
    expect(describeRouteError(bad, { ...params, to: 'qa' }, dir, 'en').fields).toEqual([{ field: 'maxHops', message: 'must be at most 10', suggestions: [] }]);
    expect(describeRouteError(new ApiError(0, 'network', 'down'), params, dir, 'en')).toEqual({
      fields: [],
      summary: 'The server cannot be reached. Check that rolepath is running, then try again.',
      retry: true,
    });
    expect(describeRouteError(new ApiError(503, 'unavailable', 'Busy'), params, dir, 'en').retry).toBe(true);
  });
});
