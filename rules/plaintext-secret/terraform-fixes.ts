// Fixes for a literal secret in Terraform: pass it in as a `sensitive` variable, or — for RDS — let
// AWS generate and rotate the master password in Secrets Manager. Both change the module's contract
// (a new required input, or a different password), so they are offered, never applied by `--fix`.
import { fix, replace } from '../../server/src/engine/fix';
import { nameWords } from '../../server/src/engine/secrets';
import { insertTopLevelBlockAfter } from '../../server/src/engine/terraform/edits';
import { attr, type TfBlock } from '../../server/src/engine/terraform/model';
import type { TerraformModule } from '../../server/src/engine/terraform/module';
import type { Fix, Span } from '../../server/src/engine/types';
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
      fix('Let RDS manage the master password in Secrets Manager (manage_master_user_password = true)', [replace(site.attribute.span, 'manage_master_user_password = true')], {
        safe: false,
        preferred: true,
      }),
    );
  }
  fixes.push(sensitiveVariableFix(block, site.literalSpan, site.name, module, fixes.length === 0));
  return fixes;
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
