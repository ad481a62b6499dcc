/** The side panel with a role's description, its moves in and out, their skills and evidence. */
import type { RoleDetailsResponse, RoleMoveDto } from '../../../server/contract/api.js';
import { FAMILY_STYLE } from '../graph/families.js';
import { t, type Lang } from '../i18n/strings.js';
import { h } from './dom.js';

/** Renders the empty-state hint. */
export function renderRoleHint(container: HTMLElement, lang: Lang): void {
  container.replaceChildren(h('p', { class: 'hint' }, t(lang).pickRole));
}

/** Renders one role's details; `onRole` is called when a linked role is chosen. */
export function renderRolePanel(
  container: HTMLElement,
  details: RoleDetailsResponse,
  lang: Lang,
  onRole: (id: string) => void,
): void {
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
        : h('ol', {}, ...moves.map((m) => moveItem(m, lang, onRole))),
    );
  container.replaceChildren(
    h(
      'article',
      { class: 'role', 'data-role-id': role.id },
      h('h2', {}, primary),
      h('p', { class: 'subtitle' }, secondary),
      h('p', { class: 'family' }, h('span', { class: 'swatch', style: `background:${family.color}` }), family[lang]),
      h('p', {}, role.description),
      role.aliases.length ? h('p', { class: 'muted' }, `${s.aliases}: ${role.aliases.join(', ')}`) : null,
      moveList(details.outgoing, s.goesTo, 'outgoing'),
      moveList(details.incoming, s.comesFrom, 'incoming'),
    ),
  );
}

function moveItem(m: RoleMoveDto, lang: Lang, onRole: (id: string) => void): HTMLLIElement {
  const s = t(lang);
  const link = h('button', { type: 'button', class: 'role-link' }, lang === 'ja' ? m.other.nameJa : m.other.name);
  link.addEventListener('click', () => onRole(m.other.id));
  return h(
    'li',
    {},
    link,
    h('span', { class: 'meta' }, ` ${s.accounts(m.count)} · ${s.probability} ${(m.probability * 100).toFixed(0)}% · ${s.kind[m.kind]}`),
    m.skills.length ? h('p', { class: 'skills' }, `${s.skills}: ${m.skills.join(', ')}`) : null,
    m.evidence.length
      ? h(
          'details',
          {},
          h('summary', {}, `${s.evidence} (${m.evidence.length})`),
          ...m.evidence.map((e) =>
            h('blockquote', { lang: 'ja' }, h('p', {}, `「${e.quote}」`), h('p', { class: 'gloss', lang: 'en' }, e.gloss), h('cite', {}, e.source)),
          ),
        )
      : null,
  );
}
