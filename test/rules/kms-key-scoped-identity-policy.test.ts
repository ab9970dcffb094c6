import { kmsKeyScopedIdentityPolicy } from '../../rules/kms-wildcard/kms-key-scoped-identity-policy';
import { ruleTester } from '../support/rule-tester';

ruleTester(kmsKeyScopedIdentityPolicy, {
  valid: [
    { name: 'the key ARN is named', path: 'app.json', code: '{"Statement": [{"Effect": "Allow", "Action": "kms:Decrypt", "Resource": "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"}]}' },
    { name: 'a Condition limits the keys', path: 'app.json', code: '{"Statement": [{"Effect": "Allow", "Action": "kms:Decrypt", "Resource": "*", "Condition": {"StringEquals": {"kms:ViaService": "s3.eu-west-1.amazonaws.com"}}}]}' },
    { name: 'read-only KMS actions on every key', path: 'app.json', code: '{"Statement": [{"Effect": "Allow", "Action": ["kms:ListKeys", "kms:ListAliases", "kms:DescribeKey"], "Resource": "*"}]}' },
    { name: 'a key policy: Resource "*" is the key itself', path: 'key-policy.json', code: '{"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/App"}, "Action": "kms:Decrypt", "Resource": "*"}]}' },
    { name: 'kms:* is left to kms-no-wildcard-actions', path: 'app.json', code: '{"Statement": [{"Effect": "Allow", "Action": "kms:*", "Resource": "*"}]}' },
    { name: 'Terraform: the key referenced by its ARN', code: 'data "aws_iam_policy_document" "app" {\n  statement {\n    actions   = ["kms:Decrypt", "kms:GenerateDataKey*"]\n    resources = [aws_kms_key.data.arn]\n  }\n}\n' },
  ],
  invalid: [
    {
      name: 'policy JSON: Decrypt and GenerateDataKey on "*"',
      path: 'app.json',
      code: '{\n  "Statement": [\n    { "Sid": "Crypto", "Effect": "Allow", "Action": ["kms:Decrypt", "kms:GenerateDataKey"], "Resource": "*" }\n  ]\n}\n',
      errors: [{ message: 'app.json: statement "Crypto" allows kms:Decrypt, kms:GenerateDataKey on every KMS key ("*")', line: 3, column: 105 }],
      output: null,
    },
    {
      name: 'Terraform aws_iam_policy_document used by a role policy, every key ARN of the account',
      code: 'resource "aws_iam_role_policy" "app" {\n  role   = "app"\n  policy = data.aws_iam_policy_document.app.json\n}\ndata "aws_iam_policy_document" "app" {\n  statement {\n    actions   = ["kms:ReEncrypt*"]\n    resources = ["arn:aws:kms:eu-west-1:111122223333:key/*"]\n  }\n}\n',
      errors: [{ message: 'allows kms:ReEncryptFrom, kms:ReEncryptTo on every KMS key', line: 8 }],
    },
    {
      name: 'Terraform jsonencode in aws_iam_policy',
      code: 'resource "aws_iam_policy" "p" {\n  policy = jsonencode({\n    Statement = [{ Effect = "Allow", Action = ["kms:Encrypt"], Resource = "*" }]\n  })\n}\n',
      errors: [{ message: 'aws_iam_policy.p policy: statement 1 allows kms:Encrypt on every KMS key', line: 3 }],
    },
  ],
});
