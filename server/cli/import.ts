/**
 * `npm run import -- FILE --kind histories|transitions|roles --dataset NAME
 * [--dry-run] [--create-roles] [--encoding auto|utf-8|shift_jis]
 * [--format auto|csv|tsv|ndjson] [--min-count K] [--json]`
 *
 * An embedded Kùzu database takes one writing process at a time, so when the
 * server is running (it answers /api/health on HOST:PORT) the file goes
 * through it — `POST /api/imports` with ADMIN_TOKEN, streamed — and the server
 * sees the new dataset at once. Otherwise this process opens the store and
 * imports directly. Prints the report; exit code 0 when the file was
 * imported (or, on a dry run, would be), 1 when it was rejected or failed.
 */
import { createReadStream, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import { importQuery, type ImportQuery, type ImportReport } from '../contract/imports.js';
import { loadConfig } from '../config.js';
import { AppError } from '../errors.js';
import { parseOrThrow } from '../validate.js';
import { readFileChunks } from '../services/imports/file-source.js';
import { ImportService } from '../services/imports/import-service.js';
import { printError, readOptions, serverBase, serverIsUp, toParams, withLocalStore } from './common.js';
import { formatImportReport, ProgressBar } from './import-format.js';

const USAGE =
  'Usage: npm run import -- FILE --kind histories|transitions|roles --dataset NAME [--dry-run] [--create-roles] [--encoding auto|utf-8|shift_jis] [--format auto|csv|tsv|ndjson] [--min-count K] [--json]';

/** Read size for the file: large chunks keep per-chunk overhead negligible on big files. */
const CHUNK = 1 << 20;

/** Sends the file to the running server; returns its report. */
async function viaServer(base: string, file: string, search: URLSearchParams, token: string | undefined, bar: ProgressBar): Promise<ImportReport> {
  if (!token) {
    throw new AppError(
      403,
      'admin_token_missing',
      `A rolepath server is running at ${base} and holds the database, so the import must go through it, which needs the admin token: set ADMIN_TOKEN to the server's token (or stop the server to import directly).`,
    );
  }
  let sent = 0;
  const stream = createReadStream(file, { highWaterMark: CHUNK });
  stream.on('data', (chunk) => {
    sent += chunk.length;
    bar.update(sent);
  });
  const res = await fetch(`${base}/api/imports?${search}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream', 'content-length': String(statSync(file).size) },
    body: Readable.toWeb(stream) as ReadableStream<Uint8Array>,
    duplex: 'half',
  } as RequestInit);
  const body = (await res.json()) as ImportReport | { error: { code: string; message: string; details: unknown[] }; report?: ImportReport };
  if ('error' in body) {
    if (body.report) return body.report;
    throw new AppError(res.status, body.error.code, body.error.message, body.error.details);
  }
  return body;
}

/** Opens the configured store in this process and imports there. */
async function directly(file: string, query: ImportQuery, bar: ProgressBar): Promise<ImportReport> {
  // A smaller Kùzu buffer pool than its default (a share of all memory): an import writes aggregates only,
  // and the pool's start-up allocation measured ~40 MB more at the default here.
  return withLocalStore(
    loadConfig().store,
    (store) => new ImportService(store).run(readFileChunks(file, CHUNK), query, (bytes) => bar.update(bytes)),
    { kuzuBufferPoolBytes: 256 * 1024 * 1024 },
  );
}

async function main(): Promise<number> {
  const parsed = readOptions(
    {
      kind: { type: 'string' },
      dataset: { type: 'string' },
      'dry-run': { type: 'boolean' },
      'create-roles': { type: 'boolean' },
      encoding: { type: 'string' },
      format: { type: 'string' },
      'min-count': { type: 'string' },
      json: { type: 'boolean' },
    },
    USAGE,
    true,
  );
  if (!parsed) return 2;
  const { values, positionals } = parsed;
  if (positionals.length !== 1) {
    console.error(`Give exactly one file to import.\n${USAGE}`);
    return 2;
  }
  const file = positionals[0]!;
  const raw = toParams(values, [
    ['kind', 'kind'],
    ['dataset', 'dataset'],
    ['encoding', 'encoding'],
    ['format', 'format'],
    ['min-count', 'minCount'],
  ]);
  if (values['dry-run']) raw.dryRun = 'true';
  if (values['create-roles']) raw.createRoles = 'true';
  try {
    const config = loadConfig();
    const query = parseOrThrow(importQuery, raw, 'option');
    let size: number;
    try {
      const stat = statSync(file);
      // Checked here: a directory would otherwise fail mid-upload as "fetch failed" (EISDIR in the body stream).
      if (stat.isDirectory()) throw new AppError(400, 'not_a_file', `${file} is a directory: give one file to import (a CSV, TSV or NDJSON file), e.g. ${file.replace(/\/+$/, '')}/histories.csv.`);
      if (!stat.isFile()) throw new AppError(400, 'not_a_file', `${file} is not a regular file: give one file to import.`);
      size = stat.size;
    } catch (err) {
      if (err instanceof AppError) throw err;
      throw new AppError(400, 'no_file', `Cannot read ${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : err instanceof Error ? err.message : String(err)}.`);
    }
    const bar = new ProgressBar(size, `importing ${file}`);
    const base = serverBase(config);
    const up = await serverIsUp(base);
    let report: ImportReport;
    try {
      report = up ? await viaServer(base, file, new URLSearchParams(raw), config.adminToken, bar) : await directly(file, query, bar);
    } finally {
      bar.done();
    }
    console.log(values.json ? JSON.stringify(report, null, 2) : formatImportReport(report, up ? 'server' : 'direct'));
    return report.ok ? 0 : 1;
  } catch (err) {
    return printError(err, 'import');
  }
}

process.exitCode = await main();
