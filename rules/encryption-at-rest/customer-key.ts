// Who holds the key: a customer-managed KMS key (what the policy asks for), an AWS-managed one
// (`alias/aws/<service>`, still encrypted but outside the organisation's key policy and rotation), or
// none. Shared by the Terraform and CloudFormation checkers of encryption-at-rest.
import { attr, blockAddress, literalString, terraformFile, type TfBlock, type TfValue } from '../../server/src/engine/terraform/model';
import { resolveValue, type TerraformModule } from '../../server/src/engine/terraform/module';

/** `alias/aws/s3`, `arn:aws:kms:eu-west-1:111122223333:alias/aws/s3`: the keys AWS creates and manages per service. */
export function isAwsManagedKeyName(text: string): boolean {
  return /(^|:)alias\/aws\//i.test(text.trim());
}

export type KeyKind = 'absent' | 'aws-managed' | 'customer' | 'unknown';

const blocksByModule = new WeakMap<object, WeakMap<object, TfBlock[]>>();

/**
 * Every top-level block of the module (the file's own when it has no module), for cross-resource
 * look-ups. Memoised per module and file: rules ask once per resource, files hold thousands.
 */
export function moduleBlocks(resource: TfBlock, module: TerraformModule | undefined): TfBlock[] {
  const own = terraformFile(resource.file);
  const key: object = module ?? own;
  let perFile = blocksByModule.get(key);
  if (!perFile) blocksByModule.set(key, (perFile = new WeakMap()));
  // Keyed by the file's model too: a module reused across edits of this file must not serve stale blocks.
  let blocks = perFile.get(own);
  if (!blocks) {
    const files = module?.files ?? [];
    blocks = [...files.filter((f) => f.file.path !== own.file.path), own].flatMap((f) => f.blocks);
    perFile.set(own, blocks);
  }
  return blocks;
}

/**
 * What a key attribute's value names. A `data "aws_kms_key"`/`data "aws_kms_alias"` looked up by an
 * `alias/aws/…` name is an AWS-managed key too; any other reference is taken to be customer-managed.
 */
export function classifyKey(value: TfValue | undefined, module: TerraformModule | undefined, blocks: TfBlock[]): KeyKind {
  if (!value || value.kind === 'null') return 'absent';
  const resolved = resolveValue(value, module).value;
  if (resolved.kind === 'null') return 'absent';
  const text = literalString(resolved);
  if (text !== undefined) {
    if (!text.trim()) return 'absent';
    return isAwsManagedKeyName(text) ? 'aws-managed' : 'customer';
  }
  if (resolved.kind === 'reference') {
    const [root, type, name] = resolved.path.split('.');
    if (root === 'data' && (type === 'aws_kms_key' || type === 'aws_kms_alias')) {
      const source = blocks.find((b) => b.type === 'data' && b.labels[0] === type && b.labels[1] === name);
      const lookup = source && (attr(source, 'key_id') ?? attr(source, 'name'));
      const lookupText = lookup && literalString(resolveValue(lookup.value, module).value);
      if (lookupText !== undefined) return isAwsManagedKeyName(lookupText) ? 'aws-managed' : 'customer';
    }
    return 'customer';
  }
  return resolved.kind === 'template' ? 'customer' : 'unknown';
}

/**
 * The module's only `aws_kms_key`, as `aws_kms_key.<name>.arn` — the one key a fix may reasonably
 * propose. With none or several, which key protects which data is a human decision: no fix.
 */
const soleKeyCache = new WeakMap<TfBlock[], string | undefined>();

export function soleKmsKeyReference(blocks: TfBlock[]): string | undefined {
  if (soleKeyCache.has(blocks)) return soleKeyCache.get(blocks);
  const keys = blocks.filter((b) => b.type === 'resource' && b.labels[0] === 'aws_kms_key');
  const key = keys.length === 1 && !attr(keys[0], 'count') && !attr(keys[0], 'for_each') ? `${blockAddress(keys[0])}.arn` : undefined;
  soleKeyCache.set(blocks, key);
  return key;
}
