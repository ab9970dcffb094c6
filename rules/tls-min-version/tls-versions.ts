// What each provider's TLS setting values mean, as the lowest protocol version they let a client
// negotiate. Source-independent on purpose: the Terraform table, the CloudFormation checker and the
// CDK checker all read these maps, so "ELBSecurityPolicy-2016-08 accepts TLS 1.0" is written once.
import { compareTls, type TlsVersion } from '../../server/src/engine/config';

/** A protocol floor: TLS versions as config spells them, and `0.3` for SSL 3.0 (older than TLS 1.0). */
export type ProtocolVersion = TlsVersion | '0.3';

/** Minimums a setting can be asked to meet (policy allows 1.2 and the strict profile 1.3; lower ones are trivially met). */
export type RequiredVersion = '1.2' | '1.3';

export function protocolLabel(version: ProtocolVersion): string {
  return version === '0.3' ? 'SSL 3.0' : `TLS ${version}`;
}

/** True when a setting whose floor is `version` satisfies a required minimum. */
export function meetsMinimum(version: ProtocolVersion, minimum: TlsVersion): boolean {
  return compareTls(version, minimum) >= 0;
}

/** The minimum a check enforces: the configured one, capped by the best the service can enforce. */
export function effectiveMinimum(configured: TlsVersion, bestSupported: ProtocolVersion): TlsVersion {
  return (compareTls(configured, bestSupported) <= 0 ? configured : bestSupported) as TlsVersion;
}

/** Picks the compliant value for a required minimum: the exact one, else the next stricter that exists. */
export function compliantFor(values: Partial<Record<TlsVersion, string>>, minimum: TlsVersion): string | undefined {
  const order: TlsVersion[] = ['1.0', '1.1', '1.2', '1.3'];
  for (const version of order.slice(order.indexOf(minimum))) if (values[version] !== undefined) return values[version];
  return undefined;
}

// ------------------------------------------------------------------------------------- AWS ELB

/**
 * Predefined Elastic Load Balancing security policies (ALB/NLB `SslPolicy`, classic ELB
 * `Reference-Security-Policy`) and the oldest protocol each accepts.
 */
export const ELB_SECURITY_POLICY_MIN_TLS: Readonly<Record<string, ProtocolVersion>> = {
  'ELBSecurityPolicy-TLS13-1-3-2021-06': '1.3',
  'ELBSecurityPolicy-TLS13-1-3-FIPS-2023-04': '1.3',
  'ELBSecurityPolicy-TLS13-1-3-PQ-2025-09': '1.3',
  'ELBSecurityPolicy-TLS13-1-2-2021-06': '1.2',
  'ELBSecurityPolicy-TLS13-1-2-Res-2021-06': '1.2',
  'ELBSecurityPolicy-TLS13-1-2-Ext1-2021-06': '1.2',
  'ELBSecurityPolicy-TLS13-1-2-Ext2-2021-06': '1.2',
  'ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04': '1.2',
  'ELBSecurityPolicy-TLS13-1-2-Res-FIPS-2023-04': '1.2',
  'ELBSecurityPolicy-TLS13-1-2-Ext0-FIPS-2023-04': '1.2',
  'ELBSecurityPolicy-TLS13-1-2-Ext1-FIPS-2023-04': '1.2',
  'ELBSecurityPolicy-TLS13-1-2-Ext2-FIPS-2023-04': '1.2',
  'ELBSecurityPolicy-TLS13-1-1-2021-06': '1.1',
  'ELBSecurityPolicy-TLS13-1-1-FIPS-2023-04': '1.1',
  'ELBSecurityPolicy-TLS13-1-0-2021-06': '1.0',
  'ELBSecurityPolicy-TLS13-1-0-FIPS-2023-04': '1.0',
  'ELBSecurityPolicy-TLS13-1-0-PQ-2025-09': '1.0',
  'ELBSecurityPolicy-FS-1-2-Res-2020-10': '1.2',
  'ELBSecurityPolicy-FS-1-2-Res-2019-08': '1.2',
  'ELBSecurityPolicy-FS-1-2-2019-08': '1.2',
  'ELBSecurityPolicy-FS-1-1-2019-08': '1.1',
  'ELBSecurityPolicy-FS-2018-06': '1.0',
  'ELBSecurityPolicy-TLS-1-2-Ext-2018-06': '1.2',
  'ELBSecurityPolicy-TLS-1-2-2017-01': '1.2',
  'ELBSecurityPolicy-TLS-1-1-2017-01': '1.1',
  'ELBSecurityPolicy-TLS-1-0-2015-04': '1.0',
  'ELBSecurityPolicy-2016-08': '1.0',
  'ELBSecurityPolicy-2015-05': '1.0',
  'ELBSecurityPolicy-2015-03': '1.0',
  'ELBSecurityPolicy-2015-02': '1.0',
  'ELBSecurityPolicy-2014-10': '1.0',
  // Policies from before POODLE still offer SSL 3.0.
  'ELBSecurityPolicy-2014-01': '0.3',
  'ELBSecurityPolicy-2011-08': '0.3',
  'ELBSample-ELBDefaultCipherPolicy': '0.3',
  'ELBSample-OpenSSLDefaultCipherPolicy': '0.3',
};

