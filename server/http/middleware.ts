/**
 * Cross-cutting HTTP middleware: request ids, access logs, repeated query
 * parameters, 405 for a known path asked with the wrong method, 404 for
 * unknown API paths, and the one error handler.
 */
import { randomUUID } from 'node:crypto';
import type { ErrorRequestHandler, RequestHandler, Router } from 'express';
import { AppError, invalidRequest, notFound } from '../errors.js';
import type { Logger } from '../logger.js';

const REQUEST_ID = /^[\w.:-]{1,64}$/;

/** Gives every request an id (a well-formed incoming `X-Request-Id` is kept) and echoes it in the response. */
export const requestId: RequestHandler = (req, res, next) => {
  const incoming = req.get('x-request-id');
  const id = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
  res.locals.requestId = id;
  res.setHeader('X-Request-Id', id);
  next();
};

/** Logs one structured line per request when the response finishes. */
export function accessLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const start = process.hrtime.bigint();
    res.on('finish', () => {
      logger.info(
        {
          requestId: res.locals.requestId,
          method: req.method,
          route: req.route?.path ?? req.path,
          url: req.originalUrl,
          status: res.statusCode,
          ms: Number(process.hrtime.bigint() - start) / 1e6,
        },
        'request',
      );
    });
    next();
  };
}

/**
 * A query parameter given twice (`format=csv&format=svg`) is a 400 naming it:
 * every endpoint takes each parameter once, and guessing which one was meant
 * (or answering "missing format") would hide the mistake.
 */
export const rejectRepeatedQuery: RequestHandler = (req, _res, next) => {
  const repeated = Object.entries(req.query as Record<string, unknown>).filter(([, v]) => Array.isArray(v));
  if (!repeated.length) {
    next();
    return;
  }
  const said = (v: unknown) => (v as unknown[]).map((x) => `"${String(x).slice(0, 40)}"`).join(', ');
  next(
    invalidRequest(
      `Repeated query parameter${repeated.length > 1 ? 's' : ''}: ${repeated.map(([k, v]) => `${k} (given ${(v as unknown[]).length} times: ${said(v)})`).join('; ')}. Give each parameter once.`,
      repeated.map(([field, v]) => ({ field, message: 'is given more than once', values: (v as unknown[]).map(String) })),
    ),
  );
};

interface RouteLayer {
  route?: { methods: Record<string, boolean> };
  handle?: { stack?: RouteLayer[] };
  match(path: string): unknown;
}

/** The methods the routes of `router` (and the routers mounted in it, at its root) answer for `path`. */
export function allowedMethods(router: Router, path: string): string[] {
  const methods = new Set<string>();
  const walk = (stack: readonly RouteLayer[]) => {
    for (const layer of stack) {
      if (layer.route) {
        if (!layer.match(path)) continue;
        for (const [m, on] of Object.entries(layer.route.methods)) if (on && m !== '_all') methods.add(m.toUpperCase());
      } else if (layer.handle?.stack) walk(layer.handle.stack);
    }
  };
  walk((router as unknown as { stack: RouteLayer[] }).stack);
  if (methods.has('GET')) methods.add('HEAD');
  return [...methods].sort();
}

/**
 * 405 with `Allow` when the path exists under another method (`DELETE
 * /api/roles`); goes on to the 404 otherwise. Mount after every route of
 * `router`.
 */
export function methodNotAllowed(router: Router): RequestHandler {
  return (req, res, next) => {
    const allow = allowedMethods(router, req.path);
    if (!allow.length || allow.includes(req.method)) {
      next();
      return;
    }
    res.setHeader('Allow', allow.join(', '));
    next(new AppError(405, 'method_not_allowed', `${req.method} is not allowed on ${req.baseUrl}${req.path}; it answers ${allow.join(', ')}.`, [{ allow }]));
  };
}

/** 404 in the error shape for any `/api` path no route handled. */
export const apiNotFound: RequestHandler = (req, _res, next) => {
  next(notFound(`No API endpoint ${req.method} ${req.path}`));
};

/**
 * Renders every error as `{"error":{"code","message","details"}}`. Known errors
 * keep their status; body-parser errors become 400/413; anything else is a
 * plain 500 carrying only the request id (the cause goes to the log).
 */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, _req, res, _next) => {
    const requestId = String(res.locals.requestId ?? '');
    let appError: AppError;
    if (err instanceof AppError) appError = err;
    else if (isHttpError(err) && err.type === 'entity.parse.failed') {
      appError = new AppError(400, 'invalid_json', 'The request body is not valid JSON.', [{ field: 'body' }]);
    } else if (isHttpError(err) && err.type === 'entity.too.large') {
      appError = new AppError(413, 'payload_too_large', 'The request body is too large.', [{ field: 'body' }]);
    } else if (isHttpError(err) && err.status >= 400 && err.status < 500) {
      appError = new AppError(err.status, 'invalid_request', 'The request could not be read.');
    } else {
      logger.error({ err, requestId }, 'unhandled error');
      appError = new AppError(500, 'internal', `Internal error (request id ${requestId}).`, [{ requestId }]);
    }
    if (appError.status >= 500 && err instanceof AppError) logger.warn({ requestId, code: appError.code }, appError.message);
    res.status(appError.status).json(appError.toJSON());
  };
}

function isHttpError(err: unknown): err is { status: number; type?: string } {
  return typeof err === 'object' && err !== null && typeof (err as { status?: unknown }).status === 'number';
}
