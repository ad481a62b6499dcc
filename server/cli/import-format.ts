/** Plain-text rendering of an import report for the terminal (English or Japanese), and the progress bar. */
import type { ImportIssue, ImportReport } from '../contract/imports.js';
import type { Lang } from '../contract/lang.js';

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

/** The report's own lines, in each language (the issues' reasons come from the server already in the language asked for). */
const WORDS = {
  en: {
    n: (x: number) => x.toLocaleString('en-US'),
    where: (line: number) => (line > 0 ? `line ${line}` : 'file'),
    didYouMean: (ids: string) => ` (did you mean ${ids}?)`,
    rejected: 'REJECTED: nothing was written',
    dryRun: 'OK (dry run: nothing was written)',
    written: 'OK: written',
    via: (server: boolean) => (server ? 'through the running server' : 'directly into the store'),
    title: (r: ImportReport, via: string, outcome: string) => `Import of ${r.kind} into dataset "${r.dataset}" (${via}): ${outcome}`,
    file: (r: ImportReport, n: (x: number) => string) => `  file: ${mb(r.bytes)}, ${r.encoding}, ${r.format}; ${n(r.rowsRead)} rows read, ${n(r.rejected)} rejected`,
    people: (p: string, s: string) => `  people: ${p}, stints: ${s}`,
    probabilityOnly: (t: string) => `  transitions: ${t} kept; unit: probability (no counts, so nothing for k to suppress)`,
    transitions: (t: string, sup: string, k: number, unit: string) => `  transitions: ${t} kept, ${sup} suppressed (seen fewer than k = ${k} times); unit: ${unit}`,
    routes: (kept: string, sup: string) => `  routes: ${kept} kept, ${sup} suppressed`,
    newRoles: (list: string, updated: string) => `  new roles: ${list || 'none'}${updated ? `; updated roles: ${updated}` : ''}`,
    moreChanged: (x: string) => `    … and ${x} more changed roles`,
    unknownTitle: '  unknown roles (use --create-roles to create them, or fix the names):',
    closest: (list: string) => ` — closest: ${list}`,
    unknown: (value: string, rows: string, line: number, hint: string) => `    "${value}" on ${rows} row(s), first at line ${line}${hint}`,
    errors: (x: string) => `  errors (${x}):`,
    warnings: (x: string) => `  warnings (${x}):`,
    more: (x: string) => `  … and ${x} more`,
    time: (s: string) => `  time: ${s} s`,
    sep: ', ',
  },
  ja: {
    n: (x: number) => x.toLocaleString('ja-JP'),
    where: (line: number) => (line > 0 ? `${line} 行目` : 'ファイル全体'),
    didYouMean: (ids: string) => `(候補: ${ids})`,
    rejected: '不採用: 何も書き込んでいません',
    dryRun: 'OK(確認のみ: 何も書き込んでいません)',
    written: 'OK: 書き込みました',
    via: (server: boolean) => (server ? '起動中のサーバー経由' : 'データベースへ直接'),
    title: (r: ImportReport, via: string, outcome: string) => `${KINDS_JA[r.kind]}をデータセット「${r.dataset}」へインポート(${via}): ${outcome}`,
    file: (r: ImportReport, n: (x: number) => string) => `  ファイル: ${mb(r.bytes)}・${r.encoding}・${r.format}。${n(r.rowsRead)} 行を読み、${n(r.rejected)} 行を不採用`,
    people: (p: string, s: string) => `  人数: ${p} 人、在籍: ${s} 件`,
    probabilityOnly: (t: string) => `  遷移: ${t} 件を保存。単位: 確率(人数がないため、k で非表示にするものはありません)`,
    transitions: (t: string, sup: string, k: number, unit: string) => `  遷移: ${t} 件を保存、${sup} 件を非表示(k = ${k} 人未満)。単位: ${UNITS_JA[unit] ?? unit}`,
    routes: (kept: string, sup: string) => `  ルート: ${kept} 件を保存、${sup} 件を非表示`,
    newRoles: (list: string, updated: string) => `  新しい職種: ${list || 'なし'}${updated ? `。更新した職種: ${updated} 件` : ''}`,
    moreChanged: (x: string) => `    … ほかに変更のある職種 ${x} 件`,
    unknownTitle: '  見つからない職種(--create-roles で作成するか、名前を直してください):',
    closest: (list: string) => ` — 近い職種: ${list}`,
    unknown: (value: string, rows: string, line: number, hint: string) => `    「${value}」: ${rows} 行(最初は ${line} 行目)${hint}`,
    errors: (x: string) => `  エラー(${x} 件):`,
    warnings: (x: string) => `  警告(${x} 件):`,
    more: (x: string) => `  … ほか ${x} 件`,
    time: (s: string) => `  所要時間: ${s} 秒`,
    sep: '、',
  },
} as const;

