// tls-min-version for AWS CDK. The CDK spells TLS settings as enum members (`elbv2.SslPolicy.TLS11`,
// `cloudfront.SecurityPolicyProtocol.TLS_V1_2016`, `opensearch.TLSSecurityPolicy.TLS_1_0`,
// `apigateway.SecurityPolicy.TLS_1_0`) or, on L1 constructs, as the CloudFormation strings. Each enum
// member maps to the provider value, whose protocol floor comes from the shared tables in
// tls-versions.ts, so "ELBSecurityPolicy-2016-08 accepts TLS 1.0" stays written once. The fix switches
// the member (or string) to the compliant one. Absent settings are not flagged: current CDK defaults
// (RECOMMENDED_TLS listeners, TLS_V1_2_2021 distributions, TLS 1.2 domains) already comply.
import type { TlsVersion } from '../../../server/src/engine/config';
import { importsCdk, cdkSymbol } from '../../../server/src/engine/cdk/symbols';
import { fix } from '../../../server/src/engine/fix';
import type { SourceFile } from '../../../server/src/engine/source';
import { setPropertyValue } from '../../../server/src/engine/typescript/edits';
import { importBindings } from '../../../server/src/engine/typescript/imports';
import { NodeType, nodesOfType, quoteString, spanOf, stringValue, type Node } from '../../../server/src/engine/typescript/nodes';
import { propertyName } from '../../../server/src/engine/typescript/objects';
import { originRelated, originSuffix, resolveValue } from '../../../server/src/engine/typescript/values';
import type { RuleContext } from '../../define';
import {
  apiGatewayPolicyMinTls,
  CLOUDFRONT_PROTOCOL_MIN_TLS,
  compliantFor,
  effectiveMinimum,
  elbPolicyMinTls,
  meetsMinimum,
  OPENSEARCH_TLS_POLICY_MIN_TLS,
  protocolLabel,
  type ProtocolVersion,
} from '../tls-versions';

interface CdkTlsSetting {
  /** Property names that carry the setting. */
  properties: readonly string[];
  /** CDK service modules and the enum they take. */
  services: readonly string[];
  enumName: string;
  /** Enum member → provider value (what CloudFormation receives). */
  members: Readonly<Record<string, string>>;
  floor: (providerValue: string) => ProtocolVersion | undefined;
  /** Compliant member per minimum; the highest key is the best the service can enforce. */
  compliantMembers: Partial<Record<TlsVersion, string>>;
  /** Compliant provider string per minimum, for L1 constructs that take strings. */
  compliantStrings: Partial<Record<TlsVersion, string>>;
  /** Provider strings look like this (keeps a same-named property of another library out). */
  stringPattern: RegExp;
  what: string;
}

