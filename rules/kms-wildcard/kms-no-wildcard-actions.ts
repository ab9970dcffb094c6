// kms-no-wildcard-actions: no policy may Allow `kms:*`, `*`, or everything-but (`NotAction`).
//
// Scope: every policy the model knows (key policies, IAM identity policies, resource policies), in
// every source: `*` grants every KMS operation too, so an identity policy with `Action: "*"` is as much
// a finding as `kms:*`. Partial wildcards such as `kms:Create*` are the AWS-recommended way to write
// the administration list and are not reported. The account-root delegation statement of the default
// key policy is not reported (see `isAccountRootDelegation`).
import { fix } from '../../server/src/engine/fix';
import type { PolicyDocument, PolicyStatement, PolicyString } from '../../server/src/engine/policy';
import type { Fix } from '../../server/src/engine/types';
import { defineRule, type RuleContext } from '../define';
import { isAccountRootDelegation, isFullWildcard, originRelated, originSuffix, principalLabel, KEY_ADMIN_ACTIONS, KEY_USAGE_ACTIONS, statementName } from './kms-actions';
import { documentsOf, forPolicySources } from './policy-context';

function check(context: RuleContext): void {
  for (const document of documentsOf(context)) {
    for (const statement of document.statements) {
      if (statement.effect !== 'Allow') continue;
      if (statement.actionKey === 'NotAction') {
        context.report({
          span: statement.actionKeySpan ?? statement.span,
          message: `${document.origin}: ${statementName(statement)} allows every action except those under NotAction, which includes kms:*; list the actions to allow instead`,
          fixes: leastPrivilegeFixes(document, statement, undefined),
        });
        continue;
      }
      const wildcard = statement.actions.find((a) => a.literal && isFullWildcard(a.value));
      if (!wildcard || isAccountRootDelegation(statement, document, context.file)) continue;
      context.report({
        span: wildcard.span,
        message: `${document.origin}: ${statementName(statement)} allows "${wildcard.value}"${originSuffix(wildcard)}${grantee(statement, context)}, every KMS operation including PutKeyPolicy and ScheduleKeyDeletion; grant only key usage or key administration`,
        related: originRelated(wildcard, context.file),
        fixes: offersKmsLists(document, wildcard) ? leastPrivilegeFixes(document, statement, wildcard) : [],
      });
    }
  }
}

function grantee(statement: PolicyStatement, context: RuleContext): string {
  const principals = statement.principals.map((p) => principalLabel(p.value, context.file));
  if (!principals.length) return '';
  const shown = principals.slice(0, 2).join(', ') + (principals.length > 2 ? `, +${principals.length - 2} more` : '');
  return ` to ${shown}`;
}

/** KMS lists make sense in a key policy or in place of `kms:*`; for `*` in another policy a person must say what is needed. */
function offersKmsLists(document: PolicyDocument, wildcard: PolicyString): boolean {
  return document.kind === 'key-policy' || /^kms:/i.test(wildcard.value);
}

/**
 * The two alternatives of the organisation's key policy example, neither safe: which one is right
 * depends on who the principal is. Other actions of the statement are kept; the wildcard (or the
 * whole NotAction list) gives way to the chosen list.
 */
function leastPrivilegeFixes(document: PolicyDocument, statement: PolicyStatement, wildcard: PolicyString | undefined): Fix[] {
  if (statement.actions.some((a) => !a.literal) || !statement.actionValueSpan) return [];
  const kept = wildcard ? statement.actions.filter((a) => !isFullWildcard(a.value)).map((a) => a.value) : [];
  const build = (list: string[]) => [...kept.filter((a) => !list.includes(a)), ...list];
  return [
    fix('Replace with key usage actions (Encrypt, Decrypt, ReEncrypt*, GenerateDataKey*, DescribeKey)', document.editor.replaceActions(statement, build(KEY_USAGE_ACTIONS)), { safe: false }),
    fix('Replace with key administration actions (Create*, Describe*, Enable*, List*, Put*, Update*, Revoke*, Disable*, Get*, Delete*, ScheduleKeyDeletion, CancelKeyDeletion)', document.editor.replaceActions(statement, build(KEY_ADMIN_ACTIONS)), { safe: false }),
  ].filter((f) => f.edits.length);
}

export const kmsNoWildcardActions = defineRule({
  meta: {
    id: 'kms-no-wildcard-actions',
    title: 'Policies must not allow kms:* or *',
    family: 'kms-wildcard',
    severity: 'error',
    securitySeverity: 8.0,
    controls: ['SOC 2 CC6.1', 'SOC 2 CC6.3', 'HIPAA 164.312(a)(1)', 'OP-POL-001 §3.2 Access control (least privilege)'],
    description:
      'Flags Allow statements in key, identity and resource policies whose actions include `kms:*` or `*`, or that use `NotAction` (everything except a list), in policy JSON files, Terraform (`jsonencode`, heredoc and quoted JSON, `aws_iam_policy_document`) and CloudFormation.',
    rationale:
      '`kms:*` lets a principal both use a key and control it: change its policy, disable it or schedule its deletion, which destroys every piece of data it encrypts. Least privilege (SOC 2 CC6.1/CC6.3, the encryption policy §3.2) means key users get the cryptographic operations and key administrators the management operations, never both by accident. `NotAction` on Allow grants every action not listed, including actions AWS adds later. Partial wildcards such as `kms:Create*` are the AWS-documented way to write the administrator list and are not reported. The default key policy statement that lets the account root delegate to IAM ("Enable IAM User Permissions": AWS principal `arn:aws:iam::<account>:root`, `kms:*`) is not reported in key policies: it grants nothing by itself, AWS recommends keeping it so the key can never become unmanageable, and the IAM policies it enables are checked where they are written.',
    noncompliant: [
      { language: 'json', code: '{\n  "Effect": "Allow",\n  "Principal": { "AWS": "arn:aws:iam::111122223333:role/AppRole" },\n  "Action": "kms:*",\n  "Resource": "*"\n}' },
      { language: 'hcl', code: 'data "aws_iam_policy_document" "app" {\n  statement {\n    actions   = ["kms:*"]\n    resources = [aws_kms_key.data.arn]\n  }\n}' },
    ],
    compliant: [
      { language: 'json', code: '{\n  "Sid": "AllowKeyUsage",\n  "Effect": "Allow",\n  "Principal": { "AWS": "arn:aws:iam::111122223333:role/AppRole" },\n  "Action": ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"],\n  "Resource": "*"\n}' },
    ],
    fix: 'Offers two alternatives that replace the wildcard (or the NotAction list) with a least-privilege list from the key policy example: key usage (`kms:Encrypt`, `kms:Decrypt`, `kms:ReEncrypt*`, `kms:GenerateDataKey*`, `kms:DescribeKey`) or key administration (`kms:Create*` … `kms:CancelKeyDeletion`). Neither is applied by `--fix`: a person must decide what the principal is for.',
  },
  check: forPolicySources(check),
});
