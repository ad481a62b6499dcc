/** Tiny DOM helper: builds elements with text content only (never innerHTML), so article quotes cannot inject markup. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: (Node | string | null | undefined)[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  for (const c of children) if (c !== null && c !== undefined) el.append(c);
  return el;
}

/**
 * Makers of elements whose words follow the language: each registers in `relabels` how to set its text,
 * and a language switch calls them all with the new strings.
 */
export function relabelling<S>(relabels: ((s: S) => void)[]) {
  const text = <K extends keyof HTMLElementTagNameMap>(tag: K, get: (s: S) => string, attrs: Record<string, string> = {}) => {
    const el = h(tag, attrs);
    relabels.push((s) => (el.textContent = get(s)));
    return el;
  };
  const button = (get: (s: S) => string, onClick: () => void, attrs: Record<string, string> = {}) => {
    const b = text('button', get, { type: 'button', ...attrs });
    b.addEventListener('click', onClick);
    return b;
  };
  return { text, button };
}
