/**
 * Text encodings of import files: UTF-8 with or without a byte-order mark,
 * and Shift_JIS (what Excel writes for Japanese CSV). `auto` looks at the
 * start of the file: a BOM decides; otherwise valid UTF-8 is UTF-8, and bytes
 * that are not UTF-8 but decode as Shift_JIS are Shift_JIS. Everything
 * downstream reads UTF-8 bytes: UTF-8 input passes through untouched (checked
 * with the native `isUtf8`), Shift_JIS is decoded with Node's ICU
 * `TextDecoder('shift_jis')` and re-encoded.
 */
import { isUtf8 } from 'node:buffer';
import type { ImportEncoding } from '../../contract/imports.js';
import { english, say, type Said } from './messages.js';

/** An encoding problem that makes the whole file unreadable. */
export class EncodingError extends Error {
  constructor(readonly said: Said) {
    super(english(said));
    this.name = 'EncodingError';
  }
}

/** Bytes looked at to detect the encoding. */
const SAMPLE_BYTES = 64 * 1024;

/** Result of detection: the encoding and how many BOM bytes to skip. */
export interface DetectedEncoding {
  encoding: 'utf-8' | 'shift_jis';
  bom: number;
}

/** Bytes at the end of `b` that start a UTF-8 sequence not complete within `b` (0–3). */
export function incompleteUtf8Tail(b: Uint8Array): number {
  const n = b.length;
  for (let k = 1; k <= Math.min(3, n); k++) {
    const byte = b[n - k]!;
    if ((byte & 0xc0) === 0x80) continue; // continuation byte: look further back
    const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return need > k ? k : 0;
  }
  return 0;
}

/** Decides the encoding from the first bytes of a file (`final`: the sample is the whole file). */
export function detectEncoding(sample: Uint8Array, requested: ImportEncoding, final = false): DetectedEncoding {
  const utf8Bom = sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf;
  if ((sample[0] === 0xff && sample[1] === 0xfe) || (sample[0] === 0xfe && sample[1] === 0xff)) {
    throw new EncodingError(say('utf16'));
  }
  if (requested === 'utf-8') return { encoding: 'utf-8', bom: utf8Bom ? 3 : 0 };
  if (requested === 'shift_jis') return { encoding: 'shift_jis', bom: 0 };
  if (utf8Bom) return { encoding: 'utf-8', bom: 3 };
  const body = final ? sample : sample.subarray(0, sample.length - incompleteUtf8Tail(sample));
  if (isUtf8(body)) return { encoding: 'utf-8', bom: 0 };
  try {
    new TextDecoder('shift_jis', { fatal: true }).decode(sample, { stream: !final });
    return { encoding: 'shift_jis', bom: 0 };
  } catch {
    // Neither: read as UTF-8, which reports where it breaks.
    return { encoding: 'utf-8', bom: 0 };
  }
}

/** Where the decoded text stands, for the report and progress. */
export interface DecodeState {
  encoding: 'utf-8' | 'shift_jis';
  /** Bytes of the original file read so far. */
  bytesIn: number;
}

/**
 * Turns the raw chunks of a file into UTF-8 chunks without a BOM, detecting
 * the encoding first when asked to. `state` is filled in as it goes.
 * @throws EncodingError when the bytes are not valid in the encoding
 */
export async function* toUtf8(
  source: AsyncIterable<Uint8Array>,
  requested: ImportEncoding,
  state: DecodeState,
): AsyncGenerator<Buffer> {
  const iterator = source[Symbol.asyncIterator]();
  // Gather a sample for detection.
  const head: Buffer[] = [];
  let headBytes = 0;
  let done = false;
  while (headBytes < SAMPLE_BYTES) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    // Copied: a source may reuse its buffer for the next chunk (see file-source.ts).
    const chunk = Buffer.from(next.value);
    head.push(chunk);
    headBytes += chunk.length;
  }
  let first = head.length === 1 ? head[0]! : Buffer.concat(head);
  const detected = detectEncoding(first, requested, done);
  state.encoding = detected.encoding;
  first = first.subarray(detected.bom);
  state.bytesIn = detected.bom;

  async function* rest(): AsyncGenerator<Buffer> {
    yield first;
    if (done) return;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      const v = next.value;
      yield Buffer.isBuffer(v) ? v : Buffer.from(v.buffer, v.byteOffset, v.byteLength);
    }
  }

  if (detected.encoding === 'utf-8') {
    let tail: Buffer | null = null;
    let offset = detected.bom;
    for await (const raw of rest()) {
      state.bytesIn += raw.length;
      const chunk: Buffer = tail ? Buffer.concat([tail, raw]) : raw;
      const cut: number = chunk.length - incompleteUtf8Tail(chunk);
      const body = chunk.subarray(0, cut);
      if (!isUtf8(body)) throw new EncodingError(say('notUtf8', { byte: offset + firstBadByte(body) }));
      offset += body.length;
      tail = cut < chunk.length ? Buffer.from(chunk.subarray(cut)) : null;
      if (body.length) yield body;
    }
    if (tail) throw new EncodingError(say('utf8Cut', { byte: offset }));
    return;
  }

  const decoder = new TextDecoder('shift_jis', { fatal: true });
  let offset = 0;
  for await (const raw of rest()) {
    state.bytesIn += raw.length;
    let text: string;
    try {
      text = decoder.decode(raw, { stream: true });
    } catch {
      throw new EncodingError(say('notShiftJis', { from: offset, to: offset + raw.length }));
    }
    offset += raw.length;
    if (text) yield Buffer.from(text, 'utf8');
  }
  try {
    const text = decoder.decode();
    if (text) yield Buffer.from(text, 'utf8');
  } catch {
    throw new EncodingError(say('shiftJisCut'));
  }
}

/** Names the first invalid byte of a chunk that failed `isUtf8` (a plain scan: this is the error path). */
function firstBadByte(body: Buffer): number {
  let p = 0;
  while (p < body.length) {
    const b = body[p]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (need < 0) break;
    let ok = true;
    for (let k = 1; k <= need; k++) if (((body[p + k] ?? 0) & 0xc0) !== 0x80) ok = false;
    if (!ok) break;
    p += need + 1;
  }
  return p;
}
