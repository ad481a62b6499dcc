/**
 * Saved queries as definitions and as files: the built-in `cypher/saved/`
 * files, `.cypher` files with a `// key: value` header, and the JSON file
 * formats of the contract (one query, or a bundle).
 *
 * Header of a saved query (keys as in cypher/saved/):
 *
 *     // name: reachable-within
 *     // title: Where can this role go within N moves?
 *     // titleJa: N回の異動・転職でどこへ行けるか
 *     // description: …            (one line)
 *     // descriptionJa: …          (optional)
 *     // params: role: role-id = customer-support, hops: int 1..4 = 2
 *     // columns: role, id, name, nameJa, family, moves
 *     // engine: kuzu             (only in exported dialect-specific files)
 */
import type { EngineName } from '../../db/graph-store.js';
import { parseCypherFile } from '../../cypher-text/cypher-file.js';
import { loadSavedQueryFiles, type SavedQueryFile } from './saved-files.js';
import type { StoredQuery } from '../../db/query-types.js';
import { ENGINES, queryName, type ParamSpec, type QueryFile } from '../../contract/queries.js';
import { checkSpecs, formatParamSpecs, parseParamSpecs } from './param-spec.js';

/** A saved query, built-in or user-made, as the service handles it. */
export interface QueryDefinition {
  name: string;
  title: string;
  titleJa: string;
  description: string;
  descriptionJa: string;
  params: ParamSpec[];
  columns: string[];
  cypher: Partial<Record<EngineName, string>>;
  builtIn: boolean;
  createdAt?: string;
  updatedAt?: string;
}

/** A query file that cannot be read; the message names the file or query and the problem. */
export class QueryFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QueryFileError';
  }
}

const splitList = (s: string | undefined): string[] =>
  !s || s.trim() === '(none)' ? [] : s.split(',').map((x) => x.trim()).filter(Boolean);

/** The metadata of a parsed header (everything but the Cypher). */
function fromHeader(header: Record<string, string>, where: string): Omit<QueryDefinition, 'cypher' | 'builtIn'> {
  const name = header.name ?? '';
  if (!queryName.safeParse(name).success) throw new QueryFileError(`${where}: the header needs "// name: <lowercase-hyphenated-name>" (got "${name}")`);
  if (!header.title) throw new QueryFileError(`${where}: the header needs "// title: …"`);
  let params: ParamSpec[];
  try {
    params = parseParamSpecs(header.params ?? '');
  } catch (err) {
    throw new QueryFileError(`${where}: ${(err as Error).message}`);
  }
  return {
    name,
    title: header.title,
    titleJa: header.titleja ?? '',
    description: header.description === '(none)' ? '' : (header.description ?? ''),
    descriptionJa: header.descriptionja ?? '',
    params,
    columns: splitList(header.columns),
  };
}

/**
 * A built-in query from its file(s). Dialect variants must agree on every
 * header field, so the library reads the same whichever engine runs.
 * @throws QueryFileError
 */
export function fromSavedQueryFile(file: SavedQueryFile): QueryDefinition {
  const variants = ENGINES.flatMap((e) => (file.variants[e] ? [[e, file.variants[e]] as const] : []));
  const [first] = variants;
  if (!first) throw new QueryFileError(`${file.name}: no Cypher file`);
  const meta = fromHeader(first[1].header, first[1].file);
  if (meta.name !== file.name) throw new QueryFileError(`${first[1].file}: the header names "${meta.name}", the file "${file.name}"`);
  const cypher: QueryDefinition['cypher'] = {};
  for (const [engine, variant] of variants) {
    const other = fromHeader(variant.header, variant.file);
    if (JSON.stringify(other) !== JSON.stringify(meta)) throw new QueryFileError(`${variant.file}: its header differs from ${first[1].file}`);
    if (!variant.text) throw new QueryFileError(`${variant.file}: no Cypher after the header`);
    cypher[engine] = variant.text;
  }
  return { ...meta, cypher, builtIn: true };
}

/**
 * The built-in library of `cypher/saved/` (or `dir`), parsed and checked.
 * @throws QueryFileError for the first unreadable file (start-up fails fast)
 */
