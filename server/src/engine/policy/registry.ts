// The extractor registry: one function per source kind turns a file into policy documents. Sources
// register themselves here (policy JSON and Terraform in this folder; CloudFormation and CDK from
// their own files under `sources/`), and `policyDocuments` dispatches on the file's kind.
import type { SourceFile } from '../source';
import type { TerraformModule } from '../terraform/module';
import type { SourceKind } from '../types';
import type { PolicyDocument } from './model';

export interface PolicyContext {
  /** The file's Terraform module, when it has one: lets an extractor see how a document is used. */
  module?: TerraformModule;
}

/** Finds every policy document in a file. Must tolerate half-typed input and never throw on it. */
export type PolicyExtractor = (file: SourceFile, context: PolicyContext) => PolicyDocument[];

const extractors = new Map<SourceKind, PolicyExtractor[]>();

/** Adds an extractor for a source kind; several extractors may serve one kind, their results are concatenated. */
export function registerPolicyExtractor(kind: SourceKind, extractor: PolicyExtractor): void {
  const list = extractors.get(kind) ?? [];
  if (!list.includes(extractor)) list.push(extractor);
  extractors.set(kind, list);
}

export function extractorsFor(kind: SourceKind): readonly PolicyExtractor[] {
  return extractors.get(kind) ?? [];
}
