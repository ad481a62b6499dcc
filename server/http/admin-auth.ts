/**
 * The admin token check for endpoints that change data: `Authorization:
 * Bearer <ADMIN_TOKEN>`. With no token configured such writes are refused,
 * saying how to enable them.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { forbidden, unauthorized } from '../errors.js';
import { requestLang } from './lang.js';

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/** What the check says, in the request's language (`what`: the change asked for, in English and Japanese). */
const SAYS = {
  en: {
    disabled: (what: string) =>
      `${what} needs an admin token, and none is configured. Set ADMIN_TOKEN (at least 16 characters) in the environment or .env, restart the server, and send it as "Authorization: Bearer <token>".`,
    wrong: 'The admin token is not right.',
    missing: (what: string) => `${what} needs the admin token: send "Authorization: Bearer <ADMIN_TOKEN>".`,
  },
  ja: {
    disabled: (what: string) =>
      `${what}には管理者トークンが必要ですが、設定されていません。環境変数または .env に ADMIN_TOKEN(16 文字以上)を設定してサーバーを再起動し、"Authorization: Bearer <トークン>" として送ってください。`,
    wrong: '管理者トークンが違います。',
    missing: (what: string) => `${what}には管理者トークンが必要です。"Authorization: Bearer <ADMIN_TOKEN>" を送ってください。`,
  },
} as const;

/** Middleware that lets a request through only with the admin token; `whatJa` is `what` in Japanese. */
export function requireAdmin(adminToken: string | undefined, what = 'This change', whatJa = 'この変更'): RequestHandler {
  const expected = adminToken ? digest(adminToken) : null;
  return (req, res, next) => {
    const lang = requestLang(req);
    const says = SAYS[lang];
    const subject = lang === 'ja' ? whatJa : what;
    if (!expected) {
      next(forbidden('admin_disabled', says.disabled(subject)));
      return;
    }
    const m = /^Bearer\s+(\S+)\s*$/i.exec(req.get('authorization') ?? '');
    // Compare digests so the comparison takes the same time whatever the token's length.
    if (!m || !timingSafeEqual(digest(m[1]!), expected)) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="rolepath"');
      next(unauthorized(m ? says.wrong : says.missing(subject)));
      return;
    }
    next();
  };
}

/**
 * With a READ_TOKEN configured, every request that reaches it needs
 * `Authorization: Bearer <READ_TOKEN>` (the admin token works too). Without
 * one, reads stay open. Mounted after the health and readiness probes.
 */
export function requireReader(readToken: string | undefined, adminToken: string | undefined): RequestHandler {
  if (!readToken) return (_req, _res, next) => next();
  const accepted = [readToken, adminToken].filter((t): t is string => !!t).map(digest);
  return (req, res, next) => {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(req.get('authorization') ?? '');
    const given = m ? digest(m[1]!) : null;
    // Check every accepted token so the time taken does not tell which one was close.
    let ok = false;
    for (const t of accepted) if (given && timingSafeEqual(given, t)) ok = true;
    if (!ok) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="rolepath"');
      next(unauthorized('This rolepath needs a read token: send "Authorization: Bearer <READ_TOKEN>".'));
      return;
    }
    next();
  };
}
