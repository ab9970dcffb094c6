// S3 accepts plain-HTTP requests unless the bucket policy denies them: a `Deny` statement with the
// condition `Bool aws:SecureTransport = false`. Read through the one policy model, so the check is the
// same for Terraform (inline JSON, jsonencode, aws_iam_policy_document) and CloudFormation bucket policies.
import { fix } from '../../server/src/engine/fix';
import type { PolicyDocument, PolicyStatement } from '../../server/src/engine/policy';
import { policyDocuments, policyDocumentsByOwner } from '../../server/src/engine/policy';
import { insertNestedBlock, insertTopLevelBlockAfter, setAttribute } from '../../server/src/engine/terraform/edits';
import { moduleBlocks } from '../encryption-at-rest/customer-key';
import { attr, blockAddress, blockAt, blocksOfKind, literalString, terraformFile, type TfAttribute, type TfBlock } from '../../server/src/engine/terraform/model';
import { resolvedLiteral, resolveValue, type TerraformModule } from '../../server/src/engine/terraform/module';
import type { Fix } from '../../server/src/engine/types';
import type { RuleContext } from '../define';

/** `Deny` + `Bool`/`BoolIfExists` `aws:SecureTransport` = `false`: the statement that refuses plain HTTP. */
export function deniesInsecureTransport(statement: PolicyStatement): boolean {
  if (statement.effect !== 'Deny') return false;
  return statement.conditions.some(
    (c) => /^bool(ifexists)?$/i.test(c.operator) && c.key.toLowerCase() === 'aws:securetransport' && c.values.some((v) => v.value.toLowerCase() === 'false'),
  );
}

/** Whether a document can be judged: a condition we could not read might be the one that denies HTTP. */
export function documentEnforcesTls(document: PolicyDocument): boolean | undefined {
  if (document.statements.some(deniesInsecureTransport)) return true;
  if (document.statements.some((s) => s.hasUnreadableCondition)) return undefined;
  return false;
}

export const TLS_DENY_MISSING = 'has no statement denying requests without TLS (Deny with Condition Bool aws:SecureTransport = false), so the bucket accepts plain HTTP requests';

const S3_BUCKET_MODULE = /^(registry\.terraform\.io\/)?terraform-aws-modules\/s3-bucket\/aws(\/\/.*)?$/;

/** The policy documents an attribute's value stands for, anywhere in the module. */
function documentsOf(attribute: TfAttribute, context: RuleContext): PolicyDocument[] | undefined {
  const module = context.module();
  const value = resolveValue(attribute.value, module).value;
  if (value.kind === 'reference') {
    const match = /^(data\.aws_iam_policy_document\.[^.[]+)\.(json|minified_json)$/.exec(value.path);
    if (!match) return undefined;
    const files = module?.files.map((f) => f.file) ?? [context.file];
    if (!files.includes(context.file)) files.push(context.file);
    const found = files.flatMap((f) => policyDocumentsByOwner(f, { module }).get(match[1]) ?? []);
    return found.length ? found : undefined;
  }
  const inside = documentsWithin(context.file, attribute.span, module);
  return inside.length ? inside : undefined;
}

/**
 * The file's policy documents whose span lies inside `span`. Documents are sorted by start once per
 * file and found by binary search: a filter over every document per attribute made a file of n
 * bucket policies cost n².
 */
function documentsWithin(file: RuleContext['file'], span: { start: number; end: number }, module: TerraformModule | undefined): PolicyDocument[] {
  const sorted = file.cached('policy-documents-by-start', () => [...policyDocuments(file, { module })].sort((a, b) => a.span.start - b.span.start));
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid].span.start < span.start) low = mid + 1;
    else high = mid;
  }
  const found: PolicyDocument[] = [];
  for (let i = low; i < sorted.length && sorted[i].span.start <= span.end; i++) if (sorted[i].span.end <= span.end) found.push(sorted[i]);
  // Document order, as the extractors produced it.
  return found.length > 1 ? policyDocuments(file, { module }).filter((d) => found.includes(d)) : found;
}

