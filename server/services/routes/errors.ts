/**
 * The one error the route finder throws for a bad query. It carries the
 * offending field so the HTTP layer can turn it into a 400 without parsing
 * messages.
 */

/** A query the route finder cannot answer as asked (unknown role, value out of range, contradiction). */
export class RouteQueryError extends Error {
  /**
   * @param field The query field at fault (`from`, `to`, `k`, `avoid`, …).
   * @param message A sentence for the user.
   * @param suggestions For unknown roles or families: the closest known ids, best first.
   */
  constructor(
    readonly field: string,
    message: string,
    readonly suggestions: string[] = [],
  ) {
    super(message);
    this.name = 'RouteQueryError';
  }
}
