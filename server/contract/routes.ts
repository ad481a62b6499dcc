/**
 * The route API's request and response schemas (`GET /api/routes`), shared by
 * the server (validation) and the client (parsing).
 */
import { z } from 'zod';
import { evidenceDto } from './api.js';
import { ROLE_FAMILIES, TRANSITION_KINDS } from './graph-data.js';
import { datasetUsage } from './datasets.js';
import { decimalInt } from './numbers.js';
import { langParam } from './lang.js';

/** How routes are ranked: fewest moves, highest product of step probabilities, seen in career histories. */
export const ROUTE_MODES = ['fewest', 'likely', 'travelled'] as const;
export type RouteModeName = (typeof ROUTE_MODES)[number];

/** Bounds and defaults of the route query's parameters (the server, the CLI and the page all use these). */
export const ROUTE_LIMITS = {
  defaultMode: 'fewest',
  defaultK: 3,
  minK: 1,
  maxK: 20,
  defaultMaxHops: 6,
  minMaxHops: 1,
  maxMaxHops: 10,
  defaultMinCount: 1,
} as const satisfies Record<string, number | RouteModeName>;

const between = (min: number, max: number) =>
  decimalInt(z.number().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));

/** Comma-separated list in a query string → string[] (empty items dropped). */
const csv = z
  .string()
  .max(2000)
  .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean));

/** Query parameters of `GET /api/routes`. Unknown parameters are rejected by name. */
export const routeQuery = z.strictObject({
  from: z.string().min(1, 'is required').max(200),
  to: z.string().min(1, 'is required').max(200),
  mode: z.enum(ROUTE_MODES, { message: `must be one of ${ROUTE_MODES.join(', ')}` }).default(ROUTE_LIMITS.defaultMode),
  k: between(ROUTE_LIMITS.minK, ROUTE_LIMITS.maxK).default(ROUTE_LIMITS.defaultK),
  maxHops: between(ROUTE_LIMITS.minMaxHops, ROUTE_LIMITS.maxMaxHops).default(ROUTE_LIMITS.defaultMaxHops),
  avoid: csv.optional(),
  via: z.string().min(1).max(200).optional(),
  families: csv
    .pipe(z.array(z.enum(ROLE_FAMILIES, { message: `must be among ${ROLE_FAMILIES.join(', ')}` })))
    .optional(),
  minCount: decimalInt(z.number().min(0, 'must be at least 0')).default(ROUTE_LIMITS.defaultMinCount),
  /**
   * Which kinds of move routes may use (default: all three). `kinds=move` ranks over moves people made
   * only; recommendations and organisational splits are then left out of the search.
   */
  kinds: csv
    .pipe(z.array(z.enum(TRANSITION_KINDS, { message: `must be among ${TRANSITION_KINDS.join(', ')}` })).min(1, 'must name at least one kind'))
    .optional(),
  /** Datasets to use, combined (default: all); see server/services/datasets/selection.ts. */
  datasets: csv.optional(),
  /** Language of notes and messages: en or ja (default: Accept-Language, then English; an unknown one is English). */
  lang: langParam,
});
export type RouteQueryParams = z.infer<typeof routeQuery>;

export const routeStepDto = z.object({
  from: z.string(),
  to: z.string(),
  count: z.number(),
  probability: z.number(),
  /** What the move is: `move` (people made it), `recommended` (an author's recommendation), `split` (an organisational split). */
  kinds: z.array(z.enum(TRANSITION_KINDS)).optional(),
  skills: z.array(z.string()),
  /** The skills in Japanese where the data has them (same order as `skills`; an untranslated skill is kept as is). */
  skillsJa: z.array(z.string()).optional(),
  evidence: z.array(evidenceDto),
});
export type RouteStepDto = z.infer<typeof routeStepDto>;

export const routeDto = z.object({
  roles: z.array(z.string()),
  hops: z.number(),
  probability: z.number(),
  travellers: z.number().nullable(),
  steps: z.array(routeStepDto),
});
export type RouteDto = z.infer<typeof routeDto>;

/** A route query as the route API understood it (ids resolved, defaults filled in); exports record it as provenance. */
export const resolvedRouteQuery = z.object({
  from: z.string(),
  to: z.string(),
  mode: z.enum(ROUTE_MODES),
  k: z.number(),
  maxHops: z.number(),
  avoid: z.array(z.string()),
  via: z.string().nullable(),
  families: z.array(z.string()),
  minCount: z.number(),
  /** The kinds of move the routes could use, in TRANSITION_KINDS order (absent in answers from before it existed: all). */
  kinds: z.array(z.enum(TRANSITION_KINDS)).optional(),
  /** The datasets asked for with `datasets=` (absent: all of them); exports record it with the query. */
  datasets: z.array(z.string()).optional(),
});
export type ResolvedRouteQuery = z.infer<typeof resolvedRouteQuery>;

/** A role at a distance in moves. */
export const roleAtDistanceDto = z.object({ id: z.string(), hops: z.number() });

/** When no chain of recorded moves joins from and to: where one can go instead, and why they do not meet. */
export const noRouteDto = z.object({
  /** Roles reachable from `from`, nearest first (at most 100; `reachableTotal` counts all). */
  reachable: z.array(roleAtDistanceDto),
  reachableTotal: z.number(),
  /** Roles from which `to` can be reached, nearest first (at most 100). */
  feeders: z.array(roleAtDistanceDto),
  feedersTotal: z.number(),
  /** Why the two sides do not meet, in the answer's language, naming roles by name. */
  reason: z.string(),
});
export type NoRouteDto = z.infer<typeof noRouteDto>;

export const routeResponse = z.object({
  routes: z.array(routeDto),
  /** Empty when routes were found; otherwise which limit cut them off. */
  note: z.string(),
  /** Set when no chain of recorded moves joins the two roles at all (null when routes exist or a limit cut them off). */
  noRoute: noRouteDto.nullable().optional(),
  /** The language the note and messages are in. */
  lang: z.enum(['en', 'ja']).optional(),
  /** The query as understood, with defaults filled in. */
  query: resolvedRouteQuery,
  /** The data version (GraphSnapshot.dataVersion) the routes were found in; exports record it. */
  dataVersion: z.string(),
  /** The datasets used and how many of their aggregates privacy suppression hid (always sent by the server). */
  datasets: datasetUsage.optional(),
});
export type RouteResponse = z.infer<typeof routeResponse>;
