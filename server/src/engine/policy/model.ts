// ONE model of IAM and KMS policy documents. Every source — policy JSON files, Terraform
// `jsonencode()`, heredoc and quoted JSON strings, `data "aws_iam_policy_document"`, CloudFormation
// `PolicyDocument`/`KeyPolicy`, CDK `PolicyStatement` — is turned into this model by an extractor,
// and the policy rules are written once, against it.
import type { Span, TextEdit } from '../types';

/** A string in a policy, with where it sits in the source. `literal` is false for references (`var.x`, `!Ref`). */
export interface PolicyString {
  value: string;
  span: Span;
  literal: boolean;
  /**
   * Set when the value was written elsewhere and reached here through a reference (`var.actions` with
   * a literal default): `span` is the use site, where findings go; this names and locates the definition.
   */
  origin?: { description: string; path: string; span: Span };
}

export interface PolicyPrincipal {
  /** `AWS`, `Service`, `Federated`, `CanonicalUser`, or `*` for the bare `"Principal": "*"`. */
  type: string;
  value: PolicyString;
}

export interface PolicyCondition {
  operator: string;
  key: string;
  values: PolicyString[];
  span: Span;
}

export interface PolicyStatement {
  sid?: string;
  /** Missing Effect is treated as unknown, not Allow. */
  effect: 'Allow' | 'Deny' | undefined;
  /** Whether actions came from `Action` or `NotAction` (`actions`/`not_actions` in policy documents). */
  actionKey: 'Action' | 'NotAction' | undefined;
  actions: PolicyString[];
  /** Span of the whole action value (the list or the single string), for replacement fixes. */
  actionValueSpan?: Span;
  /** Span of the `Action`/`NotAction` key, for fixes that rename it. */
  actionKeySpan?: Span;
  principalKey: 'Principal' | 'NotPrincipal' | undefined;
  principals: PolicyPrincipal[];
  principalValueSpan?: Span;
  resources: PolicyString[];
  conditions: PolicyCondition[];
  /** True when a Condition exists but could not be read statically (e.g. a reference). */
  hasUnreadableCondition: boolean;
  /** The whole statement, where findings about the statement as a whole go. */
  span: Span;
  /** Span of the `Principal`/`NotPrincipal` key (or the `principals` block), for findings about who is allowed. */
  principalKeySpan?: Span;
  /** False when the Principal value exists but could not be read statically (a reference). */
  principalsReadable?: boolean;
  /** The document this statement belongs to (set by `policyDocuments`). */
  document?: PolicyDocument;
}

/**
 * What the document governs. `key-policy` is a KMS key's own policy; `resource-policy` any other
 * resource-based policy (bucket, queue, topic…); `trust-policy` a role's assume-role policy.
 */
export type PolicyKind = 'key-policy' | 'identity-policy' | 'resource-policy' | 'trust-policy' | 'unknown';

export interface PolicyDocument {
  kind: PolicyKind;
  /** Human-readable origin for messages, e.g. `aws_kms_key.main policy` or `key-policy.json`. */
  origin: string;
  statements: PolicyStatement[];
  span: Span;
  /** Writes values in this source's syntax (JSON, HCL, escaped JSON inside an HCL string, YAML, TS). */
  editor: PolicyEditor;
  /**
   * The resource or data source the policy belongs to, when there is one: `aws_kms_key.main`,
   * `data.aws_iam_policy_document.key`, `AWS::KMS::Key MyKey`. Rules use it to name the policy.
   */
  owner?: { address: string; span: Span };
}

export interface PolicyEditor {
  /**
   * Replaces a statement's action value with this list of actions, in the source's own syntax and
   * layout (one per line when the original list was multi-line). A `NotAction` key becomes `Action`
   * (`not_actions` becomes `actions`), so the result grants exactly the listed actions.
   */
  replaceActions(statement: PolicyStatement, actions: string[]): TextEdit[];
}
