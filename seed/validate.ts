/**
 * Validates the seed files (Japanese included: every description, skill and gloss) and checks every evidence quote against the source
 * articles. Usage: `npx tsx seed/validate.ts [articlesDir]` (default: $ARTICLES_DIR, else ../shared/seeds).
 * Exits non-zero listing every problem.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readSeedDir, SeedValidationError } from '../server/services/seed-reader.js';
import { findQuoteProblems } from './quote-check.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const articlesDir = path.resolve(process.argv[2] ?? (process.env.ARTICLES_DIR || path.join(here, '..', '..', 'shared', 'seeds')));

try {
  const graph = await readSeedDir(path.join(here, 'data'), { requireJapanese: true });
  const problems = await findQuoteProblems(graph, articlesDir);
  for (const p of problems) console.error(p);
  console.log(
    `${graph.roles.length} roles, ${graph.transitions.length} transitions, ${graph.histories.length} histories; ` +
      `${problems.length} quote problem(s)`,
  );
  process.exitCode = problems.length ? 1 : 0;
} catch (err) {
  if (err instanceof SeedValidationError) {
    console.error(err.message);
    process.exitCode = 1;
  } else throw err;
}
