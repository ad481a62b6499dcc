/** The address bar ↔ view state mapping: links round-trip, defaults stay out, bad values fall back. */
import { describe, expect, it } from 'vitest';
import { hasConstraints, parseViewState, ROUTE_DEFAULTS, routeSearchParams, serializeViewState, type RouteParams } from '../../client/src/state/url-state.js';

const route = (overrides: Partial<RouteParams> = {}): RouteParams => ({ from: 'customer-support', to: 'product-manager', ...ROUTE_DEFAULTS, ...overrides });

describe('client url state', () => {
  it('round-trips a full view through the query string', () => {
    const state = {
      lang: 'ja' as const,
      role: 'qa',
      route: route({ mode: 'likely', k: 5, maxHops: 4, avoid: ['hr', 'bizdev'], via: 'qa', families: ['engineering'], minCount: 2 }),
      alt: 2,
    };
    expect(parseViewState(`?${serializeViewState(state)}`)).toEqual(state);
  });

  it('leaves defaults out of links and API requests', () => {
    expect(serializeViewState({ lang: 'en', role: null, route: route(), alt: 0 })).toBe('lang=en&from=customer-support&to=product-manager');
    expect(routeSearchParams(route({ mode: 'travelled' })).toString()).toBe('from=customer-support&to=product-manager&mode=travelled');
  });

  it('ignores a half route and malformed values rather than failing', () => {
    expect(parseViewState('?from=qa').route).toBeNull();
    const parsed = parseViewState('?from=a&to=b&mode=fastest&k=lots&maxHops=99&alt=-1&lang=fr');
    expect(parsed.lang).toBe('en');
    expect(parsed.route).toEqual(route({ from: 'a', to: 'b', maxHops: 10 }));
    expect(parsed.alt).toBe(0);
  });

  it('"moves people made only" is kinds=move in links and API requests, and back', () => {
    const observed = route({ observedOnly: true });
    expect(routeSearchParams(observed).get('kinds')).toBe('move');
    expect(parseViewState(`?${serializeViewState({ lang: 'ja', role: null, route: observed, alt: 0 })}`).route).toEqual(observed);
    expect(parseViewState('?from=a&to=b&kinds=split').route!.observedOnly).toBe(false);
    expect(hasConstraints(observed)).toBe(true);
  });

  it('knows when the form must open its constraints', () => {
    expect(hasConstraints(route())).toBe(false);
    expect(hasConstraints(route({ avoid: ['hr'] }))).toBe(true);
    expect(hasConstraints(route({ k: 7, mode: 'likely' }))).toBe(false);
  });
});