function dataSourceBlock(address: string, module: TerraformModule | undefined, file: RuleContext['file']): TfBlock | undefined {
  for (const f of module?.files ?? [terraformFile(file)]) {
    const block = blockAt(f.blocks, address);
    if (block) return block;
  }
  return undefined;
}

/** The bucket ARN expression a statement can name, when the policy resource points at a bucket in the module. */
function bucketArn(owner: TfBlock, module: TerraformModule | undefined): string | undefined {
  const bucket = attr(owner, 'bucket');
  const value = bucket && resolveValue(bucket.value, module).value;
  if (value?.kind !== 'reference') return undefined;
  const [type, name] = value.path.split('.');
  return type === 'aws_s3_bucket' && name ? `aws_s3_bucket.${name}.arn` : undefined;
}

const denyStatementBlock = (arn: string) =>
  `statement {\n  sid       = "DenyInsecureTransport"\n  effect    = "Deny"\n  actions   = ["s3:*"]\n  resources = [${arn}, "\${${arn}}/*"]\n\n  principals {\n    type        = "*"\n    identifiers = ["*"]\n  }\n\n  condition {\n    test     = "Bool"\n    variable = "aws:SecureTransport"\n    values   = ["false"]\n  }\n}`;

function checkPolicyAttribute(owner: TfBlock, attribute: TfAttribute, context: RuleContext): void {
  const documents = documentsOf(attribute, context);
  if (!documents) return;
  const verdicts = documents.map(documentEnforcesTls);
  if (verdicts.some((v) => v !== false)) return;
  const fixes: Fix[] = [];
  const module = context.module();
  const arn = owner.labels[0] === 'aws_s3_bucket_policy' ? bucketArn(owner, module) : undefined;
  const source = documents.length === 1 && documents[0].owner?.address.startsWith('data.') ? dataSourceBlock(documents[0].owner.address, module, context.file) : undefined;
  // Only a statement in this file can be edited here; adding a Deny changes who can reach the bucket.
  if (arn && source && source.file === context.file && !attr(source, 'source_policy_documents') && !attr(source, 'override_policy_documents')) {
    fixes.push(fix('Add a statement denying requests without TLS', insertNestedBlock(source, denyStatementBlock(arn)), { safe: false }));
  }
  const where = source ? ` (${blockAddress(source)})` : '';
  context.report({
    span: attribute.span,
    message: `${blockAddress(owner)} bucket policy${where} ${TLS_DENY_MISSING}`,
    related: source ? [{ message: `policy document: ${blockAddress(source)}`, path: source.file === context.file ? undefined : source.file.path, span: source.headerSpan }] : undefined,
    fixes,
  });
}

interface BucketPolicyIndex {
  /** Policies whose `bucket` refers to `aws_s3_bucket.<name>.…`, by that name. */
  byBucketLabel: Map<string, TfBlock[]>;
  /** Policies whose `bucket` is a literal bucket name, by the name. */
  byLiteralName: Map<string, TfBlock[]>;
}

/** Per module block list (see moduleBlocks): bucket policies by what they target, built once. */
const bucketPolicyIndexes = new WeakMap<readonly TfBlock[], BucketPolicyIndex>();

function bucketPolicyIndex(blocks: readonly TfBlock[], module: TerraformModule | undefined): BucketPolicyIndex {
  let index = bucketPolicyIndexes.get(blocks);
  if (index) return index;
  index = { byBucketLabel: new Map(), byLiteralName: new Map() };
  const add = (map: Map<string, TfBlock[]>, key: string, policy: TfBlock) => {
    const list = map.get(key);
    if (list) list.push(policy);
    else map.set(key, [policy]);
  };
  for (const policy of blocksOfKind(blocks, 'resource', 'aws_s3_bucket_policy')) {
    const target = attr(policy, 'bucket');
    const value = target && resolveValue(target.value, module).value;
    if (!value) continue;
    if (value.kind === 'reference') {
      // `aws_s3_bucket.<name>.id` (or any attribute under the bucket's address).
      const match = /^aws_s3_bucket\.([^.]+)\./.exec(value.path);
      if (match) add(index.byBucketLabel, match[1], policy);
      continue;
    }
    const literal = literalString(value);
    if (literal !== undefined) add(index.byLiteralName, literal, policy);
  }
  bucketPolicyIndexes.set(blocks, index);
  return index;
}

