// kms-separation-of-duties: in a key policy, no principal may both administer the key and use it.
//
// AWS's KMS guidance (RBAC for AWS KMS; the KMS best-practices whitepaper) separates key
// administrators from key users, and the encryption policy §3.4 asks for it. The check gathers, per
// principal, what every Allow statement of the key policy grants it, and reports a principal that
// ends up with both management operations (PutKeyPolicy, ScheduleKeyDeletion, Disable*, …) and
// cryptographic ones (Encrypt, Decrypt, GenerateDataKey*, Sign, …). Statements with `kms:*`/`*` are
// left to kms-no-wildcard-actions, the account-root delegation and public principals to their own
// rules, so one problem is reported once.
import type { PolicyPrincipal, PolicyStatement } from '../../server/src/engine/policy';
import { defineRule, type RuleContext } from '../define';
import { adminOperations, cryptoOperations, isAccountRoot, isAccountRootDelegation, isFullWildcard, isPublicPrincipal, statementName } from './kms-actions';
import { documentsOf, forPolicySources } from './policy-context';

interface Grants {
  admin: Array<{ statement: PolicyStatement; operations: string[] }>;
  crypto: Array<{ statement: PolicyStatement; operations: string[] }>;
}

function check(context: RuleContext): void {
  for (const document of documentsOf(context)) {
    if (document.kind !== 'key-policy') continue;
    const byPrincipal = new Map<string, Grants & { reported: boolean }>();
    for (const statement of document.statements) {
      if (statement.effect !== 'Allow' || statement.principalKey !== 'Principal' || statement.actionKey !== 'Action') continue;
      if (statement.actions.some((a) => isFullWildcard(a.value)) || isAccountRootDelegation(statement, document, context.file)) continue;
      const admin = adminOperations(statement.actions);
      const crypto = cryptoOperations(statement.actions);
      if (!admin.length && !crypto.length) continue;
      for (const principal of statement.principals) {
        if (!isNamedPrincipal(principal, context)) continue;
        const key = `${principal.type.toUpperCase()} ${principal.value.value}`;
        const grants = byPrincipal.get(key) ?? { admin: [], crypto: [], reported: false };
        byPrincipal.set(key, grants);
        if (admin.length) grants.admin.push({ statement, operations: admin });
        if (crypto.length) grants.crypto.push({ statement, operations: crypto });
        if (grants.reported || !grants.admin.length || !grants.crypto.length) continue;
        grants.reported = true;
        const adminFrom = grants.admin[0];
        const cryptoFrom = grants.crypto[0];
        const where = adminFrom.statement === cryptoFrom.statement ? statementName(statement) : `${statementName(adminFrom.statement)} and ${statementName(cryptoFrom.statement)}`;
        context.report({
          span: principal.value.span,
          message: `${document.origin}: ${principal.value.value} can both administer the key (${sample(adminFrom.operations)}) and use it (${sample(cryptoFrom.operations)}) through ${where}; give administration and use to different principals`,
          related: adminFrom.statement === cryptoFrom.statement ? [] : [{ message: `${statementName(adminFrom.statement)} grants key administration`, span: adminFrom.statement.span }],
        });
      }
    }
  }
}

function isNamedPrincipal(principal: PolicyPrincipal, context: RuleContext): boolean {
  return principal.value.literal && !isPublicPrincipal(principal) && !isAccountRoot(principal.value, context.file);
}

function sample(operations: string[]): string {
  const shown = operations.slice(0, 2).map((o) => `kms:${o}`);
  return operations.length > 2 ? `${shown.join(', ')}, …` : shown.join(', ');
}

export const kmsSeparationOfDuties = defineRule({
  meta: {
    id: 'kms-separation-of-duties',
    title: 'Key administrators and key users must be different principals',
    family: 'kms-wildcard',
    severity: 'warning',
    securitySeverity: 5.5,
    controls: ['SOC 2 CC6.1', 'SOC 2 CC6.3', 'OP-POL-001 §3.4 Separation of duties'],
    description:
      'Flags a principal that a key policy allows both to manage the key (PutKeyPolicy, ScheduleKeyDeletion, Disable*, CreateGrant, …) and to use it for cryptographic operations (Encrypt, Decrypt, GenerateDataKey*, Sign, …), in one statement or across several.',
    rationale:
      'AWS recommends separating key administrators from key users (RBAC for AWS KMS), and the encryption policy requires key administration to be separated from data administration (§3.4). A principal that can both change a key\'s policy and decrypt with it can grant itself, or anyone, access to the data without a second person noticing. Wildcard grants (`kms:*`) are reported by kms-no-wildcard-actions instead, and the account-root delegation statement of the default key policy is not counted.',
    noncompliant: [
      { language: 'json', code: '{\n  "Sid": "AdminAndUse",\n  "Effect": "Allow",\n  "Principal": { "AWS": "arn:aws:iam::111122223333:role/Ops" },\n  "Action": ["kms:PutKeyPolicy", "kms:ScheduleKeyDeletion", "kms:Decrypt"],\n  "Resource": "*"\n}' },
    ],
    compliant: [
      { language: 'json', code: '[\n  { "Sid": "AllowKeyAdmins", "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::111122223333:role/KeyAdminRole" }, "Action": ["kms:Create*", "kms:Describe*", "kms:Enable*", "kms:List*", "kms:Put*", "kms:Update*", "kms:Revoke*", "kms:Disable*", "kms:Get*", "kms:Delete*", "kms:ScheduleKeyDeletion", "kms:CancelKeyDeletion"], "Resource": "*" },\n  { "Sid": "AllowKeyUsage", "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::111122223333:role/AppRole" }, "Action": ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"], "Resource": "*" }\n]' },
    ],
    fix: 'No automatic fix: split the grants so administrators and users are different roles.',
  },
  check: forPolicySources(check),
});
