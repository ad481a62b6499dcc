/**
 * Every sentence the route finder says to a person, in English and Japanese.
 * Roles are passed in already named (never ids); families by their display
 * names. Kept apart from the logic so both languages can be read side by side
 * and checked to say the same thing.
 */
import { FAMILY_STYLE } from '../../render/families.js';
import type { RoleFamily } from '../../contract/graph-data.js';
import type { Lang } from '../../contract/lang.js';

const list = (names: readonly string[], lang: Lang) => names.join(lang === 'ja' ? '、' : ', ');

const en = {
  moves: (n: number) => `${n} move${n === 1 ? '' : 's'}`,
  routeWord: (travelled: boolean): string => (travelled ? 'travelled route' : 'route'),
  truncatedFound: <string>'The search stopped at its limit of partial routes; these routes may not be the best ones, and there may be more.',
  noChain: (from: string, to: string) => `No route from ${from} to ${to} in the graph: no chain of recorded moves leads there.`,
  beyondCeiling: (maxHops: number, hops: number, ceiling: number) =>
    `No route within ${en.moves(maxHops)}; the shortest route has ${hops} moves, more than the maximum maxHops of ${ceiling}.`,
  truncatedCaveat: 'The search stopped at its limit of partial routes, so a route meeting every constraint may still exist.',
  truncatedNothing:
    'No route found before the search reached its limit of partial routes; the constraints may still allow one — try fewer constraints or a smaller maxHops.',
  noHistory: (from: string, to: string) =>
    `No stored career history goes from ${from} to ${to}, so there is no travelled route (travelled mode does not guess from the transition graph).`,
  part: {
    maxHops: (n: number) => `maxHops ${n}`,
    avoid: (names: string[]) => `avoid ${list(names, 'en')}`,
    via: (name: string) => `via ${name}`,
    families: (names: string[]) => `families ${list(names, 'en')}`,
    minCount: (n: number) => `minCount ${n}`,
  },
  combined: (t: boolean, parts: string[]) =>
    `No ${en.routeWord(t)} satisfies all the constraints together (${parts.join('; ')}); lifting any single one is not enough.`,
  cutMaxHops: (t: boolean, max: number, shortest: number) =>
    `No ${en.routeWord(t)} within ${en.moves(max)}; the shortest ${en.routeWord(t)} has ${en.moves(shortest)} — raise maxHops.`,
  cutAvoid: (t: boolean, names: string[]) => `Every ${en.routeWord(t)} passes through an avoided role: ${list(names, 'en')}.`,
  cutVia: (t: boolean, via: string) => `No ${en.routeWord(t)} through via role ${via} (there are routes that skip it).`,
  endLabel: { start: 'start', end: 'end', via: 'via' } as Record<'start' | 'end' | 'via', string>,
  cutFamilyEnd: (label: string, role: string, family: string, allowed: string[]) =>
    `The ${label} role ${role} is in family ${family}, which is not among the allowed families (${list(allowed, 'en')}); families apply to every role of a route, endpoints included.`,
  cutFamilyPath: (t: boolean, allowed: string[], outside: string[]) =>
    `No ${en.routeWord(t)} whose roles are all in families ${list(allowed, 'en')}; the shortest one also needs ${list(outside, 'en')}.`,
  outsideRole: (role: string, family: string) => `${role} (${family})`,
  cutMinCount: (t: boolean, min: number, rarest: number) =>
    `No ${en.routeWord(t)} using transitions seen at least ${min} times (the best one has a move seen ${rarest} time${rarest === 1 ? '' : 's'}).`,
  // Why start and target do not meet (the no-route answer).
  noMovesOut: (from: string) => `No recorded move leaves ${from}, so nothing can be reached from it.`,
  noMovesIn: (to: string) => `No recorded move leads into ${to}, so no route can end there.`,
  apart: (from: string, reachable: number, to: string, feeders: number) =>
    `From ${from} the recorded moves reach ${reachable} role${reachable === 1 ? '' : 's'}, and ${feeders} role${feeders === 1 ? '' : 's'} lead${feeders === 1 ? 's' : ''} into ${to}, but no recorded move leaves the first group towards ${to}'s side.`,
  // Validation.
  mode: (modes: readonly string[], got: string) => `mode must be one of ${modes.join(', ')}; got "${got}".`,
  roleRequired: (field: string) => `${field} must be a role id or name.`,
  unknownRole: (field: string, ref: string) => `Unknown role "${ref}" in ${field}.`,
  didYouMean: (names: string[]) => `Did you mean ${list(names, 'en')}?`,
  sameRole: (role: string) => `from and to are the same role (${role}); pick two different roles.`,
  viaDiffers: (role: string) => `via (${role}) must differ from from and to: it is a role passed on the way.`,
  avoidEnds: (role: string) => `avoid cannot contain the start or end role (${role}).`,
  avoidVia: (role: string) => `avoid cannot contain the via role (${role}).`,
  unknownFamily: (f: string, families: string[]) => `Unknown role family "${f}"; families are ${families.join(', ')}.`,
  integer: (field: string, min: number, max: number | null, got: string) =>
    `${field} must be ${max === null ? `an integer ≥ ${min}` : `an integer from ${min} to ${max}`}; got ${got}.`,
};

