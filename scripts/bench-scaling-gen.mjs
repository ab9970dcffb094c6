// Generators for the scaling benchmark: one file of N "resources" per source kind, a realistic mix of
// compliant and non-compliant items (so rules find, fix and resolve as they would on real code).
// Each generator is deterministic in N. Shared by scripts/bench-scaling.mjs and scripts/bench-peers.mjs.

const pad = (i) => String(i).padStart(6, '0');
const range = (n) => Array.from({ length: n }, (_, i) => i);

/** Terraform AWS: KMS keys (rotation on/off/var), with variables that have defaults and a module call. */
function tfAwsKeys(n) {
  const out = [];
  out.push('variable "rotate" {\n  type    = bool\n  default = true\n}\n\nvariable "window" {\n  type    = number\n  default = 30\n}\n');
  for (const i of range(n)) {
    const rotation = ['true', 'false', 'var.rotate', null][i % 4];
    out.push(`resource "aws_kms_key" "k${pad(i)}" {\n  description             = "key ${i}"\n  deletion_window_in_days = var.window\n${rotation ? `  enable_key_rotation     = ${rotation}\n` : ''}}\n`);
    if (i % 50 === 0) out.push(`module "svc${pad(i)}" {\n  source  = "./modules/svc"\n  key_arn = aws_kms_key.k${pad(i)}.arn\n}\n`);
  }
  return out.join('\n');
}

/** Terraform AWS buckets alone: each lacks SSE configuration and a TLS-only policy. */
function tfAwsBuckets(n) {
  return range(n).map((i) => `resource "aws_s3_bucket" "b${pad(i)}" {\n  bucket = "bucket-${pad(i)}"\n}\n`).join('\n');
}

/** Terraform AWS buckets with their companions: bucket policy, SSE configuration (some with KMS). */
function tfAwsBucketsCompanions(n) {
  const out = [];
  for (const i of range(n)) {
    const b = `b${pad(i)}`;
    out.push(`resource "aws_s3_bucket" "${b}" {\n  bucket = "bucket-${pad(i)}"\n}\n`);
    out.push(
      `resource "aws_s3_bucket_server_side_encryption_configuration" "${b}" {\n  bucket = aws_s3_bucket.${b}.id\n  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm = "${i % 2 ? 'aws:kms' : 'AES256'}"\n${i % 2 ? `      kms_master_key_id = aws_kms_key.k${pad(i)}.arn\n` : ''}    }\n  }\n}\n`,
    );
    const deny = i % 3 !== 0;
    out.push(
      `resource "aws_s3_bucket_policy" "${b}" {\n  bucket = aws_s3_bucket.${b}.id\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{\n      Sid       = "${deny ? 'DenyInsecureTransport' : 'AllowRead'}"\n      Effect    = "${deny ? 'Deny' : 'Allow'}"\n      Principal = "*"\n      Action    = "s3:*"\n      Resource  = [aws_s3_bucket.${b}.arn, "\${aws_s3_bucket.${b}.arn}/*"]\n${deny ? '      Condition = { Bool = { "aws:SecureTransport" = "false" } }\n' : ''}    }]\n  })\n}\n`,
    );
    if (i % 2) out.push(`resource "aws_kms_key" "k${pad(i)}" {\n  enable_key_rotation = ${i % 4 === 1}\n}\n`);
  }
  return out.join('\n');
}

/** Terraform AWS with rotation companions: secrets with and without aws_secretsmanager_secret_rotation. */
function tfAwsSecretsRotation(n) {
  const out = ['variable "rotation_days" {\n  default = 30\n}\n'];
  for (const i of range(n)) {
    out.push(`resource "aws_secretsmanager_secret" "s${pad(i)}" {\n  name       = "secret-${i}"\n  kms_key_id = var.key_arn\n}\n`);
    if (i % 2) out.push(`resource "aws_secretsmanager_secret_rotation" "s${pad(i)}" {\n  secret_id           = aws_secretsmanager_secret.s${pad(i)}.id\n  rotation_lambda_arn = var.rotator\n  rotation_rules {\n    automatically_after_days = var.rotation_days\n  }\n}\n`);
  }
  out.push('variable "key_arn" {\n  type = string\n}\n\nvariable "rotator" {\n  type = string\n}\n');
  return out.join('\n');
}

