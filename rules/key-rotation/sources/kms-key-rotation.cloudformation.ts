// kms-key-rotation for CloudFormation/SAM: `AWS::KMS::Key` needs `EnableKeyRotation: true` (it defaults
// to false), and `RotationPeriodInDays` no longer than the policy maximum.
import { setPath, setResourceProperty } from '../../../server/src/engine/cloudformation/edits';
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
import { get, pair, scalarBool, scalarNumber } from '../../../server/src/engine/yaml/data';
import type { RuleContext } from '../../define';

/**
 * Automatic rotation exists only for symmetric encryption keys of AWS-generated material: asymmetric,
 * HMAC and imported (`Origin: EXTERNAL`) keys cannot rotate. A spec we cannot read statically gets the
 * benefit of the doubt.
 */
function canRotate(template: CfnTemplate, key: CfnResource): boolean {
  const read = (name: string, fallback: string): string | undefined => {
    const node = get(key.properties, name);
    if (!node) return fallback;
    const resolved = resolveParameter(template, node);
    return literalString(resolved.node);
  };
  return read('KeySpec', 'SYMMETRIC_DEFAULT') === 'SYMMETRIC_DEFAULT' && read('KeyUsage', 'ENCRYPT_DECRYPT') === 'ENCRYPT_DECRYPT' && read('Origin', 'AWS_KMS') === 'AWS_KMS';
}

export function checkCloudFormationKmsKeys(context: RuleContext): void {
  const template = cfnTemplate(context.file);
  const maxDays = context.options.maxRotationDays;
  for (const key of resourcesOfType(template, 'AWS::KMS::Key')) {
    if (!canRotate(template, key)) continue;
    const name = describeResource(key);
    const rotation = pair(key.properties, 'EnableKeyRotation');
    if (!rotation?.value) {
      context.report({
        span: key.pair.keySpan,
        message: `${name} does not enable automatic key rotation (EnableKeyRotation is unset, and defaults to false)`,
        fixes: [fix('Set EnableKeyRotation: true', setResourceProperty(context.file, template, key, ['EnableKeyRotation'], true), { preferred: true })],
      });
      continue;
    }
    const resolved = resolveParameter(template, rotation.value);
    if (scalarBool(resolved.node) === false) {
      context.report({
        span: rotation.span,
        message: `${name} disables automatic key rotation${parameterSuffix(resolved)}`,
        related: parameterRelated(resolved),
        // Replacing a parameter reference changes what the parameter controls: offered, not applied.
        fixes: [fix('Set EnableKeyRotation: true', setPath(context.file, template, key.properties!, ['EnableKeyRotation'], true), { preferred: true, safe: !resolved.parameter })],
      });
      continue;
    }
    const period = pair(key.properties, 'RotationPeriodInDays');
    if (!period?.value) continue;
    const resolvedDays = resolveParameter(template, period.value);
    const days = scalarNumber(resolvedDays.node);
    if (days !== undefined && days > maxDays) {
      context.report({
        span: period.span,
        message: `${name} rotates every ${days} days${parameterSuffix(resolvedDays)}; policy requires at most ${maxDays}`,
        related: parameterRelated(resolvedDays),
        fixes: [fix(`Set RotationPeriodInDays: ${maxDays}`, setPath(context.file, template, key.properties!, ['RotationPeriodInDays'], maxDays), { preferred: true, safe: !resolvedDays.parameter })],
      });
    }
  }
}
