// Inline suppressions: `# enclint-disable-next-line <rule-id>[, <rule-id>] -- <reason> [until YYYY-MM-DD]`
// (or `//`), `enclint-disable-line` at the end of the flagged line, and `enclint-disable-file <rule-id>
// -- <reason>` anywhere in the file (conventionally at the top) for the whole file. Like cdk-nag, every
// suppression should carry a reason: auditors read it. A suppression without one still applies (unless
// the config sets `requireReason: true`) but earns a notice. An `[until …]` date makes it expire: from
// the day after, the finding is reported again with a note, so a "temporary" exception cannot outlive
// the plan it was written for.
import type { SourceFile } from './source';
import type { Notice, Span } from './types';

export interface InlineSuppression {
  /** Zero-based line the suppression covers; FILE_SCOPE for `enclint-disable-file`. */
  line: number;
  /** Rule ids or families; `*` or none listed means every rule. */
  rules: string[];
  /** The reason without the `[until …]` marker. */
  reason: string;
  /** Last day (ISO `YYYY-MM-DD`, inclusive) the suppression applies, when it has one. */
  until?: string;
  span: Span;
}

const DIRECTIVE = /(?:#|\/\/|\/\*|<!--)\s*enclint-disable-(next-line|line|file)\b([^\r\n]*)/g;

/** The `line` of a file-wide suppression: no real line, so line-indexed lookups never hit it by accident. */
export const FILE_SCOPE = -1;
/** `[until 2027-03-31]`, anywhere in the reason (usually at its end). */
const UNTIL = /\[\s*until\s+([^\]\s]*)\s*\]/i;

export function findSuppressions(file: SourceFile): { suppressions: InlineSuppression[]; notices: Notice[] } {
  return file.cached('suppressions', () => {
    const suppressions: InlineSuppression[] = [];
    const notices: Notice[] = [];
    if (!file.text.includes('enclint-disable')) return { suppressions, notices };
    for (const match of file.text.matchAll(DIRECTIVE)) {
      const start = match.index ?? 0;
      const span = { start, end: start + match[0].length };
      const rest = match[2].replace(/\*\/\s*$|-->\s*$/, '');
      const [ruleText, ...reasonParts] = rest.split(/\s--\s?/);
      let reason = reasonParts.join(' -- ').trim();
      let until: string | undefined;
      const marker = UNTIL.exec(reason);
      if (marker) {
        reason = `${reason.slice(0, marker.index)}${reason.slice(marker.index + marker[0].length)}`.replace(/\s+/g, ' ').trim();
        if (isIsoDate(marker[1])) until = marker[1];
        else {
          notices.push({
            path: file.path,
            level: 'warning',
            kind: 'rule-error',
            span,
            message: `enclint suppression with an unreadable expiry "${marker[1]}": write it as [until YYYY-MM-DD]; until then it is treated as expired`,
          });
          // A date nobody can read must not make an exception permanent.
          until = '0000-01-01';
        }
      }
      const rules = ruleText.split(/[\s,]+/).filter(Boolean);
      const line = match[1] === 'file' ? FILE_SCOPE : file.lines.positionAt(start).line + (match[1] === 'next-line' ? 1 : 0);
      suppressions.push({ line, rules, reason, span, ...(until ? { until } : {}) });
      if (!reason) {
        notices.push({
          path: file.path,
          level: 'warning',
          kind: 'rule-error',
          span,
          message: `enclint suppression without a reason: add " -- <why this is acceptable>" so reviewers and auditors can see it`,
        });
      }
    }
    stackNextLineDirectives(file, suppressions);
    return { suppressions, notices };
  });
}

/** `YYYY-MM-DD` that names a real calendar day. */
export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** Whether an `until` day (inclusive) is behind `today` (both ISO dates, so they compare as strings). */
export function isExpired(until: string | undefined, today: string): boolean {
  return until !== undefined && until < today;
}

/**
 * Consecutive `enclint-disable-next-line` comments all cover the first line below them that is not
 * itself such a comment, so a second suppression can be added above a first without detaching it.
 */
function stackNextLineDirectives(file: SourceFile, suppressions: InlineSuppression[]): void {
  const directiveLines = new Set<number>();
  for (const s of suppressions) {
    const own = file.lines.positionAt(s.span.start).line;
    if (s.line === own + 1 && /^\s*$/.test(file.lines.lineText(own).slice(0, file.lines.positionAt(s.span.start).character))) {
      directiveLines.add(own);
    }
  }
  for (const s of suppressions) {
    const own = file.lines.positionAt(s.span.start).line;
    if (s.line !== own + 1) continue;
    while (directiveLines.has(s.line)) s.line++;
  }
}

export function suppressionCovers(s: InlineSuppression, ruleId: string, family: string): boolean {
  return s.rules.length === 0 || s.rules.includes('*') || s.rules.includes(ruleId) || s.rules.includes(family);
}

/** The suppressions on `line` indexed once per file, so matching is linear in the findings. */
export function indexSuppressions(suppressions: InlineSuppression[]): Map<number, InlineSuppression[]> {
  const byLine = new Map<number, InlineSuppression[]>();
  for (const s of suppressions) {
    const list = byLine.get(s.line);
    if (list) list.push(s);
    else byLine.set(s.line, [s]);
  }
  return byLine;
}

export function suppressionFor(
  suppressions: InlineSuppression[] | Map<number, InlineSuppression[]>,
  line: number,
  ruleId: string,
  family: string,
): InlineSuppression | undefined {
  const candidates = suppressions instanceof Map ? (suppressions.get(line) ?? []) : suppressions.filter((s) => s.line === line);
  return candidates.find((s) => suppressionCovers(s, ruleId, family));
}
