/** The view SVG writer (client/src/export/view-svg.ts) over a hand-made scene: valid XML, shapes, labels, legend, clip, provenance. */
import { describe, expect, it } from 'vitest';
import { viewFooter, viewSvg, type Scene } from '../../client/src/export/view-svg.js';
import { exportProvenance, type ExportProvenance } from '../../server/contract/export.js';
import { elements, parseXml, svgProvenance } from '../fixtures/export-check.js';

const provenance: ExportProvenance = {
  generator: 'rolepath',
  scope: 'view',
  query: null,
  route: null,
  dataVersion: '2r-1t-0000abcd',
  exportedAt: '2025-06-01T00:00:00.000Z',
  source: 'rolepath career-move graph, dataset "articles"',
};
const label = (lines: string[], x: number, top: number) => ({
  lines,
  x,
  top,
  size: 13,
  lineHeight: 1,
  color: 'rgb(31,41,51)',
  weight: 'normal',
  fontFamily: 'system-ui, "Noto Sans CJK JP", sans-serif',
  opacity: 1,
  width: 80,
  background: { color: 'rgb(255,255,255)', opacity: 0.75, padding: 1, round: false },
});
const scene = (area: 'full' | 'visible'): Scene => ({
  nodes: [
    { id: 'cs', x: 0, y: 0, width: 22, height: 22, shape: 'ellipse', fill: 'rgb(47,128,237)', borderColor: 'rgb(217,72,15)', borderWidth: 3, opacity: 1, z: 20, label: label(['カスタマー', 'サービス'], 0, 15) },
    { id: 'qa', x: 200, y: 50, width: 22, height: 22, shape: 'ellipse', fill: 'rgb(86,204,242)', borderColor: '#fff', borderWidth: 1.5, opacity: 0.12, z: 0, label: label(['QA <&>'], 200, 65) },
  ],
  edges: [
    {
      id: 'cs->qa',
      points: [{ x: 11, y: 3 }, { x: 100, y: -20 }, { x: 189, y: 47 }],
      curved: true,
      color: 'rgb(217,72,15)',
      width: 5,
      dashed: false,
      opacity: 1,
      z: 20,
      arrow: { color: 'rgb(217,72,15)', length: 12, halfWidth: 6 },
      label: { ...label(['1'], 100, -10), weight: 'bold', background: { color: 'rgb(217,72,15)', opacity: 1, padding: 3, round: true } },
    },
  ],
  bounds: area === 'full' ? { x1: -40, y1: -40, x2: 260, y2: 110 } : { x1: 50, y1: -40, x2: 260, y2: 110 },
  zoom: area === 'full' ? 1 : 1.5,
  clip: area === 'visible',
  legend: { title: 'Legend', families: [{ color: '#2f80ed', label: 'Customer support' }], move: 'job change', split: 'role that split off' },
  footer: viewFooter(provenance),
  lang: 'ja',
  background: 'white',
});

describe('view SVG', () => {
  it('writes every shown role and move as vector shapes with their labels, the legend and the provenance', () => {
    const svg = viewSvg(scene('full'), provenance);
    const tree = parseXml(svg);
    const root = elements(tree, 'svg')[0]!.attrs;
    expect(Number(root['@width'])).toBeGreaterThanOrEqual(300);
    expect(elements(tree, 'ellipse')).toHaveLength(2);
    const path = elements(tree, 'path')[0]!.attrs['@d'];
    expect(path).toMatch(/^M11,3Q100,-20 /);
    expect(elements(tree, 'polygon').length).toBeGreaterThanOrEqual(1);
    const texts = elements(tree, 'text').map((t) => t.text);
    expect(texts).toEqual(expect.arrayContaining(['カスタマー', 'サービス', 'QA <&>', '1', 'Legend', 'Customer support', 'job change']));
    // Dimmed roles keep their on-screen opacity with two decimals.
    expect(elements(tree, 'g').find((g) => g.attrs['@data-id'] === 'qa')?.attrs['@opacity']).toBe('0.12');
    expect(exportProvenance.parse(svgProvenance(svg))).toEqual(provenance);
    expect(texts.some((t) => t.includes('2r-1t-0000abcd'))).toBe(true);
  });

  it('clips the visible part to the viewport and scales it by the screen zoom', () => {
    const tree = parseXml(viewSvg(scene('visible'), provenance));
    expect(elements(tree, 'clipPath')).toHaveLength(1);
    const graph = elements(tree, 'g').find((g) => g.attrs['@class'] === 'graph')!;
    expect(graph.attrs['@transform']).toBe('translate(-75,60) scale(1.5)');
  });
});
