// Terraform policies, in every form they are written: `jsonencode({…})` objects (HCL syntax), JSON in
// heredocs (`<<EOF`, `<<-EOT`) and in quoted strings, policy objects kept in `locals`, and
// `data "aws_iam_policy_document"` statement blocks. Each becomes a model document whose editor writes
// back in that form's syntax.
import { parseJsonText } from '../../parsers/json';
import type { SourceFile } from '../../source';
import { allBlocks, blockAddress, terraformFile, type TfAttribute, type TfFile, type TfValue } from '../../terraform/model';
import { classifyStatements } from '../classify';
import { decodeHclString } from '../hcl-string';
import { isPolicyJson, offsetJson, policyFromJson } from '../json-document';
import type { PolicyDocument, PolicyKind } from '../model';
import { registerPolicyExtractor, type PolicyContext } from '../registry';
import { hclObjectPolicy, type HclReader } from './terraform-object';
import { policyDocumentDataSource } from './terraform-policy-document';
import { policyKindOfAttribute, policyUsages, rootBlock } from './terraform-usage';

export function extractTerraformPolicies(file: SourceFile, context: PolicyContext): PolicyDocument[] {
  const tf = terraformFile(file);
  const files: TfFile[] = context.module?.files.some((f) => f.file.path === file.path) ? context.module.files : [tf, ...(context.module?.files ?? [])];
  // Walking the whole module is only worth it for documents whose use is elsewhere; most files have none.
  let usageMap: Map<string, PolicyKind> | undefined;
  const usages = { get: (address: string) => (usageMap ??= policyUsages(files)).get(address) };
  const documents: PolicyDocument[] = [];

  for (const block of allBlocks(tf.blocks)) {
    if (block.type === 'data' && block.labels[0] === 'aws_iam_policy_document' && !block.parent) {
      const address = blockAddress(block);
      const document = policyDocumentDataSource(block, usages.get(address), context.module);
      if (document) documents.push(document);
    }
    for (const attribute of block.attributes) {
      if (!mayHoldPolicy(attribute.value)) continue;
      const kind = policyKindOfAttribute(block, attribute.name) ?? usageOf(attribute, usages);
      const owner = rootBlock(block);
      const origin = owner.type === 'locals' ? `local.${attribute.name}` : `${blockAddress(owner)} ${attribute.name}`;
      collect({ file, module: context.module }, attribute.value, { kind, origin, owner: { address: blockAddress(owner), span: owner.headerSpan } }, documents);
    }
  }
  return documents;
}

interface Placement {
  kind: PolicyKind | undefined;
  origin: string;
  owner: PolicyDocument['owner'];
}

/** A `locals` entry or a variable default is classified by where `local.x`/`var.x` is used. */
function usageOf(attribute: TfAttribute, usages: { get(address: string): PolicyKind | undefined }): PolicyKind | undefined {
  const parent = attribute.parent;
  if (parent?.type === 'locals') return usages.get(`local.${attribute.name}`);
  if (parent?.type === 'variable' && attribute.name === 'default') return usages.get(`var.${parent.labels[0]}`);
  return undefined;
}

/** Cheap pre-check on the value's text: every policy, in any form, names a `Statement`. */
function mayHoldPolicy(value: TfValue): boolean {
  if (value.kind === 'reference' || value.kind === 'number' || value.kind === 'bool' || value.kind === 'null') return false;
  if (value.kind === 'string') return /statement/i.test(value.value);
  return true;
}

/** Finds policies anywhere inside a value: `jsonencode(…)` arguments, objects, JSON strings. */
function collect(reader: HclReader, value: TfValue, placement: Placement, into: PolicyDocument[]): void {
  const { file } = reader;
  const kindOf = (statements: PolicyDocument['statements']) => placement.kind ?? classifyStatements(statements, placement.origin);
  switch (value.kind) {
    case 'call':
      for (const arg of value.args) collect(reader, arg, placement, into);
      return;
    case 'object': {
      const document = hclObjectPolicy(reader, value, { kind: kindOf, origin: placement.origin, owner: placement.owner });
      if (document) into.push(document);
      else for (const entry of value.entries) collect(reader, entry.value, placement, into);
      return;
    }
    case 'tuple':
      for (const item of value.items) collect(reader, item, placement, into);
      return;
    case 'string':
    case 'template': {
      const text = value.kind === 'string' ? value.value : value.text;
      if (!/^\s*\{/.test(text) || !/Statement/i.test(text)) return;
      const heredoc = value.kind === 'template' && value.heredoc;
      // Heredocs are parsed as written (JSON ignores their indentation); quoted strings are unescaped first.
      const parsed = heredoc
        ? { text: file.text.slice(value.contentSpan.start, value.contentSpan.end), embed: offsetJson(value.contentSpan.start, true) }
        : decodeHclString(file.text.slice(value.contentSpan.start, value.contentSpan.end), value.contentSpan.start);
      const { root } = parseJsonText(parsed.text);
      if (!root || !isPolicyJson(root)) return;
      const document = policyFromJson(file, root, parsed.embed, { kind: kindOf, origin: placement.origin, owner: placement.owner });
      if (document) into.push(document);
      return;
    }
    default:
      return;
  }
}

registerPolicyExtractor('terraform', extractTerraformPolicies);
