// The TLS settings that are not one attribute of one resource: classic ELB custom SSL negotiation
// policies (a list of `policy_attribute { name, value }` pairs), flexible-server parameters (a
// separate `…_configuration` resource per server parameter) and per-protocol on/off switches.
import { compareTls, type TlsVersion } from '../../server/src/engine/config';
import { fix } from '../../server/src/engine/fix';
import { setAttribute } from '../../server/src/engine/terraform/edits';
import { attr, blockAddress, childBlocks, literalString, resources, terraformFile, type TfBlock } from '../../server/src/engine/terraform/model';
import { resolveValue } from '../../server/src/engine/terraform/module';
import type { RuleContext } from '../define';
import { originRelated, originSuffix } from '../../server/src/engine/terraform/value-origin';
import {
  AZURE_API_MANAGEMENT_PROTOCOL_SWITCHES,
  CLASSIC_ELB_COMPLIANT_POLICY,
  CLASSIC_ELB_PROTOCOL_ATTRIBUTES,
  effectiveMinimum,
  elbPolicyMinTls,
  flexibleServerProtocolMinTls,
  meetsMinimum,
  protocolLabel,
  type ProtocolVersion,
} from './tls-versions';

function literal(block: TfBlock, name: string, context: RuleContext) {
  const attribute = attr(block, name);
  if (!attribute) return undefined;
  const resolved = resolveValue(attribute.value, context.module());
  return { attribute, resolved, text: literalString(resolved.value) };
}

/** `aws_load_balancer_policy` of type SSLNegotiationPolicyType: a predefined reference, or protocols switched on one by one. */
export function checkClassicElbPolicies(context: RuleContext): void {
  const tf = terraformFile(context.file);
  // Classic ELB has no TLS 1.3 policy: 1.2 is the best it can be asked for.
  const required = effectiveMinimum(context.options.minTlsVersion, '1.2');
  for (const policy of resources(tf, 'aws_load_balancer_policy')) {
    if (literal(policy, 'policy_type_name', context)?.text !== 'SSLNegotiationPolicyType') continue;
    const name = blockAddress(policy);
    for (const pair of childBlocks(policy, 'policy_attribute')) {
      const key = literal(pair, 'name', context);
      const value = literal(pair, 'value', context);
      if (!key?.text || !value || value.text === undefined) continue;
      if (key.text === 'Reference-Security-Policy') {
        const floor = elbPolicyMinTls(value.text);
        if (!floor || meetsMinimum(floor, required)) continue;
        context.report({
          span: value.attribute.span,
          message: `${name} references ${value.text}${originSuffix(value.resolved)}, which accepts ${protocolLabel(floor)}; policy requires TLS ${required} or higher`,
          related: originRelated(value.resolved),
          fixes: [fix(`Reference ${CLASSIC_ELB_COMPLIANT_POLICY}`, setAttribute(pair, 'value', `"${CLASSIC_ELB_COMPLIANT_POLICY}"`), { preferred: true, safe: !value.resolved.origin })],
        });
        continue;
      }
      const version = CLASSIC_ELB_PROTOCOL_ATTRIBUTES[key.text];
      if (!version || meetsMinimum(version, required) || value.text.toLowerCase() !== 'true') continue;
      context.report({
        span: key.attribute.span,
        message: `${name} enables ${key.text}, which accepts ${protocolLabel(version)}; policy requires TLS ${required} or higher`,
        fixes: [fix(`Disable ${key.text}`, setAttribute(pair, 'value', '"false"'), { preferred: true, safe: !value.resolved.origin })],
      });
    }
  }
}

/** Server parameters that set a flexible server's TLS floor, and the value a fix writes per minimum. */
const FLEXIBLE_SERVER_PARAMETERS: ReadonlyArray<{ resourceType: string; parameter: string; compliant: Record<'1.2' | '1.3', string> }> = [
  { resourceType: 'azurerm_mysql_flexible_server_configuration', parameter: 'tls_version', compliant: { '1.2': 'TLSv1.2', '1.3': 'TLSv1.3' } },
  { resourceType: 'azurerm_postgresql_flexible_server_configuration', parameter: 'ssl_min_protocol_version', compliant: { '1.2': 'TLSv1.2', '1.3': 'TLSv1.3' } },
];

export function checkFlexibleServerParameters(context: RuleContext): void {
  const tf = terraformFile(context.file);
  const minimum: TlsVersion = context.options.minTlsVersion;
  const required = compareTls(minimum, '1.2') < 0 ? minimum : (minimum as '1.2' | '1.3');
  for (const entry of FLEXIBLE_SERVER_PARAMETERS) {
    for (const configuration of resources(tf, entry.resourceType)) {
      if (literal(configuration, 'name', context)?.text !== entry.parameter) continue;
      const value = literal(configuration, 'value', context);
      if (!value || value.text === undefined) continue;
      const floor = flexibleServerProtocolMinTls(value.text);
      if (!floor || meetsMinimum(floor, required)) continue;
      const compliant = entry.compliant[required as '1.2' | '1.3'] ?? entry.compliant['1.2'];
      context.report({
        span: value.attribute.span,
        message: `${blockAddress(configuration)} sets ${entry.parameter} = "${value.text}"${originSuffix(value.resolved)}, which accepts ${protocolLabel(floor)}; policy requires TLS ${required} or higher`,
        related: originRelated(value.resolved),
        fixes: [fix(`Set value = "${compliant}"`, setAttribute(configuration, 'value', `"${compliant}"`), { preferred: true, safe: !value.resolved.origin })],
      });
    }
  }
}

/** Blocks whose boolean attributes switch old protocols on (they default to off, so only `true` is a finding). */
const PROTOCOL_SWITCHES: ReadonlyArray<{ resourceType: string; block: string; switches: Readonly<Record<string, ProtocolVersion>> }> = [
  { resourceType: 'azurerm_api_management', block: 'security', switches: AZURE_API_MANAGEMENT_PROTOCOL_SWITCHES },
];

export function checkProtocolSwitches(context: RuleContext): void {
  const tf = terraformFile(context.file);
  const required = context.options.minTlsVersion;
  for (const entry of PROTOCOL_SWITCHES) {
    for (const resource of resources(tf, entry.resourceType)) {
      for (const block of childBlocks(resource, entry.block)) {
        for (const attribute of block.attributes) {
          const version = entry.switches[attribute.name];
          if (!version || meetsMinimum(version, required)) continue;
          const resolved = resolveValue(attribute.value, context.module());
          const on = resolved.value.kind === 'bool' ? resolved.value.value : literalString(resolved.value) === 'true';
          if (!on) continue;
          context.report({
            span: attribute.span,
            message: `${blockAddress(resource)} sets ${entry.block}.${attribute.name} = true${originSuffix(resolved)}, which accepts ${protocolLabel(version)}; policy requires TLS ${required} or higher`,
            related: originRelated(resolved),
            fixes: [fix(`Set ${attribute.name} = false`, setAttribute(block, attribute.name, 'false'), { preferred: true, safe: !resolved.origin })],
          });
        }
      }
    }
  }
}
