/**
 * A small pool of Kùzu query sandboxes (child processes, see sandbox-child.ts)
 * that run user Cypher read-only against a copy of the real database, each run
 * under a hard time limit: when it is reached the child is killed (SIGKILL),
 * the run fails as `timeout`, and a fresh child is started in the background.
 * The server's own connections never run user Cypher, so they keep serving.
 *
 * Memory is bounded by the OS, not by trust in the engine: Kùzu's buffer pool
 * and V8's heap limit do not bound what a query allocates natively
 * (`UNWIND range(1,200000000) AS x RETURN sum(x)` reached 3.3 GB). Each child
 * is started under `prlimit --data=<memoryBytes>` (RLIMIT_DATA: heap, anonymous
 * mappings and thread stacks, i.e. everything a query can grow), so an
 * allocation past the limit fails inside the child: Kùzu answers
 * `std::bad_alloc` (a `resources` error naming the limit) or, in V8, the child
 * dies, the run fails as `resources` and a fresh child takes its place. So the
 * worst case of user Cypher is memoryBytes × workers (plus the shared program
 * code of each child, ~60 MB resident). RLIMIT_DATA rather than RLIMIT_AS:
 * Node reserves ~0.75 GB of address space it never touches, which RLIMIT_AS
 * would charge. Where `prlimit` (util-linux) is missing the children run
 * without an OS limit and a warning says so.
 *
 * Copies are refreshed lazily: the store bumps a version on every write; the
 * next run exports the real database once (`EXPORT DATABASE`, a read-only
 * statement that takes no write lock) and each child re-imports that export
 * before its next run.
 *
 * Nothing outlives the server: `close()` kills the children and removes the
 * copies; if the process exits without it (a forced exit), an exit hook kills
 * the children and removes the copies synchronously; a child whose parent died
 * (SIGKILL) kills itself (sandbox-child.ts); and copies left by a server that
 * died anyway are removed at the next start (removeStaleSandboxDirs). The copy
 * directory names the server's pid (`rolepath-sandbox-<pid>-…`) for that.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CypherRunError, DEFAULT_RESULT_BYTES, type QueryParams, type ReadOnlyResult, type ReadOnlyRunOptions } from '../query-types.js';
import type { FromChild, ToChild } from './sandbox-protocol.js';

/** Options for the sandbox pool. */
export interface SandboxPoolOptions {
  /** Writes `EXPORT DATABASE` output of the real database into `dir` (which must not exist yet). */
  exportTo: (dir: string) => Promise<void>;
  /** The real database's data version: when it changes, the next run works on a fresh copy. */
  version: () => number;
  /** Child processes, i.e. user queries that can run at the same time (default 2). */
  workers?: number;
  /**
   * OS memory limit of each child in bytes (RLIMIT_DATA; default 1 GiB, 0 = none). It must hold
   * Node (~100 MB), Kùzu's fixed 256 MiB temporary-page region, the copy of the graph and the query.
   */
  memoryBytes?: number;
  /** Kùzu buffer pool of each copy (default a quarter of memoryBytes, at most 256 MiB): a query needing more fails as `resources`. */
  bufferPoolBytes?: number;
  /** Longest wait for a free sandbox (including starting one) before a run fails as `unavailable` (default 30 s). */
  queueTimeoutMs?: number;
}

interface Snapshot {
  version: number;
  dir: string;
  /** Kùzu's maximum database size for copies of it (see maxDbBytesFor). */
  maxDbBytes: number;
  /** Children importing it right now. */
  refs: number;
}

interface Job {
  cypher: string;
  params: QueryParams;
  options: ReadOnlyRunOptions;
  resolve: (r: ReadOnlyResult) => void;
  reject: (e: unknown) => void;
  queueTimer: NodeJS.Timeout;
}

interface Sandbox {
  n: number;
  child: ChildProcess;
  state: 'starting' | 'idle' | 'busy' | 'dead';
  loaded: Snapshot | null;
  /** Receives the next message from the child (one request at a time). */
  onMessage: ((msg: FromChild) => void) | null;
  /** Told when the child exits while a request is out. */
  onExit: (() => void) | null;
  exited: Promise<void>;
  /** Settles when the sandbox has started and loaded the graph (or died trying). */
  warmed: Promise<void>;
  /** Until `warmed` settles. */
  warming: boolean;
}

const here = fileURLToPath(import.meta.url);
const CHILD = path.join(path.dirname(here), `sandbox-child${path.extname(here)}`);
/** Running from TypeScript sources (tsx, vitest): the child needs tsx's loader too. */
const EXEC_ARGV = [
  ...(path.extname(here) === '.ts' ? ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href] : []),
  '--max-old-space-size=256',
];

