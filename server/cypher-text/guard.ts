/**
 * A check of user Cypher text: one statement, no clause that writes, no file,
 * extension, database or transaction command, and only read-only procedures.
 * The query service runs all of it before anything reaches the database (for
 * clear 403s); each adapter runs the part a read-only engine would not refuse
 * by itself (files, extensions, settings …: server/db/cypher-guard.ts), so a
 * caller of GraphStore.runReadOnly is held to it too. Pure: no I/O.
 *
 * It reads the text the way Cypher's lexers do (comments, 'strings' and
 * "strings" with backslash escapes, `quoted names`), so a keyword inside a
 * string or comment is not a keyword and a comment cannot hide one. It is
 * not the only defence: the engines refuse writes themselves (see
 * GraphStore.runReadOnly). It exists for clear messages, and because some
 * statements are not writes to the graph yet must not run for a web user:
 * Kùzu's COPY … TO and EXPORT DATABASE write files, LOAD FROM reads them,
 * INSTALL fetches extensions, ATTACH opens other databases.
 *
 * Neo4j decodes `\uXXXX` escapes anywhere in a query before it lexes it
 * (`\u004cOAD CSV`, `\u0043ALL dbms.listConfig()`, a `\u0027` that ends a
 * string early), so the text is checked twice: as written and as Neo4j
 * decodes it; either being refused refuses the query.
 */
/** Why a text was refused, with where. Line and column are 1-based. */
export interface GuardViolation {
  reason: 'write' | 'files' | 'admin' | 'transaction' | 'procedure' | 'multiple-statements' | 'empty';
  keyword: string;
  line: number;
  column: number;
  message: string;
}

export type GuardResult = { ok: true; statement: string } | { ok: false; violation: GuardViolation };

const WRITE = new Set(['CREATE', 'MERGE', 'SET', 'DELETE', 'DETACH', 'REMOVE', 'DROP', 'ALTER', 'FOREACH', 'RENAME']);
const FILES = new Set(['COPY', 'LOAD', 'EXPORT', 'IMPORT', 'INSTALL', 'ATTACH', 'USE']);
const TRANSACTION = new Set(['BEGIN', 'COMMIT', 'ROLLBACK', 'CHECKPOINT', 'TERMINATE']);
const ADMIN = new Set(['GRANT', 'REVOKE', 'DENY', 'SHOW']);

/**
 * Procedures and table functions that only read. Anything else after CALL is
 * refused (the engines would refuse writing ones too; unknown ones are not
 * worth the risk).
 */
export const READ_PROCEDURES = new Set(
  [
    // Neo4j
    'db.labels',
    'db.relationshipTypes',
    'db.propertyKeys',
    'db.schema.visualization',
    'db.schema.nodeTypeProperties',
    'db.schema.relTypeProperties',
    'dbms.components',
    // Kùzu
    'show_tables',
    'table_info',
    'show_connection',
    'db_version',
    'show_functions',
    // Not current_setting: it tells anyone the server's home directory and other settings.
  ].map((p) => p.toLowerCase()),
);

interface Token {
  kind: 'word' | 'symbol';
  text: string;
  at: number;
}

/** Words and symbols outside comments, strings and quoted names. */
function tokens(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    const next = text[i + 1];
    if (/\s/.test(c)) i++;
    else if (c === '/' && next === '/') {
      while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
    } else if (c === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 2;
    } else if (c === "'" || c === '"') {
      i++;
      while (i < text.length && text[i] !== c) i += text[i] === '\\' ? 2 : 1;
      i++;
    } else if (c === '`') {
      // A quoted name: `` inside it is an escaped backtick.
      const start = i++;
      while (i < text.length && !(text[i] === '`' && text[i + 1] !== '`')) i += text[i] === '`' ? 2 : 1;
      i++;
      out.push({ kind: 'word', text: '`', at: start });
    } else if (/[\p{L}_]/u.test(c)) {
      const start = i;
      while (i < text.length && /[\p{L}\p{N}_]/u.test(text[i]!)) i++;
      out.push({ kind: 'word', text: text.slice(start, i), at: start });
    } else {
      out.push({ kind: 'symbol', text: c, at: i });
      i++;
    }
  }
  return out;
}

