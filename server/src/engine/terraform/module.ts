// A Terraform module is every .tf file in one directory, plus the .tfvars that set its variables.
// `var.x` and `local.y` are resolved across those files so a literal secret or a weak TLS version
// hidden behind a variable default is still reported — at the use site, naming where it came from.
import type { SourceFile } from '../source';
import type { Span } from '../types';
import { attr, childBlocks, literalString, terraformFile, type TfAttribute, type TfBlock, type TfFile, type TfValue } from './model';

export interface TerraformModule {
  files: TfFile[];
  variables: Map<string, TfBlock>;
  locals: Map<string, TfAttribute>;
  /** Values set in terraform.tfvars / *.auto.tfvars, which win over a variable's default. */
  tfvars: Map<string, TfAttribute>;
}

export interface ValueOrigin {
  file: SourceFile;
  span: Span;
  /** e.g. `default of variable "db_password"` */
  description: string;
}

export interface ResolvedValue {
  value: TfValue;
  /** Set when the value was found behind a `var.`/`local.` reference. */
  origin?: ValueOrigin;
}

/** Files whose values Terraform loads automatically; other .tfvars are only used with -var-file. */
const AUTO_TFVARS = /(^|[\\/])(terraform\.tfvars|[^\\/]*\.auto\.tfvars)$/i;

export function buildModule(sources: SourceFile[]): TerraformModule {
  const files = sources.filter((s) => s.kind === 'terraform' || s.kind === 'terraform-vars').map(terraformFile);
  const module: TerraformModule = { files, variables: new Map(), locals: new Map(), tfvars: new Map() };
  for (const tf of files) {
    if (tf.file.kind === 'terraform-vars') {
      if (AUTO_TFVARS.test(tf.file.path)) for (const a of tf.attributes) module.tfvars.set(a.name, a);
      continue;
    }
    for (const block of tf.blocks) {
      if (block.type === 'variable' && block.labels[0]) module.variables.set(block.labels[0], block);
      if (block.type === 'locals') for (const a of block.attributes) module.locals.set(a.name, a);
    }
  }
  return module;
}

const MAX_DEPTH = 8;

/**
 * Follows `var.x` and `local.x` (and chains of them) to a value defined in the module. References to
 * resources, data sources and module outputs stay references: they are not literals.
 */
export function resolveValue(value: TfValue, module: TerraformModule | undefined, depth = 0): ResolvedValue {
  if (!module || value.kind !== 'reference' || depth > MAX_DEPTH) return { value };
  const [root, name] = value.path.split('.');
  if (!name) return { value };
  if (root === 'var') {
    const fromTfvars = module.tfvars.get(name);
    if (fromTfvars) {
      const inner = resolveValue(fromTfvars.value, module, depth + 1);
      return { value: inner.value, origin: inner.origin ?? { file: fromTfvars.file, span: fromTfvars.span, description: `value of "${name}" in ${baseName(fromTfvars.file.path)}` } };
    }
    const variable = module.variables.get(name);
    const fallback = variable && attr(variable, 'default');
    if (!variable || !fallback) return { value };
    const inner = resolveValue(fallback.value, module, depth + 1);
    return { value: inner.value, origin: inner.origin ?? { file: variable.file, span: fallback.span, description: `default of variable "${name}"` } };
  }
  if (root === 'local') {
    const local = module.locals.get(name);
    if (!local) return { value };
    const inner = resolveValue(local.value, module, depth + 1);
    return { value: inner.value, origin: inner.origin ?? { file: local.file, span: local.span, description: `local value "${name}"` } };
  }
  return { value };
}

/** True when `variable "x"` declares `sensitive = true`. */
export function isSensitiveVariable(module: TerraformModule | undefined, name: string): boolean {
  const variable = module?.variables.get(name);
  const sensitive = variable && attr(variable, 'sensitive');
  return sensitive?.value.kind === 'bool' && sensitive.value.value;
}

function baseName(p: string): string {
  return p.split(/[\\/]/).pop() ?? p;
}

/**
 * The literal an attribute holds, as a string, following `var.`/`local.`; `path` may step through
 * nested blocks (`settings.caching_enabled`). Undefined when absent or not statically known.
 */
export function resolvedLiteral(block: TfBlock | undefined, path: string, module: TerraformModule | undefined): string | undefined {
  const segments = path.split('.');
  const name = segments.pop()!;
  let current = block;
  for (const segment of segments) current = current && childBlocks(current, segment)[0];
  const attribute = current && attr(current, name);
  return attribute ? literalString(resolveValue(attribute.value, module).value) : undefined;
}
