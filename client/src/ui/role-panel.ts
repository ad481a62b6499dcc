/** The side panel with a role's description, its moves in and out, their skills and evidence. */
import type { RoleDetailsResponse, RoleMoveDto } from '../../../server/contract/api.js';
import type { Evidence } from '../../../server/contract/graph-data.js';
import { FAMILY_STYLE } from '../graph/families.js';
import { t, type Lang } from '../i18n/strings.js';
import { h } from './dom.js';

/** Renders the empty state: how to read the graph and what to do first. */
export function renderRoleHint(container: HTMLElement, lang: Lang): void {
  const s = t(lang);
  container.replaceChildren(h('p', { class: 'hint' }, s.pickRole), h('ul', { class: 'how-to' }, ...s.howTo.map((line) => h('li', {}, line))));
}

/** What the panel's buttons do; each gets the role id. */
export interface RolePanelActions {
  /** A role named in the lists was chosen. */
  onRole: (id: string) => void;
  onExpand: (id: string) => void;
  onFocus: (id: string) => void;
  onRouteFrom: (id: string) => void;
  onRouteTo: (id: string) => void;
}

/** Renders one role's details and its action buttons. */
export function renderRolePanel(container: HTMLElement, details: RoleDetailsResponse, lang: Lang, actions: RolePanelActions): void {
  const onRole = actions.onRole;
  const s = t(lang);
  const { role } = details;
  const [primary, secondary] = lang === 'ja' ? [role.nameJa, role.name] : [role.name, role.nameJa];
  const family = FAMILY_STYLE[role.family];
  const moveList = (moves: RoleMoveDto[], title: string, testId: string) =>
    h(
      'section',
      { class: 'moves', 'data-testid': testId },
      h('h3', {}, title),
      moves.length === 0
        ? h('p', { class: 'muted' }, s.none)
        : h('ol', {}, ...moves.map((m) => moveItem(m, lang, onRole, details.datasets?.unit ?? 'accounts'))),
    );
  const button = (label: string, action: (id: string) => void, cls: string) => {
    const b = h('button', { type: 'button', class: cls }, label);
    b.addEventListener('click', () => action(role.id));
    return b;
  };
  container.replaceChildren(
    h(
      'article',
      { class: 'role', 'data-role-id': role.id },
      h('h2', { id: 'role-title', tabindex: '-1' }, primary),
      h('p', { class: 'subtitle', lang: lang === 'ja' ? 'en' : 'ja' }, secondary),
      h(
        'p',
        { class: 'family' },
        h('span', { class: 'swatch', style: `background:${family.color}`, 'aria-hidden': 'true' }),
        family[lang],
        // The team's own group (department, job family) from an imported catalogue: its words, as written.
        role.group ? h('span', { class: 'group', 'data-testid': 'role-group' }, ` · ${role.group}`) : null,
      ),
      h(
        'div',
        { class: 'role-actions', role: 'group', 'aria-labelledby': 'role-title' },
        button(s.routeFrom, actions.onRouteFrom, 'primary-action'),
        button(s.routeTo, actions.onRouteTo, 'primary-action'),
        button(s.expand, actions.onExpand, 'secondary-action'),
        button(s.focus, actions.onFocus, 'secondary-action'),
      ),
      lang === 'ja' && role.descriptionJa ? h('p', { 'data-testid': 'description' }, role.descriptionJa) : h('p', { lang: 'en', 'data-testid': 'description' }, role.description),
      role.aliases.length ? h('p', { class: 'muted' }, `${s.aliases}: ${role.aliases.join(', ')}`) : null,
      moveList(details.outgoing, s.goesTo, 'outgoing'),
      moveList(details.incoming, s.comesFrom, 'incoming'),
    ),
  );
}

/** One move of the role, its count in the answer's unit (`unit`: none for a table of probabilities). */
function moveItem(m: RoleMoveDto, lang: Lang, onRole: (id: string) => void, unit: 'people' | 'accounts' | 'probability'): HTMLLIElement {
  const s = t(lang);
  const link = h('button', { type: 'button', class: 'role-link' }, lang === 'ja' ? m.other.nameJa : m.other.name);
  link.addEventListener('click', () => onRole(m.other.id));
  return h(
    'li',
    {},
    link,
    h('span', { class: 'meta' }, ` ${[s.counted(m.count, unit), `${s.probability} ${s.pct(m.probability)}`, s.kind[m.kind]].filter(Boolean).join(' · ')}`),
    m.skills.length ? h('p', { class: 'skills' }, `${s.skills}: ${skillsIn(m, lang).join(', ')}`) : null,
    m.evidence.length
      ? h(
          'details',
          {},
          h('summary', {}, `${s.evidence} (${m.evidence.length})`),
          ...m.evidence.map((e) => evidenceQuote(e, lang)),
        )
      : null,
  );
}

/** A move's skills in `lang` (the English ones where no Japanese is stored). Shared with the route steps. */
export function skillsIn(move: { skills: string[]; skillsJa?: string[] }, lang: Lang): string[] {
  return lang === 'ja' ? move.skills.map((sk, i) => move.skillsJa?.[i] || sk) : move.skills;
}

/** One piece of evidence: the Japanese quote, its gloss in the page's language (English where no Japanese is stored) and the source article. Shared with the route steps. */
export function evidenceQuote(e: Evidence, lang: Lang): HTMLQuoteElement {
  const ja = lang === 'ja' && e.glossJa;
  return h(
    'blockquote',
    {},
    h('p', { lang: 'ja' }, `「${e.quote}」`),
    ja ? h('p', { class: 'gloss', lang: 'ja' }, e.glossJa) : h('p', { class: 'gloss', lang: 'en' }, e.gloss),
    h('p', { class: 'source' }, `${t(lang).source}: `, h('cite', {}, e.source)),
  );
}
