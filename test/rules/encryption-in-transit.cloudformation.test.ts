// encryption-in-transit (CloudFormation): one row per entry of the CloudFormation table with a guard that
// every entry has a row; listeners, bucket policies and JSON templates by hand.
import * as assert from 'node:assert/strict';
import { encryptionInTransit } from '../../rules/transport-encryption/encryption-in-transit';
import { CLOUDFORMATION_TRANSIT_SETTINGS } from '../../rules/transport-encryption/sources/encryption-in-transit.cloudformation';
import { ruleTester, type InvalidCase } from '../support/rule-tester';

interface Row {
  covers: string;
  code: string;
  message: string;
  line: number;
  severity: 'error' | 'warning';
  fix: { title: string; safe: boolean; output: string } | null;
}

const ROWS: Row[] = [
  {
    covers: 'AWS::ElastiCache::ReplicationGroup TransitEncryptionEnabled',
    code: 'Resources:\n  Redis:\n    Type: AWS::ElastiCache::ReplicationGroup\n    Properties:\n      ReplicationGroupDescription: cache\n      AtRestEncryptionEnabled: true\n',
    message: 'Redis (AWS::ElastiCache::ReplicationGroup) does not set TransitEncryptionEnabled, which defaults to false: Redis clients and replicas talk in plaintext',
    line: 2,
    severity: 'error',
    fix: { title: 'Set TransitEncryptionEnabled: true', safe: true, output: 'Resources:\n  Redis:\n    Type: AWS::ElastiCache::ReplicationGroup\n    Properties:\n      ReplicationGroupDescription: cache\n      AtRestEncryptionEnabled: true\n      TransitEncryptionEnabled: true\n' },
  },
  {
    covers: 'AWS::Elasticsearch::Domain DomainEndpointOptions.EnforceHTTPS',
    code: 'Resources:\n  Search:\n    Type: AWS::OpenSearchService::Domain\n    Properties:\n      NodeToNodeEncryptionOptions:\n        Enabled: true\n      DomainEndpointOptions:\n        EnforceHTTPS: false\n',
    message: 'Search (AWS::OpenSearchService::Domain) sets DomainEndpointOptions.EnforceHTTPS to false: the endpoint accepts plain HTTP',
    line: 8,
    severity: 'error',
    fix: { title: 'Set EnforceHTTPS: true', safe: true, output: 'Resources:\n  Search:\n    Type: AWS::OpenSearchService::Domain\n    Properties:\n      NodeToNodeEncryptionOptions:\n        Enabled: true\n      DomainEndpointOptions:\n        EnforceHTTPS: true\n' },
  },
  {
    covers: 'AWS::Elasticsearch::Domain NodeToNodeEncryptionOptions.Enabled',
    code: 'Resources:\n  Search:\n    Type: AWS::Elasticsearch::Domain\n    Properties:\n      DomainEndpointOptions:\n        EnforceHTTPS: true\n',
    message: 'Search (AWS::Elasticsearch::Domain) does not set NodeToNodeEncryptionOptions.Enabled, which defaults to false: traffic between the domain\'s nodes is not encrypted',
    line: 2,
    severity: 'error',
    fix: { title: 'Set Enabled: true', safe: true, output: 'Resources:\n  Search:\n    Type: AWS::Elasticsearch::Domain\n    Properties:\n      DomainEndpointOptions:\n        EnforceHTTPS: true\n      NodeToNodeEncryptionOptions:\n        Enabled: true\n' },
  },
  {
    covers: 'AWS::ECS::TaskDefinition Volumes.EFSVolumeConfiguration.TransitEncryption',
    code: 'Resources:\n  Task:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      Volumes:\n        - Name: data\n          EFSVolumeConfiguration:\n            FilesystemId: !Ref Fs\n            TransitEncryption: DISABLED\n',
    message: 'Task (AWS::ECS::TaskDefinition) Volumes item sets EFSVolumeConfiguration.TransitEncryption to DISABLED: EFS traffic between the task and the file system is not encrypted',
    line: 9,
    severity: 'error',
    fix: { title: 'Set TransitEncryption: ENABLED', safe: true, output: 'Resources:\n  Task:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      Volumes:\n        - Name: data\n          EFSVolumeConfiguration:\n            FilesystemId: !Ref Fs\n            TransitEncryption: ENABLED\n' },
  },
  {
    covers: 'AWS::MSK::Cluster EncryptionInfo.EncryptionInTransit.ClientBroker',
    code: 'Resources:\n  Kafka:\n    Type: AWS::MSK::Cluster\n    Properties:\n      EncryptionInfo:\n        EncryptionInTransit:\n          ClientBroker: TLS_PLAINTEXT\n',
    message: 'Kafka (AWS::MSK::Cluster) sets EncryptionInfo.EncryptionInTransit.ClientBroker to TLS_PLAINTEXT: clients can talk to the brokers in plaintext',
    line: 7,
    severity: 'error',
    fix: { title: 'Set ClientBroker: TLS', safe: true, output: 'Resources:\n  Kafka:\n    Type: AWS::MSK::Cluster\n    Properties:\n      EncryptionInfo:\n        EncryptionInTransit:\n          ClientBroker: TLS\n' },
  },
  {
    covers: 'AWS::MSK::Cluster EncryptionInfo.EncryptionInTransit.InCluster',
    code: 'Resources:\n  Kafka:\n    Type: AWS::MSK::Cluster\n    Properties:\n      EncryptionInfo:\n        EncryptionInTransit:\n          InCluster: false\n',
    message: 'Kafka (AWS::MSK::Cluster) sets EncryptionInfo.EncryptionInTransit.InCluster to false: brokers replicate data to each other in plaintext',
    line: 7,
    severity: 'error',
    fix: { title: 'Set InCluster: true', safe: true, output: 'Resources:\n  Kafka:\n    Type: AWS::MSK::Cluster\n    Properties:\n      EncryptionInfo:\n        EncryptionInTransit:\n          InCluster: true\n' },
  },
  {
    covers: 'AWS::CloudFront::Distribution DistributionConfig.DefaultCacheBehavior.ViewerProtocolPolicy',
    code: 'Resources:\n  Cdn:\n    Type: AWS::CloudFront::Distribution\n    Properties:\n      DistributionConfig:\n        Enabled: true\n        DefaultCacheBehavior:\n          TargetOriginId: app\n          ViewerProtocolPolicy: allow-all\n',
    message: 'Cdn (AWS::CloudFront::Distribution) sets DistributionConfig.DefaultCacheBehavior.ViewerProtocolPolicy to allow-all: viewers can fetch content over plain HTTP',
    line: 9,
    severity: 'error',
    fix: { title: 'Set ViewerProtocolPolicy: redirect-to-https', safe: true, output: 'Resources:\n  Cdn:\n    Type: AWS::CloudFront::Distribution\n    Properties:\n      DistributionConfig:\n        Enabled: true\n        DefaultCacheBehavior:\n          TargetOriginId: app\n          ViewerProtocolPolicy: redirect-to-https\n' },
  },
  {
    covers: 'AWS::CloudFront::Distribution CacheBehaviors.ViewerProtocolPolicy',
    code: 'Resources:\n  Cdn:\n    Type: AWS::CloudFront::Distribution\n    Properties:\n      DistributionConfig:\n        DefaultCacheBehavior:\n          ViewerProtocolPolicy: https-only\n        CacheBehaviors:\n          - PathPattern: /static/*\n            ViewerProtocolPolicy: allow-all\n',
    message: 'Cdn (AWS::CloudFront::Distribution) CacheBehaviors item sets ViewerProtocolPolicy to allow-all: viewers can fetch content over plain HTTP',
    line: 10,
    severity: 'error',
    fix: { title: 'Set ViewerProtocolPolicy: redirect-to-https', safe: true, output: 'Resources:\n  Cdn:\n    Type: AWS::CloudFront::Distribution\n    Properties:\n      DistributionConfig:\n        DefaultCacheBehavior:\n          ViewerProtocolPolicy: https-only\n        CacheBehaviors:\n          - PathPattern: /static/*\n            ViewerProtocolPolicy: redirect-to-https\n' },
  },
  {
    covers: 'AWS::CloudFront::Distribution Origins.CustomOriginConfig.OriginProtocolPolicy',
    code: 'Resources:\n  Cdn:\n    Type: AWS::CloudFront::Distribution\n    Properties:\n      DistributionConfig:\n        Origins:\n          - Id: app\n            DomainName: app.example.com\n            CustomOriginConfig:\n              OriginProtocolPolicy: http-only\n        DefaultCacheBehavior:\n          ViewerProtocolPolicy: redirect-to-https\n',
    message: 'Cdn (AWS::CloudFront::Distribution) Origins item sets CustomOriginConfig.OriginProtocolPolicy to http-only: CloudFront fetches from the origin over plain HTTP',
    line: 10,
    severity: 'error',
    fix: { title: 'Set OriginProtocolPolicy: https-only', safe: true, output: 'Resources:\n  Cdn:\n    Type: AWS::CloudFront::Distribution\n    Properties:\n      DistributionConfig:\n        Origins:\n          - Id: app\n            DomainName: app.example.com\n            CustomOriginConfig:\n              OriginProtocolPolicy: https-only\n        DefaultCacheBehavior:\n          ViewerProtocolPolicy: redirect-to-https\n' },
  },
  {
    covers: 'AWS::DMS::Endpoint SslMode',
    code: 'Resources:\n  Source:\n    Type: AWS::DMS::Endpoint\n    Properties:\n      EndpointType: source\n      EngineName: postgres\n',
    message: 'Source (AWS::DMS::Endpoint) does not set SslMode, which defaults to none: replication connections to the database are not encrypted',
    line: 2,
    severity: 'error',
    fix: { title: 'Set SslMode: require', safe: true, output: 'Resources:\n  Source:\n    Type: AWS::DMS::Endpoint\n    Properties:\n      EndpointType: source\n      EngineName: postgres\n      SslMode: require\n' },
  },
  {
    covers: 'AWS::EMR::SecurityConfiguration SecurityConfiguration.EncryptionConfiguration.EnableInTransitEncryption',
    code: 'Resources:\n  Emr:\n    Type: AWS::EMR::SecurityConfiguration\n    Properties:\n      SecurityConfiguration:\n        EncryptionConfiguration:\n          EnableAtRestEncryption: true\n          EnableInTransitEncryption: false\n',
    message: 'Emr (AWS::EMR::SecurityConfiguration) sets SecurityConfiguration.EncryptionConfiguration.EnableInTransitEncryption to false: cluster traffic is not encrypted',
    line: 8,
    severity: 'error',
    fix: { title: 'Set EnableInTransitEncryption: true', safe: true, output: 'Resources:\n  Emr:\n    Type: AWS::EMR::SecurityConfiguration\n    Properties:\n      SecurityConfiguration:\n        EncryptionConfiguration:\n          EnableAtRestEncryption: true\n          EnableInTransitEncryption: true\n' },
  },
  {
    covers: 'AWS::ElasticLoadBalancing::LoadBalancer Listeners.Protocol',
    code: 'Resources:\n  Elb:\n    Type: AWS::ElasticLoadBalancing::LoadBalancer\n    Properties:\n      Listeners:\n        - LoadBalancerPort: "80"\n          InstancePort: "443"\n          Protocol: HTTP\n          InstanceProtocol: HTTPS\n',
    message: 'Elb (AWS::ElasticLoadBalancing::LoadBalancer) Listeners item sets Protocol to HTTP: clients talk to the load balancer in plaintext (an HTTPS listener needs an SSLCertificateId)',
    line: 8,
    severity: 'error',
    fix: { title: 'Set Protocol: HTTPS', safe: false, output: 'Resources:\n  Elb:\n    Type: AWS::ElasticLoadBalancing::LoadBalancer\n    Properties:\n      Listeners:\n        - LoadBalancerPort: "80"\n          InstancePort: "443"\n          Protocol: HTTPS\n          InstanceProtocol: HTTPS\n' },
  },
  {
    covers: 'AWS::ElasticLoadBalancing::LoadBalancer Listeners.InstanceProtocol',
    code: 'Resources:\n  Elb:\n    Type: AWS::ElasticLoadBalancing::LoadBalancer\n    Properties:\n      Listeners:\n        - LoadBalancerPort: "443"\n          InstancePort: "80"\n          Protocol: HTTPS\n          InstanceProtocol: HTTP\n          SSLCertificateId: !Ref Certificate\n',
    message: 'Elb (AWS::ElasticLoadBalancing::LoadBalancer) Listeners item sets InstanceProtocol to HTTP: the load balancer forwards requests to the instances in plaintext (the instances must serve TLS first)',
    line: 9,
    severity: 'error',
    fix: { title: 'Set InstanceProtocol: HTTPS', safe: false, output: 'Resources:\n  Elb:\n    Type: AWS::ElasticLoadBalancing::LoadBalancer\n    Properties:\n      Listeners:\n        - LoadBalancerPort: "443"\n          InstancePort: "80"\n          Protocol: HTTPS\n          InstanceProtocol: HTTPS\n          SSLCertificateId: !Ref Certificate\n' },
  },
];

