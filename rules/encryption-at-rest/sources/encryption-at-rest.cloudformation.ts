// encryption-at-rest for CloudFormation/SAM. The same declarations as the Terraform table — an encryption
// switch with its service default, the property naming a customer-managed key — over property paths;
// code only for S3 default encryption (a list of rules) and the key classification shared with Terraform.
import { CfnRaw, setPath, setResourceProperty, insertResourceBlock, type CfnMapping, type CfnValue } from '../../../server/src/engine/cloudformation/edits';
import {
  cfnTemplate,
  describeResource,
  literalString,
  parameterRelated,
  parameterSuffix,
  resolveParameter,
  resourcesOfType,
  type CfnResource,
  type CfnTemplate,
  type ResolvedCfnValue,
  forEachSettingTarget,
  literalAt,
} from '../../../server/src/engine/cloudformation/model';
import { fix } from '../../../server/src/engine/fix';
import type { Fix, Span, TextEdit } from '../../../server/src/engine/types';
import { get, pair, type DataNode, type MapNode, locatePath, type LocatedPath } from '../../../server/src/engine/yaml/data';
import type { RuleContext } from '../../define';
import { isAwsManagedKeyName } from '../customer-key';
import { CMK_REQUIREMENT, requiresCustomerKey } from '../terraform-check';
import type { Protection } from '../terraform-settings';

interface CfnSwitch {
  path: readonly string[];
  on: CfnValue;
  isOn?: (value: string) => boolean;
  whenUnset: Protection | ((resource: CfnResource, template: CfnTemplate) => Protection | undefined);
  whenOff?: Exclude<Protection, 'encrypted'>;
  satisfiedByKey?: boolean;
  /** The service cannot switch on without a key (Glue SSE-KMS, CSE-KMS): no keyless fix. */
  needsKey?: boolean;
  companions?: ReadonlyArray<readonly [readonly string[], CfnValue]>;
}

interface CfnKey {
  path: readonly string[];
  whenUnset: Exclude<Protection, 'encrypted'>;
  companions?: ReadonlyArray<readonly [readonly string[], CfnValue]>;
}

export interface CfnAtRestSetting {
  resourceTypes: readonly string[];
  subject?: string;
  /** A list property whose items are each checked (`BlockDeviceMappings`); paths are relative to an item. */
  each?: readonly string[];
  switch?: CfnSwitch;
  key?: CfnKey;
  /** Properties whose presence means the encryption is inherited (a snapshot, a source cluster). */
  inheritedWhen?: readonly string[];
  appliesTo?: (resource: CfnResource, template: CfnTemplate) => boolean;
  appliesToItem?: (item: MapNode) => boolean;
}

const isTrue = (value: string) => value.toLowerCase() === 'true';
const oneOf = (...accepted: string[]) => (value: string) => accepted.some((a) => a.toLowerCase() === value.toLowerCase());

function clusterDefault(cluster: CfnResource, template: CfnTemplate): Protection | undefined {
  const mode = literalAt(cluster.properties, ['EngineMode'], template);
  if (mode === undefined) return get(cluster.properties, 'EngineMode') ? undefined : 'unencrypted';
  return mode.toLowerCase() === 'serverless' ? 'encrypted' : 'unencrypted';
}

