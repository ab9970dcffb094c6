// kms-key-rotation: customer-managed keys rotate automatically, at least as often as policy demands.
import { fix } from '../../server/src/engine/fix';
import { setAttribute, insertAttribute } from '../../server/src/engine/terraform/edits';
import { attr, literalString, resources, terraformFile, type TfBlock } from '../../server/src/engine/terraform/model';
import { resolveValue } from '../../server/src/engine/terraform/module';
import { defineRule, type RuleContext } from '../define';
import { checkAzureKeyVaultKeys } from './azure-key-vault-key';
import { checkGoogleKmsCryptoKeys } from './google-kms-crypto-key';
import { originRelated, originSuffix } from '../../server/src/engine/terraform/value-origin';
import { checkCloudFormationKmsKeys } from './sources/kms-key-rotation.cloudformation';
import { checkCdkKmsKeyRotation } from './sources/kms-key-rotation.cdk';

/** What AWS KMS does without `rotation_period_in_days`, and the shortest period it accepts. */
const AWS_DEFAULT_ROTATION_DAYS = 365;
const AWS_MIN_ROTATION_DAYS = 90;

/** Only symmetric encryption keys support automatic rotation in AWS KMS. */
function isSymmetricEncryptionKey(block: TfBlock, context: RuleContext): boolean {
  const spec = attr(block, 'customer_master_key_spec') ?? attr(block, 'key_spec');
  const usage = attr(block, 'key_usage');
  const specValue = spec ? literalString(resolveValue(spec.value, context.module()).value) : 'SYMMETRIC_DEFAULT';
  const usageValue = usage ? literalString(resolveValue(usage.value, context.module()).value) : 'ENCRYPT_DECRYPT';
  // An unresolvable spec could be anything: give it the benefit of the doubt.
  if (specValue === undefined || usageValue === undefined) return false;
  return specValue === 'SYMMETRIC_DEFAULT' && usageValue === 'ENCRYPT_DECRYPT';
}

function checkTerraform(context: RuleContext): void {
  checkAwsKmsKeys(context);
  checkAzureKeyVaultKeys(context);
  checkGoogleKmsCryptoKeys(context);
}

function checkAwsKmsKeys(context: RuleContext): void {
  const tf = terraformFile(context.file);
  const maxDays = context.options.maxRotationDays;
  for (const key of resources(tf, 'aws_kms_key')) {
    if (!isSymmetricEncryptionKey(key, context)) continue;
    // Keys in a custom key store (CloudHSM, external) cannot rotate automatically.
    const keyStore = attr(key, 'custom_key_store_id');
    if (keyStore && keyStore.value.kind !== 'null') continue;
    const name = `aws_kms_key.${key.labels[1] ?? ''}`;
    const rotation = attr(key, 'enable_key_rotation');
    if (!rotation) {
      context.report({
        span: key.headerSpan,
        message: `${name} does not enable automatic key rotation (enable_key_rotation is unset, and defaults to false)`,
        fixes: [fix('Set enable_key_rotation = true', insertAttribute(key, 'enable_key_rotation', 'true'), { preferred: true })],
      });
      continue;
    }
    const resolved = resolveValue(rotation.value, context.module());
    const value = resolved.value;
    if ((value.kind === 'bool' && !value.value) || (value.kind === 'string' && value.value === 'false')) {
      context.report({
        span: rotation.span,
        message: `${name} disables automatic key rotation${originSuffix(resolved)}`,
        related: originRelated(resolved),
        fixes: [fix('Set enable_key_rotation = true', [{ span: rotation.value.span, newText: 'true' }], { preferred: true })],
      });
      continue;
    }
    // AWS rotates every 90 to 2560 days; a stricter policy can only be met by on-demand rotation.
    const reachable = maxDays >= AWS_MIN_ROTATION_DAYS;
    const unreachableNote = reachable ? '' : ` (AWS KMS rotates automatically at most every ${AWS_MIN_ROTATION_DAYS} days; rotate on demand to meet this policy)`;
    const period = attr(key, 'rotation_period_in_days');
    if (!period) {
      if (maxDays >= AWS_DEFAULT_ROTATION_DAYS) continue;
      context.report({
        span: rotation.span,
        message: `${name} rotates every ${AWS_DEFAULT_ROTATION_DAYS} days (the default, as rotation_period_in_days is unset); policy requires at most ${maxDays}${unreachableNote}`,
        fixes: reachable ? [fix(`Set rotation_period_in_days = ${maxDays}`, insertAttribute(key, 'rotation_period_in_days', String(maxDays)), { preferred: true })] : [],
      });
      continue;
    }
    const resolvedDays = resolveValue(period.value, context.module());
    const days = resolvedDays.value;
    if (days.kind === 'number' && days.value > maxDays) {
      context.report({
        span: period.span,
        message: `${name} rotates every ${days.value} days${originSuffix(resolvedDays)}; policy requires at most ${maxDays}${unreachableNote}`,
        related: originRelated(resolvedDays),
        fixes: reachable
          ? [fix(`Set rotation_period_in_days = ${maxDays}`, setAttribute(key, 'rotation_period_in_days', String(maxDays)), { preferred: true, safe: !resolvedDays.origin })]
          : [],
      });
    }
  }
}

