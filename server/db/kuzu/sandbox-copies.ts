/**
 * The read-only copies of the real database that the query sandboxes load
 * (see sandbox-pool.ts): refreshed lazily — when the store's data version has
 * moved, the next run exports the real database once (`EXPORT DATABASE`, a
 * read-only statement that takes no write lock) and each child re-imports that
 * export before its next run. An export no child uses any more is removed.
 *
 * Everything lives in one directory per pool under the OS temp directory,
 * named for the server's pid (`rolepath-sandbox-<pid>-…`), so copies left by a
 * server that died are found and removed at the next start (removeStaleSandboxDirs).
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CypherRunError } from '../query-types.js';

/** One export of the real database at one data version. */
export interface GraphCopy {
  version: number;
  dir: string;
  /** Kùzu's maximum database size for copies of it (see maxDbBytesFor). */
  maxDbBytes: number;
  /** Children importing it right now. */
  refs: number;
}

/** Prefix of every pool's directory under the OS temp directory; the owner's pid follows. */
const DIR_PREFIX = 'rolepath-sandbox-';

/**
 * Kùzu reserves address space for the largest database it may open (8 TB by
 * default), and that reservation counts against the memory limit: a power of
 * two with room for a copy built from `exportBytes` of Parquet (at least 64 MiB).
 */
export function maxDbBytesFor(exportBytes: number): number {
  let size = 64 * 1024 * 1024;
  while (size < exportBytes * 8) size *= 2;
  return size;
}

function directoryBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    total += entry.isDirectory() ? directoryBytes(full) : statSync(full).size;
  }
  return total;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes sandbox copies left in `dir` (default the OS temp directory) by servers that are no longer
 * running (killed, or exited before closing their pool). Returns the directories removed.
 * Directories of the older unnamed form (`rolepath-sandbox-XXXXXX`) are removed when untouched for 10 minutes.
 */
export function removeStaleSandboxDirs(dir = tmpdir()): string[] {
  const removed: string[] = [];
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return removed;
  }
  for (const name of entries) {
    if (!name.startsWith(DIR_PREFIX)) continue;
    const full = path.join(dir, name);
    const owner = /^rolepath-sandbox-(\d+)-/.exec(name);
    try {
      const stale = owner ? Number(owner[1]) !== process.pid && !alive(Number(owner[1])) : Date.now() - statSync(full).mtimeMs > 10 * 60_000;
      if (!stale) continue;
      rmSync(full, { recursive: true, force: true });
      removed.push(full);
    } catch {
      // gone already, or not ours to remove
    }
  }
  return removed;
}

/** The exports of one pool, and the directory the children build their copies in. */
export class SandboxCopies {
  private base: string | null = null;
  private latest: GraphCopy | null = null;
  private exporting: { version: number; promise: Promise<GraphCopy> } | null = null;
  private seq = 0;

  constructor(
    /** Writes `EXPORT DATABASE` output of the real database into `dir` (which must not exist yet). */
    private readonly exportTo: (dir: string) => Promise<void>,
    /** The real database's data version. */
    private readonly version: () => number,
  ) {}

  /** A fresh path inside the pool's directory (created on first use), for a child's own copy. */
  newPath(prefix: string): string {
    return path.join(this.baseDir(), `${prefix}-${++this.seq}`);
  }

  /** The export of the current data version, exporting once when the data changed. */
  current(): Promise<GraphCopy> {
    const version = this.version();
    if (this.latest?.version === version) return Promise.resolve(this.latest);
    if (this.exporting?.version === version) return this.exporting.promise;
    const dir = this.newPath('export');
    const promise = this.exportTo(dir).then(
      () => {
        const previous = this.latest;
        const copy: GraphCopy = { version, dir, maxDbBytes: maxDbBytesFor(directoryBytes(dir)), refs: 0 };
        // A slower export of an older version must not replace a newer one.
        if (!previous || previous.version < version) {
          this.latest = copy;
          if (previous) this.removeIfUnused(previous);
        }
        return copy;
      },
      (err: unknown) => {
        rmSync(dir, { recursive: true, force: true });
        throw new CypherRunError('unavailable', `Could not copy the graph for the query sandbox: ${err instanceof Error ? err.message : String(err)}`);
      },
    );
    this.exporting = { version, promise };
    const clear = () => {
      if (this.exporting?.promise === promise) this.exporting = null;
    };
    promise.then(clear, clear);
    return promise;
  }

  /** A child starts importing `copy`: it stays on disk until released. */
  hold(copy: GraphCopy): void {
    copy.refs++;
  }

  /** A child is done importing `copy`: removed once it is neither current nor held. */
  release(copy: GraphCopy): void {
    copy.refs--;
    this.removeIfUnused(copy);
  }

  /** Waits for an export in progress, then removes every copy (the pool is closing). */
  async removeAll(): Promise<void> {
    await this.exporting?.promise.catch(() => undefined);
    this.removeAllNow();
  }

  /** Removes every copy synchronously (the process is exiting). */
  removeAllNow(): void {
    if (this.base) rmSync(this.base, { recursive: true, force: true });
  }

  private removeIfUnused(copy: GraphCopy): void {
    if (copy !== this.latest && copy.refs === 0) rmSync(copy.dir, { recursive: true, force: true });
  }

  private baseDir(): string {
    this.base ??= mkdtempSync(path.join(tmpdir(), `${DIR_PREFIX}${process.pid}-`));
    return this.base;
  }
}
