/** Interface strings in English and Japanese. */
export type Lang = 'en' | 'ja';

const strings = {
  en: {
    tagline: 'Where can you go from your role, and which way do people actually get there?',
    loading: 'Loading the role graph…',
    loaded: (roles: number, moves: number) => `${roles} roles, ${moves} moves. Click a role to see where it leads.`,
    pickRole: 'Click a role in the graph to see where people go from it and where they come from.',
    goesTo: 'Where people go next',
    comesFrom: 'Where people come from',
    none: 'None recorded.',
    accounts: (n: number) => `${n} account${n === 1 ? '' : 's'}`,
    probability: 'probability',
    skills: 'Skills',
    evidence: 'Evidence',
    aliases: 'Also called',
    error: (msg: string) => `Something went wrong: ${msg}`,
    kind: { move: 'move people made', recommended: 'recommended route', split: 'structural split' },
  },
  ja: {
    tagline: 'いまの職種からどこへ行けるのか、実際にはどんな道をたどるのか。',
    loading: 'ロールグラフを読み込んでいます…',
    loaded: (roles: number, moves: number) => `${roles} 職種・${moves} 件の移動。職種をクリックすると行き先が表示されます。`,
    pickRole: 'グラフの職種をクリックすると、そこからの行き先と、そこへ来る前の職種が表示されます。',
    goesTo: 'ここからの行き先',
    comesFrom: 'ここへ来る前の職種',
    none: '記録なし',
    accounts: (n: number) => `${n} 件の事例`,
    probability: '確率',
    skills: 'スキル',
    evidence: '根拠',
    aliases: '別名',
    error: (msg: string) => `エラーが発生しました: ${msg}`,
    kind: { move: '実際の移動', recommended: '推奨ルート', split: '組織の分化' },
  },
} as const;

export type Strings = (typeof strings)[Lang];

export function t(lang: Lang): Strings {
  return strings[lang];
}
