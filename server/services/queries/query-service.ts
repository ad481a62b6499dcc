/**
 * Saved queries and ad hoc Cypher: the built-in library (cypher/saved/) plus
 * user-made queries stored in the graph database; running them read-only with
 * checked parameters under a time and row limit; export and import as files.
 */
import type { EngineName, GraphStore } from '../../db/graph-store.js';
import { CypherRunError, DEFAULT_RESULT_BYTES, type QueryParams, type ReadOnlyRunOptions } from '../../db/query-types.js';
import { ENGINES, type ImportResponse, type ParamSpec, type QueryBundle, type QueryFile, type QueryListResponse, type RunResponse, type SaveQueryRequest, type SavedQueryDto, type SavedQuerySummary } from '../../contract/queries.js';
import { AppError, forbidden, invalidRequest, notFound, queryTimeout, storeUnavailable } from '../../errors.js';
import type { SnapshotCache } from '../graph-snapshot.js';
import { resultElements } from './elements.js';
import { checkAdHocParams } from './adhoc-params.js';
import { checkSpecs, checkValue, ParamSpecError, parseParamSpecs } from './param-spec.js';
import {
  QueryFileError,
  fromQueryFile,
  fromStored,
  parseQueryText,
  queryHeader,
  renderQueryText,
  toQueryFile,
  toStored,
  type QueryDefinition,
} from './query-file.js';
import { checkReadOnly, parameterNames } from '../../cypher-text/guard.js';

export interface QueryServiceOptions {
  /** The built-in library, already parsed (see fromSavedQueryFile). */
  builtIns: QueryDefinition[];
  limits: ReadOnlyRunOptions;
  /** The clock for created/updated times (tests pass a fixed one). */
  now?: () => string;
}

/** A file to send: name, type and contents. */
export interface ExportedFile {
  filename: string;
  contentType: string;
  body: string;
}

export class QueryService {
  private readonly builtIns: Map<string, QueryDefinition>;
  private readonly limits: ReadOnlyRunOptions;
  private readonly now: () => string;

  constructor(
    private readonly store: GraphStore,
    private readonly snapshots: SnapshotCache,
    options: QueryServiceOptions,
  ) {
    this.builtIns = new Map(options.builtIns.map((q) => [q.name, q]));
    this.limits = options.limits;
    this.now = options.now ?? (() => new Date().toISOString());
  }

  private get engine(): EngineName {
    return this.store.engine;
  }

  /** Built-in queries (by name), then user queries (by name). */
  async list(): Promise<QueryListResponse> {
    const all = [...this.builtIns.values(), ...(await this.userQueries())];
    return { engine: this.engine, queries: all.map((q) => this.summary(q)) };
  }

  /** @throws AppError 404 */
  async get(name: string): Promise<SavedQueryDto> {
    const def = await this.find(name);
    return { ...this.summary(def), cypher: def.cypher[this.engine] ?? null };
  }

  /**
   * Runs a saved query with `rawParams` checked against its declared types (defaults filled in).
   * @throws AppError 400 (bad parameters, Cypher errors), 403 (writes), 404, 413 (result-size limit), 422 (no Cypher for this engine, memory limit), 504 (time limit)
   */
  async run(name: string, rawParams: Record<string, unknown>): Promise<RunResponse> {
    const def = await this.find(name);
    const text = def.cypher[this.engine];
    if (!text) {
      throw new AppError(422, 'not_runnable', `Query "${name}" has no Cypher for ${this.engine} (only ${Object.keys(def.cypher).join(', ')}).`, [
        { field: 'name', engine: this.engine },
      ]);
    }
    const statement = this.guard(text);
    const params = await this.checkParams(def.params, rawParams);
    return this.execute(statement, params);
  }

  /** Runs ad hoc Cypher read-only; `params` are JSON values (checked by the HTTP layer). @throws AppError 400, 403, 504 */
  async runAdHoc(cypher: string, params: Record<string, unknown>): Promise<RunResponse> {
    const statement = this.guard(cypher);
    checkAdHocParams(statement, params);
    return this.execute(statement, params as QueryParams);
  }

  /**
   * Creates or replaces a user query (its Cypher is for the running engine).
   * @throws AppError 403 for a built-in name or a query that writes, 400 for bad parameters
   */
  async save(request: SaveQueryRequest): Promise<{ query: SavedQueryDto; created: boolean }> {
    let params: ParamSpec[];
    try {
      params = typeof request.params === 'string' ? parseParamSpecs(request.params) : checkSpecs(request.params);
    } catch (err) {
      if (err instanceof ParamSpecError) throw invalidRequest(`Invalid params: ${err.message}`, [{ field: 'params', message: err.message }]);
      throw err;
    }
    const def: QueryDefinition = { ...request, params, cypher: { [this.engine]: request.cypher }, builtIn: false };
    const { created } = await this.store_(def);
    return { query: await this.get(def.name), created };
  }

