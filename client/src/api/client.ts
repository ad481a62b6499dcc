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

/** A failed API call: the server's error code and message, or a network problem. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
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
      ? new ApiError(res.status, parsed.data.error.code, parsed.data.error.message)
      : new ApiError(res.status, 'http', `The server answered ${res.status}.`);
  }
  return schema.parse(body);
}

export const api = {
  health: (): Promise<HealthResponse> => getJson('/api/health', healthResponse),
  graph: (): Promise<GraphResponse> => getJson('/api/graph', graphResponse),
  role: (id: string): Promise<RoleDetailsResponse> => getJson(`/api/roles/${encodeURIComponent(id)}`, roleDetailsResponse),
  searchRoles: (q: string, limit = 20): Promise<RoleSearchResponse> =>
    getJson(`/api/roles?${new URLSearchParams({ q, limit: String(limit) })}`, roleSearchResponse),
};
