/**
 * Asks for the graph the address bar names as the first thing the page's script does (main.ts imports
 * this module before the rest), so the request and the server's answer overlap the start of the rest of
 * the script (Cytoscape, the panels) instead of following it. boot.ts awaits it for the first picture;
 * a failure (a read token needed, a refused mix of datasets) is reported there like any other load.
 */
import type { GraphResponse } from '../../../server/contract/api.js';
import { api } from '../api/client.js';
import { parseViewState } from '../state/url-state.js';

export const earlyGraph: Promise<GraphResponse> = api.graph(parseViewState(window.location.search).datasets);
// Handled where it is awaited (boot.ts); this only keeps the browser from calling it unhandled meanwhile.
earlyGraph.catch(() => undefined);
