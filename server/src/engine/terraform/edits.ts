// Terraform-aware edits: add or change an attribute, or add a nested block, the way `terraform fmt`
// would lay it out — the block's indentation, `=` aligned with the neighbouring attributes, the file's
// line endings — so a fix never leaves a diff the user has to clean up.
import { endOfLine, indentSnippet, indentUnit, indentationAt, insertAt, replace } from '../fix';
import type { SourceFile } from '../source';
import type { TextEdit } from '../types';
import { attr, type TfAttribute, type TfBlock } from './model';

/** Indentation of the block's body: that of its first child, else the block's own plus one unit. */
export function bodyIndent(block: TfBlock): string {
  const file = block.file;
  const firstChild = [...block.attributes.map((a) => a.span.start), ...block.blocks.map((b) => b.span.start)].sort((a, b) => a - b)[0];
  if (firstChild !== undefined && onDifferentLines(file, block.bodyStart, firstChild)) return indentationAt(file, firstChild);
  return indentationAt(file, block.span.start) + indentUnit(file);
}

function onDifferentLines(file: SourceFile, a: number, b: number): boolean {
  return file.lines.positionAt(a).line !== file.lines.positionAt(b).line;
}

/** The run of single-line attributes that ends with `last`, as `terraform fmt` groups them for alignment. */
function alignmentGroup(block: TfBlock, last: TfAttribute): TfAttribute[] {
  const file = block.file;
  const single = block.attributes.filter((a) => !onDifferentLines(file, a.span.start, a.span.end));
  const group: TfAttribute[] = [];
  let expectedLine = file.lines.positionAt(last.span.start).line;
  for (let i = single.indexOf(last); i >= 0; i--) {
    const line = file.lines.positionAt(single[i].span.start).line;
    if (line !== expectedLine) break;
    group.unshift(single[i]);
    expectedLine--;
  }
  return group;
}

/** Column of `=` in an attribute's line, measured from the name's start. */
function equalsColumn(attribute: TfAttribute): number {
  const text = attribute.file.text.slice(attribute.nameSpan.start, attribute.span.end);
  return text.indexOf('=');
}

/**
 * Inserts `name = value` as the block's last attribute. `valueText` is HCL source; a multi-line value
 * is re-indented to the block. Returns several edits when the neighbours must be realigned.
 */
export function insertAttribute(block: TfBlock, name: string, valueText: string): TextEdit[] {
  const file = block.file;
  const eol = file.eol;
  const indent = bodyIndent(block);
  const value = indentSnippet(valueText, indent, eol, indentUnit(file));
  const last = block.attributes[block.attributes.length - 1];

  if (block.bodyEnd !== undefined && !onDifferentLines(file, block.bodyStart, block.bodyEnd)) {
    // One-line block (`{}` or `{ a = 1 }`): open it up onto separate lines.
    const inner = file.text.slice(block.bodyStart, block.bodyEnd).trim();
    const outer = indentationAt(file, block.span.start);
    const lines = [...(inner ? [indent + inner] : []), `${indent}${name} = ${value}`];
    return [replace({ start: block.bodyStart, end: block.bodyEnd }, eol + lines.join(eol) + eol + outer)];
  }

  if (!last) {
    return [insertAt(endOfLine(file, block.bodyStart), `${eol}${indent}${name} = ${value}`)];
  }

  // terraform fmt puts every `=` of a run of single-line attributes one space after the longest name.
  // When the run is laid out that way already (a lone attribute trivially is), keep it so: pad the new
  // attribute, or realign the run to a longer new name. Hand-formatted runs are left as they are.
  const group = alignmentGroup(block, last);
  const longest = Math.max(...group.map((a) => a.name.length));
  const fmtLaidOut = group.length > 0 && group.every((a) => equalsColumn(a) === longest + 1);
  const edits: TextEdit[] = [];
  let padding = ' ';
  if (fmtLaidOut) {
    const column = Math.max(longest, name.length) + 1;
    padding = ' '.repeat(column - name.length);
    if (column !== longest + 1) {
      for (const a of group) {
        edits.push(replace({ start: a.nameSpan.end, end: a.nameSpan.start + equalsColumn(a) }, ' '.repeat(column - a.name.length)));
      }
    }
  }
  edits.push(insertAt(endOfLine(file, last.span.end), `${eol}${indent}${name}${padding}= ${value}`));
  return edits;
}

/** Sets an attribute: replaces its value when present, else inserts it. */
export function setAttribute(block: TfBlock, name: string, valueText: string): TextEdit[] {
  const existing = attr(block, name);
  if (existing) return [replace(existing.value.span, valueText)];
  return insertAttribute(block, name, valueText);
}

/**
 * Appends a nested block (e.g. `rotation_policy { … }`) at the end of the body. `blockText` uses `\n`
 * and two-space indentation; it is re-indented to the block and the file's line endings.
 */
export function insertNestedBlock(block: TfBlock, blockText: string): TextEdit[] {
  const file = block.file;
  const eol = file.eol;
  const indent = bodyIndent(block);
  const text = indentSnippet(blockText.replace(/\n+$/, ''), indent, eol, indentUnit(file));
  const lastChild = [...block.attributes.map((a) => a.span.end), ...block.blocks.map((b) => b.span.end)].sort((a, b) => b - a)[0];
  if (block.bodyEnd !== undefined && !onDifferentLines(file, block.bodyStart, block.bodyEnd)) {
    const inner = file.text.slice(block.bodyStart, block.bodyEnd).trim();
    const outer = indentationAt(file, block.span.start);
    return [replace({ start: block.bodyStart, end: block.bodyEnd }, eol + (inner ? indent + inner + eol + eol : '') + indent + text + eol + outer)];
  }
  const anchor = lastChild ?? block.bodyStart;
  const separator = lastChild === undefined ? '' : eol;
  return [insertAt(endOfLine(file, anchor), `${eol}${separator}${indent}${text}`)];
}

/** Inserts a top-level block (e.g. a `variable`) after `after`, separated by a blank line. */
export function insertTopLevelBlockAfter(after: TfBlock, blockText: string): TextEdit {
  const file = after.file;
  const eol = file.eol;
  const text = indentSnippet(blockText.replace(/\n+$/, ''), '', eol, indentUnit(file));
  return insertAt(endOfLine(file, after.span.end), `${eol}${eol}${text}`);
}

/** The top-level block that contains a nested block or attribute. */
export function topLevelBlock(block: TfBlock): TfBlock {
  let current = block;
  while (current.parent) current = current.parent;
  return current;
}
