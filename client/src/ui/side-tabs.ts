/**
 * The left column's tabs: the route finder and the saved queries (the ARIA
 * tabs pattern: ←/→, Home and End move between tabs, which show their panel
 * at once). Only the chosen tab is in the Tab order.
 */
import type { SidePanel } from '../state/app-state.js';

/** The tabs are the store's side panels (state/app-state.ts). */
export type SideTab = SidePanel;

/** Tabs over the `[role=tab]` buttons in `tablist`; each names its panel with aria-controls. */
export class SideTabs {
  private readonly tabs: HTMLButtonElement[];
  private current: SideTab = 'routes';

  constructor(
    tablist: HTMLElement,
    private readonly onChange: (tab: SideTab) => void,
  ) {
    this.tabs = [...tablist.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
    for (const tab of this.tabs) {
      this.panel(tab)?.setAttribute('role', 'tabpanel');
      tab.addEventListener('click', () => this.select(this.name(tab)));
      tab.addEventListener('keydown', (e) => {
        const i = this.tabs.indexOf(tab);
        const n = this.tabs.length;
        const next = { ArrowRight: (i + 1) % n, ArrowLeft: (i - 1 + n) % n, Home: 0, End: n - 1 }[e.key];
        if (next === undefined) return;
        e.preventDefault();
        this.select(this.name(this.tabs[next]!), true);
      });
    }
  }

  get selected(): SideTab {
    return this.current;
  }

  /** Shows `tab`'s panel (focusing the tab when asked); calls onChange when it was another, unless told not to. */
  select(tab: SideTab, focus = false, notify = true): void {
    const changed = tab !== this.current;
    this.current = tab;
    for (const b of this.tabs) {
      const on = this.name(b) === tab;
      b.setAttribute('aria-selected', String(on));
      b.tabIndex = on ? 0 : -1;
      const panel = this.panel(b);
      if (panel) panel.hidden = !on;
      if (on && focus) b.focus();
    }
    if (changed && notify) this.onChange(tab);
  }

  private name(tab: HTMLButtonElement): SideTab {
    return tab.dataset.tab === 'queries' ? 'queries' : 'routes';
  }

  private panel(tab: HTMLButtonElement): HTMLElement | null {
    return document.getElementById(tab.getAttribute('aria-controls') ?? '');
  }
}
