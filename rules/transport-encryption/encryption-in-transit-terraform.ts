// Walks the encryption-in-transit table for Terraform and reports settings (or provider defaults) that let
// a service accept plaintext connections; the fix writes the compliant value, inserting the attribute and
// its enclosing blocks when absent.
import { fix } from '../../server/src/engine/fix';
import { setSettings } from '../../server/src/engine/terraform/setting-edits';
import { locateSetting, readSetting, settingHost } from '../../server/src/engine/terraform/setting-path';
import { blockAddress, childBlocks, literalString, resources, terraformFile, type TfBlock } from '../../server/src/engine/terraform/model';
import type { RuleContext } from '../define';
import { originRelated, originSuffix } from '../../server/src/engine/terraform/value-origin';
import { TERRAFORM_TRANSIT_SETTINGS, type TransitSetting } from './encryption-in-transit-settings';

function checkTarget(setting: TransitSetting, resource: TfBlock, target: TfBlock, context: RuleContext): void {
  const module = context.module();
  const read = readSetting(target, setting.paths, module);
  const who = blockAddress(resource) + (target !== resource ? ` ${target.type}` : '');
  if (read.unset) {
    if (setting.insecureDefault === undefined || read.dynamic) return;
    const preferred = locateSetting(target, setting.paths[0]);
    const value = setting.fix[preferred.path] ?? setting.fix.default;
    context.report({
      span: settingHost(target, preferred).headerSpan,
      message: `${who} does not set ${preferred.path}, which defaults to ${setting.insecureDefault}: ${setting.risk}`,
      fixes: [fix(`Set ${preferred.attributeName} = ${value}`, setSettings(target, [[preferred.path, value]]), { preferred: true, safe: !setting.unsafeFix })],
    });
    return;
  }
  const text = literalString(read.resolved!.value);
  if (text === undefined || setting.secure(text)) return;
  const present = read.present!;
  const value = setting.fix[present.path] ?? setting.fix.default;
  context.report({
    span: present.attribute!.span,
    message: `${who} sets ${present.path} = ${text}${originSuffix(read.resolved!)}: ${setting.risk}`,
    related: originRelated(read.resolved!),
    fixes: [fix(`Set ${present.attributeName} = ${value}`, setSettings(target, [[present.path, value]]), { preferred: true, safe: !read.resolved!.origin && !setting.unsafeFix })],
  });
}

export function checkTransitTable(context: RuleContext): void {
  const tf = terraformFile(context.file);
  const module = context.module();
  for (const setting of TERRAFORM_TRANSIT_SETTINGS) {
    for (const resource of resources(tf, ...setting.resourceTypes)) {
      if (setting.appliesTo && !setting.appliesTo(resource, { module })) continue;
      const targets = setting.each ? childBlocks(resource, setting.each) : [resource];
      for (const target of targets) {
        if (setting.appliesToTarget && !setting.appliesToTarget(target)) continue;
        checkTarget(setting, resource, target, context);
      }
    }
  }
}
