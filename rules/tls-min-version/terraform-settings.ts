// The declarative part of tls-min-version for Terraform: one entry per TLS setting — which resources,
// the attribute path, what its values mean, the value a fix writes, and what the provider does when
// the setting is absent. Adding a service is adding an entry; only the odd cases (classic ELB custom
// policies, flexible-server parameters) have code of their own.
import type { TlsVersion } from '../../server/src/engine/config';
import { attr, type TfBlock } from '../../server/src/engine/terraform/model';
import { resolvedLiteral, type TerraformModule } from '../../server/src/engine/terraform/module';
import {
  API_GATEWAY_COMPLIANT_POLICY,
  API_GATEWAY_DEFAULT_SECURITY_POLICY,
  apiGatewayPolicyMinTls,
  AZURE_APP_GATEWAY_POLICY_MIN_TLS,
  AZURE_APP_GATEWAY_PROTOCOL_MIN_TLS,
  AZURE_COSMOS_MIN_TLS,
  AZURE_DB_SSL_MIN_TLS,
  AZURE_DOTTED_MIN_TLS,
  AZURE_FRONT_DOOR_MIN_TLS,
  AZURE_STORAGE_MIN_TLS,
  CLOUDFRONT_COMPLIANT_PROTOCOL,
  CLOUDFRONT_DEFAULT_PROTOCOL,
  CLOUDFRONT_PROTOCOL_MIN_TLS,
  ELB_COMPLIANT_POLICY,
  ELB_DEFAULT_SECURITY_POLICY,
  elbPolicyMinTls,
  GCP_SSL_POLICY_MIN_TLS,
  OPENSEARCH_COMPLIANT_TLS_POLICY,
  OPENSEARCH_DEFAULT_TLS_POLICY,
  OPENSEARCH_TLS_POLICY_MIN_TLS,
  type ProtocolVersion,
} from './tls-versions';

export interface TlsSettingContext {
  module: TerraformModule | undefined;
}

export interface TerraformTlsSetting {
  resourceTypes: readonly string[];
  /**
   * Attribute path, nested blocks joined with dots (`site_config.minimum_tls_version`). Further
   * entries are other spellings of the same setting (deprecated or per-resource-generation names);
   * the first one present is read, and the first one listed is what a fix inserts.
   */
  paths: readonly string[];
  /** The lowest protocol a configured value accepts; undefined for values we do not know (not flagged). */
  floor: (value: string) => ProtocolVersion | undefined;
  /** The value a fix writes for each minimum; the highest key is the best the service can enforce. */
  compliant: Partial<Record<TlsVersion, string>>;
  /**
   * The value the provider uses when the setting is absent, when that default is too weak to accept;
   * undefined when absence means a secure default (no finding).
   */
  insecureDefault?: string;
  /** Whether the setting matters for this resource at all (e.g. only HTTPS/TLS listeners have a policy). */
  appliesTo?: (resource: TfBlock, context: TlsSettingContext) => boolean;
  /** Why no automatic fix can be offered for this resource, if so (shown in the message). */
  fixBlockedBy?: (resource: TfBlock, context: TlsSettingContext) => string | undefined;
}

const lookup = (table: Readonly<Record<string, ProtocolVersion>>) => (value: string) => table[value] ?? table[Object.keys(table).find((k) => k.toLowerCase() === value.toLowerCase()) ?? ''];

/**
 * App Service sites: the pre-3.0 resources spell it `min_tls_version` (and have no SCM setting), the
 * split Linux/Windows ones `minimum_tls_version`; Logic Apps Standard keeps the old spelling for both.
 */
const APP_SERVICE_LEGACY = ['azurerm_app_service', 'azurerm_app_service_slot', 'azurerm_function_app', 'azurerm_function_app_slot'];
const LOGIC_APP = ['azurerm_logic_app_standard'];
const APP_SERVICE_CURRENT = [
  'azurerm_linux_web_app',
  'azurerm_windows_web_app',
  'azurerm_linux_web_app_slot',
  'azurerm_windows_web_app_slot',
  'azurerm_linux_function_app',
  'azurerm_windows_function_app',
  'azurerm_linux_function_app_slot',
  'azurerm_windows_function_app_slot',
  'azurerm_function_app_flex_consumption',
];
const DOTTED_COMPLIANT = { '1.2': '"1.2"', '1.3': '"1.3"' };

