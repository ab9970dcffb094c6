import { kmsSeparationOfDuties } from '../../rules/kms-wildcard/kms-separation-of-duties';
import { ruleTester } from '../support/rule-tester';

const keyPolicy = (...statements: string[]) => `{\n  "Statement": [\n    ${statements.join(',\n    ')}\n  ]\n}\n`;
const ADMINS = '"Action": ["kms:Create*", "kms:Describe*", "kms:Enable*", "kms:List*", "kms:Put*", "kms:Update*", "kms:Revoke*", "kms:Disable*", "kms:Get*", "kms:Delete*", "kms:ScheduleKeyDeletion", "kms:CancelKeyDeletion"]';
const USERS = '"Action": ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"]';
const role = (name: string) => `"Principal": { "AWS": "arn:aws:iam::111122223333:role/${name}" }`;

ruleTester(kmsSeparationOfDuties, {
  valid: [
    {
      name: 'administrators and users are different roles (the seeds\' example)',
      path: 'key-policy.json',
      code: keyPolicy(`{ "Sid": "AllowKeyAdmins", "Effect": "Allow", ${role('KeyAdminRole')}, ${ADMINS}, "Resource": "*" }`, `{ "Sid": "AllowKeyUsage", "Effect": "Allow", ${role('AppRole')}, ${USERS}, "Resource": "*" }`),
    },
    {
      name: 'read-only actions (Describe*, Get*, List*) go with either duty',
      path: 'key-policy.json',
      code: keyPolicy(`{ "Effect": "Allow", ${role('App')}, "Action": ["kms:Decrypt", "kms:DescribeKey", "kms:GetKeyPolicy", "kms:ListAliases"], "Resource": "*" }`),
    },
    {
      name: 'the account-root delegation next to a users statement',
      path: 'key-policy.json',
      code: keyPolicy(`{ "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::111122223333:root" }, "Action": "kms:*", "Resource": "*" }`, `{ "Effect": "Allow", ${role('App')}, ${USERS}, "Resource": "*" }`),
    },
    {
      name: 'an identity policy is not a key policy',
      path: 'ops-policy.json',
      code: '{"Statement": [{"Effect": "Allow", "Action": ["s3:GetObject", "kms:PutKeyPolicy", "kms:Decrypt"], "Resource": "*"}]}',
    },
  ],
  invalid: [
    {
      name: 'one statement grants both',
      path: 'key-policy.json',
      code: keyPolicy(`{ "Sid": "Ops", "Effect": "Allow", ${role('Ops')}, "Action": ["kms:PutKeyPolicy", "kms:Decrypt"], "Resource": "*" }`),
      errors: [{ message: 'key-policy.json: arn:aws:iam::111122223333:role/Ops can both administer the key (kms:PutKeyPolicy) and use it (kms:Decrypt) through statement "Ops"', line: 3 }],
      output: null,
    },
    {
      name: 'the same principal in the admins and the users statement',
      path: 'key-policy.json',
      code: keyPolicy(`{ "Sid": "AllowKeyAdmins", "Effect": "Allow", ${role('Ana')}, ${ADMINS}, "Resource": "*" }`, `{ "Sid": "AllowKeyUsage", "Effect": "Allow", ${role('Ana')}, ${USERS}, "Resource": "*" }`),
      errors: [{ message: 'through statement "AllowKeyAdmins" and statement "AllowKeyUsage"', line: 4 }],
    },
    {
      name: 'Terraform aws_iam_policy_document used as a key policy',
      code: 'resource "aws_kms_key" "k" {\n  enable_key_rotation = true\n  policy              = data.aws_iam_policy_document.key.json\n}\ndata "aws_iam_policy_document" "key" {\n  statement {\n    actions = ["kms:ScheduleKeyDeletion", "kms:GenerateDataKey*"]\n    principals {\n      type        = "AWS"\n      identifiers = ["arn:aws:iam::111122223333:role/Ops"]\n    }\n    resources = ["*"]\n  }\n}\n',
      errors: [{ message: 'data.aws_iam_policy_document.key: arn:aws:iam::111122223333:role/Ops can both administer the key (kms:ScheduleKeyDeletion) and use it (kms:GenerateDataKey, kms:GenerateDataKeyPair, …)', line: 10 }],
    },
  ],
});
