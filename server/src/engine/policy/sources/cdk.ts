// AWS CDK policies (TypeScript/JavaScript stacks, read statically):
//   new iam.PolicyStatement({ effect, actions, notActions, principals, notPrincipals, resources, conditions, sid })
//     plus later `stmt.addActions(...)`, `addAnyPrincipal()`, `addPrincipals(...)`, `addCondition(...)`;
//   iam.PolicyDocument.fromJson({ Statement: [...] }) and iam.PolicyStatement.fromJson({...});
//   key.grant(principal, 'kms:*', ...).
// What a statement governs comes from where it goes: the `policy` of a kms.Key or `key.addToResourcePolicy`
// make a key policy, `role.addToPolicy` or `new iam.Policy` an identity policy. CDK statements default
// to Allow (JSON ones do not). Principals are constructs: `new iam.AnyPrincipal()`/`StarPrincipal` are
// "*", `AccountRootPrincipal` is the account root, the rest are references we name but cannot read.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { cdkConstructs, describeConstruct } from '../../cdk/constructs';
import { cdkSymbol, importsCdk } from '../../cdk/symbols';
import type { SourceFile } from '../../source';
import type { Span, TextEdit } from '../../types';
import { indentUnit, indentationAt } from '../../fix';
import { memberPath, NodeType, nodesOfType, parentOf, quoteString, spanOf, stringValue, type Node } from '../../typescript/nodes';
import { getProperty, objectLiteralOf, propertyName, type ObjectLiteral } from '../../typescript/objects';
import { callsByReceiver, referencesByPath } from '../../typescript/references';
import { resolveValue } from '../../typescript/values';
import { classifyStatements } from '../classify';
import type { PolicyCondition, PolicyDocument, PolicyEditor, PolicyKind, PolicyPrincipal, PolicyStatement, PolicyString } from '../model';
import { registerPolicyExtractor } from '../registry';

/** How a statement's action list is written, so the editor can rewrite it in place. */
type ActionSite =
  | { style: 'array'; value: Node; key: Node; jsonKeys: boolean }
  | { style: 'arguments'; args: Node[] };

interface Extracted {
  statement: PolicyStatement;
  site?: ActionSite;
}

// ---------------------------------------------------------------------------------- strings

function policyString(file: SourceFile, node: Node): PolicyString {
  const resolved = resolveValue(file, node);
  const text = stringValue(resolved.node);
  const span = spanOf(node);
  if (text !== undefined) return { value: text, span, literal: true };
  // A template literal still says what it grants: `arn:aws:iam::${this.account}:root`.
  if (resolved.node.type === 'TemplateLiteral') return { value: file.slice(spanOf(resolved.node)).slice(1, -1), span, literal: false };
  return { value: file.slice(span), span, literal: false };
}

/** A string or a list of strings (array literal, possibly through a const; spreads are opaque). */
function stringList(file: SourceFile, node: Node | undefined): PolicyString[] {
  if (!node) return [];
  const resolved = resolveValue(file, node).node;
  if (resolved.type === 'ArrayExpression') {
    return resolved.elements.flatMap((element) => {
      if (!element) return [];
      if (element.type === 'SpreadElement') return stringList(file, element.argument);
      return [policyString(file, element)];
    });
  }
  return [policyString(file, node)];
}

// ------------------------------------------------------------------------------- principals

