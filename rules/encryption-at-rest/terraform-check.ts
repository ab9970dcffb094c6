// Walks the encryption-at-rest table for Terraform: reads each entry's switch and key, decides what
// protects the data (nothing, a provider-managed key, a customer-managed key) and reports — an error
// when data is stored unencrypted, a warning when it is encrypted without a customer-managed key.
import { fix } from '../../server/src/engine/fix';
import { setSettings } from '../../server/src/engine/terraform/setting-edits';
import { locateSetting, settingHost, type LocatedSetting } from '../../server/src/engine/terraform/setting-path';
import { blockAddress, childBlocks, literalString, resources, terraformFile, type TfBlock, type TfValue } from '../../server/src/engine/terraform/model';
import { resolveValue, type ResolvedValue } from '../../server/src/engine/terraform/module';
import type { Fix, Span } from '../../server/src/engine/types';
import type { RuleContext } from '../define';
import { originRelated, originSuffix } from '../../server/src/engine/terraform/value-origin';
import { classifyKey, moduleBlocks, soleKmsKeyReference, type KeyKind } from './customer-key';
import { isTrue, TERRAFORM_AT_REST_SETTINGS, type AtRestSetting, type Protection, type SettingContext } from './terraform-settings';

export const CMK_REQUIREMENT = 'policy requires a customer-managed key';

/** Whether the policy's customer-managed-key requirement is on (rule option `requireCustomerManagedKey`). */
export function requiresCustomerKey(context: RuleContext): boolean {
  return context.ruleOptions.requireCustomerManagedKey !== false;
}

export interface SwitchState {
  protection: Protection;
  /** The attribute read, when present. */
  located?: LocatedSetting;
  resolved?: ResolvedValue;
  text?: string;
}

/** A literal's text; a list of literals reads as its items joined by commas (`resources = ["secrets"]`). */
function settingText(value: TfValue): string | undefined {
  if (value.kind !== 'tuple') return literalString(value);
  const items = value.items.map(literalString);
  return items.every((i): i is string => i !== undefined) ? items.join(',') : undefined;
}

/** What an entry's switch says about a target (the resource, or one of its device blocks); undefined when unknowable. */
export function switchState(entry: AtRestSetting, resource: TfBlock, target: TfBlock, context: SettingContext): SwitchState | undefined {
  const sw = entry.switch;
  if (!sw) return { protection: 'encrypted' };
  const located = sw.paths.map((p) => locateSetting(target, p));
  const present = located.find((l) => l.attribute);
  const resolved = present && resolveValue(present.attribute!.value, context.module);
  if (!present || resolved!.value.kind === 'null') {
    if (located.some((l) => l.dynamic)) return undefined;
    const protection = typeof sw.whenUnset === 'function' ? sw.whenUnset(resource, context) : sw.whenUnset;
    return protection && { protection };
  }
  const text = settingText(resolved!.value);
  if (text === undefined) return undefined;
  const on = (sw.isOn ?? isTrue)(text);
  return { protection: on ? 'encrypted' : (sw.whenOff ?? 'unencrypted'), located: present, resolved, text };
}

interface KeyState {
  kind: KeyKind;
  located: LocatedSetting;
  text?: string;
}

function keyState(entry: AtRestSetting, target: TfBlock, context: SettingContext, blocks: TfBlock[]): KeyState | undefined {
  const located = entry.key!.paths.map((p) => locateSetting(target, p));
  const states = located.map((l) => ({ kind: classifyKey(l.attribute?.value, context.module, blocks), located: l }));
  if (states.some((s) => s.kind === 'customer')) return { kind: 'customer', located: located[0] };
  if (states.some((s) => s.kind === 'unknown') || (located.some((l) => l.dynamic) && !states.some((s) => s.kind === 'aws-managed'))) return undefined;
  const managed = states.find((s) => s.kind === 'aws-managed');
  if (managed) return { ...managed, text: literalString(resolveValue(managed.located.attribute!.value, context.module).value) };
  return { kind: 'absent', located: located[0] };
}

/** Where a finding about a missing setting goes: the innermost existing block on its path. */
function anchorOf(target: TfBlock, located: LocatedSetting): Span {
  return settingHost(target, located).headerSpan;
}

function describeTarget(entry: AtRestSetting, resource: TfBlock, target: TfBlock): { who: string; what: string } {
  const who = blockAddress(resource) + (target !== resource ? ` ${target.type}` : '');
  return { who, what: entry.subject ?? 'its data' };
}

/** Key fixes reference an `aws_kms_key`, which only AWS resources can use. */
function keyReferenceFor(resource: TfBlock, blocks: TfBlock[]): string | undefined {
  return resource.labels[0]?.startsWith('aws_') ? soleKmsKeyReference(blocks) : undefined;
}

function keyFix(entry: AtRestSetting, target: TfBlock, keyRef: string | undefined, withSwitch: boolean): Fix | undefined {
  const key = entry.key;
  if (!key || !keyRef) return undefined;
  const settings: Array<[string, string]> = [];
  const companions = Object.entries(key.companions ?? {});
  if (withSwitch && entry.switch && !companions.some(([p]) => p === entry.switch!.paths[0])) settings.push([entry.switch.paths[0], entry.switch.on]);
  for (const [path, value] of companions) if (!settings.some(([p]) => p === path)) settings.push([path, value]);
  settings.push([key.paths[0], keyRef]);
  const names = settings.map(([p, v]) => `${p.split('.').pop()} = ${v}`).join(', ');
  // Which key protects which data is an access-control decision: offered, never applied by fix-all.
  return fix(`Set ${names}`, setSettings(target, settings), { safe: false });
}

