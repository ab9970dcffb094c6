// Edits on CloudFormation templates in the template's own syntax. YAML goes through yaml/edits (keeps
// indentation, flow/block and quoting); JSON insertions use the indentation and line breaks read from
// the file, so an inserted property looks like its neighbours and nothing else is re-printed.
import type { FormattingOptions } from 'jsonc-parser';
import { indentUnit } from '../fix';
import type { SourceFile } from '../source';
import type { TextEdit } from '../types';
import { pair, type DataNode, type MapNode, type SeqNode } from '../yaml/data';
import { listText, PLAIN_LAYOUT } from '../policy/list-writer';
import { fillEmptyYamlPair, insertYamlPath, replaceYamlList, replaceYamlValue, yamlKeyColumn, yamlString, yamlValueText } from '../yaml/edits';
import { jsonNodeOf } from '../yaml/from-json';
import { get } from '../yaml/data';
import type { CfnResource, CfnTemplate } from './model';

/** A construct spelled differently per syntax (`!Ref X` in YAML, `{"Ref": "X"}` in JSON). */
export class CfnRaw {
  constructor(
    readonly yaml: string,
    readonly json: unknown,
  ) {}
}

/** A value to write: a scalar or a syntax-specific construct. */
export type CfnValue = string | number | boolean | CfnRaw;

/** A mapping to write (a new resource, parameter or policy): keys to values, lists or nested mappings. */
export interface CfnMapping {
  [key: string]: CfnValue | CfnMapping | Array<CfnValue | CfnMapping>;
}

type CfnData = CfnValue | CfnMapping | Array<CfnValue | CfnMapping>;

function isScalarValue(value: CfnData): value is CfnValue {
  return typeof value !== 'object' || value instanceof CfnRaw;
}

export function refValue(name: string): CfnRaw {
  return new CfnRaw(`!Ref ${name}`, { Ref: name });
}

function jsonValue(value: CfnData): unknown {
  if (value instanceof CfnRaw) return value.json;
  if (Array.isArray(value)) return value.map(jsonValue);
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, jsonValue(v)]));
  return value;
}

/** Block-style YAML lines for a mapping, each line prefixed by `indent`, nested by `unit`. */
function yamlMappingLines(mapping: CfnMapping, indent: string, unit: string): string[] {
  const lines: string[] = [];
  for (const [key, value] of Object.entries(mapping)) {
    if (isScalarValue(value)) lines.push(`${indent}${yamlString(key)}: ${yamlValueText(value)}`);
    else if (Array.isArray(value)) lines.push(`${indent}${yamlString(key)}:`, ...yamlListLines(value, indent + unit, unit));
    else lines.push(`${indent}${yamlString(key)}:`, ...yamlMappingLines(value, indent + unit, unit));
  }
  return lines;
}

/** `- item` lines; a mapping item's first key follows the dash, the rest align under it. */
function yamlListLines(items: Array<CfnValue | CfnMapping>, indent: string, unit: string): string[] {
  const lines: string[] = [];
  for (const item of items) {
    if (isScalarValue(item)) {
      lines.push(`${indent}- ${yamlValueText(item)}`);
      continue;
    }
    const inner = yamlMappingLines(item, indent + '  ', unit);
    if (inner.length) inner[0] = `${indent}- ${inner[0].slice(indent.length + 2)}`;
    lines.push(...inner);
  }
  return lines;
}

export function jsonFormatting(file: SourceFile): FormattingOptions {
  const unit = indentUnit(file);
  return { insertSpaces: unit !== '\t', tabSize: unit === '\t' ? 4 : unit.length, eol: file.eol };
}

/** Replaces a value node (scalar, intrinsic or collection) by `value`; YAML strings keep their quoting. */
export function replaceValue(template: CfnTemplate, node: DataNode, value: CfnValue): TextEdit[] {
  if (template.document.syntax === 'json') {
    return [{ span: { ...node.span }, newText: JSON.stringify(jsonValue(value)) }];
  }
  return [replaceYamlValue(node, value)];
}

/**
 * Sets `path` under `map` to `value`: replaces the value when the path exists, otherwise inserts the
 * missing keys (as nested mappings) in the file's style.
 */
