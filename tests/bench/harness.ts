/** Benchmark helpers: time a function many times, summarise percentiles, print a table, write JSON. */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface BenchRow {
  suite: string;
  name: string;
  n: number;
  p50: number;
  p95: number;
  max: number;
  /** Target in ms for p50 or p95 (see `targetOn`), if the issue sets one. */
  target?: number;
  targetOn?: 'p50' | 'p95' | 'max';
  pass?: boolean;
  note?: string;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

/** Runs `fn` `warmup` times untimed, then `n` times timed; returns milliseconds per call. */
export async function time(fn: () => unknown, n: number, warmup = Math.min(20, n)): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    out.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return out;
}

/** Summarises timings into a row, checking the target when given. */
export function summarise(
  suite: string,
  name: string,
  ms: number[],
  target?: { ms: number; on: 'p50' | 'p95' },
  note?: string,
): BenchRow {
  const sorted = [...ms].sort((a, b) => a - b);
  const row: BenchRow = {
    suite,
    name,
    n: ms.length,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    max: round(sorted[sorted.length - 1] ?? NaN),
  };
  if (target) Object.assign(row, { target: target.ms, targetOn: target.on, pass: row[target.on] <= target.ms });
  if (note) row.note = note;
  return row;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** Prints rows as an aligned table. */
export function printTable(rows: BenchRow[]): void {
  const header = ['suite', 'name', 'n', 'p50 ms', 'p95 ms', 'max ms', 'target', 'ok', 'note'];
  const body = rows.map((r) => [
    r.suite,
    r.name,
    String(r.n),
    r.p50.toFixed(3),
    r.p95.toFixed(3),
    r.max.toFixed(3),
    r.target !== undefined ? `${r.targetOn} ≤ ${r.target}` : '',
    r.pass === undefined ? '' : r.pass ? 'yes' : 'NO',
    r.note ?? '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const b of body) console.log(line(b));
}

/** Writes the rows with machine facts to tests/bench/results/<name>-<timestamp>.json and latest copy. */
export async function writeResults(name: string, rows: BenchRow[], extra: Record<string, unknown> = {}): Promise<string> {
  const dir = path.resolve(import.meta.dirname, 'results');
  await mkdir(dir, { recursive: true });
  const os = await import('node:os');
  const doc = {
    name,
    at: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
    ...extra,
    rows,
  };
  const file = path.join(dir, `${name}-latest.json`);
  await writeFile(file, JSON.stringify(doc, null, 2));
  return file;
}
