// Where a Terraform module writes a credential as a literal: secret-named attributes of any block
// (provider `access_key`, `password`, `master_password`, `client_secret`, `auth_token`, …), secret-named
// keys of maps (Lambda `environment.variables`, App Service `app_settings`, Kubernetes `data`),
// `{ name = "DB_PASSWORD", value = "…" }` pairs (ECS container definitions, in HCL objects, in
// `jsonencode(…)` or in JSON heredocs), `variable`/`locals` with secret-like names, and .tfvars.
// This module only *finds* sites; the rule decides what to report and how to fix it.
import { isSecretName, looksLikeSecretValue } from '../../server/src/engine/secrets';
import { parseJsonText, type JsonNode } from '../../server/src/engine/parsers/json';
import { decodeHclString } from '../../server/src/engine/policy/hcl-string';
import { allBlocks, attr, literalString, terraformFile, type TfAttribute, type TfBlock, type TfFile, type TfValue } from '../../server/src/engine/terraform/model';
import { isSensitiveVariable, resolveValue, type TerraformModule, type ValueOrigin } from '../../server/src/engine/terraform/module';
import type { SourceFile } from '../../server/src/engine/source';
import type { Span } from '../../server/src/engine/types';

export type SiteShape = 'attribute' | 'map-entry' | 'name-value' | 'embedded-json' | 'variable-default' | 'local' | 'tfvars';

export interface SecretSite {
  /** The name that marks the value as a credential (`password`, `DB_PASSWORD`). */
  name: string;
  /** The literal as Terraform sees it. */
  value: string;
  /** Where the finding goes (the attribute or entry at the use site). */
  span: Span;
  /** The literal's source span in this file, quotes included, when it can be replaced by a reference. */
  literalSpan?: Span;
  /** Span of the secret characters themselves (inside the quotes), to test against known tokens. */
  contentSpan?: Span;
  shape: SiteShape;
  /** The top-level block holding the site (resource, provider, module, variable, locals). */
  block?: TfBlock;
  /** The attribute holding the site. */
  attribute?: TfAttribute;
  /** Set when the literal came through `var.`/`local.` from elsewhere. */
  origin?: ValueOrigin;
}

/** `aws_db_instance.main`, `provider "aws"`, `module.db`, `variable "x"` — how messages name a block. */
export function blockLabel(block: TfBlock): string {
  if (block.type === 'resource' || block.type === 'data') return `${block.type === 'data' ? 'data.' : ''}${block.labels[0] ?? ''}.${block.labels[1] ?? ''}`;
  if (block.type === 'module') return `module.${block.labels[0] ?? ''}`;
  return [block.type, ...block.labels.map((l) => `"${l}"`)].join(' ');
}

function stringParts(value: TfValue): { value: string; literalSpan: Span; contentSpan: Span } | undefined {
  if (value.kind === 'string') return { value: value.value, literalSpan: value.span, contentSpan: value.contentSpan };
  if (value.kind === 'template' && !value.interpolated) return { value: value.text, literalSpan: value.span, contentSpan: value.contentSpan };
  const text = literalString(value);
  return text === undefined ? undefined : { value: text, literalSpan: value.span, contentSpan: value.span };
}

/** Every site of one Terraform (or .tfvars) file. References are resolved against the module. */
export function terraformSecretSites(file: SourceFile, module: TerraformModule | undefined): SecretSite[] {
  // Not memoised on the file: the sites depend on the module (variable defaults in other files), and
  // an editor may keep a file's parse while its neighbours change.
  const tf = terraformFile(file);
  const sites: SecretSite[] = [];
  if (file.kind === 'terraform-vars') {
    for (const attribute of tf.attributes) collectAttribute(attribute, undefined, 'tfvars', module, sites);
    return sites;
  }
  for (const top of tf.blocks) {
    if (top.type === 'variable') collectVariable(top, module, sites);
    else if (top.type === 'locals') for (const a of top.attributes) collectAttribute(a, top, 'local', module, sites);
    else if (top.type === 'output' || top.type === 'terraform') continue;
    else for (const block of allBlocks([top])) for (const a of block.attributes) collectAttribute(a, top, 'attribute', module, sites, secretValueName(block, a, module));
  }
  return sites;
}