function principalOf(file: SourceFile, node: Node): { principals: PolicyPrincipal[]; conditions: ObjectLiteral[] } {
  const resolved = resolveValue(file, node).node;
  const span = spanOf(node);
  const reference = (type = 'AWS'): PolicyPrincipal => ({ type, value: { value: file.slice(span), span, literal: false } });
  // `principal.withConditions({...})` narrows the principal with a Condition.
  if (resolved.type === 'CallExpression' && resolved.callee.type === 'MemberExpression' && memberPath(resolved.callee)?.slice(-1)[0] === 'withConditions') {
    const inner = principalOf(file, resolved.callee.object);
    const condition = objectLiteralOf(file, resolved.arguments[0] as Node | undefined);
    return { principals: inner.principals, conditions: [...inner.conditions, ...(condition ? [condition.object] : [])] };
  }
  if (resolved.type !== 'NewExpression') return { principals: [reference()], conditions: [] };
  const symbol = cdkSymbol(file, resolved.callee);
  if (!symbol || symbol.service !== 'iam') return { principals: [reference()], conditions: [] };
  const arg = resolved.arguments[0] as Node | undefined;
  const literalArg = arg && stringValue(resolveValue(file, arg).node);
  switch (symbol.path[0]) {
    case 'AnyPrincipal':
    case 'StarPrincipal':
      return { principals: [{ type: '*', value: { value: '*', span, literal: true } }], conditions: [] };
    case 'ArnPrincipal':
      return { principals: [arg ? { type: 'AWS', value: policyString(file, arg) } : reference()], conditions: [] };
    case 'AccountRootPrincipal':
      return { principals: [{ type: 'AWS', value: { value: 'arn:aws:iam::${AWS::AccountId}:root', span, literal: false } }], conditions: [] };
    case 'AccountPrincipal':
      return {
        principals: [{ type: 'AWS', value: literalArg !== undefined ? { value: `arn:aws:iam::${literalArg}:root`, span, literal: true } : { value: `arn:aws:iam::\${${arg ? file.slice(spanOf(arg)) : ''}}:root`, span, literal: false } }],
        conditions: [],
      };
    case 'ServicePrincipal':
      return { principals: [arg ? { type: 'Service', value: policyString(file, arg) } : reference('Service')], conditions: [] };
    case 'CompositePrincipal': {
      const parts = resolved.arguments.map((a) => principalOf(file, a as Node));
      return { principals: parts.flatMap((p) => p.principals), conditions: parts.flatMap((p) => p.conditions) };
    }
    case 'FederatedPrincipal':
    case 'WebIdentityPrincipal':
    case 'OpenIdConnectPrincipal':
    case 'SamlPrincipal':
      return { principals: [reference('Federated')], conditions: [] };
    default:
      // OrganizationPrincipal, PrincipalWithConditions and friends carry their own narrowing.
      return { principals: [reference()], conditions: [] };
  }
}

function principalList(file: SourceFile, node: Node | undefined): { principals: PolicyPrincipal[]; conditions: ObjectLiteral[]; readable: boolean } {
  if (!node) return { principals: [], conditions: [], readable: true };
  const resolved = resolveValue(file, node).node;
  if (resolved.type !== 'ArrayExpression') return { principals: [], conditions: [], readable: false };
  const parts = resolved.elements.filter((e): e is TSESTree.Expression => !!e && e.type !== 'SpreadElement').map((e) => principalOf(file, e));
  return { principals: parts.flatMap((p) => p.principals), conditions: parts.flatMap((p) => p.conditions), readable: !resolved.elements.some((e) => e?.type === 'SpreadElement') };
}

// ------------------------------------------------------------------------------- conditions

function readConditions(file: SourceFile, node: Node | undefined): { conditions: PolicyCondition[]; readable: boolean } {
  if (!node) return { conditions: [], readable: true };
  const object = objectLiteralOf(file, node)?.object;
  if (!object) return { conditions: [], readable: false };
  const conditions: PolicyCondition[] = [];
  let readable = true;
  for (const operator of object.properties) {
    const operatorName = operator.type === 'Property' ? propertyName(operator) : undefined;
    const keys = operator.type === 'Property' ? objectLiteralOf(file, operator.value as Node)?.object : undefined;
    if (!operatorName || !keys) {
      readable = false;
      continue;
    }
    for (const key of keys.properties) {
      const keyName = key.type === 'Property' ? propertyName(key) : undefined;
      if (!keyName || key.type !== 'Property') {
        readable = false;
        continue;
      }
      conditions.push({ operator: operatorName, key: keyName, values: stringList(file, key.value as Node), span: spanOf(key) });
    }
  }
  return { conditions, readable };
}

// -------------------------------------------------------------------------------- statements

/** Calls on a bound statement that change it after construction: `stmt.addActions('kms:*')`. */
function laterCalls(file: SourceFile, binding: string | undefined): TSESTree.CallExpression[] {
  return binding ? (callsByReceiver(file).get(binding) ?? []) : [];
}

