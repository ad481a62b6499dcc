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
import { parseArgs } from 'node:util';
import { importQuery, type ImportQuery, type ImportReport } from '../contract/imports.js';
import { ConfigError, loadConfig, type EngineConfig } from '../config.js';
import type { GraphStore } from '../db/graph-store.js';
import { AppError } from '../errors.js';
import { parseOrThrow } from '../http/validate.js';
import { readFileChunks } from '../services/imports/file-source.js';
import { ImportService } from '../services/imports/import-service.js';
import { formatImportReport, ProgressBar } from './import-format.js';

const USAGE =
  'Usage: npm run import -- FILE --kind histories|transitions|roles --dataset NAME [--dry-run] [--create-roles] [--encoding auto|utf-8|shift_jis] [--format auto|csv|tsv|ndjson] [--min-count K] [--json]';

/** Read size for the file: large chunks keep per-chunk overhead negligible on big files. */
const CHUNK = 1 << 20;

/** Is a rolepath server listening at `base`? */
async function serverIsUp(base: string): Promise<boolean> {
  try {
    const res = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(2000) });
    const body = (await res.json().catch(() => null)) as { engine?: unknown; error?: unknown } | null;
    return Boolean(body && (body.engine || body.error));
  } catch {
    return false;
  }
}

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

/**
 * Opens the configured store. The engine's module is loaded only when needed:
 * loading neo4j-driver alone took ~270 ms here, a quarter of a small import.
 */
async function openStore(engine: EngineConfig): Promise<GraphStore> {
  if (engine.engine === 'neo4j') return (await import('../db/index.js')).openGraphStore(engine);
  const { KuzuGraphStore } = await import('../db/kuzu/kuzu-store.js');
  // A smaller buffer pool than Kùzu's default (a share of all memory): an import writes aggregates only,
  // and the pool's start-up allocation measured ~40 MB more at the default here.
  const store = new KuzuGraphStore({ path: engine.path, bufferPoolBytes: 256 * 1024 * 1024 });
  try {
    await store.init();
  } catch (err) {
    await store.close().catch(() => undefined);
    throw err;
  }
  return store;
}

/** Opens the configured store in this process and imports there. */
async function directly(file: string, query: ImportQuery, bar: ProgressBar): Promise<ImportReport> {
  const store = await openStore(loadConfig().store);
  try {
    return await new ImportService(store).run(readFileChunks(file, CHUNK), query, (bytes) => bar.update(bytes));
  } finally {
    await store.close();
  }
}

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        kind: { type: 'string' },
        dataset: { type: 'string' },
        'dry-run': { type: 'boolean' },
        'create-roles': { type: 'boolean' },
        encoding: { type: 'string' },
        format: { type: 'string' },
        'min-count': { type: 'string' },
        json: { type: 'boolean' },
      },
      strict: true,
    });
  } catch (err) {
    console.error(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) {
    console.error(`Give exactly one file to import.\n${USAGE}`);
    return 2;
  }
  const file = positionals[0]!;
  const raw: Record<string, string> = {};
  for (const [opt, param] of [
    ['kind', 'kind'],
    ['dataset', 'dataset'],
    ['encoding', 'encoding'],
    ['format', 'format'],
    ['min-count', 'minCount'],
  ] as const) {
    const v = values[opt];
    if (typeof v === 'string') raw[param] = v;
  }
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
    const base = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${config.port}`;
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
    if (err instanceof ConfigError) console.error(err.message);
    else if (err instanceof AppError) {
      const fields = (err.details as { field?: string; message?: string }[])
        .map((d) => (d.field ? `  --${d.field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ${d.message ?? ''}` : ''))
        .filter(Boolean);
      console.error([err.message, ...fields].join('\n'));
    } else console.error(`import failed: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}

process.exitCode = await main();
