// kms-key-rotation for azurerm_key_vault_key (and Managed HSM keys): Key Vault rotates a key only under a `rotation_policy`
// with an `automatic` trigger. The trigger fires either `time_after_creation` after each version is
// created, or `time_before_expiry` ahead of the version's expiry (`expire_after`); the rotation
// interval is therefore `time_after_creation`, else `expire_after - time_before_expiry`.
import { fix, indentSnippet, indentationAt, indentUnit } from '../../server/src/engine/fix';
import { insertNestedBlock, setAttribute } from '../../server/src/engine/terraform/edits';
import { attr, childBlocks, literalString, resources, terraformFile, type TfAttribute, type TfBlock } from '../../server/src/engine/terraform/model';
import { resolveValue, type ResolvedValue } from '../../server/src/engine/terraform/module';
import type { Fix } from '../../server/src/engine/types';
import type { RuleContext } from '../define';
import { formatDays, isoDurationDays } from './durations';
import { originRelated, originSuffix } from '../../server/src/engine/terraform/value-origin';
import { hasDynamicBlock } from '../../server/src/engine/terraform/setting-path';

/** How far ahead of expiry the inserted policy rotates: Azure's portal default. */
const ROTATE_BEFORE_EXPIRY_DAYS = 30;

/** The `rotation_policy` block the fix inserts: rotates every `maxDays` at the latest. */
export function azureRotationPolicySnippet(maxDays: number): string {
  // time_before_expiry must leave a positive interval; short maxima rotate after creation instead.
  if (maxDays > 2 * ROTATE_BEFORE_EXPIRY_DAYS) {
    return `rotation_policy {\n  automatic {\n    time_before_expiry = "P${ROTATE_BEFORE_EXPIRY_DAYS}D"\n  }\n\n  expire_after = "P${maxDays}D"\n}`;
  }
  return `rotation_policy {\n  automatic {\n    time_after_creation = "P${maxDays}D"\n  }\n\n  expire_after = "P${maxDays * 2}D"\n}`;
}

/**
 * The trigger to add to a policy that has none: rotate 30 days before the existing expiry when that
 * lands within the maximum, else a fixed time after creation that comes before the key expires.
 */
function triggerFor(expireDays: number | undefined, maxDays: number): string {
  if (expireDays !== undefined && expireDays > ROTATE_BEFORE_EXPIRY_DAYS && expireDays - ROTATE_BEFORE_EXPIRY_DAYS <= maxDays) {
    return `time_before_expiry = "P${ROTATE_BEFORE_EXPIRY_DAYS}D"`;
  }
  const days = expireDays !== undefined && expireDays <= maxDays ? Math.max(1, Math.floor(expireDays) - 1) : maxDays;
  return `time_after_creation = "P${days}D"`;
}

interface Duration {
  attribute: TfAttribute;
  resolved: ResolvedValue;
  /** Undefined when the value is not a literal we can read (interpolation, unknown variable). */
  days: number | undefined;
}

function duration(block: TfBlock | undefined, name: string, context: RuleContext): Duration | undefined {
  const attribute = block && attr(block, name);
  if (!attribute) return undefined;
  const resolved = resolveValue(attribute.value, context.module());
  const text = literalString(resolved.value);
  return { attribute, resolved, days: text === undefined ? undefined : isoDurationDays(text) };
}

/** Replaces a duration at its use site; not safe when that drops a variable the user chose. */
function setDurationFix(block: TfBlock, d: Duration, days: number): Fix {
  return fix(`Set ${d.attribute.name} = "P${days}D"`, setAttribute(block, d.attribute.name, `"P${days}D"`), { safe: !d.resolved.origin, preferred: true });
}

export function checkAzureKeyVaultKeys(context: RuleContext): void {
  const tf = terraformFile(context.file);
  const maxDays = context.options.maxRotationDays;
  for (const key of resources(tf, 'azurerm_key_vault_key', 'azurerm_key_vault_managed_hardware_security_module_key')) {
    const name = `${key.labels[0]}.${key.labels[1] ?? ''}`;
    const policy = childBlocks(key, 'rotation_policy')[0];
    // `dynamic "rotation_policy"` (or a dynamic trigger) is built from data we cannot evaluate.
    if (hasDynamicBlock(key, 'rotation_policy') || (policy && hasDynamicBlock(policy, 'automatic'))) continue;
    if (!policy) {
      context.report({
        span: key.headerSpan,
        message: `${name} has no rotation_policy, so Key Vault never rotates it automatically`,
        fixes: [fix(`Add a rotation_policy rotating within ${maxDays} days`, insertNestedBlock(key, azureRotationPolicySnippet(maxDays)), { preferred: true })],
      });
      continue;
    }
    const automatic = childBlocks(policy, 'automatic')[0];
    const afterCreation = duration(automatic, 'time_after_creation', context);
    const beforeExpiry = duration(automatic, 'time_before_expiry', context);
    const expireAfter = duration(policy, 'expire_after', context);
    if (!afterCreation && !beforeExpiry) {
      const snippet = `automatic {\n  ${triggerFor(expireAfter?.days, maxDays)}\n}`;
      context.report({
        span: automatic ? automatic.headerSpan : policy.headerSpan,
        message: `${name} has a rotation_policy without an automatic rotation trigger (time_after_creation or time_before_expiry), so the key only expires and is never rotated`,
        // An empty `automatic {}` is replaced wholesale; a missing one is appended to the policy.
        fixes: automatic
          ? [fix('Add an automatic rotation trigger', [{ span: automatic.span, newText: indentSnippet(snippet, indentationAt(key.file, automatic.span.start), key.file.eol, indentUnit(key.file)) }], { preferred: true })]
          : [fix('Add an automatic rotation trigger', insertNestedBlock(policy, snippet), { preferred: true })],
      });
      continue;
    }
    if (afterCreation) {
      if (afterCreation.days !== undefined && afterCreation.days > maxDays) {
        context.report({
          span: afterCreation.attribute.span,
          message: `${name} rotates ${formatDays(afterCreation.days)} days after creation${originSuffix(afterCreation.resolved)}; policy requires at most ${maxDays}`,
          related: originRelated(afterCreation.resolved),
          fixes: [setDurationFix(automatic!, afterCreation, maxDays)],
        });
      }
      continue;
    }
    // Only time_before_expiry: the interval depends on expire_after.
    if (!beforeExpiry || beforeExpiry.days === undefined) continue;
    if (!expireAfter) {
      context.report({
        span: beforeExpiry.attribute.span,
        message: `${name} rotates ${formatDays(beforeExpiry.days)} days before expiry, but the rotation_policy sets no expire_after, so that trigger never fires`,
        fixes: [fix(`Set expire_after = "P${maxDays}D"`, setAttribute(policy, 'expire_after', `"P${maxDays}D"`), { preferred: true, safe: beforeExpiry.days < maxDays })],
      });
      continue;
    }
    if (expireAfter.days === undefined) continue;
    const interval = expireAfter.days - beforeExpiry.days;
    if (interval > maxDays) {
      context.report({
        span: expireAfter.attribute.span,
        message: `${name} rotates every ${formatDays(interval)} days (expire_after ${formatDays(expireAfter.days)} days minus time_before_expiry ${formatDays(beforeExpiry.days)})${originSuffix(expireAfter.resolved)}; policy requires at most ${maxDays}`,
        related: originRelated(expireAfter.resolved),
        fixes: [setDurationFix(policy, expireAfter, maxDays)],
      });
    }
  }
}
