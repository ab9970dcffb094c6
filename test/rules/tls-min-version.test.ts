import * as assert from 'node:assert/strict';
import { tlsMinVersion } from '../../rules/tls-min-version/tls-min-version';
import { TERRAFORM_TLS_SETTINGS } from '../../rules/tls-min-version/terraform-settings';
import { elbPolicyMinTls, apiGatewayPolicyMinTls, flexibleServerProtocolMinTls } from '../../rules/tls-min-version/tls-versions';
import { ruleTester, type InvalidCase, type TestCase } from '../support/rule-tester';

/** One row per resource type and setting: a weak value, a compliant one, and what the fix writes. */
interface Row {
  type: string;
  path: string;
  weak: string;
  good: string;
  fixed: string;
  /** Attributes the resource needs for the setting to apply (listener protocol, custom certificate). */
  extra?: string[];
  /** Attributes inside the nested block before the setting. */
  nestedExtra?: string[];
}

const LISTENER = ['protocol = "HTTPS"', 'port     = 443'];
const CUSTOM_CERT = ['cloudfront_default_certificate = false', 'acm_certificate_arn            = "arn:aws:acm:us-east-1:111122223333:certificate/abc"'];

const ROWS: Row[] = [
  { type: 'azurerm_storage_account', path: 'min_tls_version', weak: '"TLS1_0"', good: '"TLS1_2"', fixed: '"TLS1_2"' },
  { type: 'azurerm_redis_cache', path: 'minimum_tls_version', weak: '"1.0"', good: '"1.2"', fixed: '"1.2"' },
  { type: 'azurerm_mssql_server', path: 'minimum_tls_version', weak: '"Disabled"', good: '"1.2"', fixed: '"1.2"' },
  { type: 'azurerm_sql_server', path: 'minimum_tls_version', weak: '"1.1"', good: '"1.2"', fixed: '"1.2"' },
  { type: 'azurerm_mssql_managed_instance', path: 'minimum_tls_version', weak: '"1.0"', good: '"1.2"', fixed: '"1.2"' },
  { type: 'azurerm_mysql_server', path: 'ssl_minimal_tls_version_enforced', weak: '"TLS1_1"', good: '"TLS1_2"', fixed: '"TLS1_2"' },
  { type: 'azurerm_postgresql_server', path: 'ssl_minimal_tls_version_enforced', weak: '"TLSEnforcementDisabled"', good: '"TLS1_2"', fixed: '"TLS1_2"' },
  { type: 'azurerm_mariadb_server', path: 'ssl_minimal_tls_version_enforced', weak: '"TLS1_0"', good: '"TLS1_2"', fixed: '"TLS1_2"' },
  { type: 'azurerm_app_service', path: 'site_config.min_tls_version', weak: '1.1', good: '1.2', fixed: '"1.2"' },
  { type: 'azurerm_logic_app_standard', path: 'site_config.scm_min_tls_version', weak: '"1.0"', good: '"1.2"', fixed: '"1.2"' },
  { type: 'azurerm_app_service_slot', path: 'site_config.min_tls_version', weak: '"1.0"', good: '"1.2"', fixed: '"1.2"' },
  { type: 'azurerm_function_app', path: 'site_config.min_tls_version', weak: '"1.1"', good: '"1.2"', fixed: '"1.2"' },
  { type: 'azurerm_function_app_slot', path: 'site_config.min_tls_version', weak: '1.0', good: '"1.2"', fixed: '"1.2"' },
  { type: 'azurerm_linux_web_app', path: 'site_config.minimum_tls_version', weak: '"1.0"', good: '"1.2"', fixed: '"1.2"' },
  { type: 'azurerm_windows_web_app', path: 'site_config.scm_minimum_tls_version', weak: '"1.1"', good: '"1.3"', fixed: '"1.2"' },
  { type: 'azurerm_linux_web_app_slot', path: 'site_config.minimum_tls_version', weak: '"1.1"', good: '"1.2"', fixed: '"1.2"' },
  { type: 'azurerm_windows_web_app_slot', path: 'site_config.minimum_tls_version', weak: '"1.1"', good: '"1.2"', fixed: '"1.2"' },
  { type: 'azurerm_linux_function_app', path: 'site_config.minimum_tls_version', weak: '"1.0"', good: '"1.2"', fixed: '"1.2"' },
  { type: 'azurerm_windows_function_app', path: 'site_config.minimum_tls_version', weak: '"1.0"', good: '"1.2"', fixed: '"1.2"' },
  { type: 'azurerm_linux_function_app_slot', path: 'site_config.minimum_tls_version', weak: '"1.0"', good: '"1.2"', fixed: '"1.2"' },
  { type: 'azurerm_windows_function_app_slot', path: 'site_config.minimum_tls_version', weak: '"1.0"', good: '"1.2"', fixed: '"1.2"' },
  { type: 'azurerm_function_app_flex_consumption', path: 'site_config.minimum_tls_version', weak: '"1.0"', good: '"1.2"', fixed: '"1.2"' },
  { type: 'azurerm_logic_app_standard', path: 'site_config.min_tls_version', weak: '"1.1"', good: '"1.2"', fixed: '"1.2"' },
  { type: 'azurerm_eventhub_namespace', path: 'minimum_tls_version', weak: '"1.0"', good: '"1.2"', fixed: '"1.2"' },
  { type: 'azurerm_servicebus_namespace', path: 'minimum_tls_version', weak: '"1.1"', good: '"1.2"', fixed: '"1.2"' },
  { type: 'azurerm_cosmosdb_account', path: 'minimal_tls_version', weak: '"Tls11"', good: '"Tls12"', fixed: '"Tls12"' },
  { type: 'azurerm_application_gateway', path: 'ssl_policy.min_protocol_version', weak: '"TLSv1_1"', good: '"TLSv1_2"', fixed: '"TLSv1_2"', nestedExtra: ['policy_type = "Custom"'] },
  { type: 'azurerm_application_gateway', path: 'ssl_policy.policy_name', weak: '"AppGwSslPolicy20150501"', good: '"AppGwSslPolicy20220101"', fixed: '"AppGwSslPolicy20220101S"', nestedExtra: ['policy_type = "Predefined"'] },
  { type: 'azurerm_cdn_frontdoor_custom_domain', path: 'tls.minimum_tls_version', weak: '"TLS10"', good: '"TLS12"', fixed: '"TLS12"', nestedExtra: ['certificate_type = "ManagedCertificate"'] },
  { type: 'aws_lb_listener', path: 'ssl_policy', weak: '"ELBSecurityPolicy-2016-08"', good: '"ELBSecurityPolicy-TLS13-1-2-2021-06"', fixed: '"ELBSecurityPolicy-TLS13-1-2-2021-06"', extra: LISTENER },
  { type: 'aws_alb_listener', path: 'ssl_policy', weak: '"ELBSecurityPolicy-TLS-1-1-2017-01"', good: '"ELBSecurityPolicy-FS-1-2-Res-2020-10"', fixed: '"ELBSecurityPolicy-TLS13-1-2-2021-06"', extra: LISTENER },
  { type: 'aws_cloudfront_distribution', path: 'viewer_certificate.minimum_protocol_version', weak: '"TLSv1.1_2016"', good: '"TLSv1.2_2021"', fixed: '"TLSv1.2_2021"', nestedExtra: CUSTOM_CERT },
  { type: 'aws_elasticsearch_domain', path: 'domain_endpoint_options.tls_security_policy', weak: '"Policy-Min-TLS-1-0-2019-07"', good: '"Policy-Min-TLS-1-2-2019-07"', fixed: '"Policy-Min-TLS-1-2-PFS-2023-10"', nestedExtra: ['enforce_https = true'] },
  { type: 'aws_opensearch_domain', path: 'domain_endpoint_options.tls_security_policy', weak: '"Policy-Min-TLS-1-0-2019-07"', good: '"Policy-Min-TLS-1-2-PFS-2023-10"', fixed: '"Policy-Min-TLS-1-2-PFS-2023-10"' },
  { type: 'aws_api_gateway_domain_name', path: 'security_policy', weak: '"TLS_1_0"', good: '"TLS_1_2"', fixed: '"TLS_1_2"' },
  { type: 'aws_apigatewayv2_domain_name', path: 'domain_name_configuration.security_policy', weak: '"TLS_1_0"', good: '"TLS_1_2"', fixed: '"TLS_1_2"', nestedExtra: ['endpoint_type = "REGIONAL"'] },
  { type: 'google_compute_ssl_policy', path: 'min_tls_version', weak: '"TLS_1_1"', good: '"TLS_1_2"', fixed: '"TLS_1_2"' },
  { type: 'google_compute_region_ssl_policy', path: 'min_tls_version', weak: '"TLS_1_0"', good: '"TLS_1_3"', fixed: '"TLS_1_2"' },
];