export type RouteMessages = typeof en;

const ja: RouteMessages = {
  moves: (n) => `${n} 回の移動`,
  routeWord: (travelled) => (travelled ? '実績のあるルート' : 'ルート'),
  truncatedFound: '探索が途中経路の上限に達したため、最良のルートではない可能性があり、ほかにもルートがあるかもしれません。',
  noChain: (from, to) => `${from} から ${to} へのルートはありません。記録された移動をどうつないでもたどり着けません。`,
  beyondCeiling: (maxHops, hops, ceiling) =>
    `${ja.moves(maxHops)}以内のルートはありません。最短のルートは ${hops} 回の移動で、最大移動回数の上限 ${ceiling} を超えています。`,
  truncatedCaveat: '探索が途中経路の上限に達したため、すべての条件を満たすルートがまだある可能性があります。',
  truncatedNothing: '探索の上限に達するまでにルートが見つかりませんでした。条件を満たすルートはあるかもしれません。条件を減らすか、最大移動回数を小さくしてみてください。',
  noHistory: (from, to) =>
    `${from} から ${to} へ進んだキャリア履歴が記録されていないため、実績のあるルートはありません(実績モードは移動のグラフから推測しません)。`,
  part: {
    maxHops: (n) => `最大移動回数 ${n}`,
    avoid: (names) => `除外: ${list(names, 'ja')}`,
    via: (name) => `経由: ${name}`,
    families: (names) => `ファミリー: ${list(names, 'ja')}`,
    minCount: (n) => `最小事例数 ${n}`,
  },
  combined: (t, parts) => `すべての条件(${parts.join('/')})を同時に満たす${ja.routeWord(t)}はありません。どれか一つを外すだけでは足りません。`,
  cutMaxHops: (t, max, shortest) =>
    `${ja.moves(max)}以内の${ja.routeWord(t)}はありません。最短の${ja.routeWord(t)}は${ja.moves(shortest)}です。最大移動回数を増やしてください。`,
  cutAvoid: (t, names) => `どの${ja.routeWord(t)}も除外した職種を通ります: ${list(names, 'ja')}。`,
  cutVia: (t, via) => `経由する職種 ${via} を通る${ja.routeWord(t)}はありません(通らないルートはあります)。`,
  endLabel: { start: '出発', end: '目的地', via: '経由' },
  cutFamilyEnd: (label, role, family, allowed) =>
    `${label}の職種 ${role} はファミリー「${family}」に属し、許可したファミリー(${list(allowed, 'ja')})に含まれません。ファミリーの条件は出発・目的地を含むルート上のすべての職種に適用されます。`,
  cutFamilyPath: (t, allowed, outside) =>
    `すべての職種がファミリー(${list(allowed, 'ja')})に収まる${ja.routeWord(t)}はありません。最短のものは ${list(outside, 'ja')} も通ります。`,
  outsideRole: (role, family) => `${role}(${family})`,
  cutMinCount: (t, min, rarest) =>
    `事例が ${min} 件以上ある移動だけを使う${ja.routeWord(t)}はありません(最良のものでも事例 ${rarest} 件の移動を含みます)。`,
  noMovesOut: (from) => `${from} から出ていく移動は記録されていないため、ここからたどり着ける職種はありません。`,
  noMovesIn: (to) => `${to} へ入ってくる移動は記録されていないため、ここで終わるルートはありません。`,
  apart: (from, reachable, to, feeders) =>
    `${from} から記録された移動でたどり着ける職種は ${reachable} 件、${to} へつながる職種は ${feeders} 件ありますが、前者から ${to} の側へ向かう移動は記録されていません。`,
  mode: (modes, got) => `mode は ${modes.join('、')} のいずれかにしてください(指定値: "${got}")。`,
  roleRequired: (field) => `${field} には職種のIDか名前を指定してください。`,
  unknownRole: (field, ref) => `${field} の職種「${ref}」が見つかりません。`,
  didYouMean: (names) => `もしかして: ${list(names, 'ja')}`,
  sameRole: (role) => `出発と目的地が同じ職種(${role})です。異なる職種を選んでください。`,
  viaDiffers: (role) => `経由する職種(${role})は出発・目的地と別の職種にしてください。`,
  avoidEnds: (role) => `出発・目的地の職種(${role})は除外できません。`,
  avoidVia: (role) => `経由する職種(${role})は除外できません。`,
  unknownFamily: (f, families) => `ファミリー「${f}」はありません。指定できるのは ${families.join('、')} です。`,
  integer: (field, min, max, got) => `${field} は ${max === null ? `${min} 以上の整数` : `${min}〜${max} の整数`}にしてください(指定値: ${got})。`,
};

/** The route finder's sentences in `lang`. */
export function routeMessages(lang: Lang = 'en'): RouteMessages {
  return lang === 'ja' ? ja : en;
}

/** A family as a sentence names it: its id in English (what `families=` takes), its display name in Japanese. */
export function familyLabel(family: RoleFamily | undefined, lang: Lang): string {
  if (!family) return lang === 'ja' ? '不明' : 'unknown';
  return lang === 'ja' ? FAMILY_STYLE[family].ja : family;
}