const KINDS_JA: Record<ImportReport['kind'], string> = { histories: 'キャリア履歴', transitions: '遷移表', roles: '職種カタログ' };
const UNITS_JA: Record<string, string> = { people: '人数', accounts: '事例数', probability: '確率' };
const FIELDS_JA: Record<string, string> = {
  name: '英語名',
  nameJa: '日本語名',
  family: '職種グループ',
  group: '部署・グループ',
  aliases: '別名',
  description: '説明',
  descriptionJa: '日本語の説明',
};

function issueLine(i: ImportIssue, lang: Lang): string {
  const w = WORDS[lang];
  const what = [i.column ? `${i.column}` : '', i.value !== undefined ? `"${i.value}"` : ''].filter(Boolean).join(' ');
  // In Japanese the reason names the unknown role and its closest roles itself.
  const hint = lang === 'en' && i.suggestions?.length ? w.didYouMean(i.suggestions.join(', ')) : '';
  return `  ${w.where(i.line)}: ${what ? `${what}: ` : ''}${i.reason}${hint}`;
}

/** Renders a report as readable text in `lang` (the reasons are as the report gives them). */
export function formatImportReport(r: ImportReport, via: 'server' | 'direct', lang: Lang = 'en'): string {
  const w = WORDS[lang];
  const n = w.n;
  const outcome = !r.ok ? w.rejected : r.dryRun ? w.dryRun : w.written;
  const lines = [w.title(r, w.via(via === 'server'), outcome), w.file(r, n)];
  if (r.kind === 'histories') lines.push(w.people(n(r.people), n(r.stints)));
  if (r.kind !== 'roles') {
    if (r.unit === 'probability') lines.push(w.probabilityOnly(n(r.transitions)));
    else lines.push(w.transitions(n(r.transitions), n(r.suppressed.transitions), r.minCount, r.unit ?? 'people'));
    if (r.kind === 'histories') lines.push(w.routes(n(r.routes), n(r.suppressed.routes)));
  }
  lines.push(w.newRoles(r.newRoles.map((x) => `${x.id} (${x.name})`).join(w.sep), r.updatedRoles ? n(r.updatedRoles) : ''));
  for (const c of r.changedRoles.slice(0, 20)) {
    const field = (f: string) => (lang === 'ja' ? (FIELDS_JA[f] ?? f) : f);
    lines.push(`    ${c.id}: ${c.changes.map((x) => `${field(x.field)} "${x.before}" → "${x.after}"`).join('; ')}`);
  }
  if (r.changedRoles.length + r.moreChangedRoles > 20) lines.push(w.moreChanged(n(r.changedRoles.length + r.moreChangedRoles - 20)));
  if (r.unknownRoles.length) {
    lines.push(w.unknownTitle);
    for (const u of r.unknownRoles.slice(0, 20)) {
      const names = u.suggestions.map((s) => (lang === 'ja' ? `${s.nameJa}(${s.id})` : `${s.id} (${s.name} / ${s.nameJa})`));
      lines.push(w.unknown(u.value, n(u.rows), u.firstLine, names.length ? w.closest(names.join(w.sep)) : ''));
    }
  }
  if (r.errors.length) {
    lines.push(w.errors(n(r.errors.length + r.moreErrors)), ...r.errors.map((i) => issueLine(i, lang)));
    if (r.moreErrors) lines.push(w.more(n(r.moreErrors)));
  }
  if (r.warnings.length) {
    lines.push(w.warnings(n(r.warnings.length + r.moreWarnings)), ...r.warnings.slice(0, 10).map((i) => issueLine(i, lang)));
    const more = r.moreWarnings + Math.max(0, r.warnings.length - 10);
    if (more) lines.push(w.more(n(more)));
  }
  lines.push(w.time((r.ms / 1000).toFixed(2)));
  return lines.join('\n');
}
/** A one-line progress bar on a terminal (stderr); nothing when stderr is not a terminal. */
export class ProgressBar {
  private last = 0;
  private readonly enabled: boolean;

  constructor(
    private readonly total: number,
    private readonly label: string,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {
    this.enabled = Boolean(stream.isTTY) && total > 0;
  }

  /** Shows `done` bytes of `total` (at most ten updates a second). */
  update(done: number): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.last < 100 && done < this.total) return;
    this.last = now;
    const width = 30;
    const share = Math.min(1, done / this.total);
    const filled = Math.round(share * width);
    this.stream.write(`\r${this.label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.floor(share * 100)).padStart(3)}% ${mb(done)} / ${mb(this.total)}`);
  }

  /** Clears the bar. */
  done(): void {
    if (this.enabled) this.stream.write('\r\u001b[2K');
  }
}