/** Terraform AWS listeners and databases whose settings come from variables with defaults. */
function tfAwsVars(n) {
  const out = [];
  for (const i of range(n)) {
    if (i % 2) {
      out.push(`variable "policy_${i}" {\n  type    = string\n  default = "${i % 4 === 1 ? 'ELBSecurityPolicy-2016-08' : 'ELBSecurityPolicy-TLS13-1-2-2021-06'}"\n}\n`);
      out.push(`resource "aws_lb_listener" "l${pad(i)}" {\n  load_balancer_arn = var.lb_arn\n  port              = 443\n  protocol          = "HTTPS"\n  ssl_policy        = var.policy_${i}\n  certificate_arn   = var.cert\n}\n`);
    } else {
      out.push(`resource "aws_db_instance" "d${pad(i)}" {\n  engine            = "postgres"\n  instance_class    = "db.t3.micro"\n  storage_encrypted = local.encrypt\n  kms_key_id        = local.key\n  password          = var.db_password\n}\n`);
    }
  }
  out.push('locals {\n  encrypt = true\n  key     = var.key_arn\n}\n\nvariable "db_password" {\n  type      = string\n  sensitive = true\n}\n');
  return out.join('\n');
}

/** Terraform Azure: storage accounts (TLS minimum) and Key Vault keys with and without rotation policies. */
function tfAzure(n) {
  const out = [];
  for (const i of range(n)) {
    if (i % 2) {
      out.push(`resource "azurerm_storage_account" "sa${pad(i)}" {\n  name                     = "sa${pad(i)}"\n  resource_group_name      = var.rg\n  location                 = "westeurope"\n  account_tier             = "Standard"\n  account_replication_type = "GRS"\n  min_tls_version          = "${i % 4 === 1 ? 'TLS1_0' : 'TLS1_2'}"\n}\n`);
    } else {
      out.push(
        `resource "azurerm_key_vault_key" "kv${pad(i)}" {\n  name         = "key-${i}"\n  key_vault_id = var.vault\n  key_type     = "RSA"\n  key_size     = 2048\n  key_opts     = ["decrypt", "encrypt"]\n${i % 4 === 0 ? '  rotation_policy {\n    automatic {\n      time_before_expiry = "P30D"\n    }\n    expire_after = "P90D"\n  }\n' : ''}}\n`,
      );
    }
  }
  return out.join('\n');
}

/** Terraform GCP: crypto keys with rotation periods and buckets with and without CMEK. */
function tfGcp(n) {
  const out = ['resource "google_kms_key_ring" "ring" {\n  name     = "ring"\n  location = "global"\n}\n'];
  for (const i of range(n)) {
    if (i % 2) out.push(`resource "google_kms_crypto_key" "ck${pad(i)}" {\n  name            = "ck-${i}"\n  key_ring        = google_kms_key_ring.ring.id\n  rotation_period = "${i % 4 === 1 ? '63072000s' : '7776000s'}"\n}\n`);
    else out.push(`resource "google_storage_bucket" "gb${pad(i)}" {\n  name     = "gb-${i}"\n  location = "EU"\n${i % 4 === 0 ? `  encryption {\n    default_kms_key_name = google_kms_crypto_key.ck${pad(i + 1)}.id\n  }\n` : ''}}\n`);
  }
  return out.join('\n');
}

/** CloudFormation resources as a plain object: KMS keys (rotation on/off) and buckets. */
function cfnTemplate(n) {
  const resources = {};
  for (const i of range(n)) {
    if (i % 2) {
      resources[`Key${pad(i)}`] = {
        Type: 'AWS::KMS::Key',
        Properties: {
          EnableKeyRotation: i % 4 === 1,
          KeyPolicy: {
            Version: '2012-10-17',
            Statement: [{ Sid: 'Admin', Effect: 'Allow', Principal: { AWS: { 'Fn::Sub': 'arn:${AWS::Partition}:iam::${AWS::AccountId}:root' } }, Action: i % 4 === 1 ? 'kms:*' : ['kms:Describe*', 'kms:Put*'], Resource: '*' }],
          },
        },
      };
    } else {
      resources[`Bucket${pad(i)}`] = {
        Type: 'AWS::S3::Bucket',
        Properties: i % 4 === 0 ? { BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: { Ref: `Key${pad(i + 1)}` } } }] } } : { BucketName: `bucket-${i}` },
      };
    }
  }
  return { AWSTemplateFormatVersion: '2010-09-09', Resources: resources };
}

