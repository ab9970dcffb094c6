// Text edits on YAML that keep the author's style: new keys go under a mapping at the indentation its
// keys already use (also inside `- ` sequence items), flow mappings stay flow, replaced scalars keep
// their quoting. The document is never re-printed.
import { indentUnit } from '../fix';
import type { SourceFile } from '../source';
import type { TextEdit } from '../types';
import type { DataNode, MapNode, PairNode, ScalarNode, ScalarStyle, SeqNode } from './data';

/** A value to write: a plain JS scalar, rendered in the target's style, or text already in YAML syntax (`!Ref X`). */
export type YamlValue = string | number | boolean | { yaml: string };

const RESERVED_PLAIN = /^(true|false|yes|no|on|off|null|~|y|n)$/i;
const NUMBER_LIKE = /^[-+]?(\d[\d_]*(\.\d*)?([eE][-+]?\d+)?|\.\d+|0x[\da-fA-F]+|0o[0-7]+|\.inf|\.nan)$/i;

/** Whether a string can be written as a plain scalar and read back as the same string. */
function isSafePlain(text: string): boolean {
  if (!text || text !== text.trim()) return false;
  if (RESERVED_PLAIN.test(text) || NUMBER_LIKE.test(text)) return false;
  // YAML 1.1 readers (CloudFormation among them) take `2012-10-17` for a timestamp.
  if (/^\d{4}-\d\d?-\d\d?([Tt ]|$)/.test(text)) return false;
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(text)) return false;
  return !/: |:$| #|[\r\n\t]/.test(text);
}

/** Renders a string scalar, keeping `style` when it can represent the value. */
export function yamlString(text: string, style: ScalarStyle = 'plain'): string {
  if (style === 'double' || style === 'json') return JSON.stringify(text);
  if (style === 'single') return /[\r\n]/.test(text) ? JSON.stringify(text) : `'${text.replace(/'/g, "''")}'`;
  if (isSafePlain(text)) return text;
  return /[\r\n\\]/.test(text) ? JSON.stringify(text) : `'${text.replace(/'/g, "''")}'`;
}

export function yamlValueText(value: YamlValue, style: ScalarStyle = 'plain'): string {
  if (typeof value === 'object') return value.yaml;
  if (typeof value === 'string') return yamlString(value, style);
  return String(value);
}

/** Replaces a scalar (or any node) with a new value; strings keep the old scalar's quoting style. */
export function replaceYamlValue(node: DataNode, value: YamlValue): TextEdit {
  const style = node.type === 'scalar' && !node.tag && node.style !== 'block-literal' && node.style !== 'block-folded' ? node.style : 'plain';
  return { span: { ...node.span }, newText: yamlValueText(value, style) };
}

/** Column (in UTF-16 units) of an offset within its line. */
function columnOf(file: SourceFile, offset: number): number {
  return file.lines.positionAt(offset).character;
}

/** The offset after which a new line may be inserted below `node`: the end of its last line, past any trailing comment. */
function endOfLastLine(file: SourceFile, end: number): number {
  let offset = end;
  // Block scalars' ranges swallow their trailing line break; step back onto their last line.
  while (offset > 0 && (file.text[offset - 1] === '\n' || file.text[offset - 1] === '\r')) offset--;
  return file.lines.lineEnd(file.lines.positionAt(offset).line);
}

/** Builds `key: value` lines for a path of keys, nested with `unit`, starting at `indent` (first line unindented). */
function nestedBlock(path: string[], value: YamlValue, indent: string, unit: string, eol: string): string {
  const lines: string[] = [];
  path.forEach((key, i) => {
    const pad = i === 0 ? '' : indent + unit.repeat(i);
    lines.push(i === path.length - 1 ? `${pad}${yamlString(key)}: ${yamlValueText(value)}` : `${pad}${yamlString(key)}:`);
  });
  return lines.join(eol);
}

function nestedFlow(path: string[], value: YamlValue): string {
  let text = yamlValueText(value);
  for (let i = path.length - 1; i >= 1; i--) text = `{ ${yamlString(path[i])}: ${text} }`;
  return `${yamlString(path[0])}: ${text}`;
}

/**
 * Adds `path[0]: { path[1]: … value }` to a mapping, nesting missing intermediate keys as block
 * mappings. `map` must not already hold `path[0]`.
 */
export function insertYamlPath(file: SourceFile, map: MapNode, path: string[], value: YamlValue): TextEdit[] {
  const eol = file.eol;
  if (map.flow) {
    const text = nestedFlow(path, value);
    const last = map.pairs[map.pairs.length - 1];
    if (last) return [{ span: { start: last.span.end, end: last.span.end }, newText: `, ${text}` }];
    // `{}` (or `{ }`): write inside the braces.
    const close = file.text.lastIndexOf('}', map.span.end);
    const open = file.text.indexOf('{', map.span.start);
    if (open < 0 || close < 0) return [];
    return [{ span: { start: open + 1, end: close }, newText: ` ${text} ` }];
  }
  const first = map.pairs[0];
  const last = map.pairs[map.pairs.length - 1];
  if (!first || !last) return [];
  const column = columnOf(file, first.keySpan.start);
  const indent = ' '.repeat(column);
  const unit = childUnit(file, map);
  const offset = endOfLastLine(file, last.span.end);
  return [{ span: { start: offset, end: offset }, newText: eol + indent + nestedBlock(path, value, indent, unit, eol) }];
}

/**
 * Gives a key that has no value (`Properties:` with nothing under it) a nested mapping.
 */
export function fillEmptyYamlPair(file: SourceFile, parentIndentColumn: number, pairNode: PairNode, path: string[], value: YamlValue): TextEdit[] {
  const unit = indentUnit(file);
  const indent = ' '.repeat(parentIndentColumn) + unit;
  const offset = endOfLastLine(file, pairNode.keySpan.end);
  return [{ span: { start: offset, end: offset }, newText: file.eol + indent + nestedBlock(path, value, indent, unit, file.eol) }];
}

/** The indentation step used below this mapping's keys: from a nested block mapping if there is one, else the file's unit. */
function childUnit(file: SourceFile, map: MapNode): string {
  for (const p of map.pairs) {
    if (p.value?.type === 'map' && !p.value.flow && p.value.pairs.length) {
      const step = columnOf(file, p.value.pairs[0].keySpan.start) - columnOf(file, p.keySpan.start);
      if (step > 0) return ' '.repeat(step);
    }
  }
  const unit = indentUnit(file);
  return unit === '\t' ? '  ' : unit;
}

/** Column of a mapping's keys (where a sibling key would be written). */
export function yamlKeyColumn(file: SourceFile, map: MapNode): number | undefined {
  const first = map.pairs[0];
  return first ? columnOf(file, first.keySpan.start) : undefined;
}

export function isScalarNode(node: DataNode | undefined): node is ScalarNode {
  return node?.type === 'scalar';
}

/** Replaces a list of strings: a block list stays a block list at its items' indentation, a flow list stays flow. */
export function replaceYamlList(file: SourceFile, list: SeqNode, items: string[]): TextEdit {
  if (list.flow || !list.items.length) return { span: { ...list.span }, newText: `[${items.map((i) => yamlString(i)).join(', ')}]` };
  const indent = ' '.repeat(columnOf(file, list.span.start));
  return { span: { ...list.span }, newText: items.map((item, i) => `${i ? indent : ''}- ${yamlString(item)}`).join(file.eol) };
}