function collectVariable(variable: TfBlock, module: TerraformModule | undefined, sites: SecretSite[]): void {
  const name = variable.labels[0] ?? '';
  const fallback = attr(variable, 'default');
  if (!fallback || isSensitiveVariable(module, name) || isSensitiveBlock(variable)) return;
  if (isSecretName(name)) {
    const literal = stringParts(fallback.value);
    if (literal && looksLikeSecretValue(literal.value, { name })) sites.push({ name, ...literal, span: fallback.span, shape: 'variable-default', block: variable, attribute: fallback });
    return;
  }
  collectNested(fallback.value, variable, fallback, module, sites);
}

function isSensitiveBlock(block: TfBlock): boolean {
  const sensitive = attr(block, 'sensitive');
  return sensitive?.value.kind === 'bool' && sensitive.value.value;
}

/**
 * Attributes whose *name* is neutral but whose resource exists to hold a secret: the `value` of a Key
 * Vault secret, the payload of a secret version. Their literal is the secret itself.
 */
const SECRET_PAYLOAD_ATTRIBUTES: Record<string, string[]> = {
  azurerm_key_vault_secret: ['value'],
  aws_secretsmanager_secret_version: ['secret_string', 'secret_binary'],
  google_secret_manager_secret_version: ['secret_data'],
  vault_generic_secret: ['data_json'],
  vault_kv_secret_v2: ['data_json'],
  github_actions_secret: ['plaintext_value'],
  github_actions_environment_secret: ['plaintext_value'],
  github_dependabot_secret: ['plaintext_value'],
  github_codespaces_secret: ['plaintext_value'],
  aws_api_gateway_api_key: ['value'],
};

/**
 * The name that makes a neutrally named attribute secret, if any: a secret store's payload, or the
 * `value` of an SSM parameter named like a secret (`/prod/db/password`).
 */
function secretValueName(block: TfBlock, attribute: TfAttribute, module: TerraformModule | undefined): string | undefined {
  if (block.type !== 'resource') return undefined;
  const type = block.labels[0] ?? '';
  if (SECRET_PAYLOAD_ATTRIBUTES[type]?.includes(attribute.name)) return attribute.name;
  if (type !== 'aws_ssm_parameter' || !['value', 'insecure_value'].includes(attribute.name)) return undefined;
  const nameAttr = attr(block, 'name');
  const name = nameAttr ? literalString(resolveValue(nameAttr.value, module).value) : undefined;
  const candidates = [name?.split('/').filter(Boolean).pop() ?? '', block.labels[1] ?? ''];
  return candidates.find((c) => isSecretName(c));
}

function collectAttribute(attribute: TfAttribute, top: TfBlock | undefined, shape: SiteShape, module: TerraformModule | undefined, sites: SecretSite[], secretAlias?: string): void {
  if (secretAlias || isSecretName(attribute.name)) {
    const site = literalSite(secretAlias ?? attribute.name, attribute.value, attribute.span, module);
    if (site) sites.push({ ...site, shape, block: top, attribute });
    // `secrets = { client_secret = "…" }`: a secret-named map still has its own secret-named keys.
    if (site || (attribute.value.kind !== 'object' && attribute.value.kind !== 'tuple')) return;
  }
  collectNested(attribute.value, top, attribute, module, sites);
}

/** A site for `value` when it is (or resolves through var./local. to) a reportable literal. */
function literalSite(name: string, value: TfValue, span: Span, module: TerraformModule | undefined): Omit<SecretSite, 'shape'> | undefined {
  if (value.kind === 'reference') {
    const resolved = resolveValue(value, module);
    if (!resolved.origin) return undefined;
    // A variable declared `sensitive = true` is the compliant way to pass a secret in; a value set in
    // a .tfvars file is reported in that file (one finding per secret, where it is written).
    const variable = /^var\.([\w-]+)/.exec(value.path)?.[1];
    if (variable && isSensitiveVariable(module, variable)) return undefined;
    if (resolved.origin.file.kind === 'terraform-vars') return undefined;
    const literal = stringParts(resolved.value);
    if (!literal || !looksLikeSecretValue(literal.value, { name })) return undefined;
    return { name, value: literal.value, span, origin: resolved.origin };
  }
  const literal = stringParts(value);
  if (!literal || !looksLikeSecretValue(literal.value, { name })) return undefined;
  return { name, value: literal.value, span, literalSpan: literal.literalSpan, contentSpan: literal.contentSpan };
}

