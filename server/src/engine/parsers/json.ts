// JSON parsing with positions (jsonc-parser): tolerant of comments and trailing commas, as editors
// are, and it keeps going past errors so a half-typed policy still gets checked.
import { getNodeValue, parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import type { SourceFile } from '../source';
import type { Notice } from '../types';

export type { JsonNode };

export interface ParsedJson {
  root: JsonNode | undefined;
  errors: ParseError[];
}

export function parseJsonText(text: string): ParsedJson {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
  return { root, errors };
}

/** The file's JSON tree, parsed once per file. */
export function jsonTree(file: SourceFile): ParsedJson {
  return file.cached('json-tree', () => parseJsonText(file.text));
}

export function jsonSyntaxNotices(file: SourceFile): Notice[] {
  const { errors } = jsonTree(file);
  if (!errors.length) return [];
  const first = errors[0];
  return [
    {
      path: file.path,
      level: 'warning',
      kind: 'parse-error',
      span: { start: first.offset, end: first.offset + first.length },
      message: `could not parse JSON (${printParseErrorCode(first.error)}${errors.length > 1 ? ` and ${errors.length - 1} more error(s)` : ''}); findings may be incomplete`,
    },
  ];
}

/** Child of an object node by property name. */
export function property(node: JsonNode | undefined, key: string): JsonNode | undefined {
  if (!node || node.type !== 'object') return undefined;
  const pair = node.children?.find((p) => p.children?.[0]?.value === key);
  return pair?.children?.[1];
}

/** The `"key": value` property node itself (for spans covering key and value). */
export function propertyNode(node: JsonNode | undefined, key: string): JsonNode | undefined {
  if (!node || node.type !== 'object') return undefined;
  return node.children?.find((p) => p.children?.[0]?.value === key);
}

export function valueOf(node: JsonNode | undefined): unknown {
  return node ? getNodeValue(node) : undefined;
}