/** The floor of an ELB policy name, also for future names that follow AWS's naming scheme. */
export function elbPolicyMinTls(name: string): ProtocolVersion | undefined {
  const known = ELB_SECURITY_POLICY_MIN_TLS[name];
  if (known) return known;
  const match = /^ELBSecurityPolicy-(?:TLS13-|FS-|TLS-)1-([0-3])-/.exec(name);
  return match ? (`1.${match[1]}` as TlsVersion) : undefined;
}

/** What an HTTPS/TLS listener uses when no policy is named (the API default; the console picks TLS13-1-2). */
export const ELB_DEFAULT_SECURITY_POLICY = 'ELBSecurityPolicy-2016-08';

export const ELB_COMPLIANT_POLICY: Readonly<Record<RequiredVersion, string>> = {
  '1.2': 'ELBSecurityPolicy-TLS13-1-2-2021-06',
  '1.3': 'ELBSecurityPolicy-TLS13-1-3-2021-06',
};

/** Classic ELB listeners (SSLNegotiationPolicyType) cannot use the TLS13 policies. */
export const CLASSIC_ELB_COMPLIANT_POLICY = 'ELBSecurityPolicy-TLS-1-2-2017-01';

/** Classic ELB custom SSL negotiation policies enable protocols one by one. */
export const CLASSIC_ELB_PROTOCOL_ATTRIBUTES: Readonly<Record<string, ProtocolVersion>> = {
  'Protocol-SSLv2': '0.3',
  'Protocol-SSLv3': '0.3',
  'Protocol-TLSv1': '1.0',
  'Protocol-TLSv1.1': '1.1',
  'Protocol-TLSv1.2': '1.2',
};

// -------------------------------------------------------------------------------- CloudFront

/** `minimum_protocol_version` / `MinimumProtocolVersion` of a distribution's viewer certificate. */
export const CLOUDFRONT_PROTOCOL_MIN_TLS: Readonly<Record<string, ProtocolVersion>> = {
  SSLv3: '0.3',
  TLSv1: '1.0',
  TLSv1_2016: '1.0',
  'TLSv1.1_2016': '1.1',
  'TLSv1.2_2018': '1.2',
  'TLSv1.2_2019': '1.2',
  'TLSv1.2_2021': '1.2',
  'TLSv1.2_2025': '1.2',
  'TLSv1.3_2025': '1.3',
};

/** CloudFront's default when a custom certificate names no minimum, and what the *.cloudfront.net certificate always accepts. */
export const CLOUDFRONT_DEFAULT_PROTOCOL = 'TLSv1';

export const CLOUDFRONT_COMPLIANT_PROTOCOL: Readonly<Record<RequiredVersion, string>> = { '1.2': 'TLSv1.2_2021', '1.3': 'TLSv1.3_2025' };

// ---------------------------------------------------------------------- OpenSearch / Elasticsearch

export const OPENSEARCH_TLS_POLICY_MIN_TLS: Readonly<Record<string, ProtocolVersion>> = {
  'Policy-Min-TLS-1-0-2019-07': '1.0',
  'Policy-Min-TLS-1-2-2019-07': '1.2',
  'Policy-Min-TLS-1-2-PFS-2023-10': '1.2',
  'Policy-Min-TLS-1-2-RFC9151-FIPS-2024-08': '1.2',
};

/** The API default when `TLSSecurityPolicy` is not given. */
export const OPENSEARCH_DEFAULT_TLS_POLICY = 'Policy-Min-TLS-1-0-2019-07';
/** No OpenSearch policy refuses TLS 1.2, so 1.2 is the best a domain can enforce. */
export const OPENSEARCH_COMPLIANT_TLS_POLICY: Readonly<Partial<Record<TlsVersion, string>>> = { '1.2': 'Policy-Min-TLS-1-2-PFS-2023-10' };

// ------------------------------------------------------------------------------ API Gateway

/** Custom domain `security_policy` / `SecurityPolicy`, including the 2025 enhanced policies. */
export function apiGatewayPolicyMinTls(name: string): ProtocolVersion | undefined {
  if (name === 'TLS_1_0') return '1.0';
  if (name === 'TLS_1_2') return '1.2';
  const enhanced = /^SecurityPolicy_TLS1[23]_1_([0-3])_/i.exec(name);
  return enhanced ? (`1.${enhanced[1]}` as TlsVersion) : undefined;
}

