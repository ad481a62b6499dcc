/**
 * The saved-query and Cypher API's schemas (`/api/queries…`, `/api/cypher`)
 * and the export file formats, shared by the server (validation) and the
 * client (parsing).
 */
import { z } from 'zod';

export const ENGINES = ['kuzu', 'neo4j'] as const;
export type EngineName = (typeof ENGINES)[number];
export const engineName = z.enum(ENGINES);

/**
 * Parameter types a saved query can declare:
 * - `role-id`: an id of a role that exists; `role-id[]`: a non-empty list of them
 * - `string`; `int` and `float`, optionally with a range `min..max`; `boolean`
 * - `family`: one of the role families
 */
export const PARAM_TYPES = ['role-id', 'role-id[]', 'string', 'int', 'float', 'boolean', 'family'] as const;
export type ParamType = (typeof PARAM_TYPES)[number];

/** Names that would clash with API paths (`/api/queries/export`, `/api/queries/import`). */
export const RESERVED_QUERY_NAMES = ['export', 'import'] as const;

/** A query name: lowercase words joined by hyphens, like a role id. */
export const queryName = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase letters, digits and single hyphens, e.g. "my-query"')
  .max(80, 'must be at most 80 characters')
  .refine((n) => !(RESERVED_QUERY_NAMES as readonly string[]).includes(n), { message: `must not be ${RESERVED_QUERY_NAMES.join(' or ')}` });

export const paramName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,39}$/, 'must be a Cypher identifier (letters, digits, _)');

/** A default or given value of a declared parameter. */
export const paramValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]);
export type ParamValue = z.infer<typeof paramValue>;

export const paramSpec = z.strictObject({
  name: paramName,
  type: z.enum(PARAM_TYPES, { message: `must be one of ${PARAM_TYPES.join(', ')}` }),
  min: z.number().optional(),
  max: z.number().optional(),
  /** Absent: the parameter is required. */
  default: paramValue.optional(),
});
export type ParamSpec = z.infer<typeof paramSpec>;

const singleLine = (max: number) =>
  z
    .string()
    .max(max, `must be at most ${max} characters`)
    .refine((s) => !/[\r\n]/.test(s), { message: 'must be a single line' });

export const savedQuerySummary = z.object({
  name: z.string(),
  title: z.string(),
  titleJa: z.string(),
  description: z.string(),
  descriptionJa: z.string(),
  params: z.array(paramSpec),
  columns: z.array(z.string()),
  /** Shipped with rolepath (cypher/saved/); cannot be overwritten or deleted. */
  builtIn: z.boolean(),
  /** The engines this query has Cypher for. */
  engines: z.array(engineName),
  /** Whether it has Cypher for the engine running now. */
  runnable: z.boolean(),
  createdAt: z.string().optional(),
  updatedAt: z.string().optional(),
});
export type SavedQuerySummary = z.infer<typeof savedQuerySummary>;

/** One saved query with its Cypher for the running engine (null when it has none). */
export const savedQueryDto = savedQuerySummary.extend({ cypher: z.string().nullable() });
export type SavedQueryDto = z.infer<typeof savedQueryDto>;

export const queryListResponse = z.object({ engine: engineName, queries: z.array(savedQuerySummary) });
export type QueryListResponse = z.infer<typeof queryListResponse>;

export const queryNameParam = z.strictObject({ name: z.string().min(1).max(200) });

/** The words of a query's header as a person writes them (`params` in the header syntax). */
export interface QueryHeaderText {
  name: string;
  title: string;
  titleJa: string;
  description: string;
  descriptionJa: string;
  /** Declarations in the header syntax (`role: role-id = customer-support, hops: int 1..4 = 2`). */
  params: string;
}

/** What describes a query, as saved or as a file. */
const queryHeaderFields = {
  name: queryName,
  title: singleLine(120).pipe(z.string().min(1, 'is required')),
  titleJa: singleLine(120).default(''),
  description: singleLine(1000).default(''),
  descriptionJa: singleLine(1000).default(''),
  /** Declared parameters, as a list or in the header syntax (`role: role-id = customer-support, hops: int 1..4 = 2`). */
  params: z.union([z.array(paramSpec).max(20), z.string().max(2000)]).default([]),
  columns: z.array(z.string().min(1).max(100)).max(50).default([]),
};

