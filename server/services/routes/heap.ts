/**
 * A binary min-heap of integer payloads keyed by up to three float keys,
 * compared lexicographically, with the payload itself as the last tie-break so
 * the pop order is fully deterministic. Keys live in typed arrays next to the
 * payloads (no per-entry objects), and the arrays are kept between uses so a
 * search allocates nothing once warm.
 */
export class KeyedHeap {
  private k1: Float64Array;
  private k2: Float64Array;
  private k3: Float64Array;
  private values: Int32Array;
  /** Number of entries in the heap. */
  size = 0;

  constructor(capacity = 256) {
    this.k1 = new Float64Array(capacity);
    this.k2 = new Float64Array(capacity);
    this.k3 = new Float64Array(capacity);
    this.values = new Int32Array(capacity);
  }

  /** Empties the heap, keeping its storage. */
  clear(): void {
    this.size = 0;
  }

  /** Adds `value` with keys (key1, key2, key3). */
  push(value: number, key1: number, key2 = 0, key3 = 0): void {
    if (this.size === this.values.length) this.grow();
    let i = this.size++;
    // Sift up: move parents down until the new entry's slot is found.
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.lessThanSlot(key1, key2, key3, value, p)) break;
      this.move(p, i);
      i = p;
    }
    this.set(i, key1, key2, key3, value);
  }

  /** First key of the minimum entry (Infinity when empty). */
  topKey1(): number {
    return this.size > 0 ? this.k1[0]! : Infinity;
  }

  /** Second key of the minimum entry (Infinity when empty). */
  topKey2(): number {
    return this.size > 0 ? this.k2[0]! : Infinity;
  }

  /** Removes and returns the minimum payload, or -1 when empty. */
  pop(): number {
    if (this.size === 0) return -1;
    const top = this.values[0]!;
    const last = --this.size;
    if (last > 0) {
      const a = this.k1[last]!;
      const b = this.k2[last]!;
      const c = this.k3[last]!;
      const v = this.values[last]!;
      let i = 0;
      // Sift down the former last entry from the root.
      for (;;) {
        const l = 2 * i + 1;
        if (l >= last) break;
        const r = l + 1;
        const m = r < last && this.slotLess(r, l) ? r : l;
        if (!this.slotLessThanKeys(m, a, b, c, v)) break;
        this.move(m, i);
        i = m;
      }
      this.set(i, a, b, c, v);
    }
    return top;
  }

  private lessThanSlot(a: number, b: number, c: number, v: number, j: number): boolean {
    const x = this.k1[j]!;
    if (a !== x) return a < x;
    const y = this.k2[j]!;
    if (b !== y) return b < y;
    const z = this.k3[j]!;
    if (c !== z) return c < z;
    return v < this.values[j]!;
  }

  private slotLessThanKeys(i: number, a: number, b: number, c: number, v: number): boolean {
    const x = this.k1[i]!;
    if (x !== a) return x < a;
    const y = this.k2[i]!;
    if (y !== b) return y < b;
    const z = this.k3[i]!;
    if (z !== c) return z < c;
    return this.values[i]! < v;
  }

  private slotLess(i: number, j: number): boolean {
    return this.slotLessThanKeys(i, this.k1[j]!, this.k2[j]!, this.k3[j]!, this.values[j]!);
  }

  private move(from: number, to: number): void {
    this.k1[to] = this.k1[from]!;
    this.k2[to] = this.k2[from]!;
    this.k3[to] = this.k3[from]!;
    this.values[to] = this.values[from]!;
  }

  private set(i: number, a: number, b: number, c: number, v: number): void {
    this.k1[i] = a;
    this.k2[i] = b;
    this.k3[i] = c;
    this.values[i] = v;
  }

  private grow(): void {
    const cap = this.values.length * 2;
    const grow64 = (old: Float64Array) => {
      const next = new Float64Array(cap);
      next.set(old);
      return next;
    };
    this.k1 = grow64(this.k1);
    this.k2 = grow64(this.k2);
    this.k3 = grow64(this.k3);
    const values = new Int32Array(cap);
    values.set(this.values);
    this.values = values;
  }
}
