/**
 * The path diagram: one route drawn as cards joined by arrows, left to right
 * (or top to bottom), each move labelled with its accounts, probability and
 * skills, under a title and above a legend and a footer naming the data source,
 * data version and export time. Written directly as SVG (no DOM, no Cytoscape),
 * so the server and the browser produce the same file. Pure.
 */
import { ROUTE_LIMITS } from '../contract/routes.js';
import { FAMILY_STYLE, ROUTE_COLOR } from './families.js';
import type { RoleFamily, TransitionKind } from '../contract/graph-data.js';
import { drawnKind, edgeKinds, kindDash, names, roleOf, type RouteExport } from './model.js';
import { diagramStrings, footerTime, moveMetric } from './strings.js';
import { isJapanese, ROLEPATH_NS, shade, svgDocument, tag, text } from './svg.js';
import { textWidth, widest, wrapText } from './text.js';

export type DiagramDirection = 'lr' | 'tb';

export interface RouteSvgOptions {
  /** Left to right or top to bottom; by default left to right up to four roles, top to bottom beyond. */
  direction?: DiagramDirection | 'auto';
  /** White (default) or none. */
  background?: 'white' | 'transparent';
}

const INK = '#1f2933';
const MUTED = '#5b6773';
const LINE = '#d5dbe1';
const CHIP_FILL = '#fff4e6';
const CHIP_STROKE = '#f5c08a';
const CHIP_INK = '#8a3b00';

const PAD = 40;
const TITLE = 24;
const SUBTITLE = 14;
const NAME = 16;
const NAME_LH = 20;
const SECOND = 13;
const SECOND_LH = 17;
const FAMILY = 11;
const CARD_PAD = 16;
const CARD_TEXT_MAX = 200;
const CARD_MIN = 170;
const BAND = 6;
const METRIC = 13;
const CHIP = 12;
const CHIP_H = 22;
const CHIP_GAP = 6;
const CHIP_TEXT_MAX = 260;
const LEGEND = 12;
const FOOT = 11;

interface Card {
  id: string;
  family: RoleFamily;
  primary: string[];
  secondary: string[];
  familyName: string;
  width: number;
  title: string;
}

interface Move {
  step: number;
  label: string;
  chips: { text: string; width: number }[];
  recorded: boolean;
  /** How the move is drawn: solid (people made it), dotted (a recommendation), dashed (a split); null: none stored. */
  kind: TransitionKind | null;
  title: string;
}

/** Shortens a skill that would not fit on a chip. */
function fit(s: string, max: number, size: number): string {
  if (textWidth(s, size) <= max) return s;
  let out = s;
  while (out.length > 1 && textWidth(`${out}…`, size) > max) out = out.slice(0, -1);
  return `${out.trimEnd()}…`;
}

/** A `<text>` element (one line), marked Japanese when it is. */
function line(x: number, y: number, s: string, size: number, fill: string, extra: Record<string, string | number> = {}): string {
  return tag('text', { x, y, 'font-size': size, fill, 'xml:lang': isJapanese(s) ? 'ja' : null, ...extra }, text(s));
}

/** Several lines of text, the first baseline at `y`. */
function lines(x: number, y: number, ls: string[], size: number, lh: number, fill: string, extra: Record<string, string | number> = {}): string {
  return ls.map((l, i) => line(x, y + i * lh, l, size, fill, extra)).join('');
}

/** A triangular arrowhead whose tip is at (x, y), pointing along (dx, dy). */
function arrowHead(x: number, y: number, dx: number, dy: number, color: string, len = 13, half = 7): string {
  const bx = x - dx * len;
  const by = y - dy * len;
  const pts = [`${x},${y}`, `${bx - dy * half},${by + dx * half}`, `${bx + dy * half},${by - dx * half}`];
  return tag('polygon', { points: pts.map((p) => p.split(',').map((v) => String(Math.round(Number(v) * 10) / 10)).join(',')).join(' '), fill: color });
}

/** A skill chip with its top-left corner at (x, y). */
function chip(x: number, y: number, c: { text: string; width: number }): string {
  return (
    tag('rect', { x, y, width: c.width, height: CHIP_H, rx: CHIP_H / 2, fill: CHIP_FILL, stroke: CHIP_STROKE, 'stroke-width': 1 }) +
    line(x + c.width / 2, y + CHIP_H / 2 + CHIP * 0.36, c.text, CHIP, CHIP_INK, { 'text-anchor': 'middle' })
  );
}

