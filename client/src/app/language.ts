/**
 * The language switch and the page's fixed words: the buttons set the store's language; this module
 * follows it with `<html lang>`, the remembered choice (localStorage), every `data-i18n` text and label,
 * and the legend. Each panel re-labels itself from the store.
 */
import { LANG_KEY } from '../state/app-state.js';
import { renderLegend } from '../ui/legend.js';
import { byId, type AppContext } from './context.js';

export function mountLanguage(ctx: AppContext): void {
  const { store } = ctx;
  const buttons = [...document.querySelectorAll<HTMLButtonElement>('[data-lang]')];
  for (const button of buttons) button.addEventListener('click', () => store.set({ lang: button.dataset.lang === 'ja' ? 'ja' : 'en' }));

  const apply = () => {
    const { lang } = store.get();
    const s = ctx.s();
    document.documentElement.lang = lang;
    document.querySelectorAll<HTMLElement>('[data-i18n]').forEach((el) => (el.textContent = String(s[el.dataset.i18n as 'tagline'])));
    document.querySelectorAll<HTMLElement>('[data-i18n-label]').forEach((el) => el.setAttribute('aria-label', String(s[el.dataset.i18nLabel as 'legend'])));
    for (const b of buttons) b.setAttribute('aria-pressed', String(b.dataset.lang === lang));
    renderLegend(byId('legend'), lang);
  };
  store.watch((st) => st.lang, (lang) => {
    try {
      localStorage.setItem(LANG_KEY, lang);
    } catch {
      // not remembered, but the address bar still says it
    }
    apply();
  });
  apply();
}
