/** The page's state store (client/src/state): changes are heard once and in order, and the address bar shows what the state restores. */
import { describe, expect, it, vi } from 'vitest';
import type { RouteResponse } from '../../server/contract/routes.js';
import { firstLanguage, initialState, shownRoute, type AppState } from '../../client/src/state/app-state.js';
import { createStore } from '../../client/src/state/store.js';
import { parseViewState, serializeViewState } from '../../client/src/state/url-state.js';
import { linkOf } from '../../client/src/state/url-sync.js';

describe('createStore', () => {
  it('gives the state, patches it, and tells listeners the state before and after', () => {
    const store = createStore({ a: 1, b: 'x' });
    const heard: [unknown, unknown][] = [];
    store.subscribe((now, before) => heard.push([now, before]));
    store.set({ a: 2 });
    expect(store.get()).toEqual({ a: 2, b: 'x' });
    expect(heard).toEqual([[{ a: 2, b: 'x' }, { a: 1, b: 'x' }]]);
  });

  it('stays quiet when a patch changes nothing, and stops telling a listener that unsubscribed', () => {
    const store = createStore({ a: 1, list: [1] });
    const listener = vi.fn();
    const stop = store.subscribe(listener);
    store.set({ a: 1, list: store.get().list });
    expect(listener).not.toHaveBeenCalled();
    store.set({ list: [1] });
    expect(listener).toHaveBeenCalledTimes(1);
    stop();
    store.set({ a: 3 });
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('watch hears only the slice it selects', () => {
    const store = createStore({ lang: 'en', role: null as string | null });
    const langs: [string, string][] = [];
    store.watch((s) => s.lang, (now, before) => langs.push([now, before]));
    store.set({ role: 'qa' });
    store.set({ lang: 'ja' });
    store.set({ lang: 'ja', role: 'hr' });
    expect(langs).toEqual([['ja', 'en']]);
  });

  it('a change made by a listener is heard by everyone after the change before it, once each', () => {
    const store = createStore({ n: 0 });
    const first: number[][] = [];
    const second: number[][] = [];
    store.subscribe((now, before) => {
      first.push([before.n, now.n]);
      if (now.n === 1) store.set({ n: 2 });
    });
    store.subscribe((now, before) => second.push([before.n, now.n]));
    store.set({ n: 1 });
    expect(first).toEqual([[0, 1], [1, 2]]);
    expect(second).toEqual([[0, 1], [1, 2]]);
    expect(store.get().n).toBe(2);
  });

  it('a listener that throws does not keep the others from hearing the change', () => {
    vi.useFakeTimers();
    try {
      const store = createStore({ n: 0 });
      store.subscribe(() => {
        throw new Error('broken panel');
      });
      const after = vi.fn();
      store.subscribe(after);
      store.set({ n: 1 });
      expect(after).toHaveBeenCalledTimes(1);
      // The error is not swallowed: it is thrown on its own, where the browser reports it.
      expect(() => vi.runAllTimers()).toThrow('broken panel');
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('the page state', () => {
  it('takes the language from the link, else the remembered choice, else the browser, else English', () => {
    expect(firstLanguage('?lang=ja', 'en', ['en-GB'])).toBe('ja');
    expect(firstLanguage('?lang=fr', 'ja', ['en-GB'])).toBe('ja');
    expect(firstLanguage('', null, ['fr-FR', 'ja-JP', 'en'])).toBe('ja');
    expect(firstLanguage('', 'de', ['fr'])).toBe('en');
  });

  it('starts from a link, and the address bar gives that link back once its route is shown', () => {
    const link = 'lang=ja&datasets=a,b&role=qa&from=customer-support&to=product-manager&mode=likely&alt=1&q=hub-roles';
    const state: AppState = initialState(`?${link}`, 'ja');
    expect(state).toMatchObject({ lang: 'ja', chosenDatasets: ['a', 'b'], role: 'qa', panel: 'queries', openQuery: 'hub-roles', routeQuery: null, picking: null });
    // Until the route is answered the link names no route; then the same link as was opened.
    expect(linkOf(state)).toBe(serializeViewState({ ...parseViewState(`?${link}`), route: null, alt: 0 }));
    const { route, alt } = parseViewState(`?${link}`);
    expect(decodeURIComponent(linkOf({ ...state, routeQuery: route, alt }))).toBe(link);
  });

  it('leaves the queries panel out of the link when the routes tab is shown', () => {
    const state = { ...initialState('?q=hub-roles', 'en'), panel: 'routes' as const };
    expect(linkOf(state)).toBe('lang=en');
    expect(linkOf({ ...state, panel: 'queries', openQuery: null })).toBe('lang=en&panel=queries');
  });

  it('the route shown is the chosen alternative of the answer, if there is one', () => {
    const answer = { routes: [{ roles: ['a', 'b'] }, { roles: ['a', 'c', 'b'] }] } as unknown as RouteResponse;
    expect(shownRoute({ routeAnswer: answer, alt: 1 })?.roles).toEqual(['a', 'c', 'b']);
    expect(shownRoute({ routeAnswer: answer, alt: 2 })).toBeNull();
    expect(shownRoute({ routeAnswer: null, alt: 0 })).toBeNull();
  });
});
