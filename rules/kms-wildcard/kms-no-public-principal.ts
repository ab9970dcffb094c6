// kms-no-public-principal: no policy lets anyone (`Principal: "*"`, `{"AWS": "*"}`, Allow with
// NotPrincipal) use KMS without a Condition; on Google Cloud, no KMS key or key ring IAM grant to
// `allUsers`/`allAuthenticatedUsers`.
//
// Scope: key policies, and any other resource policy statement that allows KMS actions (a bucket
// policy that makes objects public is a different problem, not this family's). A Condition of any
// kind — including one that cannot be read statically — is taken as the restriction the author meant:
// judging whether it is tight enough needs the account's context.
import type { PolicyDocument, PolicyStatement } from '../../server/src/engine/policy';
import { defineRule, type RuleContext } from '../define';
import { checkGoogleKmsIamBindings } from './google-kms-iam';
import { isFullWildcard, isPublicPrincipal, originRelated, originSuffix, statementName } from './kms-actions';
import { documentsOf, forPolicySources } from './policy-context';

function grantsKms(document: PolicyDocument, statement: PolicyStatement): boolean {
  if (document.kind === 'key-policy') return true;
  if (statement.actionKey === 'NotAction') return true;
  return statement.actions.some((a) => /^kms:/i.test(a.value) || isFullWildcard(a.value));
}

function checkPolicies(context: RuleContext): void {
  for (const document of documentsOf(context)) {
    if (document.kind === 'identity-policy' || document.kind === 'trust-policy') continue;
    for (const statement of document.statements) {
      if (statement.effect !== 'Allow' || !statement.principalKey || !grantsKms(document, statement)) continue;
      if (statement.conditions.length || statement.hasUnreadableCondition) continue;
      if (statement.principalKey === 'NotPrincipal') {
        context.report({
          span: statement.principalKeySpan ?? statement.span,
          message: `${document.origin}: ${statementName(statement)} allows KMS access to every principal except those under NotPrincipal, with no Condition`,
        });
        continue;
      }
      const open = statement.principals.find((p) => p.value.literal && isPublicPrincipal(p));
      if (!open) continue;
      context.report({
        span: open.value.span,
        related: originRelated(open.value, context.file),
        message: `${document.origin}: ${statementName(statement)} allows any principal ("${open.value.value}")${originSuffix(open.value)} to use ${document.kind === 'key-policy' ? 'this key' : 'KMS'} with no Condition; name the principals, or restrict with a Condition such as aws:PrincipalOrgID or kms:CallerAccount`,
      });
    }
  }
}

function checkTerraform(context: RuleContext): void {
  checkPolicies(context);
  checkGoogleKmsIamBindings(context);
}

export const kmsNoPublicPrincipal = defineRule({
  meta: {
    id: 'kms-no-public-principal',
    title: 'Key policies must not allow any principal without a condition',
    family: 'kms-wildcard',
    severity: 'error',
    securitySeverity: 9.0,
    controls: ['SOC 2 CC6.1', 'SOC 2 CC6.6', 'HIPAA 164.312(a)(1)', 'OP-POL-001 §3.4 Access control'],
    description:
      'Flags key policies (and other resource policies granting KMS actions) that Allow `Principal: "*"`, `{"AWS": "*"}` or use NotPrincipal without a Condition, and Google Cloud KMS crypto key or key ring IAM grants to `allUsers` or `allAuthenticatedUsers`.',
    rationale:
      'A key policy is the primary control over a KMS key: a statement that allows "*" without a Condition lets every AWS account in the world call the allowed operations on the key, so whoever can reach the ciphertext can decrypt it. Access to keys must be limited to named principals (SOC 2 CC6.1, the encryption policy §3.4); when a wildcard principal is needed for a service integration, a Condition (aws:PrincipalOrgID, kms:CallerAccount, kms:ViaService) must narrow it. A statement with any Condition is not reported, nor is one whose Condition cannot be read statically. On Google Cloud, `allUsers` and `allAuthenticatedUsers` make a key usable by anyone (with a Google account).',
    noncompliant: [
      { language: 'json', code: '{\n  "Sid": "AllowUse",\n  "Effect": "Allow",\n  "Principal": "*",\n  "Action": ["kms:Decrypt"],\n  "Resource": "*"\n}' },
      { language: 'hcl', code: 'resource "google_kms_crypto_key_iam_member" "public" {\n  crypto_key_id = google_kms_crypto_key.data.id\n  role          = "roles/cloudkms.cryptoKeyDecrypter"\n  member        = "allUsers"\n}' },
    ],
    compliant: [
      { language: 'json', code: '{\n  "Sid": "AllowUseWithinOrg",\n  "Effect": "Allow",\n  "Principal": "*",\n  "Action": ["kms:Decrypt"],\n  "Resource": "*",\n  "Condition": { "StringEquals": { "aws:PrincipalOrgID": "o-exampleorgid" } }\n}' },
      { language: 'hcl', code: 'resource "google_kms_crypto_key_iam_member" "app" {\n  crypto_key_id = google_kms_crypto_key.data.id\n  role          = "roles/cloudkms.cryptoKeyDecrypter"\n  member        = "serviceAccount:app@project.iam.gserviceaccount.com"\n}' },
    ],
    fix: 'No automatic fix: only a person knows which principals need the key. Name them, or add a Condition that limits the wildcard to your organisation or account.',
  },
  check: { ...forPolicySources(checkPolicies), terraform: checkTerraform },
});
