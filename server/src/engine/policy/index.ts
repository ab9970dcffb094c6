// Entry point of the policy model: `policyDocuments(file)` returns every IAM/KMS policy document in a
// file, whatever syntax it was written in. Rules import only this and `model.ts`.
//
// Adding a source: write `sources/<source>.ts` that calls `registerPolicyExtractor(kind, fn)` at load
// time, and import it below. Extractors build `PolicyDocument`s with exact spans and an editor
// that writes in the source's own syntax; nothing else changes for the rules.
import type { SourceFile } from '../source';
import type { PolicyDocument, PolicyStatement } from './model';
import { extractorsFor, type PolicyContext } from './registry';
import './sources/cdk';
import './sources/cloudformation';
import './sources/json-file';
import './sources/terraform';

export type { PolicyContext, PolicyExtractor } from './registry';
export { registerPolicyExtractor } from './registry';
export * from './model';

/**
 * The policy documents of a file, extracted once per file and shared by every policy rule.
 * `context.module` (the Terraform module) refines how a document is classified (an
 * `aws_iam_policy_document` used as a key policy in a sibling file) and lets `var.`/`local.` values
 * resolve; the first call for a file decides, so rules should all pass the same module.
 */
export function policyDocuments(file: SourceFile, context: PolicyContext = {}): PolicyDocument[] {
  if (!file.kind) return [];
  const kind = file.kind;
  return file.cached('policy-documents', () => {
    const documents: PolicyDocument[] = [];
    // Extractors tolerate broken input themselves; an exception here is a bug, and it surfaces as the
    // engine's `rule-error` notice for the policy rules on this file rather than as silently missing findings.
    for (const extractor of extractorsFor(kind)) documents.push(...extractor(file, context));
    for (const document of documents) for (const statement of document.statements) statement.document = document;
    return documents;
  });
}

/**
 * The file's policy documents by owner address (`aws_iam_policy.x`, `AWS::S3::BucketPolicy Id`), built
 * once per file: rules that look up the documents of one resource per resource stay linear.
 */
export function policyDocumentsByOwner(file: SourceFile, context: PolicyContext = {}): Map<string, PolicyDocument[]> {
  return file.cached('policy-documents-by-owner', () => {
    const byOwner = new Map<string, PolicyDocument[]>();
    for (const document of policyDocuments(file, context)) {
      const address = document.owner?.address;
      if (address === undefined) continue;
      const list = byOwner.get(address);
      if (list) list.push(document);
      else byOwner.set(address, [document]);
    }
    return byOwner;
  });
}

/** Every statement of every policy in a file, each knowing its document. */
export function policyStatements(file: SourceFile, context: PolicyContext = {}): PolicyStatement[] {
  return policyDocuments(file, context).flatMap((d) => d.statements);
}