export const CLOUDFORMATION_AT_REST_SETTINGS: readonly CfnAtRestSetting[] = [
  {
    resourceTypes: ['AWS::EC2::Volume'],
    switch: { path: ['Encrypted'], on: true, whenUnset: 'unencrypted' },
    key: { path: ['KmsKeyId'], whenUnset: 'provider-key' },
    inheritedWhen: ['SnapshotId'],
  },
  {
    resourceTypes: ['AWS::EC2::Instance', 'AWS::AutoScaling::LaunchConfiguration'],
    subject: 'the EBS volume',
    each: ['BlockDeviceMappings'],
    switch: { path: ['Ebs', 'Encrypted'], on: true, whenUnset: 'unencrypted' },
    appliesToItem: (item) => get(item, 'Ebs')?.type === 'map' && !get(get(item, 'Ebs'), 'SnapshotId'),
  },
  {
    resourceTypes: ['AWS::EC2::LaunchTemplate'],
    subject: 'the EBS volume',
    each: ['LaunchTemplateData', 'BlockDeviceMappings'],
    switch: { path: ['Ebs', 'Encrypted'], on: true, whenUnset: 'unencrypted' },
    key: { path: ['Ebs', 'KmsKeyId'], whenUnset: 'provider-key' },
    appliesToItem: (item) => get(item, 'Ebs')?.type === 'map' && !get(get(item, 'Ebs'), 'SnapshotId'),
  },
  {
    resourceTypes: ['AWS::RDS::DBInstance'],
    switch: { path: ['StorageEncrypted'], on: true, whenUnset: 'unencrypted' },
    key: { path: ['KmsKeyId'], whenUnset: 'provider-key' },
    inheritedWhen: ['SourceDBInstanceIdentifier', 'DBSnapshotIdentifier', 'DBClusterIdentifier', 'SourceDBClusterIdentifier', 'SourceDBInstanceAutomatedBackupsArn'],
    appliesTo: (db, template) => !/^aurora/i.test(literalAt(db.properties, ['Engine'], template) ?? ''),
  },
  {
    resourceTypes: ['AWS::RDS::DBCluster'],
    switch: { path: ['StorageEncrypted'], on: true, whenUnset: clusterDefault },
    key: { path: ['KmsKeyId'], whenUnset: 'provider-key' },
    inheritedWhen: ['SnapshotIdentifier', 'SourceDBClusterIdentifier', 'GlobalClusterIdentifier'],
  },
  {
    resourceTypes: ['AWS::DocDB::DBCluster', 'AWS::Neptune::DBCluster'],
    switch: { path: ['StorageEncrypted'], on: true, whenUnset: 'unencrypted' },
    key: { path: ['KmsKeyId'], whenUnset: 'provider-key' },
    inheritedWhen: ['SnapshotIdentifier', 'SourceDBClusterIdentifier'],
  },
  {
    // New clusters are encrypted (with an AWS-owned key) unless told otherwise since January 2025.
    resourceTypes: ['AWS::Redshift::Cluster'],
    switch: { path: ['Encrypted'], on: true, whenUnset: 'provider-key', satisfiedByKey: true },
    key: { path: ['KmsKeyId'], whenUnset: 'provider-key' },
    inheritedWhen: ['SnapshotIdentifier'],
  },
  {
    resourceTypes: ['AWS::EFS::FileSystem'],
    switch: { path: ['Encrypted'], on: true, whenUnset: 'unencrypted' },
    key: { path: ['KmsKeyId'], whenUnset: 'provider-key' },
  },
  {
    resourceTypes: ['AWS::DynamoDB::Table'],
    switch: { path: ['SSESpecification', 'SSEEnabled'], on: true, whenUnset: 'provider-key', whenOff: 'provider-key', companions: [[['SSESpecification', 'SSEType'], 'KMS']] },
    key: { path: ['SSESpecification', 'KMSMasterKeyId'], whenUnset: 'provider-key' },
  },
  {
    resourceTypes: ['AWS::DAX::Cluster'],
    switch: { path: ['SSESpecification', 'SSEEnabled'], on: true, whenUnset: 'unencrypted' },
  },
  {
    resourceTypes: ['AWS::ElastiCache::ReplicationGroup'],
    switch: { path: ['AtRestEncryptionEnabled'], on: true, whenUnset: 'unencrypted' },
    key: { path: ['KmsKeyId'], whenUnset: 'provider-key' },
    inheritedWhen: ['GlobalReplicationGroupId'],
  },
  {
    resourceTypes: ['AWS::Elasticsearch::Domain', 'AWS::OpenSearchService::Domain'],
    switch: { path: ['EncryptionAtRestOptions', 'Enabled'], on: true, whenUnset: 'unencrypted' },
    key: { path: ['EncryptionAtRestOptions', 'KmsKeyId'], whenUnset: 'provider-key' },
  },
  {
    resourceTypes: ['AWS::Kinesis::Stream'],
    switch: { path: ['StreamEncryption', 'EncryptionType'], on: 'KMS', isOn: oneOf('KMS'), whenUnset: 'unencrypted', companions: [[['StreamEncryption', 'KeyId'], 'alias/aws/kinesis']] },
    key: { path: ['StreamEncryption', 'KeyId'], whenUnset: 'unencrypted' },
  },
  {
    resourceTypes: ['AWS::MSK::Cluster'],
    key: { path: ['EncryptionInfo', 'EncryptionAtRest', 'DataVolumeKMSKeyId'], whenUnset: 'provider-key' },
  },
  {
    resourceTypes: ['AWS::AmazonMQ::Broker'],
    key: { path: ['EncryptionOptions', 'KmsKeyId'], whenUnset: 'provider-key', companions: [[['EncryptionOptions', 'UseAwsOwnedKey'], false]] },
  },
  {
    resourceTypes: ['AWS::SNS::Topic'],
    key: { path: ['KmsMasterKeyId'], whenUnset: 'unencrypted' },
  },
  {
    resourceTypes: ['AWS::SQS::Queue'],
    switch: { path: ['SqsManagedSseEnabled'], on: true, whenUnset: 'provider-key', whenOff: 'unencrypted', satisfiedByKey: true },
    key: { path: ['KmsMasterKeyId'], whenUnset: 'provider-key' },
  },
  {
    resourceTypes: ['AWS::Logs::LogGroup'],
    key: { path: ['KmsKeyId'], whenUnset: 'provider-key' },
  },
  {
    resourceTypes: ['AWS::CloudTrail::Trail'],
    key: { path: ['KMSKeyId'], whenUnset: 'provider-key' },
  },
  {
    resourceTypes: ['AWS::SecretsManager::Secret'],
    key: { path: ['KmsKeyId'], whenUnset: 'provider-key' },
  },
  {
    resourceTypes: ['AWS::ECR::Repository'],
    switch: { path: ['EncryptionConfiguration', 'EncryptionType'], on: 'KMS', isOn: oneOf('KMS', 'KMS_DSSE'), whenUnset: 'provider-key', whenOff: 'provider-key' },
    key: { path: ['EncryptionConfiguration', 'KmsKey'], whenUnset: 'provider-key' },
  },
  {
    resourceTypes: ['AWS::CodeBuild::Project'],
    subject: 'build artifacts',
    key: { path: ['EncryptionKey'], whenUnset: 'provider-key' },
  },
  {
    resourceTypes: ['AWS::SageMaker::NotebookInstance', 'AWS::SageMaker::EndpointConfig'],
    key: { path: ['KmsKeyId'], whenUnset: 'provider-key' },
  },
  {
    resourceTypes: ['AWS::Athena::WorkGroup'],
    subject: 'query results',
    switch: { path: ['WorkGroupConfiguration', 'ResultConfiguration', 'EncryptionConfiguration', 'EncryptionOption'], on: 'SSE_S3', isOn: oneOf('SSE_KMS', 'CSE_KMS', 'SSE_S3'), whenUnset: 'unencrypted' },
    key: { path: ['WorkGroupConfiguration', 'ResultConfiguration', 'EncryptionConfiguration', 'KmsKey'], whenUnset: 'provider-key', companions: [[['WorkGroupConfiguration', 'ResultConfiguration', 'EncryptionConfiguration', 'EncryptionOption'], 'SSE_KMS']] },
  },
  {
    resourceTypes: ['AWS::Glue::SecurityConfiguration'],
    subject: 'S3 data',
    each: ['EncryptionConfiguration', 'S3Encryptions'],
    switch: { path: ['S3EncryptionMode'], on: 'SSE-S3', isOn: oneOf('SSE-KMS', 'SSE-S3'), whenUnset: 'unencrypted' },
    key: { path: ['KmsKeyArn'], whenUnset: 'provider-key', companions: [[['S3EncryptionMode'], 'SSE-KMS']] },
  },
  {
    resourceTypes: ['AWS::Glue::SecurityConfiguration'],
    subject: 'CloudWatch logs',
    switch: { path: ['EncryptionConfiguration', 'CloudWatchEncryption', 'CloudWatchEncryptionMode'], on: 'SSE-KMS', isOn: oneOf('SSE-KMS'), whenUnset: 'unencrypted', needsKey: true },
    key: { path: ['EncryptionConfiguration', 'CloudWatchEncryption', 'KmsKeyArn'], whenUnset: 'provider-key' },
  },
  {
    resourceTypes: ['AWS::Glue::SecurityConfiguration'],
    subject: 'job bookmarks',
    switch: { path: ['EncryptionConfiguration', 'JobBookmarksEncryption', 'JobBookmarksEncryptionMode'], on: 'CSE-KMS', isOn: oneOf('CSE-KMS'), whenUnset: 'unencrypted', needsKey: true },
    key: { path: ['EncryptionConfiguration', 'JobBookmarksEncryption', 'KmsKeyArn'], whenUnset: 'provider-key' },
  },
  {
    resourceTypes: ['AWS::Glue::DataCatalogEncryptionSettings'],
    subject: 'catalog metadata',
    switch: { path: ['DataCatalogEncryptionSettings', 'EncryptionAtRest', 'CatalogEncryptionMode'], on: 'SSE-KMS', isOn: oneOf('SSE-KMS', 'SSE-KMS-WITH-SERVICE-ROLE'), whenUnset: 'unencrypted' },
    key: { path: ['DataCatalogEncryptionSettings', 'EncryptionAtRest', 'SseAwsKmsKeyId'], whenUnset: 'provider-key' },
  },
  {
    // Direct-put streams encrypt only when asked; a Kinesis source stream brings its own encryption.
    resourceTypes: ['AWS::KinesisFirehose::DeliveryStream'],
    switch: { path: ['DeliveryStreamEncryptionConfigurationInput', 'KeyType'], on: 'AWS_OWNED_CMK', isOn: oneOf('CUSTOMER_MANAGED_CMK', 'AWS_OWNED_CMK'), whenUnset: 'unencrypted' },
    key: { path: ['DeliveryStreamEncryptionConfigurationInput', 'KeyARN'], whenUnset: 'provider-key', companions: [[['DeliveryStreamEncryptionConfigurationInput', 'KeyType'], 'CUSTOMER_MANAGED_CMK']] },
    appliesTo: (stream) => !get(stream.properties, 'KinesisStreamSourceConfiguration'),
  },
  {
    resourceTypes: ['AWS::WorkSpaces::Workspace'],
    subject: 'the root volume',
    switch: { path: ['RootVolumeEncryptionEnabled'], on: true, whenUnset: 'unencrypted' },
  },
  {
    resourceTypes: ['AWS::WorkSpaces::Workspace'],
    subject: 'the user volume',
    switch: { path: ['UserVolumeEncryptionEnabled'], on: true, whenUnset: 'unencrypted' },
    key: { path: ['VolumeEncryptionKey'], whenUnset: 'provider-key' },
  },
  {
    resourceTypes: ['AWS::ApiGateway::Deployment'],
    subject: 'the response cache',
    switch: { path: ['StageDescription', 'CacheDataEncrypted'], on: true, whenUnset: 'unencrypted' },
    appliesTo: (deployment, template) => literalAt(deployment.properties, ['StageDescription', 'CachingEnabled'], template)?.toLowerCase() === 'true',
  },
  {
    resourceTypes: ['AWS::ApiGateway::Stage'],
    subject: 'the response cache',
    each: ['MethodSettings'],
    switch: { path: ['CacheDataEncrypted'], on: true, whenUnset: 'unencrypted' },
    appliesToItem: (item) => String(literalString(get(item, 'CachingEnabled'))).toLowerCase() === 'true',
  },
  {
    resourceTypes: ['AWS::Lambda::Function', 'AWS::Serverless::Function'],
    subject: 'its environment variables',
    key: { path: ['KmsKeyArn'], whenUnset: 'provider-key' },
    appliesTo: (fn) => get(get(fn.properties, 'Environment'), 'Variables')?.type === 'map',
  },
  {
    resourceTypes: ['AWS::EMR::SecurityConfiguration'],
    // An AtRestEncryptionConfiguration without the switch is taken as meant to apply.
    switch: {
      path: ['SecurityConfiguration', 'EncryptionConfiguration', 'EnableAtRestEncryption'],
      on: true,
      whenUnset: (configuration) => (get(get(get(configuration.properties, 'SecurityConfiguration'), 'EncryptionConfiguration'), 'AtRestEncryptionConfiguration') ? undefined : 'unencrypted'),
    },
    appliesTo: (configuration) => get(configuration.properties, 'SecurityConfiguration')?.type === 'map',
  },
  {
    // Local-disk encryption covers instance stores; attached EBS volumes only with EnableEbsEncryption.
    resourceTypes: ['AWS::EMR::SecurityConfiguration'],
    subject: "the cluster's EBS volumes",
    switch: {
      path: ['SecurityConfiguration', 'EncryptionConfiguration', 'AtRestEncryptionConfiguration', 'LocalDiskEncryptionConfiguration', 'EnableEbsEncryption'],
      on: true,
      whenUnset: 'unencrypted',
    },
    appliesTo: (configuration) => get(get(get(get(configuration.properties, 'SecurityConfiguration'), 'EncryptionConfiguration'), 'AtRestEncryptionConfiguration'), 'LocalDiskEncryptionConfiguration')?.type === 'map',
  },
];

