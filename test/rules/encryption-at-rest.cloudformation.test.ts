// encryption-at-rest (CloudFormation): one row per entry of the CloudFormation table with a guard that
// every entry has a row; hand-written cases for JSON templates, parameters, keys, S3 buckets and inheritance.
import * as assert from 'node:assert/strict';
import { encryptionAtRest } from '../../rules/encryption-at-rest/encryption-at-rest';
import { CLOUDFORMATION_AT_REST_SETTINGS } from '../../rules/encryption-at-rest/sources/encryption-at-rest.cloudformation';
import { defaultConfig, mergeConfig } from '../../server/src/engine/config';
import { analyze } from '../../server/src/engine/engine';
import { ruleTester, type InvalidCase } from '../support/rule-tester';

const noCmk = { requireCustomerManagedKey: false };

interface Row {
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
    covers: 'AWS::EC2::Volume Encrypted',
    code: 'Resources:\n  Data:\n    Type: AWS::EC2::Volume\n    Properties:\n      AvailabilityZone: eu-west-1a\n      Size: 100\n',
    message: 'Data (AWS::EC2::Volume) does not set Encrypted, leaving its data unencrypted at rest',
    line: 2,
    severity: 'error',
    fix: { title: 'Set Encrypted: true', safe: true, output: 'Resources:\n  Data:\n    Type: AWS::EC2::Volume\n    Properties:\n      AvailabilityZone: eu-west-1a\n      Size: 100\n      Encrypted: true\n' },
  },
  {
    covers: 'AWS::EC2::Instance BlockDeviceMappings.Ebs.Encrypted',
    code: 'Resources:\n  Web:\n    Type: AWS::EC2::Instance\n    Properties:\n      ImageId: ami-0123\n      BlockDeviceMappings:\n        - DeviceName: /dev/sdb\n          Ebs:\n            VolumeSize: 20\n            Encrypted: false\n',
    message: 'Web (AWS::EC2::Instance) BlockDeviceMappings item sets Ebs.Encrypted to false, leaving the EBS volume unencrypted at rest',
    line: 10,
    severity: 'error',
    fix: { title: 'Set Encrypted: true', safe: true, output: 'Resources:\n  Web:\n    Type: AWS::EC2::Instance\n    Properties:\n      ImageId: ami-0123\n      BlockDeviceMappings:\n        - DeviceName: /dev/sdb\n          Ebs:\n            VolumeSize: 20\n            Encrypted: true\n' },
  },
  {
    covers: 'AWS::EC2::LaunchTemplate BlockDeviceMappings.Ebs.Encrypted',
    code: 'Resources:\n  Workers:\n    Type: AWS::EC2::LaunchTemplate\n    Properties:\n      LaunchTemplateData:\n        BlockDeviceMappings:\n          - DeviceName: /dev/xvda\n            Ebs:\n              VolumeSize: 30\n',
    message: 'Workers (AWS::EC2::LaunchTemplate) BlockDeviceMappings item does not set Ebs.Encrypted, leaving the EBS volume unencrypted at rest',
    line: 8,
    severity: 'error',
    fix: { title: 'Set Encrypted: true', safe: true, output: 'Resources:\n  Workers:\n    Type: AWS::EC2::LaunchTemplate\n    Properties:\n      LaunchTemplateData:\n        BlockDeviceMappings:\n          - DeviceName: /dev/xvda\n            Ebs:\n              VolumeSize: 30\n              Encrypted: true\n' },
  },
  {
    covers: 'AWS::RDS::DBInstance StorageEncrypted',
    code: 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n      DBInstanceClass: db.t3.micro\n',
    message: 'Db (AWS::RDS::DBInstance) does not set StorageEncrypted, leaving its data unencrypted at rest',
    line: 2,
    severity: 'error',
    fix: { title: 'Set StorageEncrypted: true', safe: true, output: 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n      DBInstanceClass: db.t3.micro\n      StorageEncrypted: true\n' },
  },
  {
    covers: 'AWS::RDS::DBCluster StorageEncrypted',
    code: 'Resources:\n  Cluster:\n    Type: AWS::RDS::DBCluster\n    Properties:\n      Engine: aurora-postgresql\n      StorageEncrypted: false\n',
    message: 'Cluster (AWS::RDS::DBCluster) sets StorageEncrypted to false, leaving its data unencrypted at rest',
    line: 6,
    severity: 'error',
    fix: { title: 'Set StorageEncrypted: true', safe: true, output: 'Resources:\n  Cluster:\n    Type: AWS::RDS::DBCluster\n    Properties:\n      Engine: aurora-postgresql\n      StorageEncrypted: true\n' },
  },
  {
    covers: 'AWS::DocDB::DBCluster StorageEncrypted',
    code: 'Resources:\n  Docs:\n    Type: AWS::DocDB::DBCluster\n    Properties:\n      MasterUsername: admin\n',
    message: 'Docs (AWS::DocDB::DBCluster) does not set StorageEncrypted, leaving its data unencrypted at rest',
    line: 2,
    severity: 'error',
    fix: { title: 'Set StorageEncrypted: true', safe: true, output: 'Resources:\n  Docs:\n    Type: AWS::DocDB::DBCluster\n    Properties:\n      MasterUsername: admin\n      StorageEncrypted: true\n' },
  },
  {
    covers: 'AWS::Redshift::Cluster Encrypted',
    code: 'Resources:\n  Dw:\n    Type: AWS::Redshift::Cluster\n    Properties:\n      NodeType: dc2.large\n      Encrypted: false\n',
    message: 'Dw (AWS::Redshift::Cluster) sets Encrypted to false, leaving its data unencrypted at rest',
    line: 6,
    severity: 'error',
    fix: { title: 'Set Encrypted: true', safe: true, output: 'Resources:\n  Dw:\n    Type: AWS::Redshift::Cluster\n    Properties:\n      NodeType: dc2.large\n      Encrypted: true\n' },
  },
  {
    covers: 'AWS::EFS::FileSystem Encrypted',
    code: 'Resources:\n  Fs:\n    Type: AWS::EFS::FileSystem\n    Properties:\n      PerformanceMode: generalPurpose\n',
    message: 'Fs (AWS::EFS::FileSystem) does not set Encrypted, leaving its data unencrypted at rest',
    line: 2,
    severity: 'error',
    fix: { title: 'Set Encrypted: true', safe: true, output: 'Resources:\n  Fs:\n    Type: AWS::EFS::FileSystem\n    Properties:\n      PerformanceMode: generalPurpose\n      Encrypted: true\n' },
  },
  {
    covers: 'AWS::DynamoDB::Table SSESpecification.SSEEnabled',
    cmk: true,
    code: 'Resources:\n  Key:\n    Type: AWS::KMS::Key\n    Properties:\n      EnableKeyRotation: true\n  Table:\n    Type: AWS::DynamoDB::Table\n    Properties:\n      BillingMode: PAY_PER_REQUEST\n',
    message: 'Table (AWS::DynamoDB::Table) does not set SSESpecification.SSEEnabled, leaving its data encrypted only with a key AWS owns or manages; policy requires a customer-managed key',
    line: 6,
    severity: 'warning',
    fix: { title: 'Set SSEEnabled: true, SSEType: KMS, KMSMasterKeyId: !GetAtt Key.Arn', safe: false, output: 'Resources:\n  Key:\n    Type: AWS::KMS::Key\n    Properties:\n      EnableKeyRotation: true\n  Table:\n    Type: AWS::DynamoDB::Table\n    Properties:\n      BillingMode: PAY_PER_REQUEST\n      SSESpecification:\n        SSEEnabled: true\n        SSEType: KMS\n        KMSMasterKeyId: !GetAtt Key.Arn\n' },
  },
  {
    covers: 'AWS::DAX::Cluster SSESpecification.SSEEnabled',
    code: 'Resources:\n  Dax:\n    Type: AWS::DAX::Cluster\n    Properties:\n      NodeType: dax.r4.large\n      SSESpecification:\n        SSEEnabled: false\n',
    message: 'Dax (AWS::DAX::Cluster) sets SSESpecification.SSEEnabled to false, leaving its data unencrypted at rest',
    line: 7,
    severity: 'error',
    fix: { title: 'Set SSEEnabled: true', safe: true, output: 'Resources:\n  Dax:\n    Type: AWS::DAX::Cluster\n    Properties:\n      NodeType: dax.r4.large\n      SSESpecification:\n        SSEEnabled: true\n' },
  },
  {
    covers: 'AWS::ElastiCache::ReplicationGroup AtRestEncryptionEnabled',
    code: 'Resources:\n  Redis:\n    Type: AWS::ElastiCache::ReplicationGroup\n    Properties:\n      ReplicationGroupDescription: cache\n',
    message: 'Redis (AWS::ElastiCache::ReplicationGroup) does not set AtRestEncryptionEnabled, leaving its data unencrypted at rest',
    line: 2,
    severity: 'error',
    fix: { title: 'Set AtRestEncryptionEnabled: true', safe: true, output: 'Resources:\n  Redis:\n    Type: AWS::ElastiCache::ReplicationGroup\n    Properties:\n      ReplicationGroupDescription: cache\n      AtRestEncryptionEnabled: true\n' },
  },
  {
    covers: 'AWS::Elasticsearch::Domain EncryptionAtRestOptions.Enabled',
    code: 'Resources:\n  Search:\n    Type: AWS::OpenSearchService::Domain\n    Properties:\n      EngineVersion: OpenSearch_2.11\n      EncryptionAtRestOptions:\n        Enabled: false\n',
    message: 'Search (AWS::OpenSearchService::Domain) sets EncryptionAtRestOptions.Enabled to false, leaving its data unencrypted at rest',
    line: 7,
    severity: 'error',
    fix: { title: 'Set Enabled: true', safe: true, output: 'Resources:\n  Search:\n    Type: AWS::OpenSearchService::Domain\n    Properties:\n      EngineVersion: OpenSearch_2.11\n      EncryptionAtRestOptions:\n        Enabled: true\n' },
  },
  {
    covers: 'AWS::Kinesis::Stream StreamEncryption.EncryptionType',
    code: 'Resources:\n  Stream:\n    Type: AWS::Kinesis::Stream\n    Properties:\n      ShardCount: 1\n',
    message: 'Stream (AWS::Kinesis::Stream) does not set StreamEncryption.EncryptionType, leaving its data unencrypted at rest',
    line: 2,
    severity: 'error',
    fix: { title: 'Set EncryptionType: KMS, KeyId: alias/aws/kinesis', safe: true, output: 'Resources:\n  Stream:\n    Type: AWS::Kinesis::Stream\n    Properties:\n      ShardCount: 1\n      StreamEncryption:\n        EncryptionType: KMS\n        KeyId: alias/aws/kinesis\n' },
  },
  {
    covers: 'AWS::MSK::Cluster EncryptionInfo.EncryptionAtRest.DataVolumeKMSKeyId',
    cmk: true,
    code: 'Resources:\n  Kafka:\n    Type: AWS::MSK::Cluster\n    Properties:\n      ClusterName: kafka\n',
    message: 'Kafka (AWS::MSK::Cluster) does not set EncryptionInfo.EncryptionAtRest.DataVolumeKMSKeyId, leaving its data encrypted with an AWS-managed key; policy requires a customer-managed key',
    line: 2,
    severity: 'warning',
    fix: null,
  },
  {
    covers: 'AWS::AmazonMQ::Broker EncryptionOptions.KmsKeyId',
    cmk: true,
    code: 'Resources:\n  Mq:\n    Type: AWS::AmazonMQ::Broker\n    Properties:\n      BrokerName: mq\n      EncryptionOptions:\n        UseAwsOwnedKey: true\n',
    message: 'Mq (AWS::AmazonMQ::Broker) does not set EncryptionOptions.KmsKeyId, leaving its data encrypted with an AWS-managed key; policy requires a customer-managed key',
    line: 6,
    severity: 'warning',
    fix: null,
  },
  {
    covers: 'AWS::SNS::Topic KmsMasterKeyId',
    cmk: true,
    code: 'Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: alerts\n      KmsMasterKeyId: alias/aws/sns\n',
    message: 'Topic (AWS::SNS::Topic) sets KmsMasterKeyId to the AWS-managed key alias/aws/sns; policy requires a customer-managed key',
    line: 6,
    severity: 'warning',
    fix: null,
  },
  {
    covers: 'AWS::SQS::Queue SqsManagedSseEnabled',
    code: 'Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: jobs\n      SqsManagedSseEnabled: false\n',
    message: 'Queue (AWS::SQS::Queue) sets SqsManagedSseEnabled to false, leaving its data unencrypted at rest',
    line: 6,
    severity: 'error',
    fix: { title: 'Set SqsManagedSseEnabled: true', safe: true, output: 'Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: jobs\n      SqsManagedSseEnabled: true\n' },
  },
  {
    covers: 'AWS::Logs::LogGroup KmsKeyId',
    cmk: true,
    code: 'Resources:\n  Logs:\n    Type: AWS::Logs::LogGroup\n    Properties:\n      RetentionInDays: 365\n',
    message: 'Logs (AWS::Logs::LogGroup) does not set KmsKeyId, leaving its data encrypted with an AWS-managed key; policy requires a customer-managed key',
    line: 2,
    severity: 'warning',
    fix: null,
  },
  {
    covers: 'AWS::CloudTrail::Trail KMSKeyId',
    cmk: true,
    code: 'Resources:\n  Trail:\n    Type: AWS::CloudTrail::Trail\n    Properties:\n      IsLogging: true\n      S3BucketName: logs\n',
    message: 'Trail (AWS::CloudTrail::Trail) does not set KMSKeyId, leaving its data encrypted with an AWS-managed key; policy requires a customer-managed key',
    line: 2,
    severity: 'warning',
    fix: null,
  },
  {
    covers: 'AWS::SecretsManager::Secret KmsKeyId',
    cmk: true,
    code: 'Resources:\n  Secret:\n    Type: AWS::SecretsManager::Secret\n    Properties:\n      Name: app\n',
    message: 'Secret (AWS::SecretsManager::Secret) does not set KmsKeyId, leaving its data encrypted with an AWS-managed key; policy requires a customer-managed key',
    line: 2,
    severity: 'warning',
    fix: null,
  },
  {
    covers: 'AWS::ECR::Repository EncryptionConfiguration.EncryptionType',
    cmk: true,
    code: 'Resources:\n  Repo:\n    Type: AWS::ECR::Repository\n    Properties:\n      RepositoryName: app\n      EncryptionConfiguration:\n        EncryptionType: AES256\n',
    message: 'Repo (AWS::ECR::Repository) sets EncryptionConfiguration.EncryptionType to AES256, leaving its data encrypted only with a key AWS owns or manages; policy requires a customer-managed key',
    line: 7,
    severity: 'warning',
    fix: null,
  },
  {
    covers: 'AWS::CodeBuild::Project EncryptionKey',
    cmk: true,
    code: 'Resources:\n  Build:\n    Type: AWS::CodeBuild::Project\n    Properties:\n      Name: build\n',
    message: 'Build (AWS::CodeBuild::Project) does not set EncryptionKey, leaving build artifacts encrypted with an AWS-managed key; policy requires a customer-managed key',
    line: 2,
    severity: 'warning',
    fix: null,
  },
  {
    covers: 'AWS::SageMaker::NotebookInstance KmsKeyId',
    cmk: true,
    code: 'Resources:\n  Notebook:\n    Type: AWS::SageMaker::NotebookInstance\n    Properties:\n      InstanceType: ml.t3.medium\n',
    message: 'Notebook (AWS::SageMaker::NotebookInstance) does not set KmsKeyId, leaving its data encrypted with an AWS-managed key; policy requires a customer-managed key',
    line: 2,
    severity: 'warning',
    fix: null,
  },
  {
    covers: 'AWS::WorkSpaces::Workspace RootVolumeEncryptionEnabled',
    code: 'Resources:\n  Desk:\n    Type: AWS::WorkSpaces::Workspace\n    Properties:\n      UserName: jdoe\n      UserVolumeEncryptionEnabled: true\n      VolumeEncryptionKey: !Ref WorkspacesKey\n',
    message: 'Desk (AWS::WorkSpaces::Workspace) does not set RootVolumeEncryptionEnabled, leaving the root volume unencrypted at rest',
    line: 2,
    severity: 'error',
    fix: { title: 'Set RootVolumeEncryptionEnabled: true', safe: true, output: 'Resources:\n  Desk:\n    Type: AWS::WorkSpaces::Workspace\n    Properties:\n      UserName: jdoe\n      UserVolumeEncryptionEnabled: true\n      VolumeEncryptionKey: !Ref WorkspacesKey\n      RootVolumeEncryptionEnabled: true\n' },
  },
  {
    covers: 'AWS::WorkSpaces::Workspace UserVolumeEncryptionEnabled',
    code: 'Resources:\n  Desk:\n    Type: AWS::WorkSpaces::Workspace\n    Properties:\n      UserName: jdoe\n      RootVolumeEncryptionEnabled: true\n      UserVolumeEncryptionEnabled: false\n      VolumeEncryptionKey: !Ref WorkspacesKey\n',
    message: 'Desk (AWS::WorkSpaces::Workspace) sets UserVolumeEncryptionEnabled to false, leaving the user volume unencrypted at rest',
    line: 7,
    severity: 'error',
    fix: { title: 'Set UserVolumeEncryptionEnabled: true', safe: true, output: 'Resources:\n  Desk:\n    Type: AWS::WorkSpaces::Workspace\n    Properties:\n      UserName: jdoe\n      RootVolumeEncryptionEnabled: true\n      UserVolumeEncryptionEnabled: true\n      VolumeEncryptionKey: !Ref WorkspacesKey\n' },
  },
  {
    covers: 'AWS::ApiGateway::Deployment StageDescription.CacheDataEncrypted',
    code: 'Resources:\n  Deployment:\n    Type: AWS::ApiGateway::Deployment\n    Properties:\n      RestApiId: !Ref Api\n      StageDescription:\n        CachingEnabled: true\n',
    message: 'Deployment (AWS::ApiGateway::Deployment) does not set StageDescription.CacheDataEncrypted, leaving the response cache unencrypted at rest',
    line: 6,
    severity: 'error',
    fix: { title: 'Set CacheDataEncrypted: true', safe: true, output: 'Resources:\n  Deployment:\n    Type: AWS::ApiGateway::Deployment\n    Properties:\n      RestApiId: !Ref Api\n      StageDescription:\n        CachingEnabled: true\n        CacheDataEncrypted: true\n' },
  },
  {
    covers: 'AWS::ApiGateway::Stage MethodSettings.CacheDataEncrypted',
    code: 'Resources:\n  Stage:\n    Type: AWS::ApiGateway::Stage\n    Properties:\n      RestApiId: !Ref Api\n      MethodSettings:\n        - HttpMethod: "*"\n          ResourcePath: "/*"\n          CachingEnabled: true\n          CacheDataEncrypted: false\n',
    message: 'Stage (AWS::ApiGateway::Stage) MethodSettings item sets CacheDataEncrypted to false, leaving the response cache unencrypted at rest',
    line: 10,
    severity: 'error',
    fix: { title: 'Set CacheDataEncrypted: true', safe: true, output: 'Resources:\n  Stage:\n    Type: AWS::ApiGateway::Stage\n    Properties:\n      RestApiId: !Ref Api\n      MethodSettings:\n        - HttpMethod: "*"\n          ResourcePath: "/*"\n          CachingEnabled: true\n          CacheDataEncrypted: true\n' },
  },
  {
    covers: 'AWS::Lambda::Function KmsKeyArn',
    cmk: true,
    code: 'Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Runtime: nodejs20.x\n      Environment:\n        Variables:\n          TABLE: orders\n',
    message: 'Fn (AWS::Serverless::Function) does not set KmsKeyArn, leaving its environment variables encrypted with an AWS-managed key; policy requires a customer-managed key',
    line: 2,
    severity: 'warning',
    fix: null,
  },
  {
    covers: 'AWS::EMR::SecurityConfiguration SecurityConfiguration.EncryptionConfiguration.EnableAtRestEncryption',
    code: 'Resources:\n  Emr:\n    Type: AWS::EMR::SecurityConfiguration\n    Properties:\n      SecurityConfiguration:\n        EncryptionConfiguration:\n          EnableInTransitEncryption: true\n          EnableAtRestEncryption: false\n',
    message: 'Emr (AWS::EMR::SecurityConfiguration) sets SecurityConfiguration.EncryptionConfiguration.EnableAtRestEncryption to false, leaving its data unencrypted at rest',
    line: 8,
    severity: 'error',
    fix: { title: 'Set EnableAtRestEncryption: true', safe: true, output: 'Resources:\n  Emr:\n    Type: AWS::EMR::SecurityConfiguration\n    Properties:\n      SecurityConfiguration:\n        EncryptionConfiguration:\n          EnableInTransitEncryption: true\n          EnableAtRestEncryption: true\n' },
  },
  {
    covers: 'AWS::EMR::SecurityConfiguration SecurityConfiguration.EncryptionConfiguration.AtRestEncryptionConfiguration.LocalDiskEncryptionConfiguration.EnableEbsEncryption',
    code: 'Resources:\n  Emr:\n    Type: AWS::EMR::SecurityConfiguration\n    Properties:\n      SecurityConfiguration:\n        EncryptionConfiguration:\n          EnableAtRestEncryption: true\n          AtRestEncryptionConfiguration:\n            LocalDiskEncryptionConfiguration:\n              EncryptionKeyProviderType: AwsKms\n              AwsKmsKey: !Ref EmrKey\n',
    message: 'Emr (AWS::EMR::SecurityConfiguration) does not set SecurityConfiguration.EncryptionConfiguration.AtRestEncryptionConfiguration.LocalDiskEncryptionConfiguration.EnableEbsEncryption, leaving the cluster\'s EBS volumes unencrypted at rest',
    line: 9,
    severity: 'error',
    fix: { title: 'Set EnableEbsEncryption: true', safe: true, output: 'Resources:\n  Emr:\n    Type: AWS::EMR::SecurityConfiguration\n    Properties:\n      SecurityConfiguration:\n        EncryptionConfiguration:\n          EnableAtRestEncryption: true\n          AtRestEncryptionConfiguration:\n            LocalDiskEncryptionConfiguration:\n              EncryptionKeyProviderType: AwsKms\n              AwsKmsKey: !Ref EmrKey\n              EnableEbsEncryption: true\n' },
  },
  {
    covers: 'AWS::Athena::WorkGroup WorkGroupConfiguration.ResultConfiguration.EncryptionConfiguration.EncryptionOption',
    code: 'Resources:\n  Wg:\n    Type: AWS::Athena::WorkGroup\n    Properties:\n      Name: analysts\n      WorkGroupConfiguration:\n        EnforceWorkGroupConfiguration: true\n',
    message: 'Wg (AWS::Athena::WorkGroup) does not set WorkGroupConfiguration.ResultConfiguration.EncryptionConfiguration.EncryptionOption, leaving query results unencrypted at rest',
    line: 6,
    severity: 'error',
    fix: { title: 'Set EncryptionOption: SSE_S3', safe: true, output: 'Resources:\n  Wg:\n    Type: AWS::Athena::WorkGroup\n    Properties:\n      Name: analysts\n      WorkGroupConfiguration:\n        EnforceWorkGroupConfiguration: true\n        ResultConfiguration:\n          EncryptionConfiguration:\n            EncryptionOption: SSE_S3\n' },
  },
  {
    covers: 'AWS::Glue::SecurityConfiguration S3Encryptions.S3EncryptionMode',
    code: 'Resources:\n  Glue:\n    Type: AWS::Glue::SecurityConfiguration\n    Properties:\n      Name: glue\n      EncryptionConfiguration:\n        S3Encryptions:\n          - S3EncryptionMode: DISABLED\n        CloudWatchEncryption:\n          CloudWatchEncryptionMode: SSE-KMS\n          KmsKeyArn: !Ref Key\n        JobBookmarksEncryption:\n          JobBookmarksEncryptionMode: CSE-KMS\n          KmsKeyArn: !Ref Key\n',
    message: 'Glue (AWS::Glue::SecurityConfiguration) S3Encryptions item sets S3EncryptionMode to DISABLED, leaving S3 data unencrypted at rest',
    line: 8,
    severity: 'error',
    fix: { title: 'Set S3EncryptionMode: SSE-S3', safe: true, output: 'Resources:\n  Glue:\n    Type: AWS::Glue::SecurityConfiguration\n    Properties:\n      Name: glue\n      EncryptionConfiguration:\n        S3Encryptions:\n          - S3EncryptionMode: SSE-S3\n        CloudWatchEncryption:\n          CloudWatchEncryptionMode: SSE-KMS\n          KmsKeyArn: !Ref Key\n        JobBookmarksEncryption:\n          JobBookmarksEncryptionMode: CSE-KMS\n          KmsKeyArn: !Ref Key\n' },
  },
  {
    covers: 'AWS::Glue::SecurityConfiguration EncryptionConfiguration.CloudWatchEncryption.CloudWatchEncryptionMode',
    code: 'Resources:\n  Glue:\n    Type: AWS::Glue::SecurityConfiguration\n    Properties:\n      Name: glue\n      EncryptionConfiguration:\n        S3Encryptions:\n          - S3EncryptionMode: SSE-KMS\n            KmsKeyArn: !Ref Key\n        JobBookmarksEncryption:\n          JobBookmarksEncryptionMode: CSE-KMS\n          KmsKeyArn: !Ref Key\n',
    message: 'Glue (AWS::Glue::SecurityConfiguration) does not set EncryptionConfiguration.CloudWatchEncryption.CloudWatchEncryptionMode, leaving CloudWatch logs unencrypted at rest',
    line: 6,
    severity: 'error',
    fix: null,
  },
  {
    covers: 'AWS::Glue::SecurityConfiguration EncryptionConfiguration.JobBookmarksEncryption.JobBookmarksEncryptionMode',
    code: 'Resources:\n  Glue:\n    Type: AWS::Glue::SecurityConfiguration\n    Properties:\n      Name: glue\n      EncryptionConfiguration:\n        S3Encryptions:\n          - S3EncryptionMode: SSE-KMS\n            KmsKeyArn: !Ref Key\n        CloudWatchEncryption:\n          CloudWatchEncryptionMode: SSE-KMS\n          KmsKeyArn: !Ref Key\n        JobBookmarksEncryption:\n          JobBookmarksEncryptionMode: DISABLED\n',
    message: 'Glue (AWS::Glue::SecurityConfiguration) sets EncryptionConfiguration.JobBookmarksEncryption.JobBookmarksEncryptionMode to DISABLED, leaving job bookmarks unencrypted at rest',
    line: 14,
    severity: 'error',
    fix: null,
  },
  {
    covers: 'AWS::Glue::DataCatalogEncryptionSettings DataCatalogEncryptionSettings.EncryptionAtRest.CatalogEncryptionMode',
    code: 'Resources:\n  Catalog:\n    Type: AWS::Glue::DataCatalogEncryptionSettings\n    Properties:\n      CatalogId: !Ref AWS::AccountId\n      DataCatalogEncryptionSettings:\n        EncryptionAtRest:\n          CatalogEncryptionMode: DISABLED\n',
    message: 'Catalog (AWS::Glue::DataCatalogEncryptionSettings) sets DataCatalogEncryptionSettings.EncryptionAtRest.CatalogEncryptionMode to DISABLED, leaving catalog metadata unencrypted at rest',
    line: 8,
    severity: 'error',
    fix: { title: 'Set CatalogEncryptionMode: SSE-KMS', safe: true, output: 'Resources:\n  Catalog:\n    Type: AWS::Glue::DataCatalogEncryptionSettings\n    Properties:\n      CatalogId: !Ref AWS::AccountId\n      DataCatalogEncryptionSettings:\n        EncryptionAtRest:\n          CatalogEncryptionMode: SSE-KMS\n' },
  },
  {
    covers: 'AWS::KinesisFirehose::DeliveryStream DeliveryStreamEncryptionConfigurationInput.KeyType',
    code: 'Resources:\n  Firehose:\n    Type: AWS::KinesisFirehose::DeliveryStream\n    Properties:\n      DeliveryStreamType: DirectPut\n',
    message: 'Firehose (AWS::KinesisFirehose::DeliveryStream) does not set DeliveryStreamEncryptionConfigurationInput.KeyType, leaving its data unencrypted at rest',
    line: 2,
    severity: 'error',
    fix: { title: 'Set KeyType: AWS_OWNED_CMK', safe: true, output: 'Resources:\n  Firehose:\n    Type: AWS::KinesisFirehose::DeliveryStream\n    Properties:\n      DeliveryStreamType: DirectPut\n      DeliveryStreamEncryptionConfigurationInput:\n        KeyType: AWS_OWNED_CMK\n' },
  },
];

