/**
 * Turns a failed route request into words for the page: which field is at
 * fault (with "did you mean" role ids for unknown roles), or one general
 * message. Pure, so the wording is tested without a browser.
 */
import { ApiError } from '../api/client.js';
import type { RoleDirectory } from '../graph/role-directory.js';
import { t, type Lang } from '../i18n/strings.js';
import type { RouteParams } from '../state/url-state.js';

/** An error to show under one field of the route form. */
export interface FieldError {
  field: string;
  message: string;
  /** Role ids to offer instead. */
  suggestions: string[];
}

/** What to show for a failed route request. */
export interface RouteErrorReport {
  fields: FieldError[];
  /** A message for the whole form (always set, so screen readers hear something). */
  summary: string;
  /** True when trying again later may work (the server could not be reached, or failed). */
  retry: boolean;
}

const ROLE_FIELDS = ['from', 'to', 'via', 'avoid'] as const;

/** The values of a role field in the query (avoid holds several). */
function values(params: RouteParams, field: (typeof ROLE_FIELDS)[number]): string[] {
  return field === 'avoid' ? params.avoid : [params[field]].filter(Boolean);
}

/** Describes `err` (from api.routes(params)) in `lang`. */
export function describeRouteError(err: unknown, params: RouteParams, directory: RoleDirectory, lang: Lang): RouteErrorReport {
  const s = t(lang);
  if (!(err instanceof ApiError)) return { fields: [], summary: s.error(err instanceof Error ? err.message : String(err)), retry: true };
  if (err.code === 'network') return { fields: [], summary: s.networkError, retry: true };
  if (err.status !== 400) return { fields: [], summary: s.error(err.message), retry: err.status >= 500 || err.status === 429 };

  const fields = err.details
    .filter((d) => d.field)
    .map((d): FieldError => {
      const roleField = ROLE_FIELDS.find((f) => f === d.field);
      // An unknown role gets our own sentence in the page's language, naming what was typed.
      // Without a loaded graph the directory cannot tell, so trust the server's suggestions then.
      const isUnknown = (v: string) => (directory.size > 0 ? !directory.get(v) : d.suggestions.length > 0);
      const unknown = roleField ? values(params, roleField).find(isUnknown) : undefined;
      const label = roleField === 'via' ? s.via : roleField === 'avoid' ? s.avoid : roleField ? s[roleField] : d.field;
      return unknown !== undefined
        ? { field: d.field, message: s.unknownRole(label, unknown), suggestions: d.suggestions }
        : { field: d.field, message: d.message || err.message, suggestions: d.suggestions };
    });
  return { fields, summary: fields.length ? fields.map((f) => f.message).join(' ') : s.error(err.message), retry: false };
}