/** The default memory limit of each sandbox child (QUERY_MEMORY_MB's default). */
export const DEFAULT_SANDBOX_MEMORY_BYTES = 1024 * 1024 * 1024;

/** util-linux's prlimit, to start a child under a memory limit; null when this system has none. */
const PRLIMIT = ['/usr/bin/prlimit', '/bin/prlimit', '/usr/local/bin/prlimit'].find((p) => existsSync(p)) ?? null;
let warnedNoPrlimit = false;
/**
 * RLIMIT_STACK of a child: glibc gives every new thread a stack of this size, and thread
 * stacks count against RLIMIT_DATA (8 MiB each by default, with a Kùzu thread per core).
 */
const THREAD_STACK_BYTES = 2 * 1024 * 1024;

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

/** Prefix of every pool's directory under the OS temp directory; the owner's pid follows. */
const DIR_PREFIX = 'rolepath-sandbox-';
/** Pools of this process not yet closed, for the exit hook. */
const livePools = new Set<KuzuSandboxPool>();
let exitHooked = false;

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

export class KuzuSandboxPool {
  private readonly workers: number;
  private readonly memoryBytes: number;
  private readonly bufferPoolBytes: number;
  private readonly queueTimeoutMs: number;
  private readonly sandboxes: Sandbox[] = [];
  private readonly queue: Job[] = [];
  private base: string | null = null;
  private snapshot: Snapshot | null = null;
  private exporting: { version: number; promise: Promise<Snapshot> } | null = null;
  private seq = 0;
  private closed = false;

  constructor(private readonly options: SandboxPoolOptions) {
    this.workers = Math.max(1, options.workers ?? 2);
    this.memoryBytes = Math.max(0, options.memoryBytes ?? DEFAULT_SANDBOX_MEMORY_BYTES);
    this.bufferPoolBytes =
      options.bufferPoolBytes ?? (this.memoryBytes > 0 ? Math.min(256 * 1024 * 1024, Math.floor(this.memoryBytes / 4)) : 256 * 1024 * 1024);
    if (this.memoryBytes > 0 && !PRLIMIT && !warnedNoPrlimit) {
      warnedNoPrlimit = true;
      process.emitWarning('prlimit (util-linux) was not found: Kùzu query sandboxes run without an OS memory limit.', 'RolepathWarning');
    }
    this.queueTimeoutMs = options.queueTimeoutMs ?? 30_000;
    livePools.add(this);
    if (!exitHooked) {
      exitHooked = true;
      process.on('exit', () => {
        for (const pool of livePools) pool.killNow();
      });
    }
  }

  /** Synchronously kills every child and removes the copies (the process is exiting without close()). */
  private killNow(): void {
    this.closed = true;
    for (const s of this.sandboxes) {
      try {
        s.child.kill('SIGKILL');
      } catch {
        // already gone
      }
    }
    if (this.base) rmSync(this.base, { recursive: true, force: true });
  }

  /** Starts every sandbox and loads the graph into each; resolves when they are ready (or failed). */
  async warmUp(): Promise<void> {
    this.fill();
    await Promise.all(this.sandboxes.map((s) => s.warmed));
  }

  /** Process ids of the live sandboxes (for tests and diagnostics). */
  pids(): number[] {
    return this.sandboxes.map((s) => s.child.pid ?? -1);
  }

  /** Runs `cypher` read-only in a sandbox. @throws CypherRunError */
  run(cypher: string, params: QueryParams, options: ReadOnlyRunOptions): Promise<ReadOnlyResult> {
    if (this.closed) return Promise.reject(new CypherRunError('unavailable', 'The query sandbox is shut down.'));
    return new Promise<ReadOnlyResult>((resolve, reject) => {
      const job: Job = {
        cypher,
        params,
        options,
        resolve,
        reject,
        queueTimer: setTimeout(() => {
          const i = this.queue.indexOf(job);
          if (i < 0) return;
          this.queue.splice(i, 1);
          reject(new CypherRunError('unavailable', `Every query sandbox stayed busy for ${this.queueTimeoutMs} ms. Try again shortly.`));
        }, this.queueTimeoutMs),
      };
      this.queue.push(job);
      this.pump();
    });
  }