/** REST API custom domains fall back to TLS_1_0 when no policy is named. */
export const API_GATEWAY_DEFAULT_SECURITY_POLICY = 'TLS_1_0';
export const API_GATEWAY_COMPLIANT_POLICY: Readonly<Record<RequiredVersion, string>> = { '1.2': 'TLS_1_2', '1.3': 'SecurityPolicy_TLS13_1_3_2025_09' };

// ----------------------------------------------------------------------------------- Azure

/** `min_tls_version` of storage accounts (Azure Storage cannot require TLS 1.3). */
export const AZURE_STORAGE_MIN_TLS: Readonly<Record<string, ProtocolVersion>> = { TLS1_0: '1.0', TLS1_1: '1.1', TLS1_2: '1.2', TLS1_3: '1.3' };

/** `"1.0"`-style values: App Service, Redis, SQL server, Event Hubs, Service Bus. `Disabled` lets every version in. */
export const AZURE_DOTTED_MIN_TLS: Readonly<Record<string, ProtocolVersion>> = { '1.0': '1.0', '1.1': '1.1', '1.2': '1.2', '1.3': '1.3', Disabled: '1.0', None: '1.0' };

/** `ssl_minimal_tls_version_enforced` of single-server MySQL / PostgreSQL. */
export const AZURE_DB_SSL_MIN_TLS: Readonly<Record<string, ProtocolVersion>> = {
  TLSEnforcementDisabled: '1.0',
  TLS1_0: '1.0',
  TLS1_1: '1.1',
  TLS1_2: '1.2',
};

/** Cosmos DB `minimal_tls_version`. */
export const AZURE_COSMOS_MIN_TLS: Readonly<Record<string, ProtocolVersion>> = { Tls: '1.0', Tls11: '1.1', Tls12: '1.2' };

/** Flexible servers take a server parameter: MySQL `tls_version` lists versions, PostgreSQL `ssl_min_protocol_version` names the floor. */
export function flexibleServerProtocolMinTls(value: string): ProtocolVersion | undefined {
  const versions = value
    .split(',')
    .map((part) => /^\s*TLSv?(1(?:\.[0-3])?)\s*$/i.exec(part)?.[1])
    .map((v) => (v === '1' ? '1.0' : v));
  if (!versions.length || versions.some((v) => v === undefined)) return undefined;
  return (versions as TlsVersion[]).sort(compareTls)[0];
}

/** Application Gateway `ssl_policy`: predefined policy names, and `min_protocol_version` of custom policies. */
export const AZURE_APP_GATEWAY_POLICY_MIN_TLS: Readonly<Record<string, ProtocolVersion>> = {
  AppGwSslPolicy20150501: '1.0',
  AppGwSslPolicy20170401: '1.1',
  AppGwSslPolicy20170401S: '1.2',
  AppGwSslPolicy20220101: '1.2',
  AppGwSslPolicy20220101S: '1.2',
};
export const AZURE_APP_GATEWAY_PROTOCOL_MIN_TLS: Readonly<Record<string, ProtocolVersion>> = { TLSv1_0: '1.0', TLSv1_1: '1.1', TLSv1_2: '1.2', TLSv1_3: '1.3' };

/** Front Door (Standard/Premium) custom domain `tls.minimum_tls_version`. */
export const AZURE_FRONT_DOOR_MIN_TLS: Readonly<Record<string, ProtocolVersion>> = { TLS10: '1.0', TLS12: '1.2', TLS13: '1.3' };

/**
 * API Management gateway protocol switches (all default to off): current names and the
 * `enable_*` spellings deprecated in azurerm 3.x.
 */
export const AZURE_API_MANAGEMENT_PROTOCOL_SWITCHES: Readonly<Record<string, ProtocolVersion>> = {
  frontend_ssl30_enabled: '0.3',
  frontend_tls10_enabled: '1.0',
  frontend_tls11_enabled: '1.1',
  backend_ssl30_enabled: '0.3',
  backend_tls10_enabled: '1.0',
  backend_tls11_enabled: '1.1',
  enable_frontend_ssl30: '0.3',
  enable_frontend_tls10: '1.0',
  enable_frontend_tls11: '1.1',
  enable_backend_ssl30: '0.3',
  enable_backend_tls10: '1.0',
  enable_backend_tls11: '1.1',
};

// -------------------------------------------------------------------------------- Google Cloud

export const GCP_SSL_POLICY_MIN_TLS: Readonly<Record<string, ProtocolVersion>> = { TLS_1_0: '1.0', TLS_1_1: '1.1', TLS_1_2: '1.2', TLS_1_3: '1.3' };