export function setPath(file: SourceFile, template: CfnTemplate, map: MapNode, path: string[], value: CfnValue): TextEdit[] {
  const existing = pair(map, path[0]);
  if (existing?.value && path.length === 1) return replaceValue(template, existing.value, value);
  if (existing?.value?.type === 'map' && path.length > 1) {
    if (existing.value.pairs.length === 0 && template.document.syntax === 'yaml' && !existing.value.flow) return [];
    return setPath(file, template, existing.value, path.slice(1), value);
  }
  if (existing && !existing.value && template.document.syntax === 'yaml' && path.length > 1) {
    return fillEmptyYamlPair(file, yamlKeyColumn(file, map) ?? 0, existing, path.slice(1), value);
  }
  if (existing && existing.value) return []; // the path runs into a scalar or a list: nothing sensible to insert
  if (template.document.syntax === 'json') {
    let nested: unknown = jsonValue(value);
    for (let i = path.length - 1; i >= 1; i--) nested = { [path[i]]: nested };
    return insertJsonProperty(file, map, path[0], nested);
  }
  return insertYamlPath(file, map, path, value);
}

/** Sets a property of a resource, creating `Properties` when the resource has none. */
export function setResourceProperty(file: SourceFile, template: CfnTemplate, resource: CfnResource, path: string[], value: CfnValue): TextEdit[] {
  if (resource.properties) return setPath(file, template, resource.properties, path, value);
  return setPath(file, template, resource.node, ['Properties', ...path], value);
}

/** Leading whitespace of the line holding `offset`, and whether only whitespace precedes the offset on it. */
function lineIndent(file: SourceFile, offset: number): { indent: string; startsLine: boolean } {
  const line = file.lines.positionAt(offset).line;
  const before = file.text.slice(file.lines.lineStart(line), offset);
  return { indent: /^[ \t]*/.exec(before)![0], startsLine: /^[ \t]*$/.test(before) };
}

/** `value` as JSON in the file's indentation, its continuation lines starting at `indent`. */
function jsonText(file: SourceFile, value: unknown, indent: string): string {
  const options = jsonFormatting(file);
  const unit = options.insertSpaces ? ' '.repeat(options.tabSize ?? 2) : '\t';
  return JSON.stringify(value, null, unit).split('\n').join(file.eol + indent);
}

/**
 * Adds `"key": value` as the last property of a JSON object. Unlike jsonc-parser's `modify()`, which
 * re-formats the neighbouring lines, this touches only the text it adds: a one-line object gets a
 * one-line property, a multi-line object a new line at its properties' indentation.
 */
function insertJsonProperty(file: SourceFile, object: MapNode, key: string, value: unknown): TextEdit[] {
  const last = object.pairs[object.pairs.length - 1];
  if (last) {
    const { indent, startsLine } = lineIndent(file, last.keySpan.start);
    const text = startsLine ? `,${file.eol}${indent}${JSON.stringify(key)}: ${jsonText(file, value, indent)}` : `, ${JSON.stringify(key)}: ${JSON.stringify(value)}`;
    return [{ span: { start: last.span.end, end: last.span.end }, newText: text }];
  }
  const origin = jsonNodeOf(object);
  if (!origin) return [];
  // `{}`: open it up onto its own lines, one step deeper than the line holding the brace.
  const { indent } = lineIndent(file, object.span.start);
  const options = jsonFormatting(file);
  const inner = indent + (options.insertSpaces ? ' '.repeat(options.tabSize ?? 2) : '\t');
  return [{ span: { start: object.span.start + 1, end: object.span.end - 1 }, newText: `${file.eol}${inner}${JSON.stringify(key)}: ${jsonText(file, value, inner)}${file.eol}${indent}` }];
}

function jsonTopLevel(file: SourceFile, template: CfnTemplate, section: string, key: string, value: unknown): TextEdit[] {
  const root = template.root;
  if (!root) return [];
  const existing = get(root, section);
  if (existing?.type === 'map') return insertJsonProperty(file, existing, key, value);
  if (existing) return [];
  return insertJsonProperty(file, root, section, { [key]: value });
}

/** The indentation step of a YAML template: how far a resource's keys sit from its logical id. */
function yamlTemplateUnit(file: SourceFile, template: CfnTemplate): string {
  const resource = template.resources.find((r) => r.node.pairs.length && !r.node.flow);
  if (resource) {
    const step = file.lines.positionAt(resource.node.pairs[0].keySpan.start).character - file.lines.positionAt(resource.pair.keySpan.start).character;
    if (step > 0) return ' '.repeat(step);
  }
  const unit = indentUnit(file);
  return unit === '\t' ? '  ' : unit;
}