  /** Kills every sandbox and removes the copies. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    livePools.delete(this);
    this.failQueued(new CypherRunError('unavailable', 'The query was not run: the server is shutting down.'));
    await Promise.all([...this.sandboxes].map((s) => this.kill(s)));
    await this.exporting?.promise.catch(() => undefined);
    if (this.base) rmSync(this.base, { recursive: true, force: true });
  }

  private pump(): void {
    while (this.queue.length > 0 && !this.closed) {
      const sandbox = this.sandboxes.find((s) => s.state === 'idle');
      if (!sandbox) {
        // Start as many sandboxes as runs are waiting (up to `workers`), counting those already starting.
        const starting = this.sandboxes.filter((s) => s.warming).length;
        for (let n = Math.min(this.queue.length - starting, this.workers - this.sandboxes.length); n > 0; n--) this.spawn();
        return;
      }
      const job = this.queue.shift()!;
      clearTimeout(job.queueTimer);
      sandbox.state = 'busy';
      void this.dispatch(sandbox, job);
    }
  }

  private async dispatch(sandbox: Sandbox, job: Job): Promise<void> {
    try {
      await this.ensureLoaded(sandbox);
      job.resolve(await this.execute(sandbox, job));
    } catch (err) {
      job.reject(err);
    } finally {
      if (sandbox.state === 'busy') sandbox.state = 'idle';
      this.pump();
    }
  }

  /** Sends one run and waits for its answer, killing the child at the time limit. */
  private execute(sandbox: Sandbox, job: Job): Promise<ReadOnlyResult> {
    const { timeoutMs, rowLimit, resultBytes = DEFAULT_RESULT_BYTES } = job.options;
    const id = ++this.seq;
    return new Promise<ReadOnlyResult>((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        sandbox.onMessage = null;
        sandbox.onExit = null;
      };
      const timer = setTimeout(() => {
        done();
        reject(new CypherRunError('timeout', `The query was stopped after ${timeoutMs} ms (the time limit).`));
        // A fresh sandbox takes its place at once, so the next run does not wait for it.
        void this.kill(sandbox).then(() => {
          if (!this.closed && this.sandboxes.length < this.workers) this.spawn();
        });
      }, timeoutMs);
      sandbox.onMessage = (msg) => {
        if (msg.type === 'result' && msg.id === id) {
          done();
          resolve(msg.result);
        } else if (msg.type === 'error' && msg.id === id) {
          done();
          reject(new CypherRunError(msg.kind, msg.message, msg.position));
        }
      };
      sandbox.onExit = () => {
        done();
        // Under a memory limit a child dies mid-run when V8 cannot grow past it; a fresh one takes its place.
        if (!this.closed && this.sandboxes.length < this.workers) this.spawn();
        reject(
          this.closed
            ? new CypherRunError('unavailable', 'The query was stopped: the server is shutting down.')
            : this.memoryLimited()
            ? new CypherRunError(
                'resources',
                `The query sandbox stopped while running the query, at its memory limit of ${Math.round(this.memoryBytes / 1048576)} MiB (QUERY_MEMORY_MB).`,
              )
            : new CypherRunError('unavailable', 'The query sandbox stopped unexpectedly while running the query.'),
        );
      };
      this.send(sandbox, { type: 'run', id, cypher: job.cypher, params: job.params, rowLimit, resultBytes, timeoutMs });
    });
  }

  private async ensureLoaded(sandbox: Sandbox): Promise<void> {
    const snapshot = await this.currentSnapshot();
    if (sandbox.loaded === snapshot) return;
    snapshot.refs++;
    try {
      await new Promise<void>((resolve, reject) => {
        const done = () => {
          sandbox.onMessage = null;
          sandbox.onExit = null;
        };
        sandbox.onMessage = (msg) => {
          if (msg.type === 'loaded') {
            done();
            resolve();
          } else if (msg.type === 'load-failed') {
            done();
            const hint = this.memoryLimited() && /bad_alloc|mmap|allocate|memory/i.test(msg.message) ? ` (raise QUERY_MEMORY_MB, now ${Math.round(this.memoryBytes / 1048576)} MiB)` : '';
            reject(new CypherRunError('unavailable', `The query sandbox could not load the graph: ${msg.message}${hint}`));
          }
        };
        sandbox.onExit = () => {
          done();
          reject(new CypherRunError('unavailable', 'The query sandbox stopped while loading the graph.'));
        };
        const dbDir = path.join(this.baseDir(), `copy-${sandbox.n}-${++this.seq}`);
        this.send(sandbox, {
          type: 'load',
          exportDir: snapshot.dir,
          dbDir,
          bufferPoolBytes: this.bufferPoolBytes,
          maxDbBytes: snapshot.maxDbBytes,
          memoryBytes: this.memoryLimited() ? this.memoryBytes : 0,
        });
      });
      sandbox.loaded = snapshot;
    } catch (err) {
      void this.kill(sandbox);
      throw err;
    } finally {
      snapshot.refs--;
      this.removeIfRetired(snapshot);
    }
  }

  /** The export of the current data version, exporting once when the data changed. */
  private currentSnapshot(): Promise<Snapshot> {
    const version = this.options.version();
    if (this.snapshot?.version === version) return Promise.resolve(this.snapshot);
    if (this.exporting?.version === version) return this.exporting.promise;
    const dir = path.join(this.baseDir(), `export-${++this.seq}`);
    const promise = this.options.exportTo(dir).then(
      () => {
        const previous = this.snapshot;
        const snapshot: Snapshot = { version, dir, maxDbBytes: maxDbBytesFor(directoryBytes(dir)), refs: 0 };
        // A slower export of an older version must not replace a newer one.
        if (!previous || previous.version < version) {
          this.snapshot = snapshot;
          if (previous) this.removeIfRetired(previous);
        }
        return snapshot;
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

  private removeIfRetired(snapshot: Snapshot): void {
    if (snapshot !== this.snapshot && snapshot.refs === 0) rmSync(snapshot.dir, { recursive: true, force: true });
  }

  private failQueued(err: unknown): void {
    for (const job of this.queue.splice(0)) {
      clearTimeout(job.queueTimer);
      job.reject(err);
    }
  }

  /** Starts sandboxes until there are `workers` of them; each loads the graph before taking runs. */
  private fill(): void {
    while (!this.closed && this.sandboxes.length < this.workers) this.spawn();
  }

  private memoryLimited(): boolean {
    return this.memoryBytes > 0 && PRLIMIT !== null;
  }

  private spawn(): Sandbox {
    // Under the memory limit: prlimit sets RLIMIT_DATA, then execs Node in place (same pid, same IPC channel).
    const limited = this.memoryLimited();
    const child = fork(CHILD, [], {
      ...(limited ? { execPath: PRLIMIT!, execArgv: [`--data=${this.memoryBytes}`, `--stack=${THREAD_STACK_BYTES}`, '--', process.execPath, ...EXEC_ARGV] } : { execArgv: EXEC_ARGV }),
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    let exited!: () => void;
    let resolveWarmed!: () => void;
    const sandbox: Sandbox = {
      n: ++this.seq,
      child,
      state: 'starting',
      loaded: null,
      onMessage: null,
      onExit: null,
      exited: new Promise<void>((resolve) => (exited = resolve)),
      warmed: new Promise<void>((resolve) => (resolveWarmed = resolve)),
      warming: true,
    };
    const warmed = () => {
      sandbox.warming = false;
      resolveWarmed();
    };
    this.sandboxes.push(sandbox);
    child.on('message', (msg: FromChild) => {
      if (msg.type === 'ready' && sandbox.state === 'starting') {
        // Load the graph before taking runs: that is what the first run would do anyway.
        sandbox.state = 'busy';
        this.ensureLoaded(sandbox)
          // Runs waiting for a sandbox would fail the same way: tell them now rather than start more.
          .catch((err: unknown) => this.failQueued(err))
          .finally(() => {
            if (sandbox.state === 'busy') sandbox.state = 'idle';
            warmed();
            this.pump();
          });
      } else sandbox.onMessage?.(msg);
    });
    const gone = (why: string) => {
      const neverStarted = sandbox.state === 'starting';
      this.retire(sandbox);
      warmed();
      exited();
      // A sandbox that cannot even start will not start on a retry either: fail the waiting runs now.
      if (neverStarted && !this.closed) this.failQueued(new CypherRunError('unavailable', `The query sandbox could not start (${why}).`));
    };
    child.on('exit', (code, signal) => gone(signal ? `signal ${signal}` : `exit code ${code}`));
    child.on('error', (err) => gone(err.message));
    return sandbox;
  }


  /** Takes a sandbox out of service (idempotent); a request still out fails. */
  private retire(sandbox: Sandbox): void {
    if (sandbox.state === 'dead') return;
    sandbox.state = 'dead';
    const i = this.sandboxes.indexOf(sandbox);
    if (i >= 0) this.sandboxes.splice(i, 1);
    sandbox.onExit?.();
  }

  private async kill(sandbox: Sandbox): Promise<void> {
    this.retire(sandbox);
    if (sandbox.child.exitCode === null && sandbox.child.signalCode === null) sandbox.child.kill('SIGKILL');
    await sandbox.exited;
  }

  private send(sandbox: Sandbox, msg: ToChild): void {
    sandbox.child.send(msg, (err) => {
      if (err) sandbox.onExit?.();
    });
  }

  private baseDir(): string {
    this.base ??= mkdtempSync(path.join(tmpdir(), `${DIR_PREFIX}${process.pid}-`));
    return this.base;
  }
}
