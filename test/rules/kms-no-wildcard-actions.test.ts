import { kmsNoWildcardActions } from '../../rules/kms-wildcard/kms-no-wildcard-actions';
import { ruleTester } from '../support/rule-tester';

const USAGE = /^Replace with key usage actions/;
const ADMIN = /^Replace with key administration actions/;

const keyPolicyJson = (statement: string) => `{\n  "Version": "2012-10-17",\n  "Statement": [\n${statement}\n  ]\n}\n`;

ruleTester(kmsNoWildcardActions, {
  valid: [
    {
      name: 'the seeds\' key policy example (admins, users, deny deletion)',
      path: 'key-policy.json',
      code: keyPolicyJson(
        [
          '    { "Sid": "AllowKeyAdmins", "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::111122223333:role/KeyAdminRole" }, "Action": ["kms:Create*", "kms:Describe*", "kms:Enable*", "kms:List*", "kms:Put*", "kms:Update*", "kms:Revoke*", "kms:Disable*", "kms:Get*", "kms:Delete*", "kms:ScheduleKeyDeletion", "kms:CancelKeyDeletion"], "Resource": "*" },',
          '    { "Sid": "AllowKeyUsage", "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::111122223333:role/AppRole" }, "Action": ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"], "Resource": "*" },',
          '    { "Sid": "DenyKeyDeletion", "Effect": "Deny", "Principal": "*", "Action": ["kms:ScheduleKeyDeletion", "kms:DeleteImportedKeyMaterial"], "Resource": "*", "Condition": { "StringNotEquals": { "aws:PrincipalArn": "arn:aws:iam::111122223333:role/KeyAdminRole" } } }',
        ].join('\n'),
      ),
    },
    {
      name: 'Deny with kms:* is a guardrail, not a grant',
      path: 'policy.json',
      code: '{"Statement": [{"Effect": "Deny", "Action": "kms:*", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]}',
    },
    {
      name: 'the default key policy statement (account root delegates to IAM) in a key policy',
      code: 'resource "aws_kms_key" "k" {\n  policy = jsonencode({\n    Statement = [{\n      Sid       = "Enable IAM User Permissions"\n      Effect    = "Allow"\n      Principal = { AWS = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:root" }\n      Action    = "kms:*"\n      Resource  = "*"\n    }]\n  })\n}\n',
    },
    {
      name: 'the default key policy statement with data.aws_partition and data.aws_caller_identity interpolated',
      code: 'resource "aws_kms_key" "k" {\n  policy = jsonencode({\n    Statement = [{\n      Effect    = "Allow"\n      Principal = { AWS = "arn:${data.aws_partition.current.partition}:iam::${data.aws_caller_identity.current.account_id}:root" }\n      Action    = "kms:*"\n      Resource  = "*"\n    }]\n  })\n}\n',
    },
    {
      name: 'the same delegation from an aws_iam_policy_document attached as the key policy',
      code: 'data "aws_iam_policy_document" "key" {\n  statement {\n    sid       = "Default"\n    actions   = ["kms:*"]\n    resources = ["*"]\n    principals {\n      type        = "AWS"\n      identifiers = ["arn:${data.aws_partition.current.partition}:iam::${data.aws_caller_identity.current.account_id}:root"]\n    }\n  }\n}\n\nresource "aws_kms_key" "k" {\n  enable_key_rotation = true\n  policy              = data.aws_iam_policy_document.key.json\n}\n',
    },
    {
      name: 'account root as a bare account id in a key policy JSON file',
      path: 'key-policy.json',
      code: keyPolicyJson('    { "Effect": "Allow", "Principal": { "AWS": "111122223333" }, "Action": "kms:*", "Resource": "*" }'),
    },
    {
      name: 'partial wildcards are the documented administrator list',
      code: 'data "aws_iam_policy_document" "p" {\n  statement {\n    actions   = ["kms:Describe*", "kms:List*", "kms:Get*"]\n    resources = ["*"]\n  }\n}\n',
    },
    {
      name: 'an action list from a variable cannot be judged',
      code: 'resource "aws_iam_policy" "p" {\n  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = var.actions, Resource = "*" }] })\n}\n',
    },
    { name: 'a JSON file that is not a policy', path: 'package.json', code: '{ "name": "kms:*" }' },
    { name: 'half-typed jsonencode', code: 'resource "aws_kms_key" "half" {\n  policy = jsonencode({\n    Statement = [{ Effect = "Allow", Action = ' },
    { name: 'half-typed policy document', code: 'data "aws_iam_policy_document" "d" {\n  statement {\n    actions = [' },
    { name: 'empty JSON file', path: 'policy.json', code: '' },
  ],
  invalid: [
    {
      name: 'heredoc with template directives and interpolations still yields the literal kms:*',
      code: 'resource "aws_iam_policy" "p" {\n  policy = <<EOF\n{\n  "Statement": [\n    %{ for a in var.actions ~}\n    {"Effect": "Allow", "Action": "${a}", "Resource": "*"},\n    %{ endfor ~}\n    {"Effect": "Allow", "Action": "kms:*", "Resource": "*"}\n  ]\n}\nEOF\n}\n',
      errors: [{ message: 'allows "kms:*"', line: 8, column: 35 }],
    },
    {
      name: 'policy JSON file: kms:* in a key policy, two alternatives, no safe fix',
      path: 'key-policy.json',
      code: keyPolicyJson('    {\n      "Sid": "App",\n      "Effect": "Allow",\n      "Principal": { "AWS": "arn:aws:iam::111122223333:role/AppRole" },\n      "Action": "kms:*",\n      "Resource": "*"\n    }'),
      errors: [{ message: 'key-policy.json: statement "App" allows "kms:*" to arn:aws:iam::111122223333:role/AppRole', line: 8, column: 17 }],
      output: null,
      fixes: [
        {
          title: USAGE,
          safe: false,
          output: keyPolicyJson(
            '    {\n      "Sid": "App",\n      "Effect": "Allow",\n      "Principal": { "AWS": "arn:aws:iam::111122223333:role/AppRole" },\n      "Action": [\n        "kms:Encrypt",\n        "kms:Decrypt",\n        "kms:ReEncrypt*",\n        "kms:GenerateDataKey*",\n        "kms:DescribeKey"\n      ],\n      "Resource": "*"\n    }',
          ),
        },
        {
          title: ADMIN,
          safe: false,
          output: keyPolicyJson(
            '    {\n      "Sid": "App",\n      "Effect": "Allow",\n      "Principal": { "AWS": "arn:aws:iam::111122223333:role/AppRole" },\n      "Action": [\n        "kms:Create*",\n        "kms:Describe*",\n        "kms:Enable*",\n        "kms:List*",\n        "kms:Put*",\n        "kms:Update*",\n        "kms:Revoke*",\n        "kms:Disable*",\n        "kms:Get*",\n        "kms:Delete*",\n        "kms:ScheduleKeyDeletion",\n        "kms:CancelKeyDeletion"\n      ],\n      "Resource": "*"\n    }',
          ),
        },
      ],
    },
    {
      name: 'policy JSON file: other actions are kept next to the chosen list',
      path: 'policy.json',
      code: '{"Statement": [{"Effect": "Allow", "Action": ["s3:GetObject", "KMS:*"], "Resource": "*"}]}',
      errors: [{ message: 'allows "KMS:*"', line: 1 }],
      fixes: [{ title: USAGE, output: '{"Statement": [{"Effect": "Allow", "Action": ["s3:GetObject", "kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"], "Resource": "*"}]}' }],
    },
    {
      name: 'NotAction on Allow',
      path: 'policy.json',
      code: '{"Statement": [{"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}]}',
      errors: [{ message: 'allows every action except those under NotAction', line: 1, column: 36 }],
      fixes: [{ title: USAGE, output: '{"Statement": [{"Effect": "Allow", "Action": ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"], "Resource": "*"}]}' }],
    },
    {
      name: 'identity policy with Action "*": reported, but a person must say what is needed (no KMS lists)',
      path: 'admin.json',
      code: '{"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}',
      errors: [{ message: 'allows "*"', line: 1 }],
      output: null,
    },
    {
      name: 'jsonencode (HCL object syntax) with NotAction, = column kept',
      code: [
        'resource "aws_kms_key" "k" {',
        '  policy = jsonencode({',
        '    Statement = [',
        '      {',
        '        Effect    = "Allow"',
        '        Principal = { AWS = "arn:aws:iam::111122223333:role/App" }',
        '        NotAction = ["kms:ScheduleKeyDeletion"]',
        '        Resource  = "*"',
        '      },',
        '    ]',
        '  })',
        '}',
        '',
      ].join('\n'),
      errors: [{ message: 'aws_kms_key.k policy: statement 1 allows every action except those under NotAction', line: 7, column: 9 }],
      output: null,
      fixes: [
        {
          title: USAGE,
          output: [
            'resource "aws_kms_key" "k" {',
            '  policy = jsonencode({',
            '    Statement = [',
            '      {',
            '        Effect    = "Allow"',
            '        Principal = { AWS = "arn:aws:iam::111122223333:role/App" }',
            '        Action    = [',
            '          "kms:Encrypt",',
            '          "kms:Decrypt",',
            '          "kms:ReEncrypt*",',
            '          "kms:GenerateDataKey*",',
            '          "kms:DescribeKey"',
            '        ]',
            '        Resource  = "*"',
            '      },',
            '    ]',
            '  })',
            '}',
            '',
          ].join('\n'),
        },
      ],
    },
    {
      name: 'heredoc (<<-EOT) JSON in a key policy',
      code: 'resource "aws_kms_key" "k" {\n  policy = <<-EOT\n    {\n      "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/App"}, "Action": ["kms:*"], "Resource": "*"}]\n    }\n  EOT\n}\n',
      errors: [{ message: 'aws_kms_key.k policy', line: 4 }],
      fixes: [
        {
          title: USAGE,
          output: 'resource "aws_kms_key" "k" {\n  policy = <<-EOT\n    {\n      "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/App"}, "Action": ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"], "Resource": "*"}]\n    }\n  EOT\n}\n',
        },
      ],
    },
    {
      name: 'heredoc (<<POLICY) with a multi-line action list, CRLF kept',
      code: 'resource "aws_iam_role_policy" "p" {\r\n  policy = <<POLICY\r\n{\r\n  "Statement": [\r\n    {\r\n      "Effect": "Allow",\r\n      "Action": [\r\n        "kms:*"\r\n      ],\r\n      "Resource": "*"\r\n    }\r\n  ]\r\n}\r\nPOLICY\r\n}\r\n',
      errors: [{ message: 'aws_iam_role_policy.p policy: statement 1 allows "kms:*"', line: 8, column: 9 }],
      fixes: [
        {
          title: USAGE,
          output: 'resource "aws_iam_role_policy" "p" {\r\n  policy = <<POLICY\r\n{\r\n  "Statement": [\r\n    {\r\n      "Effect": "Allow",\r\n      "Action": [\r\n        "kms:Encrypt",\r\n        "kms:Decrypt",\r\n        "kms:ReEncrypt*",\r\n        "kms:GenerateDataKey*",\r\n        "kms:DescribeKey"\r\n      ],\r\n      "Resource": "*"\r\n    }\r\n  ]\r\n}\r\nPOLICY\r\n}\r\n',
        },
      ],
    },
    {
      name: 'quoted JSON string: escaped edits on one line',
      code: 'resource "aws_iam_user_policy" "p" {\n  policy = "{\\"Statement\\":[{\\"Effect\\":\\"Allow\\",\\"Action\\":\\"kms:*\\",\\"Resource\\":\\"*\\"}]}"\n}\n',
      errors: [{ message: 'aws_iam_user_policy.p policy', line: 2, column: 62 }],
      fixes: [
        {
          title: USAGE,
          output: 'resource "aws_iam_user_policy" "p" {\n  policy = "{\\"Statement\\":[{\\"Effect\\":\\"Allow\\",\\"Action\\":[\\"kms:Encrypt\\", \\"kms:Decrypt\\", \\"kms:ReEncrypt*\\", \\"kms:GenerateDataKey*\\", \\"kms:DescribeKey\\"],\\"Resource\\":\\"*\\"}]}"\n}\n',
        },
      ],
    },
    {
      name: 'aws_iam_policy_document statement (effect defaults to Allow)',
      code: 'data "aws_iam_policy_document" "app" {\n  statement {\n    actions   = ["kms:*"]\n    resources = [aws_kms_key.k.arn]\n  }\n}\n',
      errors: [{ message: 'data.aws_iam_policy_document.app: statement 1 allows "kms:*"', line: 3, column: 18 }],
      output: null,
      fixes: [
        {
          title: ADMIN,
          output:
            'data "aws_iam_policy_document" "app" {\n  statement {\n    actions   = [\n      "kms:Create*",\n      "kms:Describe*",\n      "kms:Enable*",\n      "kms:List*",\n      "kms:Put*",\n      "kms:Update*",\n      "kms:Revoke*",\n      "kms:Disable*",\n      "kms:Get*",\n      "kms:Delete*",\n      "kms:ScheduleKeyDeletion",\n      "kms:CancelKeyDeletion"\n    ]\n    resources = [aws_kms_key.k.arn]\n  }\n}\n',
        },
      ],
    },
    {
      name: 'aws_iam_policy_document not_actions becomes actions',
      code: 'data "aws_iam_policy_document" "app" {\n  statement {\n    not_actions = ["iam:*"]\n    resources   = ["*"]\n  }\n}\n',
      errors: [{ message: 'NotAction', line: 3, column: 5 }],
      fixes: [{ title: USAGE, output: 'data "aws_iam_policy_document" "app" {\n  statement {\n    actions     = [\n      "kms:Encrypt",\n      "kms:Decrypt",\n      "kms:ReEncrypt*",\n      "kms:GenerateDataKey*",\n      "kms:DescribeKey"\n    ]\n    resources   = ["*"]\n  }\n}\n' }],
    },
    {
      name: 'account root with kms:* in an identity policy is not the key-policy delegation',
      code: 'resource "aws_iam_role_policy" "p" {\n  policy = data.aws_iam_policy_document.kms.json\n}\ndata "aws_iam_policy_document" "kms" {\n  statement {\n    principals {\n      type        = "AWS"\n      identifiers = ["arn:aws:iam::111122223333:root"]\n    }\n    actions   = ["kms:*"]\n    resources = ["*"]\n  }\n}\n',
      errors: [{ message: 'allows "kms:*" to arn:aws:iam::111122223333:root', line: 10 }],
    },
    {
      name: 'actions from a variable default in another file: reported at the use site, naming the origin',
      code: 'data "aws_iam_policy_document" "app" {\n  statement {\n    actions   = var.kms_actions\n    resources = ["*"]\n  }\n}\n',
      moduleFiles: [{ path: 'variables.tf', text: 'variable "kms_actions" {\n  default = ["kms:Decrypt", "kms:*"]\n}\n' }],
      errors: [{ message: 'allows "kms:*" (from the default of variable "kms_actions")', line: 3, column: 17 }],
      output: null,
    },
    {
      name: 'the account root with a wildcard principal next to it is not a delegation',
      path: 'key-policy.json',
      code: keyPolicyJson('    { "Effect": "Allow", "Principal": { "AWS": ["arn:aws:iam::111122223333:root", "*"] }, "Action": "kms:*", "Resource": "*" }'),
      errors: 1,
    },
  ],
});
