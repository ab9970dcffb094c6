// encryption-in-transit for CloudFormation/SAM: the same kind of declarations as the Terraform table —
// property path, which values keep traffic encrypted, the value a fix writes, the service default — plus
// code for HTTP listeners (fine only when they redirect to HTTPS) and for buckets whose policies do not
// deny plain-HTTP requests (read through the one policy model).
import { CfnRaw, insertResourceAfter, setPath, setResourceProperty, type CfnMapping } from '../../../server/src/engine/cloudformation/edits';
import {
  cfnTemplate,
  describeResource,
  literalString,
  parameterRelated,
  parameterSuffix,
  refTarget,
  resolveParameter,
  resourceById,
  resourcesOfType,
  type CfnResource,
  type CfnTemplate,
  forEachSettingTarget,
  literalAt,
} from '../../../server/src/engine/cloudformation/model';
import { fix } from '../../../server/src/engine/fix';
import { policyDocumentsByOwner } from '../../../server/src/engine/policy';
import type { Fix, Span } from '../../../server/src/engine/types';
import { get, pair, type MapNode, locatePath } from '../../../server/src/engine/yaml/data';
import type { RuleContext } from '../../define';
import { documentEnforcesTls } from '../encryption-in-transit-bucket-policy';

interface CfnTransitSetting {
  resourceTypes: readonly string[];
  /** A list property whose items are each checked; the path is relative to an item. */
  each?: readonly string[];
  path: readonly string[];
  secure: (value: string) => boolean;
  fix: string | boolean;
  /** The service default when absent, shown in the message; undefined when absence is secure. */
  insecureDefault?: string;
  risk: string;
  appliesTo?: (resource: CfnResource, template: CfnTemplate) => boolean;
  appliesToItem?: (item: MapNode) => boolean;
}

const oneOf = (...accepted: string[]) => (value: string) => accepted.some((a) => a.toLowerCase() === value.toLowerCase());
const isTrue = oneOf('true');
const VIEWER_HTTPS = oneOf('redirect-to-https', 'https-only');

