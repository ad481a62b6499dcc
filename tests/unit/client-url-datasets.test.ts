/** The dataset choice in the address bar (`datasets=a,b`, the API's parameter), what the picker expects to combine, and the unit in export provenance. */
import { describe, expect, it } from 'vitest';
import { datasetList, parseViewState, ROUTE_DEFAULTS, serializeViewState } from '../../client/src/state/url-state.js';
import { combines } from '../../client/src/ui/dataset-picker.js';
import { describeSource } from '../../server/render/provenance.js';

const route = { from: 'customer-support', to: 'hr', ...ROUTE_DEFAULTS };

describe('datasets in the address bar', () => {
  it('round-trips one or several datasets with the rest of the view', () => {
    const one = { lang: 'en' as const, role: 'hr', route, alt: 1, datasets: ['hr-2024'] };
    expect(serializeViewState(one)).toBe('lang=en&datasets=hr-2024&role=hr&from=customer-support&to=hr&alt=1');
    expect(parseViewState(`?${serializeViewState(one)}`)).toEqual(one);
    const two = { lang: 'ja' as const, role: null, route: null, alt: 0, datasets: ['hr-2024', 'hr_2025'] };
    expect(serializeViewState(two)).toBe('lang=ja&datasets=hr-2024%2Chr_2025');
    expect(parseViewState(`?${serializeViewState(two)}`)).toEqual(two);
  });

  it('no datasets= is the server default: absent from the state and from links, so old links read back as before', () => {
    expect(parseViewState('?lang=en&role=qa')).not.toHaveProperty('datasets');
    expect(parseViewState('?datasets=&lang=en')).not.toHaveProperty('datasets');
    expect(serializeViewState({ lang: 'en', role: null, route: null, alt: 0 })).toBe('lang=en');
    expect(serializeViewState({ lang: 'en', role: null, route: null, alt: 0, datasets: [] })).toBe('lang=en');
  });

  it('a hand-edited list is cleaned, not refused (the server judges the names and the mix)', () => {
    expect(parseViewState('?datasets= hr-2024 ,,articles,hr-2024,').datasets).toEqual(['hr-2024', 'articles']);
    expect(datasetList(null)).toEqual([]);
    expect(serializeViewState({ lang: 'en', role: null, route: null, alt: 0, datasets: ['a', 'a', 'b'] })).toBe('lang=en&datasets=a%2Cb');
  });
});

describe('what combines (the picker warns; the server decides)', () => {
  it('one counted unit combines; units differ or a probability table joins others: no', () => {
    expect(combines(['people'])).toBe(true);
    expect(combines(['probability'])).toBe(true);
    expect(combines(['people', 'people'])).toBe(true);
    expect(combines(['accounts', 'people'])).toBe(false);
    expect(combines(['probability', 'probability'])).toBe(false);
  });
});

describe('export provenance names the unit', () => {
  it('en and ja, one or several datasets; no unit given reads as before', () => {
    expect(describeSource(['hr-2024'], [], 'en', 'people')).toBe('rolepath career-move graph, dataset "hr-2024" (unit: people)');
    expect(describeSource(['a', 'b'], ['x.txt'], 'en', 'accounts')).toBe('rolepath career-move graph, datasets "a", "b" (unit: accounts); evidence from x.txt');
    expect(describeSource(['table'], [], 'ja', 'probability')).toBe('rolepath 職種移動グラフ（データセット "table"、単位 probability（確率のみ））');
    expect(describeSource(['articles'], ['a.txt'])).toBe('rolepath career-move graph, dataset "articles"; evidence from a.txt');
  });
});
