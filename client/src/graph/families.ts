/**
 * Role families: colour and display names. The data lives in the contract
 * (server/render/families.ts) because the exported diagrams, drawn on the
 * server too, use the same colours as the page.
 */
export { FAMILY_STYLE } from '../../../server/render/families.js';