export const CLOUDFORMATION_TRANSIT_SETTINGS: readonly CfnTransitSetting[] = [
  {
    resourceTypes: ['AWS::ElastiCache::ReplicationGroup'],
    path: ['TransitEncryptionEnabled'],
    secure: isTrue,
    fix: true,
    insecureDefault: 'false',
    risk: 'Redis clients and replicas talk in plaintext',
  },
  {
    // Unlike the Terraform provider, CloudFormation leaves EnforceHTTPS off when it is not set.
    resourceTypes: ['AWS::Elasticsearch::Domain', 'AWS::OpenSearchService::Domain'],
    path: ['DomainEndpointOptions', 'EnforceHTTPS'],
    secure: isTrue,
    fix: true,
    insecureDefault: 'false',
    risk: 'the endpoint accepts plain HTTP',
  },
  {
    resourceTypes: ['AWS::Elasticsearch::Domain', 'AWS::OpenSearchService::Domain'],
    path: ['NodeToNodeEncryptionOptions', 'Enabled'],
    secure: isTrue,
    fix: true,
    insecureDefault: 'false',
    risk: "traffic between the domain's nodes is not encrypted",
  },
  {
    resourceTypes: ['AWS::ECS::TaskDefinition'],
    each: ['Volumes'],
    path: ['EFSVolumeConfiguration', 'TransitEncryption'],
    secure: oneOf('ENABLED'),
    fix: 'ENABLED',
    insecureDefault: 'DISABLED',
    risk: 'EFS traffic between the task and the file system is not encrypted',
    appliesToItem: (volume) => get(volume, 'EFSVolumeConfiguration')?.type === 'map',
  },
  {
    resourceTypes: ['AWS::MSK::Cluster'],
    path: ['EncryptionInfo', 'EncryptionInTransit', 'ClientBroker'],
    secure: oneOf('TLS'),
    fix: 'TLS',
    risk: 'clients can talk to the brokers in plaintext',
  },
  {
    resourceTypes: ['AWS::MSK::Cluster'],
    path: ['EncryptionInfo', 'EncryptionInTransit', 'InCluster'],
    secure: isTrue,
    fix: true,
    risk: 'brokers replicate data to each other in plaintext',
  },
  {
    resourceTypes: ['AWS::CloudFront::Distribution'],
    path: ['DistributionConfig', 'DefaultCacheBehavior', 'ViewerProtocolPolicy'],
    secure: VIEWER_HTTPS,
    fix: 'redirect-to-https',
    risk: 'viewers can fetch content over plain HTTP',
  },
  {
    resourceTypes: ['AWS::CloudFront::Distribution'],
    each: ['DistributionConfig', 'CacheBehaviors'],
    path: ['ViewerProtocolPolicy'],
    secure: VIEWER_HTTPS,
    fix: 'redirect-to-https',
    risk: 'viewers can fetch content over plain HTTP',
  },
  {
    resourceTypes: ['AWS::CloudFront::Distribution'],
    each: ['DistributionConfig', 'Origins'],
    path: ['CustomOriginConfig', 'OriginProtocolPolicy'],
    secure: oneOf('https-only', 'match-viewer'),
    fix: 'https-only',
    risk: 'CloudFront fetches from the origin over plain HTTP',
    appliesToItem: (origin) => get(origin, 'CustomOriginConfig')?.type === 'map',
  },
  {
    resourceTypes: ['AWS::DMS::Endpoint'],
    path: ['SslMode'],
    secure: oneOf('require', 'verify-ca', 'verify-full'),
    fix: 'require',
    insecureDefault: 'none',
    risk: 'replication connections to the database are not encrypted',
    appliesTo: (endpoint, template) => !['s3', 'dynamodb', 'kinesis', 'kafka', 'elasticsearch', 'opensearch', 'neptune', 'redshift'].includes((literalString(resolveParameter(template, get(endpoint.properties, 'EngineName')).node) ?? '').toLowerCase()),
  },
  {
    resourceTypes: ['AWS::EMR::SecurityConfiguration'],
    path: ['SecurityConfiguration', 'EncryptionConfiguration', 'EnableInTransitEncryption'],
    secure: isTrue,
    fix: true,
    insecureDefault: 'false',
    risk: 'cluster traffic is not encrypted',
    appliesTo: (configuration) => {
      const encryption = get(get(configuration.properties, 'SecurityConfiguration'), 'EncryptionConfiguration');
      return get(configuration.properties, 'SecurityConfiguration')?.type === 'map' && !get(encryption, 'InTransitEncryptionConfiguration');
    },
  },
  {
    // A classic ELB front end on HTTP has no redirect to fall back on: clients talk plaintext.
    resourceTypes: ['AWS::ElasticLoadBalancing::LoadBalancer'],
    each: ['Listeners'],
    path: ['Protocol'],
    secure: oneOf('HTTPS', 'SSL', 'TCP'),
    fix: 'HTTPS',
    risk: 'clients talk to the load balancer in plaintext (an HTTPS listener needs an SSLCertificateId)',
  },
  {
    resourceTypes: ['AWS::ElasticLoadBalancing::LoadBalancer'],
    each: ['Listeners'],
    path: ['InstanceProtocol'],
    secure: oneOf('HTTPS', 'SSL', 'TCP'),
    fix: 'HTTPS',
    risk: 'the load balancer forwards requests to the instances in plaintext (the instances must serve TLS first)',
  },
];


