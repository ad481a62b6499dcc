/**
 * Wiring only: makes the page's context (the store, with the address bar and the language following
 * it), mounts each part of the page on it, and loads the graph. What each part does is in app/; the
 * state they share is in state/app-state.ts. To add a panel: write its module (app/ or ui/), give
 * its words to both string tables, and mount it here.
 */
// First: zod's settings must be in place before any schema is built.
import './api/zod-config.js';
// Second: the graph is asked for before the rest of the script starts.
import { earlyGraph } from './app/early-graph.js';
import { mountBoot } from './app/boot.js';
import { createContext } from './app/context.js';
import { mountExport } from './app/export.js';
import { mountGraph } from './app/graph.js';
import { mountImport } from './app/import.js';
import { mountKeyboard } from './app/keyboard.js';
import { mountLanguage } from './app/language.js';
import { mountQueries } from './app/queries.js';
import { mountRoles } from './app/roles.js';
import { mountRoutes } from './app/routes.js';
import { applyRouteColour } from './graph/families.js';

applyRouteColour();
const ctx = createContext();
mountLanguage(ctx);
const routes = mountRoutes(ctx);
const roles = mountRoles(ctx, routes);
const queries = mountQueries(ctx, roles);
mountExport(ctx);
mountImport(ctx);
mountKeyboard(ctx, routes);
// A role clicked on the graph fills the route end being picked, if one is; else it is selected.
const graph = mountGraph(ctx, (id) => {
  if (!routes.tapped(id)) void roles.show(id);
});
void mountBoot(ctx, { graph, routes, roles, queries })(earlyGraph);
