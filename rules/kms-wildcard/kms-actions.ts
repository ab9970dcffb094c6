// KMS action vocabulary shared by the kms-wildcard rules: the two least-privilege lists offered in
// place of `kms:*` (exactly the organisation's key policy example, ../shared/seeds: "AllowKeyUsage" and
// "AllowKeyAdmins"), what counts as a wildcard grant, and which actions administer or use a key.
import type { PolicyDocument, PolicyStatement, PolicyString } from '../../server/src/engine/policy';
import type { SourceFile } from '../../server/src/engine/source';
import type { RelatedLocation } from '../../server/src/engine/types';

/** The seeds' "AllowKeyUsage" statement: what an application needs to encrypt and decrypt. */
export const KEY_USAGE_ACTIONS = ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey'];

/** The seeds' "AllowKeyAdmins" statement: managing the key without being able to use it. */
export const KEY_ADMIN_ACTIONS = [
  'kms:Create*',
  'kms:Describe*',
  'kms:Enable*',
  'kms:List*',
  'kms:Put*',
  'kms:Update*',
  'kms:Revoke*',
  'kms:Disable*',
  'kms:Get*',
  'kms:Delete*',
  'kms:ScheduleKeyDeletion',
  'kms:CancelKeyDeletion',
];

/** `*` and `kms:*` (any case, repeated stars) grant every KMS operation, including PutKeyPolicy and ScheduleKeyDeletion. */
export function isFullWildcard(action: string): boolean {
  return /^(\*+|kms:\*+)$/i.test(action.trim());
}

/** KMS operations that change a key or who may use it. */
const ADMIN_OPERATIONS = [
  // Most consequential first: messages quote the first ones a statement grants.
  'PutKeyPolicy', 'ScheduleKeyDeletion', 'DisableKey', 'CreateGrant', 'DeleteImportedKeyMaterial', 'DisableKeyRotation',
  'ImportKeyMaterial', 'ReplicateKey', 'RevokeGrant', 'UpdatePrimaryRegion', 'CancelKeyDeletion', 'EnableKey',
  'EnableKeyRotation', 'RotateKeyOnDemand', 'CreateAlias', 'CreateKey', 'DeleteAlias', 'UpdateAlias',
  'UpdateKeyDescription', 'TagResource', 'UntagResource', 'ConnectCustomKeyStore', 'CreateCustomKeyStore',
  'DeleteCustomKeyStore', 'DisconnectCustomKeyStore', 'UpdateCustomKeyStore',
];

/** KMS operations that use key material on data. */
const CRYPTO_OPERATIONS = [
  'Decrypt', 'Encrypt', 'DeriveSharedSecret', 'GenerateDataKey', 'GenerateDataKeyPair', 'GenerateDataKeyPairWithoutPlaintext',
  'GenerateDataKeyWithoutPlaintext', 'GenerateMac', 'ReEncryptFrom', 'ReEncryptTo', 'Sign', 'Verify', 'VerifyMac',
];

