/**
 * One error type for every failure the API reports. The error handler renders
 * it as `{"error":{"code","message","details"}}` with its HTTP status.
 */

/** A failure with an HTTP status, a stable machine-readable code and optional details. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown[] = [],
  ) {
    super(message);
    this.name = 'AppError';
  }

  /** The JSON body sent to clients. */
  toJSON(): { error: { code: string; message: string; details: unknown[] } } {
    return { error: { code: this.code, message: this.message, details: this.details } };
  }
}

/** 400: the request is malformed; `details` names the offending fields. */
export const invalidRequest = (message: string, details: unknown[] = []) =>
  new AppError(400, 'invalid_request', message, details);

/** 404: the named thing does not exist. */
export const notFound = (message: string, details: unknown[] = []) => new AppError(404, 'not_found', message, details);

/** 503: the graph store cannot be reached. */
export const storeUnavailable = (message = 'The graph store is not available right now. Try again shortly.') =>
  new AppError(503, 'store_unavailable', message);

/** 401: a request that needs the admin token came without it or with a wrong one. */
export const unauthorized = (message: string) => new AppError(401, 'unauthorized', message);

/** 403: the request is understood but not allowed (e.g. a write in read-only Cypher, overwriting a built-in query). */
export const forbidden = (code: string, message: string, details: unknown[] = []) => new AppError(403, code, message, details);

/** 504: a query ran into its time limit and was stopped. */
export const queryTimeout = (message: string, details: unknown[] = []) => new AppError(504, 'query_timeout', message, details);
