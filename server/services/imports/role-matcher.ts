/**
 * Matching the role names written in an import file to stored roles: by id,
 * English or Japanese name, or alias, after the same normalisation as role
 * search (NFKC, case, spaces, hyphens and middle dots ignored), so "CS",
 * "ｶｽﾀﾏｰｻｰﾋﾞｽ" and "customer-support" all find customer support. A name two
 * roles share is ambiguous, not guessed. Unknown names get the closest
 * matches; with `createRoles` they become new roles instead.
 *
 * Suggestions are bounded and deferred (issue 12: 710,000 distinct unknown
 * names once took 85 s and held the event loop for over a second at a time):
 * only the first 100 distinct unknown names get any (a report lists at most
 * 100), `match` hands back an empty list that `fillSuggestions` fills after
 * the file has been read, and that work gives the event loop back every
 * 20 ms.
 */
import type { Role } from '../../contract/graph-data.js';
import { score } from '../routes/suggest.js';
import { normalise, roleNames } from '../text-match.js';

/** What a written role name resolves to. */
export type RoleMatch =
  | { kind: 'found'; index: number }
  | { kind: 'ambiguous'; ids: string[] }
  | { kind: 'unknown'; suggestions: string[] };

const AMBIGUOUS = -1;

/** Distinct unknown names that get suggestions. */
export const SUGGESTION_LIMIT = 100;
/** Suggestions per unknown name. */
const SUGGESTIONS = 3;
/** Longest stretch of suggestion work before the event loop gets a turn. */
const SLICE_MS = 20;
/** What unknown names past the limit get: shared, never filled. */
const NONE: string[] = Object.freeze([]) as unknown as string[];

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Resolves written role names to role indices; created roles are appended after the stored ones. */
export class RoleMatcher {
  /** Stored roles, then roles created by this import. */
  readonly roles: Role[];
  /** How many of `roles` were stored before the import. */
  readonly storedCount: number;
  private readonly byName = new Map<string, number>();
  private readonly ids = new Set<string>();
  private readonly ambiguousIds = new Map<string, string[]>();
  /** Suggestion lists handed out, by normalised name; filled by `fillSuggestions`. */
  private readonly suggested = new Map<string, string[]>();
  private pending: { query: string; out: string[] }[] = [];

  constructor(stored: readonly Role[]) {
    this.roles = [...stored];
    this.storedCount = stored.length;
    stored.forEach((role, i) => this.index(role, i));
  }

  /** The role a written name stands for. */
  match(written: string): RoleMatch {
    const key = normalise(written);
    if (!key) return { kind: 'unknown', suggestions: NONE };
    const i = this.byName.get(key);
    if (i === undefined) return { kind: 'unknown', suggestions: this.suggestionsFor(key) };
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

  /**
   * Fills every suggestion list handed out so far with the closest role ids
   * (over stored and created roles), giving the event loop a turn every
   * 20 ms. Call once the file has been read, before building the report.
   */
  async fillSuggestions(sliceMs = SLICE_MS): Promise<void> {
    if (!this.pending.length) return;
    const pending = this.pending;
    this.pending = [];
    let sliceStart = performance.now();
    const breathe = async () => {
      if (performance.now() - sliceStart < sliceMs) return;
      await yieldToEventLoop();
      sliceStart = performance.now();
    };
    const names: string[][] = [];
    for (let r = 0; r < this.roles.length; r++) {
      const role = this.roles[r]!;
      names.push([role.id, role.name, role.nameJa, ...role.aliases].map(normalise));
      if ((r & 255) === 255) await breathe();
    }
    for (const { query, out } of pending) {
      const scored: { id: string; s: number }[] = [];
      for (let r = 0; r < names.length; r++) {
        const s = score(query, names[r]!);
        if (s < Infinity) scored.push({ id: this.roles[r]!.id, s });
        if ((r & 255) === 255) await breathe();
      }
      scored.sort((a, b) => a.s - b.s || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      out.push(...scored.slice(0, SUGGESTIONS).map((x) => x.id));
      await breathe();
    }
  }

  /** The (shared, at first empty) suggestion list for an unknown normalised name; none past the limit. */
  private suggestionsFor(key: string): string[] {
    const seen = this.suggested.get(key);
    if (seen) return seen;
    if (this.suggested.size >= SUGGESTION_LIMIT) return NONE;
    const out: string[] = [];
    this.suggested.set(key, out);
    this.pending.push({ query: key, out });
    return out;
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
