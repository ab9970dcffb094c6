// The declarative part of encryption-at-rest for Terraform: one entry per place a resource stores data —
// its encryption switch (attribute path, the value that turns it on, what the provider does when it is
// unset) and the attribute that names a customer-managed KMS key. Adding a service is adding an entry;
// snapshots that inherit their source's encryption have code of their own (terraform-special-cases.ts).
import { attr, childBlocks, type TfBlock } from '../../server/src/engine/terraform/model';
import { resolvedLiteral, type TerraformModule } from '../../server/src/engine/terraform/module';
import { moduleBlocks } from './customer-key';

/**
 * What the data is protected by in a given state: nothing (an error), a key the cloud provider owns or
 * manages (a warning under the customer-managed-key policy), or the setting is fine.
 */
export type Protection = 'unencrypted' | 'provider-key' | 'encrypted';

export interface SettingContext {
  module: TerraformModule | undefined;
}

export interface EncryptionSwitch {
  /**
   * Attribute path, nested blocks joined with dots (`encrypt_at_rest.enabled`). Further entries are other
   * spellings of the same setting; the first one present is read, the first one listed is what a fix inserts.
   */
  paths: readonly string[];
  /** HCL text a fix writes to turn encryption on. */
  on: string;
  /** Whether a literal value turns encryption on; default: `true` (also the string "true"). */
  isOn?: (value: string) => boolean;
  /** What the provider does when the setting is absent. */
  whenUnset: Protection | ((resource: TfBlock, context: SettingContext) => Protection | undefined);
  /** What "off" means; default `unencrypted`. DynamoDB without SSE still encrypts, with an AWS-owned key. */
  whenOff?: Exclude<Protection, 'encrypted'>;
  /** Other settings the service requires when the switch is turned on (Kinesis `KMS` needs a key id). */
  companions?: Readonly<Record<string, string>>;
  /** Naming a key turns encryption on by itself (SQS: a key id means SSE-KMS, whatever the SSE-SQS switch says). */
  satisfiedByKey?: boolean;
  /** The service cannot switch on without a key (Glue SSE-KMS, CSE-KMS): no keyless fix. */
  needsKey?: boolean;
}

export interface CustomerKeySetting {
  /** The attribute naming the KMS key (a fix writes `aws_kms_key.<only key>.arn`). */
  paths: readonly string[];
  /** What happens without a key: the data is not encrypted at all (SNS), or the service's own key is used. */
  whenUnset: Exclude<Protection, 'encrypted'>;
  /** Settings that must accompany a key for the service to use it (`key_type = "CUSTOMER_MANAGED_CMK"`). */
  companions?: Readonly<Record<string, string>>;
  /** Whether, without a key here, a customer-managed default key applies (the account's EBS default key). */
  customerDefault?: (resource: TfBlock, context: SettingContext) => boolean;
}

export interface AtRestSetting {
  resourceTypes: readonly string[];
  /** What is stored, for messages: "the root volume", "catalog metadata". Default: the resource's data. */
  subject?: string;
  /** A nested block repeated per device (`ebs_block_device`): every one is checked, paths relative to it. */
  each?: string;
  switch?: EncryptionSwitch;
  key?: CustomerKeySetting;
  /**
   * Settings whose presence means the encryption is inherited from a source — a snapshot, a replica's
   * primary, a global cluster — and not decided here (paths relative to the checked block).
   */
  inheritedWhen?: readonly string[];
  /** Whether the entry applies to this resource at all (e.g. only when caching is on). */
  appliesTo?: (resource: TfBlock, context: SettingContext) => boolean;
  /** With `each`: whether one device block is checked (launch-template mappings without `ebs` are not volumes). */
  appliesToTarget?: (target: TfBlock) => boolean;
}

/** The default reading of a switch: `true`, or the string "true" (launch templates spell it so). */
export const isTrue = (value: string) => value.toLowerCase() === 'true';
const equalsIgnoringCase = (...accepted: string[]) => (value: string) => accepted.some((a) => a.toLowerCase() === value.toLowerCase());

