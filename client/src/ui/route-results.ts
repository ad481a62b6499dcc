/**
 * The route finder's answer: the alternatives (hops, probability, travellers),
 * and the chosen route as an ordered list of moves — the accessible twin of
 * the drawing — with a step-through that shows each move's skills and evidence.
 * It renders the answer and the alternative the store holds (it keeps only the
 * step being looked at), and chooses an alternative by setting it there.
 */
import type { RouteDto, RouteResponse } from '../../../server/contract/routes.js';
import type { RoleDirectory } from '../graph/role-directory.js';
import { t } from '../i18n/strings.js';
import { shownRoute, type AppState } from '../state/app-state.js';
import type { Store } from '../state/store.js';
import { h } from './dom.js';
import { evidenceQuote, skillsIn } from './role-panel.js';

/** What the results report back to the page. */
export interface RouteResultsOptions {
  directory: () => RoleDirectory;
  /** The current move changed (-1 = the whole route). */
  onStep: (step: number) => void;
  onClear: () => void;
  /** A role in the no-route answer was chosen: route to it (a reachable role) or from it (a role that leads to the target). */
  onPickEnd?: (end: 'from' | 'to', id: string) => void;
}

/** Results panel drawn into `container`. */
export class RouteResults {
  private step = -1;
  private readonly announce: HTMLParagraphElement;
  private readonly body: HTMLDivElement;

  constructor(
    container: HTMLElement,
    private readonly store: Store<AppState>,
    private readonly opts: RouteResultsOptions,
  ) {
    this.announce = h('p', { class: 'sr-only', 'aria-live': 'polite', 'data-testid': 'route-announce' });
    this.body = h('div', {});
    container.replaceChildren(this.body, this.announce);
    store.subscribe((now, before) => {
      if (now.routeAnswer !== before.routeAnswer) {
        if (now.routeAnswer) this.showAnswer();
        else this.clear();
      } else if (now.alt !== before.alt) this.showAlt();
      else if (now.lang !== before.lang) this.render();
    });
  }

  /** The highlighted route, if any. */
  get route(): RouteDto | null {
    return shownRoute(this.store.get());
  }

  private get response(): RouteResponse | null {
    return this.store.get().routeAnswer;
  }

  private get alt(): number {
    return this.store.get().alt;
  }

  private lang() {
    return this.store.get().lang;
  }

  get currentStep(): number {
    return this.step;
  }

  /** Shows the answer the store holds, from its overview. */
  private showAnswer(): void {
    const response = this.response;
    if (!response) return;
    this.step = -1;
    this.render();
    // Bring the answer into view in the (scrolling) panel: all of it if it fits, its heading at least.
    this.body.scrollIntoView({ block: 'nearest' });
    this.body.firstElementChild?.scrollIntoView({ block: 'nearest' });
    const s = t(this.lang());
    this.announce.textContent = response.routes.length
      ? `${s.found(response.routes.length, s.modes[response.query.mode])}. ${this.pathText(this.route!)}`
      : `${s.noRoute} ${response.note}`;
  }

  private clear(): void {
    this.step = -1;
    this.body.replaceChildren();
    this.announce.textContent = '';
  }

  /** Chooses alternative `alt` (0-based): the store holds it, and the results and the graph follow. */
  choose(alt: number): void {
    if (this.response?.routes[alt]) this.store.set({ alt });
  }

  /** Shows the alternative the store holds, from its overview. */
  private showAlt(): void {
    const route = this.route;
    if (!route) return;
    this.step = -1;
    this.render();
    this.announce.textContent = `${t(this.lang()).routeN(this.alt + 1)}: ${this.pathText(route)}`;
  }

  /** Moves the step-through by `delta` (±1), clamped to the route; the whole route sits before the first move. */
  stepBy(delta: number): boolean {
    const route = this.route;
    if (!route) return false;
    this.goTo(Math.min(route.steps.length - 1, Math.max(-1, this.step + delta)));
    return true;
  }

