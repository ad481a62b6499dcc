/**
 * Parameters of ad hoc Cypher (`POST /api/cypher`): the statement's `$names`
 * and the given values must match exactly. Left alone, a missing parameter
 * silently became null on one engine while an extra one was a 400 (and
 * engines differ on both); here both are a 400 naming them, the same on
 * every engine.
 */
import { parameterNames } from '../../cypher-text/guard.js';
import { invalidRequest } from '../../errors.js';

/** @throws AppError 400 listing missing and unused parameters */
export function checkAdHocParams(statement: string, params: Record<string, unknown>): void {
  const used = parameterNames(statement);
  const given = Object.keys(params);
  const missing = used.filter((name) => !Object.hasOwn(params, name));
  const unused = given.filter((name) => !used.includes(name));
  if (!missing.length && !unused.length) return;
  const parts = [
    ...(missing.length ? [`uses ${missing.map((n) => `$${n}`).join(', ')} but no value is given for ${missing.length === 1 ? 'it' : 'them'}`] : []),
    ...(unused.length ? [`does not use the given parameter${unused.length === 1 ? '' : 's'} ${unused.join(', ')}`] : []),
  ];
  throw invalidRequest(`The query ${parts.join(', and ')}. Give exactly the parameters it uses.`, [
    ...missing.map((name) => ({ field: `params.${name}`, message: 'is used by the query but not given' })),
    ...unused.map((name) => ({ field: `params.${name}`, message: 'is not used by the query' })),
  ]);
}