function checkTarget(entry: AtRestSetting, resource: TfBlock, target: TfBlock, context: RuleContext, blocks: TfBlock[]): void {
  const settingContext: SettingContext = { module: context.module() };
  const state = switchState(entry, resource, target, settingContext);
  if (!state) return;
  const cmk = requiresCustomerKey(context);
  const { who, what } = describeTarget(entry, resource, target);
  const keyRef = keyReferenceFor(resource, blocks);
  const sw = entry.switch;
  if (state.protection !== 'encrypted' && sw?.satisfiedByKey && entry.key) {
    const key = keyState(entry, target, settingContext, blocks);
    if (!key || key.kind !== 'absent') state.protection = 'encrypted';
  }

  if (state.protection !== 'encrypted' && sw) {
    if (state.protection === 'provider-key' && !cmk) return;
    const preferred = locateSetting(target, sw.paths[0]);
    const where = state.located ?? preferred;
    const said = state.located ? `sets ${where.path} = ${state.text}${originSuffix(state.resolved!)}` : `does not set ${preferred.path}`;
    if (state.protection === 'unencrypted') {
      const settings: Array<[string, string]> = [[sw.paths[0], sw.on], ...Object.entries(sw.companions ?? {}).filter(([p]) => !locateSetting(target, p).attribute)];
      const fixes: Fix[] = sw.needsKey ? [] : [
        fix(`Set ${settings.map(([p, v]) => `${p.split('.').pop()} = ${v}`).join(', ')}`, state.located ? setSettings(target, [[where.path, sw.on], ...settings.slice(1)]) : setSettings(target, settings), {
          preferred: true,
          safe: !state.resolved?.origin,
        }),
      ];
      const withKey = cmk ? keyFix(entry, target, keyRef, true) : undefined;
      if (withKey) fixes.push(withKey);
      context.report({
        span: state.located ? where.attribute!.span : anchorOf(target, preferred),
        message: `${who} ${said}, leaving ${what} unencrypted at rest`,
        related: state.resolved ? originRelated(state.resolved) : undefined,
        fixes,
      });
      return;
    }
    const withKey = keyFix(entry, target, keyRef, true);
    context.report({
      span: state.located ? where.attribute!.span : anchorOf(target, preferred),
      message: `${who} ${said}, leaving ${what} encrypted only with a key the provider owns or manages; ${CMK_REQUIREMENT}`,
      severity: 'warning',
      related: state.resolved ? originRelated(state.resolved) : undefined,
      fixes: withKey ? [withKey] : [],
    });
    return;
  }

  if (!entry.key) return;
  const key = keyState(entry, target, settingContext, blocks);
  if (!key || key.kind === 'customer') return;
  if (key.kind === 'absent' && entry.key.customerDefault?.(resource, settingContext)) return;
  const keyPath = key.located.path;
  if (key.kind === 'aws-managed') {
    if (!cmk) return;
    const withKey = keyFix(entry, target, keyRef, false);
    context.report({
      span: key.located.attribute!.span,
      message: `${who} sets ${keyPath} to the AWS-managed key${key.text ? ` ${key.text}` : ''}; ${CMK_REQUIREMENT}`,
      severity: 'warning',
      fixes: withKey ? [withKey] : [],
    });
    return;
  }
  if (entry.key.whenUnset === 'unencrypted') {
    const withKey = keyFix(entry, target, keyRef, false);
    context.report({
      span: anchorOf(target, key.located),
      message: `${who} does not set ${keyPath}, leaving ${what} unencrypted at rest${withKey ? '' : ' (set it to a customer-managed KMS key)'}`,
      fixes: withKey ? [withKey] : [],
    });
    return;
  }
  if (!cmk) return;
  const withKey = keyFix(entry, target, keyRef, false);
  context.report({
    span: anchorOf(target, key.located),
    message: `${who} does not set ${keyPath}, leaving ${what} encrypted with a provider-managed key; ${CMK_REQUIREMENT}`,
    severity: 'warning',
    fixes: withKey ? [withKey] : [],
  });
}

export function checkTerraformTable(context: RuleContext): void {
  const tf = terraformFile(context.file);
  const module = context.module();
  for (const entry of TERRAFORM_AT_REST_SETTINGS) {
    for (const resource of resources(tf, ...entry.resourceTypes)) {
      if (entry.appliesTo && !entry.appliesTo(resource, { module })) continue;
      const blocks = moduleBlocks(resource, module);
      const targets = entry.each ? childBlocks(resource, entry.each) : [resource];
      for (const target of targets) {
        if (entry.appliesToTarget && !entry.appliesToTarget(target)) continue;
        // Inherited encryption is not decided here — unless the block explicitly switches it off.
        const inherited = entry.inheritedWhen?.some((path) => locateSetting(target, path).attribute || childBlocks(target, path).length);
        if (inherited && !switchState(entry, resource, target, { module })?.located) continue;
        checkTarget(entry, resource, target, context, blocks);
      }
    }
  }
}