function checkTarget(setting: CfnTransitSetting, resource: CfnResource, base: MapNode | undefined, template: CfnTemplate, context: RuleContext, itemSpan?: Span): void {
  const who = describeResource(resource) + (setting.each ? ` ${setting.each[setting.each.length - 1]} item` : '');
  const pathText = setting.path.join('.');
  const located = locatePath(base, setting.path);
  if (located.opaque) return;
  const property = setting.path[setting.path.length - 1];
  const write = () => (base === resource.properties ? setResourceProperty(context.file, template, resource, [...setting.path], setting.fix) : base ? setPath(context.file, template, base, [...setting.path], setting.fix) : []);
  // The ELB listener fix needs a certificate first: offered, never applied automatically.
  const safe = !setting.resourceTypes.includes('AWS::ElasticLoadBalancing::LoadBalancer');
  if (!located.present) {
    if (setting.insecureDefault === undefined) return;
    const edits = write();
    context.report({
      span: located.along[located.along.length - 1]?.keySpan ?? itemSpan ?? resource.pair.keySpan,
      message: `${who} does not set ${pathText}, which defaults to ${setting.insecureDefault}: ${setting.risk}`,
      fixes: edits.length ? [fix(`Set ${property}: ${String(setting.fix)}`, edits, { preferred: true, safe })] : [],
    });
    return;
  }
  const resolved = resolveParameter(template, located.present.value);
  const text = literalString(resolved.node);
  if (text === undefined || setting.secure(text)) return;
  const edits = write();
  context.report({
    span: located.present.span,
    message: `${who} sets ${pathText} to ${text}${parameterSuffix(resolved)}: ${setting.risk}`,
    related: parameterRelated(resolved),
    fixes: edits.length ? [fix(`Set ${property}: ${String(setting.fix)}`, edits, { preferred: true, safe: safe && !resolved.parameter })] : [],
  });
}

/** An HTTP listener is fine only when every default action redirects to HTTPS (or is a fixed response). */
function checkListener(listener: CfnResource, template: CfnTemplate, context: RuleContext): void {
  const protocolPair = pair(listener.properties, 'Protocol');
  const protocol = literalAt(listener.properties, ['Protocol'], template)?.toUpperCase();
  if (protocol !== 'HTTP') return;
  const actions = get(listener.properties, 'DefaultActions');
  if (actions?.type !== 'seq') return;
  const kinds = actions.items.map((a) => literalAt(a, ['Type'], template)?.toLowerCase());
  if (kinds.some((k) => k === undefined)) return;
  const redirects = actions.items.filter((_, i) => kinds[i] === 'redirect');
  if (redirects.some((r) => literalAt(r, ['RedirectConfig', 'Protocol'], template)?.toUpperCase() === 'HTTPS') || kinds.every((k) => k === 'fixed-response')) return;
  const plainRedirect = redirects.find((r) => pair(get(r, 'RedirectConfig'), 'Protocol'));
  if (plainRedirect) {
    const config = get(plainRedirect, 'RedirectConfig') as MapNode;
    const protocolOfRedirect = pair(config, 'Protocol')!;
    const port = literalAt(config, ['Port'], template);
    const edits = [...setPath(context.file, template, config, ['Protocol'], 'HTTPS'), ...(port === '80' ? setPath(context.file, template, config, ['Port'], '443') : [])];
    context.report({
      span: protocolOfRedirect.span,
      message: `${describeResource(listener)} listens on plain HTTP and redirects to ${literalAt(config, ['Protocol'], template) ?? 'HTTP'}, not HTTPS: requests and responses travel unencrypted`,
      fixes: edits.length ? [fix(port === '80' ? 'Redirect to HTTPS on port 443' : 'Redirect to HTTPS', edits, { preferred: true })] : [],
    });
    return;
  }
  context.report({
    span: protocolPair!.span,
    message: `${describeResource(listener)} serves ${kinds.filter((k) => k !== 'fixed-response').join('/')} traffic over plain HTTP: requests and responses travel unencrypted; listen on HTTPS, or redirect to HTTPS`,
  });
}

interface BucketPolicyIndex {
  /** Policies by the logical id their `Bucket: !Ref X` names. */
  byRef: Map<string, CfnResource[]>;
  /** Policies by the literal bucket name their `Bucket` holds. */
  byName: Map<string, CfnResource[]>;
}

/** Bucket policies indexed by target once per template (a lookup per bucket over all policies was n²). */
const bucketPolicyIndexes = new WeakMap<CfnTemplate, BucketPolicyIndex>();

function bucketPolicyIndex(template: CfnTemplate): BucketPolicyIndex {
  let index = bucketPolicyIndexes.get(template);
  if (index) return index;
  index = { byRef: new Map(), byName: new Map() };
  const add = (map: Map<string, CfnResource[]>, key: string, policy: CfnResource) => {
    const list = map.get(key);
    if (list) list.push(policy);
    else map.set(key, [policy]);
  };
  for (const policy of resourcesOfType(template, 'AWS::S3::BucketPolicy')) {
    const target = get(policy.properties, 'Bucket');
    const ref = refTarget(target);
    if (ref !== undefined) add(index.byRef, ref, policy);
    const name = literalString(target);
    if (name !== undefined) add(index.byName, name, policy);
  }
  bucketPolicyIndexes.set(template, index);
  return index;
}

