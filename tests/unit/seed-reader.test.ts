/** Invalid seed files stop the load, naming the file and the path inside it. */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSeedDir, SeedValidationError } from '../../server/services/seed-reader.js';

const seedDir = path.resolve(import.meta.dirname, '..', '..', 'seed', 'data');

/** A copy of the real seed files with one file replaced by `edit` of its parsed JSON. */
async function seedWith(file: string, edit: (json: unknown[]) => unknown): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'rolepath-seed-'));
  for (const f of ['roles.json', 'transitions.json', 'histories.json']) {
    const text = await readFile(path.join(seedDir, f), 'utf8');
    await writeFile(path.join(dir, f), f === file ? JSON.stringify(edit(JSON.parse(text) as unknown[])) : text);
  }
  return dir;
}

async function problemsOf(dir: string) {
  const err = await readSeedDir(dir).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SeedValidationError);
  return (err as SeedValidationError).problems;
}

describe('readSeedDir', () => {
  it('accepts the real seed files', async () => {
    const graph = await readSeedDir(seedDir);
    expect(graph.dataset).toBe('articles');
    expect(graph.roles.length).toBeGreaterThan(30);
  });

  it('names the file and path of a field with the wrong type', async () => {
    const dir = await seedWith('roles.json', (roles) => roles.map((r, i) => (i === 2 ? { ...(r as object), family: 'pirates' } : r)));
    expect(await problemsOf(dir)).toEqual([expect.objectContaining({ file: 'roles.json', path: '[2].family' })]);
  });

  it('reports unknown keys, unknown role references and count/evidence mismatches', async () => {
    const dir = await seedWith('transitions.json', (ts) =>
      ts.map((t, i) =>
        i === 0 ? { ...(t as object), to: 'astronaut' } : i === 1 ? { ...(t as object), count: 7 } : t,
      ),
    );
    const problems = await problemsOf(dir);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: 'transitions.json', path: '[0].to', message: expect.stringContaining('astronaut') }),
        expect.objectContaining({ file: 'transitions.json', path: '[1].count' }),
      ]),
    );
  });

  it('rejects a history step that is not a transition', async () => {
    const dir = await seedWith('histories.json', (hs) => hs.map((h, i) => (i === 0 ? { ...(h as object), roles: ['finance', 'qa'] } : h)));
    expect(await problemsOf(dir)).toEqual([
      expect.objectContaining({ file: 'histories.json', path: '[0].roles[1]', message: expect.stringContaining('finance->qa') }),
    ]);
  });

  it('reports malformed JSON with the file name', async () => {
    const dir = await seedWith('roles.json', () => []);
    await writeFile(path.join(dir, 'roles.json'), '[{"id": ');
    const problems = await problemsOf(dir);
    expect(problems[0]?.file).toBe('roles.json');
    expect(String(new SeedValidationError(problems).message)).toContain('roles.json');
  });
});
