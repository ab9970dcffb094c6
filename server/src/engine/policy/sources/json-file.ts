// Standalone policy JSON files (`key-policy.json`, `bucket-policy.json`): a JSON file whose root is
// an object with a `Statement`. CloudFormation JSON templates have their own kind and extractor.
import { jsonTree } from '../../parsers/json';
import type { SourceFile } from '../../source';
import { classifyStatements } from '../classify';
import { isPolicyJson, policyFromJson, WHOLE_FILE_JSON } from '../json-document';
import type { PolicyDocument } from '../model';
import { registerPolicyExtractor } from '../registry';

export function extractJsonFilePolicies(file: SourceFile): PolicyDocument[] {
  const { root } = jsonTree(file);
  if (!root || !isPolicyJson(root)) return [];
  const name = file.path.split(/[\\/]/).pop() ?? file.path;
  const document = policyFromJson(file, root, WHOLE_FILE_JSON, { kind: (statements) => classifyStatements(statements, name), origin: name });
  return document ? [document] : [];
}

registerPolicyExtractor('json', extractJsonFilePolicies);
