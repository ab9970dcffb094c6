// kms-explicit-key-policy: every customer-managed key declares its key policy in code.
//
// Without one, AWS attaches the default key policy: a single statement that allows `kms:*` to the
// account root, which hands every decision about the key to whichever IAM policies happen to grant
// KMS permissions, anywhere in the account. Nothing in the key's own code then says who may use or
// administer it, so least privilege can be neither reviewed nor evidenced. A key counts as having a
// policy when it sets `policy` or when an `aws_kms_key_policy` in the module targets it.
import { fix } from '../../server/src/engine/fix';
import { insertAttribute, insertTopLevelBlockAfter } from '../../server/src/engine/terraform/edits';
import { attr, blockAddress, dataSources, resources, terraformFile, type TfBlock, type TfFile } from '../../server/src/engine/terraform/model';
import type { Fix } from '../../server/src/engine/types';
import { defineRule, type RuleContext } from '../define';
import { KEY_ADMIN_ACTIONS, KEY_USAGE_ACTIONS } from './kms-actions';
import { checkCloudFormationKeyPolicies } from './sources/kms-explicit-key-policy.cloudformation';

const KEY_TYPES = ['aws_kms_key', 'aws_kms_replica_key', 'aws_kms_external_key', 'aws_kms_replica_external_key'];

/** Keys whose policy is set by an `aws_kms_key_policy`; undefined when one targets a key we cannot identify. */
function keysWithSeparatePolicy(files: TfFile[]): Set<string> | undefined {
  const targeted = new Set<string>();
  for (const tf of files) {
    for (const policy of resources(tf, 'aws_kms_key_policy')) {
      const keyId = attr(policy, 'key_id')?.value;
      const address = keyId?.kind === 'reference' ? keyId.path.split('.').slice(0, 2).join('.') : '';
      // `var.key_id`, a literal key id or ARN: it could be any key of the module.
      if (!KEY_TYPES.some((type) => address.startsWith(`${type}.`))) return undefined;
      targeted.add(address);
    }
  }
  return targeted;
}

function check(context: RuleContext): void {
  const tf = terraformFile(context.file);
  const files = context.module()?.files ?? [tf];
  const separate = keysWithSeparatePolicy(files);
  if (!separate) return;
  for (const key of resources(tf, ...KEY_TYPES)) {
    if (attr(key, 'policy') || separate.has(blockAddress(key))) continue;
    context.report({
      span: key.headerSpan,
      message: `${blockAddress(key)} has no key policy, so AWS applies the default one: kms:* for the account root, leaving all access to IAM policies; declare a key policy that names key administrators and key users`,
      fixes: [explicitPolicyFix(key, files)],
    });
  }
}

const list = (actions: string[]) => `[${actions.map((a) => JSON.stringify(a)).join(', ')}]`;

/**
 * Inserts the organisation's example key policy (account-root delegation, key administrators, key
 * users) with placeholder role names; unsafe, since the roles must be replaced by real ones.
 */
function explicitPolicyFix(key: TfBlock, files: TfFile[]): Fix {
  const existing = files.flatMap((f) => dataSources(f, 'aws_caller_identity'))[0];
  const identity = existing?.labels[1] ?? 'current';
  const account = `\${data.aws_caller_identity.${identity}.account_id}`;
  const statement = (sid: string, principal: string, action: string) =>
    `    {\n      Sid       = "${sid}"\n      Effect    = "Allow"\n      Principal = { AWS = "arn:aws:iam::${account}:${principal}" }\n      Action    = ${action}\n      Resource  = "*"\n    },`;
  const policy = [
    'jsonencode({',
    '  Version = "2012-10-17"',
    '  Statement = [',
    statement('EnableIAMUserPermissions', 'root', '"kms:*"'),
    statement('AllowKeyAdmins', 'role/KeyAdminRole', list(KEY_ADMIN_ACTIONS)),
    statement('AllowKeyUsage', 'role/AppRole', list(KEY_USAGE_ACTIONS)),
    '  ]',
    '})',
  ].join('\n');
  const edits = insertAttribute(key, 'policy', policy);
  if (!existing) edits.push(insertTopLevelBlockAfter(key, 'data "aws_caller_identity" "current" {}'));
  return fix('Declare a key policy with key administrators and key users (replace the placeholder roles)', edits, { safe: false });
}

export const kmsExplicitKeyPolicy = defineRule({
  meta: {
    id: 'kms-explicit-key-policy',
    title: 'KMS keys must declare an explicit key policy',
    family: 'kms-wildcard',
    severity: 'warning',
    securitySeverity: 5.0,
    controls: ['SOC 2 CC6.1', 'SOC 2 CC6.3', 'OP-POL-001 §3.2 Access control (least privilege)'],
    description: 'Flags `aws_kms_key` (and replica/external keys) with neither a `policy` nor an `aws_kms_key_policy` in the module, which get the default key policy.',
    rationale:
      'A key without a declared policy gets the AWS default key policy, whose single statement allows `kms:*` to the account root: who can use or administer the key is then decided by every IAM policy in the account that mentions KMS, and nothing next to the key shows it. The encryption policy requires key access managed with least privilege and evidence of it (SOC 2 CC6.1); an explicit key policy that separates administrators from users, as in the organisation\'s key policy example, is that evidence. Keeping the account-root statement in an explicit policy is fine: it is a reviewed choice there, and AWS recommends it so the key cannot become unmanageable.',
    noncompliant: [
      { language: 'hcl', code: 'resource "aws_kms_key" "data" {\n  description         = "customer data"\n  enable_key_rotation = true\n}' },
      { language: 'yaml', code: 'Resources:\n  DataKey:\n    Type: AWS::KMS::Key\n    Properties:\n      EnableKeyRotation: true' },
    ],
    compliant: [
      { language: 'hcl', code: 'resource "aws_kms_key" "data" {\n  description         = "customer data"\n  enable_key_rotation = true\n  policy              = data.aws_iam_policy_document.data_key.json\n}' },
      { language: 'yaml', code: 'Resources:\n  DataKey:\n    Type: AWS::KMS::Key\n    Properties:\n      EnableKeyRotation: true\n      KeyPolicy:\n        Version: "2012-10-17"\n        Statement:\n          - Sid: AllowKeyUsage\n            Effect: Allow\n            Principal:\n              AWS: !GetAtt AppRole.Arn\n            Action: [kms:Encrypt, kms:Decrypt, kms:GenerateDataKey*, kms:DescribeKey]\n            Resource: "*"' },
    ],
    fix: 'Offers (not applied by `--fix`) a `policy = jsonencode({…})` with the account-root statement, a key administrators statement and a key users statement from the key policy example, with placeholder role names to replace.',
  },
  check: { terraform: check, 'cloudformation-yaml': checkCloudFormationKeyPolicies, 'cloudformation-json': checkCloudFormationKeyPolicies },
});
