// encryption-at-rest: every service that stores data encrypts it, with a customer-managed KMS key where
// the service takes one. The Terraform side is driven by the table in terraform-settings.ts (switch,
// key, provider default per service); snapshots inherit their source's encryption (special cases).
import { defineRule, type RuleContext } from '../define';
import { checkCloudFormationAtRest } from './sources/encryption-at-rest.cloudformation';
import { checkTerraformTable } from './terraform-check';
import { checkRegistryModules } from './terraform-modules';
import { checkSnapshots } from './terraform-special-cases';

function checkTerraform(context: RuleContext): void {
  checkTerraformTable(context);
  checkSnapshots(context);
  checkRegistryModules(context);
}

export const encryptionAtRest = defineRule({
  meta: {
    id: 'encryption-at-rest',
    title: 'Stored data must be encrypted at rest, with a customer-managed key',
    family: 'encryption-at-rest',
    severity: 'error',
    securitySeverity: 7.0,
    controls: ['SOC 2 CC6.1', 'HIPAA 164.312(a)(2)(iv)', 'OP-POL-001 §3.1 Cloud encryption requirements', 'ENG-POL-003 §3.3 Data at rest encryption'],
    description:
      'Flags resources that store data without encryption at rest (error) — EBS volumes, snapshot copies and instance/launch-configuration/launch-template block devices, RDS/Aurora/DocumentDB/Neptune, Redshift, EFS, DAX, ElastiCache, OpenSearch/Elasticsearch, Kinesis streams and Firehose, SNS, SQS with SSE switched off, Athena, Glue, API Gateway caches, WorkSpaces volumes, PostgreSQL infrastructure encryption, and snapshots of unencrypted sources — and, under the customer-managed-key policy, data encrypted only with a key the provider owns or manages (`alias/aws/…`, SSE-SQS, DynamoDB/MSK/CloudWatch Logs/CloudTrail/Secrets Manager/ECR/CodeBuild/SageMaker/EKS/Lambda-environment defaults, S3 buckets explicitly on SSE-S3 or aws/s3, Azure platform keys, Google-managed disk keys) (warning). Terraform and CloudFormation, plus well-known registry modules (rds, rds-aurora, sqs, sns, autoscaling). Provider defaults are taken into account: Aurora Serverless v1, EBS default encryption and S3 default (SSE-S3) encryption count as encrypted, Redshift without settings uses an AWS-owned key; replicas, restores and volumes from snapshots inherit their source.',
    rationale:
      'SOC 2 CC6.1 and HIPAA 164.312(a)(2)(iv) expect stored data to be unreadable without a key. A customer-managed KMS key adds what an AWS-managed key cannot: a key policy the organisation writes (separation of duties, no cross-account surprises), its own rotation schedule, the ability to disable the key to cut off access, and CloudTrail evidence of every use — which is why the encryption policy requires CMKs for confidential data.',
    noncompliant: [
      { language: 'hcl', code: 'resource "aws_ebs_volume" "data" {\n  availability_zone = "eu-west-1a"\n  size              = 100\n}' },
      { language: 'hcl', code: 'resource "aws_sns_topic" "events" {\n  name              = "events"\n  kms_master_key_id = "alias/aws/sns"\n}' },
    ],
    compliant: [
      { language: 'hcl', code: 'resource "aws_ebs_volume" "data" {\n  availability_zone = "eu-west-1a"\n  size              = 100\n  encrypted         = true\n  kms_key_id        = aws_kms_key.data.arn\n}' },
      { language: 'hcl', code: 'resource "aws_sns_topic" "events" {\n  name              = "events"\n  kms_master_key_id = aws_kms_key.data.arn\n}' },
    ],
    fix: 'Turns the encryption switch on (`encrypted = true`, `storage_encrypted = true`, `server_side_encryption { enabled = true }`, `encryption_type = "KMS"` …), keeping the file\'s layout. Key ids cannot be invented: when the module has exactly one `aws_kms_key`, an unsafe alternative also sets the key attribute to `aws_kms_key.<name>.arn`; otherwise the key must be chosen by hand.',
    options: {
      requireCustomerManagedKey: {
        type: 'boolean',
        default: true,
        description: 'Report data encrypted only with a provider-owned or provider-managed key (warning). Turn off where the policy accepts AWS-managed keys.',
      },
    },
  },
  check: {
    terraform: checkTerraform,
    'cloudformation-yaml': checkCloudFormationAtRest,
    'cloudformation-json': checkCloudFormationAtRest,
  },
});
