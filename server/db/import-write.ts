/**
 * What an import writes, in one transaction (all or nothing): roles to create
 * or update, and — for histories and transition tables — the dataset's new
 * aggregates, which replace whatever the dataset held before, and its record.
 */
import type { Role, Transition } from '../contract/graph-data.js';
import type { DatasetInfo, RoutePattern } from '../contract/datasets.js';

export interface ImportWrite {
  /** The dataset record; null for a role catalogue, which writes roles only. */
  dataset: DatasetInfo | null;
  /** Roles to MERGE by id. */
  roles: Role[];
  /** The dataset's transitions (each with `dataset` = the dataset's name); replaces its old ones. */
  transitions: Transition[];
  /** The dataset's route patterns; replaces its old ones. */
  routes: RoutePattern[];
}
