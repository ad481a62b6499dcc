/**
 * How big a PNG may be drawn. Browsers draw canvases past their limits blank
 * (Chrome: 16,384 px a side in practice and 268 megapixels; Safari: 16.7
 * megapixels on iOS), which is Cytoscape's "blank PNG of a large graph". The
 * export keeps under safe limits by lowering the scale, and says so. Pure.
 */

/** Safe limits for a canvas, well inside every current browser's. */
export const PNG_LIMITS = { maxSide: 16_000, maxPixels: 64_000_000 } as const;

export interface PngPlan {
  /** The scale to draw at (≤ the one asked for). */
  scale: number;
  width: number;
  height: number;
  /** True when the scale had to be lowered to keep under the limits. */
  reduced: boolean;
}

/**
 * The scale and pixel size for drawing a `width`×`height` picture at `scale`,
 * lowered (never raised) so no side exceeds `maxSide` and the area stays under
 * `maxPixels`.
 */
export function planPng(width: number, height: number, scale: number, limits: { maxSide: number; maxPixels: number } = PNG_LIMITS): PngPlan {
  const w = Math.max(1, width);
  const h = Math.max(1, height);
  const fit = Math.min(scale, limits.maxSide / w, limits.maxSide / h, Math.sqrt(limits.maxPixels / (w * h)));
  // Two decimals, rounded down, so the rounded size is inside the limits too.
  const s = fit < scale ? Math.max(0.01, Math.floor(fit * 100) / 100) : scale;
  return { scale: s, width: Math.floor(w * s), height: Math.floor(h * s), reduced: s < scale };
}
