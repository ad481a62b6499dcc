/** The read-only guard reads Cypher like a lexer: writes are caught wherever they hide, words in strings and comments are not. */
import { describe, expect, it } from 'vitest';
import { checkReadOnly, decodeUnicodeEscapes, parameterNames, READ_PROCEDURES } from '../../server/cypher-text/guard.js';

const refused = (text: string, options?: Parameters<typeof checkReadOnly>[1]) => {
  const r = checkReadOnly(text, options);
  if (r.ok) throw new Error(`expected a refusal: ${text}`);
  return r.violation;
};

describe('checkReadOnly refuses', () => {
  it.each([
    ["CREATE (:Role {id: 'x'})", 'write', 'CREATE'],
    ["MERGE (r:Role {id: 'x'}) RETURN r", 'write', 'MERGE'],
    ["MATCH (r:Role {id: 'hr'}) SET r.name = 'x'", 'write', 'SET'],
    ["MATCH (r:Role {id: 'hr'}) DELETE r", 'write', 'DELETE'],
    ["MATCH (r:Role {id: 'hr'}) DETACH DELETE r", 'write', 'DETACH'],
    ['MATCH (r:Role) REMOVE r.name', 'write', 'REMOVE'],
    ['DROP TABLE Role', 'write', 'DROP'],
    ['ALTER TABLE Role ADD x STRING', 'write', 'ALTER'],
    ['MATCH (r:Role) FOREACH (x IN [1] | SET r.n = x)', 'write', 'FOREACH'],
    ["COPY Role FROM '/tmp/roles.csv'", 'files', 'COPY'],
    ["COPY (MATCH (r:Role) RETURN r.id) TO '/tmp/out.csv'", 'files', 'COPY'],
    ["LOAD FROM '/etc/passwd' RETURN *", 'files', 'LOAD'],
    ["LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row", 'files', 'LOAD'],
    ["EXPORT DATABASE '/tmp/dump'", 'files', 'EXPORT'],
    ["IMPORT DATABASE '/tmp/dump'", 'files', 'IMPORT'],
    ['INSTALL httpfs', 'files', 'INSTALL'],
    ["ATTACH '/tmp/other.kuzu' AS other (dbtype kuzu)", 'files', 'ATTACH'],
    ['BEGIN TRANSACTION', 'transaction', 'BEGIN'],
    ['COMMIT', 'transaction', 'COMMIT'],
    ['CHECKPOINT', 'transaction', 'CHECKPOINT'],
    ['SHOW USERS', 'admin', 'SHOW'],
    ["CALL db.createLabel('Hacked')", 'procedure', 'CALL'],
    ["CALL apoc.create.node(['X'], {}) YIELD node RETURN node", 'procedure', 'CALL'],
    ["CALL create_fts_index('Role', 'idx', ['name'])", 'procedure', 'CALL'],
    ['CALL threads = 1', 'admin', 'CALL'],
    ['MATCH (r:Role) RETURN count(r); CREATE (:Role {id: "x"})', 'multiple-statements', 'CREATE'],
    ['RETURN 1; RETURN 2', 'multiple-statements', 'RETURN'],
  ] as const)('%s', (text, reason, keyword) => {
    const v = refused(text);
    expect(v.reason).toBe(reason);
    expect(v.keyword.toUpperCase()).toBe(keyword);
    expect(v.message).toMatch(/line \d+, column \d+/);
  });

  it('finds writes that comments try to hide', () => {
    expect(refused("MATCH (r:Role) /* harmless */ SET r.name = 'x'").keyword).toBe('SET');
    expect(refused("MATCH (r:Role) // just reading\nDETACH DELETE r").keyword).toBe('DETACH');
    expect(refused("MATCH (r:Role) RETURN r /* ; */ ; CREATE (:Role {id: 'x'}) // the end").reason).toBe('multiple-statements');
    // A comment opener inside a string does not start a comment.
    expect(refused("MATCH (r:Role) WHERE r.name = '/*' CREATE (:Role {id: 'x'}) RETURN '*/'").keyword).toBe('CREATE');
    // An escaped quote does not end the string.
    expect(refused("RETURN 'it\\'s' AS s; MATCH (n) DELETE n").reason).toBe('multiple-statements');
    expect(refused('create (:Role {id: "lower-case"})').keyword).toBe('create');
  });

  it('says where the problem is', () => {
    const v = refused('MATCH (r:Role)\nWHERE r.id = "hr"\nSET r.name = "x"');
    expect([v.line, v.column]).toEqual([3, 1]);
  });

  it('refuses empty text', () => {
    expect(refused('   // only a comment').reason).toBe('empty');
    expect(refused(';').reason).toBe('empty');
  });
});

