/**
 * `npm run route -- --from cs --to product-manager --mode likely`: prints routes
 * between two roles. Asks the running server when there is one (an embedded
 * Kùzu database takes one process at a time); otherwise opens the store itself.
 *
 * Options: --from, --to (id, name or alias), --mode fewest|likely|travelled, --k N,
 * --max-hops N, --avoid ID,ID, --via ID, --families F,F, --min-count N, --datasets D,D, --kinds K,K, --json.
 *
 * `--export FILE` writes route `--route N` (default 1, the best) to FILE instead,
 * in the format its extension names (.svg path diagram, .mmd Mermaid, .graphml,
 * .csv, .json Cytoscape JSON), with `--lang en|ja` and `--direction lr|tb` for the diagram.
 *
 * A server started with READ_TOKEN answers only with that token: the CLI sends
 * READ_TOKEN from its own environment, else ADMIN_TOKEN (which the
 * server accepts for reads too).
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { RoleDetailsResponse } from '../contract/api.js';
import { EXTENSION_FORMATS, routeExportQuery, type ExportFormat } from '../contract/export.js';
import { toLang, type Lang } from '../contract/lang.js';
import { routeQuery, type RouteResponse } from '../contract/routes.js';
import { loadConfig, type Config } from '../config.js';
import { AppError } from '../errors.js';
import { parseOrThrow } from '../validate.js';
import { RouteExportService } from '../services/export/route-export.js';
import { SnapshotCache } from '../services/graph-snapshot.js';
import { RouteService } from '../services/route-service.js';
import { printError, readOptions, serverBase, toParams, withLocalStore } from './common.js';
import { formatRoutes, type RoleNames } from './route-format.js';

const USAGE =
  'Usage: npm run route -- --from ROLE --to ROLE [--mode fewest|likely|travelled] [--k N] [--max-hops N] [--avoid ID,ID] [--via ID] [--families F,F] [--min-count N] [--datasets D,D] [--kinds move,recommended,split] [--lang en|ja] [--json]\n       npm run route -- --from ROLE --to ROLE [same options] --export FILE.svg|.mmd|.graphml|.csv|.json [--route N] [--lang en|ja] [--direction lr|tb]';

const OPTIONS = {
  from: { type: 'string' },
  to: { type: 'string' },
  mode: { type: 'string' },
  k: { type: 'string' },
  'max-hops': { type: 'string' },
  avoid: { type: 'string' },
  via: { type: 'string' },
  families: { type: 'string' },
  'min-count': { type: 'string' },
  kinds: { type: 'string' },
  datasets: { type: 'string' },
  json: { type: 'boolean' },
  export: { type: 'string' },
  route: { type: 'string' },
  lang: { type: 'string' },
  direction: { type: 'string' },
} as const;

type Answer = { response: RouteResponse; names: Map<string, RoleNames> };

/** The token a READ_TOKEN server needs, as request headers (none when neither token is set). */
function authHeaders(config: Config): Record<string, string> {
  const token = config.readToken ?? config.adminToken;
  return token ? { authorization: `Bearer ${token}` } : {};
}

/** A 401 from the server, said in terms of what to set here. */
function unauthorizedHere(base: string, headers: Record<string, string>): AppError {
  return new AppError(
    401,
    'unauthorized',
    headers.authorization
      ? `The server at ${base} did not accept the token: set READ_TOKEN to the server's read token (ADMIN_TOKEN works too).`
      : `The server at ${base} needs a read token: set READ_TOKEN in the environment to the server's read token.`,
  );
}

/** Asks a running server; resolves null when none is listening. */
async function viaServer(base: string, search: URLSearchParams, headers: Record<string, string>): Promise<Answer | null> {
  let res: Response;
  try {
    res = await fetch(`${base}/api/routes?${search}`, { headers });
  } catch {
    return null;
  }
  if (res.status === 401) throw unauthorizedHere(base, headers);
  const body = (await res.json()) as RouteResponse | { error: { message: string; details: unknown[] } };
  if ('error' in body) throw new AppError(res.status, 'server', body.error.message, body.error.details);
  const around = body.noRoute ? [...body.noRoute.reachable, ...body.noRoute.feeders].map((r) => r.id) : [];
  const ids = new Set(body.routes.flatMap((r) => r.roles).concat(body.query.from, body.query.to, body.query.avoid, body.query.via ?? [], around));
  const names = new Map<string, RoleNames>();
  await Promise.all(
    [...ids].map(async (id) => {
      const r = await fetch(`${base}/api/roles/${encodeURIComponent(id)}`, { headers });
      if (r.ok) names.set(id, ((await r.json()) as RoleDetailsResponse).role);
    }),
  );
  return { response: body, names };
}

