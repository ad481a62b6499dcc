/**
 * The read token (the server's READ_TOKEN) a visitor signed in with. Kept in
 * sessionStorage only (this tab, until it closes), never in the address bar or
 * in localStorage; every API call of the page sends it (client.ts).
 */
import { sessionToken } from './session-token.js';

export const readToken = sessionToken('rolepath.readToken');
