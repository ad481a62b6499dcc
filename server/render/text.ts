/**
 * Text helpers for the exporters: escaping for XML, and a font-free estimate
 * of how wide a line of text is drawn, so diagrams can be laid out the same
 * way on the server (no DOM, no fonts) and in the browser. Pure.
 */

/** Characters XML 1.0 forbids outright (C0 controls but tab, LF, CR; lone surrogates; U+FFFE/U+FFFF). */
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Escapes text for XML content and attribute values (both quote kinds), dropping characters XML cannot hold. */
export function xmlEscape(text: string): string {
  return text
    .replace(XML_INVALID, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/**
 * Probability as a percentage: as the page and the diagrams show it (42%, 4.2%, 0.4%, <0.1%), or
 * `exact` as the terminal shows it, with a decimal always (42.0%, 4.2%, 0.42%).
 */
export function pct(p: number, style: 'rounded' | 'exact' = 'rounded'): string {
  if (style === 'exact') return `${(p * 100).toFixed(p < 0.01 ? 2 : 1)}%`;
  return p >= 0.1 ? `${(p * 100).toFixed(0)}%` : p >= 0.001 ? `${(p * 100).toFixed(1)}%` : '<0.1%';
}

/** Advance widths of printable ASCII in thousandths of an em (Arial/Helvetica metrics), from U+0020. */
const ASCII_WIDTHS = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556,
  556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556,
  556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];

/** True for characters drawn a full em wide: CJK ideographs, kana, Hangul, full-width forms, CJK punctuation. */
export function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0x303e) ||
    (code >= 0x3041 && code <= 0x33ff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xa960 && code <= 0xa97f) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff01 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    code >= 0x20000
  );
}

/**
 * Estimated drawn width of `text` in pixels at `size` px. Errs on the wide
 * side (sans-serif fonts other than Arial run a little wider, bold more so),
 * so boxes sized with it hold their text in any common font.
 */
export function textWidth(text: string, size: number, bold = false): number {
  let em = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code >= 0x20 && code < 0x7f) em += ASCII_WIDTHS[code - 0x20]! / 1000;
    else if (isWide(code)) em += 1;
    else if (code >= 0xff61 && code <= 0xffdc) em += 0.5;
    else em += 0.62;
  }
  return em * size * (bold ? 1.16 : 1.06);
}

/** Characters a Japanese line must not start with (small kana, long vowel mark, closing punctuation). */
const NO_LINE_START = /^[、。，．・：；？！ー～）」』】〕〉》’”ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ)\]}.,:;!?%]/u;

/**
 * Splits `text` into lines no wider than `max` px (at `size` px): Latin text
 * breaks at spaces, Japanese between any two characters (keeping closing
 * punctuation and small kana off the start of a line). A single word wider
 * than `max` stays whole on its own line.
 */
export function wrapText(text: string, max: number, size: number, bold = false): string[] {
  // Tokens: a wide character on its own, or a run of narrow characters with its trailing spaces.
  const tokens = text.trim().match(/[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff01-\uff60\uffe0-\uffe6]|[^\s\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff01-\uff60\uffe0-\uffe6]+\s*|\s+/gu) ?? [];
  const lines: string[] = [];
  let line = '';
  for (const token of tokens) {
    const candidate = line + token;
    if (line && textWidth(candidate.trimEnd(), size, bold) > max && !NO_LINE_START.test(token)) {
      lines.push(line.trimEnd());
      line = token.trimStart();
    } else {
      line = candidate;
    }
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines.length ? lines : [''];
}

/** Width of the widest of `lines`. */
export function widest(lines: readonly string[], size: number, bold = false): number {
  return Math.max(0, ...lines.map((l) => textWidth(l, size, bold)));
}