type KeyKind = 'absent' | 'aws-managed' | 'customer' | 'unknown';

function classifyKey(node: DataNode | undefined, template: CfnTemplate): { kind: KeyKind; text?: string } {
  if (!node) return { kind: 'absent' };
  const resolved = resolveParameter(template, node);
  if (resolved.parameter && !resolved.node) return { kind: 'customer' }; // supplied at deploy time
  const text = literalString(resolved.node);
  if (text !== undefined) {
    if (!text.trim()) return { kind: 'absent' };
    return { kind: isAwsManagedKeyName(text) ? 'aws-managed' : 'customer', text };
  }
  if (resolved.node?.type === 'scalar' && resolved.node.value === null) return { kind: 'absent' };
  return { kind: 'customer' }; // !Ref/!GetAtt/!ImportValue/!Sub: a key the template names
}

/** The template's only AWS::KMS::Key, written as `!GetAtt Key.Arn` — the one key a fix may propose. */
function soleKeyArn(template: CfnTemplate): CfnRaw | undefined {
  const keys = resourcesOfType(template, 'AWS::KMS::Key');
  if (keys.length !== 1 || get(keys[0].node, 'Condition')) return undefined;
  const id = keys[0].logicalId;
  return new CfnRaw(`!GetAtt ${id}.Arn`, { 'Fn::GetAtt': [id, 'Arn'] });
}


