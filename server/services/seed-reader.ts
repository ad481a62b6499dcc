/**
 * Reads and validates the seed graph files (`roles.json`, `transitions.json`,
 * `histories.json`) from a directory. Every problem is reported with the file
 * and the path inside it; nothing is returned unless all three files are valid
 * and consistent with each other.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import {
  historySchema,
  roleSchema,
  seedHistorySchema,
  seedRoleSchema,
  seedTransitionSchema,
  transitionSchema,
  type GraphData,
  type History,
  type Role,
  type TransitionInput,
} from '../contract/graph-data.js';
import { withProbabilities } from './probability.js';

/** The dataset name the seed graph is stored under. */
export const SEED_DATASET = 'articles';

/** One problem found in a seed file. */
export interface SeedProblem {
  file: string;
  path: string;
  message: string;
}

/** Thrown when seed files are missing, malformed or inconsistent; lists every problem. */
export class SeedValidationError extends Error {
  constructor(readonly problems: SeedProblem[]) {
    super(
      `Invalid seed data (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
        problems.map((p) => `  ${p.file}: ${p.path || '(root)'}: ${p.message}`).join('\n'),
    );
    this.name = 'SeedValidationError';
  }
}

function formatPath(segments: readonly PropertyKey[]): string {
  return segments
    .map((s, i) => (typeof s === 'number' ? `[${s}]` : `${i === 0 ? '' : '.'}${String(s)}`))
    .join('');
}

async function readJsonArray<T>(
  dir: string,
  file: string,
  schema: z.ZodType<T>,
  problems: SeedProblem[],
): Promise<T[]> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path.join(dir, file), 'utf8'));
  } catch (err) {
    problems.push({ file, path: '', message: err instanceof Error ? err.message : String(err) });
    return [];
  }
  const parsed = z.array(schema).safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.push({ file, path: formatPath(issue.path), message: issue.message });
    }
    return [];
  }
  return parsed.data;
}

/** Cross-file checks: unique ids, known role references, histories that follow transitions. */
function checkConsistency(
  roles: Role[],
  transitions: TransitionInput[],
  histories: History[],
  problems: SeedProblem[],
): void {
  const ids = new Set<string>();
  roles.forEach((r, i) => {
    if (ids.has(r.id)) problems.push({ file: 'roles.json', path: `[${i}].id`, message: `duplicate role id "${r.id}"` });
    ids.add(r.id);
  });
  const pairs = new Set<string>();
  transitions.forEach((t, i) => {
    for (const end of ['from', 'to'] as const) {
      if (!ids.has(t[end])) {
        problems.push({ file: 'transitions.json', path: `[${i}].${end}`, message: `unknown role id "${t[end]}"` });
      }
    }
    if (t.from === t.to) problems.push({ file: 'transitions.json', path: `[${i}]`, message: 'a role cannot transition to itself' });
    const key = `${t.from}->${t.to}`;
    if (pairs.has(key)) problems.push({ file: 'transitions.json', path: `[${i}]`, message: `duplicate transition ${key}` });
    pairs.add(key);
    if (t.evidence.length !== t.count) {
      problems.push({
        file: 'transitions.json',
        path: `[${i}].count`,
        message: `count ${t.count} must equal the number of evidence accounts (${t.evidence.length})`,
      });
    }
  });
  const historyIds = new Set<string>();
  histories.forEach((h, i) => {
    if (historyIds.has(h.id)) problems.push({ file: 'histories.json', path: `[${i}].id`, message: `duplicate history id "${h.id}"` });
    historyIds.add(h.id);
    h.roles.forEach((r, j) => {
      if (!ids.has(r)) problems.push({ file: 'histories.json', path: `[${i}].roles[${j}]`, message: `unknown role id "${r}"` });
      if (j > 0 && !pairs.has(`${h.roles[j - 1]}->${r}`)) {
        problems.push({
          file: 'histories.json',
          path: `[${i}].roles[${j}]`,
          message: `no transition ${h.roles[j - 1]}->${r} in transitions.json`,
        });
      }
    });
  });
}

/** Options of readSeedDir. */
export interface ReadSeedOptions {
  /**
   * Require Japanese for every role description, skill list and evidence gloss
   * (the seed schemas). On for the shipped seed (`seed/validate.ts`, the seed
   * tests); off by default so a hand-made or test seed directory may be English only.
   */
  requireJapanese?: boolean;
}

/**
 * Reads the seed directory and returns the validated graph, with each
 * transition's probability computed from the counts.
 * @throws SeedValidationError listing every problem found
 */
export async function readSeedDir(dir: string, { requireJapanese = false }: ReadSeedOptions = {}): Promise<GraphData> {
  const problems: SeedProblem[] = [];
  const roles = await readJsonArray<Role>(dir, 'roles.json', requireJapanese ? seedRoleSchema : roleSchema, problems);
  const transitions = await readJsonArray<TransitionInput>(dir, 'transitions.json', requireJapanese ? seedTransitionSchema : transitionSchema, problems);
  const histories = await readJsonArray<History>(dir, 'histories.json', requireJapanese ? seedHistorySchema : historySchema, problems);
  if (problems.length === 0) checkConsistency(roles, transitions, histories, problems);
  if (problems.length > 0) throw new SeedValidationError(problems);
  return {
    dataset: SEED_DATASET,
    roles,
    transitions: withProbabilities(transitions, SEED_DATASET),
    histories,
  };
}
