import { kmsExplicitKeyPolicy } from '../../rules/kms-wildcard/kms-explicit-key-policy';
import { ruleTester } from '../support/rule-tester';

const FIX = /^Declare a key policy/;

ruleTester(kmsExplicitKeyPolicy, {
  valid: [
    { name: 'policy attribute', code: 'resource "aws_kms_key" "k" {\n  enable_key_rotation = true\n  policy              = data.aws_iam_policy_document.key.json\n}\n' },
    {
      name: 'aws_kms_key_policy for the key in another file of the module',
      code: 'resource "aws_kms_key" "k" {\n  enable_key_rotation = true\n}\n',
      moduleFiles: [{ path: 'policy.tf', text: 'resource "aws_kms_key_policy" "k" {\n  key_id = aws_kms_key.k.id\n  policy = data.aws_iam_policy_document.key.json\n}\n' }],
    },
    {
      name: 'an aws_kms_key_policy whose key cannot be identified may target any key',
      code: 'resource "aws_kms_key" "k" {}\nresource "aws_kms_key_policy" "p" {\n  key_id = var.key_id\n  policy = "{}"\n}\n',
    },
  ],
  invalid: [
    {
      name: 'no policy: the default key policy applies; unsafe fix declares the example policy',
      code: 'resource "aws_kms_key" "k" {\n  description         = "data"\n  enable_key_rotation = true\n}\n',
      errors: [{ message: 'aws_kms_key.k has no key policy, so AWS applies the default one', line: 1 }],
      output: null,
      fixes: [
        {
          title: FIX,
          safe: false,
          output: [
            'resource "aws_kms_key" "k" {',
            '  description         = "data"',
            '  enable_key_rotation = true',
            '  policy              = jsonencode({',
            '    Version = "2012-10-17"',
            '    Statement = [',
            '      {',
            '        Sid       = "EnableIAMUserPermissions"',
            '        Effect    = "Allow"',
            '        Principal = { AWS = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:root" }',
            '        Action    = "kms:*"',
            '        Resource  = "*"',
            '      },',
            '      {',
            '        Sid       = "AllowKeyAdmins"',
            '        Effect    = "Allow"',
            '        Principal = { AWS = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:role/KeyAdminRole" }',
            '        Action    = ["kms:Create*", "kms:Describe*", "kms:Enable*", "kms:List*", "kms:Put*", "kms:Update*", "kms:Revoke*", "kms:Disable*", "kms:Get*", "kms:Delete*", "kms:ScheduleKeyDeletion", "kms:CancelKeyDeletion"]',
            '        Resource  = "*"',
            '      },',
            '      {',
            '        Sid       = "AllowKeyUsage"',
            '        Effect    = "Allow"',
            '        Principal = { AWS = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:role/AppRole" }',
            '        Action    = ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"]',
            '        Resource  = "*"',
            '      },',
            '    ]',
            '  })',
            '}',
            '',
            'data "aws_caller_identity" "current" {}',
            '',
          ].join('\n'),
        },
      ],
    },
    {
      name: 'an existing aws_caller_identity is reused; an aws_kms_key_policy for another key does not count',
      code: 'data "aws_caller_identity" "me" {}\nresource "aws_kms_replica_key" "r" {\n  primary_key_arn = var.primary\n}\nresource "aws_kms_key_policy" "other" {\n  key_id = aws_kms_key.other.id\n  policy = "{}"\n}\n',
      errors: [{ message: 'aws_kms_replica_key.r has no key policy', line: 2 }],
      fixes: [{ title: FIX, output: 'data "aws_caller_identity" "me" {}\nresource "aws_kms_replica_key" "r" {\n  primary_key_arn = var.primary\n  policy          = jsonencode({\n    Version = "2012-10-17"\n    Statement = [\n      {\n        Sid       = "EnableIAMUserPermissions"\n        Effect    = "Allow"\n        Principal = { AWS = "arn:aws:iam::${data.aws_caller_identity.me.account_id}:root" }\n        Action    = "kms:*"\n        Resource  = "*"\n      },\n      {\n        Sid       = "AllowKeyAdmins"\n        Effect    = "Allow"\n        Principal = { AWS = "arn:aws:iam::${data.aws_caller_identity.me.account_id}:role/KeyAdminRole" }\n        Action    = ["kms:Create*", "kms:Describe*", "kms:Enable*", "kms:List*", "kms:Put*", "kms:Update*", "kms:Revoke*", "kms:Disable*", "kms:Get*", "kms:Delete*", "kms:ScheduleKeyDeletion", "kms:CancelKeyDeletion"]\n        Resource  = "*"\n      },\n      {\n        Sid       = "AllowKeyUsage"\n        Effect    = "Allow"\n        Principal = { AWS = "arn:aws:iam::${data.aws_caller_identity.me.account_id}:role/AppRole" }\n        Action    = ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"]\n        Resource  = "*"\n      },\n    ]\n  })\n}\nresource "aws_kms_key_policy" "other" {\n  key_id = aws_kms_key.other.id\n  policy = "{}"\n}\n' }],
    },
  ],
});
