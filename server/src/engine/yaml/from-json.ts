// JSON (jsonc-parser tree) to the shared DataNode tree, so JSON CloudFormation templates are checked by
// exactly the code that checks YAML ones.
import { jsonTree, type JsonNode } from '../parsers/json';
import type { SourceFile } from '../source';
import type { DataDocument, DataNode, MapNode, PairNode } from './data';

/** The jsonc-parser node a data node came from, so JSON edits can use jsonc-parser's `modify()` paths. */
const ORIGINS = new WeakMap<DataNode, JsonNode>();

export function jsonNodeOf(node: DataNode): JsonNode | undefined {
  return ORIGINS.get(node);
}

export function jsonToData(node: JsonNode | undefined): DataNode | undefined {
  const data = convert(node);
  if (data && node) ORIGINS.set(data, node);
  return data;
}

function convert(node: JsonNode | undefined): DataNode | undefined {
  if (!node) return undefined;
  const span = { start: node.offset, end: node.offset + node.length };
  switch (node.type) {
    case 'object': {
      const map: MapNode = { type: 'map', pairs: [], flow: true, span };
      for (const property of node.children ?? []) {
        const [keyNode, valueNode] = property.children ?? [];
        if (!keyNode || typeof keyNode.value !== 'string') continue;
        const keySpan = { start: keyNode.offset, end: keyNode.offset + keyNode.length };
        const value = jsonToData(valueNode);
        const pairNode: PairNode = { key: keyNode.value, keySpan, value, span: { start: keySpan.start, end: value ? value.span.end : keySpan.end } };
        map.pairs.push(pairNode);
      }
      return map;
    }
    case 'array':
      return { type: 'seq', items: (node.children ?? []).map(jsonToData).filter((n): n is DataNode => n !== undefined), flow: true, span };
    case 'string':
    case 'number':
    case 'boolean':
    case 'null':
      return { type: 'scalar', value: node.value ?? null, style: 'json', span, valueSpan: span };
    default:
      return undefined;
  }
}

/** The file's JSON as a data document, converted once per file. */
export function jsonDocument(file: SourceFile): DataDocument {
  return file.cached('json-data', () => ({ syntax: 'json' as const, root: jsonToData(jsonTree(file).root), span: { start: 0, end: file.text.length } }));
}
