// Code actions: the rule's fixes as quick fixes, "suppress on this line", and `source.fixAll.enclint`
// (every safe fix in the file; what `editor.codeActionsOnSave` runs).
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit as LspTextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, SourceKind, TextEdit } from '../engine/types';
import type { DocumentAnalysis } from './analysis';
import { sameFinding, SOURCE } from './diagnostics';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.enclint`;

export function toLspEdits(document: TextDocument, edits: TextEdit[]): LspTextEdit[] {
  return edits.map((edit) => ({ range: { start: document.positionAt(edit.span.start), end: document.positionAt(edit.span.end) }, newText: edit.newText }));
}

/** Whether the client asked for this kind (`only: ['source.fixAll']` includes `source.fixAll.enclint`). */
export function kindRequested(kind: string, only: string[] | undefined): boolean {
  if (!only || only.length === 0) return true;
  return only.some((wanted) => kind === wanted || kind.startsWith(`${wanted}.`));
}

/** Line-comment syntax for a suppression; plain JSON has none. */
export function commentPrefix(kind: SourceKind | undefined, languageId: string): string | undefined {
  switch (kind) {
    case 'terraform':
    case 'terraform-vars':
    case 'yaml':
    case 'cloudformation-yaml':
    case 'python':
    case 'dotenv':
      return '#';
    case 'typescript':
    case 'javascript':
    case 'go':
    case 'java':
      return '//';
    case 'json':
    case 'cloudformation-json':
      return languageId === 'jsonc' ? '//' : undefined;
    default:
      return undefined;
  }
}

export const REASON_PLACEHOLDER = '<reason>';

function lineText(document: TextDocument, line: number): string {
  if (line < 0) return '';
  const text = document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
  return text.replace(/\r?\n$/, '');
}

/**
 * Inserts `# enclint-disable-next-line <id> -- <reason>` above the finding, indented like its line.
 * When the line above already holds a next-line directive (for another rule), a new line in between
 * would detach it, so the suppression goes at the end of the flagged line instead (`enclint-disable-line`).
 */
export function suppressionEdit(document: TextDocument, finding: Finding, prefix: string): LspTextEdit {
  // Inside a heredoc policy the comment goes above the attribute that holds it (see anchorLine).
  const line = finding.anchorLine ?? finding.range.start.line;
  const current = lineText(document, line);
  // (Never at the end of an anchor line: that is the `<<EOF` opener of the heredoc holding the finding.)
  if (finding.anchorLine === undefined && /enclint-disable-next-line/.test(lineText(document, line - 1))) {
    const end = { line, character: current.length };
    return { range: { start: end, end }, newText: `  ${prefix} enclint-disable-line ${finding.ruleId} -- ${REASON_PLACEHOLDER}` };
  }
  const indent = /^[ \t]*/.exec(current)?.[0] ?? '';
  const text = document.getText();
  const firstBreak = text.indexOf('\n');
  const eol = firstBreak > 0 && text.charCodeAt(firstBreak - 1) === 13 ? '\r\n' : '\n';
  return {
    range: { start: { line, character: 0 }, end: { line, character: 0 } },
    newText: `${indent}${prefix} enclint-disable-next-line ${finding.ruleId} -- ${REASON_PLACEHOLDER}${eol}`,
  };
}

export interface CodeActionInput {
  params: CodeActionParams;
  document: TextDocument;
  languageId: string;
  analysis: DocumentAnalysis;
  /** Computes the fix-all edits lazily (only when the client asks for source actions). */
  fixAll(): LspTextEdit[];
}

export function codeActions({ params, document, languageId, analysis, fixAll }: CodeActionInput): CodeAction[] {
  const uri = params.textDocument.uri;
  const only = params.context.only;
  const actions: CodeAction[] = [];
  const findings = analysis.result.findings.filter((f) => !f.suppression);

  if (kindRequested(CodeActionKind.QuickFix, only)) {
    const prefix = commentPrefix(analysis.result.kind, languageId);
    const suppressions: CodeAction[] = [];
    for (const diagnostic of params.context.diagnostics ?? []) {
      // Some clients drop `source` when they hand diagnostics back; the rule code still identifies ours.
      if (diagnostic.source !== undefined && diagnostic.source !== SOURCE) continue;
      const finding = findings.find((f) => f.ruleId === diagnostic.code && sameFinding(f, diagnostic.data, diagnostic.range));
      if (!finding) continue;
      for (const fix of finding.fixes) {
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: fix.preferred === true || (finding.fixes.length === 1 && fix.safe),
          edit: { changes: { [uri]: toLspEdits(document, fix.edits) } },
        });
      }
      if (prefix && !suppressions.some((s) => s.title === suppressTitle(finding) && sameLine(s.diagnostics?.[0], diagnostic))) {
        suppressions.push({
          title: suppressTitle(finding),
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          edit: { changes: { [uri]: [suppressionEdit(document, finding, prefix)] } },
        });
      }
    }
    actions.push(...suppressions);
  }

  // Asked for explicitly (on save, or the source-action menu), or offered in the lightbulb when there is something to fix.
  const wantsFixAll = only ? kindRequested(FIX_ALL_KIND, only) : findings.some((f) => f.fixes.some((x) => x.safe));
  if (wantsFixAll) {
    const edits = fixAll();
    if (edits.length) actions.push({ title: 'Fix all safe enclint problems', kind: FIX_ALL_KIND, edit: { changes: { [uri]: edits } } });
  }
  return actions;
}

function suppressTitle(finding: Finding): string {
  return `Suppress ${finding.ruleId} on this line`;
}

function sameLine(a: Diagnostic | undefined, b: Diagnostic): boolean {
  return !!a && a.range.start.line === b.range.start.line;
}

/** One edit replacing only the region that differs, so the cursor and undo history stay sensible. */
export function minimalEdit(document: TextDocument, next: string): LspTextEdit[] {
  const current = document.getText();
  if (current === next) return [];
  let start = 0;
  const limit = Math.min(current.length, next.length);
  while (start < limit && current.charCodeAt(start) === next.charCodeAt(start)) start++;
  let endCurrent = current.length;
  let endNext = next.length;
  while (endCurrent > start && endNext > start && current.charCodeAt(endCurrent - 1) === next.charCodeAt(endNext - 1)) {
    endCurrent--;
    endNext--;
  }
  return [{ range: { start: document.positionAt(start), end: document.positionAt(endCurrent) }, newText: next.slice(start, endNext) }];
}
