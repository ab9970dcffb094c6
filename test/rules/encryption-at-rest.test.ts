// encryption-at-rest (Terraform). One row per entry of the declarative table — the invalid snippet, the
// message and line, the severity, and the exact text after the entry's fix — plus a guard that every table
// entry has a row, and hand-written cases for defaults, inheritance, modules, keys and half-typed input.
import * as assert from 'node:assert/strict';
import { encryptionAtRest } from '../../rules/encryption-at-rest/encryption-at-rest';
import { TERRAFORM_AT_REST_SETTINGS } from '../../rules/encryption-at-rest/terraform-settings';
import { defaultConfig, mergeConfig } from '../../server/src/engine/config';
import { analyze } from '../../server/src/engine/engine';
import { ruleTester, type InvalidCase } from '../support/rule-tester';

const KMS = 'resource "aws_kms_key" "main" {\n  enable_key_rotation = true\n}\n';
const kmsModule = [{ path: 'kms.tf', text: KMS }];
const noCmk = { requireCustomerManagedKey: false };

interface Row {
  /** `<resource type> <switch or key path>`: which table entry the row exercises. */
  covers: string;
  cmk?: boolean;
  code: string;
  message: string;
  line: number;
  severity: 'error' | 'warning';
  fix: { title: string; safe: boolean; output: string } | null;
}