const SETTINGS: readonly CdkTlsSetting[] = [
  {
    what: 'load balancer listener',
    properties: ['sslPolicy'],
    services: ['elasticloadbalancingv2'],
    enumName: 'SslPolicy',
    members: {
      RECOMMENDED_TLS: 'ELBSecurityPolicy-TLS13-1-2-2021-06',
      RECOMMENDED_TLS_PQ: 'ELBSecurityPolicy-TLS13-1-2-PQ-2025-09',
      RECOMMENDED: 'ELBSecurityPolicy-2016-08',
      TLS13_RES: 'ELBSecurityPolicy-TLS13-1-2-Res-2021-06',
      TLS13_EXT1: 'ELBSecurityPolicy-TLS13-1-2-Ext1-2021-06',
      TLS13_EXT2: 'ELBSecurityPolicy-TLS13-1-2-Ext2-2021-06',
      TLS13_10: 'ELBSecurityPolicy-TLS13-1-0-2021-06',
      TLS13_11: 'ELBSecurityPolicy-TLS13-1-1-2021-06',
      TLS13_13: 'ELBSecurityPolicy-TLS13-1-3-2021-06',
      TLS13_13_PQ: 'ELBSecurityPolicy-TLS13-1-3-PQ-2025-09',
      TLS13_10_PQ: 'ELBSecurityPolicy-TLS13-1-0-PQ-2025-09',
      FIPS_TLS13_13: 'ELBSecurityPolicy-TLS13-1-3-FIPS-2023-04',
      FIPS_TLS13_12_RES: 'ELBSecurityPolicy-TLS13-1-2-Res-FIPS-2023-04',
      FIPS_TLS13_12: 'ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04',
      FIPS_TLS13_12_EXT0: 'ELBSecurityPolicy-TLS13-1-2-Ext0-FIPS-2023-04',
      FIPS_TLS13_12_EXT1: 'ELBSecurityPolicy-TLS13-1-2-Ext1-FIPS-2023-04',
      FIPS_TLS13_12_EXT2: 'ELBSecurityPolicy-TLS13-1-2-Ext2-FIPS-2023-04',
      FIPS_TLS13_11: 'ELBSecurityPolicy-TLS13-1-1-FIPS-2023-04',
      FIPS_TLS13_10: 'ELBSecurityPolicy-TLS13-1-0-FIPS-2023-04',
      FORWARD_SECRECY_TLS12_RES_GCM: 'ELBSecurityPolicy-FS-1-2-Res-2020-10',
      FORWARD_SECRECY_TLS12_RES: 'ELBSecurityPolicy-FS-1-2-Res-2019-08',
      FORWARD_SECRECY_TLS12: 'ELBSecurityPolicy-FS-1-2-2019-08',
      FORWARD_SECRECY_TLS11: 'ELBSecurityPolicy-FS-1-1-2019-08',
      FORWARD_SECRECY: 'ELBSecurityPolicy-FS-2018-06',
      TLS12: 'ELBSecurityPolicy-TLS-1-2-2017-01',
      TLS12_EXT: 'ELBSecurityPolicy-TLS-1-2-Ext-2018-06',
      TLS11: 'ELBSecurityPolicy-TLS-1-1-2017-01',
      LEGACY: 'ELBSecurityPolicy-TLS-1-0-2015-04',
      // CDK v1 spelled the members in PascalCase.
      Recommended: 'ELBSecurityPolicy-2016-08',
      ForwardSecrecy: 'ELBSecurityPolicy-FS-2018-06',
      TLS12Ext: 'ELBSecurityPolicy-TLS-1-2-Ext-2018-06',
      Legacy: 'ELBSecurityPolicy-TLS-1-0-2015-04',
    },
    floor: elbPolicyMinTls,
    compliantMembers: { '1.2': 'RECOMMENDED_TLS', '1.3': 'TLS13_13' },
    compliantStrings: { '1.2': 'ELBSecurityPolicy-TLS13-1-2-2021-06', '1.3': 'ELBSecurityPolicy-TLS13-1-3-2021-06' },
    stringPattern: /^ELBSecurityPolicy-/,
  },
  {
    what: 'CloudFront distribution',
    properties: ['minimumProtocolVersion', 'securityPolicy'],
    services: ['cloudfront'],
    enumName: 'SecurityPolicyProtocol',
    members: {
      SSL_V3: 'SSLv3',
      TLS_V1: 'TLSv1',
      TLS_V1_2016: 'TLSv1_2016',
      TLS_V1_1_2016: 'TLSv1.1_2016',
      TLS_V1_2_2018: 'TLSv1.2_2018',
      TLS_V1_2_2019: 'TLSv1.2_2019',
      TLS_V1_2_2021: 'TLSv1.2_2021',
      TLS_V1_2_2025: 'TLSv1.2_2025',
      TLS_V1_3_2025: 'TLSv1.3_2025',
    },
    floor: (value) => CLOUDFRONT_PROTOCOL_MIN_TLS[value],
    compliantMembers: { '1.2': 'TLS_V1_2_2021', '1.3': 'TLS_V1_3_2025' },
    compliantStrings: { '1.2': 'TLSv1.2_2021', '1.3': 'TLSv1.3_2025' },
    stringPattern: /^(SSLv3|TLSv1)/,
  },
  {
    what: 'OpenSearch domain',
    properties: ['tlsSecurityPolicy'],
    services: ['opensearchservice', 'elasticsearch'],
    enumName: 'TLSSecurityPolicy',
    members: { TLS_1_0: 'Policy-Min-TLS-1-0-2019-07', TLS_1_2: 'Policy-Min-TLS-1-2-2019-07', TLS_1_2_PFS: 'Policy-Min-TLS-1-2-PFS-2023-10' },
    floor: (value) => OPENSEARCH_TLS_POLICY_MIN_TLS[value],
    compliantMembers: { '1.2': 'TLS_1_2' },
    compliantStrings: { '1.2': 'Policy-Min-TLS-1-2-2019-07' },
    stringPattern: /^Policy-Min-TLS-/,
  },
  {
    what: 'API Gateway custom domain',
    properties: ['securityPolicy'],
    services: ['apigateway', 'apigatewayv2'],
    enumName: 'SecurityPolicy',
    members: { TLS_1_0: 'TLS_1_0', TLS_1_2: 'TLS_1_2' },
    floor: apiGatewayPolicyMinTls,
    compliantMembers: { '1.2': 'TLS_1_2' },
    compliantStrings: { '1.2': 'TLS_1_2', '1.3': 'SecurityPolicy_TLS13_1_3_2025_09' },
    stringPattern: /^(TLS_1_[0-3]|SecurityPolicy_TLS)/,
  },
];