function bindingOf(file: SourceFile, node: Node): string | undefined {
  const parent = parentOf(file, node);
  if (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier') return parent.id.name;
  if (parent?.type === 'AssignmentExpression') return memberPath(parent.left)?.join('.');
  if (parent?.type === 'PropertyDefinition' && parent.key.type === 'Identifier') return `this.${parent.key.name}`;
  return undefined;
}

function readCdkStatement(file: SourceFile, node: TSESTree.NewExpression): Extracted {
  const props = objectLiteralOf(file, node.arguments[0] as Node | undefined)?.object;
  const prop = (name: string) => (props ? getProperty(props, name) : undefined);
  const effectNode = prop('effect')?.value as Node | undefined;
  const effectMember = effectNode ? cdkSymbol(file, resolveValue(file, effectNode).node)?.path[1] : 'ALLOW';
  const actionProperty = prop('actions') ?? prop('notActions');
  const principalProperty = prop('principals') ?? prop('notPrincipals');
  const principals = principalList(file, principalProperty?.value as Node | undefined);
  const conditionProperty = prop('conditions');
  const conditions = readConditions(file, conditionProperty?.value as Node | undefined);
  const actions = stringList(file, actionProperty?.value as Node | undefined);
  const resources = stringList(file, (prop('resources') ?? prop('notResources'))?.value as Node | undefined);
  let site: ActionSite | undefined = actionProperty ? { style: 'array', value: actionProperty.value as Node, key: actionProperty.key, jsonKeys: false } : undefined;
  let actionSources = actionProperty ? 1 : 0;
  let unreadableCondition = !!conditionProperty && !conditions.readable;
  let principalKey: PolicyStatement['principalKey'] = principalProperty ? (propertyName(principalProperty) === 'notPrincipals' ? 'NotPrincipal' : 'Principal') : undefined;

  for (const call of laterCalls(file, bindingOf(file, node))) {
    const method = memberPath(call.callee)?.slice(-1)[0];
    const args = call.arguments.filter((a): a is TSESTree.Expression => a.type !== 'SpreadElement');
    if (method === 'addActions') {
      actions.push(...args.map((a) => policyString(file, a)));
      actionSources++;
      if (!site && args.length) site = { style: 'arguments', args };
    } else if (method === 'addAnyPrincipal' || method === 'addStarPrincipal') {
      principals.principals.push({ type: '*', value: { value: '*', span: spanOf(call), literal: true } });
      principalKey ??= 'Principal';
    } else if (method === 'addPrincipals') {
      for (const arg of args) {
        const added = principalOf(file, arg);
        principals.principals.push(...added.principals);
        principals.conditions.push(...added.conditions);
      }
      principalKey ??= 'Principal';
    } else if (method === 'addArnPrincipal' && args[0]) {
      principals.principals.push({ type: 'AWS', value: policyString(file, args[0]) });
      principalKey ??= 'Principal';
    } else if (method === 'addAccountRootPrincipal') {
      principals.principals.push({ type: 'AWS', value: { value: 'arn:aws:iam::${AWS::AccountId}:root', span: spanOf(call), literal: false } });
      principalKey ??= 'Principal';
    } else if (method === 'addCondition' && args.length >= 2) {
      const key = args[1] ? objectLiteralOf(file, args[1])?.object : undefined;
      const operator = stringValue(args[0]);
      if (!operator || !key) unreadableCondition = true;
      else for (const entry of key.properties) if (entry.type === 'Property') conditions.conditions.push({ operator, key: propertyName(entry) ?? '', values: stringList(file, entry.value as Node), span: spanOf(entry) });
    } else if (method === 'addConditions' || method === 'addFields') {
      unreadableCondition = true;
    } else if (method === 'addResources' || method === 'addAllResources') {
      resources.push(...(method === 'addAllResources' ? [{ value: '*', span: spanOf(call), literal: true }] : args.map((a) => policyString(file, a))));
    }
  }
  for (const narrowing of principals.conditions) {
    const read = readConditions(file, narrowing);
    conditions.conditions.push(...read.conditions);
    if (!read.readable) unreadableCondition = true;
  }
  return {
    statement: {
      sid: stringValue(prop('sid')?.value as Node | undefined),
      effect: effectMember === 'ALLOW' ? 'Allow' : effectMember === 'DENY' ? 'Deny' : undefined,
      actionKey: actionProperty && propertyName(actionProperty) === 'notActions' ? 'NotAction' : actions.length || actionProperty ? 'Action' : undefined,
      actions,
      actionValueSpan: actionSources === 1 && site ? siteSpan(site) : undefined,
      actionKeySpan: actionProperty ? spanOf(actionProperty.key) : undefined,
      principalKey,
      principals: principals.principals,
      principalValueSpan: principalProperty ? spanOf(principalProperty.value as Node) : undefined,
      principalKeySpan: principalProperty ? spanOf(principalProperty.key) : undefined,
      principalsReadable: principals.readable,
      resources,
      conditions: conditions.conditions,
      hasUnreadableCondition: unreadableCondition,
      span: spanOf(node),
    },
    site: actionSources === 1 ? site : undefined,
  };
}

function siteSpan(site: ActionSite): Span {
  if (site.style === 'array') return spanOf(site.value);
  return { start: site.args[0].range[0], end: site.args[site.args.length - 1].range[1] };
}

/** A statement written as IAM JSON inside `fromJson({...})`. */
function readJsonStatement(file: SourceFile, object: ObjectLiteral): Extracted {
  const prop = (...names: string[]) => {
    for (const name of names) {
      const found = getProperty(object, name);
      if (found) return found;
    }
    return undefined;
  };
  const effect = stringValue(prop('Effect')?.value as Node | undefined)?.toLowerCase();
  const action = prop('Action', 'NotAction');
  const principal = prop('Principal', 'NotPrincipal');
  const condition = prop('Condition');
  const conditions = readConditions(file, condition?.value as Node | undefined);
  let principals: PolicyPrincipal[] = [];
  let principalsReadable = true;
  if (principal) {
    const value = resolveValue(file, principal.value as Node).node;
    const single = stringValue(value);
    if (single !== undefined) principals = [{ type: single === '*' ? '*' : 'AWS', value: policyString(file, principal.value as Node) }];
    else if (value.type === 'ObjectExpression') {
      principals = value.properties.flatMap((p) => (p.type === 'Property' ? stringList(file, p.value as Node).map((s) => ({ type: propertyName(p) ?? 'AWS', value: s })) : []));
    } else principalsReadable = false;
  }
  return {
    statement: {
      sid: stringValue(prop('Sid')?.value as Node | undefined),
      effect: effect === 'allow' ? 'Allow' : effect === 'deny' ? 'Deny' : undefined,
      actionKey: action ? (propertyName(action) === 'NotAction' ? 'NotAction' : 'Action') : undefined,
      actions: stringList(file, action?.value as Node | undefined),
      actionValueSpan: action ? spanOf(action.value as Node) : undefined,
      actionKeySpan: action ? spanOf(action.key) : undefined,
      principalKey: principal ? (propertyName(principal) === 'NotPrincipal' ? 'NotPrincipal' : 'Principal') : undefined,
      principals,
      principalValueSpan: principal ? spanOf(principal.value as Node) : undefined,
      principalKeySpan: principal ? spanOf(principal.key) : undefined,
      principalsReadable,
      resources: stringList(file, prop('Resource', 'NotResource')?.value as Node | undefined),
      conditions: conditions.conditions,
      hasUnreadableCondition: !!condition && !conditions.readable,
      span: spanOf(object),
    },
    site: action ? { style: 'array', value: action.value as Node, key: action.key, jsonKeys: true } : undefined,
  };
}

// ------------------------------------------------------------------------------------ editor

function actionListText(file: SourceFile, site: ActionSite, actions: string[]): string {
  const quoted = actions.map((a) => quoteString(file, a));
  if (site.style === 'arguments') return quoted.join(', ');
  const original = file.slice(spanOf(site.value));
  if (!/\n/.test(original)) return `[${quoted.join(', ')}]`;
  const closingIndent = indentationAt(file, site.value.range[1] - 1);
  const firstItem = /\r?\n([ \t]*)\S/.exec(original);
  const itemIndent = firstItem ? firstItem[1] : closingIndent + indentUnit(file);
  const trailingComma = /,\s*\]$/.test(original) ? ',' : '';
  return `[${file.eol}${quoted.map((q) => itemIndent + q).join(`,${file.eol}`)}${trailingComma}${file.eol}${closingIndent}]`;
}