/**
 * Edits writing several settings under one base mapping. Settings sharing a missing parent at the
 * resource's top level are written as one mapping; others that would collide give no edit (no fix).
 */
function setSettings(context: RuleContext, template: CfnTemplate, resource: CfnResource, base: MapNode | undefined, settings: ReadonlyArray<readonly [readonly string[], CfnValue]>): TextEdit[] | undefined {
  const groups = new Map<string, Array<readonly [readonly string[], CfnValue]>>();
  for (const setting of settings) {
    const located = locatePath(base, setting[0]);
    const missingAt = located.present ? setting[0].length : located.along.length;
    const key = missingAt < setting[0].length - 1 ? setting[0].slice(0, missingAt + 1).join('.') : `direct:${setting[0].join('.')}`;
    groups.set(key, [...(groups.get(key) ?? []), setting]);
  }
  const edits: TextEdit[] = [];
  for (const [key, items] of groups) {
    if (items.length === 1 || key.startsWith('direct:')) {
      for (const [path, value] of items) {
        const itemEdits = base && base !== resource.properties ? setPath(context.file, template, base, [...path], value) : setResourceProperty(context.file, template, resource, [...path], value);
        if (!itemEdits.length) return undefined;
        edits.push(...itemEdits);
      }
      continue;
    }
    const parentPath = key.split('.');
    if (parentPath.length !== 1 || (base && base !== resource.properties)) return undefined;
    const mapping: CfnMapping = {};
    for (const [path, value] of items) {
      let target = mapping;
      for (const step of path.slice(1, -1)) target = (target[step] ??= {}) as CfnMapping;
      target[path[path.length - 1]] = value;
    }
    const blockEdits = insertResourceBlock(context.file, template, resource, parentPath[0], mapping);
    if (!blockEdits.length) return undefined;
    edits.push(...blockEdits);
  }
  return edits;
}

