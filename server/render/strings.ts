/** Words of the exported diagrams in English and Japanese (the page's own strings live in client/src/i18n). */
import type { TransitionKind } from '../contract/graph-data.js';
import type { ExportLang } from './model.js';
import { pct } from './text.js';
import { MODE_NAMES } from './words.js';

const en = {
  mode: MODE_NAMES.en,
  title: (from: string, to: string, mode: string) => `${from} → ${to}, ${mode}`,
  moves: (n: number) => `${n} move${n === 1 ? '' : 's'}`,
  routeProbability: (p: number) => `route probability ${pct(p)}`,
  travellers: (n: number) => `${n} career histor${n === 1 ? 'y' : 'ies'} took this route`,
  routeOf: (i: number, n: number) => `route ${i} of ${n}`,
  step: (count: number, p: number) => (count > 0 ? `${count} account${count === 1 ? '' : 's'} · ${pct(p)}` : 'no recorded move'),
  start: 'FROM',
  goal: 'TO',
  constraints: 'Constraints',
  via: (r: string) => `via ${r}`,
  avoid: (r: string) => `avoiding ${r}`,
  families: (f: string) => `only ${f}`,
  maxHops: (n: number) => `at most ${n} moves`,
  minCount: (n: number) => `moves with ≥ ${n} accounts`,
  /** What a move is (route steps, legends, edge labels). */
  kind: { move: 'move people made', recommended: "author's recommendation", split: 'organisational split' } as Record<TransitionKind, string>,
  /** A route search over some kinds of move only (the query's `kinds`). */
  onlyKinds: (kinds: readonly TransitionKind[]) => (kinds.length === 1 && kinds[0] === 'move' ? 'moves people made only' : `only: ${kinds.map((k) => en.kind[k]).join(', ')}`),
  legendMove: 'move: accounts · share of people leaving the role who make it',
  legendSkills: 'skills the move draws on',
  source: (s: string) => `Source: ${s}`,
  stamp: (version: string, at: string) => `Data version ${version} · exported ${at} · rolepath`,
};

type Strings = typeof en;

const ja: Strings = {
  mode: MODE_NAMES.ja,
  title: (from, to, mode) => `${from} → ${to}（${mode}）`,
  moves: (n) => `${n} 回の移動`,
  routeProbability: (p) => `ルートの確率 ${pct(p)}`,
  travellers: (n) => `${n} 件のキャリア履歴がたどったルート`,
  routeOf: (i, n) => `ルート ${i} / ${n}`,
  step: (count, p) => (count > 0 ? `事例 ${count} 件 · ${pct(p)}` : '記録された移動なし'),
  start: '出発',
  goal: '目的地',
  constraints: '条件',
  via: (r) => `経由: ${r}`,
  avoid: (r) => `除外: ${r}`,
  families: (f) => `ファミリー: ${f}`,
  maxHops: (n) => `最大 ${n} 回の移動`,
  minCount: (n) => `事例 ${n} 件以上の移動`,
  kind: { move: '実際の移動', recommended: '筆者の推奨ルート', split: '組織の分化' },
  onlyKinds: (kinds) => (kinds.length === 1 && kinds[0] === 'move' ? '実際の移動のみ' : `${kinds.map((k) => ja.kind[k]).join('・')}のみ`),
  legendMove: '移動: 事例数 · その職種を離れた人のうちこの移動を選んだ割合',
  legendSkills: 'その移動で活きるスキル',
  source: (s) => `出典: ${s}`,
  stamp: (version, at) => `データバージョン ${version} · 出力 ${at} · rolepath`,
};

/** The diagram words of one language. */
export function diagramStrings(lang: ExportLang): Strings {
  return lang === 'ja' ? ja : en;
}

/** A move's label: its accounts and share, then what it is ("3 accounts · 11% · move people made"); an unstored move says so. */
export function moveMetric(lang: ExportLang, count: number, probability: number, kinds: readonly TransitionKind[] = []): string {
  const s = diagramStrings(lang);
  return [s.step(count, probability), ...(count > 0 && kinds.length ? [kinds.map((k) => s.kind[k]).join(' / ')] : [])].join(' · ');
}

/** An ISO time as "2025-06-01 09:30 UTC" for footers. */
export function footerTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
