/**
 * Zod settings for the page. Imported first by main.ts: zod decides whether to
 * compile fast parsers when a schema is built, and checks that by calling
 * `new Function` once, which the page's CSP (script-src 'self', no eval)
 * refuses and reports as a violation on every load. Jitless parsing skips
 * the check; the schemas parse the same.
 */
import { config } from 'zod';

config({ jitless: true });