/** Maps, lists of `{name, value}`, `jsonencode(…)` arguments and JSON strings inside an attribute. */
function collectNested(value: TfValue, top: TfBlock | undefined, attribute: TfAttribute, module: TerraformModule | undefined, sites: SecretSite[], depth = 0): void {
  if (depth > 12) return;
  switch (value.kind) {
    case 'object': {
      const pair = nameValuePair(value);
      if (pair) {
        const site = literalSite(pair.name, pair.value.value, pair.value.span, module);
        if (site) sites.push({ ...site, shape: 'name-value', block: top, attribute });
        return;
      }
      for (const entry of value.entries) {
        if (isSecretName(entry.key)) {
          const site = literalSite(entry.key, entry.value, entry.span, module);
          if (site) sites.push({ ...site, shape: 'map-entry', block: top, attribute });
        } else collectNested(entry.value, top, attribute, module, sites, depth + 1);
      }
      return;
    }
    case 'tuple':
      for (const item of value.items) collectNested(item, top, attribute, module, sites, depth + 1);
      return;
    case 'call':
      for (const arg of value.args) collectNested(arg, top, attribute, module, sites, depth + 1);
      return;
    case 'string':
    case 'template':
      collectEmbeddedJson(value, top, attribute, sites);
      return;
    default:
      return;
  }
}

/** `{ name = "DB_PASSWORD", value = "…" }`: the ECS/Kubernetes way of writing environment variables. */
function nameValuePair(value: Extract<TfValue, { kind: 'object' }>): { name: string; value: { value: TfValue; span: Span } } | undefined {
  const nameEntry = value.entries.find((e) => e.key === 'name' || e.key === 'Name');
  const valueEntry = value.entries.find((e) => e.key === 'value' || e.key === 'Value');
  const name = nameEntry && literalString(nameEntry.value);
  if (!name || !valueEntry || !isSecretName(name)) return undefined;
  return { name, value: { value: valueEntry.value, span: valueEntry.span } };
}