const ROWS: Row[] = [
  {
    covers: 'aws_ebs_volume encrypted',
    code: 'resource "aws_ebs_volume" "data" {\n  availability_zone = "eu-west-1a"\n  size              = 40\n}\n',
    message: 'does not set encrypted, leaving its data unencrypted at rest',
    line: 1,
    severity: 'error',
    fix: { title: 'Set encrypted = true', safe: true, output: 'resource "aws_ebs_volume" "data" {\n  availability_zone = "eu-west-1a"\n  size              = 40\n  encrypted         = true\n}\n' },
  },
  {
    covers: 'aws_ebs_encryption_by_default enabled',
    code: 'resource "aws_ebs_encryption_by_default" "this" {\n  enabled = false\n}\n',
    message: 'sets enabled = false, leaving its data unencrypted at rest',
    line: 2,
    severity: 'error',
    fix: { title: 'Set enabled = true', safe: true, output: 'resource "aws_ebs_encryption_by_default" "this" {\n  enabled = true\n}\n' },
  },
  {
    covers: 'aws_ebs_snapshot_copy encrypted',
    code: 'resource "aws_ebs_snapshot_copy" "copy" {\n  source_snapshot_id = "snap-0123"\n  source_region      = "eu-west-1"\n  encrypted          = false\n}\n',
    message: 'sets encrypted = false, leaving its data unencrypted at rest',
    line: 4,
    severity: 'error',
    fix: { title: 'Set encrypted = true', safe: true, output: 'resource "aws_ebs_snapshot_copy" "copy" {\n  source_snapshot_id = "snap-0123"\n  source_region      = "eu-west-1"\n  encrypted          = true\n}\n' },
  },
  {
    covers: 'aws_launch_configuration root_block_device.encrypted',
    code: 'resource "aws_launch_configuration" "web" {\n  image_id      = "ami-0123"\n  instance_type = "t3.micro"\n\n  root_block_device {\n    volume_size = 20\n  }\n}\n',
    message: 'root_block_device does not set encrypted, leaving the root volume unencrypted at rest',
    line: 5,
    severity: 'error',
    fix: { title: 'Set encrypted = true', safe: true, output: 'resource "aws_launch_configuration" "web" {\n  image_id      = "ami-0123"\n  instance_type = "t3.micro"\n\n  root_block_device {\n    volume_size = 20\n    encrypted   = true\n  }\n}\n' },
  },
  {
    covers: 'aws_instance root_block_device.encrypted',
    code: 'resource "aws_instance" "web" {\n  ami           = "ami-0123"\n  instance_type = "t3.micro"\n\n  root_block_device {\n    encrypted = false\n  }\n}\n',
    message: 'root_block_device sets encrypted = false, leaving the root volume unencrypted at rest',
    line: 6,
    severity: 'error',
    fix: { title: 'Set encrypted = true', safe: true, output: 'resource "aws_instance" "web" {\n  ami           = "ami-0123"\n  instance_type = "t3.micro"\n\n  root_block_device {\n    encrypted = true\n  }\n}\n' },
  },
  {
    covers: 'aws_launch_configuration ebs_block_device.encrypted',
    code: 'resource "aws_launch_configuration" "web" {\n  image_id      = "ami-0123"\n  instance_type = "t3.micro"\n\n  ebs_block_device {\n    device_name = "/dev/sdb"\n    encrypted   = false\n  }\n}\n',
    message: 'ebs_block_device sets encrypted = false, leaving the EBS volume unencrypted at rest',
    line: 7,
    severity: 'error',
    fix: { title: 'Set encrypted = true', safe: true, output: 'resource "aws_launch_configuration" "web" {\n  image_id      = "ami-0123"\n  instance_type = "t3.micro"\n\n  ebs_block_device {\n    device_name = "/dev/sdb"\n    encrypted   = true\n  }\n}\n' },
  },
  {
    covers: 'aws_instance ebs_block_device.encrypted',
    code: 'resource "aws_instance" "web" {\n  ami           = "ami-0123"\n  instance_type = "t3.micro"\n\n  ebs_block_device {\n    device_name = "/dev/sdb"\n    encrypted   = false\n  }\n}\n',
    message: 'ebs_block_device sets encrypted = false, leaving the EBS volume unencrypted at rest',
    line: 7,
    severity: 'error',
    fix: { title: 'Set encrypted = true', safe: true, output: 'resource "aws_instance" "web" {\n  ami           = "ami-0123"\n  instance_type = "t3.micro"\n\n  ebs_block_device {\n    device_name = "/dev/sdb"\n    encrypted   = true\n  }\n}\n' },
  },
  {
    covers: 'aws_launch_template block_device_mappings.ebs.encrypted',
    code: 'resource "aws_launch_template" "web" {\n  name = "web"\n\n  block_device_mappings {\n    device_name = "/dev/sda1"\n\n    ebs {\n      volume_size = 20\n    }\n  }\n}\n',
    message: 'block_device_mappings does not set ebs.encrypted, leaving the EBS volume unencrypted at rest',
    line: 7,
    severity: 'error',
    fix: { title: 'Set encrypted = "true"', safe: true, output: 'resource "aws_launch_template" "web" {\n  name = "web"\n\n  block_device_mappings {\n    device_name = "/dev/sda1"\n\n    ebs {\n      volume_size = 20\n      encrypted   = "true"\n    }\n  }\n}\n' },
  },
  {
    covers: 'aws_db_instance storage_encrypted',
    code: 'resource "aws_db_instance" "db" {\n  engine         = "postgres"\n  instance_class = "db.t3.micro"\n}\n',
    message: 'does not set storage_encrypted, leaving its data unencrypted at rest',
    line: 1,
    severity: 'error',
    fix: { title: 'Set storage_encrypted = true', safe: true, output: 'resource "aws_db_instance" "db" {\n  engine            = "postgres"\n  instance_class    = "db.t3.micro"\n  storage_encrypted = true\n}\n' },
  },
  {
    covers: 'aws_rds_cluster storage_encrypted',
    code: 'resource "aws_rds_cluster" "db" {\n  engine            = "aurora-postgresql"\n  storage_encrypted = false\n}\n',
    message: 'sets storage_encrypted = false, leaving its data unencrypted at rest',
    line: 3,
    severity: 'error',
    fix: { title: 'Set storage_encrypted = true', safe: true, output: 'resource "aws_rds_cluster" "db" {\n  engine            = "aurora-postgresql"\n  storage_encrypted = true\n}\n' },
  },
  {
    covers: 'aws_docdb_cluster storage_encrypted',
    code: 'resource "aws_docdb_cluster" "docs" {\n  cluster_identifier = "docs"\n}\n',
    message: 'does not set storage_encrypted, leaving its data unencrypted at rest',
    line: 1,
    severity: 'error',
    fix: { title: 'Set storage_encrypted = true', safe: true, output: 'resource "aws_docdb_cluster" "docs" {\n  cluster_identifier = "docs"\n  storage_encrypted  = true\n}\n' },
  },
  {
    covers: 'aws_neptune_cluster storage_encrypted',
    code: 'resource "aws_neptune_cluster" "graph" {\n  cluster_identifier = "graph"\n}\n',
    message: 'does not set storage_encrypted, leaving its data unencrypted at rest',
    line: 1,
    severity: 'error',
    fix: { title: 'Set storage_encrypted = true', safe: true, output: 'resource "aws_neptune_cluster" "graph" {\n  cluster_identifier = "graph"\n  storage_encrypted  = true\n}\n' },
  },
  {
    covers: 'aws_redshift_cluster encrypted',
    cmk: true,
    code: 'resource "aws_redshift_cluster" "dw" {\n  cluster_identifier = "dw"\n  node_type          = "dc2.large"\n}\n',
    message: 'does not set encrypted, leaving its data encrypted only with a key the provider owns or manages; policy requires a customer-managed key',
    line: 1,
    severity: 'warning',
    fix: { title: 'Set encrypted = true, kms_key_id = aws_kms_key.main.arn', safe: false, output: 'resource "aws_redshift_cluster" "dw" {\n  cluster_identifier = "dw"\n  node_type          = "dc2.large"\n  encrypted          = true\n  kms_key_id         = aws_kms_key.main.arn\n}\n' },
  },
  {
    covers: 'aws_dynamodb_table server_side_encryption.enabled',
    cmk: true,
    code: 'resource "aws_dynamodb_table" "t" {\n  name     = "t"\n  hash_key = "id"\n}\n',
    message: 'does not set server_side_encryption.enabled, leaving its data encrypted only with a key the provider owns or manages; policy requires a customer-managed key',
    line: 1,
    severity: 'warning',
    fix: { title: 'Set enabled = true, kms_key_arn = aws_kms_key.main.arn', safe: false, output: 'resource "aws_dynamodb_table" "t" {\n  name     = "t"\n  hash_key = "id"\n\n  server_side_encryption {\n    enabled     = true\n    kms_key_arn = aws_kms_key.main.arn\n  }\n}\n' },
  },
  {
    covers: 'aws_dax_cluster server_side_encryption.enabled',
    code: 'resource "aws_dax_cluster" "cache" {\n  cluster_name = "cache"\n}\n',
    message: 'does not set server_side_encryption.enabled, leaving its data unencrypted at rest',
    line: 1,
    severity: 'error',
    fix: { title: 'Set enabled = true', safe: true, output: 'resource "aws_dax_cluster" "cache" {\n  cluster_name = "cache"\n\n  server_side_encryption {\n    enabled = true\n  }\n}\n' },
  },
  {
    covers: 'aws_elasticache_replication_group at_rest_encryption_enabled',
    code: 'resource "aws_elasticache_replication_group" "redis" {\n  replication_group_id = "redis"\n  description          = "cache"\n}\n',
    message: 'does not set at_rest_encryption_enabled, leaving its data unencrypted at rest',
    line: 1,
    severity: 'error',
    fix: { title: 'Set at_rest_encryption_enabled = true', safe: true, output: 'resource "aws_elasticache_replication_group" "redis" {\n  replication_group_id       = "redis"\n  description                = "cache"\n  at_rest_encryption_enabled = true\n}\n' },
  },
  {
    covers: 'aws_elasticsearch_domain encrypt_at_rest.enabled',
    code: 'resource "aws_opensearch_domain" "search" {\n  domain_name = "search"\n\n  encrypt_at_rest {\n    enabled = false\n  }\n}\n',
    message: 'sets encrypt_at_rest.enabled = false, leaving its data unencrypted at rest',
    line: 5,
    severity: 'error',
    fix: { title: 'Set enabled = true', safe: true, output: 'resource "aws_opensearch_domain" "search" {\n  domain_name = "search"\n\n  encrypt_at_rest {\n    enabled = true\n  }\n}\n' },
  },
  {
    covers: 'azurerm_postgresql_server infrastructure_encryption_enabled',
    code: 'resource "azurerm_postgresql_server" "pg" {\n  name       = "pg"\n  sku_name   = "GP_Gen5_2"\n  version    = "11"\n}\n',
    message: 'does not set infrastructure_encryption_enabled, leaving the second (infrastructure) encryption layer unencrypted at rest',
    line: 1,
    severity: 'error',
    fix: { title: 'Set infrastructure_encryption_enabled = true', safe: true, output: 'resource "azurerm_postgresql_server" "pg" {\n  name       = "pg"\n  sku_name   = "GP_Gen5_2"\n  version    = "11"\n  infrastructure_encryption_enabled = true\n}\n' },
  },
  {
    covers: 'aws_efs_file_system encrypted',
    code: 'resource "aws_efs_file_system" "fs" {\n  creation_token = "fs"\n}\n',
    message: 'does not set encrypted, leaving its data unencrypted at rest',
    line: 1,
    severity: 'error',
    fix: { title: 'Set encrypted = true', safe: true, output: 'resource "aws_efs_file_system" "fs" {\n  creation_token = "fs"\n  encrypted      = true\n}\n' },
  },
  {
    covers: 'aws_fsx_lustre_file_system kms_key_id',
    cmk: true,
    code: 'resource "aws_fsx_lustre_file_system" "fs" {\n  storage_capacity = 1200\n}\n',
    message: 'does not set kms_key_id, leaving its data encrypted with a provider-managed key; policy requires a customer-managed key',
    line: 1,
    severity: 'warning',
    fix: { title: 'Set kms_key_id = aws_kms_key.main.arn', safe: false, output: 'resource "aws_fsx_lustre_file_system" "fs" {\n  storage_capacity = 1200\n  kms_key_id       = aws_kms_key.main.arn\n}\n' },
  },
  {
    covers: 'aws_sqs_queue sqs_managed_sse_enabled',
    code: 'resource "aws_sqs_queue" "q" {\n  name                    = "q"\n  sqs_managed_sse_enabled = false\n}\n',
    message: 'sets sqs_managed_sse_enabled = false, leaving its data unencrypted at rest',
    line: 3,
    severity: 'error',
    fix: { title: 'Set sqs_managed_sse_enabled = true', safe: true, output: 'resource "aws_sqs_queue" "q" {\n  name                    = "q"\n  sqs_managed_sse_enabled = true\n}\n' },
  },
  {
    covers: 'aws_sns_topic kms_master_key_id',
    cmk: true,
    code: 'resource "aws_sns_topic" "t" {\n  name = "t"\n}\n',
    message: 'does not set kms_master_key_id, leaving its data unencrypted at rest',
    line: 1,
    severity: 'error',
    fix: { title: 'Set kms_master_key_id = aws_kms_key.main.arn', safe: false, output: 'resource "aws_sns_topic" "t" {\n  name              = "t"\n  kms_master_key_id = aws_kms_key.main.arn\n}\n' },
  },
  {
    covers: 'aws_kinesis_stream encryption_type',
    code: 'resource "aws_kinesis_stream" "s" {\n  name        = "s"\n  shard_count = 1\n}\n',
    message: 'does not set encryption_type, leaving its data unencrypted at rest',
    line: 1,
    severity: 'error',
    fix: { title: 'Set encryption_type = "KMS", kms_key_id = "alias/aws/kinesis"', safe: true, output: 'resource "aws_kinesis_stream" "s" {\n  name            = "s"\n  shard_count     = 1\n  encryption_type = "KMS"\n  kms_key_id      = "alias/aws/kinesis"\n}\n' },
  },
  {
    covers: 'aws_kinesis_firehose_delivery_stream server_side_encryption.enabled',
    code: 'resource "aws_kinesis_firehose_delivery_stream" "f" {\n  name        = "f"\n  destination = "extended_s3"\n}\n',
    message: 'does not set server_side_encryption.enabled, leaving its data unencrypted at rest',
    line: 1,
    severity: 'error',
    fix: { title: 'Set enabled = true', safe: true, output: 'resource "aws_kinesis_firehose_delivery_stream" "f" {\n  name        = "f"\n  destination = "extended_s3"\n\n  server_side_encryption {\n    enabled = true\n  }\n}\n' },
  },
  {
    covers: 'aws_msk_cluster encryption_info.encryption_at_rest_kms_key_arn',
    cmk: true,
    code: 'resource "aws_msk_cluster" "kafka" {\n  cluster_name = "kafka"\n}\n',
    message: 'does not set encryption_info.encryption_at_rest_kms_key_arn, leaving its data encrypted with a provider-managed key; policy requires a customer-managed key',
    line: 1,
    severity: 'warning',
    fix: { title: 'Set encryption_at_rest_kms_key_arn = aws_kms_key.main.arn', safe: false, output: 'resource "aws_msk_cluster" "kafka" {\n  cluster_name = "kafka"\n\n  encryption_info {\n    encryption_at_rest_kms_key_arn = aws_kms_key.main.arn\n  }\n}\n' },
  },
  {
    covers: 'aws_mq_broker encryption_options.kms_key_id',
    cmk: true,
    code: 'resource "aws_mq_broker" "mq" {\n  broker_name = "mq"\n}\n',
    message: 'does not set encryption_options.kms_key_id, leaving its data encrypted with a provider-managed key; policy requires a customer-managed key',
    line: 1,
    severity: 'warning',
    fix: { title: 'Set use_aws_owned_key = false, kms_key_id = aws_kms_key.main.arn', safe: false, output: 'resource "aws_mq_broker" "mq" {\n  broker_name = "mq"\n\n  encryption_options {\n    use_aws_owned_key = false\n    kms_key_id        = aws_kms_key.main.arn\n  }\n}\n' },
  },
  {
    covers: 'aws_cloudwatch_log_group kms_key_id',
    cmk: true,
    code: 'resource "aws_cloudwatch_log_group" "logs" {\n  name = "app"\n}\n',
    message: 'does not set kms_key_id, leaving its data encrypted with a provider-managed key; policy requires a customer-managed key',
    line: 1,
    severity: 'warning',
    fix: { title: 'Set kms_key_id = aws_kms_key.main.arn', safe: false, output: 'resource "aws_cloudwatch_log_group" "logs" {\n  name       = "app"\n  kms_key_id = aws_kms_key.main.arn\n}\n' },
  },
  {
    covers: 'aws_cloudtrail kms_key_id',
    cmk: true,
    code: 'resource "aws_cloudtrail" "trail" {\n  name           = "trail"\n  s3_bucket_name = "logs"\n}\n',
    message: 'does not set kms_key_id, leaving its data encrypted with a provider-managed key; policy requires a customer-managed key',
    line: 1,
    severity: 'warning',
    fix: { title: 'Set kms_key_id = aws_kms_key.main.arn', safe: false, output: 'resource "aws_cloudtrail" "trail" {\n  name           = "trail"\n  s3_bucket_name = "logs"\n  kms_key_id     = aws_kms_key.main.arn\n}\n' },
  },
  {
    covers: 'aws_secretsmanager_secret kms_key_id',
    cmk: true,
    code: 'resource "aws_secretsmanager_secret" "s" {\n  name       = "s"\n  kms_key_id = "alias/aws/secretsmanager"\n}\n',
    message: 'sets kms_key_id to the AWS-managed key alias/aws/secretsmanager; policy requires a customer-managed key',
    line: 3,
    severity: 'warning',
    fix: { title: 'Set kms_key_id = aws_kms_key.main.arn', safe: false, output: 'resource "aws_secretsmanager_secret" "s" {\n  name       = "s"\n  kms_key_id = aws_kms_key.main.arn\n}\n' },
  },
  {
    covers: 'aws_ssm_parameter key_id',
    cmk: true,
    code: 'resource "aws_ssm_parameter" "p" {\n  name  = "p"\n  type  = "SecureString"\n  value = var.p\n}\n',
    message: 'does not set key_id, leaving its data encrypted with a provider-managed key; policy requires a customer-managed key',
    line: 1,
    severity: 'warning',
    fix: { title: 'Set key_id = aws_kms_key.main.arn', safe: false, output: 'resource "aws_ssm_parameter" "p" {\n  name   = "p"\n  type   = "SecureString"\n  value  = var.p\n  key_id = aws_kms_key.main.arn\n}\n' },
  },
  {
    covers: 'aws_ecr_repository encryption_configuration.encryption_type',
    cmk: true,
    code: 'resource "aws_ecr_repository" "repo" {\n  name = "repo"\n}\n',
    message: 'does not set encryption_configuration.encryption_type, leaving its data encrypted only with a key the provider owns or manages; policy requires a customer-managed key',
    line: 1,
    severity: 'warning',
    fix: { title: 'Set encryption_type = "KMS", kms_key = aws_kms_key.main.arn', safe: false, output: 'resource "aws_ecr_repository" "repo" {\n  name = "repo"\n\n  encryption_configuration {\n    encryption_type = "KMS"\n    kms_key         = aws_kms_key.main.arn\n  }\n}\n' },
  },
  {
    covers: 'aws_codebuild_project encryption_key',
    cmk: true,
    code: 'resource "aws_codebuild_project" "build" {\n  name = "build"\n}\n',
    message: 'does not set encryption_key, leaving build artifacts encrypted with a provider-managed key; policy requires a customer-managed key',
    line: 1,
    severity: 'warning',
    fix: { title: 'Set encryption_key = aws_kms_key.main.arn', safe: false, output: 'resource "aws_codebuild_project" "build" {\n  name           = "build"\n  encryption_key = aws_kms_key.main.arn\n}\n' },
  },
  {
    covers: 'aws_athena_database encryption_configuration.encryption_option',
    code: 'resource "aws_athena_database" "db" {\n  name   = "db"\n  bucket = "results"\n}\n',
    message: 'does not set encryption_configuration.encryption_option, leaving query results unencrypted at rest',
    line: 1,
    severity: 'error',
    fix: { title: 'Set encryption_option = "SSE_S3"', safe: true, output: 'resource "aws_athena_database" "db" {\n  name   = "db"\n  bucket = "results"\n\n  encryption_configuration {\n    encryption_option = "SSE_S3"\n  }\n}\n' },
  },
  {
    covers: 'aws_athena_workgroup configuration.result_configuration.encryption_configuration.encryption_option',
    code: 'resource "aws_athena_workgroup" "wg" {\n  name = "wg"\n\n  configuration {\n    enforce_workgroup_configuration = true\n  }\n}\n',
    message: 'does not set configuration.result_configuration.encryption_configuration.encryption_option, leaving query results unencrypted at rest',
    line: 4,
    severity: 'error',
    fix: { title: 'Set encryption_option = "SSE_S3"', safe: true, output: 'resource "aws_athena_workgroup" "wg" {\n  name = "wg"\n\n  configuration {\n    enforce_workgroup_configuration = true\n\n    result_configuration {\n      encryption_configuration {\n        encryption_option = "SSE_S3"\n      }\n    }\n  }\n}\n' },
  },
  {
    covers: 'aws_glue_data_catalog_encryption_settings data_catalog_encryption_settings.encryption_at_rest.catalog_encryption_mode',
    code: 'resource "aws_glue_data_catalog_encryption_settings" "c" {\n  data_catalog_encryption_settings {\n    connection_password_encryption {\n      return_connection_password_encrypted = true\n      aws_kms_key_id                       = aws_kms_key.main.arn\n    }\n\n    encryption_at_rest {\n      catalog_encryption_mode = "DISABLED"\n    }\n  }\n}\n',
    message: 'sets data_catalog_encryption_settings.encryption_at_rest.catalog_encryption_mode = DISABLED, leaving catalog metadata unencrypted at rest',
    line: 9,
    severity: 'error',
    fix: { title: 'Set catalog_encryption_mode = "SSE-KMS"', safe: true, output: 'resource "aws_glue_data_catalog_encryption_settings" "c" {\n  data_catalog_encryption_settings {\n    connection_password_encryption {\n      return_connection_password_encrypted = true\n      aws_kms_key_id                       = aws_kms_key.main.arn\n    }\n\n    encryption_at_rest {\n      catalog_encryption_mode = "SSE-KMS"\n    }\n  }\n}\n' },
  },
  {
    covers: 'aws_glue_data_catalog_encryption_settings data_catalog_encryption_settings.connection_password_encryption.return_connection_password_encrypted',
    code: 'resource "aws_glue_data_catalog_encryption_settings" "c" {\n  data_catalog_encryption_settings {\n    connection_password_encryption {\n      return_connection_password_encrypted = false\n    }\n\n    encryption_at_rest {\n      catalog_encryption_mode = "SSE-KMS"\n      sse_aws_kms_key_id      = aws_kms_key.main.arn\n    }\n  }\n}\n',
    message: 'sets data_catalog_encryption_settings.connection_password_encryption.return_connection_password_encrypted = false, leaving connection passwords unencrypted at rest',
    line: 4,
    severity: 'error',
    fix: { title: 'Set return_connection_password_encrypted = true', safe: true, output: 'resource "aws_glue_data_catalog_encryption_settings" "c" {\n  data_catalog_encryption_settings {\n    connection_password_encryption {\n      return_connection_password_encrypted = true\n    }\n\n    encryption_at_rest {\n      catalog_encryption_mode = "SSE-KMS"\n      sse_aws_kms_key_id      = aws_kms_key.main.arn\n    }\n  }\n}\n' },
  },
  {
    covers: 'aws_glue_security_configuration encryption_configuration.cloudwatch_encryption.cloudwatch_encryption_mode',
    code: 'resource "aws_glue_security_configuration" "g" {\n  name = "g"\n\n  encryption_configuration {\n    cloudwatch_encryption {\n      cloudwatch_encryption_mode = "DISABLED"\n    }\n\n    job_bookmarks_encryption {\n      job_bookmarks_encryption_mode = "CSE-KMS"\n      kms_key_arn                   = aws_kms_key.main.arn\n    }\n\n    s3_encryption {\n      s3_encryption_mode = "SSE-KMS"\n      kms_key_arn        = aws_kms_key.main.arn\n    }\n  }\n}\n',
    message: 'sets encryption_configuration.cloudwatch_encryption.cloudwatch_encryption_mode = DISABLED, leaving CloudWatch logs unencrypted at rest',
    line: 6,
    severity: 'error',
    fix: null,
  },
  {
    covers: 'aws_glue_security_configuration encryption_configuration.job_bookmarks_encryption.job_bookmarks_encryption_mode',
    code: 'resource "aws_glue_security_configuration" "g" {\n  name = "g"\n\n  encryption_configuration {\n    cloudwatch_encryption {\n      cloudwatch_encryption_mode = "SSE-KMS"\n      kms_key_arn                = aws_kms_key.main.arn\n    }\n\n    job_bookmarks_encryption {\n      job_bookmarks_encryption_mode = "DISABLED"\n    }\n\n    s3_encryption {\n      s3_encryption_mode = "SSE-KMS"\n      kms_key_arn        = aws_kms_key.main.arn\n    }\n  }\n}\n',
    message: 'sets encryption_configuration.job_bookmarks_encryption.job_bookmarks_encryption_mode = DISABLED, leaving job bookmarks unencrypted at rest',
    line: 11,
    severity: 'error',
    fix: null,
  },
  {
    covers: 'aws_glue_security_configuration encryption_configuration.s3_encryption.s3_encryption_mode',
    code: 'resource "aws_glue_security_configuration" "g" {\n  name = "g"\n\n  encryption_configuration {\n    cloudwatch_encryption {\n      cloudwatch_encryption_mode = "SSE-KMS"\n      kms_key_arn                = aws_kms_key.main.arn\n    }\n\n    job_bookmarks_encryption {\n      job_bookmarks_encryption_mode = "CSE-KMS"\n      kms_key_arn                   = aws_kms_key.main.arn\n    }\n\n    s3_encryption {\n      s3_encryption_mode = "DISABLED"\n    }\n  }\n}\n',
    message: 'sets encryption_configuration.s3_encryption.s3_encryption_mode = DISABLED, leaving S3 data unencrypted at rest',
    line: 16,
    severity: 'error',
    fix: { title: 'Set s3_encryption_mode = "SSE-S3"', safe: true, output: 'resource "aws_glue_security_configuration" "g" {\n  name = "g"\n\n  encryption_configuration {\n    cloudwatch_encryption {\n      cloudwatch_encryption_mode = "SSE-KMS"\n      kms_key_arn                = aws_kms_key.main.arn\n    }\n\n    job_bookmarks_encryption {\n      job_bookmarks_encryption_mode = "CSE-KMS"\n      kms_key_arn                   = aws_kms_key.main.arn\n    }\n\n    s3_encryption {\n      s3_encryption_mode = "SSE-S3"\n    }\n  }\n}\n' },
  },
  {
    covers: 'aws_api_gateway_method_settings settings.cache_data_encrypted',
    code: 'resource "aws_api_gateway_method_settings" "all" {\n  rest_api_id = "abc"\n  stage_name  = "prod"\n  method_path = "*/*"\n\n  settings {\n    caching_enabled = true\n  }\n}\n',
    message: 'does not set settings.cache_data_encrypted, leaving the response cache unencrypted at rest',
    line: 6,
    severity: 'error',
    fix: { title: 'Set cache_data_encrypted = true', safe: true, output: 'resource "aws_api_gateway_method_settings" "all" {\n  rest_api_id = "abc"\n  stage_name  = "prod"\n  method_path = "*/*"\n\n  settings {\n    caching_enabled      = true\n    cache_data_encrypted = true\n  }\n}\n' },
  },
  {
    covers: 'aws_sagemaker_notebook_instance kms_key_id',
    cmk: true,
    code: 'resource "aws_sagemaker_notebook_instance" "nb" {\n  name          = "nb"\n  instance_type = "ml.t3.medium"\n}\n',
    message: 'does not set kms_key_id, leaving its data encrypted with a provider-managed key; policy requires a customer-managed key',
    line: 1,
    severity: 'warning',
    fix: { title: 'Set kms_key_id = aws_kms_key.main.arn', safe: false, output: 'resource "aws_sagemaker_notebook_instance" "nb" {\n  name          = "nb"\n  instance_type = "ml.t3.medium"\n  kms_key_id    = aws_kms_key.main.arn\n}\n' },
  },
  {
    covers: 'aws_sagemaker_endpoint_configuration kms_key_arn',
    cmk: true,
    code: 'resource "aws_sagemaker_endpoint_configuration" "ep" {\n  name = "ep"\n}\n',
    message: 'does not set kms_key_arn, leaving its data encrypted with a provider-managed key; policy requires a customer-managed key',
    line: 1,
    severity: 'warning',
    fix: { title: 'Set kms_key_arn = aws_kms_key.main.arn', safe: false, output: 'resource "aws_sagemaker_endpoint_configuration" "ep" {\n  name        = "ep"\n  kms_key_arn = aws_kms_key.main.arn\n}\n' },
  },
  {
    covers: 'aws_sagemaker_feature_group offline_store_config.s3_storage_config.kms_key_id',
    cmk: true,
    code: 'resource "aws_sagemaker_feature_group" "fg" {\n  feature_group_name = "fg"\n\n  offline_store_config {\n    s3_storage_config {\n      s3_uri = "s3://bucket/prefix"\n    }\n  }\n}\n',
    message: 'does not set offline_store_config.s3_storage_config.kms_key_id, leaving its data encrypted with a provider-managed key; policy requires a customer-managed key',
    line: 5,
    severity: 'warning',
    fix: { title: 'Set kms_key_id = aws_kms_key.main.arn', safe: false, output: 'resource "aws_sagemaker_feature_group" "fg" {\n  feature_group_name = "fg"\n\n  offline_store_config {\n    s3_storage_config {\n      s3_uri     = "s3://bucket/prefix"\n      kms_key_id = aws_kms_key.main.arn\n    }\n  }\n}\n' },
  },
  {
    covers: 'aws_eks_cluster encryption_config.resources',
    cmk: true,
    code: 'resource "aws_eks_cluster" "k8s" {\n  name     = "k8s"\n  role_arn = "arn:aws:iam::111122223333:role/eks"\n}\n',
    message: 'does not set encryption_config.resources, leaving Kubernetes secrets encrypted only with a key the provider owns or manages; policy requires a customer-managed key',
    line: 1,
    severity: 'warning',
    fix: { title: 'Set resources = ["secrets"], key_arn = aws_kms_key.main.arn', safe: false, output: 'resource "aws_eks_cluster" "k8s" {\n  name     = "k8s"\n  role_arn = "arn:aws:iam::111122223333:role/eks"\n\n  encryption_config {\n    resources = ["secrets"]\n    provider {\n      key_arn = aws_kms_key.main.arn\n    }\n  }\n}\n' },
  },
  {
    covers: 'aws_workspaces_workspace root_volume_encryption_enabled',
    code: 'resource "aws_workspaces_workspace" "ws" {\n  directory_id                   = "d-123"\n  user_volume_encryption_enabled = true\n  volume_encryption_key          = aws_kms_key.main.arn\n}\n',
    message: 'does not set root_volume_encryption_enabled, leaving the root volume unencrypted at rest',
    line: 1,
    severity: 'error',
    fix: { title: 'Set root_volume_encryption_enabled = true', safe: true, output: 'resource "aws_workspaces_workspace" "ws" {\n  directory_id                   = "d-123"\n  user_volume_encryption_enabled = true\n  volume_encryption_key          = aws_kms_key.main.arn\n  root_volume_encryption_enabled = true\n}\n' },
  },
  {
    covers: 'aws_workspaces_workspace user_volume_encryption_enabled',
    code: 'resource "aws_workspaces_workspace" "ws" {\n  directory_id                   = "d-123"\n  root_volume_encryption_enabled = true\n  user_volume_encryption_enabled = false\n  volume_encryption_key          = aws_kms_key.main.arn\n}\n',
    message: 'sets user_volume_encryption_enabled = false, leaving the user volume unencrypted at rest',
    line: 4,
    severity: 'error',
    fix: { title: 'Set user_volume_encryption_enabled = true', safe: true, output: 'resource "aws_workspaces_workspace" "ws" {\n  directory_id                   = "d-123"\n  root_volume_encryption_enabled = true\n  user_volume_encryption_enabled = true\n  volume_encryption_key          = aws_kms_key.main.arn\n}\n' },
  },
  {
    covers: 'aws_s3_object server_side_encryption',
    cmk: true,
    code: 'resource "aws_s3_object" "o" {\n  bucket = "b"\n  key    = "k"\n  source = "file.txt"\n}\n',
    message: 'does not set server_side_encryption, leaving its data encrypted only with a key the provider owns or manages; policy requires a customer-managed key',
    line: 1,
    severity: 'warning',
    fix: { title: 'Set server_side_encryption = "aws:kms", kms_key_id = aws_kms_key.main.arn', safe: false, output: 'resource "aws_s3_object" "o" {\n  bucket                 = "b"\n  key                    = "k"\n  source                 = "file.txt"\n  server_side_encryption = "aws:kms"\n  kms_key_id             = aws_kms_key.main.arn\n}\n' },
  },
  {
    covers: 'azurerm_managed_disk disk_encryption_set_id',
    cmk: true,
    code: 'resource "azurerm_managed_disk" "d" {\n  name                 = "d"\n  storage_account_type = "Standard_LRS"\n}\n',
    message: 'does not set disk_encryption_set_id, leaving its data encrypted with a provider-managed key; policy requires a customer-managed key',
    line: 1,
    severity: 'warning',
    fix: null,
  },
  {
    covers: 'azurerm_kubernetes_cluster disk_encryption_set_id',
    cmk: true,
    code: 'resource "azurerm_kubernetes_cluster" "aks" {\n  name = "aks"\n}\n',
    message: 'does not set disk_encryption_set_id, leaving node OS disks encrypted with a provider-managed key; policy requires a customer-managed key',
    line: 1,
    severity: 'warning',
    fix: null,
  },
  {
    covers: 'azurerm_linux_virtual_machine os_disk.disk_encryption_set_id',
    cmk: true,
    code: 'resource "azurerm_linux_virtual_machine" "vm" {\n  name = "vm"\n\n  os_disk {\n    caching              = "ReadWrite"\n    storage_account_type = "Standard_LRS"\n  }\n}\n',
    message: 'does not set os_disk.disk_encryption_set_id, leaving the OS disk encrypted with a provider-managed key; policy requires a customer-managed key',
    line: 4,
    severity: 'warning',
    fix: null,
  },
  {
    covers: 'google_compute_disk disk_encryption_key.kms_key_self_link',
    cmk: true,
    code: 'resource "google_compute_disk" "d" {\n  name = "d"\n  zone = "europe-west1-b"\n}\n',
    message: 'does not set disk_encryption_key.kms_key_self_link, leaving its data encrypted with a provider-managed key; policy requires a customer-managed key',
    line: 1,
    severity: 'warning',
    fix: null,
  },
  {
    covers: 'google_compute_region_disk disk_encryption_key.kms_key_name',
    cmk: true,
    code: 'resource "google_compute_region_disk" "d" {\n  name          = "d"\n  region        = "europe-west1"\n  replica_zones = ["europe-west1-b", "europe-west1-c"]\n}\n',
    message: 'does not set disk_encryption_key.kms_key_name, leaving its data encrypted with a provider-managed key; policy requires a customer-managed key',
    line: 1,
    severity: 'warning',
    fix: null,
  },
  {
    covers: 'aws_lambda_function kms_key_arn',
    cmk: true,
    code: 'resource "aws_lambda_function" "fn" {\n  function_name = "fn"\n\n  environment {\n    variables = {\n      TABLE = "orders"\n    }\n  }\n}\n',
    message: 'does not set kms_key_arn, leaving its environment variables encrypted with a provider-managed key; policy requires a customer-managed key',
    line: 1,
    severity: 'warning',
    fix: { title: 'Set kms_key_arn = aws_kms_key.main.arn', safe: false, output: 'resource "aws_lambda_function" "fn" {\n  function_name = "fn"\n  kms_key_arn   = aws_kms_key.main.arn\n\n  environment {\n    variables = {\n      TABLE = "orders"\n    }\n  }\n}\n' },
  },
];