export const TERRAFORM_TLS_SETTINGS: readonly TerraformTlsSetting[] = [
  // ------------------------------------------------------------------------------- Azure
  {
    // Provider 3.0+ defaults min_tls_version to TLS1_2; the service cannot require 1.3.
    resourceTypes: ['azurerm_storage_account'],
    paths: ['min_tls_version'],
    floor: lookup(AZURE_STORAGE_MIN_TLS),
    compliant: { '1.2': '"TLS1_2"' },
  },
  {
    resourceTypes: ['azurerm_redis_cache'],
    paths: ['minimum_tls_version'],
    floor: lookup(AZURE_DOTTED_MIN_TLS),
    compliant: { '1.2': '"1.2"' },
  },
  {
    // `Disabled` (3.x) accepts every version; 4.x defaults to 1.2.
    resourceTypes: ['azurerm_mssql_server', 'azurerm_sql_server'],
    paths: ['minimum_tls_version'],
    floor: lookup(AZURE_DOTTED_MIN_TLS),
    compliant: DOTTED_COMPLIANT,
  },
  {
    resourceTypes: ['azurerm_mssql_managed_instance'],
    paths: ['minimum_tls_version'],
    floor: lookup(AZURE_DOTTED_MIN_TLS),
    compliant: { '1.2': '"1.2"' },
  },
  {
    resourceTypes: ['azurerm_mysql_server', 'azurerm_postgresql_server', 'azurerm_mariadb_server'],
    paths: ['ssl_minimal_tls_version_enforced'],
    floor: lookup(AZURE_DB_SSL_MIN_TLS),
    compliant: { '1.2': '"TLS1_2"' },
  },
  {
    resourceTypes: APP_SERVICE_LEGACY,
    paths: ['site_config.min_tls_version'],
    floor: lookup(AZURE_DOTTED_MIN_TLS),
    compliant: { '1.2': '"1.2"' },
  },
  {
    resourceTypes: LOGIC_APP,
    paths: ['site_config.min_tls_version'],
    floor: lookup(AZURE_DOTTED_MIN_TLS),
    compliant: DOTTED_COMPLIANT,
  },
  {
    resourceTypes: LOGIC_APP,
    paths: ['site_config.scm_min_tls_version'],
    floor: lookup(AZURE_DOTTED_MIN_TLS),
    compliant: DOTTED_COMPLIANT,
  },
  {
    resourceTypes: APP_SERVICE_CURRENT,
    paths: ['site_config.minimum_tls_version'],
    floor: lookup(AZURE_DOTTED_MIN_TLS),
    compliant: DOTTED_COMPLIANT,
  },
  {
    resourceTypes: APP_SERVICE_CURRENT,
    paths: ['site_config.scm_minimum_tls_version'],
    floor: lookup(AZURE_DOTTED_MIN_TLS),
    compliant: DOTTED_COMPLIANT,
  },
  {
    resourceTypes: ['azurerm_eventhub_namespace', 'azurerm_servicebus_namespace'],
    paths: ['minimum_tls_version'],
    floor: lookup(AZURE_DOTTED_MIN_TLS),
    compliant: { '1.2': '"1.2"' },
  },
  {
    resourceTypes: ['azurerm_cosmosdb_account'],
    paths: ['minimal_tls_version'],
    floor: lookup(AZURE_COSMOS_MIN_TLS),
    compliant: { '1.2': '"Tls12"' },
  },
  {
    // Custom policies name their floor; without ssl_policy the gateway uses the API version's default policy.
    resourceTypes: ['azurerm_application_gateway'],
    paths: ['ssl_policy.min_protocol_version'],
    floor: lookup(AZURE_APP_GATEWAY_PROTOCOL_MIN_TLS),
    compliant: { '1.2': '"TLSv1_2"', '1.3': '"TLSv1_3"' },
  },
  {
    resourceTypes: ['azurerm_application_gateway'],
    paths: ['ssl_policy.policy_name'],
    floor: lookup(AZURE_APP_GATEWAY_POLICY_MIN_TLS),
    compliant: { '1.2': '"AppGwSslPolicy20220101S"' },
  },
  {
    resourceTypes: ['azurerm_cdn_frontdoor_custom_domain'],
    paths: ['tls.minimum_tls_version'],
    floor: lookup(AZURE_FRONT_DOOR_MIN_TLS),
    compliant: { '1.2': '"TLS12"' },
  },
  // --------------------------------------------------------------------------------- AWS
  {
    resourceTypes: ['aws_lb_listener', 'aws_alb_listener'],
    paths: ['ssl_policy'],
    floor: elbPolicyMinTls,
    compliant: { '1.2': `"${ELB_COMPLIANT_POLICY['1.2']}"`, '1.3': `"${ELB_COMPLIANT_POLICY['1.3']}"` },
    insecureDefault: ELB_DEFAULT_SECURITY_POLICY,
    // Only listeners that terminate TLS negotiate it; an unknown protocol is checked only when a policy is set.
    appliesTo: (listener, context) => {
      const protocol = resolvedLiteral(listener, 'protocol', context.module);
      if (protocol === undefined) return !attr(listener, 'protocol') ? false : !!attr(listener, 'ssl_policy');
      return ['HTTPS', 'TLS'].includes(protocol.toUpperCase());
    },
  },
  {
    resourceTypes: ['aws_cloudfront_distribution'],
    paths: ['viewer_certificate.minimum_protocol_version'],
    floor: lookup(CLOUDFRONT_PROTOCOL_MIN_TLS),
    compliant: { '1.2': `"${CLOUDFRONT_COMPLIANT_PROTOCOL['1.2']}"`, '1.3': `"${CLOUDFRONT_COMPLIANT_PROTOCOL['1.3']}"` },
    insecureDefault: CLOUDFRONT_DEFAULT_PROTOCOL,
    // The *.cloudfront.net certificate always accepts TLSv1 and takes no minimum: only a custom certificate fixes it.
    fixBlockedBy: (distribution, context) => {
      const certificate = distribution.blocks.find((b) => b.type === 'viewer_certificate');
      if (!certificate) return 'add a viewer_certificate with an ACM certificate and a TLS 1.2+ minimum_protocol_version';
      return resolvedLiteral(certificate, 'cloudfront_default_certificate', context.module) === 'true'
        ? 'the default *.cloudfront.net certificate always accepts TLSv1; use an ACM certificate (acm_certificate_arn, ssl_support_method = "sni-only") to set a minimum'
        : undefined;
    },
  },
  {
    resourceTypes: ['aws_elasticsearch_domain', 'aws_opensearch_domain'],
    paths: ['domain_endpoint_options.tls_security_policy'],
    floor: lookup(OPENSEARCH_TLS_POLICY_MIN_TLS),
    compliant: Object.fromEntries(Object.entries(OPENSEARCH_COMPLIANT_TLS_POLICY).map(([k, v]) => [k, `"${v}"`])),
    insecureDefault: OPENSEARCH_DEFAULT_TLS_POLICY,
  },
  {
    resourceTypes: ['aws_api_gateway_domain_name'],
    paths: ['security_policy'],
    floor: apiGatewayPolicyMinTls,
    compliant: { '1.2': `"${API_GATEWAY_COMPLIANT_POLICY['1.2']}"`, '1.3': `"${API_GATEWAY_COMPLIANT_POLICY['1.3']}"` },
    insecureDefault: API_GATEWAY_DEFAULT_SECURITY_POLICY,
  },
  {
    // HTTP/WebSocket APIs only offer TLS_1_2 (required attribute), so only a wrong value is a finding.
    resourceTypes: ['aws_apigatewayv2_domain_name'],
    paths: ['domain_name_configuration.security_policy'],
    floor: apiGatewayPolicyMinTls,
    compliant: { '1.2': `"${API_GATEWAY_COMPLIANT_POLICY['1.2']}"`, '1.3': `"${API_GATEWAY_COMPLIANT_POLICY['1.3']}"` },
  },
  // ------------------------------------------------------------------------------- Google
  {
    resourceTypes: ['google_compute_ssl_policy', 'google_compute_region_ssl_policy'],
    paths: ['min_tls_version'],
    floor: lookup(GCP_SSL_POLICY_MIN_TLS),
    compliant: { '1.2': '"TLS_1_2"', '1.3': '"TLS_1_3"' },
    insecureDefault: 'TLS_1_0',
  },
];

/** Every resource type the table covers, for docs and the hover text. */
export function coveredResourceTypes(): string[] {
  return [...new Set(TERRAFORM_TLS_SETTINGS.flatMap((s) => s.resourceTypes))].sort();
}
