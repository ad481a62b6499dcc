/**
 * The adapters' half of the read-only check (the lexer itself is
 * server/cypher-text/guard.ts, which the query service runs whole).
 */
import { checkReadOnly } from '../cypher-text/guard.js';
import { CypherRunError } from './query-types.js';

export { READ_PROCEDURES } from '../cypher-text/guard.js';

/**
 * For the adapters: refuses what a read-only engine would still do (read or
 * write files, load extensions, attach databases, change settings, control
 * transactions, call procedures not known to be read-only). Writes to the
 * graph and second statements are left to the engine, which refuses them.
 * @throws CypherRunError of kind 'read-only' ('syntax' for an empty text)
 */
export function refuseSideEffects(text: string): void {
  const checked = checkReadOnly(text, { allow: ['write', 'multiple-statements'] });
  if (checked.ok) return;
  const { reason, message, line, column } = checked.violation;
  throw new CypherRunError(reason === 'empty' ? 'syntax' : 'read-only', message, { line, column });
}
