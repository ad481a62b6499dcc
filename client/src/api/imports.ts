/**
 * Uploading an import file (`POST /api/imports`). XMLHttpRequest rather than
 * fetch(): browsers report upload progress only through XHR. The answer is
 * parsed with the server's report schema; a file with errors (422) still
 * yields its report.
 */
import './zod-config.js';
import { importReport, type ImportQuery, type ImportReport } from '../../../server/contract/imports.js';
import type { Lang } from '../../../server/contract/lang.js';
import { ApiError } from './client.js';

/** What the dialog asks for; the server fills in the rest. */
export type ImportRequest = Pick<ImportQuery, 'kind' | 'dataset' | 'dryRun' | 'createRoles' | 'encoding'> & { minCount?: number; lang?: Lang };

/** Sends `file`; `onProgress` gets the share of the file sent (0–1). Resolves with the report (ok or not). */
export function uploadImport(file: Blob, request: ImportRequest, token: string, onProgress: (share: number) => void): Promise<ImportReport> {
  const params = new URLSearchParams({
    kind: request.kind,
    dataset: request.dataset,
    dryRun: String(request.dryRun),
    createRoles: String(request.createRoles),
    encoding: request.encoding,
  });
  if (request.minCount !== undefined) params.set('minCount', String(request.minCount));
  // The report's reasons and the server's messages come in the page's language.
  if (request.lang) params.set('lang', request.lang);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/imports?${params}`);
    xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.upload.addEventListener('progress', (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    });
    xhr.addEventListener('error', () => reject(new ApiError(0, 'network', 'The server cannot be reached. Check that rolepath is running.')));
    xhr.addEventListener('load', () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        reject(new ApiError(xhr.status, 'bad_response', `Unexpected answer (HTTP ${xhr.status}).`));
        return;
      }
      const b = body as { report?: unknown; error?: { code?: string; message?: string } };
      const parsed = importReport.safeParse(xhr.status === 422 ? b.report : body);
      if (parsed.success) resolve(parsed.data);
      else reject(new ApiError(xhr.status, b.error?.code ?? 'bad_response', b.error?.message ?? `Unexpected answer (HTTP ${xhr.status}).`));
    });
    xhr.send(file);
  });
}
