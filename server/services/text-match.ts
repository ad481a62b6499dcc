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
 * How well `query` matches a role: 0 = no match, higher is better
 * (exact name > name prefix > substring).
 */
export function matchScore(role: Role, query: string): number {
  const q = normalise(query);
  if (!q) return 1;
  let best = 0;
  for (const name of roleNames(role)) {
    if (name === q) return 3;
    if (name.startsWith(q)) best = Math.max(best, 2);
    else if (name.includes(q)) best = Math.max(best, 1);
  }
  return best;
}