function entryKey(entry: (typeof TERRAFORM_AT_REST_SETTINGS)[number]): string {
  return `${entry.resourceTypes[0]} ${entry.each ? entry.each + '.' : ''}${(entry.switch ?? entry.key)!.paths[0]}`;
}

describe('encryption-at-rest table', () => {
  it('every table entry has a test row', () => {
    const covered = new Set(ROWS.map((r) => r.covers));
    const missing = TERRAFORM_AT_REST_SETTINGS.map(entryKey).filter((k) => !covered.has(k));
    assert.deepEqual(missing, []);
  });
  it('every row names a table entry', () => {
    const keys = new Set(TERRAFORM_AT_REST_SETTINGS.map(entryKey));
    assert.deepEqual(ROWS.map((r) => r.covers).filter((c) => !keys.has(c)), []);
  });
  for (const row of ROWS) {
    it(`${row.covers}: severity ${row.severity}`, () => {
      const config = mergeConfig(defaultConfig(), { rules: { 'encryption-at-rest': { enabled: true, options: { requireCustomerManagedKey: !!row.cmk } } } });
      const result = analyze({ path: 'main.tf', text: row.code }, { config, rules: [encryptionAtRest], moduleFiles: kmsModule });
      assert.deepEqual(result.findings.map((f) => f.severity), [row.severity]);
    });
  }
});