/** The module's aws_s3_bucket_policy resources that govern a bucket (by reference or by literal name). */
function bucketPolicyResources(bucket: TfBlock, context: RuleContext): TfBlock[] {
  const module = context.module();
  const index = bucketPolicyIndex(moduleBlocks(bucket, module), module);
  const name = resolvedLiteral(bucket, 'bucket', module);
  return [...(index.byBucketLabel.get(bucket.labels[1]) ?? []), ...(name === undefined ? [] : (index.byLiteralName.get(name) ?? []))];
}

const denyPolicyResource = (bucket: string) =>
  `resource "aws_s3_bucket_policy" "${bucket}_tls_only" {\n  bucket = aws_s3_bucket.${bucket}.id\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{\n      Sid       = "DenyInsecureTransport"\n      Effect    = "Deny"\n      Principal = "*"\n      Action    = "s3:*"\n      Resource  = [aws_s3_bucket.${bucket}.arn, "\${aws_s3_bucket.${bucket}.arn}/*"]\n      Condition = { Bool = { "aws:SecureTransport" = "false" } }\n    }]\n  })\n}`;

/** A bucket with no policy at all accepts HTTP: S3 does not refuse plaintext unless a policy says so. */
function checkBucketWithoutPolicy(bucket: TfBlock, context: RuleContext): void {
  if (attr(bucket, 'policy') || bucketPolicyResources(bucket, context).length) return;
  const name = bucket.labels[1];
  const fixes: Fix[] =
    name && !attr(bucket, 'count') && !attr(bucket, 'for_each') && !blockAt(moduleBlocks(bucket, context.module()), `aws_s3_bucket_policy.${name}_tls_only`)
      ? [fix('Add an aws_s3_bucket_policy denying requests without TLS', [insertTopLevelBlockAfter(bucket, denyPolicyResource(name))], { safe: false })]
      : [];
  context.report({
    span: bucket.headerSpan,
    message: `${blockAddress(bucket)} accepts plain HTTP requests: no bucket policy in the module denies requests without TLS (Deny with Condition Bool aws:SecureTransport = false)`,
    fixes,
  });
}

/** terraform-aws-modules/s3-bucket adds the deny statement itself with attach_deny_insecure_transport_policy = true. */
function checkBucketModule(module: TfBlock, context: RuleContext): void {
  const attach = attr(module, 'attach_deny_insecure_transport_policy');
  const attachValue = attach && literalString(resolveValue(attach.value, context.module()).value);
  if (attach && attachValue !== 'false') return;
  const policy = attr(module, 'policy');
  if (policy) {
    const documents = documentsOf(policy, context);
    if (!documents || documents.map(documentEnforcesTls).some((v) => v !== false)) return;
  }
  context.report({
    span: (attach ?? policy)?.span ?? module.headerSpan,
    message: `${blockAddress(module)} (an S3 bucket) ${attach ? 'sets attach_deny_insecure_transport_policy = false' : 'does not set attach_deny_insecure_transport_policy'}${policy ? ' and its policy has no statement denying requests without TLS' : ''}, so the bucket accepts plain HTTP requests`,
    fixes: [fix('Set attach_deny_insecure_transport_policy = true', setAttribute(module, 'attach_deny_insecure_transport_policy', 'true'), { preferred: true })],
  });
}

export function checkTerraformBucketPolicies(context: RuleContext): void {
  const tf = terraformFile(context.file);
  const module = context.module();
  for (const block of tf.blocks) {
    if (block.type === 'resource' && (block.labels[0] === 'aws_s3_bucket_policy' || block.labels[0] === 'aws_s3_bucket')) {
      const policy = attr(block, 'policy');
      if (policy) checkPolicyAttribute(block, policy, context);
      if (block.labels[0] === 'aws_s3_bucket') checkBucketWithoutPolicy(block, context);
    }
    if (block.type === 'module') {
      const source = attr(block, 'source');
      const text = source && literalString(resolveValue(source.value, module).value);
      if (text && S3_BUCKET_MODULE.test(text)) checkBucketModule(block, context);
    }
  }
}