function describeValue(value: CfnValue): string {
  return value instanceof CfnRaw ? value.yaml : String(value);
}

function keyFix(context: RuleContext, template: CfnTemplate, resource: CfnResource, base: MapNode | undefined, setting: CfnAtRestSetting, withSwitch: boolean): Fix | undefined {
  const arn = soleKeyArn(template);
  if (!arn || !setting.key) return undefined;
  const settings: Array<readonly [readonly string[], CfnValue]> = [];
  const companions = setting.key.companions ?? [];
  if (withSwitch && setting.switch && !companions.some(([p]) => p.join('.') === setting.switch!.path.join('.'))) settings.push([setting.switch.path, setting.switch.on]);
  for (const companion of companions) settings.push(companion);
  if (withSwitch) for (const companion of setting.switch?.companions ?? []) if (companion[0].join('.') !== setting.key.path.join('.')) settings.push(companion);
  settings.push([setting.key.path, arn]);
  const edits = setSettings(context, template, resource, base, settings);
  if (!edits) return undefined;
  return fix(`Set ${settings.map(([p, v]) => `${p[p.length - 1]}: ${describeValue(v)}`).join(', ')}`, edits, { safe: false });
}

function reportSpan(resource: CfnResource, located: LocatedPath, itemSpan: Span | undefined): Span {
  const last = located.along[located.along.length - 1];
  return located.present?.span ?? last?.keySpan ?? itemSpan ?? resource.pair.keySpan;
}

