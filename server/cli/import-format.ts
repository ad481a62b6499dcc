/** Plain-text rendering of an import report for the terminal, and the progress bar. */
import type { ImportIssue, ImportReport } from '../contract/imports.js';

const n = (x: number) => x.toLocaleString('en-US');
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

function issueLine(i: ImportIssue): string {
  const where = i.line > 0 ? `line ${i.line}` : 'file';
  const what = [i.column ? `${i.column}` : '', i.value !== undefined ? `"${i.value}"` : ''].filter(Boolean).join(' ');
  const hint = i.suggestions?.length ? ` (did you mean ${i.suggestions.join(', ')}?)` : '';
  return `  ${where}: ${what ? `${what}: ` : ''}${i.reason}${hint}`;
}

/** Renders a report as readable text. */
export function formatImportReport(r: ImportReport, via: 'server' | 'direct'): string {
  const outcome = !r.ok ? 'REJECTED: nothing was written' : r.dryRun ? 'OK (dry run: nothing was written)' : 'OK: written';
  const lines = [
    `Import of ${r.kind} into dataset "${r.dataset}" (${via === 'server' ? 'through the running server' : 'directly into the store'}): ${outcome}`,
    `  file: ${mb(r.bytes)}, ${r.encoding}, ${r.format}; ${n(r.rowsRead)} rows read, ${n(r.rejected)} rejected`,
  ];
  if (r.kind === 'histories') lines.push(`  people: ${n(r.people)}, stints: ${n(r.stints)}`);
  if (r.kind !== 'roles') {
    if (r.unit === 'probability') lines.push(`  transitions: ${n(r.transitions)} kept; unit: probability (no counts, so nothing for k to suppress)`);
    else lines.push(`  transitions: ${n(r.transitions)} kept, ${n(r.suppressed.transitions)} suppressed (seen fewer than k = ${r.minCount} times); unit: ${r.unit ?? 'people'}`);
    if (r.kind === 'histories') lines.push(`  routes: ${n(r.routes)} kept, ${n(r.suppressed.routes)} suppressed`);
  }
  lines.push(`  new roles: ${r.newRoles.length ? r.newRoles.map((x) => `${x.id} (${x.name})`).join(', ') : 'none'}${r.updatedRoles ? `; updated roles: ${n(r.updatedRoles)}` : ''}`);
  for (const c of r.changedRoles.slice(0, 20)) {
    lines.push(`    ${c.id}: ${c.changes.map((x) => `${x.field} "${x.before}" → "${x.after}"`).join('; ')}`);
  }
  if (r.changedRoles.length + r.moreChangedRoles > 20) lines.push(`    … and ${n(r.changedRoles.length + r.moreChangedRoles - 20)} more changed roles`);
  if (r.unknownRoles.length) {
    lines.push('  unknown roles (use --create-roles to create them, or fix the names):');
    for (const u of r.unknownRoles.slice(0, 20)) {
      const hint = u.suggestions.length ? ` — closest: ${u.suggestions.map((s) => `${s.id} (${s.name} / ${s.nameJa})`).join(', ')}` : '';
      lines.push(`    "${u.value}" on ${n(u.rows)} row(s), first at line ${u.firstLine}${hint}`);
    }
  }
  if (r.errors.length) {
    lines.push(`  errors (${n(r.errors.length + r.moreErrors)}):`, ...r.errors.map(issueLine));
    if (r.moreErrors) lines.push(`  … and ${n(r.moreErrors)} more`);
  }
  if (r.warnings.length) {
    lines.push(`  warnings (${n(r.warnings.length + r.moreWarnings)}):`, ...r.warnings.slice(0, 10).map(issueLine));
    const more = r.moreWarnings + Math.max(0, r.warnings.length - 10);
    if (more) lines.push(`  … and ${n(more)} more`);
  }
  lines.push(`  time: ${(r.ms / 1000).toFixed(2)} s`);
  return lines.join('\n');
}

/** A one-line progress bar on a terminal (stderr); nothing when stderr is not a terminal. */
export class ProgressBar {
  private last = 0;
  private readonly enabled: boolean;

  constructor(
    private readonly total: number,
    private readonly label: string,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {
    this.enabled = Boolean(stream.isTTY) && total > 0;
  }

  /** Shows `done` bytes of `total` (at most ten updates a second). */
  update(done: number): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.last < 100 && done < this.total) return;
    this.last = now;
    const width = 30;
    const share = Math.min(1, done / this.total);
    const filled = Math.round(share * width);
    this.stream.write(`\r${this.label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.floor(share * 100)).padStart(3)}% ${mb(done)} / ${mb(this.total)}`);
  }

  /** Clears the bar. */
  done(): void {
    if (this.enabled) this.stream.write('\r\u001b[2K');
  }
}