const entryKey = (entry: (typeof CLOUDFORMATION_AT_REST_SETTINGS)[number]) =>
  `${entry.resourceTypes[0]} ${entry.each ? entry.each[entry.each.length - 1] + '.' : ''}${(entry.switch ?? entry.key)!.path.join('.')}`;

describe('encryption-at-rest CloudFormation table', () => {
  it('every table entry has a test row', () => {
    const covered = new Set(ROWS.map((r) => r.covers));
    assert.deepEqual(CLOUDFORMATION_AT_REST_SETTINGS.map(entryKey).filter((k) => !covered.has(k)), []);
  });
  it('every row names a table entry', () => {
    const keys = new Set(CLOUDFORMATION_AT_REST_SETTINGS.map(entryKey));
    assert.deepEqual(ROWS.map((r) => r.covers).filter((c) => !keys.has(c)), []);
  });
  for (const row of ROWS) {
    it(`${row.covers}: severity ${row.severity}`, () => {
      const config = mergeConfig(defaultConfig(), { rules: { 'encryption-at-rest': { enabled: true, options: { requireCustomerManagedKey: !!row.cmk } } } });
      const result = analyze({ path: 'template.yaml', text: row.code }, { config, rules: [encryptionAtRest] });
      assert.deepEqual(result.findings.map((f) => f.severity), [row.severity]);
    });
  }
});

