/**
 * Interns byte strings (person ids, role names as written in the file) to
 * small integers without making a JS string per row: an open-addressing hash
 * table over FNV-1a hashes, with the bytes kept in one growing arena. On the
 * 1M-history import this replaces ~11 million short-lived strings and Map
 * look-ups with typed-array work.
 */

/** Maps distinct byte strings to 0, 1, 2, … in first-seen order. */
export class ByteInterner {
  private table: Int32Array;
  private mask: number;
  private hashes: Int32Array;
  private offsets: Int32Array;
  private lengths: Int32Array;
  private arena: Uint8Array;
  private arenaUsed = 0;
  /** Number of distinct byte strings seen. */
  size = 0;
  /** True when the last `intern` call added a new entry. */
  added = false;
  /**
   * A small direct-mapped cache in front of the hash table, keyed by length and
   * end bytes: the rows of one person come together and a file names a few
   * hundred roles, so most look-ups end here without hashing every byte.
   */
  private readonly quick = new Int32Array(1024).fill(-1);

  constructor(expected = 1024) {
    let slots = 16;
    while (slots < expected * 2) slots *= 2;
    this.table = new Int32Array(slots).fill(-1);
    this.mask = slots - 1;
    const entries = Math.max(8, expected);
    this.hashes = new Int32Array(entries);
    this.offsets = new Int32Array(entries);
    this.lengths = new Int32Array(entries);
    this.arena = new Uint8Array(entries * 16);
  }

  /** The index of `buf[start..end)`, adding it if new (see `added`). */
  intern(buf: Uint8Array, start: number, end: number): number {
    const len = end - start;
    const q = len === 0 ? 0 : (len * 31 + buf[start]! * 7 + buf[end - 1]! * 131 + buf[start + (len >> 1)]!) & 1023;
    const hit = this.quick[q]!;
    if (hit >= 0 && this.lengths[hit] === len && this.equals(hit, buf, start, len)) {
      this.added = false;
      return hit;
    }
    let h = 0x811c9dc5 | 0;
    for (let p = start; p < end; p++) h = Math.imul(h ^ buf[p]!, 0x01000193);
    const table = this.table;
    let slot = (h ^ (h >>> 15)) & this.mask;
    for (;;) {
      const entry = table[slot]!;
      if (entry < 0) break;
      if (this.hashes[entry] === h && this.lengths[entry] === len && this.equals(entry, buf, start, len)) {
        this.added = false;
        this.quick[q] = entry;
        return entry;
      }
      slot = (slot + 1) & this.mask;
    }
    const index = this.size++;
    if (index >= this.hashes.length) this.growEntries();
    if (this.arenaUsed + len > this.arena.length) {
      const bigger = new Uint8Array(Math.max(this.arena.length * 2, this.arenaUsed + len));
      bigger.set(this.arena.subarray(0, this.arenaUsed));
      this.arena = bigger;
    }
    // A byte loop: `set(buf.subarray(…))` would allocate a Buffer view per new entry.
    const arena = this.arena;
    for (let i = 0, o = this.arenaUsed; i < len; i++) arena[o + i] = buf[start + i]!;
    this.hashes[index] = h;
    this.offsets[index] = this.arenaUsed;
    this.lengths[index] = len;
    this.arenaUsed += len;
    table[slot] = index;
    if (this.size * 2 > table.length) this.rehash();
    this.added = true;
    this.quick[q] = index;
    return index;
  }

  /** The bytes of entry `index` as UTF-8 text. */
  text(index: number): string {
    const o = this.offsets[index]!;
    return Buffer.from(this.arena.buffer, this.arena.byteOffset + o, this.lengths[index]!).toString('utf8');
  }

  /** The bytes of entry `index` (a view into the arena, valid until the next `intern`). */
  bytes(index: number): Uint8Array {
    const o = this.offsets[index]!;
    return this.arena.subarray(o, o + this.lengths[index]!);
  }

  private equals(entry: number, buf: Uint8Array, start: number, len: number): boolean {
    const arena = this.arena;
    const o = this.offsets[entry]!;
    for (let i = 0; i < len; i++) if (arena[o + i] !== buf[start + i]) return false;
    return true;
  }

  private growEntries(): void {
    [this.hashes, this.offsets, this.lengths] = grownInt32(this.hashes.length * 2, this.hashes, this.offsets, this.lengths);
  }

  private rehash(): void {
    this.table = rehashed(this.table.length * 2, this.hashes, this.size);
    this.mask = this.table.length - 1;
  }
}

/** Copies of `arrays` in new arrays of `n` entries each (the rest zero): how the interners' entry tables grow. */
export function grownInt32<T extends Int32Array[]>(n: number, ...arrays: T): { [K in keyof T]: Int32Array<ArrayBuffer> } {
  return arrays.map((a) => {
    const b = new Int32Array(n);
    b.set(a);
    return b;
  }) as { [K in keyof T]: Int32Array<ArrayBuffer> };
}

/** An open-addressing slot table of `slots` (a power of two) holding entries 0…size-1 by their `hashes` (-1: empty). */
export function rehashed(slots: number, hashes: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const table = new Int32Array(slots).fill(-1);
  const mask = slots - 1;
  for (let e = 0; e < size; e++) {
    const h = hashes[e]!;
    let slot = (h ^ (h >>> 15)) & mask;
    while (table[slot]! >= 0) slot = (slot + 1) & mask;
    table[slot] = e;
  }
  return table;
}