/** `POST /api/queries`: save (create or replace) a user query, with Cypher for the running engine. */
export const saveQueryRequest = z.strictObject({
  ...queryHeaderFields,
  cypher: z.string().min(1, 'is required').max(20_000),
});
export type SaveQueryRequest = z.infer<typeof saveQueryRequest>;

/** `POST /api/queries/:name/run`. Values are checked against the query's declared types by the service. */
export const runQueryRequest = z.strictObject({ params: z.record(z.string(), z.unknown()).default({}) });

/** `POST /api/cypher`: ad hoc Cypher with parameters (any JSON values). */
export const cypherRequest = z.strictObject({
  cypher: z.string().min(1, 'is required').max(20_000),
  params: z
    .record(paramName, z.json())
    .refine((p) => Object.keys(p).length <= 50, { message: 'at most 50 parameters' })
    .default({}),
});

/** Cytoscape elements of the nodes, relationships and paths in a result. */
export const resultElements = z.object({
  nodes: z.array(z.object({ data: z.looseObject({ id: z.string(), label: z.string(), type: z.string() }) })),
  edges: z.array(z.object({ data: z.looseObject({ id: z.string(), source: z.string(), target: z.string(), type: z.string() }) })),
});
export type ResultElements = z.infer<typeof resultElements>;

/** The answer of every run. */
export const runResponse = z.object({
  columns: z.array(z.string()),
  rows: z.array(z.record(z.string(), z.unknown())),
  /** Whenever the rows hold nodes, relationships or paths: them as Cytoscape elements (Role nodes keep their role id). */
  graph: z.object({ elements: resultElements }).nullable(),
  /** More rows existed than the row limit allowed. */
  truncated: z.boolean(),
  rowCount: z.number(),
  ms: z.number(),
  /** The limits the run was held to (resultBytes: the result-size limit in bytes of JSON rows). */
  limits: z.object({ timeoutMs: z.number(), rowLimit: z.number(), resultBytes: z.number().optional() }),
});
export type RunResponse = z.infer<typeof runResponse>;

/** One saved query as a portable file (`<name>.json`). */
export const queryFile = z.object({
  format: z.literal('rolepath.saved-query'),
  version: z.literal(1),
  ...queryHeaderFields,
  cypher: z
    .object({ kuzu: z.string().min(1).max(20_000).optional(), neo4j: z.string().min(1).max(20_000).optional() })
    .refine((c) => c.kuzu || c.neo4j, { message: 'needs Cypher for kuzu or neo4j' }),
});
export type QueryFile = z.infer<typeof queryFile>;

/** Several saved queries in one file (`GET /api/queries/export`). */
export const queryBundle = z.object({
  format: z.literal('rolepath.saved-queries'),
  version: z.literal(1),
  exportedAt: z.string(),
  engine: engineName,
  queries: z.array(queryFile).max(500),
});
export type QueryBundle = z.infer<typeof queryBundle>;

export const exportQuery = z.strictObject({
  format: z.enum(['json', 'cypher']).default('json'),
  /** For `format=cypher`: which dialect (default: the running engine). */
  engine: engineName.optional(),
});
export const exportBundleQuery = z.strictObject({ scope: z.enum(['user', 'all']).default('user') });

export const importResponse = z.object({
  /** Stored as new user queries. */
  created: z.array(z.string()),
  /** Replaced user queries of the same name. */
  replaced: z.array(z.string()),
  /** Not stored, with why (e.g. a built-in query of that name). */
  skipped: z.array(z.object({ name: z.string(), reason: z.string() })),
});
export type ImportResponse = z.infer<typeof importResponse>;

/** Writes parameter declarations in the saved-query header syntax (the inverse of the server's parseParamSpecs), or "(none)". */
export function formatParamSpecs(specs: readonly ParamSpec[]): string {
  if (specs.length === 0) return '(none)';
  const str = (s: string) => (/^[^\s,"[\]=][^,"[\]=]*$/.test(s) && s.trim() === s ? s : JSON.stringify(s));
  return specs
    .map((p) => {
      let out = `${p.name}: ${p.type}`;
      if (p.min !== undefined && p.max !== undefined) out += ` ${p.min}..${p.max}`;
      if (p.default !== undefined) {
        const d = p.default;
        out += ` = ${Array.isArray(d) ? `[${d.map(str).join(', ')}]` : typeof d === 'string' ? str(d) : String(d)}`;
      }
      return out;
    })
    .join(', ');
}
