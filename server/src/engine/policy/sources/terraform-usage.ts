// What a Terraform policy is for. A policy written inline in `aws_kms_key.policy` is a key policy; one
// in a `locals` value or an `aws_iam_policy_document` is whatever the attribute that uses it says,
// which may sit in another file of the module.
import { allBlocks, type TfBlock, type TfFile, type TfValue } from '../../terraform/model';
import type { PolicyKind } from '../model';

const KEY: Record<string, PolicyKind> = { policy: 'key-policy' };
const RESOURCE: Record<string, PolicyKind> = { policy: 'resource-policy' };

/** Resource type → attribute → what the policy in it governs. */
const POLICY_ATTRIBUTES: Record<string, Record<string, PolicyKind>> = {
  aws_kms_key: KEY,
  aws_kms_key_policy: KEY,
  aws_kms_replica_key: KEY,
  aws_kms_external_key: KEY,
  aws_kms_replica_external_key: KEY,
  aws_iam_policy: { policy: 'identity-policy' },
  aws_iam_role_policy: { policy: 'identity-policy' },
  aws_iam_user_policy: { policy: 'identity-policy' },
  aws_iam_group_policy: { policy: 'identity-policy' },
  aws_iam_role: { assume_role_policy: 'trust-policy', policy: 'identity-policy' /* inline_policy { policy } */ },
  aws_ssoadmin_permission_set_inline_policy: { inline_policy: 'identity-policy' },
  aws_s3_bucket_policy: RESOURCE,
  aws_s3_bucket: RESOURCE,
  aws_s3control_bucket_policy: RESOURCE,
  aws_s3control_access_point_policy: RESOURCE,
  aws_s3_access_point: RESOURCE,
  aws_sqs_queue_policy: RESOURCE,
  aws_sqs_queue: RESOURCE,
  aws_sns_topic_policy: RESOURCE,
  aws_sns_topic: RESOURCE,
  aws_secretsmanager_secret_policy: RESOURCE,
  aws_secretsmanager_secret: RESOURCE,
  aws_ecr_repository_policy: RESOURCE,
  aws_ecrpublic_repository_policy: RESOURCE,
  aws_backup_vault_policy: RESOURCE,
  aws_efs_file_system_policy: RESOURCE,
  aws_api_gateway_rest_api: RESOURCE,
  aws_api_gateway_rest_api_policy: RESOURCE,
  aws_vpc_endpoint: RESOURCE,
  aws_glacier_vault: { access_policy: 'resource-policy' },
  aws_elasticsearch_domain: { access_policies: 'resource-policy' },
  aws_elasticsearch_domain_policy: { access_policies: 'resource-policy' },
  aws_opensearch_domain: { access_policies: 'resource-policy' },
  aws_opensearch_domain_policy: { access_policies: 'resource-policy' },
  aws_cloudwatch_log_resource_policy: { policy_document: 'resource-policy' },
  aws_lakeformation_resource: RESOURCE,
};

/** The top-level block an attribute belongs to (a resource, even for `inline_policy { policy = … }`). */
export function rootBlock(block: TfBlock): TfBlock {
  let b = block;
  while (b.parent) b = b.parent;
  return b;
}

/** What a policy assigned to `attributeName` inside `block` governs, or undefined when unknown. */
export function policyKindOfAttribute(block: TfBlock | undefined, attributeName: string): PolicyKind | undefined {
  if (!block) return undefined;
  const root = rootBlock(block);
  if (root.type !== 'resource') return undefined;
  return POLICY_ATTRIBUTES[root.labels[0] ?? '']?.[attributeName];
}

/**
 * `data.aws_iam_policy_document.x`, `local.x` and `var.x` → the kind of the attribute that uses it,
 * across the given files. A value used by a key policy anywhere counts as a key policy.
 */
export function policyUsages(files: TfFile[]): Map<string, PolicyKind> {
  const usages = new Map<string, PolicyKind>();
  for (const tf of files) {
    for (const block of allBlocks(tf.blocks)) {
      for (const attribute of block.attributes) {
        const kind = policyKindOfAttribute(block, attribute.name);
        if (!kind) continue;
        for (const target of referencedPolicies(attribute.value)) {
          if (usages.get(target) !== 'key-policy') usages.set(target, kind);
        }
      }
    }
  }
  return usages;
}

/** The policy values an expression refers to: `data.aws_iam_policy_document.x.json` → `data.aws_iam_policy_document.x`. */
function referencedPolicies(value: TfValue): string[] {
  if (value.kind === 'reference') {
    const parts = value.path.split('.');
    if (parts[0] === 'data') return [parts.slice(0, 3).join('.')];
    if (parts[0] === 'local' || parts[0] === 'var') return [parts.slice(0, 2).join('.')];
    return [];
  }
  if (value.kind === 'call') return value.args.flatMap(referencedPolicies);
  if (value.kind === 'template') {
    // Terraform 0.11 style: "${data.aws_iam_policy_document.x.json}"
    return [...value.text.matchAll(/\$\{\s*(data\.[\w-]+\.[\w-]+|local\.[\w-]+|var\.[\w-]+)/g)].map((m) => m[1]);
  }
  return [];
}
