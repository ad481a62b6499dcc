/**
 * HTTP hardening: security headers with a strict Content-Security-Policy,
 * CORS (off unless origins are configured), and per-client rate limits for
 * the expensive endpoints.
 */
import cors from 'cors';
import type { Request, RequestHandler, Response } from 'express';
import { ipKeyGenerator } from 'express-rate-limit';
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
 * A per-client (IP; IPv6 by /56 prefix, so one client cannot rotate through its
 * addresses) limit of `perMinute` requests a minute, answering 429 in the error
 * shape with `Retry-After`, and the IETF draft-7 `RateLimit` and
 * `RateLimit-Policy` headers on every counted answer. 0 disables it.
 *
 * Fixed one-minute windows in a plain Map, cleared when the window turns (so
 * memory is bounded by the clients of one minute): a synchronous counter, where
 * express-rate-limit's store and validations cost about a tenth of a route's
 * whole answer time.
 */
export function expensiveLimit(perMinute: number, windowMs = 60_000): RequestHandler {
  if (perMinute <= 0) return (_req, _res, next) => next();
  const policy = `${perMinute};w=${Math.round(windowMs / 1000)}`;
  let windowEnds = 0;
  let counts = new Map<string, number>();
  return (req, res, next) => {
    const now = Date.now();
    if (now >= windowEnds) {
      windowEnds = now + windowMs;
      counts = new Map();
    }
    const key = ipKeyGenerator(req.ip ?? req.socket.remoteAddress ?? 'unknown');
    const used = (counts.get(key) ?? 0) + 1;
    counts.set(key, used);
    const reset = Math.max(1, Math.ceil((windowEnds - now) / 1000));
    res.setHeader('RateLimit-Policy', policy);
    res.setHeader('RateLimit', `limit=${perMinute}, remaining=${Math.max(0, perMinute - used)}, reset=${reset}`);
    if (used <= perMinute) {
      next();
      return;
    }
    res.setHeader('Retry-After', String(reset));
    next(new AppError(429, 'rate_limited', `Too many requests: at most ${perMinute} a minute. Try again in ${reset} seconds.`, [{ retryAfterSeconds: reset }]));
  };
}