  /** @throws AppError 403 for a built-in query, 404 for an unknown one */
  async delete(name: string): Promise<void> {
    if (this.builtIns.has(name)) throw forbidden('builtin_query', `"${name}" is a built-in query and cannot be deleted.`, [{ field: 'name', value: name }]);
    if (!(await this.store.deleteUserQuery(name))) throw notFound(`No user query named "${name}".`, [{ field: 'name', value: name }]);
  }

  /** One query as a `.json` or `.cypher` file (`.cypher` for `engine`, default the running one). */
  async exportOne(name: string, format: 'json' | 'cypher', engine: EngineName = this.engine): Promise<ExportedFile> {
    const def = await this.find(name);
    if (format === 'json') {
      return { filename: `${name}.json`, contentType: 'application/json; charset=utf-8', body: `${JSON.stringify(toQueryFile(def), null, 2)}\n` };
    }
    const body = renderQueryText(def, engine);
    if (!body) throw notFound(`Query "${name}" has no Cypher for ${engine}.`, [{ field: 'engine', value: engine }]);
    const portable = def.cypher.kuzu === def.cypher.neo4j;
    return { filename: portable ? `${name}.cypher` : `${name}.${engine}.cypher`, contentType: 'text/plain; charset=utf-8', body };
  }

  /** Every user query (or every query) in one bundle. */
  async exportBundle(scope: 'user' | 'all'): Promise<QueryBundle> {
    const defs = [...(scope === 'all' ? this.builtIns.values() : []), ...(await this.userQueries())];
    return { format: 'rolepath.saved-queries', version: 1, exportedAt: this.now(), engine: this.engine, queries: defs.map(toQueryFile) };
  }

  /**
   * Imports query files (JSON, already schema-checked) or one `.cypher` text.
   * Everything is checked before anything is stored; names of built-in
   * queries are skipped (a bundle exported with scope=all holds them).
   * @throws AppError 400 listing every unreadable query, 403 when one would write
   */
  async import(input: QueryFile[] | string): Promise<ImportResponse> {
    let defs: QueryDefinition[];
    try {
      defs = typeof input === 'string' ? [parseQueryText(input)] : input.map(fromQueryFile);
    } catch (err) {
      if (err instanceof QueryFileError) throw invalidRequest(`Cannot import: ${err.message}`, [{ field: 'body', message: err.message }]);
      throw err;
    }
    const names = defs.map((d) => d.name);
    const dup = names.find((n, i) => names.indexOf(n) !== i);
    if (dup) throw invalidRequest(`Cannot import: query "${dup}" appears twice.`, [{ field: 'body', name: dup }]);
    const result: ImportResponse = { created: [], replaced: [], skipped: [] };
    const toStore = defs.filter((d) => {
      if (!this.builtIns.has(d.name)) return true;
      result.skipped.push({ name: d.name, reason: 'a built-in query has this name' });
      return false;
    });
    for (const def of toStore) this.checkDefinition(def);
    for (const def of toStore) {
      const { created } = await this.store_(def);
      (created ? result.created : result.replaced).push(def.name);
    }
    return result;
  }

  /** Stores a user query after every check. */
  private async store_(def: QueryDefinition): Promise<{ created: boolean }> {
    if (this.builtIns.has(def.name)) {
      throw forbidden('builtin_query', `"${def.name}" is a built-in query and cannot be overwritten; save it under another name.`, [
        { field: 'name', value: def.name },
      ]);
    }
    this.checkDefinition(def);
    const existing = (await this.userQueries()).find((q) => q.name === def.name);
    await this.store.saveUserQuery(toStored({ ...def, createdAt: existing?.createdAt }, this.now()));
    return { created: !existing };
  }

  /** Every dialect of a query is read-only and uses exactly the parameters it declares. */
  private checkDefinition(def: QueryDefinition): void {
    for (const [engine, text] of Object.entries(def.cypher)) {
      this.guard(text, `Query "${def.name}" (${engine}) cannot be saved: `);
      const used = parameterNames(text);
      const declared = def.params.map((p) => p.name);
      const undeclared = used.filter((p) => !declared.includes(p));
      const unused = declared.filter((p) => !used.includes(p));
      if (undeclared.length > 0 || unused.length > 0) {
        const parts = [
          ...(undeclared.length ? [`uses undeclared parameters ${undeclared.map((p) => `$${p}`).join(', ')}`] : []),
          ...(unused.length ? [`declares unused parameters ${unused.join(', ')}`] : []),
        ];
        throw invalidRequest(`Query "${def.name}" (${engine}) ${parts.join(' and ')}.`, [{ field: 'params', undeclared, unused }]);
      }
    }
  }

  /** The statement to run, or 403 saying what in it is not read-only. */
  private guard(text: string, prefix = ''): string {
    const checked = checkReadOnly(text);
    if (checked.ok) return checked.statement;
    const { violation } = checked;
    if (violation.reason === 'empty') throw invalidRequest(`${prefix}${violation.message}`, [{ field: 'cypher', message: violation.message }]);
    throw forbidden('read_only', `${prefix}${violation.message}`, [
      { field: 'cypher', reason: violation.reason, keyword: violation.keyword, line: violation.line, column: violation.column },
    ]);
  }

