/** The queries panel's files and refusals: downloads, imports, and how a failed request is said. */
import type { Lang } from '../i18n/strings.js';
import { t } from '../i18n/strings.js';
import { ApiError, type api } from '../api/client.js';
import { adminToken } from '../queries/admin-token.js';
import { saveFile } from '../queries/download.js';
import { h } from './dom.js';
import type { TokenField } from './queries-library.js';

/** A failed request in words: the server's message, or what went wrong here. */
export function describeError(err: unknown, lang: Lang): string {
  const s = t(lang);
  if (err instanceof ApiError) return err.code === 'network' ? s.networkError : err.message;
  return s.error(err instanceof Error ? err.message : String(err));
}

/** Fetches a file and hands it to the browser, saying so (or why not) in `where`. */
export async function downloadQueries(get: () => Promise<{ filename: string; blob: Blob }>, where: HTMLElement, lang: Lang): Promise<void> {
  try {
    const file = await get();
    saveFile(file);
    where.classList.remove('error');
    where.textContent = t(lang).qFileSaved(file.filename);
  } catch (err) {
    where.classList.add('error');
    where.textContent = describeError(err, lang);
  }
}

/**
 * Imports a query file or bundle (JSON, or a `.cypher` file with a header), saying what was created, replaced
 * and skipped in `where`; true when the import went through, else `refused` was told why.
 */
export async function importQueries(file: File, queries: typeof api.queries, where: HTMLElement, lang: Lang, refused: (err: unknown) => void): Promise<boolean> {
  const s = t(lang);
  const text = await file.text();
  // JSON files are query files or bundles; anything else is read as a .cypher file with a header.
  const kind = /\.json$/i.test(file.name) || /^\s*\{/.test(text) ? 'json' : 'cypher';
  try {
    const r = await queries.import(text, kind, adminToken.get());
    where.classList.remove('error');
    where.replaceChildren(
      s.qImported(r.created.length, r.replaced.length, r.skipped.length),
      ...(r.skipped.length ? [h('ul', {}, ...r.skipped.map((x) => h('li', {}, s.qSkipped(x.name, x.reason))))] : []),
    );
    return true;
  } catch (err) {
    refused(err);
    return false;
  }
}

/** A refused write: the server's message, and the token field when the token is missing or wrong. */
export function showWriteError(err: unknown, where: HTMLElement, token: TokenField, lang: Lang, refreshTokens: () => void): void {
  where.classList.add('error');
  where.setAttribute('role', 'alert');
  where.textContent = describeError(err, lang);
  if (err instanceof ApiError && err.status === 401) {
    adminToken.clear();
    refreshTokens();
    where.textContent = `${err.message} ${t(lang).qNeedsToken}`;
    const details = token.root.closest('details');
    if (details) details.open = true;
    token.focus();
  }
}
