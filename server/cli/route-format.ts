/** Plain-text rendering of route answers for the terminal, with Japanese and English names. */
import type { RouteResponse } from '../contract/routes.js';

export interface RoleNames {
  name: string;
  nameJa: string;
}

const MODE_LABEL = { fewest: 'fewest moves', likely: 'most likely', travelled: 'most travelled' } as const;
const pct = (p: number) => `${(p * 100).toFixed(p < 0.01 ? 2 : 1)}%`;

/** Renders a route response as readable text; `names` maps role ids to their names. */
export function formatRoutes(res: RouteResponse, names: Map<string, RoleNames>): string {
  const label = (id: string) => {
    const n = names.get(id);
    return n ? `${n.nameJa} (${n.name})` : id;
  };
  const { query } = res;
  const lines = [`${label(query.from)} → ${label(query.to)} — ${MODE_LABEL[query.mode]}`];
  const limits = [
    `k=${query.k}`,
    `maxHops=${query.maxHops}`,
    query.avoid.length ? `avoid=${query.avoid.join(',')}` : '',
    query.via ? `via=${query.via}` : '',
    query.families.length ? `families=${query.families.join(',')}` : '',
    query.minCount > 1 ? `minCount=${query.minCount}` : '',
  ].filter(Boolean);
  lines.push(`  (${limits.join(', ')})`, '');
  if (res.routes.length === 0) lines.push(`No route. ${res.note}`);
  res.routes.forEach((route, i) => {
    const meta = [`${route.hops} move${route.hops === 1 ? '' : 's'}`, `probability ${pct(route.probability)}`];
    if (route.travellers !== null) meta.push(`${route.travellers} traveller${route.travellers === 1 ? '' : 's'}`);
    lines.push(`${i + 1}. ${route.roles.map(label).join(' → ')}`, `   ${meta.join(' · ')}`);
    for (const step of route.steps) {
      lines.push(`   • ${label(step.from)} → ${label(step.to)}: ${step.count} account${step.count === 1 ? '' : 's'}, p=${pct(step.probability)}`);
      if (step.skills.length) lines.push(`     skills: ${step.skills.join(', ')}`);
      for (const e of step.evidence) lines.push(`     「${e.quote}」 — ${e.gloss} [${e.source}]`);
    }
    lines.push('');
  });
  if (res.routes.length && res.note) lines.push(`Note: ${res.note}`);
  return lines.join('\n').trimEnd();
}
