/**
 * The read token (the server's READ_TOKEN) a visitor signed in with. Kept in
 * sessionStorage only (this tab, until it closes), never in the address bar or
 * in localStorage; every API call of the page sends it (client.ts).
 */
const KEY = 'rolepath.readToken';

export const readToken = {
  get(): string | null {
    try {
      return sessionStorage.getItem(KEY) || null;
    } catch {
      // Storage can be disabled: the token then lives in memory, for this page only.
      return memory;
    }
  },
  set(token: string): void {
    memory = token || null;
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

let memory: string | null = null;
