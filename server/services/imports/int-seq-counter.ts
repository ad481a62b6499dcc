/**
 * Counts distinct sequences of small integers (role indices of a career) in an
 * open-addressing hash table over one growing arena: a million careers are
 * counted without making a string key per career.
 */
import { grownInt32, rehashed } from './byte-interner.js';

export class IntSeqCounter {
  private table: Int32Array = new Int32Array(1 << 12).fill(-1);
  private hashes = new Int32Array(1 << 11);
  private offsets = new Int32Array(1 << 11);
  private lengths = new Int32Array(1 << 11);
  private counts = new Int32Array(1 << 11);
  private arena = new Int32Array(1 << 14);
  private used = 0;
  /** Distinct sequences. */
  size = 0;

  /** Counts one occurrence of `seq[0..len)`. */
  add(seq: Int32Array, len: number): void {
    let h = 0x811c9dc5 | 0;
    for (let i = 0; i < len; i++) h = Math.imul(h ^ seq[i]!, 0x01000193);
    h = Math.imul(h ^ len, 0x01000193);
    const mask = this.table.length - 1;
    let slot = (h ^ (h >>> 15)) & mask;
    for (;;) {
      const e = this.table[slot]!;
      if (e < 0) break;
      if (this.hashes[e] === h && this.lengths[e] === len && this.equals(e, seq, len)) {
        this.counts[e]!++;
        return;
      }
      slot = (slot + 1) & mask;
    }
    const e = this.size++;
    if (e >= this.hashes.length) this.growEntries();
    if (this.used + len > this.arena.length) {
      const bigger = new Int32Array(Math.max(this.arena.length * 2, this.used + len));
      bigger.set(this.arena.subarray(0, this.used));
      this.arena = bigger;
    }
    this.arena.set(seq.subarray(0, len), this.used);
    this.hashes[e] = h;
    this.offsets[e] = this.used;
    this.lengths[e] = len;
    this.counts[e] = 1;
    this.used += len;
    this.table[slot] = e;
    if (this.size * 2 > this.table.length) this.rehash();
  }

  /** Calls `fn` for each distinct sequence seen at least `minCount` times, in first-seen order; returns how many were seen fewer times. */
  forEach(minCount: number, fn: (seq: number[], count: number) => void): number {
    let below = 0;
    for (let e = 0; e < this.size; e++) {
      const count = this.counts[e]!;
      if (count < minCount) {
        below++;
        continue;
      }
      const o = this.offsets[e]!;
      fn(Array.from(this.arena.subarray(o, o + this.lengths[e]!)), count);
    }
    return below;
  }

  private equals(e: number, seq: Int32Array, len: number): boolean {
    const o = this.offsets[e]!;
    for (let i = 0; i < len; i++) if (this.arena[o + i] !== seq[i]) return false;
    return true;
  }

  private growEntries(): void {
    [this.hashes, this.offsets, this.lengths, this.counts] = grownInt32(this.hashes.length * 2, this.hashes, this.offsets, this.lengths, this.counts);
  }

  private rehash(): void {
    this.table = rehashed(this.table.length * 2, this.hashes, this.size);
  }
}
