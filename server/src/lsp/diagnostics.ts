// Findings and notices as LSP diagnostics: `code` is the rule id and links to the rule's docs,
// related locations point at where a value came from (a variable default in another file).
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver';
import { docsUrl } from '../../../rules/define';
import { SourceFile, type LineIndex } from '../engine/source';
import { FILE_SCOPE, findSuppressions } from '../engine/suppress';
import type { AnalysisResult, Finding, Notice, Range, Severity } from '../engine/types';
import { pathToUri } from './uri';

export const SOURCE = 'enclint';

/** What a diagnostic carries back to us in code-action requests. */
export interface DiagnosticData {
  ruleId: string;
  fingerprint: string;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export interface DiagnosticContext {
  /** The document's own URI (related locations in the same file use it). */
  uri: string;
  /** The analysed text, to find suppression comments that no longer suppress anything. */
  text?: string;
  /** Line indexes of other files, to place related locations that only carry offsets. */
  linesOf(path: string): LineIndex | undefined;
}

export function toDiagnostics(result: AnalysisResult, context: DiagnosticContext): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  // Suppressed findings are the user's decision; like ESLint, the editor stays quiet about them.
  for (const finding of result.findings) if (!finding.suppression) diagnostics.push(findingDiagnostic(finding, context));
  for (const notice of result.notices) diagnostics.push(noticeDiagnostic(notice));
  if (context.text !== undefined) diagnostics.push(...unusedSuppressions(result, context.text));
  return diagnostics;
}

/**
 * `enclint-disable-next-line` comments whose line has no matching finding any more (the code was
 * fixed, or the rule renamed): shown faded, like an unused variable, so they get cleaned up rather
 * than silently hiding the next real problem on that line.
 */
function unusedSuppressions(result: AnalysisResult, text: string): Diagnostic[] {
  if (!text.includes('enclint-disable')) return [];
  const file = new SourceFile({ path: result.path, text, kind: result.kind });
  const suppressed = result.findings.filter((f) => f.suppression);
  const unused: Diagnostic[] = [];
  for (const s of findSuppressions(file).suppressions) {
    const used = suppressed.some(
      (f) => (s.line === FILE_SCOPE || f.range.start.line === s.line || f.anchorLine === s.line) && (s.rules.length === 0 || s.rules.includes('*') || s.rules.includes(f.ruleId) || s.rules.includes(f.family)),
    );
    if (used) continue;
    unused.push({
      range: file.lines.rangeOf(s.span),
      severity: DiagnosticSeverity.Hint,
      code: 'unused-suppression',
      source: SOURCE,
      message: `This enclint suppression (${s.rules.join(', ') || 'all rules'}) no longer matches any finding ${s.line === FILE_SCOPE ? 'in this file' : 'on its line'}; remove it`,
      tags: [DiagnosticTag.Unnecessary],
    });
  }
  return unused;
}

function findingDiagnostic(finding: Finding, context: DiagnosticContext): Diagnostic {
  const relatedInformation: DiagnosticRelatedInformation[] = [];
  for (const related of finding.related) {
    const inOtherFile = related.path !== undefined && related.path !== finding.path;
    const range = related.range ?? (inOtherFile ? context.linesOf(related.path!)?.rangeOf(related.span) : undefined);
    if (!range) continue;
    relatedInformation.push({ message: related.message, location: { uri: inOtherFile ? pathToUri(related.path!) : context.uri, range } });
  }
  const data: DiagnosticData = { ruleId: finding.ruleId, fingerprint: finding.fingerprint };
  return {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    codeDescription: { href: docsUrl(finding.ruleId) },
    source: SOURCE,
    message: finding.message,
    ...(relatedInformation.length ? { relatedInformation } : {}),
    data,
  };
}

const ORIGIN: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function noticeDiagnostic(notice: Notice): Diagnostic {
  const withoutReason = notice.message.startsWith('enclint suppression without a reason');
  return {
    range: notice.range ?? ORIGIN,
    severity: notice.level === 'error' ? DiagnosticSeverity.Error : notice.level === 'warning' ? DiagnosticSeverity.Warning : DiagnosticSeverity.Information,
    code: notice.kind,
    source: SOURCE,
    message: notice.message,
    // A file we skipped entirely is greyed out rather than shown as broken.
    ...(notice.kind === 'skipped' ? { tags: [DiagnosticTag.Unnecessary] } : {}),
    ...(withoutReason ? { code: 'suppression-without-reason' } : {}),
  };
}

/** The same diagnostic the editor shows, found again among the latest findings. */
export function sameFinding(finding: Finding, data: unknown, range: Range): boolean {
  const d = data as Partial<DiagnosticData> | undefined;
  if (d && d.fingerprint) return d.fingerprint === finding.fingerprint;
  return (
    finding.range.start.line === range.start.line &&
    finding.range.start.character === range.start.character &&
    finding.range.end.line === range.end.line &&
    finding.range.end.character === range.end.character
  );
}
