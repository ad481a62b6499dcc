/**
 * Role families: colour and display names. Data, not code, so the page's
 * legend and stylesheet and the exported diagrams (drawn on the server too)
 * all agree. Lives in server/render because both sides need it.
 */
import type { RoleFamily } from '../contract/graph-data.js';

/** The colour of a found route, on the page (graph and panels) and in every export. */
export const ROUTE_COLOR = '#d9480f';

export const FAMILY_STYLE: Record<RoleFamily, { color: string; en: string; ja: string }> = {
  'customer-support': { color: '#2f80ed', en: 'Customer support', ja: 'カスタマーサポート' },
  'back-office': { color: '#9b51e0', en: 'Back office', ja: 'バックオフィス' },
  bizops: { color: '#f2994a', en: 'BizOps', ja: 'BizOps' },
  'profit-centre': { color: '#27ae60', en: 'Profit centre', ja: 'プロフィットセンター' },
  engineering: { color: '#56ccf2', en: 'Engineering', ja: 'エンジニアリング' },
  management: { color: '#eb5757', en: 'Management', ja: 'マネジメント・経営' },
  external: { color: '#828282', en: 'External / partners', ja: '社外・渉外' },
};
