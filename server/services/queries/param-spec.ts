/**
 * Declared parameters of saved queries: the header syntax
 *
 *     // params: role: role-id = customer-support, hops: int 1..4 = 2, roles: role-id[] = [sales, marketing]
 *
 * (`(none)` for no parameters), and the type check of a value against its
 * declaration. Pure: whether a role id exists is the caller's business.
 */
import { PARAM_TYPES, type ParamSpec, type ParamType, type ParamValue } from '../../contract/queries.js';
export { formatParamSpecs } from '../../contract/queries.js';
import { ROLE_FAMILIES, roleIdSchema } from '../../contract/graph-data.js';

/** A parameter declaration that cannot be read; the message says what is wrong. */
export class ParamSpecError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ParamSpecError';
  }
}

const MAX_STRING = 500;
const MAX_LIST = 50;

/** Splits on `sep` outside brackets and double-quoted strings. */
function splitTopLevel(text: string, sep: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '\\') i++;
      else if (c === '"') quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === '[') depth++;
    else if (c === ']') depth--;
    else if (c === sep && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  if (quoted || depth !== 0) throw new ParamSpecError(`unbalanced quotes or brackets in "${text}"`);
  parts.push(text.slice(start));
  return parts;
}

/** A bare word or a JSON string literal. */
function readString(token: string, what: string): string {
  const t = token.trim();
  if (t.startsWith('"')) {
    try {
      const v: unknown = JSON.parse(t);
      if (typeof v === 'string') return v;
    } catch {
      // fall through to the error below
    }
    throw new ParamSpecError(`${what}: ${t} is not a valid "quoted string"`);
  }
  if (!t) throw new ParamSpecError(`${what}: empty value`);
  return t;
}

const SPEC = new RegExp(
  `^([A-Za-z_][A-Za-z0-9_]*)\\s*:\\s*(${PARAM_TYPES.map((t) => t.replace(/[[\]]/g, '\\$&')).sort((a, b) => b.length - a.length).join('|')})` +
    `(?:\\s+(-?\\d+(?:\\.\\d+)?)\\s*\\.\\.\\s*(-?\\d+(?:\\.\\d+)?))?\\s*(?:=\\s*([\\s\\S]*))?$`,
);

/**
 * Parses a `params` header value.
 * @throws ParamSpecError naming the parameter and the problem
 */
export function parseParamSpecs(text: string): ParamSpec[] {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed === '(none)') return [];
  const specs: ParamSpec[] = [];
  for (const part of splitTopLevel(trimmed, ',')) {
    const m = SPEC.exec(part.trim());
    if (!m) {
      throw new ParamSpecError(
        `cannot read parameter "${part.trim()}": expected "name: type [min..max] [= default]" with type one of ${PARAM_TYPES.join(', ')}`,
      );
    }
    const [, name, type, min, max, rawDefault] = m as unknown as [string, string, ParamType, string?, string?, string?];
    const spec: ParamSpec = { name, type };
    if (min !== undefined && max !== undefined) {
      spec.min = Number(min);
      spec.max = Number(max);
    }
    if (rawDefault !== undefined) spec.default = parseDefault(spec, rawDefault);
    specs.push(spec);
  }
  return checkSpecs(specs);
}

function parseDefault(spec: ParamSpec, raw: string): ParamValue {
  const what = `parameter ${spec.name}`;
  const t = raw.trim();
  switch (spec.type) {
    case 'int':
    case 'float':
      if (!/^-?\d+(\.\d+)?$/.test(t)) throw new ParamSpecError(`${what}: default ${t} is not a number`);
      return Number(t);
    case 'boolean':
      if (t !== 'true' && t !== 'false') throw new ParamSpecError(`${what}: default must be true or false`);
      return t === 'true';
    case 'role-id[]':
      if (!t.startsWith('[') || !t.endsWith(']')) throw new ParamSpecError(`${what}: a list default is written [a, b]`);
      return t.slice(1, -1).trim() === '' ? [] : splitTopLevel(t.slice(1, -1), ',').map((x) => readString(x, what));
    default:
      return readString(t, what);
  }
}

/**
 * Checks a list of declarations: unique names, ranges only on numbers and
 * min ≤ max, defaults of the declared type.
 * @throws ParamSpecError
 */
export function checkSpecs(specs: ParamSpec[]): ParamSpec[] {
  const seen = new Set<string>();
  for (const spec of specs) {
    if (seen.has(spec.name)) throw new ParamSpecError(`parameter ${spec.name} is declared twice`);
    seen.add(spec.name);
    const ranged = spec.min !== undefined || spec.max !== undefined;
    if (ranged && spec.type !== 'int' && spec.type !== 'float') throw new ParamSpecError(`parameter ${spec.name}: only int and float take a range`);
    if (ranged && (spec.min === undefined || spec.max === undefined || spec.min > spec.max)) {
      throw new ParamSpecError(`parameter ${spec.name}: the range must be min..max with min ≤ max`);
    }
    if (spec.type === 'int' && ranged && (!Number.isInteger(spec.min) || !Number.isInteger(spec.max))) {
      throw new ParamSpecError(`parameter ${spec.name}: an int range needs whole numbers`);
    }
    if (spec.default !== undefined) {
      const checked = checkValue(spec, spec.default);
      if ('error' in checked) throw new ParamSpecError(`parameter ${spec.name}: default ${checked.error}`);
    }
  }
  return specs;
}


/** The value for the engine, or why `raw` does not fit the declaration. Strings are accepted for numbers and booleans (form input). */
export function checkValue(spec: ParamSpec, raw: unknown): { value: ParamValue } | { error: string } {
  const inRange = (n: number) =>
    spec.min !== undefined && spec.max !== undefined && (n < spec.min || n > spec.max) ? `must be between ${spec.min} and ${spec.max}` : null;
  switch (spec.type) {
    case 'int':
    case 'float': {
      const n = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
      if (typeof n !== 'number' || !Number.isFinite(n)) return { error: 'must be a number' };
      if (spec.type === 'int' && !Number.isSafeInteger(n)) return { error: 'must be a whole number' };
      const range = inRange(n);
      return range ? { error: range } : { value: n };
    }
    case 'boolean':
      if (typeof raw === 'boolean') return { value: raw };
      if (raw === 'true' || raw === 'false') return { value: raw === 'true' };
      return { error: 'must be true or false' };
    case 'string':
      if (typeof raw !== 'string') return { error: 'must be a string' };
      return raw.length > MAX_STRING ? { error: `must be at most ${MAX_STRING} characters` } : { value: raw };
    case 'family':
      return typeof raw === 'string' && (ROLE_FAMILIES as readonly string[]).includes(raw)
        ? { value: raw }
        : { error: `must be one of ${ROLE_FAMILIES.join(', ')}` };
    case 'role-id':
      return typeof raw === 'string' && roleIdSchema.safeParse(raw).success ? { value: raw } : { error: 'must be a role id, e.g. customer-support' };
    case 'role-id[]': {
      const list = typeof raw === 'string' ? raw.split(',').map((s) => s.trim()).filter(Boolean) : raw;
      if (!Array.isArray(list) || list.length === 0) return { error: 'must be a non-empty list of role ids' };
      if (list.length > MAX_LIST) return { error: `must have at most ${MAX_LIST} role ids` };
      if (!list.every((x) => typeof x === 'string' && roleIdSchema.safeParse(x).success)) return { error: 'must be a list of role ids, e.g. [sales, marketing]' };
      return { value: [...new Set(list as string[])] };
    }
  }
}