function checkTarget(setting: CfnAtRestSetting, resource: CfnResource, base: MapNode | undefined, template: CfnTemplate, context: RuleContext, itemSpan?: Span): void {
  const who = describeResource(resource) + (setting.each ? ` ${setting.each[setting.each.length - 1]} item` : '');
  const what = setting.subject ?? 'its data';
  const cmk = requiresCustomerKey(context);
  const sw = setting.switch;
  let protection: Protection = 'encrypted';
  let swLocated: LocatedPath | undefined;
  let swResolved: ResolvedCfnValue | undefined;
  let swText: string | undefined;
  if (sw) {
    swLocated = locatePath(base, sw.path);
    if (swLocated.opaque) return;
    if (!swLocated.present) {
      const unset = typeof sw.whenUnset === 'function' ? sw.whenUnset(resource, template) : sw.whenUnset;
      if (!unset) return;
      protection = unset;
    } else {
      swResolved = resolveParameter(template, swLocated.present.value);
      swText = literalString(swResolved.node);
      if (swText === undefined) return;
      protection = (sw.isOn ?? isTrue)(swText) ? 'encrypted' : (sw.whenOff ?? 'unencrypted');
    }
    if (protection !== 'encrypted' && sw.satisfiedByKey && setting.key && classifyKey(locatePath(base, setting.key.path).present?.value, template).kind !== 'absent') protection = 'encrypted';
  }

  if (sw && swLocated && protection !== 'encrypted') {
    if (protection === 'provider-key' && !cmk) return;
    const pathText = sw.path.join('.');
    const said = swLocated.present ? `sets ${pathText} to ${swText}${parameterSuffix(swResolved!)}` : `does not set ${pathText}`;
    const span = reportSpan(resource, swLocated, itemSpan);
    if (protection === 'unencrypted') {
      const settings: Array<readonly [readonly string[], CfnValue]> = [[sw.path, sw.on], ...(sw.companions ?? []).filter(([p]) => !locatePath(base, p).present)];
      const edits = setSettings(context, template, resource, base, settings);
      const fixes: Fix[] = edits && !sw.needsKey ? [fix(`Set ${settings.map(([p, v]) => `${p[p.length - 1]}: ${describeValue(v)}`).join(', ')}`, edits, { preferred: true, safe: !swResolved?.parameter })] : [];
      const alternative = cmk ? keyFix(context, template, resource, base, setting, true) : undefined;
      if (alternative) fixes.push(alternative);
      context.report({ span, message: `${who} ${said}, leaving ${what} unencrypted at rest`, related: swResolved ? parameterRelated(swResolved) : undefined, fixes });
      return;
    }
    const alternative = keyFix(context, template, resource, base, setting, true);
    context.report({
      span,
      message: `${who} ${said}, leaving ${what} encrypted only with a key AWS owns or manages; ${CMK_REQUIREMENT}`,
      severity: 'warning',
      fixes: alternative ? [alternative] : [],
    });
    return;
  }

  if (!setting.key) return;
  const keyLocated = locatePath(base, setting.key.path);
  if (keyLocated.opaque) return;
  const key = classifyKey(keyLocated.present?.value, template);
  if (key.kind === 'customer' || key.kind === 'unknown') return;
  const keyPath = setting.key.path.join('.');
  const span = reportSpan(resource, keyLocated, itemSpan);
  const alternative = keyFix(context, template, resource, base, setting, false);
  const fixes = alternative ? [alternative] : [];
  if (key.kind === 'aws-managed') {
    if (cmk) context.report({ span, message: `${who} sets ${keyPath} to the AWS-managed key ${key.text}; ${CMK_REQUIREMENT}`, severity: 'warning', fixes });
    return;
  }
  if (setting.key.whenUnset === 'unencrypted') {
    context.report({ span, message: `${who} does not set ${keyPath}, leaving ${what} unencrypted at rest`, fixes });
    return;
  }
  if (cmk) context.report({ span, message: `${who} does not set ${keyPath}, leaving ${what} encrypted with an AWS-managed key; ${CMK_REQUIREMENT}`, severity: 'warning', fixes });
}

