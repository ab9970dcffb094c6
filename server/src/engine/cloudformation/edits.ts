// Edits on CloudFormation templates in the template's own syntax. YAML goes through yaml/edits (keeps
// indentation, flow/block and quoting); JSON goes through jsonc-parser's `modify()` with formatting
// options read from the file, so an inserted property looks like its neighbours.
import { getNodePath, modify, type FormattingOptions } from 'jsonc-parser';
import { indentUnit } from '../fix';
import type { SourceFile } from '../source';
import type { TextEdit } from '../types';
import { pair, type DataNode, type MapNode } from '../yaml/data';
import { fillEmptyYamlPair, insertYamlPath, replaceYamlValue, yamlKeyColumn } from '../yaml/edits';
import { jsonNodeOf } from '../yaml/from-json';
import type { CfnResource, CfnTemplate } from './model';

/** A value to write: a scalar, or a construct spelled per syntax (`!Ref X` / `{"Ref": "X"}`). */
export type CfnValue = string | number | boolean | { yaml: string; json: unknown };

export function refValue(name: string): CfnValue {
  return { yaml: `!Ref ${name}`, json: { Ref: name } };
}

function jsonValue(value: CfnValue): unknown {
  return typeof value === 'object' ? value.json : value;
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
    const origin = jsonNodeOf(map);
    if (!origin) return [];
    return modify(file.text, [...getNodePath(origin), ...path], jsonValue(value), { formattingOptions: jsonFormatting(file) }).map((e) => ({
      span: { start: e.offset, end: e.offset + e.length },
      newText: e.content,
    }));
  }
  return insertYamlPath(file, map, path, value);
}

/** Sets a property of a resource, creating `Properties` when the resource has none. */
export function setResourceProperty(file: SourceFile, template: CfnTemplate, resource: CfnResource, path: string[], value: CfnValue): TextEdit[] {
  if (resource.properties) return setPath(file, template, resource.properties, path, value);
  return setPath(file, template, resource.node, ['Properties', ...path], value);
}