/** Aurora Serverless v1 clusters are always encrypted; provisioned clusters default to unencrypted. */
function rdsClusterDefault(cluster: TfBlock, context: SettingContext): Protection | undefined {
  const mode = resolvedLiteral(cluster, 'engine_mode', context.module);
  if (mode === undefined) return attr(cluster, 'engine_mode') ? undefined : 'unencrypted';
  return mode.toLowerCase() === 'serverless' ? 'encrypted' : 'unencrypted';
}

/**
 * New EBS volumes are encrypted when the module turns on EBS encryption by default
 * (`aws_ebs_encryption_by_default`, enabled unless set to false) — with the account's default key, which
 * is a customer-managed key only when `aws_ebs_default_kms_key` names one.
 */
function ebsDefault(resource: TfBlock, context: SettingContext): Protection {
  const blocks = moduleBlocks(resource, context.module);
  const byDefault = blocks.find((b) => b.type === 'resource' && b.labels[0] === 'aws_ebs_encryption_by_default');
  if (!byDefault || resolvedLiteral(byDefault, 'enabled', context.module) === 'false') return 'unencrypted';
  return hasEbsDefaultKey(resource, context) ? 'encrypted' : 'provider-key';
}

/** `aws_ebs_default_kms_key` makes a customer-managed key the default for every new volume. */
function hasEbsDefaultKey(resource: TfBlock, context: SettingContext): boolean {
  return moduleBlocks(resource, context.module).some((b) => b.type === 'resource' && b.labels[0] === 'aws_ebs_default_kms_key');
}

const EBS_KEY = { paths: ['kms_key_id'], whenUnset: 'provider-key', customerDefault: hasEbsDefaultKey } as const;

const KMS_ARN = ['kms_key_id'];