describe('checkReadOnly lets through', () => {
  it.each([
    'MATCH (r:Role) RETURN r',
    "RETURN 'CREATE (:Role)' AS text, \"DELETE\" AS other",
    '// CREATE nothing, DELETE nothing\nMATCH (r:Role) RETURN r.id',
    '/* MERGE; SET; DROP */ MATCH (r:Role) RETURN r.id',
    "MATCH (r:Role) WHERE r.name STARTS WITH 'S' RETURN r.set, r.delete",
    'MATCH (n:`Create`)-[:`SET`]->(m) RETURN n',
    'RETURN {set: 1, delete: 2} AS m',
    'MATCH (r:Role {id: $set}) RETURN r',
    'MATCH p = (start:Role)-[:TRANSITION*1..4]->(target:Role) RETURN p',
    'CALL show_tables() RETURN *',
    'CALL db.labels() YIELD label RETURN label',
    'CALL { MATCH (r:Role) RETURN r } RETURN r',
    'MATCH (r:Role) RETURN r.id;',
    'MATCH (r:Role) RETURN r.id; // trailing comment',
  ])('%s', (text) => {
    const r = checkReadOnly(text);
    expect(r.ok, JSON.stringify(r)).toBe(true);
  });

  it('drops a single trailing semicolon', () => {
    expect(checkReadOnly('MATCH (r:Role) RETURN r.id ;  ')).toEqual({ ok: true, statement: 'MATCH (r:Role) RETURN r.id' });
    expect(checkReadOnly("RETURN ';' AS s")).toEqual({ ok: true, statement: "RETURN ';' AS s" });
  });
});

describe('checkReadOnly for the adapters (allow)', () => {
  const engineEnforced = { allow: ['write', 'multiple-statements'] as const };

  it('leaves writes and second statements to the engine', () => {
    expect(checkReadOnly("CREATE (:Role {id: 'x'})", engineEnforced)).toEqual({ ok: true, statement: "CREATE (:Role {id: 'x'})" });
    expect(checkReadOnly('RETURN 1; RETURN 2', engineEnforced)).toEqual({ ok: true, statement: 'RETURN 1; RETURN 2' });
  });

  it('still refuses what a read-only engine would do, also after a first statement', () => {
    expect(refused("COPY (MATCH (r:Role) RETURN r.id) TO '/tmp/x.csv'", engineEnforced).reason).toBe('files');
    expect(refused("RETURN 1; EXPORT DATABASE '/tmp/x'", engineEnforced).reason).toBe('files');
    expect(refused('CALL threads = 1', engineEnforced).reason).toBe('admin');
    expect(refused('COMMIT', engineEnforced).reason).toBe('transaction');
  });
});

describe('parameterNames', () => {
  it('lists $parameters outside strings and comments, once each', () => {
    expect(parameterNames("MATCH (r:Role {id: $role}) WHERE r.x < $hops AND r.y = '$nope' // $also_nope\nRETURN $role")).toEqual(['role', 'hops']);
  });
});

describe('\\u escapes, read as Neo4j reads them (it decodes them before lexing)', () => {
  it.each([
    ["\\u004cOAD CSV FROM 'file:///etc/passwd' AS l RETURN l", 'files', 1, 1],
    ['WITH 1 AS x \\u0043ALL dbms.listConfig() YIELD name RETURN name', 'procedure', 1, 13],
    // \u0027 ends the string early in Neo4j, so LOAD is a clause there.
    ["RETURN '\\u0027 + 1 AS y, 1 AS z \\u004cOAD //' AS x", 'files', 1, 33],
    ['MATCH (n)\n\\u0044ETACH \\u0044ELETE n', 'write', 2, 1],
  ])('refuses %s', (text, reason, line, column) => {
    const checked = checkReadOnly(text);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.violation).toMatchObject({ reason, line, column });
    expect(checked.violation.message).toContain('after decoding \\u escapes');
  });

  it('leaves escapes that decode to harmless text, and escaped backslashes, alone', () => {
    expect(checkReadOnly("RETURN 'caf\\u00e9' AS s")).toEqual({ ok: true, statement: "RETURN 'caf\\u00e9' AS s" });
    expect(checkReadOnly("RETURN 'a\\\\u0027 LOAD' AS s").ok).toBe(true);
    expect(decodeUnicodeEscapes('\\u0041\\\\u0041\\uZZZZ').text).toBe('A\\\\u0041\\uZZZZ');
  });

  it('refuses configuration functions: current_setting is not on the allow-list', () => {
    const checked = checkReadOnly("CALL current_setting('home_directory') RETURN *");
    expect(checked.ok).toBe(false);
    expect(READ_PROCEDURES.has('current_setting')).toBe(false);
  });
});
