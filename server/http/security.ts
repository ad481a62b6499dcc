/**
 * HTTP hardening: security headers with a strict Content-Security-Policy,
 * CORS (off unless origins are configured), and per-client rate limits for
 * the expensive endpoints.
 */
import cors from 'cors';
import type { Request, RequestHandler, Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import helmet from 'helmet';
import { AppError } from '../errors.js';

/**
 * Security headers. The built client loads only its own scripts (no inline
 * script); Cytoscape draws on canvas and sets element styles from script, and
 * the panels set a few colour swatches as style attributes, hence
 * 'unsafe-inline' for styles only. Images may be data/blob URLs (PNG export).
 */
export function securityHeaders(): RequestHandler {
  const full = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'font-src': ["'self'", 'data:'],
        'connect-src': ["'self'"],
        'worker-src': ["'self'", 'blob:'],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
    // Served over plain HTTP on loopback by default; HSTS belongs to the TLS-terminating proxy.
    strictTransportSecurity: false,
  });
  // None of these headers depends on the request: ask helmet once and replay its answer, instead of
  // running its dozen middlewares (and rebuilding the CSP string) on every request.
  const set: [string, string][] = [];
  const removed: string[] = [];
  let synchronous = false;
  const probe = {
    setHeader: (name: string, value: unknown) => void set.push([name, String(value)]),
    removeHeader: (name: string) => void removed.push(name),
  };
  full({} as Request, probe as unknown as Response, () => (synchronous = true));
  if (!synchronous || set.length === 0) return full;
  return (_req, res, next) => {
    for (const name of removed) res.removeHeader(name);
    for (const [name, value] of set) res.setHeader(name, value);
    next();
  };
}

/** CORS for the listed origins only; with none configured no CORS headers are sent (same-origin only). */
export function corsPolicy(origins: readonly string[]): RequestHandler {
  if (origins.length === 0) return (_req, _res, next) => next();
  return cors({ origin: [...origins], methods: ['GET', 'POST', 'DELETE'], maxAge: 600 });
}

/**
 * A per-client (IP) limit of `perMinute` requests per minute, answering 429 in
 * the error shape with `Retry-After`. 0 disables it.
 */
export function expensiveLimit(perMinute: number): RequestHandler {
  if (perMinute <= 0) return (_req, _res, next) => next();
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    handler: (_req, res, next) => {
      const retry = res.getHeader('Retry-After');
      next(
        new AppError(429, 'rate_limited', `Too many requests: at most ${perMinute} a minute. Try again in ${retry ?? 60} seconds.`, [
          { retryAfterSeconds: Number(retry ?? 60) },
        ]),
      );
    },
  });
}
