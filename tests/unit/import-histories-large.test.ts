/**
 * The history importer's paths for large inputs, which small files never take: a catalogue of more than
 * 2,048 roles (move counts in a map instead of a roles² array) and more than 2¹⁸ stints (stints stored
 * across several blocks). Each is checked against counts known by construction, and the sparse path
 * against the dense one on the same file.
 */
import { describe, expect, it } from 'vitest';
import type { Role } from '../../server/contract/graph-data.js';
import { bytesSource, runImport } from '../../server/services/imports/import-pipeline.js';
import { buildRole } from '../fixtures/graph.js';

const roles = (n: number): Role[] => Array.from({ length: n }, (_, i) => buildRole({ id: `r${i}`, name: `Role ${i}`, nameJa: `職種${i}` }));

const run = (csv: string, catalogue: Role[]) =>
  runImport(bytesSource(csv), { kind: 'histories', dataset: 'big', dryRun: false, createRoles: false, encoding: 'auto', format: 'auto', minCount: 1 }, catalogue);

/** What an import wrote, in a form two runs can be compared by. */
const aggregates = (write: NonNullable<Awaited<ReturnType<typeof run>>['write']>) => ({
  transitions: write.transitions.map((t) => [t.from, t.to, t.count, t.probability]),
  routes: write.routes.map((r) => [r.roles.join('>'), r.count]),
});

describe('history import above its small-input limits', () => {
  it('more than 2,048 roles: the same moves and careers as the dense path, counted right', async () => {
    // Careers that use roles on both sides of index 2,048: r(i) → r(2100 - i) → r(i + 1), i people each.
    let csv = 'person_id,seq,role\n';
    const expected = new Map<string, number>();
    let person = 0;
    for (let i = 1; i <= 30; i++) {
      const path = [`r${i}`, `r${2100 - i}`, `r${i + 1}`];
      for (let k = 0; k < i; k++, person++) path.forEach((r, s) => (csv += `p${person},${s + 1},${r}\n`));
      for (let s = 0; s < 2; s++) expected.set(`${path[s]}>${path[s + 1]}`, (expected.get(`${path[s]}>${path[s + 1]}`) ?? 0) + i);
    }
    const sparse = await run(csv, roles(2_101));
    expect(sparse.report).toMatchObject({ ok: true, people: person, stints: person * 3 });
    expect(new Map(sparse.write!.transitions.map((t) => [`${t.from}>${t.to}`, t.count]))).toEqual(expected);
    // The dense path over the same file: only the ids change (a catalogue of ≤ 2,048 roles holding the same names).
    const rename = (id: string) => (Number(id.slice(1)) > 2000 ? `r${Number(id.slice(1)) - 1000}` : id);
    const denseCsv = csv.replace(/,r(\d+)\n/g, (_, n: string) => `,${rename(`r${n}`)}\n`);
    const dense = await run(denseCsv, roles(1_200));
    const { transitions, routes } = aggregates(sparse.write!);
    const renamedTransitions = transitions.map(([f, t, c, p]) => [rename(String(f)), rename(String(t)), c, p]);
    const renamedRoutes = routes.map(([r, c]) => [String(r).split('>').map(rename).join('>'), c]);
    const sort = (a: unknown[][]) => [...a].sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)));
    expect(sort(renamedTransitions)).toEqual(sort(aggregates(dense.write!).transitions));
    expect(sort(renamedRoutes)).toEqual(sort(aggregates(dense.write!).routes));
  });

  it('more than 2¹⁸ stints: people whose stints lie in different storage blocks are put together', async () => {
    // 90,000 people with three stints each, written stint by stint (all first stints, then all second, …), so a
    // person's third stint lies past stint 2¹⁸ = 262,144 and their first in the first block.
    const people = 90_000;
    const parts = ['person_id,seq,role\n'];
    for (let s = 1; s <= 3; s++) for (let p = 0; p < people; p++) parts.push(`p${p},${s},r${p % 2 === 0 ? s : 4 - s}\n`);
    const { report, write } = await run(parts.join(''), roles(5));
    expect(report).toMatchObject({ ok: true, people, stints: 3 * people, transitions: 4, routes: 2 });
    expect(aggregates(write!).transitions).toEqual([
      ['r1', 'r2', people / 2, 1],
      ['r2', 'r1', people / 2, 0.5],
      ['r2', 'r3', people / 2, 0.5],
      ['r3', 'r2', people / 2, 1],
    ]);
    expect(aggregates(write!).routes.sort()).toEqual([
      ['r1>r2>r3', people / 2],
      ['r3>r2>r1', people / 2],
    ]);
  }, 60_000);
});