/**
 * S3 default encryption: every object gets SSE-S3 since 2023, so a bucket without BucketEncryption is
 * encrypted and is not reported (which buckets hold confidential data is not in the template). A bucket
 * that explicitly chooses SSE-S3 or the AWS-managed aws/s3 key contradicts the CMK policy: warning.
 */
function checkBucketEncryption(bucket: CfnResource, template: CfnTemplate, context: RuleContext): void {
  if (!requiresCustomerKey(context)) return;
  const configuration = get(get(bucket.properties, 'BucketEncryption'), 'ServerSideEncryptionConfiguration');
  if (configuration?.type !== 'seq') return;
  for (const item of configuration.items) {
    const rule = get(item, 'ServerSideEncryptionByDefault');
    const algorithmPair = pair(rule, 'SSEAlgorithm');
    const algorithm = literalAt(rule, ['SSEAlgorithm'], template);
    if (!algorithmPair || algorithm === undefined) continue;
    const key = classifyKey(get(rule, 'KMSMasterKeyID'), template);
    if (/^aws:kms/i.test(algorithm) && (key.kind === 'customer' || key.kind === 'unknown')) continue;
    const arn = soleKeyArn(template);
    const fixes: Fix[] = [];
    if (arn && rule?.type === 'map') {
      const edits = [...setPath(context.file, template, rule, ['SSEAlgorithm'], 'aws:kms'), ...setPath(context.file, template, rule, ['KMSMasterKeyID'], arn)];
      if (edits.length === 2) fixes.push(fix(`Set SSEAlgorithm: aws:kms, KMSMasterKeyID: ${arn.yaml}`, edits, { safe: false }));
    }
    const keyPair = pair(rule, 'KMSMasterKeyID');
    context.report({
      span: (key.kind === 'aws-managed' && keyPair ? keyPair : algorithmPair).span,
      message: `${describeResource(bucket)} ${key.kind === 'aws-managed' ? `encrypts with the AWS-managed key ${key.text}` : `encrypts with ${algorithm} (an S3-managed key)`}; ${CMK_REQUIREMENT}`,
      severity: 'warning',
      fixes,
    });
  }
}

export function checkCloudFormationAtRest(context: RuleContext): void {
  const template = cfnTemplate(context.file);
  forEachSettingTarget(
    template,
    CLOUDFORMATION_AT_REST_SETTINGS,
    (setting, resource, target, itemSpan) => checkTarget(setting, resource, target, template, context, itemSpan),
    // A replica or restore inherits its source's encryption unless it sets its own.
    (setting, resource) => !!setting.inheritedWhen?.some((p) => get(resource.properties, p)) && !(setting.switch && locatePath(resource.properties, setting.switch.path).present),
  );
  for (const bucket of resourcesOfType(template, 'AWS::S3::Bucket')) checkBucketEncryption(bucket, template, context);
}

