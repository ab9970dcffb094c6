// kms-key-scoped-identity-policy: IAM identity policies that let a principal use KMS keys name the keys.
//
// AWS's KMS best practices ("Best practices for IAM policies": specify KMS keys in IAM policies) ask for
// the key ARN of each key in the `Resource` element: `"Resource": "*"` on Decrypt/Encrypt/GenerateDataKey
// lets the principal use every key in the account — and in other accounts whose key policies delegate
// to it. A Condition that narrows which keys (kms:ViaService, aws:ResourceTag/…, kms:ResourceAliases,
// kms:RequestAlias, kms:KeyOrigin…) counts as scoping. Statements with `kms:*`/`*` are reported by
// kms-no-wildcard-actions instead. Key policies are not concerned: there `"Resource": "*"` means "this key".
import type { PolicyStatement } from '../../server/src/engine/policy';
import { defineRule, type RuleContext } from '../define';
import { cryptoOperations, isFullWildcard, statementName } from './kms-actions';
import { documentsOf, forPolicySources } from './policy-context';

/** Condition keys that limit which keys a statement applies to. */
const KEY_SCOPING_CONDITION = /^(kms:(ViaService|RequestAlias|ResourceAliases|KeyOrigin|KeySpec|KeyUsage|EncryptionContext.*)|aws:ResourceTag\/.*|aws:ResourceAccount|aws:ResourceOrgID|aws:ResourceOrgPaths)$/i;

function scopesKeys(statement: PolicyStatement): boolean {
  return statement.hasUnreadableCondition || statement.conditions.some((c) => KEY_SCOPING_CONDITION.test(c.key));
}

function check(context: RuleContext): void {
  for (const document of documentsOf(context)) {
    if (document.kind !== 'identity-policy') continue;
    for (const statement of document.statements) {
      if (statement.effect !== 'Allow' || statement.actionKey !== 'Action') continue;
      if (statement.actions.some((a) => isFullWildcard(a.value))) continue;
      const operations = cryptoOperations(statement.actions);
      if (!operations.length || scopesKeys(statement)) continue;
      const everyKey = statement.resources.find((r) => r.literal && /^(\*|arn:aws[a-z-]*:kms:[^:]*:[^:]*:(key\/)?\*)$/i.test(r.value.trim()));
      if (!everyKey) continue;
      const shown = operations.slice(0, 3).map((o) => `kms:${o}`).join(', ') + (operations.length > 3 ? ', …' : '');
      context.report({
        span: everyKey.span,
        message: `${document.origin}: ${statementName(statement)} allows ${shown} on every KMS key ("${everyKey.value}"); name the key ARNs the principal needs, or limit the keys with a Condition (e.g. kms:ViaService, aws:ResourceTag)`,
      });
    }
  }
}

export const kmsKeyScopedIdentityPolicy = defineRule({
  meta: {
    id: 'kms-key-scoped-identity-policy',
    title: 'IAM policies that use KMS keys must name the keys',
    family: 'kms-wildcard',
    severity: 'warning',
    securitySeverity: 5.0,
    controls: ['SOC 2 CC6.1', 'SOC 2 CC6.3', 'OP-POL-001 §3.2 Access control (least privilege)'],
    description:
      'Flags Allow statements in IAM identity policies that grant cryptographic KMS operations (Decrypt, Encrypt, GenerateDataKey*, ReEncrypt*, Sign, …) on `"Resource": "*"` (or every key ARN) without a Condition that limits the keys.',
    rationale:
      'AWS recommends specifying the key ARN of each KMS key in the Resource element of IAM policies: `"*"` lets the principal decrypt with every key in the account, and with keys in other accounts whose key policies trust it, so one over-broad role reads data it was never meant to see. Least privilege (SOC 2 CC6.1/CC6.3, the encryption policy §3.2) means naming the keys, or narrowing them with a Condition such as kms:ViaService or aws:ResourceTag. Key policies are not concerned: there `"Resource": "*"` means the key itself. Statements with `kms:*` or `*` are reported by kms-no-wildcard-actions.',
    noncompliant: [{ language: 'json', code: '{\n  "Effect": "Allow",\n  "Action": ["kms:Decrypt", "kms:GenerateDataKey"],\n  "Resource": "*"\n}' }],
    compliant: [
      { language: 'json', code: '{\n  "Effect": "Allow",\n  "Action": ["kms:Decrypt", "kms:GenerateDataKey"],\n  "Resource": "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"\n}' },
      { language: 'hcl', code: 'data "aws_iam_policy_document" "app" {\n  statement {\n    actions   = ["kms:Decrypt"]\n    resources = [aws_kms_key.data.arn]\n  }\n}' },
    ],
    fix: 'No automatic fix: only a person knows which keys the principal needs. Replace `"*"` with their key ARNs (in Terraform, `aws_kms_key.<name>.arn`).',
  },
  check: forPolicySources(check),
});
