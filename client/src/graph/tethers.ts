/**
 * Invisible "family tethers" for the force layout: each role is tied to the
 * best-connected role of its family for the duration of one layout run, so
 * families stay together while the real moves still pull roles across
 * families. Pure: returns plain edge definitions.
 */
import type { ElementDefinition } from 'cytoscape';

/** Data field that marks a tether (the layout gives tethers their own length and stiffness). */
export const TETHER = 'tether';

/**
 * One tether per role that is not its family's hub.
 * @param nodes roles with their family
 * @param degree moves in and out per role (the hub is the role with the most; ties by id)
 */
export function familyTethers(nodes: readonly { id: string; family: string }[], degree: ReadonlyMap<string, number>): ElementDefinition[] {
  const hubs = new Map<string, string>();
  for (const n of nodes) {
    const hub = hubs.get(n.family);
    const better = hub === undefined || (degree.get(n.id) ?? 0) > (degree.get(hub) ?? 0) || ((degree.get(n.id) ?? 0) === (degree.get(hub) ?? 0) && n.id < hub);
    if (better) hubs.set(n.family, n.id);
  }
  return nodes
    .filter((n) => hubs.get(n.family) !== n.id)
    .map((n) => ({ group: 'edges' as const, data: { id: `${TETHER}:${n.id}`, source: hubs.get(n.family)!, target: n.id, [TETHER]: true }, classes: TETHER }));
}