/** Adds a resource right after `after` (YAML) or at the end of `Resources` (JSON). */
export function insertResourceAfter(file: SourceFile, template: CfnTemplate, after: CfnResource, logicalId: string, body: CfnMapping): TextEdit[] {
  if (template.document.syntax === 'json') return jsonTopLevel(file, template, 'Resources', logicalId, jsonValue(body));
  const resources = get(template.root, 'Resources');
  if (resources?.type !== 'map' || resources.flow) return [];
  const column = file.lines.positionAt(after.pair.keySpan.start).character;
  const indent = ' '.repeat(column);
  const unit = yamlTemplateUnit(file, template);
  const offset = endOfYamlNode(file, after.pair.span.end);
  const lines = [`${indent}${yamlString(logicalId)}:`, ...yamlMappingLines(body, indent + unit, unit)];
  return [{ span: { start: offset, end: offset }, newText: file.eol + lines.join(file.eol) }];
}

/** Declares a template parameter unless one of that name exists; creates `Parameters` when needed. */
export function ensureParameter(file: SourceFile, template: CfnTemplate, name: string, body: CfnMapping): TextEdit[] {
  if (template.parameters.has(name)) return [];
  if (template.document.syntax === 'json') return jsonTopLevel(file, template, 'Parameters', name, jsonValue(body));
  const unit = yamlTemplateUnit(file, template);
  const parameters = get(template.root, 'Parameters');
  if (parameters?.type === 'map' && !parameters.flow && parameters.pairs.length) {
    const last = parameters.pairs[parameters.pairs.length - 1];
    const column = file.lines.positionAt(parameters.pairs[0].keySpan.start).character;
    const indent = ' '.repeat(column);
    const offset = endOfYamlNode(file, last.span.end);
    return [{ span: { start: offset, end: offset }, newText: file.eol + [`${indent}${yamlString(name)}:`, ...yamlMappingLines(body, indent + unit, unit)].join(file.eol) }];
  }
  if (parameters) return [];
  // No Parameters section: add one just before Resources, at column 0 like every top-level key.
  const resourcesPair = template.root?.pairs.find((p) => p.key === 'Resources');
  if (!resourcesPair || template.root?.flow) return [];
  const lineStart = file.lines.lineStart(file.lines.positionAt(resourcesPair.keySpan.start).line);
  const lines = ['Parameters:', `${unit}${yamlString(name)}:`, ...yamlMappingLines(body, unit + unit, unit)];
  return [{ span: { start: lineStart, end: lineStart }, newText: lines.join(file.eol) + file.eol }];
}

function endOfYamlNode(file: SourceFile, end: number): number {
  let offset = end;
  while (offset > 0 && (file.text[offset - 1] === '\n' || file.text[offset - 1] === '\r')) offset--;
  return file.lines.lineEnd(file.lines.positionAt(offset).line);
}

/**
 * Adds a property whose value is a mapping (a whole KeyPolicy, say) to a resource, as a block in YAML
 * or pretty-printed JSON, creating `Properties` when the resource has none. Flow-style YAML resources
 * get no edit: a multi-line block cannot go inside `{ … }`.
 */
export function insertResourceBlock(file: SourceFile, template: CfnTemplate, resource: CfnResource, key: string, value: CfnMapping): TextEdit[] {
  if (pair(resource.properties, key)) return [];
  if (template.document.syntax === 'json') {
    if (resource.properties) return insertJsonProperty(file, resource.properties, key, jsonValue(value));
    if (resource.propertiesPair) return [];
    return insertJsonProperty(file, resource.node, 'Properties', { [key]: jsonValue(value) });
  }
  const unit = yamlTemplateUnit(file, template);
  const host = resource.properties ?? (resource.propertiesPair ? undefined : resource.node);
  if (!host || host.flow || !host.pairs.length) return [];
  const column = file.lines.positionAt(host.pairs[0].keySpan.start).character;
  const indent = ' '.repeat(column);
  const offset = endOfYamlNode(file, host.pairs[host.pairs.length - 1].span.end);
  const lines = resource.properties
    ? [`${indent}${yamlString(key)}:`, ...yamlMappingLines(value, indent + unit, unit)]
    : [`${indent}Properties:`, `${indent}${unit}${yamlString(key)}:`, ...yamlMappingLines(value, indent + unit + unit, unit)];
  return [{ span: { start: offset, end: offset }, newText: file.eol + lines.join(file.eol) }];
}

/** Replaces a list of strings in the template's syntax and layout (one item per line when it was). */
export function replaceStringList(file: SourceFile, template: CfnTemplate, list: SeqNode, items: string[]): TextEdit[] {
  if (template.document.syntax === 'json') return [{ span: { ...list.span }, newText: listText(file, list.span, items, PLAIN_LAYOUT) }];
  return [replaceYamlList(file, list, items)];
}