const tableCases: InvalidCase[] = ROWS.map((row) => ({
  name: `table: ${row.covers}`,
  path: 'template.yaml',
  code: row.code,
  ruleOptions: row.cmk ? undefined : noCmk,
  errors: [{ message: row.message, line: row.line }],
  ...(row.fix === null ? { output: null } : row.fix.safe ? { output: row.fix.output } : { output: null, fixes: [{ title: row.fix.title, output: row.fix.output, safe: false }] }),
}));

const KEY = 'Resources:\n  Key:\n    Type: AWS::KMS::Key\n    Properties:\n      EnableKeyRotation: true\n';

ruleTester(encryptionAtRest, {
  valid: [
    { name: 'encrypted volume with the template key', path: 'template.yaml', code: KEY + '  Data:\n    Type: AWS::EC2::Volume\n    Properties:\n      Encrypted: true\n      KmsKeyId: !Ref Key\n' },
    { name: 'Aurora Serverless v1', path: 'template.yaml', code: 'Resources:\n  Db:\n    Type: AWS::RDS::DBCluster\n    Properties:\n      EngineMode: serverless\n', ruleOptions: noCmk },
    { name: 'a read replica inherits its source', path: 'template.yaml', code: 'Resources:\n  Replica:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      SourceDBInstanceIdentifier: !Ref Primary\n' },
    { name: 'an intrinsic switch is not guessed', path: 'template.yaml', code: 'Resources:\n  Fs:\n    Type: AWS::EFS::FileSystem\n    Properties:\n      Encrypted: !If [Prod, true, false]\n      KmsKeyId: !Ref Key\n' },
    { name: 'a key from a parameter', path: 'template.yaml', code: 'Parameters:\n  KeyArn:\n    Type: String\nResources:\n  Topic:\n    Type: AWS::SNS::Topic\n    Properties:\n      KmsMasterKeyId: !Ref KeyArn\n' },
    { name: 'S3 bucket with default (SSE-S3) encryption is not reported', path: 'template.yaml', code: 'Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n' },
    { name: 'SQS with a key', path: 'template.json', code: '{\n  "Resources": {\n    "Q": {\n      "Type": "AWS::SQS::Queue",\n      "Properties": { "KmsMasterKeyId": { "Ref": "Key" } }\n    }\n  }\n}\n' },
    { name: 'Lambda without environment variables', path: 'template.yaml', code: 'Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: python3.12\n' },
    { name: 'broken template', path: 'template.yaml', code: 'Resources:\n  Data:\n    Type: AWS::EC2::Volume\n    Properties: [\n' },
  ],
  invalid: [
    ...tableCases,
    {
      name: 'JSON template: the fix keeps the layout',
      path: 'template.json',
      code: '{\n  "Resources": {\n    "Fs": {\n      "Type": "AWS::EFS::FileSystem",\n      "Properties": {\n        "PerformanceMode": "generalPurpose"\n      }\n    }\n  }\n}\n',
      ruleOptions: noCmk,
      errors: [{ message: 'Fs (AWS::EFS::FileSystem) does not set Encrypted', line: 3 }],
      output: '{\n  "Resources": {\n    "Fs": {\n      "Type": "AWS::EFS::FileSystem",\n      "Properties": {\n        "PerformanceMode": "generalPurpose",\n        "Encrypted": true\n      }\n    }\n  }\n}\n',
    },
    {
      name: 'value from a parameter default: unsafe fix',
      path: 'template.yaml',
      code: 'Parameters:\n  Encrypt:\n    Type: String\n    Default: "false"\nResources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      StorageEncrypted: !Ref Encrypt\n',
      ruleOptions: noCmk,
      errors: [{ message: 'sets StorageEncrypted to false (from the Default of parameter Encrypt)', line: 9 }],
      output: null,
    },
    {
      name: 'provider-managed key with the template key: unsafe fix names it',
      path: 'template.yaml',
      code: KEY + '  Logs:\n    Type: AWS::Logs::LogGroup\n    Properties:\n      RetentionInDays: 365\n',
      errors: [{ message: 'Logs (AWS::Logs::LogGroup) does not set KmsKeyId', line: 6 }],
      output: null,
      fixes: [{ title: 'Set KmsKeyId: !GetAtt Key.Arn', safe: false, output: KEY + '  Logs:\n    Type: AWS::Logs::LogGroup\n    Properties:\n      RetentionInDays: 365\n      KmsKeyId: !GetAtt Key.Arn\n' }],
    },
    {
      name: 'S3 bucket explicitly on SSE-S3',
      path: 'template.yaml',
      code: 'Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketEncryption:\n        ServerSideEncryptionConfiguration:\n          - ServerSideEncryptionByDefault:\n              SSEAlgorithm: AES256\n',
      errors: [{ message: 'Bucket (AWS::S3::Bucket) encrypts with AES256 (an S3-managed key); policy requires a customer-managed key', line: 8 }],
      output: null,
    },
    {
      name: 'S3 bucket on the aws/s3 key',
      path: 'template.yaml',
      code: 'Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketEncryption:\n        ServerSideEncryptionConfiguration:\n          - ServerSideEncryptionByDefault:\n              SSEAlgorithm: aws:kms\n              KMSMasterKeyID: alias/aws/s3\n',
      errors: [{ message: 'encrypts with the AWS-managed key alias/aws/s3', line: 9 }],
      output: null,
    },
    {
      name: 'SNS topic without a key is unencrypted',
      path: 'template.yaml',
      code: 'Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: alerts\n',
      ruleOptions: noCmk,
      errors: [{ message: 'Topic (AWS::SNS::Topic) does not set KmsMasterKeyId, leaving its data unencrypted at rest', line: 2 }],
      output: null,
    },
  ],
});
