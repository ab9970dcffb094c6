// CloudFormation/SAM policies: KMS key policies, IAM identity policies (inline on roles, users and groups,
// AWS::IAM::Policy, AWS::IAM::ManagedPolicy, SAM function `Policies`), role trust policies, and
// resource policies (S3 buckets and access points, SQS queues, SNS topics, Secrets Manager, OpenSearch,
// EFS, ECR, Backup vaults, API Gateway REST APIs). YAML and JSON templates
// share the model in cloudformation/model.ts, so one reader serves both; intrinsics (`!Ref`, `!Sub`,
// `{"Fn::Join": …}`) become non-literal strings. The editor writes YAML in the template's layout
// (block lists stay block lists) and JSON like the JSON policy files.
import { cfnTemplate, describeResource, intrinsic, type CfnResource } from '../../cloudformation/model';
import type { SourceFile } from '../../source';
import type { Span, TextEdit } from '../../types';
import { get, scalarString, type DataNode, type MapNode, type PairNode } from '../../yaml/data';
import { yamlString } from '../../yaml/edits';
import { classifyStatements } from '../classify';
import { listText, PLAIN_LAYOUT } from '../list-writer';
import type { PolicyCondition, PolicyDocument, PolicyEditor, PolicyKind, PolicyPrincipal, PolicyStatement, PolicyString } from '../model';
import { registerPolicyExtractor } from '../registry';

interface PolicyLocation {
  /** Path under `Properties`; `*` steps into every item of a list. */
  path: string[];
  kind: PolicyKind;
}

/** Where each resource type keeps its policy documents. */
const POLICY_LOCATIONS: Record<string, PolicyLocation[]> = {
  'AWS::KMS::Key': [{ path: ['KeyPolicy'], kind: 'key-policy' }],
  'AWS::KMS::ReplicaKey': [{ path: ['KeyPolicy'], kind: 'key-policy' }],
  'AWS::IAM::Policy': [{ path: ['PolicyDocument'], kind: 'identity-policy' }],
  'AWS::IAM::ManagedPolicy': [{ path: ['PolicyDocument'], kind: 'identity-policy' }],
  'AWS::IAM::RolePolicy': [{ path: ['PolicyDocument'], kind: 'identity-policy' }],
  'AWS::IAM::UserPolicy': [{ path: ['PolicyDocument'], kind: 'identity-policy' }],
  'AWS::IAM::GroupPolicy': [{ path: ['PolicyDocument'], kind: 'identity-policy' }],
  'AWS::IAM::Role': [
    { path: ['Policies', '*', 'PolicyDocument'], kind: 'identity-policy' },
    { path: ['AssumeRolePolicyDocument'], kind: 'trust-policy' },
  ],
  'AWS::IAM::User': [{ path: ['Policies', '*', 'PolicyDocument'], kind: 'identity-policy' }],
  'AWS::IAM::Group': [{ path: ['Policies', '*', 'PolicyDocument'], kind: 'identity-policy' }],
  'AWS::S3::BucketPolicy': [{ path: ['PolicyDocument'], kind: 'resource-policy' }],
  'AWS::SQS::QueuePolicy': [{ path: ['PolicyDocument'], kind: 'resource-policy' }],
  'AWS::SNS::TopicPolicy': [{ path: ['PolicyDocument'], kind: 'resource-policy' }],
  'AWS::SecretsManager::ResourcePolicy': [{ path: ['ResourcePolicy'], kind: 'resource-policy' }],
  'AWS::S3::AccessPoint': [{ path: ['Policy'], kind: 'resource-policy' }],
  'AWS::OpenSearchService::Domain': [{ path: ['AccessPolicies'], kind: 'resource-policy' }],
  'AWS::Elasticsearch::Domain': [{ path: ['AccessPolicies'], kind: 'resource-policy' }],
  'AWS::EFS::FileSystem': [{ path: ['FileSystemPolicy'], kind: 'resource-policy' }],
  'AWS::ECR::Repository': [{ path: ['RepositoryPolicyText'], kind: 'resource-policy' }],
  'AWS::Backup::BackupVault': [{ path: ['AccessPolicy'], kind: 'resource-policy' }],
  'AWS::ApiGateway::RestApi': [{ path: ['Policy'], kind: 'resource-policy' }],
  // SAM: `Policies` is a managed-policy name, a policy template, a document, or a list of those.
  'AWS::Serverless::Function': [
    { path: ['Policies'], kind: 'identity-policy' },
    { path: ['Policies', '*'], kind: 'identity-policy' },
  ],
};