const tableCases: InvalidCase[] = ROWS.map((row) => ({
  name: `table: ${row.covers}`,
  code: row.code,
  moduleFiles: kmsModule,
  ruleOptions: row.cmk ? undefined : noCmk,
  errors: [{ message: row.message, line: row.line }],
  ...(row.fix === null
    ? { output: null }
    : row.fix.safe
      ? { output: row.fix.output }
      : { output: null, fixes: [{ title: row.fix.title, output: row.fix.output, safe: false }] }),
}));

ruleTester(encryptionAtRest, {
  valid: [
    { name: 'encrypted volume with a customer-managed key', code: 'resource "aws_ebs_volume" "data" {\n  size       = 40\n  encrypted  = true\n  kms_key_id = aws_kms_key.main.arn\n}\n' },
    { name: 'Aurora Serverless v1 is always encrypted', code: 'resource "aws_rds_cluster" "db" {\n  engine_mode = "serverless"\n  kms_key_id  = aws_kms_key.main.arn\n}\n', ruleOptions: noCmk },
    { name: 'EBS default encryption defaults to on', code: 'resource "aws_ebs_encryption_by_default" "this" {}\n' },
    {
      name: 'a volume under EBS default encryption with a default CMK',
      code: 'resource "aws_ebs_volume" "data" {\n  size = 8\n}\n',
      moduleFiles: [{ path: 'account.tf', text: 'resource "aws_ebs_encryption_by_default" "on" {}\n\nresource "aws_ebs_default_kms_key" "cmk" {\n  key_arn = aws_kms_key.ebs.arn\n}\n' }],
    },
    { name: 'a read replica inherits its source', code: 'resource "aws_db_instance" "replica" {\n  replicate_source_db = aws_db_instance.main.identifier\n  instance_class      = "db.t3.micro"\n}\n' },
    { name: 'Aurora instances take encryption from the cluster', code: 'resource "aws_db_instance" "member" {\n  engine         = "aurora-mysql"\n  instance_class = "db.r6g.large"\n}\n' },
    { name: 'a volume from a snapshot inherits its encryption', code: 'resource "aws_ebs_volume" "restored" {\n  snapshot_id = "snap-0123"\n}\n' },
    { name: 'unknown values are not guessed', code: 'resource "aws_efs_file_system" "fs" {\n  encrypted  = var.encrypted\n  kms_key_id = aws_kms_key.main.arn\n}\n' },
    { name: 'dynamic blocks are not guessed', code: 'resource "aws_dax_cluster" "c" {\n  dynamic "server_side_encryption" {\n    for_each = [1]\n    content {\n      enabled = true\n    }\n  }\n}\n' },
    { name: 'SQS with a customer-managed key', code: 'resource "aws_sqs_queue" "q" {\n  kms_master_key_id = aws_kms_key.main.id\n}\n' },
    { name: 'SSE-SQS is accepted when CMKs are not required', code: 'resource "aws_sqs_queue" "q" {\n  name = "q"\n}\n', ruleOptions: noCmk },
    { name: 'a CMK looked up by a customer alias', code: 'data "aws_kms_alias" "app" {\n  name = "alias/app"\n}\n\nresource "aws_cloudwatch_log_group" "l" {\n  kms_key_id = data.aws_kms_alias.app.target_key_arn\n}\n' },
    { name: 'a Google disk with a customer-supplied key', code: 'resource "google_compute_disk" "d" {\n  disk_encryption_key {\n    raw_key = var.csek\n  }\n}\n' },
    { name: 'API Gateway settings without caching', code: 'resource "aws_api_gateway_method_settings" "s" {\n  settings {\n    metrics_enabled = true\n  }\n}\n' },
    { name: 'a Firehose fed by a Kinesis stream inherits its encryption', code: 'resource "aws_kinesis_firehose_delivery_stream" "f" {\n  kinesis_source_configuration {\n    kinesis_stream_arn = aws_kinesis_stream.s.arn\n  }\n}\n', ruleOptions: noCmk },
    { name: 'rds module v5+ encrypts by default', code: 'module "db" {\n  source     = "terraform-aws-modules/rds/aws"\n  version    = "~> 6.0"\n  kms_key_id = aws_kms_key.main.arn\n}\n' },
    { name: 'half-typed resource', code: 'resource "aws_ebs_volume" "data" {\n  encrypted =\n' },
    { name: 'not Terraform resources', code: 'variable "encrypted" {\n  default = false\n}\n' },
  ],
  invalid: [
    ...tableCases,
    {
      name: 'value from a variable default: reported at the use site, fix unsafe',
      code: 'variable "encrypt" {\n  default = false\n}\n\nresource "aws_efs_file_system" "fs" {\n  encrypted = var.encrypt\n}\n',
      ruleOptions: noCmk,
      errors: [{ message: 'sets encrypted = false (from the default of variable "encrypt")', line: 6 }],
      output: null,
    },
    {
      name: 'unencrypted with one module key: the unsafe alternative also sets the key',
      code: 'resource "aws_efs_file_system" "fs" {\n  creation_token = "fs"\n}\n',
      moduleFiles: kmsModule,
      errors: [{ message: 'does not set encrypted', line: 1 }],
      fixes: [{ title: 'Set encrypted = true, kms_key_id = aws_kms_key.main.arn', safe: false, output: 'resource "aws_efs_file_system" "fs" {\n  creation_token = "fs"\n  encrypted      = true\n  kms_key_id     = aws_kms_key.main.arn\n}\n' }],
    },
    {
      name: 'encrypted without a key and two keys in the module: warning without a fix',
      code: 'resource "aws_kms_key" "a" {}\n\nresource "aws_kms_key" "b" {}\n\nresource "aws_ebs_volume" "data" {\n  encrypted = true\n}\n',
      errors: [{ message: 'does not set kms_key_id, leaving its data encrypted with a provider-managed key; policy requires a customer-managed key', line: 5 }],
      output: null,
    },
    {
      name: 'AWS-managed key looked up through a data source',
      code: 'data "aws_kms_key" "s3" {\n  key_id = "alias/aws/s3"\n}\n\nresource "aws_codebuild_project" "b" {\n  encryption_key = data.aws_kms_key.s3.arn\n}\n',
      errors: [{ message: 'sets encryption_key to the AWS-managed key', line: 6 }],
      output: null,
    },
    {
      name: 'AWS-managed key as a full ARN',
      code: 'resource "aws_sns_topic" "t" {\n  kms_master_key_id = "arn:aws:kms:eu-west-1:111122223333:alias/aws/sns"\n}\n',
      errors: [{ message: 'AWS-managed key arn:aws:kms:eu-west-1:111122223333:alias/aws/sns', line: 2 }],
      output: null,
    },
    {
      name: 'empty key id means no key',
      code: 'resource "aws_sns_topic" "t" {\n  kms_master_key_id = ""\n}\n',
      errors: [{ message: 'does not set kms_master_key_id, leaving its data unencrypted at rest', line: 1 }],
      output: null,
    },
    {
      name: 'a volume under EBS default encryption without a default CMK: warning',
      code: 'resource "aws_ebs_volume" "data" {\n  size = 8\n}\n',
      moduleFiles: [{ path: 'account.tf', text: 'resource "aws_ebs_encryption_by_default" "on" {\n  enabled = true\n}\n' }],
      errors: [{ message: 'aws_ebs_volume.data does not set encrypted, leaving its data encrypted only with a key the provider owns or manages', line: 1 }],
      output: null,
    },
    {
      name: 'provisioned Aurora cluster defaults to unencrypted',
      code: 'resource "aws_rds_cluster" "db" {\n  engine = "aurora-mysql"\n}\n',
      ruleOptions: noCmk,
      errors: [{ message: 'does not set storage_encrypted', line: 1 }],
      output: 'resource "aws_rds_cluster" "db" {\n  engine            = "aurora-mysql"\n  storage_encrypted = true\n}\n',
    },
    {
      name: 'every EBS block device is checked',
      code: 'resource "aws_launch_configuration" "lc" {\n  ebs_block_device {\n    device_name = "/dev/sdb"\n    encrypted   = true\n  }\n\n  ebs_block_device {\n    device_name = "/dev/sdc"\n  }\n}\n',
      ruleOptions: noCmk,
      errors: [{ message: 'aws_launch_configuration.lc ebs_block_device does not set encrypted', line: 7 }],
      output: 'resource "aws_launch_configuration" "lc" {\n  ebs_block_device {\n    device_name = "/dev/sdb"\n    encrypted   = true\n  }\n\n  ebs_block_device {\n    device_name = "/dev/sdc"\n    encrypted   = true\n  }\n}\n',
    },
    {
      name: 'EKS encryption that does not cover secrets',
      code: 'resource "aws_eks_cluster" "k" {\n  encryption_config {\n    resources = ["configmaps"]\n    provider {\n      key_arn = aws_kms_key.main.arn\n    }\n  }\n}\n',
      errors: [{ message: 'sets encryption_config.resources = configmaps', line: 3 }],
      output: null,
    },
    {
      name: 'snapshot of an unencrypted volume',
      code: 'resource "aws_ebs_volume" "v" {\n  size      = 8\n  encrypted = false\n}\n\nresource "aws_ebs_snapshot" "s" {\n  volume_id = aws_ebs_volume.v.id\n}\n',
      ruleOptions: noCmk,
      errors: [
        { message: 'sets encrypted = false', line: 3 },
        { message: 'aws_ebs_snapshot.s is taken from aws_ebs_volume.v, which sets encrypted = false', line: 6 },
      ],
      output: 'resource "aws_ebs_volume" "v" {\n  size      = 8\n  encrypted = true\n}\n\nresource "aws_ebs_snapshot" "s" {\n  volume_id = aws_ebs_volume.v.id\n}\n',
    },
    {
      name: 'rds module v3 without storage_encrypted',
      code: 'module "db" {\n  source  = "terraform-aws-modules/rds/aws"\n  version = "~> 3.0"\n}\n',
      ruleOptions: noCmk,
      errors: [{ message: 'module.db (an RDS instance) does not set storage_encrypted', line: 1 }],
      output: 'module "db" {\n  source            = "terraform-aws-modules/rds/aws"\n  version           = "~> 3.0"\n  storage_encrypted = true\n}\n',
    },
    {
      name: 'sqs module without a key',
      code: 'module "queue" {\n  source            = "terraform-aws-modules/sqs/aws"\n  kms_master_key_id = null\n}\n',
      errors: [{ message: 'module.queue (an SQS queue) does not set kms_master_key_id', line: 3 }],
      output: null,
    },
    {
      name: 'autoscaling module device lists',
      code: 'module "asg" {\n  source = "terraform-aws-modules/autoscaling/aws"\n\n  root_block_device = [\n    {\n      volume_size = "50"\n      encrypted   = false\n    },\n  ]\n}\n',
      errors: [{ message: 'module.asg root_block_device entry sets encrypted = false', line: 7 }],
      output: 'module "asg" {\n  source = "terraform-aws-modules/autoscaling/aws"\n\n  root_block_device = [\n    {\n      volume_size = "50"\n      encrypted   = true\n    },\n  ]\n}\n',
    },
  ],
});
