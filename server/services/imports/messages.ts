/**
 * Every sentence an import report says to a person (each problem's and
 * warning's `reason`), in English and Japanese, in one table: a message code
 * with its parameters → the text in either language. Importers record a
 * message (`say(code, params)`) rather than text; the report renders it in the
 * language asked for once the file has been read (suggestions are only known
 * then). Roles are passed as ids and named in the language of the report; the
 * English wording is the one the importers have always used.
 */
import { CONTROL_CHARACTERS_MESSAGE } from '../../contract/graph-data.js';
import type { Lang } from '../../contract/lang.js';

/** What a message needs besides its parameters: the role of an id by its name in the report's language. */
export interface SayContext {
  lang: Lang;
  role: (id: string) => string;
}

interface Entry<P> {
  en: (p: P, c: SayContext) => string;
  ja: (p: P, c: SayContext) => string;
}

const entry = <P = Record<string, never>>(en: Entry<P>['en'], ja: Entry<P>['ja']): Entry<P> => ({ en, ja });

const listEn = (xs: readonly string[]) => xs.join(', ');
const listJa = (xs: readonly string[]) => xs.join('、');
const q = (s: string) => `"${s}"`;
const kq = (s: string) => `「${s}」`;

/** A column the header lacks, with its alternatives: ['count', 'probability'] = "count (or probability)". */
type MissingColumn = readonly string[];
const missingEn = (m: MissingColumn) => q(m.length > 1 ? `${m[0]} (or ${m.slice(1).join(' or ')})` : m[0]!);
const missingJa = (m: MissingColumn) => (m.length > 1 ? `${m[0]}(または ${m.slice(1).join('・')})` : m[0]!);

/** What each kind of file needs, said after a header that lacks it. */
const NEEDS = {
  transitions: {
    en: 'A transition table needs from, to, and count or probability.',
    ja: '遷移表には from、to、count または probability の列が必要です。',
  },
  histories: {
    en: 'A career history file needs person_id, seq or start, and role.',
    ja: 'キャリア履歴のファイルには person_id、seq または start、role の列が必要です。',
  },
  roles: {
    en: 'A role catalogue needs id, name (or name_ja) and family (group, aliases, description and description_ja are optional).',
    ja: '職種カタログには id、name(または name_ja)、family の列が必要です(group・aliases・description・description_ja は任意)。',
  },
} as const;

/** Japanese for the zod checks a catalogue row can fail (the English is zod's, or the schema's, message). */
type SchemaCheck = 'too_small' | 'too_big' | 'invalid_format' | 'control' | 'other';
const SCHEMA_JA: Record<SchemaCheck, (bound: number | undefined) => string> = {
  too_small: () => '空にできません',
  too_big: (n) => `${n ?? ''} 文字以内にしてください`,
  invalid_format: () => '英小文字・数字と単独のハイフンで書いてください(例: "customer-support")',
  control: () => '制御文字(タブ・改行など)を含まない値にしてください',
  other: () => 'の値が正しくありません',
};