/** The nodes a location points at, with the pairs that hold them (for naming). */
function nodesAt(properties: MapNode | undefined, path: string[]): Array<{ node: DataNode; label: string }> {
  let current: Array<{ node: DataNode | undefined; label: string }> = [{ node: properties, label: '' }];
  for (const step of path) {
    const next: Array<{ node: DataNode | undefined; label: string }> = [];
    for (const { node, label } of current) {
      if (step === '*') {
        if (node?.type === 'seq') node.items.forEach((item, i) => next.push({ node: item, label: `${label}[${scalarString(get(item, 'PolicyName')) ?? i}]` }));
      } else {
        next.push({ node: get(node, step), label: label ? `${label}.${step}` : step });
      }
    }
    current = next;
  }
  return current.filter((c): c is { node: DataNode; label: string } => !!c.node);
}

/** A string in a policy: literal scalars as they are, intrinsics as their source text, marked non-literal. */
function policyString(file: SourceFile, node: DataNode): PolicyString | undefined {
  if (intrinsic(node)) {
    const call = intrinsic(node)!;
    // `!Sub "arn:aws:iam::${AWS::AccountId}:root"` still says what it grants: keep the template text.
    const text = call.fn === 'Fn::Sub' && call.argument?.type === 'scalar' ? String(call.argument.value) : file.slice(node.span);
    return { value: text, span: node.span, literal: false };
  }
  if (node.type !== 'scalar' || node.value === null) return undefined;
  return { value: String(node.value), span: node.span, literal: true };
}

function strings(file: SourceFile, node: DataNode | undefined): PolicyString[] {
  if (!node) return [];
  if (node.type === 'seq' && !intrinsic(node)) return node.items.map((item) => policyString(file, item)).filter((s): s is PolicyString => !!s);
  const single = policyString(file, node);
  return single ? [single] : [];
}

/** Statement elements are case-sensitive in IAM, but a typo in case should not hide a grant. */
function element(statement: MapNode, ...names: string[]): PairNode | undefined {
  const lower = names.map((n) => n.toLowerCase());
  for (let i = statement.pairs.length - 1; i >= 0; i--) if (lower.includes(statement.pairs[i].key.toLowerCase())) return statement.pairs[i];
  return undefined;
}

function readPrincipals(file: SourceFile, value: DataNode | undefined): { principals: PolicyPrincipal[]; readable: boolean } {
  if (!value) return { principals: [], readable: true };
  if (value.type === 'scalar' || intrinsic(value)) {
    const only = policyString(file, value);
    if (!only) return { principals: [], readable: false };
    return { principals: [{ type: only.literal && only.value === '*' ? '*' : 'AWS', value: only }], readable: only.literal };
  }
  if (value.type !== 'map') return { principals: [], readable: false };
  const principals = value.pairs.flatMap((p) => strings(file, p.value).map((s) => ({ type: p.key, value: s })));
  return { principals, readable: true };
}

function readConditions(file: SourceFile, value: DataNode | undefined): { conditions: PolicyCondition[]; readable: boolean } {
  if (!value) return { conditions: [], readable: true };
  if (value.type !== 'map' || intrinsic(value)) return { conditions: [], readable: false };
  const conditions: PolicyCondition[] = [];
  let readable = true;
  for (const operatorPair of value.pairs) {
    const keys = operatorPair.value;
    if (keys?.type !== 'map' || intrinsic(keys)) {
      readable = false;
      continue;
    }
    for (const keyPair of keys.pairs) conditions.push({ operator: operatorPair.key, key: keyPair.key, values: strings(file, keyPair.value), span: keyPair.span });
  }
  return { conditions, readable };
}

function readStatement(file: SourceFile, node: MapNode): PolicyStatement {
  const effectText = scalarString(element(node, 'Effect')?.value)?.toLowerCase();
  const action = element(node, 'Action', 'NotAction');
  const principal = element(node, 'Principal', 'NotPrincipal');
  const condition = element(node, 'Condition');
  const { principals, readable: principalsReadable } = readPrincipals(file, principal?.value);
  const { conditions, readable } = readConditions(file, condition?.value);
  return {
    sid: scalarString(element(node, 'Sid')?.value),
    effect: effectText === 'allow' ? 'Allow' : effectText === 'deny' ? 'Deny' : undefined,
    actionKey: action ? (action.key.toLowerCase() === 'notaction' ? 'NotAction' : 'Action') : undefined,
    actions: strings(file, action?.value),
    actionValueSpan: action?.value?.span,
    actionKeySpan: action?.keySpan,
    principalKey: principal ? (principal.key.toLowerCase() === 'notprincipal' ? 'NotPrincipal' : 'Principal') : undefined,
    principals,
    principalValueSpan: principal?.value?.span,
    principalKeySpan: principal?.keySpan,
    principalsReadable,
    resources: strings(file, element(node, 'Resource', 'NotResource')?.value),
    conditions,
    hasUnreadableCondition: !!condition && !readable,
    span: node.span,
  };
}

