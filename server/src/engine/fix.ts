// Text-edit helpers shared by every source kind. Fixes are edits on exact spans of the original
// text — the file is never re-printed, so the user's formatting survives everything we do not touch.
import type { SourceFile } from './source';
import type { Fix, Span, TextEdit } from './types';

export function replace(span: Span, newText: string): TextEdit {
  return { span: { start: span.start, end: span.end }, newText };
}

export function insertAt(offset: number, newText: string): TextEdit {
  return { span: { start: offset, end: offset }, newText };
}

export function fix(title: string, edits: TextEdit[], options: { safe?: boolean; preferred?: boolean } = {}): Fix {
  return { title, edits, safe: options.safe ?? true, preferred: options.preferred };
}

/** Whether two edits touch the same text (two insertions at one offset do not conflict). */
function overlaps(a: TextEdit, b: TextEdit): boolean {
  return a.span.start < b.span.end && b.span.start < a.span.end;
}

/**
 * Applies edits to text. Edits must not overlap; they are applied from the end so earlier spans stay
 * valid. Throws on overlap, which is a bug in a rule (the engine's fix-all skips such fixes instead).
 */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  for (let i = 1; i < sorted.length; i++) {
    if (overlaps(sorted[i - 1], sorted[i])) throw new Error('enclint: overlapping edits');
  }
  let result = text;
  for (let i = sorted.length - 1; i >= 0; i--) {
    const { span, newText } = sorted[i];
    result = result.slice(0, span.start) + newText + result.slice(span.end);
  }
  return result;
}

/**
 * Chooses the fixes "fix all" applies: each finding's preferred safe fix, skipping any whose edits
 * overlap one already chosen (the next run of the fixer picks it up; see `fixAllText`).
 */
export function selectNonOverlappingFixes(fixes: Fix[]): Fix[] {
  const taken: TextEdit[] = [];
  const chosen: Fix[] = [];
  for (const candidate of fixes) {
    const clashes = candidate.edits.some((edit) =>
      taken.some((other) => overlaps(edit, other) || (edit.span.start === other.span.start && (edit.span.start === edit.span.end || other.span.start === other.span.end))),
    );
    if (clashes) continue;
    taken.push(...candidate.edits);
    chosen.push(candidate);
  }
  return chosen;
}

/** Leading whitespace of the line containing `offset`. */
export function indentationAt(file: SourceFile, offset: number): string {
  const line = file.lines.positionAt(offset).line;
  return /^[ \t]*/.exec(file.lines.lineText(line))![0];
}

/** The file's indentation unit: the first indented line's whitespace, else two spaces. */
export function indentUnit(file: SourceFile): string {
  return file.cached('indent-unit', () => {
    const match = /^(?:[^\S\r\n]*\S[^\r\n]*\r?\n)+?([ \t]+)\S/m.exec(file.text);
    const found = match?.[1];
    if (!found) return '  ';
    return found.startsWith('\t') ? '\t' : found.length >= 4 && found.length % 4 === 0 ? '    ' : '  ';
  });
}

/** Re-indents a multi-line snippet written with `\n` and two-space steps to the target indentation and line ending. */
export function indentSnippet(snippet: string, indent: string, eol: string, unit = '  '): string {
  return snippet
    .split('\n')
    .map((line, i) => {
      if (!line) return line;
      const steps = /^( {2})*/.exec(line)![0].length / 2;
      const body = line.slice(steps * 2);
      return (i === 0 ? '' : indent) + unit.repeat(steps) + body;
    })
    .join(eol);
}

/** Offset of the end of the line containing `offset` (before its line break). */
export function endOfLine(file: SourceFile, offset: number): number {
  return file.lines.lineEnd(file.lines.positionAt(offset).line);
}

/** Masks a secret for display: keeps a short prefix that helps locate it, hides the rest. */
export function maskSecret(secret: string): string {
  const trimmed = secret.trim();
  if (trimmed.length <= 4) return '*'.repeat(Math.max(trimmed.length, 3));
  const visible = trimmed.length >= 16 ? 4 : trimmed.length >= 8 ? 2 : 1;
  return trimmed.slice(0, visible) + '*'.repeat(Math.min(trimmed.length - visible, 12));
}
