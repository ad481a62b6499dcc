/**
 * What the CLIs (`npm run route`, `npm run import`) share: reading options,
 * finding the running server, and printing errors the same way.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ConfigError, type Config, type EngineConfig } from '../config.js';
import { openGraphStore, type GraphStore } from '../db/index.js';
import { AppError } from '../errors.js';

/** Parses `argv` against `options`; prints the problem and `usage` and returns null when they do not fit. */
export function readOptions<O extends NonNullable<ParseArgsConfig['options']>>(
  options: O,
  usage: string,
  allowPositionals = false,
): ReturnType<typeof parseArgs<{ options: O; strict: true; allowPositionals: boolean }>> | null {
  try {
    return parseArgs({ options, strict: true, allowPositionals });
  } catch (err) {
    console.error(`${err instanceof Error ? err.message : String(err)}\n${usage}`);
    return null;
  }
}

/** Options given as strings, renamed to the API's parameter names (`[['max-hops', 'maxHops'], …]`). */
export function toParams(values: Record<string, unknown>, names: readonly (readonly [option: string, param: string])[]): Record<string, string> {
  const raw: Record<string, string> = {};
  for (const [opt, param] of names) {
    const v = values[opt];
    if (typeof v === 'string') raw[param] = v;
  }
  return raw;
}

/** The base URL of the server this configuration runs: a wildcard listen address is asked on loopback. */
export function serverBase(config: Pick<Config, 'host' | 'port'>): string {
  const host = config.host === '0.0.0.0' || config.host === '::' || config.host === '' ? '127.0.0.1' : config.host;
  return `http://${host.includes(':') ? `[${host}]` : host}:${config.port}`;
}

/** Is a rolepath server listening at `base`? */
export async function serverIsUp(base: string): Promise<boolean> {
  try {
    const res = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(2000) });
    const body = (await res.json().catch(() => null)) as { engine?: unknown; error?: unknown } | null;
    return Boolean(body && (body.engine || body.error));
  } catch {
    return false;
  }
}

/** Opens the configured store in this process (no server holds it), runs `fn` with it and closes it. */
export async function withLocalStore<T>(
  engine: EngineConfig,
  fn: (store: GraphStore) => Promise<T>,
  options: Parameters<typeof openGraphStore>[1] = {},
): Promise<T> {
  const store = await openGraphStore(engine, options);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** `maxHops` → `--max-hops`. */
const flag = (field: string) => `--${field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/**
 * Prints a failure: a configuration problem as is, an AppError with each bad option by its flag,
 * anything else as "`what` failed: …". Returns the exit code, 1.
 */
export function printError(err: unknown, what: string): number {
  if (err instanceof ConfigError) console.error(err.message);
  else if (err instanceof AppError) {
    const fields = (err.details as { field?: string; message?: string }[])
      .map((d) => (d.field && d.message ? `  ${flag(d.field)}: ${d.message}` : ''))
      .filter(Boolean);
    console.error([err.message, ...fields].join('\n'));
  } else console.error(`${what} failed: ${err instanceof Error ? err.message : String(err)}`);
  return 1;
}
