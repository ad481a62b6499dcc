/**
 * Role names and families by id, built once from the graph. Route answers and
 * error suggestions carry only ids; this turns them into names in the chosen
 * language. Pure: tested without a DOM.
 */
import type { GraphResponse } from '../../../server/contract/api.js';
import type { RoleFamily } from '../../../server/contract/graph-data.js';
import type { Lang } from '../i18n/strings.js';

/** What the page needs to name a role. */
export interface RoleName {
  id: string;
  name: string;
  nameJa: string;
  family: RoleFamily;
}

/** Folds case and full-width/half-width forms so "ＱＡ", "qa" and "QA" compare equal. */
export const fold = (s: string): string => s.normalize('NFKC').trim().toLowerCase();

/** Id → name lookup over the roles of one graph. */
export class RoleDirectory {
  private readonly byId = new Map<string, RoleName>();
  private readonly byFolded = new Map<string, string>();

  constructor(roles: readonly RoleName[]) {
    for (const r of roles) {
      this.byId.set(r.id, r);
      // Ids win over names, so add names first and let ids overwrite.
      for (const key of [r.name, r.nameJa]) if (!this.byFolded.has(fold(key))) this.byFolded.set(fold(key), r.id);
    }
    for (const r of roles) this.byFolded.set(fold(r.id), r.id);
  }

  /** The directory of a graph response's nodes. */
  static fromGraph(graph: GraphResponse): RoleDirectory {
    return new RoleDirectory(graph.elements.nodes.map(({ data: d }) => ({ id: d.id, name: d.label, nameJa: d.labelJa, family: d.family })));
  }

  get size(): number {
    return this.byId.size;
  }

  get(id: string): RoleName | undefined {
    return this.byId.get(id);
  }

  /** The role's name in `lang`, or the id itself for a role the graph does not hold. */
  name(id: string, lang: Lang): string {
    const r = this.byId.get(id);
    return r ? (lang === 'ja' ? r.nameJa : r.name) : id;
  }

  /** The id a typed text names exactly (id, English or Japanese name, case and width folded), or null. */
  resolve(text: string): string | null {
    return this.byFolded.get(fold(text)) ?? null;
  }
}
