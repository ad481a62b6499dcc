/**
 * Route exports for the API and the CLI: finds the route with the route
 * service, stamps it with its provenance (query, data version, time, source)
 * and renders it with the shared exporters in server/contract/export.
 */
import { describeSource, type ExportProvenance } from '../../contract/export/provenance.js';
import type { RouteExportParams } from '../../contract/export/formats.js';
import { routeSources } from '../../contract/export/model.js';
import { renderRouteExport, type RenderedExport } from '../../contract/export/render.js';
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
    const { format, route: routeNumber, lang, direction, background, ...query } = params;
    const answer = await this.routes.find(query);
    const route = answer.routes[routeNumber - 1];
    if (!route) {
      const q = answer.query;
      const reason = answer.routes.length === 0 ? answer.note || 'No route matches the query.' : `The query finds ${answer.routes.length} route${answer.routes.length === 1 ? '' : 's'}; there is no route ${routeNumber}.`;
      throw notFound(`No route to export from ${q.from} to ${q.to} (${q.mode}): ${reason}`, [{ field: answer.routes.length ? 'route' : 'query', reason, query: q }]);
    }
    const snapshot = await this.snapshots.get();
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
