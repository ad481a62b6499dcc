/**
 * A force layout for graphs of thousands of roles, written to run in a Web
 * Worker (layout-worker.ts) so the page never waits on it. Pure: typed arrays
 * in, typed arrays out, tested without a DOM.
 *
 * Fruchterman–Reingold with a grid: each role pushes away only the roles in the
 * neighbouring cells (a cut-off at two ideal lengths), so one pass costs about
 * n·(roles per cell) + m rather than n². Moves pull their ends together; each
 * role is also drawn softly to the centre of its family, so families stay
 * recognisable groups. It starts from the given positions (the family discs)
 * and cools linearly, so the same input always gives the same picture.
 */

/** Above this many roles a cell pushes its neighbours as one body at its centre. */
const CROWDED = 24;

export interface ForceInput {
  /** x0, y0, x1, y1, … (2 per role). */
  positions: Float64Array;
  /** source0, target0, source1, target1, … as role indexes (2 per move). */
  edges: Uint32Array;
  /** Family index per role. */
  groups: Uint32Array;
  /** Ideal distance between connected roles. */
  idealLength: number;
  iterations: number;
  /** Pull towards the family centre, relative to a move's pull (default 0.15). */
  groupPull?: number;
}

/**
 * Runs the layout in place on `input.positions`. `onProgress(done, total)` is
 * called every `every` iterations; returning false from it stops early.
 */
