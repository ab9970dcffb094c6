// Fixes for a literal secret in Terraform: pass it in as a `sensitive` variable, or — for RDS — let
// AWS generate and rotate the master password in Secrets Manager. Both change the module's contract
// (a new required input, or a different password), so they are offered, never applied by `--fix`.
import { fix, replace } from '../../server/src/engine/fix';
import { nameWords } from '../../server/src/engine/secrets';
import { insertTopLevelBlockAfter } from '../../server/src/engine/terraform/edits';
import { attr, type TfAttribute, type TfBlock } from '../../server/src/engine/terraform/model';
import type { TerraformModule } from '../../server/src/engine/terraform/module';
import type { Fix, Span, TextEdit } from '../../server/src/engine/types';
import type { SecretSite } from './terraform-sites';

/** Resources whose master password AWS can manage itself (`manage_master_user_password = true`). */
const RDS_MANAGED_PASSWORD: Record<string, string> = {
  aws_db_instance: 'password',
  aws_rds_cluster: 'master_password',
};

/** A variable name that says where it goes: `main_password`, `api_db_password`, `aws_secret_key`. */
export function suggestedVariableName(block: TfBlock | undefined, name: string, module: TerraformModule | undefined): string {
  const owner = block ? (block.type === 'provider' ? block.labels[0] : block.labels[1] ?? block.labels[0]) ?? '' : '';
  const base = [...nameWords(owner), ...nameWords(name)].join('_') || 'secret';
  let candidate = /^[a-z_]/.test(base) ? base : `v_${base}`;
  for (let i = 2; module?.variables.has(candidate); i++) candidate = `${base}_${i}`;
  return candidate;
}

/** Replace a literal with `var.<name>` and declare that variable, sensitive, after its block. */
export function sensitiveVariableFix(block: TfBlock, literalSpan: Span, name: string, module: TerraformModule | undefined, preferred: boolean): Fix {
  const variable = suggestedVariableName(block, name, module);
  return fix(
    `Replace the literal with var.${variable} (a new sensitive variable)`,
    [replace(literalSpan, `var.${variable}`), insertTopLevelBlockAfter(block, `variable "${variable}" {\n  type      = string\n  sensitive = true\n}`)],
    { safe: false, preferred },
  );
}

export function terraformSecretFixes(site: SecretSite, module: TerraformModule | undefined): Fix[] {
  const fixes: Fix[] = [];
  const block = site.block;
  if (!block || !site.literalSpan || site.origin) return fixes;
  if (site.shape === 'variable-default') return variableDefaultFixes(site);
  if (!['attribute', 'map-entry', 'name-value'].includes(site.shape) || !['resource', 'data', 'provider', 'module'].includes(block.type)) return fixes;

  const managed = block.type === 'resource' && RDS_MANAGED_PASSWORD[block.labels[0] ?? ''];
  if (managed && site.shape === 'attribute' && site.attribute?.name === managed && site.attribute.parent === block && !attr(block, 'manage_master_user_password')) {
    fixes.push(
      fix('Let RDS manage the master password in Secrets Manager (manage_master_user_password = true)', replaceAttributeAligned(block, site.attribute, 'manage_master_user_password', 'true'), {
        safe: false,
        preferred: true,
      }),
    );
  }
  fixes.push(sensitiveVariableFix(block, site.literalSpan, site.name, module, fixes.length === 0));
  return fixes;
}

/**
 * Replaces `name = value` by another attribute, keeping `terraform fmt` alignment: the new line takes
 * the group's `=` column, or — when its name is longer — the group is realigned to it.
 */
function replaceAttributeAligned(block: TfBlock, attribute: TfAttribute, name: string, valueText: string): TextEdit[] {
  const file = block.file;
  const lineOf = (offset: number) => file.lines.positionAt(offset).line;
  const single = block.attributes.filter((a) => lineOf(a.span.start) === lineOf(a.span.end));
  const index = single.indexOf(attribute);
  if (index < 0) return [replace(attribute.span, `${name} = ${valueText}`)];
  // The run of attributes on consecutive lines around this one: what terraform fmt aligns together.
  let first = index;
  while (first > 0 && lineOf(single[first - 1].span.start) === lineOf(single[first].span.start) - 1) first--;
  let last = index;
  while (last < single.length - 1 && lineOf(single[last + 1].span.start) === lineOf(single[last].span.start) + 1) last++;
  const group = single.slice(first, last + 1);
  const equalsColumn = (a: TfAttribute) => file.text.slice(a.nameSpan.start, a.span.end).indexOf('=');
  const columns = group.map(equalsColumn);
  const aligned = group.length > 1 && columns.every((c) => c === columns[0]) && group.some((a) => equalsColumn(a) > a.name.length + 1);
  if (!aligned) return [replace(attribute.span, `${name} = ${valueText}`)];
  const column = Math.max(columns[0], name.length + 1);
  const edits: TextEdit[] = [replace(attribute.span, `${name}${' '.repeat(column - name.length)}= ${valueText}`)];
  if (column !== columns[0]) {
    for (const other of group) {
      if (other === attribute) continue;
      edits.push(replace({ start: other.nameSpan.end, end: other.nameSpan.start + equalsColumn(other) }, ' '.repeat(column - other.name.length)));
    }
  }
  return edits;
}

/** `variable "db_password" { default = "…" }`: drop the default and mark the variable sensitive. */
function variableDefaultFixes(site: SecretSite): Fix[] {
  const variable = site.block!;
  const fallback = site.attribute!;
  const sensitive = attr(variable, 'sensitive');
  const file = variable.file;
  if (!sensitive) return [fix('Remove the default and mark the variable sensitive', [replace(fallback.span, 'sensitive = true')], { safe: false, preferred: true })];
  // Delete the whole `default = …` line, then turn `sensitive = false` into `true`.
  const startLine = file.lines.positionAt(fallback.span.start).line;
  const endLine = file.lines.positionAt(fallback.span.end).line;
  const deletion = { start: file.lines.lineStart(startLine), end: file.lines.lineStart(endLine + 1) > fallback.span.end ? file.lines.lineStart(endLine + 1) : fallback.span.end };
  return [fix('Remove the default and mark the variable sensitive', [replace(deletion, ''), replace(sensitive.value.span, 'true')], { safe: false, preferred: true })];
}