function editorFor(file: SourceFile, sites: Map<PolicyStatement, ActionSite | undefined>): PolicyEditor {
  return {
    replaceActions(statement: PolicyStatement, actions: string[]): TextEdit[] {
      const site = sites.get(statement);
      if (!site || !statement.actionValueSpan) return [];
      const edits: TextEdit[] = [{ span: statement.actionValueSpan, newText: actionListText(file, site, actions) }];
      if (statement.actionKey === 'NotAction' && site.style === 'array') edits.push({ span: spanOf(site.key), newText: site.jsonKeys ? 'Action' : 'actions' });
      return edits;
    },
  };
}

// -------------------------------------------------------------------------------- placement

interface Placement {
  kind: PolicyKind | undefined;
  origin: string;
  owner?: { address: string; span: Span };
}

const IDENTITY_METHODS = new Set(['addToPolicy', 'addToPrincipalPolicy', 'addStatements', 'addToRolePolicy', 'attachInlinePolicy']);

/** KMS key constructs by the name the file binds them to (`key`, `this.dataKey`). */
function kmsKeyBindings(file: SourceFile): Map<string, string> {
  return file.cached('cdk-kms-key-bindings', () => {
    const bindings = new Map<string, string>();
    for (const construct of cdkConstructs(file)) {
      if (construct.symbol.service !== 'kms' || !['Key', 'CfnKey'].includes(construct.symbol.path[0])) continue;
      const binding = bindingOf(file, construct.node);
      if (binding) bindings.set(binding, describeConstruct(construct));
    }
    return bindings;
  });
}

