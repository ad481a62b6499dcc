/**
 * GraphML: plain GraphML attributes that Gephi and other tools read (label,
 * weight, r/g/b, x/y, counts, skills), plus yFiles graphics so yEd opens it
 * with coloured, labelled boxes where they were drawn. The provenance is a
 * graph attribute (JSON) and a comment. Pure.
 */
import { FAMILY_STYLE } from './families.js';
import type { RoleFamily } from '../contract/graph-data.js';
import { drawnKind, edgeKinds, type ExportGraph, type ExportLang } from './model.js';
import type { ExportProvenance } from '../contract/export.js';
import { provenanceLines } from './provenance.js';
import { moveMetric } from './strings.js';
import { inkOn, num, shade, tag, text, XML_DECLARATION } from './svg.js';
import { textWidth } from './text.js';

export interface GraphmlOptions {
  lang: ExportLang;
  provenance: ExportProvenance;
  /** Colour of the moves (the route colour for routes). */
  edgeColor?: string;
}

const KEYS: [id: string, forWhat: 'graph' | 'node' | 'edge', name: string, type: string][] = [
  ['provenance', 'graph', 'provenance', 'string'],
  ['label', 'node', 'label', 'string'],
  ['labelJa', 'node', 'labelJa', 'string'],
  ['family', 'node', 'family', 'string'],
  ['r', 'node', 'r', 'int'],
  ['g', 'node', 'g', 'int'],
  ['b', 'node', 'b', 'int'],
  ['x', 'node', 'x', 'float'],
  ['y', 'node', 'y', 'float'],
  ['elabel', 'edge', 'label', 'string'],
  ['count', 'edge', 'count', 'int'],
  ['weight', 'edge', 'weight', 'double'],
  ['probability', 'edge', 'probability', 'double'],
  ['skills', 'edge', 'skills', 'string'],
  ['kind', 'edge', 'kind', 'string'],
  ['step', 'edge', 'step', 'int'],
];

/** `--` may not appear inside an XML comment. */
const comment = (s: string) => `<!-- ${s.replace(/-{2,}/g, (m) => m.split('').join(' '))} -->`;

/** GraphML of `graph`. */
export function graphml(graph: ExportGraph, options: GraphmlOptions): string {
  const edgeColor = (options.edgeColor ?? '#9aa5b1').toUpperCase();
  const data = (key: string, value: string | number) => tag('data', { key }, text(typeof value === 'number' ? num(value) : value));
  const nodes = graph.nodes.map((n, i) => {
    const color = FAMILY_STYLE[n.family as RoleFamily]?.color ?? '#999999';
    const rgb = parseInt(color.slice(1), 16);
    const [primary, secondary] = options.lang === 'ja' ? [n.nameJa, n.name] : [n.name, n.nameJa];
    const label = secondary && secondary !== primary ? `${primary}\n${secondary}` : primary;
    const width = Math.max(120, Math.max(textWidth(primary, 13), textWidth(secondary, 13)) + 24);
    const x = n.position?.x ?? i * 220;
    const y = n.position?.y ?? 0;
    return tag(
      'node',
      { id: n.id },
      data('label', primary),
      data('labelJa', n.nameJa),
      data('family', n.family),
      data('r', (rgb >> 16) & 0xff),
      data('g', (rgb >> 8) & 0xff),
      data('b', rgb & 0xff),
      data('x', x),
      data('y', y),
      tag(
        'data',
        { key: 'ng' },
        tag(
          'y:ShapeNode',
          {},
          tag('y:Geometry', { x: x - width / 2, y: y - 25, width, height: 50 }),
          tag('y:Fill', { color: color.toUpperCase(), transparent: 'false' }),
          tag('y:BorderStyle', { color: shade(color, -0.3).toUpperCase(), type: 'line', width: '1.0' }),
          tag(
            'y:NodeLabel',
            { alignment: 'center', autoSizePolicy: 'content', fontSize: 13, fontStyle: 'plain', textColor: inkOn(color).toUpperCase(), modelName: 'internal', modelPosition: 'c' },
            text(label),
          ),
          tag('y:Shape', { type: 'roundrectangle' }),
        ),
      ),
    );
  });
  const ids = new Set(graph.nodes.map((n) => n.id));
  const edges = graph.edges
    .filter((e) => ids.has(e.source) && ids.has(e.target))
    .map((e) => {
      // What the move is, in words and in the line: a move people made solid, a recommendation dotted, a split dashed.
      const kinds = edgeKinds(e);
      const drawn = e.count > 0 ? drawnKind(e) : null;
      const metric = moveMetric(options.lang, e.count, e.probability, kinds);
      const label = e.step !== undefined ? `${e.step}. ${metric}` : metric;
      const lineType = drawn === 'recommended' ? 'dotted' : drawn === 'split' ? 'dashed' : e.count === 0 ? 'dashed_dotted' : 'line';
      return tag(
        'edge',
        { id: e.id, source: e.source, target: e.target },
        data('elabel', label),
        data('count', e.count),
        data('weight', e.count),
        data('probability', Math.round(e.probability * 1e6) / 1e6),
        data('skills', e.skills.join('; ')),
        ...(kinds.length ? [data('kind', kinds.join(' '))] : []),
        ...(e.step !== undefined ? [data('step', e.step)] : []),
        tag(
          'data',
          { key: 'eg' },
          tag(
            'y:PolyLineEdge',
            {},
            tag('y:LineStyle', { color: edgeColor, type: lineType, width: e.step !== undefined ? '3.0' : '1.5' }),
            tag('y:Arrows', { source: 'none', target: 'standard' }),
            tag('y:EdgeLabel', { alignment: 'center', fontSize: 11, textColor: '#1F2933' }, text(label)),
          ),
        ),
      );
    });
  const keys = [
    ...KEYS.map(([id, f, name, type]) => tag('key', { id, for: f, 'attr.name': name, 'attr.type': type })),
    tag('key', { id: 'ng', for: 'node', 'yfiles.type': 'nodegraphics' }),
    tag('key', { id: 'eg', for: 'edge', 'yfiles.type': 'edgegraphics' }),
  ];
  return (
    XML_DECLARATION +
    provenanceLines(options.provenance).map(comment).join('\n') +
    '\n' +
    tag(
      'graphml',
      {
        xmlns: 'http://graphml.graphdrawing.org/xmlns',
        'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
        'xmlns:y': 'http://www.yworks.com/xml/graphml',
        'xsi:schemaLocation': 'http://graphml.graphdrawing.org/xmlns http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd',
      },
      '\n  ',
      keys.join('\n  '),
      '\n  ',
      tag('graph', { id: 'rolepath', edgedefault: 'directed' }, '\n    ', data('provenance', JSON.stringify(options.provenance)), '\n    ', [...nodes, ...edges].join('\n    '), '\n  '),
      '\n',
    ) +
    '\n'
  );
}
