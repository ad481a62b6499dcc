/**
 * Writes text chunks into a PNG file: `tEXt` for Latin-1 text, `iTXt` (UTF-8)
 * for anything else (Japanese titles, JSON with Japanese names), inserted just
 * before `IEND` with their CRC-32. Browsers' canvas encoders write no metadata,
 * so the export's provenance is added to the bytes afterwards. Pure.
 */

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

let table: Uint32Array | null = null;

/** CRC-32 (ISO 3309, as PNG uses it) of `bytes`. */
export function crc32(bytes: Uint8Array): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const b of bytes) crc = table[(crc ^ b) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** One chunk: length, type, data, CRC over type and data. */
function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

const latin1 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

/**
 * A text chunk for `keyword` (1–79 Latin-1 characters, e.g. "Title", "Software")
 * holding `text`: tEXt when the text is Latin-1, iTXt (uncompressed UTF-8) otherwise.
 */
export function textChunk(keyword: string, text: string): Uint8Array {
  if (!/^[\x20-\x7e\xa1-\xff]{1,79}$/.test(keyword) || keyword !== keyword.trim()) throw new Error(`Bad PNG text keyword: ${keyword}`);
  // eslint-disable-next-line no-control-regex
  if (/^[\x09\x0a\x20-\x7e\xa0-\xff]*$/.test(text)) {
    return chunk('tEXt', Uint8Array.from([...latin1(keyword), 0, ...latin1(text)]));
  }
  // iTXt: keyword, NUL, compression flag 0, method 0, empty language tag NUL, empty translated keyword NUL, UTF-8 text.
  return chunk('iTXt', Uint8Array.from([...latin1(keyword), 0, 0, 0, 0, 0, ...new TextEncoder().encode(text)]));
}

/** `png` with text chunks for each entry of `texts` inserted before IEND. */
export function addPngText(png: Uint8Array, texts: Record<string, string>): Uint8Array {
  if (png.length < 8 || SIGNATURE.some((b, i) => png[i] !== b)) throw new Error('Not a PNG file.');
  // Walk the chunks to find IEND (the canvas encoder writes exactly one, last).
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  let at = 8;
  while (at + 8 <= png.length) {
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    if (type === 'IEND') break;
    at += 12 + view.getUint32(at);
  }
  if (at + 8 > png.length) throw new Error('PNG file has no IEND chunk.');
  const added = Object.entries(texts).map(([k, v]) => textChunk(k, v));
  const size = added.reduce((n, c) => n + c.length, 0);
  const out = new Uint8Array(png.length + size);
  out.set(png.subarray(0, at), 0);
  let pos = at;
  for (const c of added) {
    out.set(c, pos);
    pos += c.length;
  }
  out.set(png.subarray(at), pos);
  return out;
}
