/**
 * Checks that every evidence quote in a graph is an exact substring of the
 * article it names. Used by the seed validator and the test suite.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Evidence, GraphData } from '../server/contract/graph-data.js';

/** Returns one message per quote that is not found verbatim in its article (or whose article is missing). */
export async function findQuoteProblems(graph: GraphData, articlesDir: string): Promise<string[]> {
  const cache = new Map<string, string | null>();
  const article = async (source: string): Promise<string | null> => {
    if (!cache.has(source)) {
      cache.set(source, await readFile(path.join(articlesDir, source), 'utf8').catch(() => null));
    }
    return cache.get(source) ?? null;
  };
  const problems: string[] = [];
  const check = async (where: string, e: Evidence): Promise<void> => {
    const text = await article(e.source);
    if (text === null) problems.push(`${where}: source article "${e.source}" not found in ${articlesDir}`);
    else if (!text.includes(e.quote)) problems.push(`${where}: quote not found verbatim in ${e.source}: "${e.quote}"`);
  };
  for (const [i, t] of graph.transitions.entries()) {
    for (const [j, e] of t.evidence.entries()) await check(`transitions.json[${i}] ${t.from}->${t.to} evidence[${j}]`, e);
  }
  for (const [i, h] of graph.histories.entries()) {
    for (const [j, e] of h.evidence.entries()) await check(`histories.json[${i}] ${h.id} evidence[${j}]`, e);
  }
  return problems;
}