/** The buckets a bucket policy governs: `Bucket: !Ref X`, or the literal name of a bucket in the template. */
function policiesOf(bucket: CfnResource, template: CfnTemplate): CfnResource[] {
  const index = bucketPolicyIndex(template);
  const name = literalAt(bucket.properties, ['BucketName'], template);
  const found = new Set([...(index.byRef.get(bucket.logicalId) ?? []), ...(name === undefined ? [] : (index.byName.get(name) ?? []))]);
  // Template order, as before.
  return found.size > 1 ? resourcesOfType(template, 'AWS::S3::BucketPolicy').filter((p) => found.has(p)) : [...found];
}

function denyPolicyFix(bucket: CfnResource, template: CfnTemplate, context: RuleContext): Fix | undefined {
  let id = `${bucket.logicalId}DenyInsecureTransport`;
  for (let n = 2; resourceById(template, id); n++) id = `${bucket.logicalId}DenyInsecureTransport${n}`;
  const b = bucket.logicalId;
  const body: CfnMapping = {
    Type: 'AWS::S3::BucketPolicy',
    Properties: {
      Bucket: new CfnRaw(`!Ref ${b}`, { Ref: b }),
      PolicyDocument: {
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'DenyInsecureTransport',
            Effect: 'Deny',
            Principal: '*',
            Action: 's3:*',
            Resource: [new CfnRaw(`!GetAtt ${b}.Arn`, { 'Fn::GetAtt': [b, 'Arn'] }), new CfnRaw(`!Sub '\${${b}.Arn}/*'`, { 'Fn::Sub': `\${${b}.Arn}/*` })],
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          },
        ],
      },
    },
  };
  const edits = insertResourceAfter(context.file, template, bucket, id, body);
  return edits.length ? fix(`Add ${id}, a bucket policy denying requests without TLS`, edits, { safe: false }) : undefined;
}

function checkBucket(bucket: CfnResource, template: CfnTemplate, context: RuleContext): void {
  const policies = policiesOf(bucket, template);
  const byOwner = policyDocumentsByOwner(context.file);
  const documents = policies.flatMap((p) => byOwner.get(`AWS::S3::BucketPolicy ${p.logicalId}`) ?? []);
  if (policies.length > documents.length) return; // a policy we could not read (an intrinsic document)
  const verdicts = documents.map(documentEnforcesTls);
  if (verdicts.some((v) => v !== false)) return;
  const denyFix = policies.length ? undefined : denyPolicyFix(bucket, template, context);
  context.report({
    span: bucket.pair.keySpan,
    message: policies.length
      ? `${describeResource(bucket)} accepts plain HTTP requests: its bucket policy ${policies.map((p) => p.logicalId).join(', ')} has no statement denying requests without TLS (Deny with Condition Bool aws:SecureTransport = false)`
      : `${describeResource(bucket)} accepts plain HTTP requests: no bucket policy denies requests without TLS (Deny with Condition Bool aws:SecureTransport = false)`,
    related: policies.map((p) => ({ message: `bucket policy ${p.logicalId}`, span: p.pair.keySpan })),
    fixes: denyFix ? [denyFix] : [],
  });
}

export function checkCloudFormationTransit(context: RuleContext): void {
  const template = cfnTemplate(context.file);
  forEachSettingTarget(template, CLOUDFORMATION_TRANSIT_SETTINGS, (setting, resource, target, itemSpan) =>
    checkTarget(setting, resource, target, template, context, itemSpan),
  );
  for (const listener of resourcesOfType(template, 'AWS::ElasticLoadBalancingV2::Listener')) checkListener(listener, template, context);
  for (const bucket of resourcesOfType(template, 'AWS::S3::Bucket')) checkBucket(bucket, template, context);
}
