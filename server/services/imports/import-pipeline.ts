/**
 * One import from bytes to a report: decode (UTF-8 or Shift_JIS), detect the
 * format (NDJSON, or CSV/TSV by the header's delimiter), stream the rows
 * through the importer for the kind, and assemble the report and — when the
 * file has no errors — what to write. Pure apart from reading the source: the
 * caller (ImportService) does the writing.
 */
import type { Role } from '../../contract/graph-data.js';
import type { ImportEncoding, ImportFormat, ImportKind, ImportReport } from '../../contract/imports.js';
import type { Lang } from '../../contract/lang.js';
import type { ImportWrite } from '../../db/import-write.js';
import { normaliseHeader } from './columns.js';
import { COMMA, DelimitedParser, detectDelimiter, TAB } from './delimited-parser.js';
import { EncodingError, toUtf8, type DecodeState } from './encoding.js';
import { HistoryImporter } from './histories.js';
import type { ImportContext, Importer } from './kind-importer.js';
import { DEFAULT_ISSUE_LIMIT, IssueList } from './issues.js';
import { say } from './messages.js';
import { NdjsonParser } from './ndjson-parser.js';
import type { DelimitedRecord } from './record-view.js';
import { RoleMatcher } from './role-matcher.js';
import { RoleCatalogueImporter } from './roles.js';
import { TransitionTableImporter } from './transitions.js';

export interface RunImportOptions {
  kind: ImportKind;
  dataset: string;
  dryRun: boolean;
  createRoles: boolean;
  encoding: ImportEncoding;
  format: ImportFormat;
  /** The privacy threshold k for this dataset (already resolved by the caller). */
  minCount: number;
  /** Issues listed per kind (default 100). */
  issueLimit?: number;
  /** Told the number of file bytes read so far, once per chunk. */
  onProgress?: (bytes: number) => void;
  /** The language of the report's reasons (default English). */
  lang?: Lang;
  /** The clock for `importedAt`. */
  now?: () => Date;
}

export interface ImportRun {
  report: ImportReport;
  /** What to write; null when the file has errors. */
  write: ImportWrite | null;
}

