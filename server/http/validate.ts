/** Request validation: zod schemas in, typed values out, a 400 naming each bad field otherwise. */
import type { z } from 'zod';
import { invalidRequest } from '../errors.js';

/**
 * Parses `input` with `schema`.
 * @param where what is being validated, e.g. "query parameter" (used in the message)
 * @throws AppError 400 whose details list `{field, message}` for every problem
 */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, where: string): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const details = result.error.issues.map((issue) => {
    // Query and path parameters are flat: name the parameter, not the item inside a comma list.
    const flat = where.endsWith('parameter');
    const field =
      issue.path.length > 0
        ? flat
          ? String(issue.path[0])
          : issue.path.join('.')
        : issue.code === 'unrecognized_keys'
          ? issue.keys.join(', ')
          : '(root)';
    return { field, message: issue.code === 'unrecognized_keys' ? `unknown ${where}` : issue.message };
  });
  const fields = [...new Set(details.map((d) => d.field))].join(', ');
  throw invalidRequest(`Invalid ${where}: ${fields}`, details);
}
