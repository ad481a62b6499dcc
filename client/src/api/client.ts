/**
 * The only module that calls fetch(). Every response is parsed with the
 * server's contract schemas; failures become ApiError with a readable message.
 */
import type { z } from 'zod';
import './zod-config.js';
import {
  errorResponse,
  healthResponse,
  roleDetailsResponse,
  roleSearchResponse,
  type GraphResponse,
  type HealthResponse,
  type RoleDetailsResponse,
  type RoleSearchResponse,
} from '../../../server/contract/api.js';
import { compactGraphResponse, decodeCompactGraph } from '../../../server/contract/graph-compact.js';
import { datasetListResponse, type DatasetListResponse } from '../../../server/contract/datasets.js';
import { routeResponse, type RouteResponse } from '../../../server/contract/routes.js';
import {
  importResponse,
  queryListResponse,
  runResponse,
  savedQueryDto,
  type ImportResponse,
  type QueryListResponse,
  type RunResponse,
  type SaveQueryRequest,
  type SavedQueryDto,
} from '../../../server/contract/queries.js';
import { routeSearchParams, type RouteParams } from '../state/url-state.js';
import { readToken } from './read-token.js';

/** One entry of an error's `details`: the field at fault and, for unknown roles, the ids of the closest roles. */
export interface ErrorDetail {
  field: string;
  message: string;
  suggestions: string[];
  /** Where in a Cypher text the error is (1-based), when the server says. */
  line?: number;
  column?: number;
}

/**
 * A failed API call: the server's error code, message and details, or a
 * network problem (status 0, code "network").
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Details are `unknown[]` in the contract; keep only what has the documented shape. */
function readDetails(details: unknown[]): ErrorDetail[] {
  return details.flatMap((d) => {
    if (typeof d !== 'object' || d === null) return [];
    const o = d as Record<string, unknown>;
    // Suggestions are role ids, or role summaries ({id, name, nameJa}); the page only needs the ids.
    const suggestions = (Array.isArray(o.suggestions) ? (o.suggestions as unknown[]) : []).flatMap((x) =>
      typeof x === 'string' ? [x] : typeof x === 'object' && x !== null && typeof (x as { id?: unknown }).id === 'string' ? [(x as { id: string }).id] : [],
    );
    const at = typeof o.line === 'number' && typeof o.column === 'number' ? { line: o.line, column: o.column } : {};
    return [{ field: typeof o.field === 'string' ? o.field : '', message: typeof o.message === 'string' ? o.message : '', suggestions, ...at }];
  });
}

/** fetch(), with a failure to connect as ApiError "network" and an error answer as ApiError with the server's code and message. */
async function send(url: string, init: RequestInit = {}): Promise<Response> {
  let res: Response;
  try {
    // The read token the visitor signed in with (READ_TOKEN servers); an admin token given by the caller wins.
    const token = readToken.get();
    const auth: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
    res = await fetch(url, { ...init, headers: { accept: 'application/json', ...auth, ...init.headers } });
  } catch {
    throw new ApiError(0, 'network', 'The server cannot be reached. Check that rolepath is running.');
  }
  if (!res.ok) {
    const parsed = errorResponse.safeParse(await res.json().catch(() => null));
    throw parsed.success
      ? new ApiError(res.status, parsed.data.error.code, parsed.data.error.message, readDetails(parsed.data.error.details))
      : new ApiError(res.status, 'http', `The server answered ${res.status}.`);
  }
  return res;
}

async function getJson<S extends z.ZodType>(url: string, schema: S, init: RequestInit = {}): Promise<z.infer<S>> {
  const res = await send(url, init);
  const body: unknown = await res.json().catch(() => null);
  const result = schema.safeParse(body);
  if (!result.success) throw new ApiError(res.status, 'bad_response', `The server sent an answer this page does not understand (${url.split('?')[0]}).`);
  return result.data;
}

/** A JSON request body. */
const json = (body: unknown, init: RequestInit = {}): RequestInit => ({
  ...init,
  method: init.method ?? 'POST',
  headers: { 'content-type': 'application/json', ...init.headers },
  body: JSON.stringify(body),
});

/** The admin token header for saving, deleting and importing queries (none when no token was entered). */
const admin = (token: string | null): Record<string, string> => (token ? { authorization: `Bearer ${token}` } : {});

/** A file the server sent for download: its name (from Content-Disposition) and contents. */
export interface DownloadedFile {
  filename: string;
  blob: Blob;
}

