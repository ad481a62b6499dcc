/**
 * Data imports (issue 7): what an import is asked to do (`POST /api/imports`
 * query parameters, `npm run import` options) and the report it gives back.
 * The datasets it writes are described in datasets.ts. Shared by the server, the CLI and the client.
 */
import { z } from 'zod';
import { langParam } from './lang.js';
import { decimalInt } from './numbers.js';
import { DATASET_UNITS, SEED_DATASET_NAME, datasetName } from './datasets.js';

/** What a file holds: one stint per row, a transition table, or a role catalogue. */
export const IMPORT_KINDS = ['histories', 'transitions', 'roles'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** Text encodings an import can read; `auto` detects (BOM, UTF-8 validity, else Shift_JIS). */
export const IMPORT_ENCODINGS = ['auto', 'utf-8', 'shift_jis'] as const;
export type ImportEncoding = (typeof IMPORT_ENCODINGS)[number];

/** File formats; `auto` = NDJSON when the first character is `{`, else CSV with comma or tab detected from the header. */
export const IMPORT_FORMATS = ['auto', 'csv', 'tsv', 'ndjson'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** "true"/"false"/"1"/"0"/"" (present = true) in a query string. */
const flag = z
  .enum(['true', 'false', '1', '0', ''], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === '')
  .default(false);

/** Query parameters of `POST /api/imports` (the file is the request body). */
export const importQuery = z.strictObject({
  kind: z.enum(IMPORT_KINDS, { message: `must be one of ${IMPORT_KINDS.join(', ')}` }),
  dataset: datasetName.refine((d) => d !== SEED_DATASET_NAME, { message: `"${SEED_DATASET_NAME}" is the seed's dataset; import into another name` }),
  dryRun: flag,
  createRoles: flag,
  encoding: z.enum(IMPORT_ENCODINGS, { message: `must be one of ${IMPORT_ENCODINGS.join(', ')}` }).default('auto'),
  format: z.enum(IMPORT_FORMATS, { message: `must be one of ${IMPORT_FORMATS.join(', ')}` }).default('auto'),
  minCount: decimalInt(z.number().min(1, 'must be at least 1').max(1_000_000)).optional(),
  /** The language of the report's reasons and messages (`en` or `ja`; else Accept-Language, else English). */
  lang: langParam,
});
export type ImportQuery = z.infer<typeof importQuery>;

/** One problem with the file: its line (1-based, the line where the row starts; 0 = the whole file). */
export const importIssue = z.object({
  line: z.number(),
  column: z.string().optional(),
  value: z.string().optional(),
  reason: z.string(),
  /** Closest role ids, for unknown roles. */
  suggestions: z.array(z.string()).optional(),
});
export type ImportIssue = z.infer<typeof importIssue>;

/** A role the file names that matches no role. */
export const unknownRole = z.object({
  value: z.string(),
  /** Rows naming it. */
  rows: z.number(),
  firstLine: z.number(),
  suggestions: z.array(z.object({ id: z.string(), name: z.string(), nameJa: z.string() })),
});
export type UnknownRole = z.infer<typeof unknownRole>;

/** One existing role a catalogue changes: each changed field with its value before and after (aliases joined with " | "). */
export const roleChange = z.object({
  id: z.string(),
  name: z.string(),
  changes: z.array(
    z.object({ field: z.enum(['name', 'nameJa', 'family', 'group', 'aliases', 'description', 'descriptionJa']), before: z.string(), after: z.string() }),
  ),
});
export type RoleChange = z.infer<typeof roleChange>;

/** What an import did (or, on a dry run or a failure, would have done). */
export const importReport = z.object({
  kind: z.enum(IMPORT_KINDS),
  dataset: z.string(),
  dryRun: z.boolean(),
  /** True when the file had no errors (warnings do not count). */
  ok: z.boolean(),
  /** True when the store was changed (ok and not a dry run). */
  written: z.boolean(),
  format: z.enum(['csv', 'tsv', 'ndjson']),
  encoding: z.enum(['utf-8', 'shift_jis']),
  /** The privacy threshold k used (1 for role catalogues). */
  minCount: z.number(),
  /** What the dataset's numbers count (null for a role catalogue, which writes no dataset). */
  unit: z.enum(DATASET_UNITS).nullable(),
  rowsRead: z.number(),
  /** Rows with at least one error. */
  rejected: z.number(),
  /** Histories only: distinct people and their stints (person ids themselves are never kept). */
  people: z.number(),
  stints: z.number(),
  /** Roles this import creates (`createRoles`) or, for a catalogue, adds. */
  newRoles: z.array(z.object({ id: z.string(), name: z.string() })),
  /** Roles of a catalogue that already existed and are changed by it. */
  updatedRoles: z.number(),
  /**
   * What a catalogue changes in existing roles, field by field (at most 100
   * roles listed; `moreChangedRoles` counts the rest). A catalogue never
   * blanks a field it does not carry, and adds aliases rather than dropping any.
   */
  changedRoles: z.array(roleChange),
  moreChangedRoles: z.number(),
  /** Transitions stored (at least k people or accounts each). */
  transitions: z.number(),
  /** Distinct career sequences stored for `travelled` routes (at least k people each). */
  routes: z.number(),
  suppressed: z.object({ transitions: z.number(), routes: z.number() }),
  unknownRoles: z.array(unknownRole),
  /** Every bad row up to the limit, in line order; `moreErrors` counts the rest. */
  errors: z.array(importIssue),
  moreErrors: z.number(),
  /** Rows kept but worth a look (a history of one role, …). */
  warnings: z.array(importIssue),
  moreWarnings: z.number(),
  /** Bytes read from the file. */
  bytes: z.number(),
  ms: z.number(),
});
export type ImportReport = z.infer<typeof importReport>;