  /** Declared parameters with defaults filled in and values checked; role ids must exist. */
  private async checkParams(specs: readonly ParamSpec[], raw: Record<string, unknown>): Promise<QueryParams> {
    const details: { field: string; message: string }[] = [];
    const declared = new Set(specs.map((s) => s.name));
    for (const key of Object.keys(raw)) {
      if (!declared.has(key)) {
        details.push({ field: `params.${key}`, message: `unknown parameter (this query takes ${specs.map((s) => s.name).join(', ') || 'none'})` });
      }
    }
    const params: QueryParams = {};
    const roleIds: { field: string; id: string }[] = [];
    for (const spec of specs) {
      const given = raw[spec.name];
      const value = given === undefined || given === null || given === '' ? spec.default : given;
      if (value === undefined) {
        details.push({ field: `params.${spec.name}`, message: `is required (${spec.type})` });
        continue;
      }
      const checked = checkValue(spec, value);
      if ('error' in checked) {
        details.push({ field: `params.${spec.name}`, message: checked.error });
        continue;
      }
      params[spec.name] = checked.value;
      if (spec.type === 'role-id') roleIds.push({ field: `params.${spec.name}`, id: checked.value as string });
      if (spec.type === 'role-id[]') for (const id of checked.value as string[]) roleIds.push({ field: `params.${spec.name}`, id });
    }
    if (roleIds.length > 0) {
      const { rolesById } = await this.snapshots.get();
      for (const { field, id } of roleIds) if (!rolesById.has(id)) details.push({ field, message: `no role with id "${id}"` });
    }
    if (details.length > 0) {
      throw invalidRequest(`Invalid query parameter: ${[...new Set(details.map((d) => d.field))].join(', ')}`, details);
    }
    return params;
  }

  private async execute(statement: string, params: QueryParams): Promise<RunResponse> {
    const started = performance.now();
    try {
      const result = await this.store.runReadOnly(statement, params, this.limits);
      const elements = resultElements(result.rows, result.related);
      return {
        columns: result.columns,
        rows: result.rows,
        graph: elements ? { elements } : null,
        truncated: result.truncated,
        rowCount: result.rows.length,
        ms: Math.round(performance.now() - started),
        limits: { ...this.limits },
      };
    } catch (err) {
      throw err instanceof CypherRunError ? this.toAppError(err, performance.now() - started) : err;
    }
  }

  private toAppError(err: CypherRunError, ms: number): AppError {
    const at = err.position ? [{ field: 'cypher', ...err.position }] : [];
    switch (err.kind) {
      case 'syntax':
        return new AppError(400, 'cypher_syntax', `Syntax error: ${err.message}`, at);
      case 'semantic':
      case 'runtime':
        return new AppError(400, 'cypher_error', err.message, at);
      case 'read-only':
      case 'multiple-statements':
        return forbidden('read_only', `The database refused this query: only single read-only statements can run here. (${err.message})`, [
          { field: 'cypher', reason: err.kind },
        ]);
      case 'timeout':
        return queryTimeout(
          `The query ran longer than the ${this.limits.timeoutMs} ms limit and was stopped. Narrow it (fewer hops, a LIMIT) or raise QUERY_TIMEOUT_MS.`,
          [{ limit: 'timeoutMs', value: this.limits.timeoutMs, ms: Math.round(ms) }],
        );
      case 'resources':
        return new AppError(422, 'query_too_large', `The query needed more memory than allowed: ${err.message}`, [{ limit: 'memory' }]);
      case 'too-large': {
        const value = this.limits.resultBytes ?? DEFAULT_RESULT_BYTES;
        return new AppError(413, 'result_too_large', err.message, [{ limit: 'resultBytes', value }]);
      }
      case 'unavailable':
        return storeUnavailable(err.message);
    }
  }

  private async find(name: string): Promise<QueryDefinition> {
    const def = this.builtIns.get(name) ?? (await this.userQueries()).find((q) => q.name === name);
    if (!def) throw notFound(`No saved query named "${name}".`, [{ field: 'name', value: name }]);
    return def;
  }

  /** User queries from the store; one whose stored parameters no longer parse is left out rather than breaking the list. */
  private async userQueries(): Promise<QueryDefinition[]> {
    const stored = await this.store.listUserQueries();
    return stored.flatMap((q) => {
      try {
        return [fromStored(q)];
      } catch {
        return [];
      }
    });
  }

  private summary(def: QueryDefinition): SavedQuerySummary {
    return {
      ...queryHeader(def),
      builtIn: def.builtIn,
      engines: ENGINES.filter((e) => def.cypher[e]),
      runnable: Boolean(def.cypher[this.engine]),
      ...(def.createdAt ? { createdAt: def.createdAt, updatedAt: def.updatedAt } : {}),
    };
  }
}