async function getFile(url: string, fallbackName: string): Promise<DownloadedFile> {
  const res = await send(url, { headers: { accept: '*/*' } });
  const disposition = res.headers.get('content-disposition') ?? '';
  const name = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1] ?? /filename="?([^";]+)"?/i.exec(disposition)?.[1];
  return { filename: name ? decodeURIComponent(name) : fallbackName, blob: await res.blob() };
}

const queryPath = (name: string) => `/api/queries/${encodeURIComponent(name)}`;

/** Saved queries and ad hoc Cypher (`/api/queries…`, `/api/cypher`). Writes take the admin token. */
const queries = {
  list: (): Promise<QueryListResponse> => getJson('/api/queries', queryListResponse),
  get: (name: string): Promise<SavedQueryDto> => getJson(queryPath(name), savedQueryDto),
  /** Runs a saved query; the server checks `params` against the declared types (defaults fill the gaps). */
  run: (name: string, params: Record<string, unknown>): Promise<RunResponse> => getJson(`${queryPath(name)}/run`, runResponse, json({ params })),
  /** Runs Cypher as typed (read-only on the server). */
  runCypher: (cypher: string, params: Record<string, unknown>): Promise<RunResponse> => getJson('/api/cypher', runResponse, json({ cypher, params })),
  /** Creates or replaces a user query. */
  save: (query: Partial<SaveQueryRequest> & Pick<SaveQueryRequest, 'name' | 'title' | 'cypher'>, token: string | null): Promise<SavedQueryDto> =>
    getJson('/api/queries', savedQueryDto, json(query, { headers: admin(token) })),
  delete: async (name: string, token: string | null): Promise<void> => {
    await send(queryPath(name), { method: 'DELETE', headers: admin(token) });
  },
  /** One query as `<name>.json` or `<name>.cypher` (with its header). */
  exportOne: (name: string, format: 'json' | 'cypher'): Promise<DownloadedFile> =>
    getFile(`${queryPath(name)}/export?${new URLSearchParams({ format })}`, `${name}.${format}`),
  /** The user's queries, or every query, as one JSON bundle. */
  exportBundle: (scope: 'user' | 'all'): Promise<DownloadedFile> =>
    getFile(`/api/queries/export?${new URLSearchParams({ scope })}`, `rolepath-queries-${scope}.json`),
  /** Imports a JSON query file or bundle, or a `.cypher` file (sent as text). */
  import: (text: string, kind: 'json' | 'cypher', token: string | null): Promise<ImportResponse> =>
    getJson('/api/queries/import', importResponse, {
      method: 'POST',
      headers: { 'content-type': kind === 'json' ? 'application/json' : 'text/plain; charset=utf-8', ...admin(token) },
      body: text,
    }),
};

/**
 * The datasets an answer is drawn from: `datasets=a,b` when some were chosen; none (the server's default
 * selection) when `datasets` is empty or absent. The server refuses a mix of units with 400 `dataset_mix`.
 */
function withDatasets(search: URLSearchParams, datasets?: readonly string[]): URLSearchParams {
  if (datasets?.length) search.set('datasets', datasets.join(','));
  return search;
}

/** The HTTP API, one function per endpoint. */
export const api = {
  health: (): Promise<HealthResponse> => getJson('/api/health', healthResponse),
  /** The stored datasets (unit, size, import date) and the server's default selection. */
  datasets: (): Promise<DatasetListResponse> => getJson('/api/datasets', datasetListResponse),
  /** The whole graph, fetched in columns (a fifth of the bytes; no evidence text, which role pages carry) and given back in the Cytoscape shape. */
  graph: async (datasets?: readonly string[]): Promise<GraphResponse> =>
    decodeCompactGraph(await getJson(`/api/graph?${withDatasets(new URLSearchParams({ shape: 'compact' }), datasets)}`, compactGraphResponse)),
  role: (id: string, datasets?: readonly string[]): Promise<RoleDetailsResponse> => {
    const search = withDatasets(new URLSearchParams(), datasets).toString();
    return getJson(`/api/roles/${encodeURIComponent(id)}${search ? `?${search}` : ''}`, roleDetailsResponse);
  },
  searchRoles: (q: string, limit = 20): Promise<RoleSearchResponse> =>
    getJson(`/api/roles?${new URLSearchParams({ q, limit: String(limit) })}`, roleSearchResponse),
  /** Routes for a query; only parameters that differ from the API defaults are sent. */
  routes: (query: RouteParams, lang?: 'en' | 'ja', datasets?: readonly string[]): Promise<RouteResponse> => {
    const search = withDatasets(routeSearchParams(query), datasets);
    // The notes and the no-route answer come in the page's language.
    if (lang) search.set('lang', lang);
    return getJson(`/api/routes?${search}`, routeResponse);
  },
  queries,
};
