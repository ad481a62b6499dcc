/** Plain-text rendering of route answers for the terminal, with Japanese and English names, in English or Japanese. */
import type { DatasetUnit } from '../contract/datasets.js';
import type { Lang } from '../contract/lang.js';
import type { RouteResponse } from '../contract/routes.js';
import { pct as percent } from '../render/text.js';
import { MODE_NAMES } from '../render/words.js';

export interface RoleNames {
  name: string;
  nameJa: string;
}

const pct = (p: number) => percent(p, 'exact');

const WORDS = {
  en: {
    mode: MODE_NAMES.en,
    noRoute: 'No route.',
    reachable: (n: number) => `Reachable from the start (${n}, nearest first):`,
    feeders: (n: number) => `Roles that lead into the target (${n}, nearest first):`,
    none: '(none)',
    away: (h: number) => `${h} move${h === 1 ? '' : 's'}`,
    more: (n: number) => `… and ${n} more`,
    meta: (hops: number, p: number) => [`${hops} move${hops === 1 ? '' : 's'}`, `probability ${pct(p)}`],
    travellers: (n: number) => `${n} traveller${n === 1 ? '' : 's'}`,
    // A move's count in the answer's unit; a probability table has no counts, only p.
    step: (count: number, p: number, unit: DatasetUnit) =>
      unit === 'probability' ? `p=${pct(p)}` : unit === 'people' ? `${count} ${count === 1 ? 'person' : 'people'}, p=${pct(p)}` : `${count} account${count === 1 ? '' : 's'}, p=${pct(p)}`,
    kind: { move: 'a move people made', recommended: "an author's recommended route", split: 'an organisational split' },
    skills: 'skills',
    note: 'Note',
  },
  ja: {
    mode: MODE_NAMES.ja,
    noRoute: 'ルートはありません。',
    reachable: (n: number) => `出発地からたどり着ける職種(${n} 件、近い順):`,
    feeders: (n: number) => `目的地へつながる職種(${n} 件、近い順):`,
    none: '(なし)',
    away: (h: number) => `${h} 回の移動`,
    more: (n: number) => `…ほか ${n} 件`,
    meta: (hops: number, p: number) => [`${hops} 回の移動`, `確率 ${pct(p)}`],
    travellers: (n: number) => `${n} 人がたどった`,
    step: (count: number, p: number, unit: DatasetUnit) =>
      unit === 'probability' ? `p=${pct(p)}` : unit === 'people' ? `${count} 人、p=${pct(p)}` : `事例 ${count} 件、p=${pct(p)}`,
    kind: { move: '実際の移動', recommended: '筆者の推奨ルート', split: '組織の分化' },
    skills: 'スキル',
    note: '注',
  },
} as const;

/** Renders a route response as readable text; `names` maps role ids to their names. */
export function formatRoutes(res: RouteResponse, names: Map<string, RoleNames>, lang: Lang = 'en'): string {
  const w = WORDS[lang];
  const label = (id: string) => {
    const n = names.get(id);
    return n ? `${n.nameJa} (${n.name})` : id;
  };
  const { query } = res;
  const lines = [`${label(query.from)} → ${label(query.to)} — ${w.mode[query.mode]}`];
  const limits = [
    `k=${query.k}`,
    `maxHops=${query.maxHops}`,
    query.avoid.length ? `avoid=${query.avoid.map(label).join(', ')}` : '',
    query.via ? `via=${label(query.via)}` : '',
    query.families.length ? `families=${query.families.join(',')}` : '',
    query.minCount > 1 ? `minCount=${query.minCount}` : '',
  ].filter(Boolean);
  lines.push(`  (${limits.join(', ')})`, '');
  if (res.routes.length === 0) lines.push(`${w.noRoute} ${res.note}`);
  if (res.noRoute) {
    const side = (title: string, list: { id: string; hops: number }[], total: number) => {
      lines.push('', title);
      if (list.length === 0) lines.push(`  ${w.none}`);
      for (const r of list) lines.push(`  • ${label(r.id)} — ${w.away(r.hops)}`);
      if (total > list.length) lines.push(`  ${w.more(total - list.length)}`);
    };
    lines.push(res.noRoute.reason);
    side(w.reachable(res.noRoute.reachableTotal), res.noRoute.reachable, res.noRoute.reachableTotal);
    side(w.feeders(res.noRoute.feedersTotal), res.noRoute.feeders, res.noRoute.feedersTotal);
  }
  res.routes.forEach((route, i) => {
    const meta: string[] = [...w.meta(route.hops, route.probability)];
    if (route.travellers !== null) meta.push(w.travellers(route.travellers));
    lines.push(`${i + 1}. ${route.roles.map(label).join(' → ')}`, `   ${meta.join(' · ')}`);
    for (const step of route.steps) {
      const kinds = (step.kinds ?? []).map((k) => w.kind[k]).join(' / ');
      lines.push(`   • ${label(step.from)} → ${label(step.to)}: ${w.step(step.count, step.probability, res.datasets?.unit ?? 'accounts')}${kinds ? ` (${kinds})` : ''}`);
      const skills = lang === 'ja' ? (step.skillsJa ?? step.skills) : step.skills;
      if (skills.length) lines.push(`     ${w.skills}: ${skills.join(', ')}`);
      for (const e of step.evidence) lines.push(`     「${e.quote}」 — ${lang === 'ja' ? (e.glossJa ?? e.gloss) : e.gloss} [${e.source}]`);
    }
    lines.push('');
  });
  if (res.routes.length && res.note) lines.push(`${w.note}: ${res.note}`);
  return lines.join('\n').trimEnd();
}