export function forceLayout(input: ForceInput, onProgress?: (done: number, total: number) => boolean | void, every = 10): Float64Array {
  const { positions: p, edges, groups, idealLength: k, iterations } = input;
  const groupPull = input.groupPull ?? 0.15;
  const n = p.length / 2;
  const m = edges.length / 2;
  const dx = new Float64Array(n);
  const dy = new Float64Array(n);
  const cell = 2 * k;
  const cutoff2 = cell * cell;
  const k2 = k * k;
  let groupCount = 0;
  for (let i = 0; i < n; i++) groupCount = Math.max(groupCount, groups[i]! + 1);
  const gx = new Float64Array(groupCount);
  const gy = new Float64Array(groupCount);
  const gn = new Uint32Array(groupCount);
  // The grid: roles sorted by cell, with each cell's start in a hash table keyed by cell coordinates.
  const order = new Uint32Array(n);
  const keys = new Float64Array(n);
  const cellStart = new Map<number, number>();
  const cellCount = new Map<number, [number, number, number]>();
  const cellKey = (cx: number, cy: number) => cx * 1_000_003 + cy;

  // Start hot enough to untangle the discs, cool to nothing.
  let extentX = 0;
  let extentY = 0;
  for (let i = 0; i < n; i++) {
    extentX = Math.max(extentX, Math.abs(p[2 * i]!));
    extentY = Math.max(extentY, Math.abs(p[2 * i + 1]!));
  }
  const t0 = Math.max(k, Math.max(extentX, extentY) / 20);

  for (let it = 0; it < iterations; it++) {
    const temp = t0 * (1 - it / iterations) + k * 0.05;
    dx.fill(0);
    dy.fill(0);

    // Grid.
    for (let i = 0; i < n; i++) {
      order[i] = i;
      keys[i] = cellKey(Math.floor(p[2 * i]! / cell), Math.floor(p[2 * i + 1]! / cell));
    }
    order.sort((a, b) => keys[a]! - keys[b]!);
    cellStart.clear();
    for (let s = 0; s < n; s++) {
      const key = keys[order[s]!]!;
      if (!cellStart.has(key)) cellStart.set(key, s);
    }

    // Cell sizes and centres: a crowded cell pushes as one body, so a pass stays bounded however dense the picture.
    cellCount.clear();
    for (let s = 0; s < n; s++) {
      const i = order[s]!;
      const key = keys[i]!;
      const c = cellCount.get(key);
      if (c) {
        c[0] = c[0]! + 1;
        c[1] = c[1]! + (p[2 * i]!);
        c[2] = c[2]! + (p[2 * i + 1]!);
      } else cellCount.set(key, [1, p[2 * i]!, p[2 * i + 1]!]);
    }
    const push = (i: number, ddx: number, ddy: number, mass: number, salt: number) => {
      let d2 = ddx * ddx + ddy * ddy;
      if (d2 >= cutoff2) return;
      if (d2 < 1e-6) {
        // Two roles on one spot: part them in a direction fixed by their indexes.
        ddx = ((i * 7 + salt * 13) % 17) / 17 - 0.5;
        ddy = ((i * 11 + salt * 5) % 19) / 19 - 0.5;
        d2 = ddx * ddx + ddy * ddy;
      }
      const f = (mass * k2) / d2; // (k² / d) / d: the unit vector folded in
      dx[i] = dx[i]! + (ddx * f);
      dy[i] = dy[i]! + (ddy * f);
    };
    for (let i = 0; i < n; i++) {
      const xi = p[2 * i]!;
      const yi = p[2 * i + 1]!;
      const cx = Math.floor(xi / cell);
      const cy = Math.floor(yi / cell);
      for (let ox = -1; ox <= 1; ox++) {
        for (let oy = -1; oy <= 1; oy++) {
          const key = cellKey(cx + ox, cy + oy);
          const c = cellCount.get(key);
          if (!c) continue;
          if (c[0] > CROWDED) {
            const own = ox === 0 && oy === 0;
            const mass = own ? c[0] - 1 : c[0];
            const mx = own ? (c[1] - xi) / mass : c[1] / mass;
            const my = own ? (c[2] - yi) / mass : c[2] / mass;
            push(i, xi - mx, yi - my, mass, key);
            continue;
          }
          for (let t = cellStart.get(key)!; t < n && keys[order[t]!] === key; t++) {
            const j = order[t]!;
            if (j !== i) push(i, xi - p[2 * j]!, yi - p[2 * j + 1]!, 1, j);
          }
        }
      }
    }

    // Attraction along moves.
    for (let e = 0; e < m; e++) {
      const a = edges[2 * e]!;
      const b = edges[2 * e + 1]!;
      if (a === b) continue;
      const ddx = p[2 * a]! - p[2 * b]!;
      const ddy = p[2 * a + 1]! - p[2 * b + 1]!;
      const d = Math.sqrt(ddx * ddx + ddy * ddy);
      const f = d / k; // (d² / k) / d
      dx[a] = dx[a]! - (ddx * f);
      dy[a] = dy[a]! - (ddy * f);
      dx[b] = dx[b]! + (ddx * f);
      dy[b] = dy[b]! + (ddy * f);
    }

    // Pull towards the family centre.
    gx.fill(0);
    gy.fill(0);
    gn.fill(0);
    for (let i = 0; i < n; i++) {
      const g = groups[i]!;
      gx[g] = gx[g]! + (p[2 * i]!);
      gy[g] = gy[g]! + (p[2 * i + 1]!);
      gn[g] = gn[g]! + 1;
    }
    for (let i = 0; i < n; i++) {
      const g = groups[i]!;
      const ddx = p[2 * i]! - gx[g]! / gn[g]!;
      const ddy = p[2 * i + 1]! - gy[g]! / gn[g]!;
      const d = Math.sqrt(ddx * ddx + ddy * ddy);
      const f = (groupPull * d) / k;
      dx[i] = dx[i]! - (ddx * f);
      dy[i] = dy[i]! - (ddy * f);
    }

    // Move, each role by at most the temperature.
    for (let i = 0; i < n; i++) {
      const len = Math.sqrt(dx[i]! * dx[i]! + dy[i]! * dy[i]!);
      if (len < 1e-9) continue;
      const step = Math.min(len, temp) / len;
      p[2 * i] = p[2 * i]! + (dx[i]! * step);
      p[2 * i + 1] = p[2 * i + 1]! + (dy[i]! * step);
    }

    if (onProgress && ((it + 1) % every === 0 || it + 1 === iterations)) {
      if (onProgress(it + 1, iterations) === false) break;
    }
  }
  return p;
}
