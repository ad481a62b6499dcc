/**
 * `npm run import -- FILE --kind histories|transitions|roles --dataset NAME
 * [--dry-run] [--create-roles] [--encoding auto|utf-8|shift_jis]
 * [--format auto|csv|tsv|ndjson] [--min-count K] [--lang en|ja] [--json]`
 *
 * An embedded Kùzu database takes one writing process at a time, so when the
 * server is running (it answers /api/health on HOST:PORT) the file goes
 * through it — `POST /api/imports` with ADMIN_TOKEN, streamed — and the server
 * sees the new dataset at once. Otherwise this process opens the store and
 * imports directly. Prints the report; exit code 0 when the file was
 * imported (or, on a dry run, would be), 1 when it was rejected or failed.
 * `--lang ja` gives the report (its lines and every problem's reason) and the
 * messages in Japanese; anything else is English, as on the API.
 */
import { createReadStream, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import { importQuery, type ImportQuery, type ImportReport } from '../contract/imports.js';
import { toLang, type Lang } from '../contract/lang.js';
import { loadConfig } from '../config.js';
import { AppError } from '../errors.js';
import { parseOrThrow } from '../validate.js';
import { readFileChunks } from '../services/imports/file-source.js';
import { ImportService } from '../services/imports/import-service.js';
import { printError, readOptions, serverBase, serverIsUp, toParams, withLocalStore } from './common.js';
import { formatImportReport, ProgressBar } from './import-format.js';

const USAGE =
  'Usage: npm run import -- FILE --kind histories|transitions|roles --dataset NAME [--dry-run] [--create-roles] [--encoding auto|utf-8|shift_jis] [--format auto|csv|tsv|ndjson] [--min-count K] [--lang en|ja] [--json]';

/** What this command says itself, in each language (the report's reasons come from the import). */
const SAY = {
  en: {
    oneFile: 'Give exactly one file to import.',
    noToken: (base: string) =>
      `A rolepath server is running at ${base} and holds the database, so the import must go through it, which needs the admin token: set ADMIN_TOKEN to the server's token (or stop the server to import directly).`,
    directory: (file: string) => `${file} is a directory: give one file to import (a CSV, TSV or NDJSON file), e.g. ${file.replace(/\/+$/, '')}/histories.csv.`,
    notAFile: (file: string) => `${file} is not a regular file: give one file to import.`,
    cannotRead: (file: string, why: string | null) => `Cannot read ${file}: ${why ?? 'no such file'}.`,
    importing: (file: string) => `importing ${file}`,
  },
  ja: {
    oneFile: 'インポートするファイルを 1 つだけ指定してください。',
    noToken: (base: string) =>
      `${base} で rolepath のサーバーが動いていてデータベースを使用中のため、インポートはサーバー経由になり、管理者トークンが必要です。ADMIN_TOKEN にサーバーのトークンを設定してください(またはサーバーを止めれば直接インポートできます)。`,
    directory: (file: string) => `${file} はフォルダーです。インポートするファイル(CSV・TSV・NDJSON)を 1 つ指定してください(例: ${file.replace(/\/+$/, '')}/histories.csv)。`,
    notAFile: (file: string) => `${file} は通常のファイルではありません。インポートするファイルを 1 つ指定してください。`,
    cannotRead: (file: string, why: string | null) => `${file} を読めません${why ? `(${why})` : '。そのようなファイルはありません'}。`,
    importing: (file: string) => `${file} をインポート中`,
  },
} as const;

/** Read size for the file: large chunks keep per-chunk overhead negligible on big files. */
const CHUNK = 1 << 20;

/** Sends the file to the running server; returns its report. */
async function viaServer(base: string, file: string, search: URLSearchParams, token: string | undefined, bar: ProgressBar, lang: Lang): Promise<ImportReport> {
  if (!token) throw new AppError(403, 'admin_token_missing', SAY[lang].noToken(base));
  let sent = 0;
  const stream = createReadStream(file, { highWaterMark: CHUNK });
  stream.on('data', (chunk) => {
    sent += chunk.length;
    bar.update(sent);
  });
  const res = await fetch(`${base}/api/imports?${search}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/octet-stream',
      'content-length': String(statSync(file).size),
      'accept-language': lang,
    },
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
      lang: { type: 'string' },
      json: { type: 'boolean' },
    },
    USAGE,
    true,
  );
  if (!parsed) return 2;
  const { values, positionals } = parsed;
  // --lang en|ja; anything else is English, not an error (as on the API and in `npm run route`).
  const lang = toLang(values.lang) ?? 'en';
  const say = SAY[lang];
  if (positionals.length !== 1) {
    console.error(`${say.oneFile}\n${USAGE}`);
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
  raw.lang = lang;
  try {
    const config = loadConfig();
    const query = parseOrThrow(importQuery, raw, 'option', lang);
    let size: number;
    try {
      const stat = statSync(file);
      // Checked here: a directory would otherwise fail mid-upload as "fetch failed" (EISDIR in the body stream).
      if (stat.isDirectory()) throw new AppError(400, 'not_a_file', say.directory(file));
      if (!stat.isFile()) throw new AppError(400, 'not_a_file', say.notAFile(file));
      size = stat.size;
    } catch (err) {
      if (err instanceof AppError) throw err;
      throw new AppError(400, 'no_file', say.cannotRead(file, (err as NodeJS.ErrnoException).code === 'ENOENT' ? null : err instanceof Error ? err.message : String(err)));
    }
    const bar = new ProgressBar(size, say.importing(file));
    const base = serverBase(config);
    const up = await serverIsUp(base);
    let report: ImportReport;
    try {
      report = up ? await viaServer(base, file, new URLSearchParams(raw), config.adminToken, bar, lang) : await directly(file, query, bar);
    } finally {
      bar.done();
    }
    console.log(values.json ? JSON.stringify(report, null, 2) : formatImportReport(report, up ? 'server' : 'direct', lang));
    return report.ok ? 0 : 1;
  } catch (err) {
    return printError(err, 'import');
  }
}

process.exitCode = await main();