/** The step number on the arrow, as the page draws it (white on the route colour). */
function badge(x: number, y: number, n: number): string {
  return (
    tag('circle', { cx: x, cy: y, r: 11, fill: ROUTE_COLOR, stroke: '#ffffff', 'stroke-width': 2 }) +
    line(x, y + 4.3, String(n), 12, '#ffffff', { 'text-anchor': 'middle', 'font-weight': 'bold' })
  );
}

/** Renders the path diagram of `input.route` as a stand-alone SVG document. */
export function routeSvg(input: RouteExport, options: RouteSvgOptions = {}): string {
  const { route, query, lang, provenance } = input;
  const s = diagramStrings(lang);
  const role = (id: string) => roleOf(input.roles, id);
  const direction: DiagramDirection =
    options.direction === 'lr' || options.direction === 'tb' ? options.direction : route.roles.length <= 4 ? 'lr' : 'tb';

  // ——— header ———
  const from = names(role(query.from), lang);
  const to = names(role(query.to), lang);
  const title = s.title(from.primary, to.primary, s.mode[query.mode]);
  const facts = [`${from.secondary} → ${to.secondary}`, s.moves(route.hops), s.routeProbability(route.probability)];
  if (route.travellers !== null) facts.push(s.travellers(route.travellers));
  if (input.total > 1) facts.push(s.routeOf(input.alt + 1, input.total));
  const subtitle = facts.join(' · ');
  const constraints = [
    query.via ? s.via(names(role(query.via), lang).primary) : '',
    query.avoid.length ? s.avoid(query.avoid.map((id) => names(role(id), lang).primary).join(', ')) : '',
    query.families.length ? s.families(query.families.map((f) => FAMILY_STYLE[f as RoleFamily]?.[lang] ?? f).join(', ')) : '',
    query.maxHops !== ROUTE_LIMITS.defaultMaxHops ? s.maxHops(query.maxHops) : '',
    query.minCount > 1 ? s.minCount(query.minCount) : '',
    query.kinds && query.kinds.length < 3 ? s.onlyKinds(query.kinds) : '',
  ].filter(Boolean);
  const constraintLine = constraints.length ? `${s.constraints}: ${constraints.join(' · ')}` : '';

  // ——— cards and moves ———
  const cards: Card[] = route.roles.map((id) => {
    const r = role(id);
    const n = names(r, lang);
    const primary = wrapText(n.primary, CARD_TEXT_MAX, NAME, true);
    const secondary = n.secondary && n.secondary !== n.primary ? wrapText(n.secondary, CARD_TEXT_MAX, SECOND) : [];
    const familyName = FAMILY_STYLE[r.family][lang];
    const inner = Math.max(widest(primary, NAME, true), widest(secondary, SECOND), textWidth(familyName, FAMILY, true));
    return { id, family: r.family, primary, secondary, familyName, width: Math.max(CARD_MIN, inner + 2 * CARD_PAD), title: [n.primary, n.secondary].filter(Boolean).join(' / ') };
  });
  const cardH = BAND + 14 + FAMILY + 10 + Math.max(...cards.map((c) => c.primary.length * NAME_LH + (c.secondary.length ? 4 + c.secondary.length * SECOND_LH : 0))) + 12;
  const moves: Move[] = route.steps.map((step, i) => {
    // Skills and glosses in the diagram's language (an untranslated skill as it is).
    const skills = lang === 'ja' ? (step.skillsJa ?? step.skills) : step.skills;
    const chips = skills.map((k) => {
      const t = fit(k, CHIP_TEXT_MAX, CHIP);
      return { text: t, width: textWidth(t, CHIP) + 20 };
    });
    // Say what the move is, in words beside its numbers as in the line's style.
    const kinds = edgeKinds({ kinds: step.kinds });
    const label = moveMetric(lang, step.count, step.probability, kinds);
    const evidence = step.evidence.map((e) => `${lang === 'ja' ? (e.glossJa ?? e.gloss) : e.gloss} [${e.source}]`);
    return {
      step: i + 1,
      label,
      chips,
      recorded: step.count > 0,
      kind: step.count > 0 ? drawnKind({ kinds }) : null,
      title: [`${i + 1}. ${names(role(step.from), lang).primary} → ${names(role(step.to), lang).primary}: ${label}`, ...skills, ...evidence].join('\n'),
    };
  });

  // ——— diagram, laid out from (0, 0) ———
  const body: string[] = [];
  const markers: string[] = [];
  let diagramW: number;
  let diagramH: number;
  const cardAt = (c: Card, x: number, y: number, w: number, index: number) => {
    const color = FAMILY_STYLE[c.family].color;
    const cx = x + w / 2;
    let ty = y + BAND + 14 + FAMILY * 0.8;
    const parts = [
      tag('title', {}, text(c.title)),
      tag('rect', { x: x + 1.5, y: y + 2.5, width: w, height: cardH, rx: 10, fill: '#0b1a2a', 'fill-opacity': 0.07 }),
      tag('rect', { x, y, width: w, height: cardH, rx: 10, fill: '#ffffff', stroke: LINE, 'stroke-width': 1 }),
      tag('path', { d: `M${x},${y + BAND}V${y + 10}a10,10 0 0 1 10,-10H${x + w - 10}a10,10 0 0 1 10,10V${y + BAND}Z`, fill: color }),
      line(cx, ty, c.familyName, FAMILY, shade(color, -0.35), { 'text-anchor': 'middle', 'font-weight': 'bold', 'letter-spacing': 0.3 }),
    ];
    ty += 10 + NAME * 0.95;
    parts.push(lines(cx, ty, c.primary, NAME, NAME_LH, INK, { 'text-anchor': 'middle', 'font-weight': 'bold' }));
    ty += (c.primary.length - 1) * NAME_LH + 4 + SECOND_LH;
    if (c.secondary.length) parts.push(lines(cx, ty, c.secondary, SECOND, SECOND_LH, MUTED, { 'text-anchor': 'middle' }));
    body.push(tag('g', { class: 'role', 'data-role-id': c.id }, ...parts));
    // "From" and "To" over the ends of the route.
    if (index === 0 || index === cards.length - 1) {
      const word = index === 0 ? s.start : s.goal;
      const pw = textWidth(word, 10, true) + 16;
      // Top to bottom, the arrow comes in at the middle of the card's top: keep the marker at its left corner.
      const mx = direction === 'lr' ? cx : x + 14 + pw / 2;
      markers.push(
        tag(
          'g',
          { class: index === 0 ? 'start-marker' : 'goal-marker' },
          tag('rect', { x: mx - pw / 2, y: y - 11, width: pw, height: 18, rx: 9, fill: index === 0 ? INK : ROUTE_COLOR }),
          line(mx, y + 2, word, 10, '#ffffff', { 'text-anchor': 'middle', 'font-weight': 'bold', 'letter-spacing': 0.6 }),
        ),
      );
    }
  };
  const moveLine = (m: Move, x1: number, y1: number, x2: number, y2: number) => {
    const len = Math.hypot(x2 - x1, y2 - y1) || 1;
    const [dx, dy] = [(x2 - x1) / len, (y2 - y1) / len];
    return [
      tag('line', {
        x1,
        y1,
        x2: x2 - dx * 12,
        y2: y2 - dy * 12,
        stroke: ROUTE_COLOR,
        'stroke-width': 4,
        'stroke-linecap': 'round',
        // A stored move of unknown kind (an answer from before kinds) stays solid; a move not stored at all is dashed.
        'stroke-dasharray': m.recorded && m.kind === null ? null : kindDash(m.kind, 4),
      }),
      arrowHead(x2, y2, dx, dy, ROUTE_COLOR, 14, 8),
    ].join('');
  };
  const TOP = 16; // room for the From/To markers above the cards

  if (direction === 'lr') {
    const gaps = moves.map((m) => Math.max(150, textWidth(m.label, METRIC, true) + 44, ...m.chips.map((c) => c.width + 36)));
    const chipsH = Math.max(0, ...moves.map((m) => m.chips.length * (CHIP_H + CHIP_GAP) - CHIP_GAP));
    const arrowY = TOP + cardH / 2;
    let x = 0;
    cards.forEach((c, i) => {
      cardAt(c, x, TOP, c.width, i);
      const m = moves[i];
      if (m) {
        const gap = gaps[i]!;
        const [x1, x2] = [x + c.width + 8, x + c.width + gap - 8];
        const mid = (x1 + x2) / 2;
        const parts = [tag('title', {}, text(m.title)), moveLine(m, x1, arrowY, x2, arrowY), badge(mid - 4, arrowY, m.step)];
        parts.push(line(mid, arrowY - 19, m.label, METRIC, INK, { 'text-anchor': 'middle', 'font-weight': 'bold', class: 'move-label' }));
        m.chips.forEach((ch, j) => parts.push(chip(mid - ch.width / 2, arrowY + 20 + j * (CHIP_H + CHIP_GAP), ch)));
        body.push(tag('g', { class: 'move', 'data-step': m.step, 'data-from': route.steps[i]!.from, 'data-to': route.steps[i]!.to }, ...parts));
        x += c.width + gap;
      } else {
        x += c.width;
      }
    });
    diagramW = x;
    diagramH = Math.max(TOP + cardH, arrowY + 20 + chipsH) + 4;
  } else {
    const w = Math.max(...cards.map((c) => c.width));
    const ax = w / 2;
    const labelX = ax + 26;
    const ROW_MAX = 380;
    let y = TOP;
    let right = w;
    cards.forEach((c, i) => {
      cardAt(c, 0, y, w, i);
      y += cardH;
      const m = moves[i];
      if (!m) return;
      // Chips flow in rows beside the arrow.
      const rows: { text: string; width: number }[][] = [[]];
      let rowW = 0;
      for (const ch of m.chips) {
        if (rowW > 0 && rowW + CHIP_GAP + ch.width > ROW_MAX) {
          rows.push([]);
          rowW = 0;
        }
        rows[rows.length - 1]!.push(ch);
        rowW += (rowW > 0 ? CHIP_GAP : 0) + ch.width;
      }
      const chipRows = m.chips.length ? rows.length : 0;
      const gap = Math.max(84, 24 + METRIC + 10 + chipRows * (CHIP_H + CHIP_GAP) + 16);
      const [y1, y2] = [y + 8, y + gap - 8];
      const parts = [tag('title', {}, text(m.title)), moveLine(m, ax, y1, ax, y2), badge(ax, (y1 + y2) / 2 - 4, m.step)];
      const top = y + (gap - (METRIC + 10 + chipRows * (CHIP_H + CHIP_GAP) - (chipRows ? CHIP_GAP : 0))) / 2;
      parts.push(line(labelX, top + METRIC * 0.8, m.label, METRIC, INK, { 'font-weight': 'bold', class: 'move-label' }));
      right = Math.max(right, labelX + textWidth(m.label, METRIC, true));
      rows.forEach((row, r) => {
        let cx = labelX;
        for (const ch of row) {
          parts.push(chip(cx, top + METRIC + 10 + r * (CHIP_H + CHIP_GAP), ch));
          cx += ch.width + CHIP_GAP;
        }
        right = Math.max(right, cx - CHIP_GAP);
      });
      body.push(tag('g', { class: 'move', 'data-step': m.step, 'data-from': route.steps[i]!.from, 'data-to': route.steps[i]!.to }, ...parts));
      y += gap;
    });
    diagramW = right;
    diagramH = y + 4;
  }

  // ——— legend items (families on the route, then the move and skill keys) ———
  const families = [...new Set(cards.map((c) => c.family))];
  type Item = { width: number; draw: (x: number, y: number) => string };
  const items: Item[] = families.map((f) => {
    const label = FAMILY_STYLE[f][lang];
    return {
      width: 20 + textWidth(label, LEGEND),
      draw: (x, y) => tag('rect', { x, y: y - 10, width: 13, height: 13, rx: 3, fill: FAMILY_STYLE[f].color }) + line(x + 20, y, label, LEGEND, INK),
    };
  });
  items.push({
    width: 40 + textWidth(s.legendMove, LEGEND),
    draw: (x, y) =>
      tag('line', { x1: x, y1: y - 4, x2: x + 22, y2: y - 4, stroke: ROUTE_COLOR, 'stroke-width': 3 }) +
      arrowHead(x + 32, y - 4, 1, 0, ROUTE_COLOR, 10, 5.5) +
      line(x + 40, y, s.legendMove, LEGEND, INK),
  });
  // The line styles of the kinds of move on this route (a move people made, a recommendation, a split).
  for (const kind of (['move', 'recommended', 'split'] as const).filter((k) => moves.some((m) => m.kind === k))) {
    items.push({
      width: 40 + textWidth(s.kind[kind], LEGEND),
      draw: (x, y) =>
        tag('line', { x1: x, y1: y - 4, x2: x + 26, y2: y - 4, stroke: ROUTE_COLOR, 'stroke-width': 3, 'stroke-linecap': 'round', 'stroke-dasharray': kindDash(kind, 3) }) +
        line(x + 34, y, s.kind[kind], LEGEND, INK),
    });
  }
  const skillSample = { text: 'A × B', width: textWidth('A × B', CHIP) + 20 };
  items.push({
    width: skillSample.width + 8 + textWidth(s.legendSkills, LEGEND),
    draw: (x, y) => chip(x, y - 15, skillSample) + line(x + skillSample.width + 8, y, s.legendSkills, LEGEND, INK),
  });

  // ——— overall width, then everything placed ———
  const titleW = textWidth(title, TITLE, true);
  const contentW = Math.max(diagramW, titleW, textWidth(subtitle, SUBTITLE), textWidth(constraintLine, SUBTITLE), 560);
  const width = Math.ceil(contentW + 2 * PAD);
  const out: string[] = [];
  let y = PAD + TITLE * 0.8;
  out.push(line(PAD, y, title, TITLE, INK, { 'font-weight': 'bold', class: 'diagram-title' }));
  y += 28;
  out.push(line(PAD, y, subtitle, SUBTITLE, MUTED, { class: 'diagram-subtitle' }));
  if (constraintLine) {
    y += 21;
    out.push(line(PAD, y, constraintLine, SUBTITLE, MUTED, { class: 'diagram-constraints' }));
  }
  y += 30;
  const dx = PAD + (contentW - diagramW) / 2;
  out.push(tag('g', { class: 'route', transform: `translate(${Math.round(dx * 10) / 10},${Math.round(y * 10) / 10})` }, ...body, ...markers));
  y += diagramH + 30;

  // Legend rows.
  const legend: string[] = [];
  let lx = PAD;
  let ly = y + LEGEND;
  for (const item of items) {
    if (lx > PAD && lx + item.width > PAD + contentW) {
      lx = PAD;
      ly += 26;
    }
    legend.push(item.draw(lx, ly));
    lx += item.width + 24;
  }
  out.push(tag('g', { class: 'legend' }, ...legend));
  y = ly + 22;

  // Footer: source, then data version and export time.
  out.push(tag('line', { x1: PAD, y1: y, x2: PAD + contentW, y2: y, stroke: LINE, 'stroke-width': 1 }));
  y += 18;
  const footer = [...wrapText(s.source(provenance.source), contentW, FOOT), s.stamp(provenance.dataVersion, footerTime(provenance.exportedAt))];
  out.push(tag('g', { class: 'footer' }, lines(PAD, y, footer, FOOT, 15, MUTED)));
  y += (footer.length - 1) * 15 + PAD * 0.75;
  const height = Math.ceil(y);

  const desc = [subtitle, constraintLine, ...moves.map((m) => m.title.split('\n')[0]!)].filter(Boolean).join('\n');
  return svgDocument(
    width,
    height,
    { role: 'img', 'aria-labelledby': 'diagram-title diagram-desc', 'xml:lang': lang, 'data-direction': direction },
    tag('title', { id: 'diagram-title' }, text(title)),
    tag('desc', { id: 'diagram-desc' }, text(desc)),
    metadata(provenance),
    options.background === 'transparent' ? '' : tag('rect', { width, height, fill: '#ffffff' }),
    ...out,
  );
}

/** `<metadata>` holding the provenance as JSON in rolepath's namespace. */
export function metadata(provenance: RouteExport['provenance']): string {
  return tag('metadata', {}, tag('rolepath:provenance', { 'xmlns:rolepath': ROLEPATH_NS, type: 'application/json' }, text(JSON.stringify(provenance))));
}
