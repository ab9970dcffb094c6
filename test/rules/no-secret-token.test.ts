import assert from 'node:assert/strict';
import { noPlaintextSecret } from '../../rules/plaintext-secret/no-plaintext-secret';
import { noSecretToken } from '../../rules/plaintext-secret/no-secret-token';
import { analyze } from '../../server/src/engine/engine';
import { ruleTester, type InvalidCase } from '../support/rule-tester';

// Format-valid fake tokens, assembled so this file does not itself look like a leak to scanners.
const AKIA = 'AKIA' + 'Z3X5EXAMPLE7Q2WV';
const AWS_SECRET = 'wJalrXUtnFEMI/K7MDENG/' + 'bPxRfiCYEXAMPLEKEY';
const GHP = 'ghp_' + 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8';
const SLACK = 'xoxb-' + '123456789012-1234567890123-' + 'AbCdEfGhIjKlMnOpQrStUvWx';
const STRIPE = 'sk_' + 'live_' + '4eC39HqLyjWDarjtT1zdp7dc';
const GOOGLE = 'AIza' + 'SyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q';
const PEM_BODY = 'MIIEpAIBAAKCAQEA3Tz2mr7SZiAMfQyuvBjM2Ee4bEB8mkkwvv3Gx3bBBiYDpFGz\nq9ErDq7pmgTXRSPvMh3Z5yI7N0j1PGfbhFRNTb3YhaTqG6wVgmkA1Zl2a3Rp4gBK\n';
const PEM = '-----BEGIN RSA ' + 'PRIVATE KEY-----\n' + PEM_BODY + '-----END RSA PRIVATE KEY-----';
const HIGH_ENTROPY = 'q8Zr3LmX1vB7nT4kP9sW2yD6';

const invalid: InvalidCase[] = [
  {
    name: 'AWS provider access key: sensitive-variable fix',
    code: `provider "aws" {\n  region     = "us-east-1"\n  access_key = "${AKIA}"\n}\n`,
    errors: [{ message: 'plaintext AWS access key ID ("AKIA************")', line: 3, column: 17 }],
    output: null,
    fixes: [
      {
        title: 'Replace the literal with var.aws_access_key (a new sensitive variable)',
        safe: false,
        output: 'provider "aws" {\n  region     = "us-east-1"\n  access_key = var.aws_access_key\n}\n\nvariable "aws_access_key" {\n  type      = string\n  sensitive = true\n}\n',
      },
    ],
  },
  {
    name: 'AWS secret key next to its name',
    code: `provider "aws" {\n  secret_key = "${AWS_SECRET}"\n}\n`,
    errors: [{ message: 'plaintext AWS secret access key ("wJal************")', line: 2 }],
  },
  {
    name: 'token under a neutral name in a Lambda environment',
    code: `resource "aws_lambda_function" "f" {\n  environment {\n    variables = {\n      foo = "${AKIA}"\n    }\n  }\n}\n`,
    errors: [{ message: 'AWS access key ID', line: 4 }],
    fixes: [
      {
        title: /var\.f_foo/,
        output: 'resource "aws_lambda_function" "f" {\n  environment {\n    variables = {\n      foo = var.f_foo\n    }\n  }\n}\n\nvariable "f_foo" {\n  type      = string\n  sensitive = true\n}\n',
      },
    ],
  },
  {
    name: 'private key in a heredoc (no fix inside heredocs)',
    code: `resource "aws_transfer_ssh_key" "k" {\n  body = <<EOT\n${PEM}\nEOT\n}\n`,
    errors: [{ message: 'plaintext private key', line: 3 }],
    output: null,
  },
  {
    name: 'base64-encoded private key in user data',
    code: `resource "aws_instance" "i" {\n  user_data_base64 = "${Buffer.from(PEM).toString('base64')}"\n}\n`,
    errors: [{ message: 'base64-encoded private key', line: 2 }],
  },
  { name: 'shell export in a heredoc', code: `resource "aws_instance" "i" {\n  user_data = <<EOF\nexport AWS_ACCESS_KEY_ID=${AKIA}\nexport AWS_SECRET_ACCESS_KEY=${AWS_SECRET}\nEOF\n}\n`, errors: [{ line: 3 }, { line: 4 }] },
  {
    name: 'high-entropy secret assigned in a user_data script',
    code: `resource "aws_instance" "i" {\n  user_data = <<-EOF\n    #!/bin/bash\n    export DB_HOST=db.internal\n    export DB_PASSWORD='${HIGH_ENTROPY}'\n  EOF\n}\n`,
    errors: [{ message: 'DB_PASSWORD is assigned a high-entropy literal', line: 5 }],
  },
  { name: 'token in a comment', code: `# old key: ${GHP}\nresource "null_resource" "x" {}\n`, errors: [{ message: 'GitHub token', line: 1 }] },
  { name: '.tfvars', path: 'prod.tfvars', code: `slack_token = "${SLACK}"\n`, errors: [{ message: 'Slack token', line: 1 }] },
  { name: 'JSON', path: 'settings.json', code: `{\n  "stripe": "${STRIPE}"\n}\n`, errors: [{ message: 'Stripe secret key', line: 2 }] },
  { name: 'YAML', path: 'config.yaml', code: `maps:\n  key: ${GOOGLE}\n`, errors: [{ message: 'Google API key', line: 2 }] },
  { name: 'CloudFormation YAML', path: 'template.yaml', code: `AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Environment:\n        Variables:\n          KEY: ${AKIA}\n`, errors: [{ message: 'AWS access key ID', line: 8 }] },
  { name: 'TypeScript', path: 'client.ts', code: `const octokit = new Octokit({ auth: '${GHP}' });\n`, errors: [{ message: 'GitHub token', line: 1 }] },
  { name: 'Python', path: 'app.py', code: `import stripe\nstripe.api_key = "${STRIPE}"\n`, errors: [{ message: 'Stripe secret key', line: 2 }] },
  { name: 'Go', path: 'main.go', code: `package main\n\nconst key = "${AKIA}"\n`, errors: [{ message: 'AWS access key ID', line: 3 }] },
  { name: 'Java', path: 'App.java', code: `class App {\n  String token = "${SLACK}";\n}\n`, errors: [{ message: 'Slack token', line: 2 }] },
  { name: '.env', path: '.env', code: `GITHUB_TOKEN=${GHP}\n`, errors: [{ message: 'GitHub token', line: 1 }] },
  { name: 'password in a URL', path: 'notes.txt', kind: 'text', code: 'db: postgres://app:' + 'S3cr3tPassw0rd@db.internal:5432/app\n', errors: [{ message: 'plaintext password in a URL ("S3************")', line: 1 }] },
  { name: 'plain text: high-entropy literal under a secret-like name', path: 'deploy.txt', kind: 'text', code: `api_key = "${HIGH_ENTROPY}"\n`, errors: [{ message: 'api_key is assigned a high-entropy literal', line: 1 }] },
];