  /** Goes to move `i` (-1 = the whole route). */
  goTo(i: number): void {
    const route = this.route;
    if (!route) return;
    this.step = i;
    this.render();
    this.body.querySelector(i >= 0 ? 'li[aria-current="step"]' : '.stepper')?.scrollIntoView({ block: 'nearest' });
    const s = t(this.lang());
    const move = route.steps[i];
    const counted = move ? s.counted(move.count, this.unit) : '';
    this.announce.textContent = move
      ? `${s.stepOf(i + 1, route.steps.length)}: ${this.name(move.from)} → ${this.name(move.to)}. ${counted ? `${counted}, ` : ''}${s.probability} ${s.pct(move.probability)}.`
      : `${s.overview}: ${this.pathText(route)}`;
    this.opts.onStep(i);
  }

  /** What the answer's counts count (the seed's articles: accounts). */
  private get unit(): 'people' | 'accounts' | 'probability' {
    return this.response?.datasets?.unit ?? 'accounts';
  }

  private name(id: string): string {
    return this.opts.directory().name(id, this.lang());
  }

  private pathText(route: RouteDto): string {
    return route.roles.map((r) => this.name(r)).join(' → ');
  }

  private render(): void {
    const response = this.response;
    if (!response) return;
    // Re-rendering replaces the buttons: remember which one had focus and give it back.
    const focusKey = (document.activeElement as HTMLElement | null)?.closest('[data-key]')?.getAttribute('data-key');
    const s = t(this.lang());
    const { routes, note, query } = response;
    // The server writes the note in the language asked for; an older answer may still be in the other one.
    const noteLine = note ? [h('p', { class: 'route-note', lang: response.lang ?? 'en', 'data-testid': 'route-note' }, note)] : [];
    if (routes.length === 0) {
      this.body.replaceChildren(h('h3', { class: 'no-route' }, s.noRoute), ...noteLine, ...this.noRouteDetail(response));
      return;
    }
    const alternatives = h(
      'ol',
      { class: 'alternatives', 'aria-label': s.alternatives, 'data-testid': 'alternatives' },
      ...routes.map((r, i) => {
        const b = h(
          'button',
          { type: 'button', class: 'alt', 'aria-pressed': String(i === this.alt), 'data-key': `alt-${i}` },
          h('span', { class: 'alt-title' }, s.routeN(i + 1)),
          h('span', { class: 'alt-meta' }, this.routeMeta(r)),
          h('span', { class: 'alt-path' }, this.pathText(r)),
        );
        b.addEventListener('click', () => this.choose(i));
        return h('li', {}, b);
      }),
    );
    this.body.replaceChildren(
      h('h3', { id: 'results-title' }, s.found(routes.length, s.modes[query.mode])),
      ...noteLine,
      alternatives,
      this.detail(this.route!),
    );
    if (focusKey) this.body.querySelector<HTMLElement>(`[data-key="${focusKey}"]`)?.focus();
  }

  /** The no-route answer: why the two sides do not meet, where one can go from the start, and what leads into the target. */
  private noRouteDetail(response: RouteResponse): HTMLElement[] {
    const answer = response.noRoute;
    if (!answer) return [];
    const s = t(this.lang());
    const side = (end: 'from' | 'to', title: string, help: string, none: string, roles: { id: string; hops: number }[], total: number) => {
      const items = roles.map((r) => {
        const b = h('button', { type: 'button', class: 'role-link', 'data-key': `${end}-${r.id}`, 'data-role-id': r.id }, this.name(r.id));
        b.addEventListener('click', () => this.opts.onPickEnd?.(end, r.id));
        return h('li', {}, b, h('span', { class: 'meta' }, ` ${s.awayIn(r.hops)}`));
      });
      return h(
        'section',
        { class: 'no-route-side', 'data-testid': end === 'to' ? 'reachable' : 'feeders' },
        h('h4', {}, title),
        roles.length ? h('p', { class: 'hint' }, help) : h('p', { class: 'muted' }, none),
        roles.length ? h('ol', { class: 'near-roles' }, ...items) : null,
        total > roles.length ? h('p', { class: 'muted' }, s.moreRoles(total - roles.length)) : null,
      );
    };
    return [
      h('p', { class: 'route-reason', lang: response.lang ?? 'en', 'data-testid': 'no-route-reason' }, answer.reason),
      side('to', s.reachableTitle(answer.reachableTotal), s.reachableHelp, s.noneReachable, answer.reachable, answer.reachableTotal),
      side('from', s.feedersTitle(answer.feedersTotal), s.feedersHelp, s.noFeeders, answer.feeders, answer.feedersTotal),
    ];
  }