export const kmsKeyRotation = defineRule({
  meta: {
    id: 'kms-key-rotation',
    title: 'Customer-managed keys must rotate automatically',
    family: 'key-rotation',
    severity: 'error',
    securitySeverity: 7.0,
    controls: ['SOC 2 CC6.1', 'HIPAA 164.312(a)(2)(iv)', 'OP-POL-001 §3 Key rotation'],
    description: 'Flags customer-managed encryption keys without automatic rotation, or rotating less often than the configured maximum (365 days by default).',
    rationale:
      'A key that never rotates protects ever more data with the same material, so a single compromise exposes years of records. SOC 2 and the encryption policy require automated annual (or stricter) rotation; AWS KMS, Azure Key Vault and Cloud KMS all rotate for free once asked.',
    noncompliant: [
      { language: 'hcl', code: 'resource "aws_kms_key" "data" {\n  description = "customer data"\n}' },
      { language: 'hcl', code: 'resource "azurerm_key_vault_key" "data" {\n  name         = "data"\n  key_vault_id = azurerm_key_vault.main.id\n  key_type     = "RSA"\n  key_size     = 2048\n  key_opts     = ["wrapKey", "unwrapKey"]\n}' },
      { language: 'hcl', code: 'resource "google_kms_crypto_key" "data" {\n  name            = "data"\n  key_ring        = google_kms_key_ring.main.id\n  rotation_period = "63072000s" # two years\n}' },
      { language: 'yaml', code: 'Resources:\n  DataKey:\n    Type: AWS::KMS::Key\n    Properties:\n      Description: customer data' },
      { language: 'typescript', code: 'import * as kms from \'aws-cdk-lib/aws-kms\';\n\nnew kms.Key(this, \'DataKey\', { description: \'customer data\' });' },
    ],
    compliant: [
      { language: 'hcl', code: 'resource "aws_kms_key" "data" {\n  description         = "customer data"\n  enable_key_rotation = true\n}' },
      { language: 'hcl', code: 'resource "azurerm_key_vault_key" "data" {\n  name         = "data"\n  key_vault_id = azurerm_key_vault.main.id\n  key_type     = "RSA"\n  key_size     = 2048\n  key_opts     = ["wrapKey", "unwrapKey"]\n\n  rotation_policy {\n    automatic {\n      time_before_expiry = "P30D"\n    }\n\n    expire_after = "P365D"\n  }\n}' },
      { language: 'hcl', code: 'resource "google_kms_crypto_key" "data" {\n  name            = "data"\n  key_ring        = google_kms_key_ring.main.id\n  rotation_period = "7776000s" # 90 days\n}' },
      { language: 'yaml', code: 'Resources:\n  DataKey:\n    Type: AWS::KMS::Key\n    Properties:\n      Description: customer data\n      EnableKeyRotation: true' },
      { language: 'typescript', code: 'import * as kms from \'aws-cdk-lib/aws-kms\';\n\nnew kms.Key(this, \'DataKey\', { description: \'customer data\', enableKeyRotation: true });' },
    ],
    fix: 'Sets `enable_key_rotation = true` (AWS), adds a `rotation_policy` with an automatic trigger (Azure) or sets `rotation_period` (Google Cloud), or lowers a too-long period to the maximum.',
  },
  check: {
    terraform: checkTerraform,
    'cloudformation-yaml': checkCloudFormationKmsKeys,
    'cloudformation-json': checkCloudFormationKmsKeys,
    typescript: checkCdkKmsKeyRotation,
    javascript: checkCdkKmsKeyRotation,
  },
});
