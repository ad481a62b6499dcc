/**
 * The admin token check for endpoints that change data: `Authorization:
 * Bearer <ADMIN_TOKEN>`. With no token configured such writes are refused,
 * saying how to enable them.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { forbidden, unauthorized } from '../errors.js';

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/** Middleware that lets a request through only with the admin token. */
export function requireAdmin(adminToken: string | undefined, what = 'This change'): RequestHandler {
  const expected = adminToken ? digest(adminToken) : null;
  return (req, res, next) => {
    if (!expected) {
      next(
        forbidden(
          'admin_disabled',
          `${what} needs an admin token, and none is configured. Set ADMIN_TOKEN (at least 16 characters) in the environment or .env, restart the server, and send it as "Authorization: Bearer <token>".`,
        ),
      );
      return;
    }
    const m = /^Bearer\s+(\S+)\s*$/i.exec(req.get('authorization') ?? '');
    // Compare digests so the comparison takes the same time whatever the token's length.
    if (!m || !timingSafeEqual(digest(m[1]!), expected)) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="rolepath"');
      next(unauthorized(m ? 'The admin token is not right.' : `${what} needs the admin token: send "Authorization: Bearer <ADMIN_TOKEN>".`));
      return;
    }
    next();
  };
}
