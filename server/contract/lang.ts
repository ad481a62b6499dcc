/**
 * The languages a person may read answers in, and how a request names one:
 * `lang=ja|en` (a query parameter or CLI option) wins, then the browser's
 * `Accept-Language`, then English. An unknown language is not an error: it
 * falls back the same way, because a person who asked for French still wants
 * an answer.
 */
import { z } from 'zod';

export const LANGS = ['en', 'ja'] as const;
export type Lang = (typeof LANGS)[number];

/** The `lang` query parameter: any short tag is accepted; see resolveLang. */
export const langParam = z.string().max(35).optional();

/** 'ja', 'ja-JP', 'JA_jp' → 'ja'; 'en-GB' → 'en'; anything else → undefined. */
export function toLang(tag: string | undefined): Lang | undefined {
  const base = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return (LANGS as readonly string[]).includes(base ?? '') ? (base as Lang) : undefined;
}

/** The first supported language of an `Accept-Language` header, by quality then order (undefined when none is). */
export function fromAcceptLanguage(header: string | undefined): Lang | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(',')
    .map((part, i) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { lang: toLang(tag), q: q === undefined ? 1 : Number(q), i };
    })
    .filter((x) => x.lang && x.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  return ranked[0]?.lang;
}

/** The language to answer in: an explicit `lang` if supported, else the header's, else English. */
export function resolveLang(lang: string | undefined, acceptLanguage?: string): Lang {
  return toLang(lang) ?? fromAcceptLanguage(acceptLanguage) ?? 'en';
}
