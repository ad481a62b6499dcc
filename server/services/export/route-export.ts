/**
 * Route exports for the API and the CLI: finds the route with the route
 * service, stamps it with its provenance (query, data version, time, source)
 * and renders it with the shared renderers in server/render.
 */
import { toLang } from '../../contract/lang.js';
import type { RouteExportParams } from '../../contract/export.js';
import { renderRouteExport, type RenderedExport } from '../../render/render.js';
import { routeExportInput } from '../../render/route-export.js';
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
    const snapshot = await this.snapshots.get();
    const input = routeExportInput({
      answer,
      alt: routeNumber - 1,
      roles: snapshot.rolesById,
      lang,
      datasets: Object.keys(snapshot.datasets),
      exportedAt: this.now(),
    });
    if (!input) {
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
    return renderRouteExport(format, input, { direction, background });
  }
}
