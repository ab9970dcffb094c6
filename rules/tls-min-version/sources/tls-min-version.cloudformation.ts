// tls-min-version for CloudFormation/SAM. Like the Terraform side, a declarative table — resource types,
// property path, what the values mean (the shared maps in tls-versions.ts), the value a fix writes and
// the service default when the property is absent — plus code for classic ELB negotiation policies,
// whose protocols are switched on one attribute at a time.
import type { TlsVersion } from '../../../server/src/engine/config';
import { replaceStringList, setPath, setResourceProperty } from '../../../server/src/engine/cloudformation/edits';
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
} from '../../../server/src/engine/cloudformation/model';
import { fix } from '../../../server/src/engine/fix';
import { get, pair, scalarBool, scalarString, type MapNode, type PairNode } from '../../../server/src/engine/yaml/data';
import type { RuleContext } from '../../define';
import {
  API_GATEWAY_COMPLIANT_POLICY,
  API_GATEWAY_DEFAULT_SECURITY_POLICY,
  apiGatewayPolicyMinTls,
  CLASSIC_ELB_COMPLIANT_POLICY,
  CLASSIC_ELB_PROTOCOL_ATTRIBUTES,
  CLOUDFRONT_COMPLIANT_PROTOCOL,
  CLOUDFRONT_DEFAULT_PROTOCOL,
  CLOUDFRONT_PROTOCOL_MIN_TLS,
  compliantFor,
  effectiveMinimum,
  ELB_COMPLIANT_POLICY,
  ELB_DEFAULT_SECURITY_POLICY,
  elbPolicyMinTls,
  meetsMinimum,
  OPENSEARCH_COMPLIANT_TLS_POLICY,
  OPENSEARCH_DEFAULT_TLS_POLICY,
  OPENSEARCH_TLS_POLICY_MIN_TLS,
  protocolLabel,
  type ProtocolVersion,
} from '../tls-versions';

export interface CloudFormationTlsSetting {
  resourceTypes: readonly string[];
  /** Property path under `Properties`. */
  path: readonly string[];
  floor: (value: string) => ProtocolVersion | undefined;
  /** The value a fix writes for each minimum; the highest key is the best the service can enforce. */
  compliant: Partial<Record<TlsVersion, string>>;
  /** What the service uses when the property is absent, when that accepts old protocols. */
  insecureDefault?: string;
  appliesTo?: (resource: CfnResource, template: CfnTemplate) => boolean;
  fixBlockedBy?: (resource: CfnResource, template: CfnTemplate) => string | undefined;
}

const lookup = (table: Readonly<Record<string, ProtocolVersion>>) => (value: string) =>
  table[value] ?? table[Object.keys(table).find((k) => k.toLowerCase() === value.toLowerCase()) ?? ''];

function literalProperty(resource: CfnResource, template: CfnTemplate, path: string[]): string | undefined {
  let node = resource.properties as MapNode | undefined;
  for (const step of path.slice(0, -1)) {
    const next = get(node, step);
    node = next?.type === 'map' ? next : undefined;
  }
  return literalString(resolveParameter(template, get(node, path[path.length - 1])).node);
}

export const CLOUDFORMATION_TLS_SETTINGS: readonly CloudFormationTlsSetting[] = [
  {
    resourceTypes: ['AWS::ElasticLoadBalancingV2::Listener'],
    path: ['SslPolicy'],
    floor: elbPolicyMinTls,
    compliant: ELB_COMPLIANT_POLICY,
    insecureDefault: ELB_DEFAULT_SECURITY_POLICY,
    // Only HTTPS and TLS listeners negotiate TLS.
    appliesTo: (listener, template) => {
      const protocol = literalProperty(listener, template, ['Protocol']);
      if (protocol === undefined) return Boolean(get(listener.properties, 'SslPolicy'));
      return ['HTTPS', 'TLS'].includes(protocol.toUpperCase());
    },
  },
  {
    resourceTypes: ['AWS::CloudFront::Distribution'],
    path: ['DistributionConfig', 'ViewerCertificate', 'MinimumProtocolVersion'],
    floor: lookup(CLOUDFRONT_PROTOCOL_MIN_TLS),
    compliant: CLOUDFRONT_COMPLIANT_PROTOCOL,
    insecureDefault: CLOUDFRONT_DEFAULT_PROTOCOL,
    // The *.cloudfront.net certificate always accepts TLSv1: only a custom certificate can set a minimum.
    fixBlockedBy: (distribution, template) => {
      const certificate = get(get(distribution.properties, 'DistributionConfig'), 'ViewerCertificate');
      if (!certificate) return 'add a ViewerCertificate with an ACM certificate (AcmCertificateArn, SslSupportMethod: sni-only) and a TLS 1.2+ MinimumProtocolVersion';
      const usesDefault = scalarBool(resolveParameter(template, get(certificate, 'CloudFrontDefaultCertificate')).node) === true;
      return usesDefault ? 'the default *.cloudfront.net certificate always accepts TLSv1; use an ACM certificate (AcmCertificateArn, SslSupportMethod: sni-only) to set a minimum' : undefined;
    },
  },
  {
    resourceTypes: ['AWS::OpenSearchService::Domain', 'AWS::Elasticsearch::Domain'],
    path: ['DomainEndpointOptions', 'TLSSecurityPolicy'],
    floor: lookup(OPENSEARCH_TLS_POLICY_MIN_TLS),
    compliant: OPENSEARCH_COMPLIANT_TLS_POLICY,
    insecureDefault: OPENSEARCH_DEFAULT_TLS_POLICY,
  },
  {
    resourceTypes: ['AWS::ApiGateway::DomainName'],
    path: ['SecurityPolicy'],
    floor: apiGatewayPolicyMinTls,
    compliant: API_GATEWAY_COMPLIANT_POLICY,
    insecureDefault: API_GATEWAY_DEFAULT_SECURITY_POLICY,
  },
  {
    // SAM passes Domain.SecurityPolicy to the AWS::ApiGateway::DomainName it generates, default included.
    resourceTypes: ['AWS::Serverless::Api'],
    path: ['Domain', 'SecurityPolicy'],
    floor: apiGatewayPolicyMinTls,
    compliant: API_GATEWAY_COMPLIANT_POLICY,
    insecureDefault: API_GATEWAY_DEFAULT_SECURITY_POLICY,
    appliesTo: (api) => get(api.properties, 'Domain')?.type === 'map',
  },
];

