// kms-key-rotation for AWS CDK: `kms.Key` needs `enableKeyRotation: true` (it defaults to false) and a
// `rotationPeriod` no longer than the policy maximum; the L1 `kms.CfnKey` likewise with
// `enableKeyRotation`/`rotationPeriodInDays`.
import { constructsOf, describeConstruct, type CdkConstruct } from '../../../server/src/engine/cdk/constructs';
import { cdkEnumMember, durationDays, durationDaysText, setConstructPropFix } from '../../../server/src/engine/cdk/values';
import { fix } from '../../../server/src/engine/fix';
import type { SourceFile } from '../../../server/src/engine/source';
import { setPropertyValue } from '../../../server/src/engine/typescript/edits';
import { booleanValue, numberValue, spanOf, stringValue } from '../../../server/src/engine/typescript/nodes';
import { hasOpaqueSpread, propertyValue } from '../../../server/src/engine/typescript/objects';
import { originRelated, originSuffix } from '../../../server/src/engine/typescript/values';
import type { RuleContext } from '../../define';
import { formatDays } from '../durations';

/** Only symmetric encryption keys of AWS-made material rotate; an unreadable spec gets the benefit of the doubt. */
function canRotate(file: SourceFile, key: CdkConstruct, l1: boolean): boolean {
  if (!key.props) return !key.opaqueProps;
  const read = (name: string, enumName: string, fallback: string): string | undefined => {
    const value = propertyValue(file, key.props!.object, name);
    if (!value) return fallback;
    return l1 ? stringValue(value.node) : cdkEnumMember(file, value.node, 'kms', enumName);
  };
  const origin = l1 ? read('origin', '', 'AWS_KMS') : 'AWS_KMS';
  return read('keySpec', 'KeySpec', 'SYMMETRIC_DEFAULT') === 'SYMMETRIC_DEFAULT' && read('keyUsage', 'KeyUsage', 'ENCRYPT_DECRYPT') === 'ENCRYPT_DECRYPT' && origin === 'AWS_KMS';
}

export function checkCdkKmsKeyRotation(context: RuleContext): void {
  const { file } = context;
  const maxDays = context.options.maxRotationDays;
  for (const key of constructsOf(file, 'kms', 'Key', 'CfnKey')) {
    const l1 = key.symbol.path[0] === 'CfnKey';
    if (key.opaqueProps || !canRotate(file, key, l1)) continue;
    const name = describeConstruct(key);
    const rotation = key.props && propertyValue(file, key.props.object, 'enableKeyRotation');
    if (!rotation) {
      // A spread may carry the setting: do not guess.
      if (key.props && hasOpaqueSpread(file, key.props.object)) continue;
      context.report({
        span: key.headSpan,
        message: `${name} does not enable automatic key rotation (enableKeyRotation is unset, and defaults to false)`,
        fixes: setConstructPropFix(file, key, 'Set enableKeyRotation: true', 'enableKeyRotation', 'true'),
      });
      continue;
    }
    if (booleanValue(rotation.node) === false) {
      context.report({
        span: spanOf(rotation.property),
        message: `${name} disables automatic key rotation${originSuffix(rotation)}`,
        related: originRelated(rotation),
        // A value from a const or a spread default is shared with other code: offered, not applied.
        fixes: [fix('Set enableKeyRotation: true', setPropertyValue(file, rotation.property, 'true'), { preferred: true, safe: !rotation.origin && key.props!.object.properties.includes(rotation.property) })],
      });
      continue;
    }
    const periodName = l1 ? 'rotationPeriodInDays' : 'rotationPeriod';
    const period = propertyValue(file, key.props!.object, periodName);
    if (!period) continue;
    const days = l1 ? numberValue(period.node) : durationDays(file, period.property.value as never);
    if (days === undefined || days <= maxDays) continue;
    const replacement = l1 ? String(maxDays) : durationDaysText(file, period.node, maxDays);
    context.report({
      span: spanOf(period.property),
      message: `${name} rotates every ${formatDays(days)} days${originSuffix(period)}; policy requires at most ${maxDays}`,
      related: originRelated(period),
      fixes: replacement
        ? [fix(`Set ${periodName} to ${maxDays} days`, setPropertyValue(file, period.property, replacement), { preferred: true, safe: !period.origin })]
        : [],
    });
  }
}