/** Opens the configured store in this process and answers there. */
async function locally(params: ReturnType<typeof routeQuery.parse>, lang: Lang): Promise<Answer> {
  return withLocalStore(loadConfig().store, async (store) => {
    const snapshots = new SnapshotCache(store);
    const response = await new RouteService(snapshots).find(params, lang);
    const { rolesById } = await snapshots.get();
    return { response, names: rolesById };
  });
}

async function main(): Promise<number> {
  const parsed = readOptions(OPTIONS, USAGE);
  if (!parsed) return 2;
  const { values } = parsed;
  const raw = toParams(values, [
    ['from', 'from'],
    ['to', 'to'],
    ['mode', 'mode'],
    ['k', 'k'],
    ['max-hops', 'maxHops'],
    ['avoid', 'avoid'],
    ['via', 'via'],
    ['families', 'families'],
    ['min-count', 'minCount'],
    ['datasets', 'datasets'],
    ['kinds', 'kinds'],
  ]);
  if (values.export !== undefined) return exportRoute(values.export, raw, values);
  // --lang en|ja; anything else is English, not an error (as on the API).
  const lang = toLang(values.lang) ?? 'en';
  raw.lang = lang;
  try {
    const config = loadConfig();
    const params = parseOrThrow(routeQuery, raw, 'option', lang);
    const answer = (await viaServer(serverBase(config), new URLSearchParams(raw), authHeaders(config))) ?? (await locally(params, lang));
    console.log(values.json ? JSON.stringify(answer.response, null, 2) : formatRoutes(answer.response, answer.names, lang));
    return 0;
  } catch (err) {
    return printError(err, 'route');
  }
}

/** Asks a running server for the export; resolves null when none is listening. */
async function exportViaServer(base: string, search: URLSearchParams, headers: Record<string, string>): Promise<string | null> {
  let res: Response;
  try {
    res = await fetch(`${base}/api/routes/export?${search}`, { headers });
  } catch {
    return null;
  }
  if (res.status === 401) throw unauthorizedHere(base, headers);
  const body = await res.text();
  if (res.ok) return body;
  let error: { message?: string; details?: unknown[] } = {};
  try {
    error = (JSON.parse(body) as { error: typeof error }).error;
  } catch {
    // not the error shape
  }
  throw new AppError(res.status, 'server', error.message ?? `The server answered ${res.status}.`, error.details ?? []);
}

/** `--export FILE`: writes the route in the format FILE's extension names. */
async function exportRoute(file: string, raw: Record<string, string>, values: Record<string, unknown>): Promise<number> {
  const ext = path.extname(file).slice(1).toLowerCase();
  const format: ExportFormat | undefined = EXTENSION_FORMATS[ext];
  if (!format) {
    const known = Object.keys(EXTENSION_FORMATS).map((e) => `.${e}`).join(', ');
    console.error(
      ext === 'png'
        ? `PNG is drawn in the browser (Export → PNG). Here use one of ${known}.`
        : `--export: cannot tell the format from "${path.basename(file)}": use one of ${known}.`,
    );
    return 2;
  }
  if (values.json) {
    console.error('--json and --export do not go together: the file format comes from the --export file name.');
    return 2;
  }
  const query: Record<string, string> = { ...raw, format };
  for (const opt of ['route', 'lang', 'direction'] as const) if (typeof values[opt] === 'string') query[opt] = values[opt];
  try {
    const config = loadConfig();
    const params = parseOrThrow(routeExportQuery, query, 'option', toLang(query.lang) ?? 'en');
    const body =
      (await exportViaServer(serverBase(config), new URLSearchParams(query), authHeaders(config))) ??
      (await withLocalStore(config.store, async (store) => {
        const snapshots = new SnapshotCache(store);
        return (await new RouteExportService(new RouteService(snapshots), snapshots).export(params)).body;
      }));
    await writeFile(file, body);
    console.log(`Wrote ${file} (${format}, ${Buffer.byteLength(body)} bytes): route ${params.route} from ${params.from} to ${params.to}, ${params.mode}.`);
    return 0;
  } catch (err) {
    return printError(err, 'route export');
  }
}

process.exitCode = await main();
