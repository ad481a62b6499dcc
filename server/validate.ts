/** Validation of what comes in (HTTP requests, CLI options): zod schemas in, typed values out, a 400 naming each bad field otherwise. */
import type { z } from 'zod';
import type { Lang } from './contract/lang.js';
import { invalidRequest } from './errors.js';

/** Where a value came from, in Japanese (the English `where` is used as is). */
const WHERE_JA: Record<string, string> = {
  'query parameter': 'クエリパラメーター',
  'path parameter': 'パスパラメーター',
  option: 'オプション',
  'request body': 'リクエスト本文',
};

/** One issue in Japanese: said from its code and bounds, since the schemas' own messages are English. */
function issueJa(issue: z.core.$ZodIssue, where: string): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return `不明な${WHERE_JA[where] ?? where}です`;
    case 'too_small':
      return issue.origin === 'string' && Number(issue.minimum) === 1 ? '必須です' : `${String(issue.minimum)} 以上にしてください`;
    case 'too_big':
      return issue.origin === 'string' ? `${String(issue.maximum)} 文字以内にしてください` : `${String(issue.maximum)} 以下にしてください`;
    case 'invalid_value':
      return `${issue.values.map(String).join('、')} のいずれかにしてください`;
    case 'invalid_type':
      return issue.expected === 'int' || issue.expected === 'number' ? '整数にしてください' : '値の形式が正しくありません';
    default:
      return '値が正しくありません';
  }
}

/**
 * Parses `input` with `schema`.
 * @param where what is being validated, e.g. "query parameter" (used in the message)
 * @param lang the language of the messages (default English)
 * @throws AppError 400 whose details list `{field, message}` for every problem
 */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, where: string, lang: Lang = 'en'): z.infer<S> {
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
    if (lang === 'ja') return { field, message: issueJa(issue, where) };
    return { field, message: issue.code === 'unrecognized_keys' ? `unknown ${where}` : issue.message };
  });
  const fields = [...new Set(details.map((d) => d.field))].join(', ');
  throw invalidRequest(lang === 'ja' ? `${WHERE_JA[where] ?? where}が正しくありません: ${fields}` : `Invalid ${where}: ${fields}`, details);
}