export function loadBuiltInQueries(dir?: string): QueryDefinition[] {
  return loadSavedQueryFiles(dir).map(fromSavedQueryFile);
}

/**
 * A `.cypher` file with a header (as exported). Without `// engine:` the text
 * counts for both engines.
 * @throws QueryFileError
 */
export function parseQueryText(source: string): QueryDefinition {
  const { header, text } = parseCypherFile(source);
  const meta = fromHeader(header, header.name ? `query ${header.name}` : 'the .cypher file');
  if (!text) throw new QueryFileError(`query ${meta.name}: no Cypher after the header`);
  const engine = header.engine?.trim();
  if (engine && !(ENGINES as readonly string[]).includes(engine)) throw new QueryFileError(`query ${meta.name}: engine must be kuzu or neo4j`);
  const cypher = engine ? { [engine]: text } : { kuzu: text, neo4j: text };
  return { ...meta, cypher, builtIn: false };
}

const oneLine = (s: string) => s.replace(/[\r\n]+/g, ' ');

/** A `.cypher` file with header for one dialect (`engine` omitted when both dialects have the same text). */
export function renderQueryText(def: QueryDefinition, engine: EngineName): string | null {
  const text = def.cypher[engine];
  if (!text) return null;
  const portable = def.cypher.kuzu === def.cypher.neo4j;
  const lines = [
    `// name: ${def.name}`,
    `// title: ${oneLine(def.title)}`,
    ...(def.titleJa ? [`// titleJa: ${oneLine(def.titleJa)}`] : []),
    `// description: ${oneLine(def.description) || '(none)'}`,
    ...(def.descriptionJa ? [`// descriptionJa: ${oneLine(def.descriptionJa)}`] : []),
    `// params: ${formatParamSpecs(def.params)}`,
    `// columns: ${def.columns.join(', ') || '(none)'}`,
    ...(portable ? [] : [`// engine: ${engine}`]),
  ];
  return `${lines.join('\n')}\n${text.trim()}\n`;
}

/** What a query says about itself: name, titles, descriptions, parameters and columns. */
export function queryHeader(def: QueryDefinition): Pick<QueryDefinition, 'name' | 'title' | 'titleJa' | 'description' | 'descriptionJa' | 'params' | 'columns'> {
  const { name, title, titleJa, description, descriptionJa, params, columns } = def;
  return { name, title, titleJa, description, descriptionJa, params, columns };
}

/** The JSON file of one query. */
export function toQueryFile(def: QueryDefinition): QueryFile {
  return { format: 'rolepath.saved-query', version: 1, ...queryHeader(def), cypher: { ...def.cypher } };
}

/** A definition from a (schema-validated) JSON query file. @throws QueryFileError */
export function fromQueryFile(file: QueryFile): QueryDefinition {
  let params: ParamSpec[];
  try {
    params = typeof file.params === 'string' ? parseParamSpecs(file.params) : checkSpecs(file.params);
  } catch (err) {
    throw new QueryFileError(`query ${file.name}: ${(err as Error).message}`);
  }
  const cypher: QueryDefinition['cypher'] = {};
  if (file.cypher.kuzu) cypher.kuzu = file.cypher.kuzu;
  if (file.cypher.neo4j) cypher.neo4j = file.cypher.neo4j;
  const { name, title, titleJa, description, descriptionJa, columns } = file;
  return { name, title, titleJa, description, descriptionJa, params, columns, cypher, builtIn: false };
}

/** A user query as stored in the graph database. @throws QueryFileError when its stored params cannot be read */
export function fromStored(q: StoredQuery): QueryDefinition {
  let params: ParamSpec[];
  try {
    params = parseParamSpecs(q.params);
  } catch (err) {
    throw new QueryFileError(`stored query ${q.name}: ${(err as Error).message}`);
  }
  return { ...q, params, builtIn: false };
}

/** A user query for storing. */
export function toStored(def: QueryDefinition, now: string): StoredQuery {
  return {
    name: def.name,
    title: def.title,
    titleJa: def.titleJa,
    description: def.description,
    descriptionJa: def.descriptionJa,
    params: formatParamSpecs(def.params),
    columns: def.columns,
    cypher: def.cypher,
    createdAt: def.createdAt ?? now,
    updatedAt: now,
  };
}
