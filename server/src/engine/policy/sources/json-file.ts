// Policy JSON files: a file whose root is a policy (`key-policy.json`, `bucket-policy.json`), and
// policies nested in other JSON — as objects (`{"KeyPolicy": {"Statement": …}}`) or as JSON strings
// (`aws kms get-key-policy` output, `*.tf.json` attributes), whose spans are mapped back through the
// string's escapes. CloudFormation JSON templates have their own kind and extractor.
import { jsonTree, parseJsonText, type JsonNode } from '../../parsers/json';
import type { SourceFile } from '../../source';
import { classifyStatements } from '../classify';
import { isPolicyJson, policyFromJson, WHOLE_FILE_JSON, type EmbeddedJson } from '../json-document';
import type { PolicyDocument } from '../model';
import { registerPolicyExtractor } from '../registry';

/** Nesting deeper than this is not a policy anyone writes by hand; it also bounds the walk. */
const MAX_DEPTH = 12;

export function extractJsonFilePolicies(file: SourceFile): PolicyDocument[] {
  const { root } = jsonTree(file);
  if (!root || !/Statement/i.test(file.text)) return [];
  const name = file.path.split(/[\\/]/).pop() ?? file.path;
  const documents: PolicyDocument[] = [];
  const visit = (node: JsonNode, embed: EmbeddedJson, origin: string, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    if (node.type === 'object' && isPolicyJson(node)) {
      const document = policyFromJson(file, node, embed, { kind: (statements) => classifyStatements(statements, origin), origin });
      if (document) documents.push(document);
      return;
    }
    if (node.type === 'string' && embed === WHOLE_FILE_JSON && /^\s*\{/.test(String(node.value)) && /Statement/i.test(String(node.value))) {
      const inner = decodeJsonString(file, node);
      const parsed = parseJsonText(inner.text);
      if (parsed.root) visit(parsed.root, inner.embed, origin, depth + 1);
      return;
    }
    for (const child of node.children ?? []) {
      // Name nested documents after their key: `key-policy.json Policy`.
      const key = node.type === 'object' && child.type === 'property' ? child.children?.[0]?.value : undefined;
      const value = child.type === 'property' ? child.children?.[1] : child;
      if (value) visit(value, embed, typeof key === 'string' && depth < 3 ? `${name} ${key}` : origin, depth + 1);
    }
  };
  visit(root, WHOLE_FILE_JSON, name, 0);
  return documents;
}

/** The text of a JSON string literal, with a map from each decoded character to its offset in the file. */
function decodeJsonString(file: SourceFile, node: JsonNode): { text: string; embed: EmbeddedJson } {
  const start = node.offset + 1;
  const raw = file.text.slice(start, node.offset + node.length - 1);
  let text = '';
  const offsets: number[] = [];
  for (let i = 0; i < raw.length; ) {
    if (raw[i] === '\\' && i + 1 < raw.length) {
      const next = raw[i + 1];
      if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(raw.slice(i + 2, i + 6))) {
        text += String.fromCharCode(parseInt(raw.slice(i + 2, i + 6), 16));
        offsets.push(start + i);
        i += 6;
        continue;
      }
      text += next === 'n' ? '\n' : next === 'r' ? '\r' : next === 't' ? '\t' : next === 'b' ? '\b' : next === 'f' ? '\f' : next;
      offsets.push(start + i);
      i += 2;
      continue;
    }
    text += raw[i];
    offsets.push(start + i);
    i++;
  }
  offsets.push(start + raw.length);
  return {
    text,
    embed: {
      toSource: (offset) => offsets[Math.max(0, Math.min(offset, offsets.length - 1))],
      encode: (json) => json.replace(/\\/g, '\\\\').replace(/"/g, '\\"'),
      multiline: false,
      templated: false,
    },
  };
}

registerPolicyExtractor('json', extractJsonFilePolicies);

