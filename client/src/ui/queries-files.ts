/** The queries panel's files and refusals: downloads, imports, and how a failed request is said. */
import type { Lang } from '../i18n/strings.js';
import { t } from '../i18n/strings.js';
import { ApiError, type api } from '../api/client.js';
import { adminToken } from '../queries/admin-token.js';
import { saveFile } from '../queries/download.js';
import { h } from './dom.js';

/** Where a file action or a refused write is said: a status line, with the admin-token field near it. */
export interface Reporter {
  /** Replaces what the line says (as a failure when `error`). */
  say(content: string | (Node | string)[], error?: boolean): void;
  /** Shows the admin-token field and moves focus to it (a write was refused for want of a token). */
  askToken(): void;
}

/** A failed request in words: the server's message, or what went wrong here. */
export function describeError(err: unknown, lang: Lang): string {
  const s = t(lang);
  if (err instanceof ApiError) return err.code === 'network' ? s.networkError : err.message;
  return s.error(err instanceof Error ? err.message : String(err));
}

/** Fetches a file and hands it to the browser, saying so (or why not) to `to`. */
export async function downloadQueries(get: () => Promise<{ filename: string; blob: Blob }>, to: Reporter, lang: Lang): Promise<void> {
  try {
    const file = await get();
    saveFile(file);
    to.say(t(lang).qFileSaved(file.filename));
  } catch (err) {
    to.say(describeError(err, lang), true);
  }
}

/**
 * Imports a query file or bundle (JSON, or a `.cypher` file with a header), saying what was created, replaced
 * and skipped to `to`; true when the import went through, else `refused` was told why.
 */
export async function importQueries(file: File, queries: typeof api.queries, to: Reporter, lang: Lang, refused: (err: unknown) => void): Promise<boolean> {
  const s = t(lang);
  const text = await file.text();
  // JSON files are query files or bundles; anything else is read as a .cypher file with a header.
  const kind = /\.json$/i.test(file.name) || /^\s*\{/.test(text) ? 'json' : 'cypher';
  try {
    const r = await queries.import(text, kind, adminToken.get());
    to.say([
      s.qImported(r.created.length, r.replaced.length, r.skipped.length),
      ...(r.skipped.length ? [h('ul', {}, ...r.skipped.map((x) => h('li', {}, s.qSkipped(x.name, x.reason))))] : []),
    ]);
    return true;
  } catch (err) {
    refused(err);
    return false;
  }
}

/** A refused write: the server's message, and the token field when the token is missing or wrong. */
export function showWriteError(err: unknown, to: Reporter, lang: Lang, refreshTokens: () => void): void {
  if (!(err instanceof ApiError && err.status === 401)) return to.say(describeError(err, lang), true);
  adminToken.clear();
  refreshTokens();
  to.say(`${err.message} ${t(lang).qNeedsToken}`, true);
  to.askToken();
}