/** CDK v1 has only the PascalCase SslPolicy members: TLS12 is its best. */
function compliantMember(setting: CdkTlsSetting, minimum: TlsVersion, v1: boolean): string | undefined {
  if (v1 && setting.enumName === 'SslPolicy') return minimum === '1.2' ? 'TLS12' : undefined;
  return compliantFor(setting.compliantMembers, minimum);
}

function bestSupported(setting: CdkTlsSetting): ProtocolVersion {
  const versions = Object.keys(setting.compliantStrings).sort() as TlsVersion[];
  return versions[versions.length - 1] ?? '1.2';
}

interface Match {
  setting: CdkTlsSetting;
  providerValue: string;
  /** The enum member as written (`elbv2.SslPolicy.TLS11`) or undefined for a string. */
  member?: { name: string; receiver: string; v1: boolean };
}

function classify(file: SourceFile, name: string, value: Node): Match | undefined {
  for (const setting of SETTINGS) {
    if (!setting.properties.includes(name)) continue;
    const symbol = value.type === 'MemberExpression' ? cdkSymbol(file, value) : undefined;
    if (symbol) {
      if (!setting.services.includes(symbol.service) || symbol.path.length !== 2 || symbol.path[0] !== setting.enumName) continue;
      const providerValue = setting.members[symbol.path[1]];
      if (!providerValue) return undefined;
      const receiver = value.type === 'MemberExpression' ? file.slice(spanOf(value.object)) : '';
      return { setting, providerValue, member: { name: symbol.path[1], receiver, v1: cdkSymbolModuleIsV1(file, value) } };
    }
    const text = stringValue(value);
    if (text !== undefined && setting.stringPattern.test(text) && setting.floor(text)) return { setting, providerValue: text };
  }
  return undefined;
}

/** `@aws-cdk/aws-elasticloadbalancingv2` (v1) rather than `aws-cdk-lib`: v1 enums have fewer members. */
function cdkSymbolModuleIsV1(file: SourceFile, node: Node): boolean {
  let root: Node = node;
  while (root.type === 'MemberExpression') root = root.object;
  if (root.type !== 'Identifier') return false;
  return /^@aws-cdk\//.test(importBindings(file).get(root.name)?.module ?? '');
}

export function checkCdkTlsMinVersion(context: RuleContext): void {
  const { file } = context;
  if (!importsCdk(file)) return;
  for (const property of nodesOfType(file, NodeType.Property)) {
    const name = propertyName(property);
    if (!name || !SETTINGS.some((s) => s.properties.includes(name))) continue;
    const resolved = resolveValue(file, property.value as Node);
    const match = classify(file, name, resolved.node);
    if (!match) continue;
    const { setting } = match;
    const floor = setting.floor(match.providerValue);
    const required = effectiveMinimum(context.options.minTlsVersion, bestSupported(setting));
    if (!floor || meetsMinimum(floor, required)) continue;
    const shown = match.member ? `${match.member.receiver}.${match.member.name}` : `'${match.providerValue}'`;
    let replacement: string | undefined;
    if (match.member) {
      const member = compliantMember(setting, required, match.member.v1);
      replacement = member && `${match.member.receiver}.${member}`;
    } else {
      const value = compliantFor(setting.compliantStrings, required);
      replacement = value && quoteString(file, value);
    }
    context.report({
      span: spanOf(property),
      message: `${setting.what} sets ${name} to ${shown}${originSuffix(resolved)} (${match.providerValue}), which accepts ${protocolLabel(floor)}; policy requires TLS ${required} or higher`,
      related: originRelated(resolved),
      fixes: replacement ? [fix(`Set ${name} to ${replacement}`, setPropertyValue(file, property, replacement), { preferred: true, safe: !resolved.origin })] : [],
    });
  }
}
