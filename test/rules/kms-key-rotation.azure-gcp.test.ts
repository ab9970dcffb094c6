import * as assert from 'node:assert/strict';
import { kmsKeyRotation } from '../../rules/key-rotation/kms-key-rotation';
import { formatDays, isoDurationDays, secondsDurationDays } from '../../rules/key-rotation/durations';
import { ruleTester } from '../support/rule-tester';

describe('rotation durations', () => {
  it('reads ISO-8601 durations in days', () => {
    assert.equal(isoDurationDays('P30D'), 30);
    assert.equal(isoDurationDays('P1Y'), 365);
    assert.equal(isoDurationDays('P3M'), 90);
    assert.equal(isoDurationDays('P2W'), 14);
    assert.equal(isoDurationDays('P1Y6M'), 545);
    assert.equal(isoDurationDays('PT48H'), 2);
    assert.equal(isoDurationDays('P'), undefined);
    assert.equal(isoDurationDays('30 days'), undefined);
  });
  it('reads Cloud KMS second counts in days', () => {
    assert.equal(secondsDurationDays('7776000s'), 90);
    assert.equal(secondsDurationDays('86400.0s'), 1);
    assert.equal(secondsDurationDays('90d'), undefined);
  });
  it('prints periods without noise', () => {
    assert.equal(formatDays(900.0001), '900');
    assert.equal(formatDays(1.5), '1.5');
  });
});

const AZ_HEAD = 'resource "azurerm_key_vault_key" "k" {\n  name         = "k"\n  key_vault_id = azurerm_key_vault.v.id\n  key_type     = "RSA"\n';

