/**
 * PNG provenance and size limits: text chunks written into a real PNG (made
 * with pngjs) must leave it decodable, carry a valid CRC (checked with
 * zlib.crc32, not our own CRC code) and read back exactly, Latin-1 as tEXt and
 * anything else as UTF-8 iTXt; the size plan must keep under the canvas limits.
 */
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { addPngText, crc32, textChunk } from '../../client/src/export/png-text.js';
import { planPng, PNG_LIMITS } from '../../client/src/export/png-plan.js';
import { readPng } from '../fixtures/export-check.js';

function samplePng(width: number, height: number): Uint8Array {
  const png = new PNG({ width, height });
  png.data.fill(0x80);
  return new Uint8Array(PNG.sync.write(png));
}

describe('PNG text chunks', () => {
  it('adds provenance that survives decoding, with valid CRCs, in tEXt or iTXt as the text needs', () => {
    const provenance = JSON.stringify({ query: { from: 'customer-support', to: 'product-manager' }, dataVersion: '52r-46t-e475a77a', title: 'カスタマーサービス → PdM' });
    const out = addPngText(samplePng(7, 5), { Software: 'rolepath', Title: 'カスタマーサービス → プロダクトマネージャー', 'rolepath:provenance': provenance });
    const read = readPng(out);
    expect([read.width, read.height]).toEqual([7, 5]);
    expect(read.png.data[0]).toBe(0x80);
    expect(read.text).toEqual({ Software: 'rolepath', Title: 'カスタマーサービス → プロダクトマネージャー', 'rolepath:provenance': provenance });
    // The chunks sit before IEND, which stays last.
    expect(Buffer.from(out.subarray(out.length - 8, out.length - 4)).toString('latin1')).toBe('IEND');
    expect(Buffer.from(textChunk('Software', 'rolepath').subarray(4, 8)).toString('latin1')).toBe('tEXt');
    expect(Buffer.from(textChunk('Title', '品質').subarray(4, 8)).toString('latin1')).toBe('iTXt');
  });

  it('computes the CRC-32 PNG uses, refuses bad keywords and non-PNG input', () => {
    expect(crc32(new TextEncoder().encode('IEND'))).toBe(0xae426082);
    expect(() => textChunk('', 'x')).toThrow();
    expect(() => textChunk('x'.repeat(80), 'x')).toThrow();
    expect(() => addPngText(new Uint8Array([1, 2, 3]), { a: 'b' })).toThrow(/PNG/);
  });
});

describe('PNG size plan', () => {
  it('keeps the asked scale when the picture fits', () => {
    expect(planPng(700, 850, 2)).toEqual({ scale: 2, width: 1400, height: 1700, reduced: false });
    expect(planPng(693, 462, 4)).toEqual({ scale: 4, width: 2772, height: 1848, reduced: false });
  });

  it('lowers the scale (and says so) so no side and no area passes the limits', () => {
    for (const [w, h, s] of [
      [20_000, 300, 1],
      [9_000, 9_000, 4],
      [5_000, 3_000, 3],
      [120_000, 80_000, 1],
    ] as const) {
      const plan = planPng(w, h, s);
      expect(plan.reduced).toBe(true);
      expect(plan.scale).toBeLessThan(s);
      expect(plan.width).toBeLessThanOrEqual(PNG_LIMITS.maxSide);
      expect(plan.height).toBeLessThanOrEqual(PNG_LIMITS.maxSide);
      expect(plan.width * plan.height).toBeLessThanOrEqual(PNG_LIMITS.maxPixels);
      expect(plan.width).toBe(Math.floor(w * plan.scale));
    }
  });
});
