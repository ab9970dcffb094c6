// tls-min-version: services that terminate TLS refuse protocol versions older than the policy minimum
// (TLS 1.2 by default, 1.3 under the strict profile). The Terraform side is driven by the table in
// terraform-settings.ts; this module walks it and reports, and classic-elb / flexible-server checks
// cover the settings that are not a single attribute.
import { fix } from '../../server/src/engine/fix';
import { setAttribute } from '../../server/src/engine/terraform/edits';
import { blockAddress, literalString, resources, terraformFile, type TfBlock, type TfValue } from '../../server/src/engine/terraform/model';
import { insertSetting, locateSetting as locate } from '../../server/src/engine/terraform/setting-path';
import { resolveValue } from '../../server/src/engine/terraform/module';
import type { TlsVersion } from '../../server/src/engine/config';
import { defineRule, type RuleContext } from '../define';
import { originRelated, originSuffix } from '../../server/src/engine/terraform/value-origin';
import { checkClassicElbPolicies, checkFlexibleServerParameters, checkProtocolSwitches } from './terraform-special-cases';
import { TERRAFORM_TLS_SETTINGS, type TerraformTlsSetting, type TlsSettingContext } from './terraform-settings';
import { compliantFor, effectiveMinimum, meetsMinimum, protocolLabel, type ProtocolVersion } from './tls-versions';
import { checkCloudFormationTls } from './sources/tls-min-version.cloudformation';
import { tlsMinVersionCodeChecks } from './sources/tls-min-version.app';

/** A literal as the provider reads it; `min_tls_version = 1.0` is the number 1, which means "1.0". */
export function tlsLiteral(value: TfValue): string | undefined {
  if (value.kind === 'number') return Number.isInteger(value.value) ? value.value.toFixed(1) : String(value.value);
  return literalString(value);
}

/** The highest version a setting can be set to require. */
function bestSupported(setting: TerraformTlsSetting): TlsVersion {
  return (['1.3', '1.2', '1.1', '1.0'] as TlsVersion[]).find((v) => setting.compliant[v] !== undefined) ?? '1.2';
}

function checkSetting(setting: TerraformTlsSetting, resource: TfBlock, context: RuleContext): void {
  const settingContext: TlsSettingContext = { module: context.module() };
  if (setting.appliesTo && !setting.appliesTo(resource, settingContext)) return;
  const required = effectiveMinimum(context.options.minTlsVersion, bestSupported(setting));
  const compliantValue = compliantFor(setting.compliant, required);
  const name = blockAddress(resource);
  const requirement = `policy requires TLS ${required} or higher`;
  const blockedBy = setting.fixBlockedBy?.(resource, settingContext);
  const located = setting.paths.map((p) => locate(resource, p));
  const present = located.find((l) => l.attribute);

  if (!present) {
    if (setting.insecureDefault === undefined || located.some((l) => l.dynamic)) return;
    const floor = setting.floor(setting.insecureDefault);
    if (!floor || meetsMinimum(floor, required)) return;
    const preferred = located[0];
    const anchor = preferred.parents[preferred.parents.length - 1] ?? resource;
    context.report({
      span: anchor.headerSpan,
      message: `${name} does not set ${preferred.path}, so it defaults to ${setting.insecureDefault}, which accepts ${protocolLabel(floor)}; ${requirement}${blockedBy ? ` (${blockedBy})` : ''}`,
      fixes: blockedBy || !compliantValue ? [] : [fix(`Set ${preferred.attributeName} = ${compliantValue}`, insertSetting(resource, preferred, compliantValue), { preferred: true })],
    });
    return;
  }

  const attribute = present.attribute!;
  const resolved = resolveValue(attribute.value, context.module());
  const text = tlsLiteral(resolved.value);
  if (text === undefined) return;
  const floor: ProtocolVersion | undefined = setting.floor(text);
  if (!floor || meetsMinimum(floor, required)) return;
  const host = present.parents[present.parents.length - 1] ?? resource;
  context.report({
    span: attribute.span,
    message: `${name} sets ${present.path} = "${text}"${originSuffix(resolved)}, which accepts ${protocolLabel(floor)}; ${requirement}${blockedBy ? ` (${blockedBy})` : ''}`,
    related: originRelated(resolved),
    fixes:
      blockedBy || !compliantValue
        ? []
        : [fix(`Set ${present.attributeName} = ${compliantValue}`, setAttribute(host, present.attributeName, compliantValue), { preferred: true, safe: !resolved.origin })],
  });
}

function checkTerraform(context: RuleContext): void {
  const tf = terraformFile(context.file);
  for (const setting of TERRAFORM_TLS_SETTINGS) {
    for (const resource of resources(tf, ...setting.resourceTypes)) checkSetting(setting, resource, context);
  }
  checkClassicElbPolicies(context);
  checkFlexibleServerParameters(context);
  checkProtocolSwitches(context);
}

