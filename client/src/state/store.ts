/**
 * A small typed state store: `get()`, `set(patch)`, `subscribe(listener)` and `watch(select, listener)`.
 *
 * Written by hand rather than taken from a library: this is all the page needs (about forty lines, no
 * selectors library, no devtools, no async middleware), it has no dependency to keep current, and the
 * bundle does not grow for it.
 */

/** Called after every change with the state as it is now and as it was just before. */
export type Listener<S> = (state: Readonly<S>, previous: Readonly<S>) => void;

export interface Store<S extends object> {
  /** The current state (do not mutate it: `set` a patch). */
  get(): Readonly<S>;
  /** Replaces the keys in `patch`; listeners run once, and only when some value changed (compared with `===`). */
  set(patch: Partial<S>): void;
  /** Runs `listener` after every change; returns a function that stops it. */
  subscribe(listener: Listener<S>): () => void;
  /** Runs `listener` when `select(state)` changed (compared with `===`), with the new and the old value. */
  watch<T>(select: (state: Readonly<S>) => T, listener: (value: T, previous: T) => void): () => void;
}

/** A store holding `initial`. */
export function createStore<S extends object>(initial: S): Store<S> {
  let state: Readonly<S> = { ...initial };
  const listeners = new Set<Listener<S>>();
  // A listener may set() in turn: its change waits until everyone has heard the one before, so each
  // listener hears every change once and in order.
  const pending: [Readonly<S>, Readonly<S>][] = [];
  let notifying = false;
  const store: Store<S> = {
    get: () => state,
    set(patch) {
      const changed = (Object.keys(patch) as (keyof S)[]).some((k) => !Object.is(patch[k], state[k]));
      if (!changed) return;
      const previous = state;
      state = { ...state, ...patch };
      pending.push([state, previous]);
      if (notifying) return;
      notifying = true;
      for (let change = pending.shift(); change; change = pending.shift()) {
        // A copy: a listener that subscribes or unsubscribes does not change who hears this change.
        for (const listener of [...listeners]) {
          try {
            listener(...change);
          } catch (err) {
            // One broken listener must not keep the others from hearing the change: report it apart.
            setTimeout(() => {
              throw err;
            });
          }
        }
      }
      notifying = false;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    watch(select, listener) {
      return store.subscribe((now, before) => {
        const [value, previous] = [select(now), select(before)];
        if (!Object.is(value, previous)) listener(value, previous);
      });
    },
  };
  return store;
}