export const MESSAGES = {
  // The file as a whole.
  emptyFile: entry(
    () => 'The file is empty: it has no header row.',
    () => 'ファイルが空です。見出し行がありません。',
  ),
  noRows: entry(
    () => 'The file has a header but no rows.',
    () => '見出し行だけで、データの行がありません。',
  ),
  utf16: entry(
    () => 'The file is UTF-16, which is not supported: save it as UTF-8 (or Shift_JIS) CSV.',
    () => 'UTF-16 のファイルには対応していません。UTF-8(または Shift_JIS)の CSV として保存し直してください。',
  ),
  notUtf8: entry<{ byte: number }>(
    (p) => `The file is not valid UTF-8 at byte ${p.byte}. If it was saved from Excel in Japanese, pass --encoding shift_jis (or encoding=shift_jis).`,
    (p) => `先頭から ${p.byte} バイトの位置に UTF-8 として正しくないバイトがあります。日本語版 Excel で保存したファイルなら、文字コードに Shift_JIS を指定してください(--encoding shift_jis または encoding=shift_jis)。`,
  ),
  utf8Cut: entry<{ byte: number }>(
    (p) => `The file ends in the middle of a UTF-8 character (byte ${p.byte}).`,
    (p) => `ファイルが UTF-8 の文字の途中で終わっています(先頭から ${p.byte} バイトの位置)。`,
  ),
  notShiftJis: entry<{ from: number; to: number }>(
    (p) => `The file is not valid Shift_JIS (in bytes ${p.from}–${p.to}). Pass the right encoding (--encoding utf-8 or shift_jis).`,
    (p) => `Shift_JIS として正しくない箇所があります(先頭から ${p.from}〜${p.to} バイトの範囲)。正しい文字コードを指定してください(--encoding utf-8 または shift_jis)。`,
  ),
  shiftJisCut: entry(
    () => 'The file ends in the middle of a Shift_JIS character.',
    () => 'ファイルが Shift_JIS の文字の途中で終わっています。',
  ),
  headerMissing: entry<{ kind: keyof typeof NEEDS; missing: MissingColumn[]; columns: readonly string[] }>(
    (p) => `The header has no ${p.missing.map(missingEn).join(', ')} column (columns found: ${listEn(p.columns) || 'none'}). ${NEEDS[p.kind].en}`,
    (p) =>
      `見出し行に ${p.missing.map(missingJa).join('、')} の列がありません(見つかった列: ${listJa(p.columns) || 'なし'})。${NEEDS[p.kind].ja}`,
  ),
  duplicateColumn: entry<{ name: string; first: number; second: number }>(
    (p) => `the header names column "${p.name}" twice (columns ${p.first} and ${p.second}); rename or remove one`,
    (p) => `見出し行に列名${kq(p.name)}が 2 回あります(${p.first} 列目と ${p.second} 列目)。どちらかの名前を変えるか、削除してください。`,
  ),
  strayBom: entry<{ column: number }>(
    (p) => `a byte-order mark (U+FEFF) in the middle of the file, in column ${p.column}: were two files joined? Remove it (and any second header row)`,
    (p) => `ファイルの途中(${p.column} 列目)にバイト順マーク(U+FEFF)があります。2 つのファイルをつなげていませんか。取り除いてください(2 つ目の見出し行があればそれも)。`,
  ),
  // NDJSON lines.
  jsonNested: entry<{ max: number }>(
    (p) => `nested more than ${p.max} levels deep: each line must be one flat JSON object, like {"person_id":"p1","seq":1,"role":"CS"}`,
    (p) => `入れ子が ${p.max} 段を超えています。各行は入れ子のない JSON オブジェクト 1 つにしてください(例: {"person_id":"p1","seq":1,"role":"CS"})。`,
  ),
  jsonInvalid: entry<{ detail: string }>(
    (p) => `not valid JSON: ${p.detail}`,
    () => 'JSON として読めません。括弧や引用符、カンマを確かめてください。',
  ),
  jsonNotObject: entry(
    () => 'each line must be one JSON object, like {"person_id":"p1","seq":1,"role":"CS"}',
    () => '各行は JSON オブジェクト 1 つにしてください(例: {"person_id":"p1","seq":1,"role":"CS"})。',
  ),
  jsonExtraKey: entry<{ key: string; columns: readonly string[] }>(
    (p) => `key "${p.key}" is not among the first row's keys (${listEn(p.columns)}) and is ignored`,
    (p) => `キー${kq(p.key)}は 1 行目のキー(${listJa(p.columns)})にないため、読み飛ばしました。`,
  ),
  // Any row.
  malformed: entry<{ quoteHint: boolean }>(
    (p) => `a quoted field is not closed properly${p.quoteHint ? ' (a value with a quote must be written "like ""this""")' : ''}, or a value is not text or a number`,
    (p) =>
      `引用符で囲んだ値が正しく閉じられていないか、文字列・数値でない値があります。${p.quoteHint ? '値の中の引用符は 2 つ重ねて書いてください(例: "A""B" で A"B)。' : ''}`,
  ),
  missingColumn: entry<{ column: string }>(
    (p) => `missing column "${p.column}"`,
    (p) => `${p.column} 列の値がありません(行の列が足りません)。`,
  ),
  empty: entry<{ column: string }>(
    (p) => `${p.column} is empty`,
    (p) => `${p.column} が空です。`,
  ),
  unknownRole: entry<{ value: string; suggestions: readonly string[] }>(
    () => 'unknown role',
    (p, c) => `職種${kq(p.value)}が見つかりません。${p.suggestions.length ? `近い職種: ${listJa(p.suggestions.map(c.role))}` : '職種 ID・職種名・別名のいずれかで書いてください。'}`,
  ),
  ambiguousRole: entry<{ value: string; ids: readonly string[] }>(
    (p) => `ambiguous role: it is a name of ${p.ids.join(' and ')}; use the role id`,
    (p, c) =>
      `${kq(p.value)}は ${p.ids.map((id) => `${c.role(id)}(${id})`).join(' と ')} のどちらの名前でもあり、特定できません。職種 ID で書いてください。`,
  ),
  // Transition tables.
  sameRole: entry<{ role: string }>(
    () => 'from and to are the same role',
    (p, c) => `from と to が同じ職種(${c.role(p.role)})です。`,
  ),
  countNotNumber: entry(
    () => 'count is not a number',
    () => 'count が数値ではありません。',
  ),
  countNegative: entry(
    () => 'count is negative',
    () => 'count が負の数です。',
  ),
  countNotWhole: entry(
    () => 'count must be a whole number',
    () => 'count は整数にしてください。',
  ),
  countZero: entry(
    () => 'count is 0: leave the move out instead',
    () => 'count が 0 です。その移動は表から外してください。',
  ),
  countTooLarge: entry(
    () => 'count is too large',
    () => 'count が大きすぎます。',
  ),
  probabilityNotNumber: entry(
    () => 'probability is not a number',
    () => 'probability が数値ではありません。',
  ),
  probabilityOver1: entry(
    () => 'probability is over 1',
    () => 'probability が 1 を超えています(0〜1、または 0%〜100% で書いてください)。',
  ),
  probabilityNegative: entry(
    () => 'probability is negative',
    () => 'probability が負の数です。',
  ),
  badKind: entry<{ kinds: readonly string[] }>(
    (p) => `kind must be one of ${listEn(p.kinds)}`,
    (p) => `kind は ${listJa(p.kinds)} のいずれかにしてください。`,
  ),
  duplicateTransition: entry<{ line: number }>(
    (p) => `duplicate transition: the same move is on line ${p.line}`,
    (p) => `同じ移動が ${p.line} 行目にもあります(重複)。`,
  ),
  probabilitySumOver: entry<{ role: string; sum: number }>(
    (p) => `the probabilities of the moves out of "${p.role}" add up to ${p.sum}, over 1`,
    (p, c) => `${c.role(p.role)} から出る移動の probability の合計が ${p.sum} で、1 を超えています。`,
  ),
  probabilitySumUnder: entry<{ under: number; roles: number; examples: readonly { role: string; sum: number }[] }>(
    (p) =>
      `the moves out of ${p.under} of ${p.roles} roles add up to less than 1 (${p.examples.map((e) => `"${e.role}" ${e.sum}`).join(', ')}${p.under > p.examples.length ? ', …' : ''}): fine, the rest left the table; routes use the probabilities as given`,
    (p, c) =>
      `${p.roles} 職種のうち ${p.under} 職種で、出ていく移動の probability の合計が 1 未満です(${p.examples.map((e) => `${c.role(e.role)}: ${e.sum}`).join('、')}${p.under > p.examples.length ? '、…' : ''})。残りは表の外へ移ったものとみなし、問題ありません。ルートは書かれた確率をそのまま使います。`,
  ),
  probabilityOnly: entry<{ k: number }>(
    (p) =>
      `a table of probabilities only carries no counts of people: there is nothing for the privacy threshold (k = ${p.k}) to protect, so nothing is suppressed; routes use the table's own probabilities`,
    (p) =>
      `確率だけの表には人数が含まれないため、プライバシーのしきい値(k = ${p.k})で守る対象がなく、何も非表示にしていません。ルートは表の確率をそのまま使います。`,
  ),
  disagree: entry<{ count: number; total: number; exact: boolean; role: string; share: number }>(
    (p) =>
      `the probability disagrees with the count beyond rounding: a count of ${p.count} out of ${p.exact ? `${p.total} (the counts of the moves out of "${p.role}")` : `about ${p.total} (the total the other rows out of "${p.role}" imply)`} is ${p.share}`,
    (p, c) =>
      `probability が count と合いません(四捨五入の誤差を超えています)。${p.exact ? `${c.role(p.role)} から出る移動の count の合計 ${p.total}` : `${c.role(p.role)} から出るほかの行から推定される合計 約 ${p.total}`} のうち ${p.count} なら、確率は ${p.share} です。`,
  ),
  notCreatedSuppressed: entry<{ n: number }>(
    (p) => `${p.n} new role name(s) appear only in suppressed moves and are not created`,
    (p) => `新しい職種名 ${p.n} 件は非表示になった移動にしか現れないため、作成しません。`,
  ),
  // Career histories.
  seqNotWhole: entry(
    () => "seq must be a whole number ≥ 0 (the stint's place in the career)",
    () => 'seq は 0 以上の整数(キャリアの中での在籍の順番)にしてください。',
  ),
  startNotDate: entry(
    () => 'start must be a date like 2021-04-01 or 2021/04',
    () => 'start は 2021-04-01 や 2021/04 のような日付にしてください。',
  ),
  endNotDate: entry(
    () => 'end must be a date like 2023-03-31 (or empty)',
    () => 'end は 2023-03-31 のような日付にしてください(空でも構いません)。',
  ),
  endBeforeStart: entry(
    () => 'end is before start',
    () => 'end が start より前の日付です。',
  ),
  duplicateStint: entry<{ bySeq: boolean; line: number }>(
    (p) => `duplicate stint: this person already has a stint with this ${p.bySeq ? 'seq' : 'start'} on line ${p.line}`,
    (p) => `在籍の重複: この人には同じ ${p.bySeq ? 'seq' : 'start'} の在籍が ${p.line} 行目にもあり、順番がわかりません。`,
  ),
  oneStint: entry(
    () => 'a history of one stint: no move to count',
    () => '在籍が 1 件だけの履歴のため、数える移動がありません。',
  ),
  sameRoleOnly: entry(
    () => 'every stint of this history is in the same role: no move to count',
    () => 'この履歴の在籍はすべて同じ職種のため、数える移動がありません。',
  ),
  notCreatedBelowK: entry<{ n: number; k: number }>(
    (p) => `${p.n} new role name(s) appear only in moves or careers of fewer than ${p.k} people and are not created`,
    (p) => `新しい職種名 ${p.n} 件は ${p.k} 人未満の移動・キャリアにしか現れないため、作成しません。`,
  ),
  // Role catalogues.
  badFamily: entry<{ families: readonly string[] }>(
    (p) => `family must be one of ${listEn(p.families)}`,
    (p) => `family は ${listJa(p.families)} のいずれかにしてください。`,
  ),
  badField: entry<{ column: string; message: string; check: SchemaCheck; bound?: number }>(
    (p) => (p.check === 'too_big' ? `${p.column} must be at most ${p.bound} characters` : `${p.column} ${p.message}`),
    (p) => (p.check === 'other' ? `${p.column} ${SCHEMA_JA.other(p.bound)}。` : `${p.column} は${SCHEMA_JA[p.check](p.bound)}。`),
  ),
  duplicateRoleId: entry<{ line: number }>(
    (p) => `duplicate role id: also on line ${p.line}`,
    (p) => `同じ職種 ID が ${p.line} 行目にもあります(重複)。`,
  ),
};