function bestSupported(setting: CloudFormationTlsSetting): TlsVersion {
  return (['1.3', '1.2', '1.1', '1.0'] as TlsVersion[]).find((v) => setting.compliant[v] !== undefined) ?? '1.2';
}

/** The pairs along `path` that exist, outermost first; the last is the setting itself when present. */
function pairsAlong(resource: CfnResource, path: readonly string[]): PairNode[] {
  const found: PairNode[] = [];
  let node: MapNode | undefined = resource.properties;
  for (const step of path) {
    const p = pair(node, step);
    if (!p) break;
    found.push(p);
    node = p.value?.type === 'map' ? p.value : undefined;
  }
  return found;
}

function checkSetting(setting: CloudFormationTlsSetting, resource: CfnResource, template: CfnTemplate, context: RuleContext): void {
  if (setting.appliesTo && !setting.appliesTo(resource, template)) return;
  const required = effectiveMinimum(context.options.minTlsVersion, bestSupported(setting));
  const compliantValue = compliantFor(setting.compliant, required);
  const requirement = `policy requires TLS ${required} or higher`;
  const blockedBy = setting.fixBlockedBy?.(resource, template);
  const name = describeResource(resource);
  const pathText = setting.path.join('.');
  const property = setting.path[setting.path.length - 1];
  const along = pairsAlong(resource, setting.path);
  const present = along.length === setting.path.length ? along[along.length - 1] : undefined;

  if (!present?.value) {
    if (setting.insecureDefault === undefined) return;
    // A parent written as an intrinsic (`!If`, `!Ref`) hides the setting: don't guess.
    const blockingParent = along[along.length - 1];
    if (blockingParent && blockingParent.value && blockingParent.value.type !== 'map' && !present) return;
    const floor = setting.floor(setting.insecureDefault);
    if (!floor || meetsMinimum(floor, required)) return;
    context.report({
      span: (along[along.length - 1] ?? resource.pair).keySpan,
      message: `${name} does not set ${pathText}, so it defaults to ${setting.insecureDefault}, which accepts ${protocolLabel(floor)}; ${requirement}${blockedBy ? ` (${blockedBy})` : ''}`,
      fixes: blockedBy || !compliantValue ? [] : [fix(`Set ${property}: ${compliantValue}`, setResourceProperty(context.file, template, resource, [...setting.path], compliantValue), { preferred: true })],
    });
    return;
  }

  const resolved = resolveParameter(template, present.value);
  const text = literalString(resolved.node);
  if (text === undefined) return;
  const floor = setting.floor(text);
  if (!floor || meetsMinimum(floor, required)) return;
  context.report({
    span: present.span,
    message: `${name} sets ${pathText} to ${text}${parameterSuffix(resolved)}, which accepts ${protocolLabel(floor)}; ${requirement}${blockedBy ? ` (${blockedBy})` : ''}`,
    related: parameterRelated(resolved),
    fixes:
      blockedBy || !compliantValue
        ? []
        : [fix(`Set ${property}: ${compliantValue}`, setResourceProperty(context.file, template, resource, [...setting.path], compliantValue), { preferred: true, safe: !resolved.parameter })],
  });
}

/**
 * Classic ELB `Policies` of type `SSLNegotiationPolicyType`: a `Reference-Security-Policy` attribute names
 * a predefined policy, and `Protocol-*` attributes switch single protocols on (any value but `false`).
 */
