// Human output in the style of ESLint's "stylish" formatter: a header per file, one aligned line per
// problem (`line:col  severity  message  rule-id`), then a summary. Messages arrive already masked
// by the rules; this formatter never prints source text, so a secret cannot leak through it.
import { SEVERITY_RANK, type FileResult, type ScanResult } from '../types';

export interface TextOptions {
  color: boolean;
  /** Hide findings below the threshold and informational notices. */
  quiet: boolean;
}

const ANSI = { red: 31, yellow: 33, blue: 34, gray: 90, green: 32, bold: 1, underline: 4 } as const;

export function formatText(scan: ScanResult, options: TextOptions): string {
  const paint = (style: keyof typeof ANSI, text: string) => (options.color ? `\u001b[${ANSI[style]}m${text}\u001b[0m` : text);
  const severityLabel = (level: string) => (level === 'error' ? paint('red', 'error') : level === 'warning' ? paint('yellow', 'warning') : paint('blue', 'info'));
  const out: string[] = [];

  for (const file of scan.files) {
    const rows = rowsOf(file, scan, options.quiet);
    if (!rows.length) continue;
    out.push('', paint('underline', file.path));
    const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => visibleLength(row[column]))));
    for (const [position, level, message, ruleId] of rows) {
      out.push(
        `  ${paint('gray', position.padEnd(widths[0]))}  ${severityLabel(level)}${' '.repeat(widths[1] - level.length)}  ${message.padEnd(widths[2])}  ${paint('gray', ruleId)}`.trimEnd(),
      );
    }
  }

  const { summary } = scan;
  const problems = summary.errors + summary.warnings + summary.infos;
  const lines: string[] = [];
  if (summary.fixed) {
    const fixedFiles = scan.files.filter((f) => f.fixed);
    lines.push(paint('green', `✔ fixed ${plural(summary.fixed, 'problem')} in ${plural(fixedFiles.length, 'file')}`));
    if (!options.quiet) for (const file of fixedFiles.slice(0, 20)) lines.push(paint('gray', `  ${file.path}: ${file.fixed} fixed`));
    if (!options.quiet && fixedFiles.length > 20) lines.push(paint('gray', `  … and ${fixedFiles.length - 20} more files`));
  }
  if (problems) {
    const parts = [plural(summary.errors, 'error'), plural(summary.warnings, 'warning')];
    if (summary.infos) parts.push(`${summary.infos} info`);
    const mark = summary.errors ? 'red' : summary.warnings ? 'yellow' : 'blue';
    lines.push(paint(mark, paint('bold', `✖ ${plural(problems, 'problem')} (${parts.join(', ')})`)));
    const fixable = countFixable(scan.files);
    if (fixable && !summary.fixed) lines.push(paint(mark, `  ${plural(fixable, 'problem')} can be fixed with the \`--fix\` option.`));
  } else if (!options.quiet) {
    lines.push(paint('green', `✔ no problems in ${plural(summary.filesScanned, 'file')}`));
  }
  const extras: string[] = [];
  if (summary.suppressed) extras.push(`${summary.suppressed} suppressed inline`);
  if (summary.filesSkipped) extras.push(`${plural(summary.filesSkipped, 'file')} skipped`);
  if (summary.baselined) extras.push(`${summary.baselined} known in the baseline`);
  if (extras.length && !options.quiet) lines.push(paint('gray', `  ${extras.join(', ')}`));
  out.push('', ...lines, '');
  return out.join('\n');
}

type Row = [position: string, level: string, message: string, ruleId: string];

function rowsOf(file: FileResult, scan: ScanResult, quiet: boolean): Row[] {
  const rows: Array<Row & { order: [number, number] }> = [];
  for (const notice of file.notices) {
    if (quiet && notice.level === 'info') continue;
    const start = notice.range?.start;
    const row = [start ? `${start.line + 1}:${start.character + 1}` : '0:0', notice.level, notice.message, `(${notice.kind})`] as Row & { order: [number, number] };
    row.order = start ? [start.line, start.character] : [-1, 0];
    rows.push(row);
  }
  for (const finding of file.findings) {
    if (finding.suppression) continue;
    if (quiet && SEVERITY_RANK[finding.severity] < SEVERITY_RANK[scan.threshold]) continue;
    const { line, character } = finding.range.start;
    const row = [`${line + 1}:${character + 1}`, finding.severity, oneLine(finding.message), finding.ruleId] as Row & { order: [number, number] };
    row.order = [line, character];
    rows.push(row);
  }
  return rows.sort((a, b) => a.order[0] - b.order[0] || a.order[1] - b.order[1]);
}

function countFixable(files: FileResult[]): number {
  return files.reduce((n, file) => n + file.findings.filter((f) => !f.suppression && f.fixes.some((x) => x.safe)).length, 0);
}

const oneLine = (text: string) => text.replace(/\s*\r?\n\s*/g, ' ');
const visibleLength = (text: string) => text.length;

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
