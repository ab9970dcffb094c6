// Builds policy documents from JSON text, wherever that text lives: a standalone policy file, a
// heredoc or a quoted string in HCL, a CloudFormation template in JSON. The JSON may be embedded
// (escaped, offset), so every span goes through `toSource`, and every edit through `encode`.
import { type JsonNode } from '../parsers/json';
import type { SourceFile } from '../source';
import type { Span, TextEdit } from '../types';
import { listText, type ListLayout } from './list-writer';
import type { PolicyCondition, PolicyDocument, PolicyEditor, PolicyKind, PolicyPrincipal, PolicyStatement, PolicyString } from './model';

export interface EmbeddedJson extends ListLayout {
  /** Maps an offset in the parsed JSON text to an offset in the file. */
  toSource(offset: number): number;
  /** True when `${…}` inside a value is a template interpolation (HCL heredocs and strings), not literal text. */
  templated: boolean;
}

/** JSON that is the whole file: offsets are the file's own. */
export const WHOLE_FILE_JSON: EmbeddedJson = { toSource: (o) => o, encode: (t) => t, multiline: true, templated: false };

/** JSON starting at `base` in the file, unescaped (a heredoc body). */
export function offsetJson(base: number, templated: boolean): EmbeddedJson {
  return { toSource: (o) => base + o, encode: (t) => t, multiline: true, templated };
}

/** Property of an object node, matching the key case-insensitively (IAM element names are case-sensitive, but typos should not hide a grant). */
export function jsonProperty(node: JsonNode | undefined, key: string): JsonNode | undefined {
  if (!node || node.type !== 'object') return undefined;
  const lower = key.toLowerCase();
  return node.children?.find((p) => typeof p.children?.[0]?.value === 'string' && (p.children[0].value as string).toLowerCase() === lower);
}

/** True when a parsed JSON value looks like a policy document: an object with a `Statement`. */
export function isPolicyJson(root: JsonNode | undefined): boolean {
  const statement = jsonProperty(root, 'Statement')?.children?.[1];
  return !!statement && (statement.type === 'array' || statement.type === 'object');
}

export interface JsonPolicyOptions {
  kind: PolicyKind | ((statements: PolicyStatement[]) => PolicyKind);
  origin: string;
  owner?: PolicyDocument['owner'];
}

