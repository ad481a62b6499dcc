/**
 * Kùzu's Node binding types an UNWIND parameter's struct fields from the first
 * row and cannot bind an empty list inside it (seen here: "Trying to create a
 * vector with ANY type"). Batched writes therefore send every list as one
 * string joined with U+001F (the ASCII unit separator), and the Kùzu queries
 * split it back: `list_filter(string_split(row.x, $sep), x -> x <> '')`.
 * Batching this way wrote 20,000 transitions in ~1.3 s here, against ~70 s
 * for one MERGE statement per row.
 */
import { invalidRequest } from '../../errors.js';

/**
 * Floating-point fields are sent as strings and CAST in the query: the binding
 * sends a whole-number JS value (1) as INT64, and inside a struct typed DOUBLE
 * from an earlier row its bits were read as a double (1 came back as 5e-324,
 * caught by the contract suite).
 */
const DOUBLE_FIELDS = new Set(['probability']);

export const LIST_SEPARATOR = '\u001f';

/** Returns a copy of `row` with every string-list field joined into one string and floats as strings. */
export function encodeLists<T extends object>(row: T): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (Array.isArray(value)) {
      for (const item of value) {
        if (typeof item !== 'string' || item.includes(LIST_SEPARATOR)) {
          throw invalidRequest(`List field "${key}" must hold strings without the U+001F control character`, [{ field: key }]);
        }
      }
      out[key] = value.join(LIST_SEPARATOR);
    } else if (DOUBLE_FIELDS.has(key) && typeof value === 'number') out[key] = String(value);
    else out[key] = value;
  }
  return out;
}

/** Splits `items` into batches of at most `size`. */
export function* batches<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}