function position(text: string, at: number): { line: number; column: number } {
  const before = text.slice(0, at).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

/**
 * The text as Neo4j reads it: every `\uXXXX` decoded, in one pass, unless its
 * backslash is itself escaped (`\\u0041` stays as written); `origin[i]` is
 * the index in `text` of the decoded text's character `i`.
 */
export function decodeUnicodeEscapes(text: string): { text: string; origin: number[] } {
  let out = '';
  const origin: number[] = [];
  for (let i = 0; i < text.length; ) {
    if (text[i] === '\\' && text[i + 1] === '\\') {
      out += '\\\\';
      origin.push(i, i + 1);
      i += 2;
    } else if (text[i] === '\\' && text[i + 1] === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
      out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
      origin.push(i);
      i += 6;
    } else {
      out += text[i]!;
      origin.push(i++);
    }
  }
  return { text: out, origin };
}

/**
 * Checks that `text` is a single read-only statement; on success gives it back
 * without a trailing `;`. `allow` skips kinds of problem that the caller leaves
 * to the engine (the adapters let the engine refuse writes and second
 * statements, and check only what a read-only engine would still do). The
 * text is checked as written and, when it holds `\u` escapes, as Neo4j
 * decodes them (positions are given in the text as written).
 */
export function checkReadOnly(text: string, options: { allow?: readonly GuardViolation['reason'][] } = {}): GuardResult {
  const asWritten = checkText(text, options);
  if (!asWritten.ok) return asWritten;
  const decoded = decodeUnicodeEscapes(text);
  if (decoded.text === text) return asWritten;
  const asDecoded = checkText(decoded.text, options);
  if (asDecoded.ok) return asWritten;
  const { violation } = asDecoded;
  const at = decoded.origin[offsetOf(decoded.text, violation.line, violation.column)] ?? 0;
  const { line, column } = position(text, at);
  const message = violation.message.replace(/ \(line \d+, column \d+\)\.$/, ` (line ${line}, column ${column}, after decoding \\u escapes as Neo4j does).`);
  return { ok: false, violation: { ...violation, line, column, message } };
}

function offsetOf(text: string, line: number, column: number): number {
  const lines = text.split('\n');
  return lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + column - 1;
}

function checkText(text: string, { allow = [] }: { allow?: readonly GuardViolation['reason'][] }): GuardResult {
  const toks = tokens(text);
  const refuse = (reason: GuardViolation['reason'], tok: Token, message: string): GuardResult | null => {
    if (allow.includes(reason)) return null;
    const { line, column } = position(text, tok.at);
    return { ok: false, violation: { reason, keyword: tok.text, line, column, message: `${message} (line ${line}, column ${column}).` } };
  };
  if (toks.length === 0) return { ok: false, violation: { reason: 'empty', keyword: '', line: 1, column: 1, message: 'The query is empty.' } };
  if (toks[0]!.text === ';') return refuse('empty', toks[0]!, 'The query is empty') ?? { ok: true, statement: text.trim() };

  let statement = text.trim();
  let statementEnded = false;
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k]!;
    let problem: GuardResult | null = null;
    if (t.kind === 'symbol' && t.text === ';') {
      if (k === toks.length - 1) {
        if (!statementEnded) statement = text.slice(0, t.at).trim();
        break;
      }
      problem = refuse('multiple-statements', toks[k + 1]!, 'Only one statement can run at a time; found another after ";"');
      // Allowed: the engine gets the whole text and refuses it itself; the rest is still checked.
      statementEnded = true;
    } else if (t.kind === 'word') {
      const prev = toks[k - 1];
      const after = toks[k + 1];
      // A property (n.set), label (:Set), parameter ($set) or map key ({set: 1}) is a name, not a clause.
      if (prev?.kind === 'symbol' && ['.', ':', '$'].includes(prev.text)) continue;
      if (after?.kind === 'symbol' && after.text === ':' && prev?.kind === 'symbol' && ['{', ','].includes(prev.text)) continue;
      const word = t.text.toUpperCase();
      if (WRITE.has(word)) problem = refuse('write', t, `Only read queries can run here: ${word} would change the graph`);
      else if (FILES.has(word)) problem = refuse('files', t, `Only read queries can run here: ${word} reads or writes files, extensions or other databases`);
      else if (TRANSACTION.has(word)) problem = refuse('transaction', t, `Only read queries can run here: ${word} controls transactions`);
      else if (ADMIN.has(word)) problem = refuse('admin', t, `Only read queries can run here: ${word} is an administration command`);
      else if (word === 'CALL' && !(after?.kind === 'symbol' && after.text === '{')) {
        // (CALL { … } is a subquery: its clauses are checked like the rest.)
        let name = '';
        let j = k + 1;
        while (toks[j]?.kind === 'word' || (toks[j]?.text === '.' && toks[j + 1]?.kind === 'word')) name += toks[j++]!.text;
        if (toks[j]?.text === '=') problem = refuse('admin', t, `Only read queries can run here: CALL ${name} = … changes a setting`);
        else if (!READ_PROCEDURES.has(name.toLowerCase())) {
          problem = refuse('procedure', t, `Only read-only procedures can be called here; ${name || 'this CALL'} is not one of ${[...READ_PROCEDURES].join(', ')}`);
        }
      }
    }
    if (problem) return problem;
  }
  // A single trailing ";" is dropped: not every engine accepts it.
  return { ok: true, statement };
}

/** The `$parameters` a statement uses (outside comments and strings), in order of first use. */
export function parameterNames(text: string): string[] {
  const toks = tokens(text);
  const names: string[] = [];
  toks.forEach((t, k) => {
    const next = toks[k + 1];
    if (t.text === '$' && next?.kind === 'word' && next.text !== '`' && !names.includes(next.text)) names.push(next.text);
  });
  return names;
}

