// Widely used registry modules wrap the resources of the table: `module "db" { source =
// "terraform-aws-modules/rds/aws" }` creates an aws_db_instance whose encryption is the module's
// `storage_encrypted` input. Each entry maps a module's inputs to the same switch/key declarations, with
// the module's own defaults (which changed between major versions).
import { fix } from '../../server/src/engine/fix';
import { setAttribute, insertAttribute } from '../../server/src/engine/terraform/edits';
import { attr, blockAddress, literalString, objectEntry, terraformFile, type TfBlock, type TfValue } from '../../server/src/engine/terraform/model';
import { resolveValue, type TerraformModule } from '../../server/src/engine/terraform/module';
import type { Fix } from '../../server/src/engine/types';
import type { RuleContext } from '../define';
import { classifyKey, moduleBlocks, soleKmsKeyReference } from './customer-key';
import { CMK_REQUIREMENT, requiresCustomerKey } from './terraform-check';
import { isTrue, type Protection } from './terraform-settings';

interface ModuleSetting {
  /** Registry source, without a `//subdir` or `?ref=` suffix. */
  source: RegExp;
  /** What the module creates, for messages. */
  creates: string;
  switch?: {
    input: string;
    /** The module's default by major version; undefined version means a current release. */
    whenUnset: (major: number | undefined) => Protection;
    whenOff?: Exclude<Protection, 'encrypted'>;
  };
  key?: { input: string; whenUnset: Exclude<Protection, 'encrypted'> };
  /** Inputs that are lists of device objects, each with its own `encrypted` key (unset: unencrypted). */
  deviceLists?: readonly string[];
}

export const TERRAFORM_MODULE_SETTINGS: readonly ModuleSetting[] = [
  {
    // storage_encrypted defaulted to false before v5 of the module.
    source: /^terraform-aws-modules\/rds\/aws$/,
    creates: 'an RDS instance',
    switch: { input: 'storage_encrypted', whenUnset: (major) => (major !== undefined && major < 5 ? 'unencrypted' : 'encrypted') },
    key: { input: 'kms_key_id', whenUnset: 'provider-key' },
  },
  {
    source: /^terraform-aws-modules\/rds-aurora\/aws$/,
    creates: 'an Aurora cluster',
    switch: { input: 'storage_encrypted', whenUnset: () => 'encrypted' },
    key: { input: 'kms_key_id', whenUnset: 'provider-key' },
  },
  {
    // Before v4 the module passed no encryption at all; SSE-SQS is the service default since 2022.
    source: /^terraform-aws-modules\/sqs\/aws$/,
    creates: 'an SQS queue',
    switch: { input: 'sqs_managed_sse_enabled', whenUnset: () => 'provider-key', whenOff: 'unencrypted' },
    key: { input: 'kms_master_key_id', whenUnset: 'provider-key' },
  },
  {
    source: /^terraform-aws-modules\/sns\/aws$/,
    creates: 'an SNS topic',
    key: { input: 'kms_master_key_id', whenUnset: 'unencrypted' },
  },
  {
    source: /^terraform-aws-modules\/autoscaling\/aws$/,
    creates: 'a launch configuration/template',
    deviceLists: ['ebs_block_device', 'root_block_device', 'block_device_mappings'],
  },
];

function majorVersion(module: TfBlock, tfModule: TerraformModule | undefined): number | undefined {
  const version = attr(module, 'version');
  const text = version && literalString(resolveValue(version.value, tfModule).value);
  const match = text && /(\d+)/.exec(text);
  return match ? Number(match[1]) : undefined;
}