export const tlsMinVersion = defineRule({
  meta: {
    id: 'tls-min-version',
    title: 'TLS endpoints must refuse protocol versions below the policy minimum',
    family: 'tls-min-version',
    severity: 'error',
    securitySeverity: 7.5,
    controls: ['SOC 2 CC6.7', 'HIPAA 164.312(e)(1)', 'HIPAA 164.312(e)(2)(ii)', 'ENG-POL-003 Transport encryption'],
    description:
      'Flags minimum-TLS settings (Azure storage, Redis, SQL/MySQL/PostgreSQL, App Service and Functions, Cosmos DB, Event Hubs, Service Bus, Application Gateway, Front Door, API Management; AWS load-balancer listeners and classic ELB policies, CloudFront, OpenSearch/Elasticsearch, API Gateway domains; Google Cloud SSL policies) that accept TLS versions older than the configured minimum (1.2 by default, 1.3 with the strict profile), including provider defaults that do. A CloudFront distribution on the default *.cloudfront.net certificate without a minimum is reported, because that certificate always accepts TLS 1.0; Azure settings left unset are not, because azurerm 3.0+ defaults them to TLS 1.2.',
    rationale:
      'SSL 3.0, TLS 1.0 and TLS 1.1 have practical downgrade and padding-oracle attacks (POODLE, BEAST) and are deprecated by RFC 8996. An endpoint that still accepts them lets an attacker on the path force a weak handshake, so SOC 2 CC6.7 and HIPAA transmission security require TLS 1.2 or higher. Where a service cannot require TLS 1.3, the strict profile accepts its strongest setting.',
    noncompliant: [
      { language: 'hcl', code: 'resource "azurerm_storage_account" "data" {\n  name            = "data"\n  min_tls_version = "TLS1_0"\n}' },
      { language: 'hcl', code: 'resource "aws_lb_listener" "https" {\n  protocol   = "HTTPS"\n  port       = 443\n  ssl_policy = "ELBSecurityPolicy-2016-08"\n}' },
      { language: 'yaml', code: 'Resources:\n  HttpsListener:\n    Type: AWS::ElasticLoadBalancingV2::Listener\n    Properties:\n      LoadBalancerArn: !Ref LoadBalancer\n      Port: 443\n      Protocol: HTTPS\n      SslPolicy: ELBSecurityPolicy-2016-08' },
      { language: 'typescript', code: 'import * as elbv2 from \'aws-cdk-lib/aws-elasticloadbalancingv2\';\n\nnew elbv2.ApplicationListener(this, \'Https\', {\n  loadBalancer,\n  port: 443,\n  certificates: [certificate],\n  sslPolicy: elbv2.SslPolicy.TLS11,\n});' },
      { language: 'python', code: 'import ssl\n\ncontext = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)\ncontext.minimum_version = ssl.TLSVersion.TLSv1_1' },
      { language: 'go', code: 'package client\n\nimport "crypto/tls"\n\nvar config = &tls.Config{MinVersion: tls.VersionTLS10}' },
      { language: 'java', code: 'import javax.net.ssl.SSLContext;\n\nclass Client {\n  SSLContext context() throws Exception {\n    return SSLContext.getInstance("TLSv1.1");\n  }\n}' },
    ],
    compliant: [
      { language: 'hcl', code: 'resource "azurerm_storage_account" "data" {\n  name            = "data"\n  min_tls_version = "TLS1_2"\n}' },
      { language: 'hcl', code: 'resource "aws_lb_listener" "https" {\n  protocol   = "HTTPS"\n  port       = 443\n  ssl_policy = "ELBSecurityPolicy-TLS13-1-2-2021-06"\n}' },
      { language: 'yaml', code: 'Resources:\n  HttpsListener:\n    Type: AWS::ElasticLoadBalancingV2::Listener\n    Properties:\n      LoadBalancerArn: !Ref LoadBalancer\n      Port: 443\n      Protocol: HTTPS\n      SslPolicy: ELBSecurityPolicy-TLS13-1-2-2021-06' },
      { language: 'typescript', code: 'import * as elbv2 from \'aws-cdk-lib/aws-elasticloadbalancingv2\';\n\nnew elbv2.ApplicationListener(this, \'Https\', {\n  loadBalancer,\n  port: 443,\n  certificates: [certificate],\n  sslPolicy: elbv2.SslPolicy.RECOMMENDED_TLS,\n});' },
      { language: 'python', code: 'import ssl\n\ncontext = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)\ncontext.minimum_version = ssl.TLSVersion.TLSv1_2' },
      { language: 'go', code: 'package client\n\nimport "crypto/tls"\n\nvar config = &tls.Config{MinVersion: tls.VersionTLS12}' },
      { language: 'java', code: 'import javax.net.ssl.SSLContext;\n\nclass Client {\n  SSLContext context() throws Exception {\n    return SSLContext.getInstance("TLSv1.3");\n  }\n}' },
    ],
    fix: 'Sets the setting to the compliant value for the configured minimum (e.g. `TLS1_2`, `ELBSecurityPolicy-TLS13-1-2-2021-06`, `TLSv1.2_2021`), inserting it (and its enclosing block) when absent. No fix is offered for CloudFront distributions on the default certificate, which needs a custom certificate first.',
  },
  check: {
    terraform: checkTerraform,
    'cloudformation-yaml': checkCloudFormationTls,
    'cloudformation-json': checkCloudFormationTls,
    ...tlsMinVersionCodeChecks,
  },
});