const entryKey = (entry: (typeof CLOUDFORMATION_TRANSIT_SETTINGS)[number]) => `${entry.resourceTypes[0]} ${entry.each ? entry.each[entry.each.length - 1] + '.' : ''}${entry.path.join('.')}`;

describe('encryption-in-transit CloudFormation table', () => {
  it('every table entry has a test row', () => {
    const covered = new Set(ROWS.map((r) => r.covers));
    assert.deepEqual(CLOUDFORMATION_TRANSIT_SETTINGS.map(entryKey).filter((k) => !covered.has(k)), []);
  });
  it('every row names a table entry', () => {
    const keys = new Set(CLOUDFORMATION_TRANSIT_SETTINGS.map(entryKey));
    assert.deepEqual(ROWS.map((r) => r.covers).filter((c) => !keys.has(c)), []);
  });
});

const tableCases: InvalidCase[] = ROWS.map((row) => ({
  name: `table: ${row.covers}`,
  path: 'template.yaml',
  code: row.code,
  errors: [{ message: row.message, line: row.line }],
  ...(row.fix === null ? { output: null } : row.fix.safe ? { output: row.fix.output } : { output: null, fixes: [{ title: row.fix.title, output: row.fix.output, safe: false }] }),
}));

const BUCKET = 'Resources:\n  Site:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: site\n';
const DENY_POLICY =
  '  SitePolicy:\n    Type: AWS::S3::BucketPolicy\n    Properties:\n      Bucket: !Ref Site\n      PolicyDocument:\n        Statement:\n          - Effect: Deny\n            Principal: "*"\n            Action: "s3:*"\n            Resource: !Sub "${Site.Arn}/*"\n            Condition:\n              Bool:\n                aws:SecureTransport: false\n';