function checkClassicElb(resource: CfnResource, template: CfnTemplate, context: RuleContext): void {
  const policies = get(resource.properties, 'Policies');
  if (policies?.type !== 'seq') return;
  const required = effectiveMinimum(context.options.minTlsVersion, '1.2');
  const name = describeResource(resource);
  for (const policy of policies.items) {
    if (scalarString(get(policy, 'PolicyType')) !== 'SSLNegotiationPolicyType') continue;
    const attributes = get(policy, 'Attributes');
    if (attributes?.type !== 'seq') continue;
    for (const attribute of attributes.items) {
      if (attribute.type !== 'map') continue;
      const attributeName = literalString(get(attribute, 'Name'));
      const valuePair = pair(attribute, 'Value');
      const value = literalString(resolveParameter(template, valuePair?.value).node);
      if (!attributeName || !valuePair?.value || value === undefined) continue;
      const policyName = scalarString(get(policy, 'PolicyName')) ?? 'SSL negotiation policy';
      if (attributeName === 'Reference-Security-Policy') {
        const floor = elbPolicyMinTls(value);
        if (!floor || meetsMinimum(floor, required)) continue;
        context.report({
          span: attribute.span,
          message: `${name} policy ${policyName} references ${value}, which accepts ${protocolLabel(floor)}; policy requires TLS ${required} or higher`,
          fixes: [fix(`Set Value: ${CLASSIC_ELB_COMPLIANT_POLICY}`, setPath(context.file, template, attribute, ['Value'], CLASSIC_ELB_COMPLIANT_POLICY), { preferred: true })],
        });
        continue;
      }
      const floor = CLASSIC_ELB_PROTOCOL_ATTRIBUTES[attributeName];
      if (!floor || meetsMinimum(floor, required) || value.toLowerCase() === 'false') continue;
      context.report({
        span: attribute.span,
        message: `${name} policy ${policyName} enables ${attributeName.replace('Protocol-', '')} (${protocolLabel(floor)}); policy requires TLS ${required} or higher`,
        // Only an explicit `true` has one obvious opposite.
        fixes: [fix(`Set Value: false`, setPath(context.file, template, attribute, ['Value'], valuePair.value.type === 'scalar' && typeof valuePair.value.value === 'boolean' ? false : 'false'), { preferred: true, safe: value.toLowerCase() === 'true' })],
      });
    }
  }
}

/** What CloudFront may negotiate with a custom origin (`OriginSSLProtocols` lists every protocol allowed). */
const ORIGIN_PROTOCOL_MIN_TLS: Readonly<Record<string, ProtocolVersion>> = { SSLv3: '0.3', TLSv1: '1.0', 'TLSv1.1': '1.1', 'TLSv1.2': '1.2' };

/**
 * CloudFront → origin connections: an explicit `OriginSSLProtocols` list that still allows SSLv3,
 * TLSv1 or TLSv1.1 lets CloudFront fall back to them when the origin asks. TLS 1.2 is the best an
 * origin connection can require. The fix keeps the compliant protocols (TLSv1.2 when none is left).
 */
function checkCloudFrontOrigins(distribution: CfnResource, template: CfnTemplate, context: RuleContext): void {
  const origins = get(get(distribution.properties, 'DistributionConfig'), 'Origins');
  if (origins?.type !== 'seq') return;
  const required = effectiveMinimum(context.options.minTlsVersion, '1.2');
  for (const origin of origins.items) {
    const protocols = get(get(origin, 'CustomOriginConfig'), 'OriginSSLProtocols');
    if (protocols?.type !== 'seq' || protocols.tag) continue;
    const names = protocols.items.map((item) => literalString(item));
    if (names.some((n) => n === undefined)) continue;
    const weak = (names as string[]).filter((n) => {
      const floor = lookup(ORIGIN_PROTOCOL_MIN_TLS)(n);
      return floor !== undefined && !meetsMinimum(floor, required);
    });
    if (!weak.length) continue;
    const kept = (names as string[]).filter((n) => !weak.includes(n));
    const originId = scalarString(get(origin, 'Id'));
    context.report({
      span: protocols.items[names.indexOf(weak[0])].span,
      message: `${describeResource(distribution)} lets CloudFront connect to ${originId ? `origin ${originId}` : 'an origin'} with ${weak.join(', ')} (OriginSSLProtocols); policy requires TLS ${required} or higher`,
      fixes: [fix(`Allow only ${(kept.length ? kept : ['TLSv1.2']).join(', ')}`, replaceStringList(context.file, template, protocols, kept.length ? kept : ['TLSv1.2']), { preferred: true })],
    });
  }
}

export function checkCloudFormationTls(context: RuleContext): void {
  const template = cfnTemplate(context.file);
  for (const setting of CLOUDFORMATION_TLS_SETTINGS) {
    for (const resource of resourcesOfType(template, ...setting.resourceTypes)) checkSetting(setting, resource, template, context);
  }
  for (const resource of resourcesOfType(template, 'AWS::ElasticLoadBalancing::LoadBalancer')) checkClassicElb(resource, template, context);
  for (const resource of resourcesOfType(template, 'AWS::CloudFront::Distribution')) checkCloudFrontOrigins(resource, template, context);
}
