// Edits to TypeScript/JavaScript object literals that keep the file's formatting: a property goes in
// with the indentation of its siblings, a trailing comma appears only if the file already uses them,
// single-line objects stay on one line, and a construct without props gets a props object.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { indentUnit, indentationAt, insertAt, replace } from '../fix';
import type { SourceFile } from '../source';
import type { TextEdit } from '../types';
import { spanOf, type Node } from './nodes';
import { properties, type ObjectLiteral } from './objects';

/** A valid property key: bare identifier when possible, else quoted. */
function keyText(name: string, quote: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : `${quote}${name}${quote}`;
}

function isMultiLine(file: SourceFile, node: { range: [number, number] }): boolean {
  return /[\r\n]/.test(file.text.slice(node.range[0], node.range[1]));
}

/** Offset just past a `,` that follows `offset` (skipping spaces/comments-free whitespace), or -1. */
function commaAfter(file: SourceFile, offset: number, limit: number): number {
  let i = offset;
  while (i < limit && /\s/.test(file.text[i])) i++;
  return file.text[i] === ',' ? i + 1 : -1;
}

/** Inserts `name: valueText` into an object literal. */
export function insertProperty(file: SourceFile, object: ObjectLiteral, name: string, valueText: string): TextEdit[] {
  const entry = `${keyText(name, "'")}: ${valueText}`;
  const members = object.properties;
  const closing = object.range[1] - 1; // the `}`
  if (members.length === 0) {
    const inner = file.text.slice(object.range[0] + 1, closing);
    if (!/[\r\n]/.test(inner)) return [replace({ start: object.range[0], end: object.range[1] }, `{ ${entry} }`)];
    const indent = indentationAt(file, object.range[0]);
    return [replace({ start: object.range[0] + 1, end: closing }, `${file.eol}${indent}${indentUnit(file)}${entry}${file.eol}${indent}`)];
  }
  const last = members[members.length - 1];
  const trailingComma = commaAfter(file, last.range[1], closing);
  if (!isMultiLine(file, object)) {
    if (trailingComma >= 0) return [insertAt(trailingComma, ` ${entry},`)];
    return [insertAt(last.range[1], `, ${entry}`)];
  }
  // Multi-line: a new line under the last member, with its indentation.
  const indent = indentationAt(file, last.range[0]);
  if (trailingComma >= 0) return [insertAt(trailingComma, `${file.eol}${indent}${entry},`)];
  return [insertAt(last.range[1], `,${file.eol}${indent}${entry}`)];
}

/**
 * Gives `new X(scope, id)` a props object: `new X(scope, id, { name: value })`. `minArgs` is the
 * position of the props argument (2 for constructs).
 */
export function addPropsArgument(file: SourceFile, call: TSESTree.NewExpression | TSESTree.CallExpression, name: string, valueText: string): TextEdit[] | undefined {
  const args = call.arguments;
  if (args.length === 0) return undefined;
  const last = args[args.length - 1];
  const props = `{ ${keyText(name, "'")}: ${valueText} }`;
  const closing = call.range[1] - 1;
  const trailingComma = commaAfter(file, last.range[1], closing);
  if (trailingComma >= 0) {
    if (isMultiLine(file, call)) return [insertAt(trailingComma, `${file.eol}${indentationAt(file, last.range[0])}${props},`)];
    return [insertAt(trailingComma, ` ${props},`)];
  }
  return [insertAt(last.range[1], `, ${props}`)];
}

/** Replaces a property's value, keeping the key (expands `{ rotate }` shorthand to `rotate: value`). */
export function setPropertyValue(file: SourceFile, property: TSESTree.Property, valueText: string): TextEdit[] {
  if (property.shorthand) return [replace(spanOf(property), `${file.slice(spanOf(property.key))}: ${valueText}`)];
  return [replace(spanOf(property.value as Node), valueText)];
}

/** Removes a property with its separating comma and, when it sits on its own line, the whole line. */
export function removeProperty(file: SourceFile, object: ObjectLiteral, property: TSESTree.Property): TextEdit[] {
  const members = object.properties;
  const index = members.indexOf(property);
  const closing = object.range[1] - 1;
  let start = property.range[0];
  let end = property.range[1];
  const comma = commaAfter(file, end, closing);
  if (comma >= 0) end = comma;
  else if (index > 0) {
    // Last member without a trailing comma: take the comma before it instead.
    const previousEnd = members[index - 1].range[1];
    const before = commaAfter(file, previousEnd, start);
    if (before >= 0) start = previousEnd;
  }
  // Whole line when nothing else shares it.
  const lineStart = file.lines.lineStart(file.lines.positionAt(start).line);
  const lineEndIndex = file.lines.positionAt(end).line;
  const lineEnd = file.lines.lineEnd(lineEndIndex);
  if (/^\s*$/.test(file.text.slice(lineStart, start)) && /^\s*$/.test(file.text.slice(end, lineEnd)) && properties(object).length > 1 && isMultiLine(file, object)) {
    const nextLine = lineEndIndex + 1 < file.lines.lineCount ? file.lines.lineStart(lineEndIndex + 1) : lineEnd;
    return [replace({ start: lineStart, end: nextLine }, '')];
  }
  if (members.length === 1) return [replace({ start: object.range[0], end: object.range[1] }, '{}')];
  let removeEnd = end;
  while (removeEnd < closing && file.text[removeEnd] === ' ') removeEnd++;
  if (removeEnd === closing) removeEnd = end;
  return [replace({ start, end: removeEnd }, '')];
}