function patternOf(action: string): RegExp | undefined {
  const match = /^kms:(.+)$/i.exec(action.trim());
  if (!match) return undefined;
  const body = match[1].replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`, 'i');
}

/** The KMS operations of `operations` an action pattern (`kms:Create*`, `kms:Decrypt`) grants. */
function matching(action: string, operations: string[]): string[] {
  const pattern = patternOf(action);
  return pattern ? operations.filter((op) => pattern.test(op)) : [];
}

export function adminOperations(actions: PolicyString[]): string[] {
  return [...new Set(actions.filter((a) => a.literal).flatMap((a) => matching(a.value, ADMIN_OPERATIONS)))];
}

export function cryptoOperations(actions: PolicyString[]): string[] {
  return [...new Set(actions.filter((a) => a.literal).flatMap((a) => matching(a.value, CRYPTO_OPERATIONS)))];
}

/**
 * `arn:aws:iam::111122223333:root`, `111122223333`, or the same with the account id interpolated
 * (`${data.aws_caller_identity.current.account_id}`, `!Sub …${AWS::AccountId}:root`, or an
 * `Fn::Join` of `arn:aws:iam::`, the account and `:root`, which reaches us as its source text).
 */
export function isAccountRoot(principal: PolicyString, file: SourceFile): boolean {
  const text = principal.value;
  if (ACCOUNT_ROOT_ARN.test(text) || /^\d{12}$/.test(text) || /^\$\{[^}]*account_?id[^}]*\}$/i.test(text)) return true;
  if (principal.literal) return false;
  // An expression: judge by what is written, e.g. `{"Fn::Join": ["", ["arn:", {"Ref": "AWS::Partition"},
  // ":iam::", {"Ref": "AWS::AccountId"}, ":root"]]}`, which reaches us as its source text.
  const source = file.slice(principal.span);
  return /arn:/i.test(source) && /:iam::/i.test(source) && /:root["'\s\]}]*$/i.test(source.trim());
}

/**
 * A partition written literally (`aws`, `aws-cn`, `aws-us-gov`) or interpolated, as real templates do
 * to deploy in every partition: `${AWS::Partition}` (CloudFormation `!Sub`) or
 * `${data.aws_partition.current.partition}` (Terraform).
 */
const PARTITION = String.raw`(?:aws[a-z-]*|\$\{[^}]+\})`;
const ACCOUNT_ROOT_ARN = new RegExp(String.raw`^arn:${PARTITION}:iam::(?:\d{12}|\$\{[^}]+\}):root$`, 'i');
const EVERY_ACCOUNT_ROOT_ARN = new RegExp(String.raw`^arn:${PARTITION}:iam::\*:root$`, 'i');

/** A principal as messages show it: literal values as written, expressions folded onto one short line. */
export function principalLabel(principal: PolicyString, file: SourceFile): string {
  if (principal.literal) return principal.value;
  const folded = (principal.value.trim() || file.slice(principal.span)).replace(/\s+/g, ' ').trim();
  return folded.length > 60 ? `${folded.slice(0, 57)}…` : folded;
}

/**
 * The statement AWS puts in every default key policy ("Enable IAM User Permissions"): the account
 * root may do anything with the key. It does not grant access by itself — it lets IAM policies in the
 * account grant it — and AWS documents that removing it can make the key unmanageable. So in a key
 * policy it is not reported as a wildcard grant; the IAM policies it enables are checked where they are defined.
 */
export function isAccountRootDelegation(statement: PolicyStatement, document: PolicyDocument | undefined, file: SourceFile): boolean {
  if (document?.kind !== 'key-policy' || statement.principalKey !== 'Principal' || !statement.principals.length) return false;
  if (statement.conditions.length || statement.hasUnreadableCondition) return false;
  return statement.principals.every((p) => p.type.toUpperCase() === 'AWS' && isAccountRoot(p.value, file));
}

/**
 * `Principal: "*"`, `{"AWS": "*"}`, principals `{ type = "*" … }`, or `arn:aws:iam::*:root` (the root
 * of every account): anyone, in any account.
 */
export function isPublicPrincipal(principal: { type: string; value: PolicyString }): boolean {
  const value = principal.value.value.trim();
  if (principal.type !== '*' && principal.type.toUpperCase() !== 'AWS') return false;
  return value === '*' || EVERY_ACCOUNT_ROOT_ARN.test(value);
}

/** `Sid "AllowKeyUsage"` or `statement 2`, for messages. */
export function statementName(statement: PolicyStatement): string {
  if (statement.sid) return `statement "${statement.sid}"`;
  const index = statement.document ? statement.document.statements.indexOf(statement) : -1;
  return index >= 0 ? `statement ${index + 1}` : 'a statement';
}

/** ` (from the default of variable "x")` for a value that came through a reference, else ''. */
export function originSuffix(value: PolicyString): string {
  return value.origin ? ` (from the ${value.origin.description})` : '';
}

/** The definition of a value that came through a reference, as a related location. */
export function originRelated(value: PolicyString, file: SourceFile): RelatedLocation[] {
  const origin = value.origin;
  if (!origin) return [];
  return [{ message: `value defined here: ${origin.description}`, path: origin.path === file.path ? undefined : origin.path, span: origin.span }];
}
