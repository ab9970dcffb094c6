// Writes a replacement list of strings (an action list) where another value stood, in the layout the
// surrounding code already uses: one item per line, indented like its neighbours, when the container
// can hold line breaks and the statement spans several lines; a one-line `["a", "b"]` otherwise.
// JSON arrays and HCL tuples of strings share this syntax, so one writer serves both.
import { indentUnit, indentationAt } from '../fix';
import type { SourceFile } from '../source';
import type { Span } from '../types';

export interface ListLayout {
  /** Encodes text for the container (escapes quotes inside a quoted HCL string). */
  encode(text: string): string;
  /** False inside a quoted HCL string, which cannot hold line breaks. */
  multiline: boolean;
}

export const PLAIN_LAYOUT: ListLayout = { encode: (text) => text, multiline: true };

/** The text of a list of string items that replaces `valueSpan`, laid out as described above. */
export function listText(file: SourceFile, valueSpan: Span, items: string[], layout: ListLayout, statementSpan?: Span): string {
  const quoted = items.map((item) => layout.encode(JSON.stringify(item)));
  const original = file.slice(valueSpan);
  const statementText = statementSpan ? file.slice(statementSpan) : original;
  const multiline = layout.multiline && /\n/.test(statementText);
  if (!multiline) return `[${quoted.join(', ')}]`;
  const closingIndent = indentationAt(file, valueSpan.start);
  // Keep the indentation of the items already there, when the original list had one per line.
  const firstItemLine = /\r?\n([ \t]*)\S/.exec(original);
  const itemIndent = firstItemLine && /^\s*\[/.test(original) ? firstItemLine[1] : closingIndent + indentUnit(file);
  const eol = file.eol;
  return `[${eol}${quoted.map((q) => itemIndent + q).join(`,${eol}`)}${eol}${closingIndent}]`;
}
