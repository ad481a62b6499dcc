/** Every Neo4j driver error becomes an AppError a client can act on (translateError, server/db/neo4j/neo4j-store.ts). */
import { describe, expect, it } from 'vitest';
import { AppError } from '../../server/errors.js';
import { translateError } from '../../server/db/neo4j/neo4j-store.js';

const neo4jError = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('translateError', () => {
  it.each([
    ['ServiceUnavailable', 503, 'store_unavailable', /not available/],
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
