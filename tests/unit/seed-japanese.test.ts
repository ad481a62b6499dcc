/**
 * The seed is Japanese first: every role description, skill and evidence gloss
 * also comes in Japanese, the names people say find their role, and search
 * ranks a role's own name above other roles' aliases.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GraphData } from '../../server/contract/graph-data.js';
import { readSeedDir } from '../../server/services/seed-reader.js';
import { RoleService } from '../../server/services/role-service.js';
import type { SnapshotCache } from '../../server/services/graph-snapshot.js';

const root = path.resolve(import.meta.dirname, '..', '..');
const japanese = /[\u3040-\u30ff\u4e00-\u9fff]/;

describe('seed graph in Japanese', () => {
  let graph: GraphData;
  let roles: RoleService;
  beforeAll(async () => {
    graph = await readSeedDir(path.join(root, 'seed', 'data'), { requireJapanese: true });
    roles = new RoleService({ get: async () => ({ roles: graph.roles }) } as unknown as SnapshotCache);
  });

  it('has a Japanese description for every role, and Japanese skills and glosses for every move and history', () => {
    for (const r of graph.roles) expect(r.descriptionJa, r.id).toMatch(japanese);
    for (const t of graph.transitions) {
      expect(t.skillsJa, `${t.from}->${t.to}`).toHaveLength(t.skills.length);
      for (const e of t.evidence) expect(e.glossJa, `${t.from}->${t.to}`).toMatch(japanese);
    }
    for (const h of graph.histories) for (const e of h.evidence) expect(e.glossJa, h.id).toMatch(japanese);
  });

  it('calls the CS role カスタマーサポート, the name people say, and keeps カスタマーサービス as an alias', () => {
    const cs = graph.roles.find((r) => r.id === 'customer-support')!;
    expect(cs.nameJa).toBe('カスタマーサポート');
    expect(cs.aliases).toEqual(expect.arrayContaining(['カスタマーサービス', 'コールセンター']));
  });

  it('ranks an exact or prefix match of a main name first', async () => {
    const first = async (q: string) => (await roles.search(q, 5)).roles[0]?.id;
    expect(await first('カスタマー')).toBe('customer-support');
    expect(await first('カスタマーサポート')).toBe('customer-support');
    expect(await first('カスタマーサクセス')).toBe('customer-success');
    expect(await first('customer')).toBe('customer-support');
    expect(await first('コールセンター')).toBe('customer-support');
    expect(await first('カスタマーサービス')).toBe('customer-support');
    expect(await first('経理')).toBe('accounting');
    expect(await first('QA')).toBe('qa');
  });
});
