/** Every Neo4j driver error becomes an AppError a client can act on (translateError, server/db/neo4j/neo4j-store.ts). */
import { describe, expect, it } from 'vitest';
import { AppError } from '../../server/errors.js';
import { translateError } from '../../server/db/neo4j/neo4j-store.js';

const neo4jError = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('translateError', () => {
  it.each([
    ['ServiceUnavailable', 503, 'store_unavailable', /not available/],
    ['ProtocolError', 503, 'store_unavailable', /not available/],
    ['Neo.DatabaseError.General.UnknownError', 503, 'store_unavailable', /not available/],
    ['Neo.ClientError.Security.Unauthorized', 503, 'store_unavailable', /NEO4J_PASSWORD/],
    ['Neo.ClientError.Database.DatabaseNotFound', 503, 'store_unavailable', /NEO4J_DATABASE/],
    ['Neo.TransientError.General.MemoryPoolOutOfMemoryError', 422, 'store_memory_limit', /db\.memory\.transaction\.max/],
    ['Neo.TransientError.Transaction.LockClientStopped', 503, 'store_busy', /try again/],
    ['Neo.ClientError.Schema.ConstraintValidationFailed', 502, 'store_error', /ConstraintValidationFailed/],
  ])('%s → %i %s', (code, status, appCode, message) => {
    const err = translateError(neo4jError(code, 'first line\nsecond line')) as AppError;
    expect(err).toBeInstanceOf(AppError);
    expect([err.status, err.code]).toEqual([status, appCode]);
    expect(err.message).toMatch(message);
    expect(err.message).not.toContain('second line');
  });

  it('leaves AppErrors and errors without a code as they are', () => {
    const app = new AppError(400, 'bad', 'bad');
    expect(translateError(app)).toBe(app);
    const plain = new Error('plain');
    expect(translateError(plain)).toBe(plain);
  });
});

describe('unknownNameError', () => {
  it('refuses a misspelt property at its place in the query as written (not in the EXPLAIN text Neo4j planned)', async () => {
    const { unknownNameError } = await import('../../server/db/neo4j/neo4j-user-cypher.js');
    const query = 'MATCH (n:Role) RETURN n.nmae';
    const planned = `EXPLAIN ${query}`;
    const at = planned.indexOf('nmae');
    const err = unknownNameError(
      [{ code: 'Neo.ClientNotification.Statement.UnknownPropertyKeyWarning', description: 'the missing property name is: nmae', position: { offset: at, line: 1, column: at + 1 } }],
      'EXPLAIN '.length,
    )!;
    expect(err.kind).toBe('semantic');
    expect(err.position).toEqual({ line: 1, column: query.indexOf('nmae') + 1, offset: query.indexOf('nmae') });
    expect(unknownNameError([{ code: 'Neo.ClientNotification.Statement.CartesianProduct', description: 'x' }])).toBeNull();
  });
});