/** Replaces action values in YAML: block lists stay block lists at their indentation, one-liners become flow lists. */
function yamlEditor(file: SourceFile, statementNodes: Map<PolicyStatement, MapNode>): PolicyEditor {
  return {
    replaceActions(statement: PolicyStatement, actions: string[]): TextEdit[] {
      const node = statementNodes.get(statement);
      const actionPair = node && element(node, 'Action', 'NotAction');
      if (!node || !actionPair?.value) return [];
      const value = actionPair.value;
      const quoted = actions.map((a) => yamlString(a));
      const edits: TextEdit[] = [];
      if (value.type === 'seq' && !value.flow && !value.tag) {
        const indent = ' '.repeat(file.lines.positionAt(value.span.start).character);
        edits.push({ span: value.span, newText: quoted.map((q, i) => `${i ? indent : ''}- ${q}`).join(file.eol) });
      } else if (!node.flow && value.type === 'scalar' && actions.length > 1) {
        // `Action: kms:*` → a block list under the key, two columns deeper.
        const keyColumn = file.lines.positionAt(actionPair.keySpan.start).character;
        const indent = ' '.repeat(keyColumn + 2);
        const colon = file.text.indexOf(':', actionPair.keySpan.end);
        edits.push({ span: { start: colon + 1, end: value.span.end }, newText: quoted.map((q) => `${file.eol}${indent}- ${q}`).join('') });
      } else {
        edits.push({ span: value.span, newText: actions.length === 1 ? quoted[0] : `[${quoted.join(', ')}]` });
      }
      if (statement.actionKey === 'NotAction') edits.push({ span: actionPair.keySpan, newText: 'Action' });
      return edits;
    },
  };
}

function jsonEditor(file: SourceFile): PolicyEditor {
  return {
    replaceActions(statement: PolicyStatement, actions: string[]): TextEdit[] {
      if (!statement.actionValueSpan) return [];
      const edits: TextEdit[] = [{ span: statement.actionValueSpan, newText: listText(file, statement.actionValueSpan, actions, PLAIN_LAYOUT, statement.span) }];
      if (statement.actionKey === 'NotAction' && statement.actionKeySpan) edits.push({ span: statement.actionKeySpan, newText: '"Action"' });
      return edits;
    },
  };
}

function readDocument(file: SourceFile, syntax: 'yaml' | 'json', node: DataNode, resource: CfnResource, label: string, kind: PolicyKind): PolicyDocument | undefined {
  if (node.type !== 'map' || intrinsic(node)) return undefined;
  const statementValue = get(node, 'Statement');
  if (!statementValue) return undefined;
  const statementNodes = statementValue.type === 'seq' ? statementValue.items.filter((n): n is MapNode => n.type === 'map' && !intrinsic(n)) : statementValue.type === 'map' ? [statementValue] : [];
  const byStatement = new Map<PolicyStatement, MapNode>();
  const statements = statementNodes.map((n) => {
    const statement = readStatement(file, n);
    byStatement.set(statement, n);
    return statement;
  });
  const ownerAddress = `${resource.type} ${resource.logicalId}`;
  return {
    // A SAM `Policies` entry or an unknown location: let the statements say what it is.
    kind: kind === 'identity-policy' && statements.some((s) => s.principalKey) ? classifyStatements(statements, label) : kind,
    origin: `${describeResource(resource)} ${label}`,
    statements,
    span: node.span,
    editor: syntax === 'yaml' ? yamlEditor(file, byStatement) : jsonEditor(file),
    owner: { address: ownerAddress, span: resource.pair.keySpan as Span },
  };
}

export function extractCloudFormationPolicies(file: SourceFile): PolicyDocument[] {
  const template = cfnTemplate(file);
  const syntax = template.document.syntax;
  const documents: PolicyDocument[] = [];
  for (const resource of template.resources) {
    const locations = resource.type ? POLICY_LOCATIONS[resource.type] : undefined;
    if (!locations || !resource.properties) continue;
    for (const location of locations) {
      for (const { node, label } of nodesAt(resource.properties, location.path)) {
        const document = readDocument(file, syntax, node, resource, label, location.kind);
        if (document) documents.push(document);
      }
    }
  }
  return documents;
}

registerPolicyExtractor('cloudformation-yaml', extractCloudFormationPolicies);
registerPolicyExtractor('cloudformation-json', extractCloudFormationPolicies);
