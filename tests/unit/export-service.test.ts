/** RouteExportService without a database: which route it draws, its provenance, and the 404 when there is none. */
import { describe, expect, it } from 'vitest';
import { routeExportQuery } from '../../server/contract/export.js';
import type { RouteResponse } from '../../server/contract/routes.js';
import { AppError } from '../../server/errors.js';
import { RouteExportService } from '../../server/services/export/route-export.js';
import type { GraphSnapshot } from '../../server/services/graph-snapshot.js';

const role = (id: string) => ({ id, name: id.toUpperCase(), nameJa: id, aliases: [], family: 'bizops' as const, description: id });
const step = (from: string, to: string) => ({ from, to, count: 1, probability: 0.5, skills: [], evidence: [{ source: `${from}.txt`, quote: 'q', gloss: 'g' }] });
const answer = (routes: string[][]): RouteResponse => ({
  routes: routes.map((r) => ({ roles: r, hops: r.length - 1, probability: 0.25, travellers: null, steps: r.slice(1).map((to, i) => step(r[i]!, to)) })),
  note: routes.length ? '' : 'No route within maxHops=1: the shortest takes 2 moves.',
  query: { from: 'a', to: 'c', mode: 'fewest', k: 3, maxHops: 6, avoid: [], via: null, families: [], minCount: 1 },
  dataVersion: '3r-3t-cafe0000',
});
const snapshot = { datasets: { articles: 3, extra: 1 }, rolesById: new Map(['a', 'b', 'c', 'd'].map((id) => [id, role(id)])) } as unknown as GraphSnapshot;
const service = (routes: string[][]) =>
  new RouteExportService({ find: async () => answer(routes) }, { get: async () => snapshot }, () => new Date('2025-06-01T12:00:00Z'));
const params = (extra: Record<string, string> = {}) => routeExportQuery.parse({ format: 'csv', from: 'a', to: 'c', ...extra });

describe('RouteExportService', () => {
  it('exports the route asked for (1 = best) with the answer’s data version, the time and the sources', async () => {
    const out = await service([['a', 'b', 'c'], ['a', 'd', 'c']]).export(params({ route: '2', format: 'json' }));
    const doc = JSON.parse(out.body);
    expect(doc.elements.nodes.map((n: { data: { id: string } }) => n.data.id)).toEqual(['a', 'd', 'c']);
    expect(doc.provenance).toMatchObject({ route: 2, dataVersion: '3r-3t-cafe0000', exportedAt: '2025-06-01T12:00:00.000Z' });
    expect(doc.provenance.source).toBe('rolepath career-move graph, datasets "articles", "extra"; evidence from a.txt, d.txt');
    expect(out.fileName).toBe('rolepath-a-to-c-fewest-route2.json');
  });

  it('is a 404 carrying the finder’s reason when nothing is found, or when the route number is past the last', async () => {
    const none = await service([]).export(params()).catch((e: unknown) => e);
    expect(none).toBeInstanceOf(AppError);
    expect((none as AppError).status).toBe(404);
    expect((none as AppError).message).toContain('the shortest takes 2 moves');
    const past = await service([['a', 'b', 'c']]).export(params({ route: '2' })).catch((e: unknown) => e);
    expect((past as AppError).status).toBe(404);
    expect((past as AppError).message).toContain('finds 1 route; there is no route 2');
  });
});