/** Builds a resource with the setting at its path; `value` undefined leaves the setting out. */
function resource(row: Row, value: string): { code: string; line: number } {
  const segments = row.path.split('.');
  const attribute = segments.pop()!;
  const lines = [`resource "${row.type}" "x" {`, ...(row.extra ?? []).map((l) => '  ' + l)];
  if (segments.length === 0) {
    lines.push(`  ${attribute} = ${value}`);
    return { code: lines.join('\n') + '\n}\n', line: lines.length };
  }
  lines.push(`  ${segments[0]} {`, ...(row.nestedExtra ?? []).map((l) => '    ' + l), `    ${attribute} = ${value}`);
  const line = lines.length;
  lines.push('  }');
  return { code: lines.join('\n') + '\n}\n', line };
}

describe('tls-min-version table', () => {
  it('has a test row for every resource type and every setting it declares', () => {
    const untestedTypes = TERRAFORM_TLS_SETTINGS.flatMap((s) => s.resourceTypes).filter((t) => !ROWS.some((r) => r.type === t));
    const untestedSettings = TERRAFORM_TLS_SETTINGS.filter((s) => !ROWS.some((r) => s.resourceTypes.includes(r.type) && s.paths.includes(r.path))).map((s) => s.paths[0]);
    assert.deepEqual(untestedTypes, []);
    assert.deepEqual(untestedSettings, []);
  });
  it('reads ELB, API Gateway and flexible-server values', () => {
    assert.equal(elbPolicyMinTls('ELBSecurityPolicy-2016-08'), '1.0');
    assert.equal(elbPolicyMinTls('ELBSecurityPolicy-TLS13-1-3-2021-06'), '1.3');
    assert.equal(elbPolicyMinTls('ELBSecurityPolicy-TLS13-1-2-Ext9-2030-01'), '1.2');
    assert.equal(elbPolicyMinTls('ELBSecurityPolicy-2011-08'), '0.3');
    assert.equal(elbPolicyMinTls('my-custom-policy'), undefined);
    assert.equal(apiGatewayPolicyMinTls('SecurityPolicy_TLS13_1_3_2025_09'), '1.3');
    assert.equal(flexibleServerProtocolMinTls('TLSv1.2,TLSv1.3'), '1.2');
    assert.equal(flexibleServerProtocolMinTls('TLSv1,TLSv1.2'), '1.0');
  });
});

