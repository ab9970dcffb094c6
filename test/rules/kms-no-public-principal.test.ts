import { kmsNoPublicPrincipal } from '../../rules/kms-wildcard/kms-no-public-principal';
import { ruleTester } from '../support/rule-tester';

const keyPolicy = (statement: string) => `{\n  "Version": "2012-10-17",\n  "Statement": [\n    ${statement}\n  ]\n}\n`;

const gcpKey = 'resource "google_kms_crypto_key" "k" {\n  name     = "k"\n  key_ring = google_kms_key_ring.r.id\n}\n';

ruleTester(kmsNoPublicPrincipal, {
  valid: [
    {
      name: 'wildcard principal narrowed by a Condition',
      path: 'key-policy.json',
      code: keyPolicy('{ "Effect": "Allow", "Principal": "*", "Action": "kms:Decrypt", "Resource": "*", "Condition": { "StringEquals": { "aws:PrincipalOrgID": "o-abc" } } }'),
    },
    {
      name: 'a Condition that cannot be read statically is not judged',
      code: 'resource "aws_kms_key" "k" {\n  policy = jsonencode({ Statement = [{ Effect = "Allow", Principal = "*", Action = "kms:Decrypt", Resource = "*", Condition = var.condition }] })\n}\n',
    },
    {
      name: 'Deny for everyone (the seeds\' DenyKeyDeletion)',
      path: 'key-policy.json',
      code: keyPolicy('{ "Effect": "Deny", "Principal": "*", "Action": ["kms:ScheduleKeyDeletion"], "Resource": "*" }'),
    },
    {
      name: 'a public bucket policy is not this family\'s concern',
      code: 'resource "aws_s3_bucket_policy" "b" {\n  policy = jsonencode({ Statement = [{ Effect = "Allow", Principal = "*", Action = "s3:GetObject", Resource = "arn:aws:s3:::b/*" }] })\n}\n',
    },
    {
      name: 'a named principal',
      path: 'key-policy.json',
      code: keyPolicy('{ "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::111122223333:role/App" }, "Action": "kms:Decrypt", "Resource": "*" }'),
    },
    {
      name: 'Google Cloud: a named member, and a data google_iam_policy with allUsers that no KMS resource uses',
      code: `${gcpKey}resource "google_kms_crypto_key_iam_member" "m" {\n  crypto_key_id = google_kms_crypto_key.k.id\n  role          = "roles/cloudkms.cryptoKeyDecrypter"\n  member        = "serviceAccount:app@p.iam.gserviceaccount.com"\n}\ndata "google_iam_policy" "bucket" {\n  binding {\n    role    = "roles/storage.objectViewer"\n    members = ["allUsers"]\n  }\n}\n`,
    },
  ],
  invalid: [
    {
      name: 'policy JSON: Principal "*"',
      path: 'key-policy.json',
      code: keyPolicy('{ "Sid": "Open", "Effect": "Allow", "Principal": "*", "Action": "kms:Decrypt", "Resource": "*" }'),
      errors: [{ message: 'key-policy.json: statement "Open" allows any principal ("*") to use this key with no Condition', line: 4, column: 54 }],
      output: null,
    },
    {
      name: 'heredoc key policy: {"AWS": "*"}',
      code: 'resource "aws_kms_key" "k" {\n  policy = <<POLICY\n  {\n    "Statement":[{"Effect":"Allow","Principal": {"AWS":"*"},"Action":["kms:Encrypt"],"Resource":"*"}]\n  }\n  POLICY\n}\n',
      errors: [{ message: 'aws_kms_key.k policy', line: 4 }],
    },
    {
      name: 'jsonencode resource policy that grants KMS actions',
      code: 'resource "aws_sqs_queue_policy" "q" {\n  policy = jsonencode({ Statement = [{ Effect = "Allow", Principal = { AWS = "*" }, Action = ["kms:Decrypt", "sqs:SendMessage"], Resource = "*" }] })\n}\n',
      errors: [{ message: 'to use KMS with no Condition', line: 2 }],
    },
    {
      name: 'aws_iam_policy_document principals { type = "*" } used by aws_kms_key_policy',
      code: 'resource "aws_kms_key_policy" "p" {\n  key_id = aws_kms_key.k.id\n  policy = data.aws_iam_policy_document.key.json\n}\ndata "aws_iam_policy_document" "key" {\n  statement {\n    actions = ["kms:Decrypt"]\n    principals {\n      type        = "*"\n      identifiers = ["*"]\n    }\n  }\n}\n',
      errors: [{ message: 'data.aws_iam_policy_document.key: statement 1 allows any principal', line: 10 }],
    },
    {
      name: 'principal identifiers from a local value',
      code: 'locals {\n  readers = ["*"]\n}\nresource "aws_kms_key" "k" {\n  policy = jsonencode({ Statement = [{ Effect = "Allow", Principal = { AWS = local.readers }, Action = "kms:Decrypt", Resource = "*" }] })\n}\n',
      errors: [{ message: 'allows any principal ("*") (from the local value "readers")', line: 5 }],
    },
    {
      name: 'the root of every account',
      path: 'key-policy.json',
      code: keyPolicy('{ "Effect": "Allow", "Principal": { "AWS": ["arn:aws:iam::111122223333:role/App", "arn:aws:iam::*:root"] }, "Action": "kms:Decrypt", "Resource": "*" }'),
      errors: [{ message: 'allows any principal ("arn:aws:iam::*:root")', line: 4 }],
    },
    {
      name: 'Allow with NotPrincipal and no Condition',
      path: 'key-policy.json',
      code: keyPolicy('{ "Effect": "Allow", "NotPrincipal": { "AWS": "arn:aws:iam::111122223333:role/X" }, "Action": "kms:Decrypt", "Resource": "*" }'),
      errors: [{ message: 'every principal except those under NotPrincipal', line: 4 }],
    },
    {
      name: 'Google Cloud: crypto key IAM member allUsers',
      code: `${gcpKey}resource "google_kms_crypto_key_iam_member" "m" {\n  crypto_key_id = google_kms_crypto_key.k.id\n  role          = "roles/cloudkms.cryptoKeyDecrypter"\n  member        = "allUsers"\n}\n`,
      errors: [{ message: 'google_kms_crypto_key_iam_member.m grants roles/cloudkms.cryptoKeyDecrypter on a KMS key to "allUsers"', line: 8, column: 19 }],
    },
    {
      name: 'Google Cloud: key ring IAM binding with allAuthenticatedUsers among members',
      code: 'resource "google_kms_key_ring_iam_binding" "b" {\n  key_ring_id = google_kms_key_ring.r.id\n  role        = "roles/cloudkms.cryptoKeyEncrypterDecrypter"\n  members     = ["user:jane@example.com", "allAuthenticatedUsers"]\n}\n',
      errors: [{ message: 'on a KMS key ring to "allAuthenticatedUsers", which is anyone with a Google account', line: 4 }],
    },
    {
      name: 'Google Cloud: crypto key IAM policy from a data google_iam_policy in another file',
      code: 'resource "google_kms_crypto_key_iam_policy" "p" {\n  crypto_key_id = google_kms_crypto_key.k.id\n  policy_data   = data.google_iam_policy.open.policy_data\n}\n',
      moduleFiles: [{ path: 'iam.tf', text: 'data "google_iam_policy" "open" {\n  binding {\n    role    = "roles/cloudkms.cryptoKeyEncrypter"\n    members = ["allUsers"]\n  }\n}\n' }],
      errors: [{ message: 'google_kms_crypto_key_iam_policy.p applies data.google_iam_policy.open, which grants roles/cloudkms.cryptoKeyEncrypter to "allUsers"', line: 3 }],
    },
  ],
});