function isKmsKeyExpression(file: SourceFile, node: Node): string | undefined {
  const path = memberPath(node)?.join('.');
  return path ? kmsKeyBindings(file).get(path) : undefined;
}

/** Where a statement or document ends up, judged from the expression that holds it and its bindings. */
function placementOf(file: SourceFile, node: Node, label: string, depth = 0): Placement {
  let current: Node = node;
  let parent = parentOf(file, current);
  // Climb through arrays and `statements: [...]` props objects of PolicyDocument / Policy.
  while (parent && depth < 6) {
    if (parent.type === 'ArrayExpression' || parent.type === 'TSAsExpression') {
      current = parent;
      parent = parentOf(file, current);
      continue;
    }
    if (parent.type === 'Property') {
      const name = propertyName(parent);
      const holder = parentOf(file, parent);
      const construct = holder && parentOf(file, holder);
      if (construct?.type === 'NewExpression') {
        const symbol = cdkSymbol(file, construct.callee);
        const ctorName = file.slice(spanOf(construct.callee));
        if (symbol?.service === 'kms' && (name === 'policy' || name === 'keyPolicy')) {
          const key = cdkConstructs(file).find((c) => c.node === construct);
          const described = key ? describeConstruct(key) : ctorName;
          return { kind: 'key-policy', origin: `${described} key policy`, owner: { address: described, span: spanOf(construct.callee) } };
        }
        if (symbol?.service === 'iam' && symbol.path[0] === 'PolicyDocument' && name === 'statements') return placementOf(file, construct, label, depth + 1);
        if (symbol?.service === 'iam' && ['Policy', 'ManagedPolicy'].includes(symbol.path[0]) && name === 'statements') return { kind: 'identity-policy', origin: `${ctorName} statement` };
        if (symbol?.service === 'iam' && symbol.path[0] === 'Role' && name === 'inlinePolicies') return { kind: 'identity-policy', origin: `${ctorName} inline policy` };
        if (symbol?.service === 'iam' && symbol.path[0] === 'Role' && name === 'assumeRolePolicy') return { kind: 'trust-policy', origin: `${ctorName} trust policy` };
      }
      if (holder?.type === 'ObjectExpression' && parentOf(file, holder)?.type === 'Property') {
        // `inlinePolicies: { name: doc }`
        current = holder;
        parent = parentOf(file, holder);
        continue;
      }
      break;
    }
    if (parent.type === 'CallExpression' && parent.callee.type === 'MemberExpression' && parent.arguments.includes(current as TSESTree.CallExpressionArgument)) {
      const method = memberPath(parent.callee)?.slice(-1)[0];
      const receiver = parent.callee.object;
      if (method === 'addToResourcePolicy') {
        const key = isKmsKeyExpression(file, receiver);
        const receiverText = file.slice(spanOf(receiver));
        if (key) return { kind: 'key-policy', origin: `${key} key policy`, owner: { address: key, span: spanOf(receiver) } };
        return { kind: /key/i.test(receiverText) ? 'key-policy' : 'resource-policy', origin: `${label} added to ${receiverText}` };
      }
      if (method && IDENTITY_METHODS.has(method)) return { kind: 'identity-policy', origin: `${label} added to ${file.slice(spanOf(receiver))}` };
      break;
    }
    break;
  }
  // Bound to a name: judge by where the name is used.
  const binding = bindingOf(file, current === node ? node : current);
  if (binding && depth < 3) {
    const declared = (parentOf(file, node) as TSESTree.VariableDeclarator | undefined)?.id;
    for (const reference of referencesByPath(file).get(binding) ?? []) {
      if (reference === declared || (reference.type === 'MemberExpression' && parentOf(file, reference)?.type === 'MemberExpression')) continue;
      const placement = placementOf(file, reference, label, depth + 1);
      if (placement.kind) return placement;
    }
  }
  return { kind: undefined, origin: label };
}

