// Google Cloud KMS IAM: `google_kms_crypto_key_iam_member|binding|policy` and the `key_ring`
// equivalents must not grant to `allUsers` or `allAuthenticatedUsers`. An `_iam_policy` resource takes
// its bindings from a `data "google_iam_policy"` (often in another file of the module); the finding is
// reported on the KMS resource that applies it, naming the binding.
import { attr, blockAddress, childBlocks, dataSources, resources, terraformFile, type TfBlock, type TfFile, type TfValue } from '../../server/src/engine/terraform/model';
import type { RelatedLocation, Span } from '../../server/src/engine/types';
import type { RuleContext } from '../define';

const PUBLIC_MEMBERS = new Set(['allUsers', 'allAuthenticatedUsers']);
const KMS_IAM = ['google_kms_crypto_key_iam_member', 'google_kms_crypto_key_iam_binding', 'google_kms_key_ring_iam_member', 'google_kms_key_ring_iam_binding'];
const KMS_IAM_POLICY = ['google_kms_crypto_key_iam_policy', 'google_kms_key_ring_iam_policy'];

interface PublicMember {
  member: string;
  span: Span;
}

function publicMembers(value: TfValue | undefined): PublicMember[] {
  if (!value) return [];
  if (value.kind === 'string') return PUBLIC_MEMBERS.has(value.value) ? [{ member: value.value, span: value.span }] : [];
  if (value.kind === 'tuple') return value.items.flatMap(publicMembers);
  return [];
}

/** `member` (single) and `members` (list) of a block; data `google_iam_policy` bindings only document `members`, but `member` is tolerated. */
function membersOf(block: TfBlock): PublicMember[] {
  return [...publicMembers(attr(block, 'member')?.value), ...publicMembers(attr(block, 'members')?.value)];
}

function role(block: TfBlock): string {
  const value = attr(block, 'role')?.value;
  return value?.kind === 'string' ? ` ${value.value}` : '';
}

export function checkGoogleKmsIamBindings(context: RuleContext): void {
  const tf = terraformFile(context.file);
  for (const block of resources(tf, ...KMS_IAM)) {
    for (const open of membersOf(block)) {
      context.report({
        span: open.span,
        message: `${blockAddress(block)} grants${role(block)} on a KMS ${block.labels[0].includes('key_ring') ? 'key ring' : 'key'} to "${open.member}", which is anyone${open.member === 'allAuthenticatedUsers' ? ' with a Google account' : ''}`,
      });
    }
  }
  const files: TfFile[] = context.module()?.files ?? [tf];
  for (const block of resources(tf, ...KMS_IAM_POLICY)) {
    const policyData = attr(block, 'policy_data');
    if (policyData?.value.kind !== 'reference') continue;
    const [root, type, name] = policyData.value.path.split('.');
    if (root !== 'data' || type !== 'google_iam_policy') continue;
    const source = files.flatMap((f) => dataSources(f, 'google_iam_policy')).find((d) => d.labels[1] === name);
    if (!source) continue;
    for (const binding of childBlocks(source, 'binding')) {
      for (const open of membersOf(binding)) {
        const related: RelatedLocation[] = [{ message: `binding${role(binding)} to ${open.member}`, span: open.span, path: source.file.path === context.file.path ? undefined : source.file.path }];
        context.report({
          span: policyData.span,
          message: `${blockAddress(block)} applies ${blockAddress(source)}, which grants${role(binding)} to "${open.member}" (anyone${open.member === 'allAuthenticatedUsers' ? ' with a Google account' : ''})`,
          related,
        });
      }
    }
  }
}