function cfnYaml(n) {
  const out = ['AWSTemplateFormatVersion: "2010-09-09"', 'Resources:'];
  for (const i of range(n)) {
    if (i % 2) {
      out.push(
        `  Key${pad(i)}:`,
        '    Type: AWS::KMS::Key',
        '    Properties:',
        `      EnableKeyRotation: ${i % 4 === 1}`,
        '      KeyPolicy:',
        '        Version: "2012-10-17"',
        '        Statement:',
        '          - Sid: Admin',
        '            Effect: Allow',
        '            Principal:',
        "              AWS: !Sub 'arn:${AWS::Partition}:iam::${AWS::AccountId}:root'",
        `            Action: ${i % 4 === 1 ? "'kms:*'" : "['kms:Describe*', 'kms:Put*']"}`,
        "            Resource: '*'",
      );
    } else if (i % 4 === 0) {
      out.push(`  Bucket${pad(i)}:`, '    Type: AWS::S3::Bucket', '    Properties:', '      BucketEncryption:', '        ServerSideEncryptionConfiguration:', '          - ServerSideEncryptionByDefault:', '              SSEAlgorithm: aws:kms', `              KMSMasterKeyID: !Ref Key${pad(i + 1)}`);
    } else {
      out.push(`  Bucket${pad(i)}:`, '    Type: AWS::S3::Bucket', '    Properties:', `      BucketName: bucket-${i}`);
    }
  }
  return `${out.join('\n')}\n`;
}

/** A key policy document with N statements on one line (as `aws kms get-key-policy` prints it). */
function policyJson(n) {
  const statements = range(n).map((i) => ({
    Sid: `S${i}`,
    Effect: 'Allow',
    Principal: i % 5 === 0 ? '*' : { AWS: `arn:aws:iam::111122223333:role/r${i}` },
    Action: i % 3 === 0 ? 'kms:*' : ['kms:Encrypt', 'kms:Decrypt'],
    Resource: '*',
  }));
  return JSON.stringify({ Version: '2012-10-17', Statement: statements });
}

/** CDK TypeScript: keys, buckets and secrets, some props passed through variables. */
function cdkTs(n) {
  const out = [
    "import * as cdk from 'aws-cdk-lib';",
    "import { Construct } from 'constructs';",
    "import * as kms from 'aws-cdk-lib/aws-kms';",
    "import * as s3 from 'aws-cdk-lib/aws-s3';",
    '',
    'const ROTATE = true;',
    '',
    'export class BigStack extends cdk.Stack {',
    '  constructor(scope: Construct, id: string, props?: cdk.StackProps) {',
    '    super(scope, id, props);',
  ];
  for (const i of range(n)) {
    if (i % 2) out.push(`    const key${i} = new kms.Key(this, 'Key${i}', { enableKeyRotation: ${['true', 'false', 'ROTATE', 'false'][i % 4]} });`);
    else out.push(`    new s3.Bucket(this, 'Bucket${i}', { encryption: ${i % 4 === 0 ? 's3.BucketEncryption.S3_MANAGED' : 's3.BucketEncryption.KMS'}, enforceSSL: ${i % 4 !== 0} });`);
  }
  out.push('  }', '}', '');
  return out.join('\n');
}

const SECRET = (i) => `Pr0d-${(i * 7919).toString(36)}-Passw0rd!`;

function js(n, typed) {
  const out = ["import https from 'node:https';", "import tls from 'node:tls';", ''];
  for (const i of range(n)) {
    if (i % 3 === 0) out.push(`export const dbPassword${i}${typed ? ': string' : ''} = '${SECRET(i)}';`);
    else if (i % 3 === 1) out.push(`export const agent${i} = new https.Agent({ rejectUnauthorized: ${i % 2 === 0}, minVersion: '${i % 2 ? 'TLSv1' : 'TLSv1.2'}' });`);
    else out.push(`export function connect${i}(host${typed ? ': string' : ''}) { return tls.connect({ host, port: 443, minVersion: 'TLSv1.2' }); }`);
  }
  return `${out.join('\n')}\n`;
}