/** Reads a whole import file from `source` and returns its report and aggregates. */
export async function runImport(source: AsyncIterable<Uint8Array>, options: RunImportOptions, storedRoles: readonly Role[]): Promise<ImportRun> {
  const started = performance.now();
  const issues = new IssueList(options.issueLimit ?? DEFAULT_ISSUE_LIMIT);
  const minCount = options.kind === 'roles' ? 1 : options.minCount;
  const ctx: ImportContext = { dataset: options.dataset, minCount, createRoles: options.createRoles, matcher: new RoleMatcher(storedRoles), issues };
  const importer: Importer =
    options.kind === 'histories' ? new HistoryImporter(ctx) : options.kind === 'transitions' ? new TransitionTableImporter(ctx) : new RoleCatalogueImporter(ctx);

  const state: DecodeState = { encoding: 'utf-8', bytesIn: 0 };
  let format: 'csv' | 'tsv' | 'ndjson' = options.format === 'tsv' ? 'tsv' : options.format === 'ndjson' ? 'ndjson' : 'csv';
  let rowsRead = 0;
  let sawHeader = false;
  let parser: { push(chunk: Buffer): void; end(): void } | null = null;

  let header: string[] = [];
  // Whether the current or the previous chunk holds a byte-order mark: only then are fields searched for one.
  let bomNear = false;
  const onDelimited = (rec: DelimitedRecord) => {
    if (!sawHeader) {
      sawHeader = true;
      const columns: string[] = [];
      for (let i = 0; i < rec.count; i++) columns.push((rec.text(i) ?? '').trim());
      header = columns;
      // The file's own BOM is gone by now (encoding.ts); one left at the start of the header is harmless.
      if (bomNear && strayBom(rec, header, issues, 1)) return;
      checkDuplicateColumns(columns, rec.line, issues);
      importer.header(columns, rec.line);
      return;
    }
    rowsRead++;
    if (bomNear && strayBom(rec, header, issues, 0)) return;
    importer.row(rec);
  };
  const start = (first: Buffer) => {
    let p = 0;
    while (p < first.length && (first[p] === 0x20 || first[p] === 0x0a || first[p] === 0x0d || first[p] === 0x09)) p++;
    if (options.format === 'ndjson' || (options.format === 'auto' && first[p] === 0x7b /* { */)) {
      format = 'ndjson';
      return new NdjsonParser(
        (columns) => {
          sawHeader = true;
          importer.header(columns, 1);
        },
        (rec) => {
          rowsRead++;
          importer.row(rec);
        },
        (problem) => {
          if (problem.warning) issues.warning({ line: problem.line }, problem.said);
          else {
            rowsRead++;
            issues.error({ line: problem.line }, problem.said);
          }
        },
      );
    }
    const delimiter = options.format === 'tsv' ? TAB : options.format === 'csv' ? COMMA : detectDelimiter(first);
    format = delimiter === TAB ? 'tsv' : 'csv';
    return new DelimitedParser(delimiter, onDelimited);
  };

  const bomScan = new BomScan();
  // The event loop gets a turn whenever a stretch of work passes 20 ms: chunks are parsed in pieces of
  // 16 KB (a piece of rows naming unknown roles costs a few ms), and a source whose bytes are all there
  // already (a buffered upload) would otherwise run chunk after chunk without a break.
  let sliceStart = performance.now();
  try {
    for await (const chunk of toUtf8(source, options.encoding, state)) {
      bomNear = bomScan.next(chunk);
      parser ??= start(chunk);
      for (let at = 0; at < chunk.length; at += PIECE) {
        parser.push(chunk.length <= PIECE ? chunk : chunk.subarray(at, at + PIECE));
        if (performance.now() - sliceStart > SLICE_MS) {
          await new Promise<void>((resolve) => setImmediate(resolve));
          sliceStart = performance.now();
        }
      }
      options.onProgress?.(state.bytesIn);
    }
    parser?.end();
  } catch (err) {
    if (!(err instanceof EncodingError)) throw err;
    issues.error({ line: 0 }, err.said);
  }
  if (!sawHeader && !issues.hasErrors) issues.error({ line: 0 }, say('emptyFile'));
  else if (sawHeader && rowsRead === 0 && !issues.hasErrors) issues.error({ line: 0 }, say('noRows'));

  await ctx.matcher.fillSuggestions();
  const outcome = importer.finish();
  const ok = !issues.hasErrors;
  // Reasons name roles by their names in the report's language (ids stay in the machine-readable fields).
  const lang = options.lang ?? 'en';
  const byId = new Map(ctx.matcher.roles.map((r) => [r.id, r]));
  const { errors, warnings } = issues.sorted({ lang, role: (id) => (lang === 'ja' ? byId.get(id)?.nameJa : byId.get(id)?.name) ?? id });
  const transitions = outcome.transitions ?? [];
  const unit = options.kind === 'roles' ? null : options.kind === 'histories' ? 'people' : (outcome.unit ?? 'people');
  const report: ImportReport = {
    kind: options.kind,
    dataset: options.dataset,
    dryRun: options.dryRun,
    ok,
    written: false,
    format,
    encoding: state.encoding,
    minCount,
    unit,
    rowsRead,
    rejected: issues.rejected,
    people: outcome.people,
    stints: outcome.stints,
    newRoles: outcome.newRoles.map((r) => ({ id: r.id, name: r.name })),
    updatedRoles: outcome.updatedRoles,
    changedRoles: (outcome.changedRoles ?? []).slice(0, options.issueLimit ?? DEFAULT_ISSUE_LIMIT),
    moreChangedRoles: Math.max(0, (outcome.changedRoles ?? []).length - (options.issueLimit ?? DEFAULT_ISSUE_LIMIT)),
    transitions: transitions.length,
    routes: outcome.routes.length,
    suppressed: outcome.suppressed,
    unknownRoles: outcome.unknownRoles,
    errors,
    moreErrors: issues.moreErrors,
    warnings,
    moreWarnings: issues.moreWarnings,
    bytes: state.bytesIn,
    ms: 0,
  };
  let write: ImportWrite | null = null;
  if (ok) {
    write = {
      dataset:
        outcome.transitions === null
          ? null
          : {
              name: options.dataset,
              kind: options.kind === 'histories' ? 'histories' : 'transitions',
              unit: unit ?? 'people',
              minCount,
              importedAt: (options.now?.() ?? new Date()).toISOString(),
              rowsRead,
              people: outcome.people,
              stints: outcome.stints,
              transitions: transitions.length,
              routes: outcome.routes.length,
              suppressedTransitions: outcome.suppressed.transitions,
              suppressedRoutes: outcome.suppressed.routes,
            },
      roles: outcome.roles,
      transitions,
      routes: outcome.routes,
    };
  }
  report.ms = Math.round(performance.now() - started);
  return { report, write };
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
/** Bytes parsed before the clock is looked at. */
const PIECE = 16 * 1024;
/** Longest stretch of parsing before the event loop gets a turn. */
const SLICE_MS = 20;

/** Tells, chunk by chunk, whether a byte-order mark is in this chunk or the one before (a row may straddle two). */
class BomScan {
  private previous = false;
  private tail = Buffer.alloc(0);

  next(chunk: Uint8Array): boolean {
    const buf = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const here = buf.indexOf(BOM) >= 0 || (this.tail.length > 0 && Buffer.concat([this.tail, buf.subarray(0, 2)]).indexOf(BOM) >= 0);
    const near = here || this.previous;
    this.previous = here;
    // Copied: the chunk's buffer may be reused for the next one.
    this.tail = Buffer.from(buf.subarray(Math.max(0, buf.length - 2)));
    return near;
  }
}

/**
 * A byte-order mark inside a row (from `skipFirst` on): an error naming the
 * line and column, since it usually means two files were joined and would
 * otherwise make a phantom person or role. Returns whether it found one.
 */
function strayBom(rec: DelimitedRecord, header: readonly string[], issues: IssueList, skipFirst: number): boolean {
  let found = false;
  for (let i = 0; i < rec.count; i++) {
    const text = rec.text(i);
    if (text === undefined) continue;
    const at = text.indexOf('\uFEFF', i === 0 ? skipFirst : 0);
    if (at < 0) continue;
    found = true;
    issues.error({ line: rec.line, column: header[i] || `column ${i + 1}`, value: text.replace(/\uFEFF/g, '<BOM>').slice(0, 80) }, say('strayBom', { column: i + 1 }));
  }
  return found;
}

/** A header naming one column twice (`person_id,seq,role,role`) is an error: which one is meant is anybody's guess. */
function checkDuplicateColumns(columns: readonly string[], line: number, issues: IssueList): void {
  const seen = new Map<string, number>();
  columns.forEach((name, i) => {
    const key = normaliseHeader(name);
    if (!key) return;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, i);
    else issues.error({ line, column: name }, say('duplicateColumn', { name, first: first + 1, second: i + 1 }));
  });
}

/** Reads an in-memory file (tests, small uploads) as a source. */
export async function* bytesSource(bytes: Uint8Array | string, chunkSize = 1 << 20): AsyncGenerator<Uint8Array> {
  const b = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
  for (let i = 0; i < b.length; i += chunkSize) yield b.subarray(i, i + chunkSize);
}