/** JSON held in a string or heredoc (ECS `container_definitions`, app settings blobs). */
function collectEmbeddedJson(value: Extract<TfValue, { kind: 'string' | 'template' }>, top: TfBlock | undefined, attribute: TfAttribute, sites: SecretSite[]): void {
  const heredoc = value.kind === 'template' && value.heredoc;
  if (value.kind === 'template' && value.interpolated && !heredoc) return;
  const source = attribute.file.text.slice(value.contentSpan.start, value.contentSpan.end);
  if (!/^\s*[[{]/.test(source)) return;
  // Heredocs hold JSON verbatim; quoted strings need their HCL escapes decoded with a position map.
  const decoded = heredoc ? { text: source, toSource: (o: number) => value.contentSpan.start + o } : (() => {
    const d = decodeHclString(source, value.contentSpan.start);
    return { text: d.text, toSource: d.embed.toSource };
  })();
  const { root } = parseJsonText(decoded.text);
  if (!root) return;
  for (const found of jsonSecretSites(root)) {
    if (found.value.includes('${')) continue;
    const start = decoded.toSource(found.span.start);
    const end = decoded.toSource(found.span.end);
    sites.push({ name: found.name, value: found.value, span: { start, end }, contentSpan: { start: decoded.toSource(found.valueSpan.start), end: decoded.toSource(found.valueSpan.end) }, shape: 'embedded-json', block: top, attribute });
  }
}

export interface JsonSecretSite {
  name: string;
  value: string;
  /** The `"key": "value"` property (or the `{name, value}` object's value property). */
  span: Span;
  /** The value's characters inside the quotes. */
  valueSpan: Span;
  /** The value's string node, quotes included. */
  valueNode: JsonNode;
}

/** Secret-named properties with literal string (or number) values, and `{name, value}` pairs, in a JSON tree. */
export function jsonSecretSites(root: JsonNode): JsonSecretSite[] {
  const found: JsonSecretSite[] = [];
  const visit = (node: JsonNode, depth: number): void => {
    if (depth > 64) return;
    if (node.type === 'object') {
      const props = node.children ?? [];
      const nameProp = props.find((p) => /^name$/i.test(String(p.children?.[0]?.value)));
      const valueProp = props.find((p) => /^value$/i.test(String(p.children?.[0]?.value)));
      const pairName = nameProp?.children?.[1]?.type === 'string' ? String(nameProp.children[1].value) : undefined;
      if (pairName && valueProp && isSecretName(pairName)) {
        const site = jsonLiteral(pairName, valueProp);
        if (site) found.push(site);
        return;
      }
      for (const prop of props) {
        const key = prop.children?.[0];
        const child = prop.children?.[1];
        if (!key || !child) continue;
        if (isFieldName(String(key.value)) && isSecretName(String(key.value))) {
          const site = jsonLiteral(String(key.value), prop);
          if (site) {
            found.push(site);
            continue;
          }
        }
        visit(child, depth + 1);
      }
      return;
    }
    if (node.type === 'array') for (const child of node.children ?? []) visit(child, depth + 1);
  };
  visit(root, 0);
  return found;
}

/** Keys like `@secretlint/core` or `src/auth/token.ts` are package names and paths, not fields. */
function isFieldName(key: string): boolean {
  return !key.includes('/') && !key.startsWith('@');
}

function jsonLiteral(name: string, prop: JsonNode): JsonSecretSite | undefined {
  const child = prop.children?.[1];
  if (!child || (child.type !== 'string' && child.type !== 'number')) return undefined;
  const value = String(child.value);
  if (!looksLikeSecretValue(value, { name })) return undefined;
  const quoted = child.type === 'string' ? 1 : 0;
  return { name, value, span: { start: prop.offset, end: prop.offset + prop.length }, valueSpan: { start: child.offset + quoted, end: child.offset + child.length - quoted }, valueNode: child };
}

/**
 * `var.x`/`local.x` read by secret-named attributes anywhere in the module. Those use sites report
 * the literal behind them, so the `variable`/`locals` definition itself is not reported a second time.
 */
const consumedCache = new WeakMap<TerraformModule, Set<string>>();

export function referencesConsumedAsSecrets(module: TerraformModule | undefined, self: TfFile): Set<string> {
  const files = module ? module.files : [self];
  const key = module;
  if (key && consumedCache.has(key)) return consumedCache.get(key)!;
  const consumed = new Set<string>();
  const note = (value: TfValue) => {
    if (value.kind === 'reference' && /^(var|local)\./.test(value.path)) consumed.add(value.path.split('.').slice(0, 2).join('.'));
  };
  const visit = (name: string, value: TfValue, depth: number): void => {
    if (depth > 12) return;
    if (isSecretName(name)) return note(value);
    if (value.kind === 'object') {
      const nameEntry = value.entries.find((e) => e.key === 'name' || e.key === 'Name');
      const pairName = nameEntry && literalString(nameEntry.value);
      for (const entry of value.entries) {
        if (pairName && /^value$/i.test(entry.key) && isSecretName(pairName)) note(entry.value);
        else visit(entry.key, entry.value, depth + 1);
      }
    } else if (value.kind === 'tuple') for (const item of value.items) visit('', item, depth + 1);
    else if (value.kind === 'call') for (const arg of value.args) visit('', arg, depth + 1);
  };
  for (const tf of files) {
    for (const block of allBlocks(tf.blocks)) {
      if (block.type === 'variable' || block.type === 'output' || (block.type === 'locals' && !block.parent)) continue;
      for (const a of block.attributes) visit(a.name, a.value, 0);
    }
  }
  if (key) consumedCache.set(key, consumed);
  return consumed;
}