ruleTester(noSecretToken, {
  valid: [
    { name: 'credentials from the environment', code: 'provider "aws" {\n  region = "us-east-1"\n}\n' },
    { name: 'placeholder-looking tokens', code: 'variable "token" {\n  default = "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"\n}\n' },
    { name: 'key block without key material', path: 'README.txt', kind: 'text', code: '-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----\n' },
    { name: 'URL with interpolated password', code: 'locals {\n  url = "postgres://app:${var.db_password}@db:5432/app"\n}\n' },
    { name: 'Stripe test key', path: 'app.py', code: 'stripe.api_key = "sk_test_4eC39HqLyjWDarjtT1zdp7dc"\n' },
    { name: 'plain text: low-entropy words', path: 'notes.txt', kind: 'text', code: 'password = "see the wiki"\ntoken: not-yet-issued\n' },
    { name: 'empty file', path: 'empty.json', code: '' },
    { name: 'script reading secrets at boot', code: 'resource "aws_instance" "i" {\n  user_data = <<EOF\nexport DB_PASSWORD=$(aws secretsmanager get-secret-value --secret-id db --query SecretString --output text)\nexport API_TOKEN="${var.api_token}"\nEOF\n}\n' },
    { name: 'half-typed Terraform', code: 'resource "aws_instance" "x" {\n  user_data = "' },
  ],
  invalid,
});

describe('rule no-secret-token: never prints a secret', () => {
  for (const testCase of invalid) {
    it(testCase.name ?? '', () => {
      const result = analyze({ path: testCase.path ?? 'main.tf', text: testCase.code, kind: testCase.kind }, { rules: [noSecretToken] });
      assert.ok(result.findings.length > 0);
      for (const finding of result.findings) {
        for (const secret of [AKIA, AWS_SECRET, GHP, SLACK, STRIPE, GOOGLE, PEM_BODY.slice(0, 20), HIGH_ENTROPY, 'S3cr3tPassw0rd']) {
          assert.ok(!finding.message.includes(secret), `message reveals a secret: ${finding.message}`);
        }
      }
    });
  }
});

describe('plaintext-secret family: one finding per secret', () => {
  it('no-secret-token owns tokens, no-plaintext-secret the other literals', () => {
    const code = `provider "aws" {\n  access_key = "${AKIA}"\n  secret_key = "${AWS_SECRET}"\n}\nresource "aws_db_instance" "db" {\n  password = "Orders-Pa55word!"\n}\nresource "aws_lambda_function" "f" {\n  environment {\n    variables = {\n      GITHUB_TOKEN = "${GHP}"\n    }\n  }\n}\n`;
    const result = analyze({ path: 'main.tf', text: code }, { rules: [noPlaintextSecret, noSecretToken] });
    assert.deepEqual(
      result.findings.map((f) => `${f.range.start.line + 1} ${f.ruleId}`),
      ['2 no-secret-token', '3 no-secret-token', '6 no-plaintext-secret', '11 no-secret-token'],
    );
  });
});
