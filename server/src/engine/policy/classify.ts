// Guesses what a policy document governs when its source does not say (a standalone JSON file, a
// local value, an `aws_iam_policy_document` whose use we cannot see). Resource-based policies name a
// Principal; a key policy is a resource policy about KMS; a trust policy only lets principals assume roles.
import type { PolicyKind, PolicyStatement } from './model';

const ASSUME_ROLE = /^sts:(AssumeRole|AssumeRoleWithSAML|AssumeRoleWithWebIdentity|TagSession|SetSourceIdentity)$/i;

export function classifyStatements(statements: PolicyStatement[], hint = ''): PolicyKind {
  const withPrincipal = statements.filter((s) => s.principalKey);
  if (!withPrincipal.length) return statements.length ? 'identity-policy' : 'unknown';
  const actions = statements.flatMap((s) => s.actions.map((a) => a.value));
  if (actions.length && actions.every((a) => ASSUME_ROLE.test(a))) return 'trust-policy';
  if (/(^|[^a-z])(kms|key)([^a-z]|$)|key[-_]?policy/i.test(hint)) return 'key-policy';
  const kmsOnly = actions.length > 0 && actions.every((a) => /^kms:/i.test(a) || a === '*');
  return kmsOnly && actions.some((a) => /^kms:/i.test(a)) ? 'key-policy' : 'resource-policy';
}