const valid: TestCase[] = ROWS.map((row) => ({ name: `${row.type} ${row.path} = ${row.good}`, code: resource(row, row.good).code }));
const invalid: InvalidCase[] = ROWS.map((row) => {
  const { code, line } = resource(row, row.weak);
  return {
    name: `${row.type} ${row.path} = ${row.weak}`,
    code,
    errors: [{ message: `${row.type}.x sets ${row.path} = `, line }],
    output: resource(row, row.fixed).code,
  };
});

ruleTester(tlsMinVersion, {
  valid: [
    ...valid,
    { name: 'Azure defaults are TLS 1.2 when unset', code: 'resource "azurerm_storage_account" "s" {\n  name = "s"\n}\n\nresource "azurerm_linux_web_app" "w" {\n  site_config {}\n}\n\nresource "azurerm_app_service" "a" {\n  name = "a"\n}\n' },
    { name: 'plain HTTP listener has no TLS policy', code: 'resource "aws_lb_listener" "http" {\n  protocol = "HTTP"\n  port     = 80\n}\n' },
    { name: 'listener without protocol defaults to HTTP', code: 'resource "aws_lb_listener" "l" {\n  port = 80\n}\n' },
    { name: 'unknown custom ELB policy is not guessed', code: 'resource "aws_lb_listener" "l" {\n  protocol   = "TLS"\n  ssl_policy = aws_lb_ssl_policy.custom.name\n}\n' },
    { name: 'value from a variable that meets the minimum', code: 'resource "azurerm_storage_account" "s" {\n  min_tls_version = var.tls\n}\n', moduleFiles: [{ path: 'variables.tf', text: 'variable "tls" {\n  default = "TLS1_2"\n}\n' }] },
    { name: 'strict profile accepts the best a service supports', options: { minTlsVersion: '1.3' }, code: 'resource "azurerm_storage_account" "s" {\n  min_tls_version = "TLS1_2"\n}\n' },
    { name: 'a lower configured minimum accepts TLS 1.1', options: { minTlsVersion: '1.1' }, code: 'resource "google_compute_ssl_policy" "p" {\n  min_tls_version = "TLS_1_1"\n}\n' },
    { name: 'classic ELB policy with TLS 1.2 only', code: 'resource "aws_load_balancer_policy" "p" {\n  policy_type_name = "SSLNegotiationPolicyType"\n\n  policy_attribute {\n    name  = "Protocol-TLSv1.2"\n    value = "true"\n  }\n\n  policy_attribute {\n    name  = "Protocol-TLSv1"\n    value = "false"\n  }\n}\n' },
    { name: 'classic ELB public-key policy is not an SSL policy', code: 'resource "aws_load_balancer_policy" "p" {\n  policy_type_name = "PublicKeyPolicyType"\n\n  policy_attribute {\n    name  = "Protocol-TLSv1"\n    value = "true"\n  }\n}\n' },
    { name: 'API Management with old protocols switched off', code: 'resource "azurerm_api_management" "apim" {\n  security {\n    frontend_tls10_enabled = false\n    backend_ssl30_enabled  = false\n  }\n}\n' },
    { name: 'MySQL flexible server on TLS 1.2 and 1.3', code: 'resource "azurerm_mysql_flexible_server_configuration" "tls" {\n  name  = "tls_version"\n  value = "TLSv1.2,TLSv1.3"\n}\n' },
    { name: 'CloudFront default certificate with an explicit TLS 1.2 minimum is taken at its word', code: 'resource "aws_cloudfront_distribution" "d" {\n  viewer_certificate {\n    cloudfront_default_certificate = true\n    minimum_protocol_version       = "TLSv1.2_2021"\n  }\n}\n' },
    { name: 'dynamic viewer_certificate is not guessed', code: 'resource "aws_cloudfront_distribution" "d" {\n  dynamic "viewer_certificate" {\n    for_each = [1]\n    content {\n      acm_certificate_arn = var.cert\n    }\n  }\n}\n' },
    { name: 'half-typed resource does not crash', code: 'resource "aws_lb_listener" "l" {\n  protocol = "HTTPS"\n  ssl_policy =\n' },
  ],
  invalid: [
    ...invalid,
    {
      name: 'missing security_policy on an API Gateway domain',
      code: 'resource "aws_api_gateway_domain_name" "api" {\n  domain_name = "api.example.com"\n}\n',
      errors: [{ message: 'aws_api_gateway_domain_name.api does not set security_policy, so it defaults to TLS_1_0, which accepts TLS 1.0; policy requires TLS 1.2 or higher', line: 1 }],
      output: 'resource "aws_api_gateway_domain_name" "api" {\n  domain_name     = "api.example.com"\n  security_policy = "TLS_1_2"\n}\n',
    },
    {
      name: 'HTTPS listener without ssl_policy',
      code: 'resource "aws_lb_listener" "https" {\n  protocol = "HTTPS"\n  port     = 443\n}\n',
      errors: [{ message: 'defaults to ELBSecurityPolicy-2016-08, which accepts TLS 1.0', line: 1 }],
      output: 'resource "aws_lb_listener" "https" {\n  protocol   = "HTTPS"\n  port       = 443\n  ssl_policy = "ELBSecurityPolicy-TLS13-1-2-2021-06"\n}\n',
    },
    {
      name: 'Google SSL policy without min_tls_version',
      code: 'resource "google_compute_ssl_policy" "p" {\n  name    = "p"\n  profile = "MODERN"\n}\n',
      errors: [{ message: 'defaults to TLS_1_0', line: 1 }],
      output: 'resource "google_compute_ssl_policy" "p" {\n  name            = "p"\n  profile         = "MODERN"\n  min_tls_version = "TLS_1_2"\n}\n',
    },
    {
      name: 'OpenSearch without domain_endpoint_options gets the block',
      code: 'resource "aws_opensearch_domain" "search" {\n  domain_name = "search"\n}\n',
      errors: [{ message: 'does not set domain_endpoint_options.tls_security_policy, so it defaults to Policy-Min-TLS-1-0-2019-07', line: 1 }],
      output: 'resource "aws_opensearch_domain" "search" {\n  domain_name = "search"\n\n  domain_endpoint_options {\n    tls_security_policy = "Policy-Min-TLS-1-2-PFS-2023-10"\n  }\n}\n',
    },
    {
      name: 'OpenSearch endpoint options without a policy: reported at the block',
      code: 'resource "aws_elasticsearch_domain" "es" {\n  domain_endpoint_options {\n    enforce_https = true\n  }\n}\n',
      errors: [{ message: 'does not set domain_endpoint_options.tls_security_policy', line: 2 }],
      output: 'resource "aws_elasticsearch_domain" "es" {\n  domain_endpoint_options {\n    enforce_https       = true\n    tls_security_policy = "Policy-Min-TLS-1-2-PFS-2023-10"\n  }\n}\n',
    },
    {
      name: 'CloudFront on the default certificate: reported, no fix',
      code: 'resource "aws_cloudfront_distribution" "d" {\n  enabled = true\n\n  viewer_certificate {\n    cloudfront_default_certificate = true\n  }\n}\n',
      errors: [{ message: 'defaults to TLSv1, which accepts TLS 1.0; policy requires TLS 1.2 or higher (the default *.cloudfront.net certificate always accepts TLSv1', line: 4 }],
      output: null,
    },
    {
      name: 'CloudFront without a viewer_certificate',
      code: 'resource "aws_cloudfront_distribution" "d" {\n  enabled = true\n}\n',
      errors: [{ message: 'add a viewer_certificate with an ACM certificate', line: 1 }],
      output: null,
    },
    {
      name: 'CloudFront custom certificate without a minimum gets one',
      code: 'resource "aws_cloudfront_distribution" "d" {\n  viewer_certificate {\n    acm_certificate_arn = var.cert\n    ssl_support_method  = "sni-only"\n  }\n}\n',
      errors: [{ message: 'defaults to TLSv1', line: 2 }],
      output: 'resource "aws_cloudfront_distribution" "d" {\n  viewer_certificate {\n    acm_certificate_arn      = var.cert\n    ssl_support_method       = "sni-only"\n    minimum_protocol_version = "TLSv1.2_2021"\n  }\n}\n',
    },
    {
      name: 'CloudFront SSLv3',
      code: 'resource "aws_cloudfront_distribution" "d" {\n  viewer_certificate {\n    cloudfront_default_certificate = false\n    minimum_protocol_version       = "SSLv3"\n  }\n}\n',
      errors: [{ message: 'accepts SSL 3.0', line: 4 }],
      output: 'resource "aws_cloudfront_distribution" "d" {\n  viewer_certificate {\n    cloudfront_default_certificate = false\n    minimum_protocol_version       = "TLSv1.2_2021"\n  }\n}\n',
    },
    {
      name: 'strict profile: TLS 1.2 listener policy must become TLS 1.3',
      options: { minTlsVersion: '1.3' },
      code: 'resource "aws_lb_listener" "l" {\n  protocol   = "HTTPS"\n  ssl_policy = "ELBSecurityPolicy-TLS13-1-2-2021-06"\n}\n',
      errors: [{ message: 'accepts TLS 1.2; policy requires TLS 1.3 or higher', line: 3 }],
      output: 'resource "aws_lb_listener" "l" {\n  protocol   = "HTTPS"\n  ssl_policy = "ELBSecurityPolicy-TLS13-1-3-2021-06"\n}\n',
    },
    {
      name: 'strict profile: App Service site on 1.2',
      options: { minTlsVersion: '1.3' },
      code: 'resource "azurerm_linux_web_app" "w" {\n  site_config {\n    minimum_tls_version = "1.2"\n  }\n}\n',
      errors: [{ message: 'policy requires TLS 1.3 or higher', line: 3 }],
      output: 'resource "azurerm_linux_web_app" "w" {\n  site_config {\n    minimum_tls_version = "1.3"\n  }\n}\n',
    },
    {
      name: 'weak value from a tfvars file: reported at the use site, fix not applied automatically',
      code: 'resource "azurerm_redis_cache" "r" {\n  minimum_tls_version = var.redis_tls\n}\n',
      moduleFiles: [
        { path: 'variables.tf', text: 'variable "redis_tls" {\n  default = "1.2"\n}\n' },
        { path: 'terraform.tfvars', text: 'redis_tls = "1.0"\n' },
      ],
      errors: [{ message: 'sets minimum_tls_version = "1.0" (from the value of "redis_tls" in terraform.tfvars)', line: 2 }],
      output: null,
      fixes: [{ title: 'Set minimum_tls_version = "1.2"', safe: false, output: 'resource "azurerm_redis_cache" "r" {\n  minimum_tls_version = "1.2"\n}\n' }],
    },
    {
      name: 'CRLF file keeps its line endings',
      code: 'resource "google_compute_ssl_policy" "p" {\r\n  name = "p"\r\n}\r\n',
      errors: 1,
      output: 'resource "google_compute_ssl_policy" "p" {\r\n  name            = "p"\r\n  min_tls_version = "TLS_1_2"\r\n}\r\n',
    },
    {
      name: 'classic ELB custom policy enabling TLS 1.0 and SSL 3.0',
      code: 'resource "aws_load_balancer_policy" "p" {\n  policy_type_name = "SSLNegotiationPolicyType"\n\n  policy_attribute {\n    name  = "Protocol-TLSv1"\n    value = "true"\n  }\n\n  policy_attribute {\n    name  = "Protocol-SSLv3"\n    value = "true"\n  }\n}\n',
      errors: [
        { message: 'aws_load_balancer_policy.p enables Protocol-TLSv1, which accepts TLS 1.0', line: 5 },
        { message: 'enables Protocol-SSLv3, which accepts SSL 3.0', line: 10 },
      ],
      output: 'resource "aws_load_balancer_policy" "p" {\n  policy_type_name = "SSLNegotiationPolicyType"\n\n  policy_attribute {\n    name  = "Protocol-TLSv1"\n    value = "false"\n  }\n\n  policy_attribute {\n    name  = "Protocol-SSLv3"\n    value = "false"\n  }\n}\n',
    },
    {
      name: 'classic ELB policy referencing a TLS 1.1 predefined policy',
      code: 'resource "aws_load_balancer_policy" "p" {\n  policy_type_name = "SSLNegotiationPolicyType"\n\n  policy_attribute {\n    name  = "Reference-Security-Policy"\n    value = "ELBSecurityPolicy-TLS-1-1-2017-01"\n  }\n}\n',
      errors: [{ message: 'references ELBSecurityPolicy-TLS-1-1-2017-01, which accepts TLS 1.1', line: 6 }],
      output: 'resource "aws_load_balancer_policy" "p" {\n  policy_type_name = "SSLNegotiationPolicyType"\n\n  policy_attribute {\n    name  = "Reference-Security-Policy"\n    value = "ELBSecurityPolicy-TLS-1-2-2017-01"\n  }\n}\n',
    },
    {
      name: 'API Management with TLS 1.0 on the frontend (current and deprecated spellings)',
      code: 'resource "azurerm_api_management" "apim" {\n  security {\n    frontend_tls10_enabled = true\n    enable_backend_tls11   = true\n    frontend_tls11_enabled = false\n  }\n}\n',
      errors: [
        { message: 'azurerm_api_management.apim sets security.frontend_tls10_enabled = true, which accepts TLS 1.0', line: 3 },
        { message: 'sets security.enable_backend_tls11 = true, which accepts TLS 1.1', line: 4 },
      ],
      output: 'resource "azurerm_api_management" "apim" {\n  security {\n    frontend_tls10_enabled = false\n    enable_backend_tls11   = false\n    frontend_tls11_enabled = false\n  }\n}\n',
    },
    {
      name: 'PostgreSQL flexible server allowing TLS 1.0',
      code: 'resource "azurerm_postgresql_flexible_server_configuration" "ssl" {\n  name      = "ssl_min_protocol_version"\n  server_id = azurerm_postgresql_flexible_server.db.id\n  value     = "TLSv1"\n}\n',
      errors: [{ message: 'sets ssl_min_protocol_version = "TLSv1", which accepts TLS 1.0', line: 4 }],
      output: 'resource "azurerm_postgresql_flexible_server_configuration" "ssl" {\n  name      = "ssl_min_protocol_version"\n  server_id = azurerm_postgresql_flexible_server.db.id\n  value     = "TLSv1.2"\n}\n',
    },
    {
      name: 'MySQL flexible server listing TLS 1.1',
      code: 'resource "azurerm_mysql_flexible_server_configuration" "tls" {\n  name  = "tls_version"\n  value = "TLSv1.1,TLSv1.2"\n}\n',
      errors: [{ message: 'which accepts TLS 1.1', line: 3 }],
      output: 'resource "azurerm_mysql_flexible_server_configuration" "tls" {\n  name  = "tls_version"\n  value = "TLSv1.2"\n}\n',
    },
  ],
});
