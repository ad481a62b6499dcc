/**
 * Route exports for the API and the CLI: finds the route with the route
 * service, stamps it with its provenance (query, data version, time, source)
 * and renders it with the shared renderers in server/render.
 */
import { toLang } from '../../contract/lang.js';
import type { ExportProvenance, RouteExportParams } from '../../contract/export.js';
import { describeSource } from '../../render/provenance.js';
import { routeSources } from '../../render/model.js';
import { renderRouteExport, type RenderedExport } from '../../render/render.js';
import { notFound } from '../../errors.js';
import type { RouteService, SnapshotSource } from '../route-service.js';

export class RouteExportService {
  constructor(
    private readonly routes: Pick<RouteService, 'find'>,
    private readonly snapshots: SnapshotSource,
    /** The clock (tests fix it). */
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Renders route `params.route` (1 = best) of the query as `params.format`.
   * @throws AppError 400 for a bad query (unknown role …), 404 when the query finds no such route, with the reason
   */
  async export(params: RouteExportParams): Promise<RenderedExport> {
    const { format, route: routeNumber, lang: asked, direction, background, ...query } = params;
    const lang = toLang(asked) ?? 'en';
    const answer = await this.routes.find(query, lang);
    const route = answer.routes[routeNumber - 1];
    const snapshot = await this.snapshots.get();
    if (!route) {
      const q = answer.query;
      const name = (id: string) => {
        const r = snapshot.rolesById.get(id);
        return (lang === 'ja' ? r?.nameJa : r?.name) ?? id;
      };
      const n = answer.routes.length;
      const reason =
        n === 0
          ? answer.note || (lang === 'ja' ? '条件に合うルートはありません。' : 'No route matches the query.')
          : lang === 'ja'
            ? `この条件で見つかるルートは ${n} 件で、ルート ${routeNumber} はありません。`
            : `The query finds ${n} route${n === 1 ? '' : 's'}; there is no route ${routeNumber}.`;
      const message =
        lang === 'ja'
          ? `${name(q.from)} から ${name(q.to)} へ書き出せるルートはありません: ${reason}`
          : `No route to export from ${name(q.from)} to ${name(q.to)} (${q.mode}): ${reason}`;
      throw notFound(message, [{ field: n ? 'route' : 'query', reason, query: q }]);
    }
    const provenance: ExportProvenance = {
      generator: 'rolepath',
      scope: 'route',
      query: answer.query,
      route: routeNumber,
      dataVersion: answer.dataVersion,
      exportedAt: this.now().toISOString(),
      // The datasets the answer was drawn from, not every dataset stored.
      source: describeSource(answer.datasets?.used ?? Object.keys(snapshot.datasets).sort(), routeSources(route)),
    };
    return renderRouteExport(
      format,
      { route, query: answer.query, alt: routeNumber - 1, total: answer.routes.length, roles: snapshot.rolesById, provenance, lang },
      { direction, background },
    );
  }
}
