/**
 * Errors and warnings of one import, each with its line. Keeps the first
 * `limit` of each and counts the rest, so a file with a million bad rows
 * still gives a report of a few kilobytes. Each issue's `reason` is kept as a
 * message (code and parameters, see messages.ts) and said in the report's
 * language by `sorted`.
 */
import type { ImportIssue } from '../../contract/imports.js';
import { render, type Said, type SayContext } from './messages.js';

/** Issues listed per kind before they are only counted. */
export const DEFAULT_ISSUE_LIMIT = 100;

/** An issue as recorded: where it is, and what to say about it. */
export type IssueAt = Omit<ImportIssue, 'reason'>;
interface Recorded {
  at: IssueAt;
  said: Said;
}

export class IssueList {
  private readonly errors: Recorded[] = [];
  private readonly warnings: Recorded[] = [];
  moreErrors = 0;
  moreWarnings = 0;
  /** Lines with at least one error (a row is rejected once however many errors it has). */
  private readonly rejectedLines = new Set<number>();
  /** Rejected rows beyond what `rejectedLines` keeps, counted when a line is known to be new. */
  private rejectedCount = 0;
  private lastErrorLine = -1;

  constructor(private readonly limit = DEFAULT_ISSUE_LIMIT) {}

  /** Records an error; the row on `at.line` is rejected (line 0 = the whole file). */
  error(at: IssueAt, said: Said): void {
    if (at.line > 0 && at.line !== this.lastErrorLine) {
      // Rows are mostly reported in order: only keep a set while it stays small.
      if (this.rejectedLines.size < 1_000_000) {
        if (!this.rejectedLines.has(at.line)) {
          this.rejectedLines.add(at.line);
          this.rejectedCount++;
        }
      } else this.rejectedCount++;
      this.lastErrorLine = at.line;
    }
    if (this.errors.length < this.limit) this.errors.push({ at, said });
    else this.moreErrors++;
  }

  warning(at: IssueAt, said: Said): void {
    if (this.warnings.length < this.limit) this.warnings.push({ at, said });
    else this.moreWarnings++;
  }

  get hasErrors(): boolean {
    return this.errors.length > 0;
  }

  /** Rows rejected. */
  get rejected(): number {
    return this.rejectedCount;
  }

  /** The issues in line order, each reason said in `ctx.lang`. */
  sorted(ctx: SayContext): { errors: ImportIssue[]; warnings: ImportIssue[] } {
    const byLine = (a: Recorded, b: Recorded) => a.at.line - b.at.line;
    const said = (r: Recorded): ImportIssue => {
      const { line, column, value, suggestions } = r.at;
      return {
        line,
        ...(column !== undefined ? { column } : {}),
        ...(value !== undefined ? { value } : {}),
        reason: render(r.said, ctx),
        ...(suggestions !== undefined ? { suggestions } : {}),
      };
    };
    return { errors: [...this.errors].sort(byLine).map(said), warnings: [...this.warnings].sort(byLine).map(said) };
  }
}