ruleTester(encryptionInTransit, {
  valid: [
    { name: 'HTTP listener redirecting to HTTPS', path: 'template.yaml', code: 'Resources:\n  L:\n    Type: AWS::ElasticLoadBalancingV2::Listener\n    Properties:\n      Protocol: HTTP\n      Port: 80\n      DefaultActions:\n        - Type: redirect\n          RedirectConfig:\n            Protocol: HTTPS\n            Port: "443"\n            StatusCode: HTTP_301\n' },
    { name: 'HTTPS listener', path: 'template.yaml', code: 'Resources:\n  L:\n    Type: AWS::ElasticLoadBalancingV2::Listener\n    Properties:\n      Protocol: HTTPS\n      DefaultActions:\n        - Type: forward\n' },
    { name: 'bucket whose policy denies plain HTTP', path: 'template.yaml', code: BUCKET + DENY_POLICY },
    { name: 'bucket policy by literal bucket name', path: 'template.yaml', code: BUCKET + DENY_POLICY.replace('Bucket: !Ref Site', 'Bucket: site') },
    { name: 'policy document we cannot read', path: 'template.yaml', code: BUCKET + '  SitePolicy:\n    Type: AWS::S3::BucketPolicy\n    Properties:\n      Bucket: !Ref Site\n      PolicyDocument: !If [Prod, !Ref AWS::NoValue, !Ref AWS::NoValue]\n' },
    { name: 'MSK defaults are TLS', path: 'template.yaml', code: 'Resources:\n  Kafka:\n    Type: AWS::MSK::Cluster\n    Properties:\n      ClusterName: k\n' },
    { name: 'CloudFront origin matching the viewer', path: 'template.yaml', code: 'Resources:\n  Cdn:\n    Type: AWS::CloudFront::Distribution\n    Properties:\n      DistributionConfig:\n        Origins:\n          - CustomOriginConfig:\n              OriginProtocolPolicy: match-viewer\n        DefaultCacheBehavior:\n          ViewerProtocolPolicy: https-only\n' },
  ],
  invalid: [
    ...tableCases,
    {
      name: 'forwarding HTTP listener',
      path: 'template.yaml',
      code: 'Resources:\n  L:\n    Type: AWS::ElasticLoadBalancingV2::Listener\n    Properties:\n      Protocol: HTTP\n      Port: 80\n      DefaultActions:\n        - Type: forward\n          TargetGroupArn: !Ref Tg\n',
      errors: [{ message: 'L (AWS::ElasticLoadBalancingV2::Listener) serves forward traffic over plain HTTP', line: 5 }],
      output: null,
    },
    {
      name: 'redirect to HTTP in JSON',
      path: 'template.json',
      code: '{\n  "Resources": {\n    "L": {\n      "Type": "AWS::ElasticLoadBalancingV2::Listener",\n      "Properties": {\n        "Protocol": "HTTP",\n        "DefaultActions": [\n          { "Type": "redirect", "RedirectConfig": { "Protocol": "HTTP", "Port": "80", "StatusCode": "HTTP_301" } }\n        ]\n      }\n    }\n  }\n}\n',
      errors: [{ message: 'redirects to HTTP, not HTTPS', line: 8 }],
      output: '{\n  "Resources": {\n    "L": {\n      "Type": "AWS::ElasticLoadBalancingV2::Listener",\n      "Properties": {\n        "Protocol": "HTTP",\n        "DefaultActions": [\n          { "Type": "redirect", "RedirectConfig": { "Protocol": "HTTPS", "Port": "443", "StatusCode": "HTTP_301" } }\n        ]\n      }\n    }\n  }\n}\n',
    },
    {
      name: 'bucket without any policy: unsafe fix adds one',
      path: 'template.yaml',
      code: BUCKET,
      errors: [{ message: 'Site (AWS::S3::Bucket) accepts plain HTTP requests: no bucket policy denies requests without TLS', line: 2 }],
      output: null,
      fixes: [
        {
          title: 'Add SiteDenyInsecureTransport, a bucket policy denying requests without TLS',
          safe: false,
          output:
            BUCKET +
            '  SiteDenyInsecureTransport:\n    Type: AWS::S3::BucketPolicy\n    Properties:\n      Bucket: !Ref Site\n      PolicyDocument:\n        Version: \'2012-10-17\'\n        Statement:\n          - Sid: DenyInsecureTransport\n            Effect: Deny\n            Principal: \'*\'\n            Action: s3:*\n            Resource:\n              - !GetAtt Site.Arn\n              - !Sub \'${Site.Arn}/*\'\n            Condition:\n              Bool:\n                aws:SecureTransport: \'false\'\n',
        },
      ],
    },
    {
      name: 'bucket whose policy only allows over TLS',
      path: 'template.yaml',
      code: BUCKET + DENY_POLICY.replace('Effect: Deny', 'Effect: Allow').replace('aws:SecureTransport: false', 'aws:SecureTransport: true'),
      errors: [{ message: 'its bucket policy SitePolicy has no statement denying requests without TLS', line: 2 }],
      output: null,
    },
  ],
});