  private routeMeta(r: RouteDto): string {
    const s = t(this.lang());
    const parts = [s.hops(r.hops), `${s.probability} ${s.pct(r.probability)}`];
    if (r.travellers !== null) parts.push(s.travellers(r.travellers));
    return parts.join(' · ');
  }

  /** The chosen route: stepper and the ordered list of its moves. */
  private detail(route: RouteDto): HTMLElement {
    const s = t(this.lang());
    const n = route.steps.length;
    const nav = (label: string, text: string, key: string, delta: number, disabled: boolean) => {
      const b = h('button', { type: 'button', class: 'step-nav', 'aria-label': label, title: label, 'data-key': key }, text);
      b.disabled = disabled;
      b.addEventListener('click', () => this.stepBy(delta));
      return b;
    };
    const clear = h('button', { type: 'button', class: 'clear-route', 'data-key': 'clear' }, s.clearRoute);
    clear.addEventListener('click', () => this.opts.onClear());
    const steps = h(
      'ol',
      { class: 'steps', 'aria-label': `${s.routeN(this.alt + 1)} — ${s.stepByStep}`, 'data-testid': 'route-steps' },
      ...route.steps.map((move, i) => {
        const current = i === this.step;
        const link = h('button', { type: 'button', class: 'step-link', 'data-key': `step-${i}` }, `${this.name(move.from)} → ${this.name(move.to)}`);
        link.addEventListener('click', () => this.goTo(current ? -1 : i));
        // Say what the move is: one people made, an author's recommendation or an organisational split.
        const kinds = (move.kinds ?? []).map((k) => s.kind[k]).join(' / ');
        // Counts in the answer's unit (people, accounts); a table of probabilities has none, only its probabilities.
        const stored = this.unit === 'probability' ? move.probability > 0 : move.count > 0;
        const meta = stored ? [s.counted(move.count, this.unit), `${s.probability} ${s.pct(move.probability)}`, kinds].filter(Boolean).join(' · ') : s.noStoredMove;
        return h(
          'li',
          current ? { class: 'current', 'aria-current': 'step', 'data-step': String(i) } : { 'data-step': String(i) },
          link,
          h('span', { class: 'meta' }, ` ${meta}`),
          current && move.skills.length ? h('p', { class: 'skills' }, `${s.skills}: ${skillsIn(move, this.lang()).join(', ')}`) : null,
          ...(current ? move.evidence.map((e) => evidenceQuote(e, this.lang())) : []),
        );
      }),
    );
    return h(
      'section',
      { class: 'route-detail' },
      h('h4', {}, `${s.routeN(this.alt + 1)} — ${s.stepByStep}`),
      h(
        'div',
        { class: 'stepper' },
        nav(s.prev, '←', 'prev', -1, this.step < 0),
        h('span', { class: 'step-label', 'data-testid': 'step-label' }, this.step < 0 ? s.overview : s.stepOf(this.step + 1, n)),
        nav(s.next, '→', 'next', 1, this.step >= n - 1),
        clear,
      ),
      h('p', { class: 'hint keys-hint' }, s.keysHint),
      h('p', { class: 'route-start' }, `${s.startRole}: `, h('strong', {}, this.name(route.roles[0] ?? ''))),
      steps,
    );
  }
}
