/**
 * Role families (colour and display names) and the route colour. The data lives
 * in server/render/families.ts because the exported diagrams, drawn on the
 * server too, use the same colours as the page.
 */
import { ROUTE_COLOR } from '../../../server/render/families.js';

export { FAMILY_STYLE, ROUTE_COLOR } from '../../../server/render/families.js';

/** Gives the stylesheet the route colour as `--route` (styles.css keeps no copy of it). */
export function applyRouteColour(root: HTMLElement = document.documentElement): void {
  root.style.setProperty('--route', ROUTE_COLOR);
}
