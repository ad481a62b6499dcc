/**
 * The only module that calls fetch(). Every response is parsed with the
 * server's contract schemas; failures become ApiError with a readable message.
 */
import type { z } from 'zod';
import {
  errorResponse,
  graphResponse,
  healthResponse,
  roleDetailsResponse,
  roleSearchResponse,
  type GraphResponse,
  type HealthResponse,
  type RoleDetailsResponse,
  type RoleSearchResponse,
} from '../../../server/contract/api.js';
import { routeResponse, type RouteResponse } from '../../../server/contract/routes.js';
import { routeSearchParams, type RouteParams } from '../state/url-state.js';

/** One entry of an error's `details`: the field at fault and, for unknown roles, the ids of the closest roles. */
export interface ErrorDetail {
  field: string;
  message: string;
  suggestions: string[];
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
    return [{ field: typeof o.field === 'string' ? o.field : '', message: typeof o.message === 'string' ? o.message : '', suggestions }];
  });
}

async function getJson<S extends z.ZodType>(url: string, schema: S): Promise<z.infer<S>> {
  let res: Response;
  try {
    res = await fetch(url, { headers: { accept: 'application/json' } });
  } catch {
    throw new ApiError(0, 'network', 'The server cannot be reached. Check that rolepath is running.');
  }
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const parsed = errorResponse.safeParse(body);
    throw parsed.success
      ? new ApiError(res.status, parsed.data.error.code, parsed.data.error.message, readDetails(parsed.data.error.details))
      : new ApiError(res.status, 'http', `The server answered ${res.status}.`);
  }
  const result = schema.safeParse(body);
  if (!result.success) throw new ApiError(res.status, 'bad_response', `The server sent an answer this page does not understand (${url.split('?')[0]}).`);
  return result.data;
}

/** The HTTP API, one function per endpoint. */
export const api = {
  health: (): Promise<HealthResponse> => getJson('/api/health', healthResponse),
  graph: (): Promise<GraphResponse> => getJson('/api/graph', graphResponse),
  role: (id: string): Promise<RoleDetailsResponse> => getJson(`/api/roles/${encodeURIComponent(id)}`, roleDetailsResponse),
  searchRoles: (q: string, limit = 20): Promise<RoleSearchResponse> =>
    getJson(`/api/roles?${new URLSearchParams({ q, limit: String(limit) })}`, roleSearchResponse),
  /** Routes for a query; only parameters that differ from the API defaults are sent. */
  routes: (query: RouteParams): Promise<RouteResponse> => getJson(`/api/routes?${routeSearchParams(query)}`, routeResponse),
};
