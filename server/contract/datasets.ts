/**
 * Datasets: the named sets of moves and careers the graph holds (the seed's `articles`, and one per
 * import), what their numbers count (their unit), the privacy threshold that hides small aggregates,
 * `GET /api/datasets`, and the `datasets=a,b` parameter with the usage every answer reports.
 * The rules that read these (selection, combining units, privacy) live in server/services/datasets/.
 * Shared by the server, the CLIs and the client.
 */
import { z } from 'zod';

/** The seed's dataset: written by the seed loader, never by an import, and exempt from privacy suppression. */
export const SEED_DATASET_NAME = 'articles';

/**
 * What a dataset's numbers count, recorded at import (see the README, "Datasets and units"):
 * `people` (career histories, or a transition table of counts: people who made each move),
 * `accounts` (the seed's articles: independent published accounts, one per article and move),
 * `probability` (a transition table with probabilities only: no counts at all).
 */
export const DATASET_UNITS = ['people', 'accounts', 'probability'] as const;
export type DatasetUnit = (typeof DATASET_UNITS)[number];

/** The unit of the seed's dataset and of any dataset written without an import (no Dataset record). */
export const SEED_DATASET_UNIT: DatasetUnit = 'accounts';

/** Default privacy threshold k: aggregates seen fewer than k times are not stored. */
export const DEFAULT_MIN_COUNT = 5;

/** A dataset name: lowercase letters and digits in words joined by single hyphens or underscores. */
export const datasetName = z
  .string()
  .min(1, 'is required')
  .max(60, 'must be at most 60 characters')
  .regex(/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/, 'must be lowercase letters, digits and single hyphens or underscores, e.g. "hr-2024"');

/**
 * A route-frequency entry: one distinct career sequence (consecutive repeats
 * of a role collapsed) and how many people of the dataset had exactly it.
 * `travelled` routes are counted over these; no person id is kept.
 */
export interface RoutePattern {
  /** Unique over all datasets: `<dataset>:<n>`. */
  id: string;
  dataset: string;
  roles: string[];
  count: number;
}

/** A dataset as stored: where its aggregates came from and what privacy threshold hides. */
export const datasetInfo = z.object({
  name: z.string(),
  kind: z.enum(['histories', 'transitions']),
  /** What its numbers count: people, accounts (the articles) or probabilities only. */
  unit: z.enum(DATASET_UNITS),
  /** k: transitions and routes seen fewer than k times are not stored (and not shown). */
  minCount: z.number(),
  importedAt: z.string(),
  rowsRead: z.number(),
  people: z.number(),
  stints: z.number(),
  transitions: z.number(),
  routes: z.number(),
  suppressedTransitions: z.number(),
  suppressedRoutes: z.number(),
});
export type DatasetInfo = z.infer<typeof datasetInfo>;

/** `GET /api/datasets`. */
export const datasetListResponse = z.object({
  datasets: z.array(
    datasetInfo.extend({
      /** False for datasets written without an import (the seed): no threshold applies. */
      imported: z.boolean(),
    }),
  ),
  /** The datasets an answer uses when it is given no `datasets=` (empty when the stored datasets do not combine and there is no `articles`). */
  default: z.array(z.string()),
});
export type DatasetListResponse = z.infer<typeof datasetListResponse>;

/** `datasets=a,b` on the graph, role and route endpoints: the datasets to use, combined (absent = the default selection; see services/datasets/selection.ts). */
export const datasetsParam = z
  .string()
  .max(2000)
  .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean));

/** Which datasets an answer used and how much privacy suppression hid from them. */
export const datasetUsage = z.object({
  used: z.array(z.string()),
  /** What the answer's counts count (a selection never mixes units); `probability`: counts are 0, probabilities are the table's. */
  unit: z.enum(DATASET_UNITS),
  suppressed: z.object({ transitions: z.number(), routes: z.number() }),
});
export type DatasetUsage = z.infer<typeof datasetUsage>;
