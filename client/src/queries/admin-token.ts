/**
 * The admin token for saving, deleting and importing queries. Kept in
 * sessionStorage only (this tab, until it closes), never in the address bar
 * or in localStorage.
 */
const KEY = 'rolepath.adminToken';

export const adminToken = {
  get(): string | null {
    try {
      return sessionStorage.getItem(KEY) || null;
    } catch {
      // Storage can be disabled; the token then lives only as long as the field holds it.
      return null;
    }
  },
  set(token: string): void {
    try {
      if (token) sessionStorage.setItem(KEY, token);
      else sessionStorage.removeItem(KEY);
    } catch {
      // see get()
    }
  },
  clear(): void {
    this.set('');
  },
};