function documentFrom(file: SourceFile, extracted: Extracted[], span: Span, placement: Placement, hint: string): PolicyDocument {
  const sites = new Map(extracted.map((e) => [e.statement, e.site] as const));
  const statements = extracted.map((e) => e.statement);
  const kind = placement.kind ?? (statements.some((s) => s.principalKey) ? classifyStatements(statements, hint) : 'identity-policy');
  return { kind, origin: placement.origin, statements, span, editor: editorFor(file, sites), owner: placement.owner };
}

// ----------------------------------------------------------------------- L1 JSON documents

/** L1 (Cfn*) props that hold an IAM policy document as plain JSON, and what kind of policy it is. */
const L1_POLICY_PROPS: Record<string, PolicyKind> = {
  keyPolicy: 'key-policy',
  policyDocument: 'identity-policy',
  assumeRolePolicyDocument: 'trust-policy',
  resourcePolicy: 'resource-policy',
};

/** Statements of a JSON policy object literal (`{ Version, Statement: [...] }`). */
function jsonStatements(file: SourceFile, document: ObjectLiteral): Extracted[] {
  const statementValue = getProperty(document, 'Statement')?.value;
  const list = statementValue ? resolveValue(file, statementValue as Node).node : undefined;
  const objects = list?.type === 'ArrayExpression' ? list.elements.map((e) => (e && e.type !== 'SpreadElement' ? objectLiteralOf(file, e)?.object : undefined)) : list?.type === 'ObjectExpression' ? [list] : [];
  return objects.filter((o): o is ObjectLiteral => !!o).map((o) => readJsonStatement(file, o));
}

/** `new kms.CfnKey(this, 'K', { keyPolicy: { Statement: [...] } })`, `new iam.CfnPolicy(…, { policyDocument })`, `new s3.CfnBucketPolicy(…)`. */
function l1Documents(file: SourceFile): PolicyDocument[] {
  const documents: PolicyDocument[] = [];
  for (const construct of cdkConstructs(file)) {
    if (!construct.symbol.path[0].startsWith('Cfn') || !construct.props) continue;
    const described = describeConstruct(construct);
    const owner = { address: described, span: spanOf(construct.node.callee) };
    const holders: Array<{ object: ObjectLiteral; label: string; kind: PolicyKind }> = [];
    for (const [name, kind] of Object.entries(L1_POLICY_PROPS)) {
      const value = getProperty(construct.props.object, name)?.value;
      const object = value ? objectLiteralOf(file, value as Node)?.object : undefined;
      if (!object) continue;
      // A resource's policyDocument (bucket, queue, topic policies) governs that resource, not an identity.
      const resourcePolicy = name === 'policyDocument' && /Policy$/.test(construct.symbol.path[0]) && !['CfnPolicy', 'CfnManagedPolicy', 'CfnUserPolicy', 'CfnGroupPolicy', 'CfnRolePolicy'].includes(construct.symbol.path[0]);
      holders.push({ object, label: name, kind: resourcePolicy ? 'resource-policy' : kind });
    }
    // CfnRole/CfnUser/CfnGroup `policies: [{ policyName, policyDocument }]`
    const inline = getProperty(construct.props.object, 'policies')?.value;
    const inlineList = inline ? resolveValue(file, inline as Node).node : undefined;
    if (inlineList?.type === 'ArrayExpression') {
      inlineList.elements.forEach((element, i) => {
        const entry = element && element.type !== 'SpreadElement' ? objectLiteralOf(file, element)?.object : undefined;
        const document = entry && getProperty(entry, 'policyDocument')?.value;
        const object = document ? objectLiteralOf(file, document as Node)?.object : undefined;
        const name = entry && stringValue(getProperty(entry, 'policyName')?.value as Node | undefined);
        if (object) holders.push({ object, label: `policies[${name ?? i}]`, kind: 'identity-policy' });
      });
    }
    for (const holder of holders) {
      const extracted = jsonStatements(file, holder.object);
      if (!extracted.length) continue;
      const kind = construct.symbol.service === 'kms' && holder.label === 'keyPolicy' ? 'key-policy' : holder.kind;
      documents.push(documentFrom(file, extracted, spanOf(holder.object), { kind, origin: `${described} ${holder.label}`, owner }, described));
    }
  }
  return documents;
}

