/**
 * Text nodes in `selector` that read as English prose: three or more Latin words in a row and no Japanese
 * at all, on screen. Secondary role names (class "subtitle"/"secondary") are proper names, and code and a
 * query's result cells are output (data, names and ids), not prose.
 */
import type { Page } from 'playwright-core';

export async function englishProse(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const out: string[] = [];
    for (const root of document.querySelectorAll(sel)) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement!;
        if (el.closest('.subtitle, .secondary, .sr-only, [hidden], cite, code, pre, .cm-editor, script, style, td[class^="cell-"]')) continue;
        if (el.getClientRects().length === 0) continue;
        const text = n.textContent ?? '';
        if (/[\u3040-\u30ff\u4e00-\u9fff]/.test(text)) continue;
        if (/[A-Za-z]{2,}[\s,.]+[A-Za-z]{2,}[\s,.]+[A-Za-z]{2,}/.test(text)) out.push(text.trim());
      }
    }
    return out;
  }, selector);
}
