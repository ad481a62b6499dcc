/**
 * Text normalisation and ranking for role look-ups in English and Japanese:
 * NFKC folds full-width/half-width forms, case is ignored, and katakana/hiragana
 * spacing and middle dots do not matter.
 */
import type { Role } from '../contract/graph-data.js';

/** Normalises a name for comparison. */
export function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s・･_\-‐－/]+/g, '');
}

/** Every name a role answers to, normalised. */
export function roleNames(role: Role): string[] {
  return [role.id, role.name, role.nameJa, ...role.aliases].map(normalise);
}

/**
 * How well `query` matches a role: 0 = no match, higher is better. A role's
 * main names (id, English and Japanese name) outrank its aliases at each level,
 * and the levels are exact > prefix > substring:
 * 6 main exact, 5 alias exact, 4 main prefix, 3 alias prefix, 2 main substring, 1 alias substring.
 * So 「カスタマー」 ranks the roles *named* カスタマー… above one that merely has such an alias.
 */
export function matchScore(role: Role, query: string): number {
  return match(role, query).score;
}

/**
 * The score (see matchScore) and how many distinct names of the role contain
 * the query: among roles tied on score, the one that answers to the text under
 * more of its names is the likelier meaning (「カスタマー」: カスタマーサポート is
 * also カスタマーサービス, カスタマーリレーション…, while カスタマーサクセス is one name).
 */
export function match(role: Role, query: string): { score: number; names: number } {
  const q = normalise(query);
  if (!q) return { score: 1, names: 0 };
  const main = new Set([role.id, role.name, role.nameJa].map(normalise));
  let score = 0;
  let names = 0;
  for (const name of new Set(roleNames(role))) {
    const isMain = main.has(name);
    let level = 0;
    if (name === q) level = 3;
    else if (name.startsWith(q)) level = 2;
    else if (name.includes(q)) level = 1;
    if (level === 0) continue;
    names++;
    score = Math.max(score, level * 2 - (isMain ? 0 : 1));
  }
  return { score, names };
}