function sourceOf(module: TfBlock, tfModule: TerraformModule | undefined): string | undefined {
  const source = attr(module, 'source');
  const text = source && literalString(resolveValue(source.value, tfModule).value);
  return text?.replace(/^registry\.terraform\.io\//, '').replace(/(\/\/|\?).*$/, '');
}

function literalOfValue(value: TfValue | undefined, tfModule: TerraformModule | undefined): { text?: string; unset: boolean } {
  if (!value) return { unset: true };
  const resolved = resolveValue(value, tfModule).value;
  if (resolved.kind === 'null') return { unset: true };
  return { text: literalString(resolved), unset: false };
}

function checkDeviceLists(setting: ModuleSetting, module: TfBlock, context: RuleContext): void {
  for (const input of setting.deviceLists ?? []) {
    const list = attr(module, input);
    if (list?.value.kind !== 'tuple') continue;
    for (const device of list.value.items) {
      if (device.kind !== 'object') continue;
      // block_device_mappings nest the volume under `ebs`.
      const volume = objectEntry(device, 'ebs')?.value ?? device;
      if (volume.kind !== 'object' || objectEntry(volume, 'snapshot_id')) continue;
      const encrypted = objectEntry(volume, 'encrypted');
      const { text, unset } = literalOfValue(encrypted?.value, context.module());
      if (!unset && (text === undefined || isTrue(text))) continue;
      context.report({
        span: encrypted?.span ?? device.span,
        message: `${blockAddress(module)} ${input} entry ${encrypted ? `sets encrypted = ${text}` : 'does not set encrypted'}, leaving the volume unencrypted at rest`,
        fixes: encrypted && encrypted.value.kind !== 'null' ? [fix('Set encrypted = true', [{ span: encrypted.value.span, newText: 'true' }], { preferred: true })] : [],
      });
    }
  }
}

function keyFix(module: TfBlock, input: string, keyRef: string | undefined): Fix[] {
  return keyRef ? [fix(`Set ${input} = ${keyRef}`, setAttribute(module, input, keyRef), { safe: false })] : [];
}

function checkModule(setting: ModuleSetting, module: TfBlock, context: RuleContext): void {
  const tfModule = context.module();
  const name = `${blockAddress(module)} (${setting.creates})`;
  const cmk = requiresCustomerKey(context);
  const keyRef = soleKmsKeyReference(moduleBlocks(module, tfModule));
  checkDeviceLists(setting, module, context);
  if (setting.switch) {
    const input = attr(module, setting.switch.input);
    const { text, unset } = literalOfValue(input?.value, tfModule);
    if (!unset && text === undefined) return;
    const protection: Protection = unset ? setting.switch.whenUnset(majorVersion(module, tfModule)) : isTrue(text!) ? 'encrypted' : (setting.switch.whenOff ?? 'unencrypted');
    const said = input && !unset ? `sets ${setting.switch.input} = ${text}` : `does not set ${setting.switch.input}`;
    if (protection === 'unencrypted') {
      context.report({
        span: input?.span ?? module.headerSpan,
        message: `${name} ${said}, leaving its data unencrypted at rest`,
        fixes: [fix(`Set ${setting.switch.input} = true`, input ? setAttribute(module, setting.switch.input, 'true') : insertAttribute(module, setting.switch.input, 'true'), { preferred: true })],
      });
      return;
    }
    if (protection === 'provider-key' && !setting.key && cmk) {
      context.report({ span: input?.span ?? module.headerSpan, message: `${name} ${said}, leaving its data encrypted with a provider-managed key; ${CMK_REQUIREMENT}`, severity: 'warning' });
      return;
    }
  }
  if (!setting.key) return;
  const keyInput = attr(module, setting.key.input);
  const kind = classifyKey(keyInput?.value, tfModule, moduleBlocks(module, tfModule));
  if (kind === 'customer' || kind === 'unknown') return;
  if (kind === 'absent' && setting.key.whenUnset === 'unencrypted') {
    context.report({ span: keyInput?.span ?? module.headerSpan, message: `${name} does not set ${setting.key.input}, leaving its data unencrypted at rest`, fixes: keyFix(module, setting.key.input, keyRef) });
    return;
  }
  if (!cmk) return;
  context.report({
    span: keyInput?.span ?? module.headerSpan,
    message:
      kind === 'aws-managed'
        ? `${name} sets ${setting.key.input} to the AWS-managed key ${literalString(resolveValue(keyInput!.value, tfModule).value) ?? ''}; ${CMK_REQUIREMENT}`.replace(' ;', ';')
        : `${name} does not set ${setting.key.input}, leaving its data encrypted with a provider-managed key; ${CMK_REQUIREMENT}`,
    severity: 'warning',
    fixes: keyFix(module, setting.key.input, keyRef),
  });
}

export function checkRegistryModules(context: RuleContext): void {
  const tf = terraformFile(context.file);
  for (const module of tf.blocks.filter((b) => b.type === 'module')) {
    const source = sourceOf(module, context.module());
    const setting = source && TERRAFORM_MODULE_SETTINGS.find((s) => s.source.test(source));
    if (setting) checkModule(setting, module, context);
  }
}