function python(n) {
  const out = ['import ssl', 'import requests', ''];
  for (const i of range(n)) {
    if (i % 3 === 0) out.push(`DB_PASSWORD_${i} = "${SECRET(i)}"`);
    else if (i % 3 === 1) out.push(`def fetch_${i}(url):\n    return requests.get(url, verify=${i % 2 === 0 ? 'True' : 'False'}, timeout=10)\n`);
    else out.push(`def context_${i}():\n    ctx = ssl.create_default_context()\n    ctx.minimum_version = ssl.TLSVersion.${i % 2 ? 'TLSv1_1' : 'TLSv1_2'}\n    return ctx\n`);
  }
  return `${out.join('\n')}\n`;
}

function go(n) {
  const out = ['package big', '', 'import "crypto/tls"', ''];
  for (const i of range(n)) {
    if (i % 3 === 0) out.push(`const dbPassword${i} = "${SECRET(i)}"\n`);
    else out.push(`func config${i}() *tls.Config {\n\treturn &tls.Config{MinVersion: tls.${i % 2 ? 'VersionTLS10' : 'VersionTLS12'}, InsecureSkipVerify: ${i % 3 === 1 && i % 2 === 1}}\n}\n`);
  }
  return out.join('\n');
}

function java(n) {
  const out = ['package big;', '', 'import javax.net.ssl.SSLContext;', '', 'public class Big {'];
  for (const i of range(n)) {
    if (i % 3 === 0) out.push(`    private static final String DB_PASSWORD_${i} = "${SECRET(i)}";`);
    else out.push(`    static SSLContext context${i}() throws Exception {\n        return SSLContext.getInstance("${i % 2 ? 'TLSv1' : 'TLSv1.2'}");\n    }`);
  }
  out.push('}', '');
  return out.join('\n');
}

function dotenv(n) {
  return `${range(n)
    .map((i) => (i % 3 === 0 ? `DB_PASSWORD_${i}=${SECRET(i)}` : i % 3 === 1 ? `LOG_LEVEL_${i}=info` : `SERVICE_URL_${i}=https://svc-${i}.internal`))
    .join('\n')}\n`;
}

/** Every kind: name, file name and generator of the text for N resources. */
export const KINDS = [
  { name: 'tf-aws-kms-keys+vars+modules', file: 'main.tf', make: tfAwsKeys },
  { name: 'tf-aws-buckets-only', file: 'main.tf', make: tfAwsBuckets },
  { name: 'tf-aws-buckets+policy+sse', file: 'main.tf', make: tfAwsBucketsCompanions },
  { name: 'tf-aws-secrets+rotation', file: 'main.tf', make: tfAwsSecretsRotation },
  { name: 'tf-aws-var-defaults', file: 'main.tf', make: tfAwsVars },
  { name: 'tf-azure', file: 'main.tf', make: tfAzure },
  { name: 'tf-gcp', file: 'main.tf', make: tfGcp },
  { name: 'cfn-yaml', file: 'template.yaml', make: cfnYaml },
  { name: 'cfn-json-pretty', file: 'template.json', make: (n) => JSON.stringify(cfnTemplate(n), null, 2) },
  { name: 'cfn-json-one-line', file: 'template.json', make: (n) => JSON.stringify(cfnTemplate(n)) },
  { name: 'policy-json-one-line', file: 'key-policy.json', make: policyJson },
  { name: 'cdk-ts', file: 'stack.ts', make: cdkTs },
  { name: 'js', file: 'app.js', make: (n) => js(n, false) },
  { name: 'ts', file: 'app.ts', make: (n) => js(n, true) },
  { name: 'python', file: 'app.py', make: python },
  { name: 'go', file: 'app.go', make: go },
  { name: 'java', file: 'Big.java', make: java },
  { name: 'dotenv', file: '.env', make: dotenv },
];

export { cfnTemplate, tfAwsBuckets };
