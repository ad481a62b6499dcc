/**
 * Matching the role names written in an import file to stored roles: by id,
 * English or Japanese name, or alias, after the same normalisation as role
 * search (NFKC, case, spaces, hyphens and middle dots ignored), so "CS",
 * "ｶｽﾀﾏｰｻｰﾋﾞｽ" and "customer-support" all find customer support. A name two
 * roles share is ambiguous, not guessed. Unknown names get the closest
 * matches; with `createRoles` they become new roles instead.
 */
import type { Role } from '../../contract/graph-data.js';
import { closestMatches } from '../routes/suggest.js';
import { normalise, roleNames } from '../text-match.js';

/** What a written role name resolves to. */
export type RoleMatch =
  | { kind: 'found'; index: number }
  | { kind: 'ambiguous'; ids: string[] }
  | { kind: 'unknown'; suggestions: string[] };

const AMBIGUOUS = -1;

/** Resolves written role names to role indices; created roles are appended after the stored ones. */
export class RoleMatcher {
  /** Stored roles, then roles created by this import. */
  readonly roles: Role[];
  /** How many of `roles` were stored before the import. */
  readonly storedCount: number;
  private readonly byName = new Map<string, number>();
  private readonly ids = new Set<string>();
  private readonly ambiguousIds = new Map<string, string[]>();

  constructor(stored: readonly Role[]) {
    this.roles = [...stored];
    this.storedCount = stored.length;
    stored.forEach((role, i) => this.index(role, i));
  }

  /** The role a written name stands for. */
  match(written: string): RoleMatch {
    const key = normalise(written);
    if (!key) return { kind: 'unknown', suggestions: [] };
    const i = this.byName.get(key);
    if (i === undefined) {
      const candidates = this.roles.map((r) => ({ id: r.id, names: [r.id, r.name, r.nameJa, ...r.aliases] }));
      return { kind: 'unknown', suggestions: closestMatches(written, candidates, 3) };
    }
    if (i === AMBIGUOUS) return { kind: 'ambiguous', ids: this.ambiguousIds.get(key) ?? [] };
    return { kind: 'found', index: i };
  }

  /**
   * Creates a role for an unknown name: id from `code` (or the name) made
   * URL-safe, the written name in both languages, family "external" (the
   * import cannot know better; a catalogue import can fix it), and a
   * description saying where it came from. Returns its index.
   */
  create(name: string, dataset: string, code?: string): number {
    const display = name.trim().slice(0, 120) || (code ?? '').trim().slice(0, 120);
    const base = slug(code ?? '') || slug(display) || `role-${hash(display)}`;
    let id = base;
    for (let n = 2; this.ids.has(id); n++) id = `${base.slice(0, 75)}-${n}`;
    const role: Role = {
      id,
      name: display,
      nameJa: display,
      aliases: code && code.trim() && code.trim() !== display ? [code.trim().slice(0, 120)] : [],
      family: 'external',
      description: `Created by the import of dataset "${dataset}" from the name "${display}".`.slice(0, 300),
    };
    const index = this.roles.length;
    this.roles.push(role);
    this.index(role, index);
    return index;
  }

  private index(role: Role, i: number): void {
    this.ids.add(role.id);
    for (const name of new Set(roleNames(role))) {
      if (!name) continue;
      const seen = this.byName.get(name);
      if (seen === undefined || seen === i) this.byName.set(name, i);
      else {
        const ids = this.ambiguousIds.get(name) ?? (seen === AMBIGUOUS ? [] : [this.roles[seen]!.id]);
        ids.push(role.id);
        this.ambiguousIds.set(name, ids);
        this.byName.set(name, AMBIGUOUS);
      }
    }
  }
}

/** A role id made from text: ASCII letters and digits in lowercase, words joined by hyphens (max 80). */
export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}

/** A short stable hash (FNV-1a, 8 hex digits) for ids of names with no ASCII letters. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}
