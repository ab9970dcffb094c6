// A policy written as an HCL object — the argument of `jsonencode({…})` or a `locals` value —
// read into the model. Keys may be bare (`Effect = "Allow"`) or quoted (`"Effect" = …`), values may be
// references (`var.actions`), which are kept as non-literal strings.
import type { SourceFile } from '../../source';
import type { TfObjectEntry, TfValue } from '../../terraform/model';
import { resolveValue, type TerraformModule } from '../../terraform/module';
import type { TextEdit } from '../../types';
import { listText, PLAIN_LAYOUT } from '../list-writer';
import type { PolicyCondition, PolicyDocument, PolicyEditor, PolicyKind, PolicyPrincipal, PolicyStatement, PolicyString } from '../model';

function entry(value: TfValue | undefined, key: string): TfObjectEntry | undefined {
  if (value?.kind !== 'object') return undefined;
  const lower = key.toLowerCase();
  return value.entries.find((e) => e.key.toLowerCase() === lower);
}

/** What reading HCL values needs: the file, and the module to follow `var.`/`local.` references through. */
export interface HclReader {
  file: SourceFile;
  module?: TerraformModule;
}

export function stringsOf(reader: HclReader, value: TfValue | undefined): PolicyString[] {
  if (!value) return [];
  const { file } = reader;
  switch (value.kind) {
    case 'string':
      return [{ value: value.value, span: value.span, literal: true }];
    case 'number':
    case 'bool':
      return [{ value: String(value.value), span: value.span, literal: true }];
    case 'tuple':
      return value.items.flatMap((item) => stringsOf(reader, item));
    case 'template':
      return [{ value: value.text, span: value.span, literal: false }];
    case 'reference':
      return resolvedStrings(reader, value) ?? [{ value: value.path, span: value.span, literal: false }];
    default:
      return [{ value: file.slice(value.span), span: value.span, literal: false }];
  }
}

/**
 * `var.x`/`local.x` whose value in the module is a literal string or list of strings: those strings,
 * reported at the reference and naming where they were defined. Anything else stays a reference.
 */
function resolvedStrings(reader: HclReader, value: TfValue): PolicyString[] | undefined {
  const resolved = resolveValue(value, reader.module);
  const origin = resolved.origin;
  if (!origin) return undefined;
  const items = resolved.value.kind === 'tuple' ? resolved.value.items : [resolved.value];
  if (!items.length || !items.every((item) => item.kind === 'string')) return undefined;
  return items.map((item) => ({
    value: item.kind === 'string' ? item.value : '',
    span: value.span,
    literal: true,
    origin: { description: origin.description, path: origin.file.path, span: origin.span },
  }));
}

export interface HclPolicyOptions {
  kind: (statements: PolicyStatement[]) => PolicyKind;
  origin: string;
  owner?: PolicyDocument['owner'];
}

/** The policy an HCL object holds, or undefined when the object has no `Statement`. */
export function hclObjectPolicy(reader: HclReader, object: TfValue, options: HclPolicyOptions): PolicyDocument | undefined {
  const { file } = reader;
  const statementValue = entry(object, 'Statement')?.value;
  if (!statementValue || (statementValue.kind !== 'tuple' && statementValue.kind !== 'object')) return undefined;
  const nodes = statementValue.kind === 'tuple' ? statementValue.items.filter((i) => i.kind === 'object') : [statementValue];
  const statements = nodes.map((node) => readStatement(reader, node));
  return { kind: options.kind(statements), origin: options.origin, statements, span: object.span, editor: hclObjectEditor(file), owner: options.owner };
}

function readStatement(reader: HclReader, node: TfValue): PolicyStatement {
  const get = (key: string) => entry(node, key);
  const effect = get('Effect')?.value;
  const effectText = effect?.kind === 'string' ? effect.value.toLowerCase() : undefined;
  const action = get('Action') ?? get('NotAction');
  const principal = get('Principal') ?? get('NotPrincipal');
  const condition = get('Condition');
  const sid = get('Sid')?.value;
  const { conditions, readable } = readConditions(reader, condition?.value);
  return {
    sid: sid?.kind === 'string' ? sid.value : undefined,
    effect: effectText === 'allow' ? 'Allow' : effectText === 'deny' ? 'Deny' : undefined,
    actionKey: action ? (action.key.toLowerCase() === 'notaction' ? 'NotAction' : 'Action') : undefined,
    actions: stringsOf(reader, action?.value),
    actionValueSpan: action?.value.span,
    actionKeySpan: action?.keySpan,
    principalKey: principal ? (principal.key.toLowerCase() === 'notprincipal' ? 'NotPrincipal' : 'Principal') : undefined,
    principals: readPrincipals(reader, principal?.value),
    principalValueSpan: principal?.value.span,
    principalKeySpan: principal?.keySpan,
    principalsReadable: !principal || principal.value.kind === 'string' || principal.value.kind === 'object',
    resources: stringsOf(reader, (get('Resource') ?? get('NotResource'))?.value),
    conditions,
    hasUnreadableCondition: !!condition && !readable,
    span: node.span,
  };
}

function readPrincipals(reader: HclReader, value: TfValue | undefined): PolicyPrincipal[] {
  if (!value) return [];
  if (value.kind === 'string') return [{ type: value.value === '*' ? '*' : 'AWS', value: { value: value.value, span: value.span, literal: true } }];
  if (value.kind !== 'object') return [];
  return value.entries.flatMap((e) => stringsOf(reader, e.value).map((v) => ({ type: e.key, value: v })));
}

function readConditions(reader: HclReader, value: TfValue | undefined): { conditions: PolicyCondition[]; readable: boolean } {
  if (!value) return { conditions: [], readable: true };
  if (value.kind !== 'object') return { conditions: [], readable: false };
  const conditions: PolicyCondition[] = [];
  let readable = true;
  for (const operator of value.entries) {
    if (operator.value.kind !== 'object') {
      readable = false;
      continue;
    }
    for (const key of operator.value.entries) {
      conditions.push({ operator: operator.key, key: key.key, values: stringsOf(reader, key.value), span: key.span });
    }
  }
  return { conditions, readable };
}

function hclObjectEditor(file: SourceFile): PolicyEditor {
  return {
    replaceActions(statement: PolicyStatement, actions: string[]): TextEdit[] {
      if (!statement.actionValueSpan) return [];
      const edits: TextEdit[] = [{ span: statement.actionValueSpan, newText: listText(file, statement.actionValueSpan, actions, PLAIN_LAYOUT, statement.span) }];
      if (statement.actionKey === 'NotAction' && statement.actionKeySpan) {
        // Keep the key's quoting style: `NotAction` → `Action`, `"NotAction"` → `"Action"`.
        const quoted = file.slice(statement.actionKeySpan).trimStart().startsWith('"');
        edits.push({ span: statement.actionKeySpan, newText: keepEqualsColumn(quoted ? '"Action"' : 'Action', quoted ? '"NotAction"' : 'NotAction') });
      }
      return edits;
    },
  };
}

/** Pads a renamed key to the old key's width so the `=` stays in the column `terraform fmt` aligned it to. */
export function keepEqualsColumn(newKey: string, oldKey: string): string {
  return newKey + ' '.repeat(Math.max(0, oldKey.length - newKey.length));
}
