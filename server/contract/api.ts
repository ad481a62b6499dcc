/**
 * Request and response schemas of the HTTP API, shared by the server (to
 * validate requests) and the client (to parse responses).
 */
import { z } from 'zod';
import { decimalInt } from './numbers.js';
import { ROLE_FAMILIES, TRANSITION_KINDS } from './graph-data.js';
import { datasetsParam, datasetUsage } from './datasets.js';
import { langParam } from './lang.js';
import { engineName } from './queries.js';

export const evidenceDto = z.object({ source: z.string(), quote: z.string(), gloss: z.string(), glossJa: z.string().optional() });

export const roleDto = z.object({
  id: z.string(),
  name: z.string(),
  nameJa: z.string(),
  aliases: z.array(z.string()),
  family: z.enum(ROLE_FAMILIES),
  description: z.string(),
  /** The description in Japanese (absent for imported roles that have none). */
  descriptionJa: z.string().optional(),
  /** The team's grouping (department, job family) from an imported catalogue; absent when it has none. */
  group: z.string().optional(),
});
export type RoleDto = z.infer<typeof roleDto>;

export const roleSummaryDto = roleDto.pick({ id: true, name: true, nameJa: true, family: true });
export type RoleSummaryDto = z.infer<typeof roleSummaryDto>;

export const transitionDto = z.object({
  from: z.string(),
  to: z.string(),
  dataset: z.string(),
  kind: z.enum(TRANSITION_KINDS),
  count: z.number(),
  probability: z.number(),
  skills: z.array(z.string()),
  /** The skills in Japanese, item for item (absent when the data has none). */
  skillsJa: z.array(z.string()).optional(),
  evidence: z.array(evidenceDto),
});
export type TransitionDto = z.infer<typeof transitionDto>;

/** A transition seen from one role, with the role at the other end. */
export const roleMoveDto = transitionDto.extend({ other: roleSummaryDto });
export type RoleMoveDto = z.infer<typeof roleMoveDto>;

export const healthResponse = z.object({
  status: z.literal('ok'),
  engine: engineName,
  roles: z.number(),
  transitions: z.number(),
  histories: z.number(),
  /** Fingerprint of the stored data; changes whenever the graph does. */
  dataVersion: z.string(),
  /** Transitions per dataset. */
  datasets: z.record(z.string(), z.number()),
  uptimeSeconds: z.number(),
});
export type HealthResponse = z.infer<typeof healthResponse>;

export const roleSearchQuery = z.strictObject({
  q: z.string().max(100, 'must be at most 100 characters').optional(),
  limit: decimalInt(z.number().min(1).max(500)).default(50),
  /** Language of error messages (see contract/lang.ts). */
  lang: langParam,
});
export const roleSearchResponse = z.object({ roles: z.array(roleDto), total: z.number() });
export type RoleSearchResponse = z.infer<typeof roleSearchResponse>;

/** Any string up to 200 characters: an id that does not exist (whatever its form) is a 404, not a 400. */
export const roleIdParam = z.strictObject({ id: z.string().min(1).max(200) });

/** For endpoints that take no query parameters: unknown ones are rejected by name. */
export const emptyQuery = z.strictObject({});

/** Query parameters of `GET /api/roles/:id` and `GET /api/graph`. */
export const datasetsQuery = z.strictObject({ datasets: datasetsParam.optional(), lang: langParam });

/** Query parameters of `GET /api/graph`: `shape=compact` answers in columns (contract/graph-compact.ts). */
export const graphQuery = datasetsQuery.extend({
  shape: z.enum(['cytoscape', 'compact'], { message: 'must be one of cytoscape, compact' }).default('cytoscape'),
});

export const roleDetailsResponse = z.object({
  role: roleDto,
  outgoing: z.array(roleMoveDto),
  incoming: z.array(roleMoveDto),
  /** The datasets used and what privacy suppression hid (always sent by the server). */
  datasets: datasetUsage.optional(),
});
export type RoleDetailsResponse = z.infer<typeof roleDetailsResponse>;

export const graphNodeData = z.object({
  id: z.string(),
  label: z.string(),
  labelJa: z.string(),
  family: z.enum(ROLE_FAMILIES),
  /** The role's group from an imported catalogue (department, job family); absent when it has none. */
  group: z.string().optional(),
});
/** The id of a move's edge in the graph response and in query results: `from->to@dataset` (stable across engines). */
export const edgeId = (t: { from: string; to: string; dataset: string }): string => `${t.from}->${t.to}@${t.dataset}`;

export const graphEdgeData = z.object({
  id: z.string(),
  source: z.string(),
  target: z.string(),
  count: z.number(),
  probability: z.number(),
  kind: z.enum(TRANSITION_KINDS),
  dataset: z.string(),
  skills: z.array(z.string()),
  skillsJa: z.array(z.string()).optional(),
  evidence: z.array(evidenceDto),
});
export const graphResponse = z.object({
  elements: z.object({
    nodes: z.array(z.object({ data: graphNodeData })),
    edges: z.array(z.object({ data: graphEdgeData })),
  }),
  /** The datasets used and what privacy suppression hid (always sent by the server). */
  datasets: datasetUsage.optional(),
});
export type GraphResponse = z.infer<typeof graphResponse>;
export type GraphNodeData = z.infer<typeof graphNodeData>;
export type GraphEdgeData = z.infer<typeof graphEdgeData>;

export const errorResponse = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.array(z.unknown()) }),
});
export type ErrorResponse = z.infer<typeof errorResponse>;