ruleTester(kmsKeyRotation, {
  valid: [
    { name: 'azure: rotates 30 days before a 365-day expiry', code: AZ_HEAD + '\n  rotation_policy {\n    automatic {\n      time_before_expiry = "P30D"\n    }\n    expire_after = "P1Y"\n  }\n}\n' },
    { name: 'azure: rotates 90 days after creation', code: AZ_HEAD + '\n  rotation_policy {\n    automatic {\n      time_after_creation = "P3M"\n    }\n  }\n}\n' },
    { name: 'azure: interpolated duration is not guessed', code: AZ_HEAD + '\n  rotation_policy {\n    automatic {\n      time_after_creation = "P${var.days}D"\n    }\n  }\n}\n' },
    { name: 'google: imported key material cannot rotate', code: 'resource "google_kms_crypto_key" "k" {\n  import_only = true\n}\n' },
    { name: 'google: external keys cannot rotate', code: 'resource "google_kms_crypto_key" "k" {\n  version_template {\n    algorithm        = "EXTERNAL_SYMMETRIC_ENCRYPTION"\n    protection_level = "EXTERNAL"\n  }\n}\n' },
    { name: 'aws: keys in a custom key store cannot rotate', code: 'resource "aws_kms_key" "k" {\n  custom_key_store_id = aws_kms_custom_key_store.hsm.id\n}\n' },
    { name: 'aws: explicit period within a stricter maximum', options: { maxRotationDays: 180 }, code: 'resource "aws_kms_key" "k" {\n  enable_key_rotation     = true\n  rotation_period_in_days = 90\n}\n' },
    { name: 'google: 90 days', code: 'resource "google_kms_crypto_key" "k" {\n  name            = "k"\n  rotation_period = "7776000s"\n}\n' },
    { name: 'google: exactly the maximum', code: 'resource "google_kms_crypto_key" "k" {\n  rotation_period = "31536000s"\n}\n' },
    { name: 'google: asymmetric keys cannot rotate', code: 'resource "google_kms_crypto_key" "k" {\n  purpose = "ASYMMETRIC_SIGN"\n}\n' },
    { name: 'google: stricter maximum honoured', options: { maxRotationDays: 90 }, code: 'resource "google_kms_crypto_key" "k" {\n  rotation_period = "7776000s"\n}\n' },
    { name: 'azure: dynamic rotation_policy is not guessed', code: AZ_HEAD + '\n  dynamic "rotation_policy" {\n    for_each = var.policies\n    content {\n      expire_after = rotation_policy.value\n    }\n  }\n}\n' },
    { name: 'half-typed azure key does not crash', code: 'resource "azurerm_key_vault_key" "k" {\n  rotation_policy {\n    automatic {\n      time_before_expiry =\n' },
  ],
  invalid: [
    {
      name: 'azure: no rotation_policy',
      code: AZ_HEAD + '}\n',
      errors: [{ message: 'azurerm_key_vault_key.k has no rotation_policy', line: 1 }],
      output: AZ_HEAD + '\n  rotation_policy {\n    automatic {\n      time_before_expiry = "P30D"\n    }\n\n    expire_after = "P365D"\n  }\n}\n',
    },
    {
      name: 'azure: stricter maximum yields a creation-based trigger',
      options: { maxRotationDays: 30 },
      code: 'resource "azurerm_key_vault_key" "k" {}\n',
      errors: 1,
      output: 'resource "azurerm_key_vault_key" "k" {\n  rotation_policy {\n    automatic {\n      time_after_creation = "P30D"\n    }\n\n    expire_after = "P60D"\n  }\n}\n',
    },
    {
      name: 'azure: policy only expires',
      code: AZ_HEAD + '\n  rotation_policy {\n    expire_after         = "P90D"\n    notify_before_expiry = "P29D"\n  }\n}\n',
      errors: [{ message: 'without an automatic rotation trigger', line: 6 }],
      output: AZ_HEAD + '\n  rotation_policy {\n    expire_after         = "P90D"\n    notify_before_expiry = "P29D"\n\n    automatic {\n      time_before_expiry = "P30D"\n    }\n  }\n}\n',
    },
    {
      name: 'azure: policy only expires, two years out: the trigger counts from creation',
      code: AZ_HEAD + '\n  rotation_policy {\n    expire_after = "P2Y"\n  }\n}\n',
      errors: [{ message: 'without an automatic rotation trigger', line: 6 }],
      output: AZ_HEAD + '\n  rotation_policy {\n    expire_after = "P2Y"\n\n    automatic {\n      time_after_creation = "P365D"\n    }\n  }\n}\n',
    },
    {
      name: 'azure: policy only expires, after 20 days: rotates the day before',
      code: AZ_HEAD + '\n  rotation_policy {\n    expire_after = "P20D"\n  }\n}\n',
      errors: 1,
      output: AZ_HEAD + '\n  rotation_policy {\n    expire_after = "P20D"\n\n    automatic {\n      time_after_creation = "P19D"\n    }\n  }\n}\n',
    },
    {
      name: 'azure: empty automatic block',
      code: AZ_HEAD + '\n  rotation_policy {\n    automatic {}\n  }\n}\n',
      errors: [{ message: 'without an automatic rotation trigger', line: 7 }],
      output: AZ_HEAD + '\n  rotation_policy {\n    automatic {\n      time_after_creation = "P365D"\n    }\n  }\n}\n',
    },
    {
      name: 'azure: rotates two years after creation',
      code: AZ_HEAD + '\n  rotation_policy {\n    automatic {\n      time_after_creation = "P2Y"\n    }\n  }\n}\n',
      errors: [{ message: 'rotates 730 days after creation; policy requires at most 365', line: 8 }],
      output: AZ_HEAD + '\n  rotation_policy {\n    automatic {\n      time_after_creation = "P365D"\n    }\n  }\n}\n',
    },
    {
      name: 'azure: expiry too far out, through a local value',
      code: AZ_HEAD + '\n  rotation_policy {\n    automatic {\n      time_before_expiry = "P30D"\n    }\n    expire_after = local.key_lifetime\n  }\n}\n',
      moduleFiles: [{ path: 'locals.tf', text: 'locals {\n  key_lifetime = "P2Y"\n}\n' }],
      errors: [{ message: 'rotates every 700 days (expire_after 730 days minus time_before_expiry 30) (from the local value "key_lifetime")', line: 10 }],
      output: null,
      fixes: [{ title: 'Set expire_after = "P365D"', safe: false, output: AZ_HEAD + '\n  rotation_policy {\n    automatic {\n      time_before_expiry = "P30D"\n    }\n    expire_after = "P365D"\n  }\n}\n' }],
    },
    {
      name: 'azure: time_before_expiry without expire_after never fires',
      code: AZ_HEAD + '\n  rotation_policy {\n    automatic {\n      time_before_expiry = "P30D"\n    }\n  }\n}\n',
      errors: [{ message: 'sets no expire_after', line: 8 }],
      output: AZ_HEAD + '\n  rotation_policy {\n    expire_after = "P365D"\n    automatic {\n      time_before_expiry = "P30D"\n    }\n  }\n}\n',
    },
    {
      name: 'azure: Managed HSM key without rotation_policy',
      code: 'resource "azurerm_key_vault_managed_hardware_security_module_key" "k" {\n  name           = "k"\n  managed_hsm_id = azurerm_key_vault_managed_hardware_security_module.hsm.id\n  key_type       = "EC-HSM"\n}\n',
      errors: [{ message: 'azurerm_key_vault_managed_hardware_security_module_key.k has no rotation_policy', line: 1 }],
      output: 'resource "azurerm_key_vault_managed_hardware_security_module_key" "k" {\n  name           = "k"\n  managed_hsm_id = azurerm_key_vault_managed_hardware_security_module.hsm.id\n  key_type       = "EC-HSM"\n\n  rotation_policy {\n    automatic {\n      time_before_expiry = "P30D"\n    }\n\n    expire_after = "P365D"\n  }\n}\n',
    },
    {
      name: 'aws: stricter maximum than the 365-day default: fix-all enables rotation, then shortens it',
      options: { maxRotationDays: 180 },
      code: 'resource "aws_kms_key" "k" {\n  description = "x"\n}\n',
      errors: [{ message: 'does not enable automatic key rotation', line: 1 }],
      output: 'resource "aws_kms_key" "k" {\n  description             = "x"\n  enable_key_rotation     = true\n  rotation_period_in_days = 180\n}\n',
    },
    {
      name: 'aws: default period above a stricter maximum',
      options: { maxRotationDays: 180 },
      code: 'resource "aws_kms_key" "k" {\n  enable_key_rotation = true\n}\n',
      errors: [{ message: 'rotates every 365 days (the default, as rotation_period_in_days is unset); policy requires at most 180', line: 2 }],
      output: 'resource "aws_kms_key" "k" {\n  enable_key_rotation     = true\n  rotation_period_in_days = 180\n}\n',
    },
    {
      name: 'aws: a maximum below what AWS can rotate automatically has no fix',
      options: { maxRotationDays: 30 },
      code: 'resource "aws_kms_key" "k" {\n  enable_key_rotation     = true\n  rotation_period_in_days = 90\n}\n',
      errors: [{ message: 'AWS KMS rotates automatically at most every 90 days', line: 3 }],
      output: null,
    },
    {
      name: 'google: no rotation_period',
      code: 'resource "google_kms_crypto_key" "k" {\n  name     = "k"\n  key_ring = google_kms_key_ring.r.id\n}\n',
      errors: [{ message: 'google_kms_crypto_key.k has no rotation_period', line: 1 }],
      output: 'resource "google_kms_crypto_key" "k" {\n  name            = "k"\n  key_ring        = google_kms_key_ring.r.id\n  rotation_period = "31536000s"\n}\n',
    },
    {
      name: 'google: period above the maximum',
      code: 'resource "google_kms_crypto_key" "k" {\n  name            = "k"\n  rotation_period = "77760000s"\n}\n',
      errors: [{ message: 'rotates every 900 days (rotation_period = "77760000s"); policy requires at most 365', line: 3 }],
      output: 'resource "google_kms_crypto_key" "k" {\n  name            = "k"\n  rotation_period = "31536000s"\n}\n',
    },
    {
      name: 'google: period from a variable default is reported at the use site',
      code: 'resource "google_kms_crypto_key" "k" {\n  rotation_period = var.period\n}\n',
      moduleFiles: [{ path: 'variables.tf', text: 'variable "period" {\n  default = "63072000s"\n}\n' }],
      errors: [{ message: 'from the default of variable "period"', line: 2 }],
      output: null,
    },
    {
      name: 'google: stricter maximum',
      options: { maxRotationDays: 90 },
      code: 'resource "google_kms_crypto_key" "k" {\n  rotation_period = "15552000s"\n}\n',
      errors: [{ message: 'every 180 days', line: 2 }],
      output: 'resource "google_kms_crypto_key" "k" {\n  rotation_period = "7776000s"\n}\n',
    },
  ],
});
