/**
 * A token kept in sessionStorage only (this tab, until it closes), never in the
 * address bar or in localStorage. Where storage is disabled it lives in memory,
 * for this page only.
 */
export interface SessionToken {
  get(): string | null;
  set(token: string): void;
  clear(): void;
}

export function sessionToken(key: string): SessionToken {
  let memory: string | null = null;
  return {
    get() {
      try {
        return sessionStorage.getItem(key) || null;
      } catch {
        return memory;
      }
    },
    set(token) {
      memory = token || null;
      try {
        if (token) sessionStorage.setItem(key, token);
        else sessionStorage.removeItem(key);
      } catch {
        // see get()
      }
    },
    clear() {
      this.set('');
    },
  };
}