export type MessageCode = keyof typeof MESSAGES;
type ParamsOf<K extends MessageCode> = (typeof MESSAGES)[K] extends Entry<infer P> ? P : never;

/** A message to say: its code and parameters. */
export type Said = { [K in MessageCode]: { code: K; params: ParamsOf<K> } }[MessageCode];

/** A message, to be rendered in the report's language. */
export function say<K extends MessageCode>(code: K, ...params: ParamsOf<K> extends Record<string, never> ? [] : [ParamsOf<K>]): Said {
  return { code, params: (params[0] ?? {}) as ParamsOf<K> } as Said;
}

/** The message in `ctx.lang`. */
export function render(said: Said, ctx: SayContext): string {
  const e = MESSAGES[said.code] as Entry<unknown>;
  return e[ctx.lang](said.params, ctx);
}

/** English text of a message whose roles are named by id (for errors thrown before any report exists). */
export const english = (said: Said): string => render(said, { lang: 'en', role: (id) => id });

/** Classifies a zod issue of a catalogue row for the Japanese message. */
export function schemaCheck(issue: { code: string; maximum?: unknown; message?: string }): { check: SchemaCheck; bound?: number } {
  if (issue.code === 'too_small') return { check: 'too_small' };
  if (issue.code === 'too_big') return { check: 'too_big', bound: Number(issue.maximum) };
  if (issue.code === 'invalid_format') return { check: issue.message === CONTROL_CHARACTERS_MESSAGE ? 'control' : 'invalid_format' };
  return { check: 'other' };
}

