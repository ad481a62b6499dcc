/**
 * Errors and warnings of one import, each with its line. Keeps the first
 * `limit` of each and counts the rest, so a file with a million bad rows
 * still gives a report of a few kilobytes.
 */
import type { ImportIssue } from '../../contract/imports.js';

/** Issues listed per kind before they are only counted. */
export const DEFAULT_ISSUE_LIMIT = 100;

export class IssueList {
  readonly errors: ImportIssue[] = [];
  readonly warnings: ImportIssue[] = [];
  moreErrors = 0;
  moreWarnings = 0;
  /** Lines with at least one error (a row is rejected once however many errors it has). */
  private readonly rejectedLines = new Set<number>();
  /** Rejected rows beyond what `rejectedLines` keeps, counted when a line is known to be new. */
  private rejectedCount = 0;
  private lastErrorLine = -1;

  constructor(private readonly limit = DEFAULT_ISSUE_LIMIT) {}

  /** Records an error; the row on `issue.line` is rejected (line 0 = the whole file). */
  error(issue: ImportIssue): void {
    if (issue.line > 0 && issue.line !== this.lastErrorLine) {
      // Rows are mostly reported in order: only keep a set while it stays small.
      if (this.rejectedLines.size < 1_000_000) {
        if (!this.rejectedLines.has(issue.line)) {
          this.rejectedLines.add(issue.line);
          this.rejectedCount++;
        }
      } else this.rejectedCount++;
      this.lastErrorLine = issue.line;
    }
    if (this.errors.length < this.limit) this.errors.push(issue);
    else this.moreErrors++;
  }

  warning(issue: ImportIssue): void {
    if (this.warnings.length < this.limit) this.warnings.push(issue);
    else this.moreWarnings++;
  }

  get hasErrors(): boolean {
    return this.errors.length > 0;
  }

  /** Rows rejected. */
  get rejected(): number {
    return this.rejectedCount;
  }

  /** The issues in line order. */
  sorted(): { errors: ImportIssue[]; warnings: ImportIssue[] } {
    const byLine = (a: ImportIssue, b: ImportIssue) => a.line - b.line;
    return { errors: [...this.errors].sort(byLine), warnings: [...this.warnings].sort(byLine) };
  }
}
