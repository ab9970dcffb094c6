// Inline suppressions: `# enclint-disable-next-line <rule-id>[, <rule-id>] -- <reason>` (or `//`),
// and `enclint-disable-line` at the end of the flagged line. Like cdk-nag, every suppression should
// carry a reason: auditors read it. A suppression without one still applies but earns a notice.
import type { SourceFile } from './source';
import type { Notice, Span } from './types';

export interface InlineSuppression {
  /** Zero-based line the suppression covers. */
  line: number;
  /** Rule ids or families; `*` or none listed means every rule. */
  rules: string[];
  reason: string;
  span: Span;
}

const DIRECTIVE = /(?:#|\/\/|\/\*|<!--)\s*enclint-disable-(next-line|line)\b([^\r\n]*)/g;

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
      const reason = reasonParts.join(' -- ').trim();
      const rules = ruleText.split(/[\s,]+/).filter(Boolean);
      const line = file.lines.positionAt(start).line + (match[1] === 'next-line' ? 1 : 0);
      suppressions.push({ line, rules, reason, span });
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

export function suppressionFor(
  suppressions: InlineSuppression[],
  line: number,
  ruleId: string,
  family: string,
): InlineSuppression | undefined {
  return suppressions.find(
    (s) => s.line === line && (s.rules.length === 0 || s.rules.includes('*') || s.rules.includes(ruleId) || s.rules.includes(family)),
  );
}
