/** The language of a request's answer: `?lang=` first, then `Accept-Language` (see contract/lang.ts). */
import type { Request } from 'express';
import { resolveLang, type Lang } from '../contract/lang.js';

export function requestLang(req: Request): Lang {
  const q = (req.query as Record<string, unknown>).lang;
  return resolveLang(typeof q === 'string' ? q : undefined, req.get('accept-language'));
}
