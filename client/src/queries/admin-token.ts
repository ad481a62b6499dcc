/**
 * The admin token for saving, deleting and importing queries. Kept in
 * sessionStorage only (this tab, until it closes), never in the address bar
 * or in localStorage.
 */
import { sessionToken } from '../api/session-token.js';

export const adminToken = sessionToken('rolepath.adminToken');