/** Reads a policy document object (`{"Version": …, "Statement": …}`) into the model. */
export function policyFromJson(file: SourceFile, root: JsonNode, embed: EmbeddedJson, options: JsonPolicyOptions): PolicyDocument | undefined {
  const statementValue = jsonProperty(root, 'Statement')?.children?.[1];
  if (!statementValue) return undefined;
  const spanOf = (node: JsonNode): Span => ({ start: embed.toSource(node.offset), end: embed.toSource(node.offset + node.length) });
  const stringOf = (node: JsonNode): PolicyString | undefined => {
    if (node.type === 'string') {
      const value = String(node.value);
      return { value, span: spanOf(node), literal: !(embed.templated && /\$\{/.test(value)) };
    }
    if (node.type === 'number' || node.type === 'boolean') return { value: String(node.value), span: spanOf(node), literal: true };
    return undefined;
  };
  const strings = (node: JsonNode | undefined): PolicyString[] => {
    if (!node) return [];
    if (node.type === 'array') return (node.children ?? []).map(stringOf).filter((s): s is PolicyString => !!s);
    const single = stringOf(node);
    return single ? [single] : [];
  };

  const statementNodes = statementValue.type === 'array' ? (statementValue.children ?? []).filter((n) => n.type === 'object') : [statementValue];
  const statements = statementNodes.map((node) => readStatement(node, spanOf, strings));
  const document: PolicyDocument = {
    kind: typeof options.kind === 'function' ? options.kind(statements) : options.kind,
    origin: options.origin,
    statements,
    span: spanOf(root),
    editor: jsonEditor(file, embed),
    owner: options.owner,
  };
  return document;
}

function readStatement(node: JsonNode, spanOf: (n: JsonNode) => Span, strings: (n: JsonNode | undefined) => PolicyString[]): PolicyStatement {
  const prop = (key: string) => jsonProperty(node, key);
  const effectValue = prop('Effect')?.children?.[1]?.value;
  const effect = typeof effectValue === 'string' ? (effectValue.toLowerCase() === 'allow' ? 'Allow' : effectValue.toLowerCase() === 'deny' ? 'Deny' : undefined) : undefined;
  const actionProp = prop('Action') ?? prop('NotAction');
  const actionKeyText = actionProp?.children?.[0]?.value as string | undefined;
  const principalProp = prop('Principal') ?? prop('NotPrincipal');
  const principalKeyText = principalProp?.children?.[0]?.value as string | undefined;
  const principalValue = principalProp?.children?.[1];
  const conditionProp = prop('Condition');
  const { conditions, readable } = readConditions(conditionProp?.children?.[1], spanOf, strings);
  const sid = prop('Sid')?.children?.[1]?.value;
  return {
    sid: typeof sid === 'string' ? sid : undefined,
    effect,
    actionKey: actionKeyText === undefined ? undefined : actionKeyText.toLowerCase() === 'notaction' ? 'NotAction' : 'Action',
    actions: strings(actionProp?.children?.[1]),
    actionValueSpan: actionProp?.children?.[1] ? spanOf(actionProp.children[1]) : undefined,
    actionKeySpan: actionProp?.children?.[0] ? spanOf(actionProp.children[0]) : undefined,
    principalKey: principalKeyText === undefined ? undefined : principalKeyText.toLowerCase() === 'notprincipal' ? 'NotPrincipal' : 'Principal',
    principals: readPrincipals(principalValue, strings),
    principalValueSpan: principalValue ? spanOf(principalValue) : undefined,
    principalKeySpan: principalProp?.children?.[0] ? spanOf(principalProp.children[0]) : undefined,
    principalsReadable: !principalValue || principalValue.type === 'string' || principalValue.type === 'object',
    resources: strings((prop('Resource') ?? prop('NotResource'))?.children?.[1]),
    conditions,
    hasUnreadableCondition: !!conditionProp && !readable,
    span: spanOf(node),
  };
}

function readPrincipals(value: JsonNode | undefined, strings: (n: JsonNode | undefined) => PolicyString[]): PolicyPrincipal[] {
  if (!value) return [];
  if (value.type === 'string') {
    const [only] = strings(value);
    return only ? [{ type: only.value === '*' ? '*' : 'AWS', value: only }] : [];
  }
  if (value.type !== 'object') return [];
  return (value.children ?? []).flatMap((pair) => {
    const type = pair.children?.[0]?.value;
    return typeof type === 'string' ? strings(pair.children?.[1]).map((v) => ({ type, value: v })) : [];
  });
}

function readConditions(
  value: JsonNode | undefined,
  spanOf: (n: JsonNode) => Span,
  strings: (n: JsonNode | undefined) => PolicyString[],
): { conditions: PolicyCondition[]; readable: boolean } {
  if (!value) return { conditions: [], readable: true };
  if (value.type !== 'object') return { conditions: [], readable: false };
  const conditions: PolicyCondition[] = [];
  let readable = true;
  for (const operatorPair of value.children ?? []) {
    const operator = operatorPair.children?.[0]?.value;
    const keys = operatorPair.children?.[1];
    if (typeof operator !== 'string' || !keys || keys.type !== 'object') {
      readable = false;
      continue;
    }
    for (const keyPair of keys.children ?? []) {
      const key = keyPair.children?.[0]?.value;
      if (typeof key !== 'string') continue;
      conditions.push({ operator, key, values: strings(keyPair.children?.[1]), span: spanOf(keyPair) });
    }
  }
  return { conditions, readable };
}

/** Edits JSON in place, through the container's encoding. */
function jsonEditor(file: SourceFile, embed: EmbeddedJson): PolicyEditor {
  return {
    replaceActions(statement: PolicyStatement, actions: string[]): TextEdit[] {
      if (!statement.actionValueSpan) return [];
      const edits: TextEdit[] = [{ span: statement.actionValueSpan, newText: listText(file, statement.actionValueSpan, actions, embed, statement.span) }];
      if (statement.actionKey === 'NotAction' && statement.actionKeySpan) edits.push({ span: statement.actionKeySpan, newText: embed.encode('"Action"') });
      return edits;
    },
  };
}