/** The sentences of `POST /api/imports` itself (the error's `message`), in either language. */
export const ANSWERS = {
  rejected: (rows: number | null, lang: Lang): string =>
    lang === 'ja'
      ? `${rows !== null ? `${rows} 行にエラーがあります` : 'ファイルにエラーがあります'}。何も書き込んでいません。`
      : `${rows !== null ? `${rows} row(s) have errors` : 'The file has errors'}; nothing was written.`,
  tooLarge: (max: number, lang: Lang): string =>
    lang === 'ja' ? `ファイルがインポートの上限 ${max} バイトを超えています。` : `The file is larger than the import limit of ${max} bytes.`,
  aborted: (bytes: number, lang: Lang): string =>
    lang === 'ja'
      ? `アップロードが ${bytes} バイトで止まりました。ファイル全体が届く前に接続が切れたためです。何も書き込んでいません。`
      : `The upload stopped after ${bytes} bytes: the client closed the connection before the whole file arrived. Nothing was written.`,
  running: (lang: Lang): string =>
    lang === 'ja' ? '別のインポートを実行中です。終わってからもう一度お試しください。' : 'Another import is running. Try again when it has finished.',
  shuttingDown: (lang: Lang): string =>
    lang === 'ja'
      ? 'サーバーが停止処理中のため、このインポートは書き込む前に止めました。何も書き込んでいません。サーバーが戻ったらもう一度送ってください。'
      : 'The server is shutting down: this import was stopped before it wrote anything. Nothing was written; send it again once the server is back.',
};