// -------------------------------------------------------------------------------- extractor

export function extractCdkPolicies(file: SourceFile): PolicyDocument[] {
  if (!importsCdk(file)) return [];
  const documents: PolicyDocument[] = l1Documents(file);
  for (const node of nodesOfType(file, NodeType.NewExpression)) {
    const symbol = cdkSymbol(file, node.callee);
    if (symbol?.service !== 'iam' || symbol.path.length !== 1 || symbol.path[0] !== 'PolicyStatement') continue;
    const label = file.slice(spanOf(node.callee));
    documents.push(documentFrom(file, [readCdkStatement(file, node)], spanOf(node), placementOf(file, node, label), label));
  }
  for (const call of nodesOfType(file, NodeType.CallExpression)) {
    if (call.callee.type !== 'MemberExpression') continue;
    const symbol = cdkSymbol(file, call.callee);
    const method = memberPath(call.callee)?.slice(-1)[0];
    if (symbol?.service === 'iam' && symbol.path.join('.') === 'PolicyDocument.fromJson') {
      const json = objectLiteralOf(file, call.arguments[0] as Node | undefined)?.object;
      const extracted = json ? jsonStatements(file, json) : [];
      const label = file.slice(spanOf(call.callee));
      if (extracted.length) documents.push(documentFrom(file, extracted, spanOf(call), placementOf(file, call, label), label));
    } else if (symbol?.service === 'iam' && symbol.path.join('.') === 'PolicyStatement.fromJson') {
      const json = objectLiteralOf(file, call.arguments[0] as Node | undefined)?.object;
      const label = file.slice(spanOf(call.callee));
      if (json) documents.push(documentFrom(file, [readJsonStatement(file, json)], spanOf(call), placementOf(file, call, label), label));
    } else if (method === 'grant' && call.arguments.length >= 2) {
      const key = isKmsKeyExpression(file, call.callee.object);
      if (!key) continue;
      const args = call.arguments.slice(1).filter((a): a is TSESTree.Expression => a.type !== 'SpreadElement');
      const grantee = call.arguments[0] as Node;
      const site: ActionSite = { style: 'arguments', args };
      const statement: PolicyStatement = {
        effect: 'Allow',
        actionKey: 'Action',
        actions: args.map((a) => policyString(file, a)),
        actionValueSpan: siteSpan(site),
        principalKey: 'Principal',
        principals: [{ type: 'AWS', value: { value: file.slice(spanOf(grantee)), span: spanOf(grantee), literal: false } }],
        principalsReadable: false,
        // A grant is scoped to the key it is called on.
        resources: [{ value: `${file.slice(spanOf(call.callee.object))}.keyArn`, span: spanOf(call.callee.object), literal: false }],
        conditions: [],
        hasUnreadableCondition: false,
        span: spanOf(call),
      };
      documents.push(documentFrom(file, [{ statement, site }], spanOf(call), { kind: 'identity-policy', origin: `${key}.grant(…)` }, key));
    }
  }
  return documents;
}

registerPolicyExtractor('typescript', extractCdkPolicies);
registerPolicyExtractor('javascript', extractCdkPolicies);
