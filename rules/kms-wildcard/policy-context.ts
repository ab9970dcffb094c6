// How a kms-wildcard rule reaches the policy model from its context, and the source kinds a policy
// rule runs on: every kind a policy extractor may serve (extractors that do not exist yet just yield
// no documents), so a new source needs no change here.
import { policyDocuments, type PolicyDocument } from '../../server/src/engine/policy';
import type { SourceKind } from '../../server/src/engine/types';
import type { CheckFn, RuleContext } from '../define';

export function documentsOf(context: RuleContext): PolicyDocument[] {
  return policyDocuments(context.file, { module: context.module() });
}

export const POLICY_SOURCE_KINDS: SourceKind[] = ['terraform', 'json', 'cloudformation-json', 'cloudformation-yaml', 'typescript', 'javascript'];

/** The same checker for every policy source kind. */
export function forPolicySources(check: CheckFn): Partial<Record<SourceKind, CheckFn>> {
  return Object.fromEntries(POLICY_SOURCE_KINDS.map((kind) => [kind, check]));
}
