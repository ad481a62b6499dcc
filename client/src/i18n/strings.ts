/**
 * Interface strings in English and Japanese. Every visible word of the page
 * comes from here so the language switch changes all of it at once; role names
 * come from the data (name / nameJa).
 */
import type { Lang } from '../../../server/contract/lang.js';
import { en, type Strings } from './strings-en.js';
import { ja } from './strings-ja.js';

export type { Lang };

const strings: Record<Lang, Strings> = { en, ja };

export type { Strings };

/** The strings of one language. */
export function t(lang: Lang): Strings {
  return strings[lang];
}
