/**
 * Whole numbers in query strings and CLI options: decimal digits only.
 * `z.coerce.number()` would also take "0x5", "1e1", "0b11", " 5 " or "" (as
 * 0), so `maxHops=0x5` meant 5; such values are refused instead.
 */
import { z } from 'zod';

/** What a refused value is told. */
export const DECIMAL_INTEGER = 'must be a whole number written in decimal digits, e.g. 5';

const DIGITS = /^-?\d{1,15}$/;

/**
 * A whole number given as decimal digits (a JSON number is taken as is);
 * `inner` adds the bounds and their messages.
 */
export function decimalInt(inner: z.ZodNumber = z.number()) {
  return z.preprocess((v) => (typeof v === 'string' && DIGITS.test(v) ? Number(v) : v), z.number({ error: DECIMAL_INTEGER }).pipe(inner.int('must be an integer')));
}
