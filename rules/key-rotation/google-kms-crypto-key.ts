// kms-key-rotation for google_kms_crypto_key: Cloud KMS rotates a key on a schedule only when
// `rotation_period` is set ("<seconds>s"). Only symmetric ENCRYPT_DECRYPT keys can rotate
// automatically, so asymmetric and MAC keys are out of scope, as are imported and external keys.
import { fix } from '../../server/src/engine/fix';
import { insertAttribute, setAttribute } from '../../server/src/engine/terraform/edits';
import { attr, childBlocks, literalString, resources, terraformFile } from '../../server/src/engine/terraform/model';
import { resolveValue } from '../../server/src/engine/terraform/module';
import type { RuleContext } from '../define';
import { formatDays, secondsDurationDays } from './durations';
import { originRelated, originSuffix } from '../../server/src/engine/terraform/value-origin';

const SECONDS_PER_DAY = 86400;

export function checkGoogleKmsCryptoKeys(context: RuleContext): void {
  const tf = terraformFile(context.file);
  const maxDays = context.options.maxRotationDays;
  const compliant = `"${maxDays * SECONDS_PER_DAY}s"`;
  for (const key of resources(tf, 'google_kms_crypto_key')) {
    const purposeAttr = attr(key, 'purpose');
    const purpose = purposeAttr ? literalString(resolveValue(purposeAttr.value, context.module()).value) : 'ENCRYPT_DECRYPT';
    // An unresolvable purpose could be asymmetric: do not guess.
    if (purpose !== 'ENCRYPT_DECRYPT') continue;
    // Imported and externally managed key material cannot be rotated by Cloud KMS.
    const importOnly = attr(key, 'import_only');
    if (importOnly && literalString(resolveValue(importOnly.value, context.module()).value) === 'true') continue;
    const template = childBlocks(key, 'version_template')[0];
    const protection = template && attr(template, 'protection_level');
    const protectionLevel = protection && literalString(resolveValue(protection.value, context.module()).value);
    if (protectionLevel && protectionLevel.startsWith('EXTERNAL')) continue;
    const name = `google_kms_crypto_key.${key.labels[1] ?? ''}`;
    const period = attr(key, 'rotation_period');
    if (!period) {
      context.report({
        span: key.headerSpan,
        message: `${name} has no rotation_period, so Cloud KMS never rotates it automatically`,
        fixes: [fix(`Set rotation_period = ${compliant} (${maxDays} days)`, insertAttribute(key, 'rotation_period', compliant), { preferred: true })],
      });
      continue;
    }
    const resolved = resolveValue(period.value, context.module());
    const text = literalString(resolved.value);
    const days = text === undefined ? undefined : secondsDurationDays(text);
    if (days === undefined || days <= maxDays) continue;
    context.report({
      span: period.span,
      message: `${name} rotates every ${formatDays(days)} days (rotation_period = "${text}")${originSuffix(resolved)}; policy requires at most ${maxDays}`,
      related: originRelated(resolved),
      fixes: [fix(`Set rotation_period = ${compliant} (${maxDays} days)`, setAttribute(key, 'rotation_period', compliant), { preferred: true, safe: !resolved.origin })],
    });
  }
}
