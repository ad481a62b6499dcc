/**
 * Parameters of saved queries on the page: what a form field starts with,
 * what is sent for it, which `$parameters` a Cypher text uses, and the header
 * syntax (`role: role-id = customer-support, hops: int 1..4 = 2`) to save a
 * query with. Pure, so it is tested without a browser; the server checks
 * every value again.
 */
import type { ParamSpec, ParamValue } from '../../../server/contract/queries.js';

/** What a form field holds: text, a tick for booleans, a list for role-id[]. */
export type FieldValue = string | boolean | string[];

/** The value a parameter's field starts with: its default, or empty. */
export function initialValue(spec: ParamSpec): FieldValue {
  const d = spec.default;
  if (spec.type === 'boolean') return d === true;
  if (spec.type === 'role-id[]') return Array.isArray(d) ? [...d] : [];
  return d === undefined ? '' : Array.isArray(d) ? d.join(', ') : String(d);
}

/** Whether a field is empty (the server then uses the default, or says the parameter is required). */
export const isEmpty = (v: FieldValue): boolean => (Array.isArray(v) ? v.length === 0 : v === '');

/**
 * The value to send for a declared parameter: numbers as numbers, booleans as
 * booleans, lists as lists; text the field could not read is sent as typed so
 * the server's message names the parameter. Undefined for an empty field.
 */
export function requestValue(spec: ParamSpec, v: FieldValue): ParamValue | undefined {
  if (isEmpty(v)) return undefined;
  if (typeof v === 'boolean' || Array.isArray(v)) return v;
  const text = v.trim();
  if ((spec.type === 'int' || spec.type === 'float') && text !== '' && Number.isFinite(Number(text))) return Number(text);
  if (spec.type === 'role-id[]') return text.split(',').map((s) => s.trim()).filter(Boolean);
  return text;
}

/** A value typed for a parameter the query does not declare: JSON when it reads as JSON (numbers, true, lists…), otherwise the text. */
export function adHocValue(text: string): unknown {
  const t = text.trim();
  if (/^(-?\d+(\.\d+)?([eE][+-]?\d+)?|true|false|null|\[[\s\S]*\]|\{[\s\S]*\}|"[\s\S]*")$/.test(t)) {
    try {
      return JSON.parse(t);
    } catch {
      // not JSON after all: the text itself
    }
  }
  return text;
}

/**
 * The `$parameters` a Cypher text uses, in order of first use. Comments and
 * string literals are skipped, like the server's guard does, so `'$5'` or
 * `// $x` do not count.
 */
export function usedParameters(cypher: string): string[] {
  const found: string[] = [];
  const re = /\/\/[^\n]*|\/\*[\s\S]*?(?:\*\/|$)|'(?:[^'\\]|\\[\s\S])*'?|"(?:[^"\\]|\\[\s\S])*"?|`[^`]*`?|\$(?:([A-Za-z_][A-Za-z0-9_]*)|`([^`]+)`)/g;
  for (const m of cypher.matchAll(re)) {
    const name = m[1] ?? m[2];
    if (name && !found.includes(name)) found.push(name);
  }
  return found;
}

/** A declaration for a parameter the text uses but no header declares, typed after the value given for it. */
export function guessSpec(name: string, value: unknown): ParamSpec {
  if (typeof value === 'number') return { name, type: Number.isInteger(value) ? 'int' : 'float', default: value };
  if (typeof value === 'boolean') return { name, type: 'boolean', default: value };
  if (Array.isArray(value) && value.every((x) => typeof x === 'string')) return { name, type: 'role-id[]', ...(value.length ? { default: value as string[] } : {}) };
  if (typeof value === 'string' && value !== '') return { name, type: 'string', default: value };
  return { name, type: 'string' };
}

export { formatParamSpecs } from '../../../server/contract/queries.js';

/**
 * The declarations to save a query with: exactly the parameters `cypher`
 * uses (the server refuses undeclared and unused ones), each as declared
 * before when it was, with the value in its field as the new default.
 */
export function specsForSave(cypher: string, declared: readonly ParamSpec[], values: ReadonlyMap<string, FieldValue>): ParamSpec[] {
  return usedParameters(cypher).map((name) => {
    const spec = declared.find((p) => p.name === name);
    const field = values.get(name);
    if (!spec) return guessSpec(name, field === undefined || typeof field !== 'string' ? field : adHocValue(field));
    const value = field === undefined ? undefined : requestValue(spec, field);
    const { default: _old, ...rest } = spec;
    return value === undefined ? (spec.default === undefined ? rest : spec) : { ...rest, default: value };
  });
}

/** Parameters to send: for a saved query as it is, its declared ones; for edited or new Cypher, those the text uses. */
export function requestParams(values: ReadonlyMap<string, FieldValue>, specs: readonly ParamSpec[], text: string, asSaved: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const put = (name: string, spec: ParamSpec | undefined, v: FieldValue | undefined) => {
    if (spec) {
      const value = v === undefined ? undefined : requestValue(spec, v);
      if (value !== undefined) out[name] = value;
      else if (!asSaved && spec.default !== undefined) out[name] = spec.default;
    } else if (typeof v === 'string' && v !== '') out[name] = adHocValue(v);
  };
  if (asSaved) for (const spec of specs) put(spec.name, spec, values.get(spec.name));
  else for (const name of usedParameters(text)) put(name, specs.find((p) => p.name === name), values.get(name));
  return out;
}