export const TERRAFORM_AT_REST_SETTINGS: readonly AtRestSetting[] = [
  // ----------------------------------------------------------------------------- block storage
  {
    resourceTypes: ['aws_ebs_volume'],
    switch: { paths: ['encrypted'], on: 'true', whenUnset: ebsDefault },
    key: EBS_KEY,
    inheritedWhen: ['snapshot_id'],
  },
  {
    // Turns on encryption of every new volume in the region; `enabled` defaults to true.
    resourceTypes: ['aws_ebs_encryption_by_default'],
    switch: { paths: ['enabled'], on: 'true', whenUnset: 'encrypted' },
  },
  {
    resourceTypes: ['aws_ebs_snapshot_copy'],
    switch: { paths: ['encrypted'], on: 'true', whenUnset: ebsDefault },
    key: EBS_KEY,
  },
  {
    resourceTypes: ['aws_instance', 'aws_spot_instance_request'],
    subject: 'the root volume',
    each: 'root_block_device',
    switch: { paths: ['encrypted'], on: 'true', whenUnset: ebsDefault },
    key: EBS_KEY,
  },
  {
    // Launch configurations' device blocks have no key attribute (provider schema): their volumes use
    // the account's default EBS key, so only the switch is theirs to set.
    resourceTypes: ['aws_launch_configuration'],
    subject: 'the root volume',
    each: 'root_block_device',
    switch: { paths: ['encrypted'], on: 'true', whenUnset: ebsDefault },
  },
  {
    resourceTypes: ['aws_instance', 'aws_spot_instance_request'],
    subject: 'the EBS volume',
    each: 'ebs_block_device',
    switch: { paths: ['encrypted'], on: 'true', whenUnset: ebsDefault },
    key: EBS_KEY,
    // A volume created from a snapshot is as encrypted as the snapshot.
    inheritedWhen: ['snapshot_id'],
  },
  {
    // No key attribute in these device blocks either: an AMI's volumes take the key of their snapshot.
    resourceTypes: ['aws_launch_configuration', 'aws_ami'],
    subject: 'the EBS volume',
    each: 'ebs_block_device',
    switch: { paths: ['encrypted'], on: 'true', whenUnset: ebsDefault },
    inheritedWhen: ['snapshot_id'],
  },
  {
    // `encrypted` is a string in launch templates ("true"); the key attribute is kms_key_id.
    resourceTypes: ['aws_launch_template'],
    subject: 'the EBS volume',
    each: 'block_device_mappings',
    switch: { paths: ['ebs.encrypted'], on: '"true"', whenUnset: ebsDefault },
    key: { ...EBS_KEY, paths: ['ebs.kms_key_id'] },
    inheritedWhen: ['ebs.snapshot_id'],
    appliesToTarget: (mapping) => childBlocks(mapping, 'ebs').length > 0,
  },
  // ------------------------------------------------------------------------------- databases
  {
    resourceTypes: ['aws_db_instance'],
    switch: { paths: ['storage_encrypted'], on: 'true', whenUnset: 'unencrypted' },
    key: { paths: KMS_ARN, whenUnset: 'provider-key' },
    inheritedWhen: ['replicate_source_db', 'snapshot_identifier', 's3_import'],
    // Aurora instances take their encryption from the cluster.
    appliesTo: (db, context) => !/^aurora/i.test(resolvedLiteral(db, 'engine', context.module) ?? ''),
  },
  {
    resourceTypes: ['aws_rds_cluster'],
    switch: { paths: ['storage_encrypted'], on: 'true', whenUnset: rdsClusterDefault },
    key: { paths: KMS_ARN, whenUnset: 'provider-key' },
    inheritedWhen: ['snapshot_identifier', 'replication_source_identifier', 'global_cluster_identifier', 's3_import', 'restore_to_point_in_time'],
  },
  {
    resourceTypes: ['aws_docdb_cluster'],
    switch: { paths: ['storage_encrypted'], on: 'true', whenUnset: 'unencrypted' },
    key: { paths: KMS_ARN, whenUnset: 'provider-key' },
    inheritedWhen: ['snapshot_identifier', 'global_cluster_identifier', 'restore_to_point_in_time'],
  },
  {
    resourceTypes: ['aws_neptune_cluster'],
    switch: { paths: ['storage_encrypted'], on: 'true', whenUnset: 'unencrypted' },
    key: { paths: ['kms_key_arn'], whenUnset: 'provider-key' },
    inheritedWhen: ['snapshot_identifier', 'replication_source_identifier', 'global_cluster_identifier'],
  },
  {
    // Redshift encrypts new clusters (with an AWS-owned key) by default since January 2025; provider 6 defaults encrypted to true.
    resourceTypes: ['aws_redshift_cluster'],
    switch: { paths: ['encrypted'], on: 'true', whenUnset: 'provider-key', satisfiedByKey: true },
    key: { paths: KMS_ARN, whenUnset: 'provider-key' },
    inheritedWhen: ['snapshot_identifier'],
  },
  {
    // DynamoDB always encrypts; without a KMS setting it uses a key AWS owns (not even visible in the account).
    resourceTypes: ['aws_dynamodb_table'],
    switch: { paths: ['server_side_encryption.enabled'], on: 'true', whenUnset: 'provider-key', whenOff: 'provider-key' },
    key: { paths: ['server_side_encryption.kms_key_arn'], whenUnset: 'provider-key' },
  },
  {
    resourceTypes: ['aws_dax_cluster'],
    switch: { paths: ['server_side_encryption.enabled'], on: 'true', whenUnset: 'unencrypted' },
  },
  {
    resourceTypes: ['aws_elasticache_replication_group'],
    switch: { paths: ['at_rest_encryption_enabled'], on: 'true', whenUnset: 'unencrypted' },
    key: { paths: KMS_ARN, whenUnset: 'provider-key' },
    inheritedWhen: ['global_replication_group_id'],
  },
  {
    resourceTypes: ['aws_elasticsearch_domain', 'aws_opensearch_domain'],
    switch: { paths: ['encrypt_at_rest.enabled'], on: 'true', whenUnset: 'unencrypted' },
    key: { paths: ['encrypt_at_rest.kms_key_id'], whenUnset: 'provider-key' },
  },
  {
    resourceTypes: ['azurerm_postgresql_server'],
    subject: 'the second (infrastructure) encryption layer',
    switch: { paths: ['infrastructure_encryption_enabled'], on: 'true', whenUnset: 'unencrypted' },
  },
  // ------------------------------------------------------------------------------ file systems
  {
    resourceTypes: ['aws_efs_file_system'],
    switch: { paths: ['encrypted'], on: 'true', whenUnset: 'unencrypted' },
    key: { paths: KMS_ARN, whenUnset: 'provider-key' },
  },
  {
    resourceTypes: ['aws_fsx_lustre_file_system', 'aws_fsx_windows_file_system', 'aws_fsx_ontap_file_system', 'aws_fsx_openzfs_file_system'],
    key: { paths: KMS_ARN, whenUnset: 'provider-key' },
  },
  // ------------------------------------------------------------------------ queues and streams
  {
    // Queues get SSE-SQS (an SQS-owned key) unless it is switched off; a CMK is set with kms_master_key_id.
    resourceTypes: ['aws_sqs_queue'],
    switch: { paths: ['sqs_managed_sse_enabled'], on: 'true', whenUnset: 'provider-key', whenOff: 'unencrypted', satisfiedByKey: true },
    key: { paths: ['kms_master_key_id'], whenUnset: 'provider-key' },
  },
  {
    resourceTypes: ['aws_sns_topic'],
    key: { paths: ['kms_master_key_id'], whenUnset: 'unencrypted' },
  },
  {
    resourceTypes: ['aws_kinesis_stream'],
    switch: { paths: ['encryption_type'], on: '"KMS"', isOn: equalsIgnoringCase('KMS'), whenUnset: 'unencrypted', companions: { kms_key_id: '"alias/aws/kinesis"' } },
    key: { paths: KMS_ARN, whenUnset: 'unencrypted' },
  },
  {
    // A stream fed by a Kinesis stream inherits that stream's encryption; the others encrypt only when asked.
    resourceTypes: ['aws_kinesis_firehose_delivery_stream'],
    switch: { paths: ['server_side_encryption.enabled'], on: 'true', whenUnset: 'unencrypted' },
    key: { paths: ['server_side_encryption.key_arn'], whenUnset: 'provider-key', companions: { 'server_side_encryption.key_type': '"CUSTOMER_MANAGED_CMK"' } },
    appliesTo: (stream) => childBlocks(stream, 'kinesis_source_configuration').length === 0,
  },
  {
    // MSK always encrypts at rest; without a key, with the AWS-managed aws/kafka key.
    resourceTypes: ['aws_msk_cluster'],
    key: { paths: ['encryption_info.encryption_at_rest_kms_key_arn'], whenUnset: 'provider-key' },
  },
  {
    resourceTypes: ['aws_mq_broker'],
    key: { paths: ['encryption_options.kms_key_id'], whenUnset: 'provider-key', companions: { 'encryption_options.use_aws_owned_key': 'false' } },
  },
  // ------------------------------------------------------------------------- logs and secrets
  {
    resourceTypes: ['aws_cloudwatch_log_group'],
    key: { paths: KMS_ARN, whenUnset: 'provider-key' },
  },
  {
    resourceTypes: ['aws_cloudtrail'],
    key: { paths: KMS_ARN, whenUnset: 'provider-key' },
  },
  {
    resourceTypes: ['aws_secretsmanager_secret'],
    key: { paths: KMS_ARN, whenUnset: 'provider-key' },
  },
  {
    resourceTypes: ['aws_ssm_parameter'],
    key: { paths: ['key_id'], whenUnset: 'provider-key' },
    appliesTo: (parameter, context) => resolvedLiteral(parameter, 'type', context.module) === 'SecureString',
  },
  // ------------------------------------------------------------------------- build and analytics
  {
    resourceTypes: ['aws_ecr_repository'],
    switch: { paths: ['encryption_configuration.encryption_type'], on: '"KMS"', isOn: equalsIgnoringCase('KMS'), whenUnset: 'provider-key', whenOff: 'provider-key' },
    key: { paths: ['encryption_configuration.kms_key'], whenUnset: 'provider-key' },
  },
  {
    resourceTypes: ['aws_codebuild_project'],
    subject: 'build artifacts',
    key: { paths: ['encryption_key'], whenUnset: 'provider-key' },
  },
  {
    resourceTypes: ['aws_athena_database'],
    subject: 'query results',
    switch: { paths: ['encryption_configuration.encryption_option'], on: '"SSE_S3"', isOn: equalsIgnoringCase('SSE_KMS', 'CSE_KMS', 'SSE_S3'), whenUnset: 'unencrypted' },
    key: { paths: ['encryption_configuration.kms_key'], whenUnset: 'provider-key', companions: { 'encryption_configuration.encryption_option': '"SSE_KMS"' } },
  },
  {
    resourceTypes: ['aws_athena_workgroup'],
    subject: 'query results',
    switch: {
      paths: ['configuration.result_configuration.encryption_configuration.encryption_option'],
      on: '"SSE_S3"',
      isOn: equalsIgnoringCase('SSE_KMS', 'CSE_KMS', 'SSE_S3'),
      whenUnset: 'unencrypted',
    },
    key: {
      paths: ['configuration.result_configuration.encryption_configuration.kms_key_arn'],
      whenUnset: 'provider-key',
      companions: { 'configuration.result_configuration.encryption_configuration.encryption_option': '"SSE_KMS"' },
    },
  },
  {
    resourceTypes: ['aws_glue_data_catalog_encryption_settings'],
    subject: 'catalog metadata',
    switch: { paths: ['data_catalog_encryption_settings.encryption_at_rest.catalog_encryption_mode'], on: '"SSE-KMS"', isOn: equalsIgnoringCase('SSE-KMS', 'SSE-KMS-WITH-SERVICE-ROLE'), whenUnset: 'unencrypted' },
    key: { paths: ['data_catalog_encryption_settings.encryption_at_rest.sse_aws_kms_key_id'], whenUnset: 'provider-key' },
  },
  {
    resourceTypes: ['aws_glue_data_catalog_encryption_settings'],
    subject: 'connection passwords',
    switch: { paths: ['data_catalog_encryption_settings.connection_password_encryption.return_connection_password_encrypted'], on: 'true', whenUnset: 'unencrypted' },
    key: { paths: ['data_catalog_encryption_settings.connection_password_encryption.aws_kms_key_id'], whenUnset: 'provider-key' },
  },
  {
    resourceTypes: ['aws_glue_security_configuration'],
    subject: 'CloudWatch logs',
    switch: { paths: ['encryption_configuration.cloudwatch_encryption.cloudwatch_encryption_mode'], on: '"SSE-KMS"', isOn: equalsIgnoringCase('SSE-KMS'), whenUnset: 'unencrypted', needsKey: true },
    key: { paths: ['encryption_configuration.cloudwatch_encryption.kms_key_arn'], whenUnset: 'provider-key' },
  },
  {
    resourceTypes: ['aws_glue_security_configuration'],
    subject: 'job bookmarks',
    switch: { paths: ['encryption_configuration.job_bookmarks_encryption.job_bookmarks_encryption_mode'], on: '"CSE-KMS"', isOn: equalsIgnoringCase('CSE-KMS'), whenUnset: 'unencrypted', needsKey: true },
    key: { paths: ['encryption_configuration.job_bookmarks_encryption.kms_key_arn'], whenUnset: 'provider-key' },
  },
  {
    resourceTypes: ['aws_glue_security_configuration'],
    subject: 'S3 data',
    switch: { paths: ['encryption_configuration.s3_encryption.s3_encryption_mode'], on: '"SSE-S3"', isOn: equalsIgnoringCase('SSE-KMS', 'SSE-S3'), whenUnset: 'unencrypted' },
    key: { paths: ['encryption_configuration.s3_encryption.kms_key_arn'], whenUnset: 'provider-key', companions: { 'encryption_configuration.s3_encryption.s3_encryption_mode': '"SSE-KMS"' } },
  },
  {
    resourceTypes: ['aws_api_gateway_method_settings'],
    subject: 'the response cache',
    switch: { paths: ['settings.cache_data_encrypted'], on: 'true', whenUnset: 'unencrypted' },
    appliesTo: (settings, context) => resolvedLiteral(settings, 'settings.caching_enabled', context.module) === 'true',
  },
  // --------------------------------------------------------------------------- SageMaker, EKS
  {
    resourceTypes: ['aws_sagemaker_notebook_instance', 'aws_sagemaker_domain'],
    key: { paths: KMS_ARN, whenUnset: 'provider-key' },
  },
  {
    resourceTypes: ['aws_sagemaker_endpoint_configuration'],
    key: { paths: ['kms_key_arn'], whenUnset: 'provider-key' },
  },
  {
    resourceTypes: ['aws_sagemaker_feature_group'],
    key: { paths: ['offline_store_config.s3_storage_config.kms_key_id'], whenUnset: 'provider-key' },
    appliesTo: (group) => childBlocks(group, 'offline_store_config').length > 0,
  },
  {
    // Lambda encrypts environment variables with the AWS-managed aws/lambda key unless kms_key_arn names one.
    resourceTypes: ['aws_lambda_function'],
    subject: 'its environment variables',
    key: { paths: ['kms_key_arn'], whenUnset: 'provider-key' },
    appliesTo: (fn) => childBlocks(fn, 'environment').some((e) => attr(e, 'variables')),
  },
  {
    // Without envelope encryption, Kubernetes secrets sit in etcd protected only by the volume's AWS key.
    resourceTypes: ['aws_eks_cluster'],
    subject: 'Kubernetes secrets',
    switch: { paths: ['encryption_config.resources'], on: '["secrets"]', isOn: (list) => list.split(',').includes('secrets'), whenUnset: 'provider-key', whenOff: 'provider-key' },
    key: { paths: ['encryption_config.provider.key_arn'], whenUnset: 'provider-key' },
  },
  {
    resourceTypes: ['aws_workspaces_workspace'],
    subject: 'the root volume',
    switch: { paths: ['root_volume_encryption_enabled'], on: 'true', whenUnset: 'unencrypted' },
  },
  {
    resourceTypes: ['aws_workspaces_workspace'],
    subject: 'the user volume',
    switch: { paths: ['user_volume_encryption_enabled'], on: 'true', whenUnset: 'unencrypted' },
    key: { paths: ['volume_encryption_key'], whenUnset: 'provider-key' },
  },
  {
    // Objects are encrypted with SSE-S3 by default (since 2023); a CMK is named with kms_key_id.
    resourceTypes: ['aws_s3_object', 'aws_s3_bucket_object'],
    switch: { paths: ['server_side_encryption'], on: '"aws:kms"', isOn: equalsIgnoringCase('aws:kms', 'aws:kms:dsse'), whenUnset: 'provider-key', whenOff: 'provider-key' },
    key: { paths: KMS_ARN, whenUnset: 'provider-key' },
  },
  // --------------------------------------------------------------------------- Azure and Google
  {
    // Managed disks always use a platform key; a disk encryption set brings the customer's Key Vault key.
    resourceTypes: ['azurerm_managed_disk'],
    key: { paths: ['disk_encryption_set_id'], whenUnset: 'provider-key' },
  },
  {
    resourceTypes: ['azurerm_kubernetes_cluster'],
    subject: 'node OS disks',
    key: { paths: ['disk_encryption_set_id'], whenUnset: 'provider-key' },
  },
  {
    resourceTypes: ['azurerm_linux_virtual_machine', 'azurerm_windows_virtual_machine'],
    subject: 'the OS disk',
    key: { paths: ['os_disk.disk_encryption_set_id'], whenUnset: 'provider-key' },
    appliesTo: (vm) => childBlocks(vm, 'os_disk').length > 0 && !attr(childBlocks(vm, 'os_disk')[0], 'secure_vm_disk_encryption_set_id'),
  },
  {
    // A customer-supplied raw key (CSEK) is the customer's too; without either, a Google-managed key is used.
    resourceTypes: ['google_compute_disk'],
    key: { paths: ['disk_encryption_key.kms_key_self_link', 'disk_encryption_key.raw_key', 'disk_encryption_key.rsa_encrypted_key'], whenUnset: 'provider-key' },
  },
  {
    // The regional disk names its key `kms_key_name` (provider schema), not `kms_key_self_link`.
    resourceTypes: ['google_compute_region_disk'],
    key: { paths: ['disk_encryption_key.kms_key_name', 'disk_encryption_key.raw_key', 'disk_encryption_key.rsa_encrypted_key'], whenUnset: 'provider-key' },
  },
];

/** Every resource type the table covers, for docs and the hover text. */
export function coveredResourceTypes(): string[] {
  return [...new Set(TERRAFORM_AT_REST_SETTINGS.flatMap((s) => s.resourceTypes))].sort();
}

