/** A tiny SVG/XML writer: elements as strings, every attribute and text escaped. Pure. */
import { xmlEscape } from './text.js';

export type Attrs = Record<string, string | number | null | undefined>;

/** Rounds coordinates to 0.1 px: shorter files, no visible difference. */
export const num = (n: number): string => String(Math.round(n * 10) / 10);

function attrs(a: Attrs): string {
  let out = '';
  for (const [k, v] of Object.entries(a)) {
    if (v === null || v === undefined) continue;
    out += ` ${k}="${typeof v === 'number' ? num(v) : xmlEscape(v)}"`;
  }
  return out;
}

/** `<name attrs>children</name>`; children are already-written markup (use `text()` for text). */
export function tag(name: string, a: Attrs = {}, ...children: string[]): string {
  return children.length ? `<${name}${attrs(a)}>${children.join('')}</${name}>` : `<${name}${attrs(a)}/>`;
}

/** Escaped character data. */
export const text = (s: string): string => xmlEscape(s);

/** True when the text holds kana or kanji (so it is marked `xml:lang="ja"`, which picks Japanese glyph forms). */
export const isJapanese = (s: string): boolean => /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff66-\uff9f]/u.test(s);

/** Lightens (`f` > 0, towards white) or darkens (`f` < 0, towards black) a #rrggbb colour. */
export function shade(hex: string, f: number): string {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m) return hex;
  const n = parseInt(m[1]!, 16);
  const ch = (shift: number) => {
    const c = (n >> shift) & 0xff;
    const v = f >= 0 ? c + (255 - c) * f : c * (1 + f);
    return Math.round(v).toString(16).padStart(2, '0');
  };
  return `#${ch(16)}${ch(8)}${ch(0)}`;
}

/** Black or white text, whichever reads better on the #rrggbb colour `hex`. */
export function inkOn(hex: string): string {
  const n = parseInt(hex.slice(1), 16);
  const [r, g, b] = [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
  return 0.299 * r + 0.587 * g + 0.114 * b > 165 ? '#1f2933' : '#ffffff';
}

/** The standard prologue of a stand-alone SVG file. */
export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

/**
 * Font stack of the diagrams: Arial-metric fonts first (Helvetica on macOS, Arial
 * on Windows, Liberation Sans on Linux), whose widths `textWidth` assumes, then
 * each platform's Japanese fonts for the glyphs those lack. Unquoted: CSS
 * accepts multi-word family names as they are, and the attribute stays readable.
 */
export const FONT_STACK =
  'Helvetica Neue, Helvetica, Arial, Liberation Sans, Hiragino Sans, Hiragino Kaku Gothic ProN, Yu Gothic, Meiryo, Noto Sans CJK JP, Noto Sans JP, sans-serif';

/** Namespace of rolepath's own metadata inside SVG and GraphML. */
export const ROLEPATH_NS = 'urn:rolepath:export:1';

/** A standalone SVG document `width` × `height`: the XML declaration, the SVG namespace, view box and font stack, `attrs` on the root. */
export function svgDocument(width: number, height: number, attrs: Attrs, ...children: string[]): string {
  return (
    XML_DECLARATION +
    tag('svg', { xmlns: 'http://www.w3.org/2000/svg', version: '1.1', width, height, viewBox: `0 0 ${width} ${height}`, 'font-family': FONT_STACK, ...attrs }, ...children) +
    '\n'
  );
}
