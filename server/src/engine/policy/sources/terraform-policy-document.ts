// `data "aws_iam_policy_document"` blocks: one `statement { … }` block per statement, with
// `actions`/`not_actions`, `principals { type, identifiers }`, `resources` and
// `condition { test, variable, values }`. Terraform defaults `effect` to "Allow" here, unlike JSON.
import { attr, blockAddress, childBlocks, type TfBlock } from '../../terraform/model';
import type { TextEdit } from '../../types';
import { classifyStatements } from '../classify';
import { listText, PLAIN_LAYOUT } from '../list-writer';
import type { PolicyCondition, PolicyDocument, PolicyEditor, PolicyKind, PolicyPrincipal, PolicyStatement } from '../model';
import type { TerraformModule } from '../../terraform/module';
import { keepEqualsColumn, stringsOf, type HclReader } from './terraform-object';
import { hasDynamicBlock } from '../../terraform/setting-path';

export function policyDocumentDataSource(block: TfBlock, usage: PolicyKind | undefined, module?: TerraformModule): PolicyDocument | undefined {
  const reader: HclReader = { file: block.file, module };
  const statementBlocks = childBlocks(block, 'statement');
  const statements = statementBlocks.map((statement) => readStatement(reader, statement));
  const address = blockAddress(block);
  return {
    kind: usage ?? classifyStatements(statements, address),
    origin: address,
    statements,
    span: block.span,
    editor: policyDocumentEditor(block),
    owner: { address, span: block.headerSpan },
  };
}

function readStatement(reader: HclReader, statement: TfBlock): PolicyStatement {
  const file = statement.file;
  const literal = (name: string): string | undefined => {
    const value = attr(statement, name)?.value;
    return value?.kind === 'string' ? value.value : undefined;
  };
  const effectAttribute = attr(statement, 'effect');
  const effectText = effectAttribute ? literal('effect')?.toLowerCase() : 'allow';
  const actions = attr(statement, 'actions') ?? attr(statement, 'not_actions');
  const principalBlocks = childBlocks(statement, 'principals');
  const notPrincipalBlocks = childBlocks(statement, 'not_principals');
  const principalsOf = principalBlocks.length ? principalBlocks : notPrincipalBlocks;
  const principals: PolicyPrincipal[] = principalsOf.flatMap((p) => {
    const type = attr(p, 'type')?.value;
    const identifiers = attr(p, 'identifiers');
    const typeName = type?.kind === 'string' ? type.value : '?';
    return stringsOf(reader, identifiers?.value).map((value) => ({ type: typeName, value }));
  });
  const conditions: PolicyCondition[] = childBlocks(statement, 'condition').map((c) => {
    const test = attr(c, 'test')?.value;
    const variable = attr(c, 'variable')?.value;
    return {
      operator: test?.kind === 'string' ? test.value : file.slice(test?.span ?? c.headerSpan),
      key: variable?.kind === 'string' ? variable.value : file.slice(variable?.span ?? c.headerSpan),
      values: stringsOf(reader, attr(c, 'values')?.value),
      span: c.span,
    };
  });
  const resources = attr(statement, 'resources') ?? attr(statement, 'not_resources');
  return {
    sid: literal('sid'),
    effect: effectText === 'allow' ? 'Allow' : effectText === 'deny' ? 'Deny' : undefined,
    actionKey: actions ? (actions.name === 'not_actions' ? 'NotAction' : 'Action') : undefined,
    actions: stringsOf(reader, actions?.value),
    actionValueSpan: actions?.value.span,
    actionKeySpan: actions?.nameSpan,
    principalKey: principalBlocks.length || hasDynamicBlock(statement, 'principals') ? 'Principal' : notPrincipalBlocks.length ? 'NotPrincipal' : undefined,
    principals,
    principalValueSpan: principalsOf[0]?.span,
    principalKeySpan: principalsOf[0]?.headerSpan,
    principalsReadable: !hasDynamicBlock(statement, 'principals') && !hasDynamicBlock(statement, 'not_principals') && principalsOf.every((p) => attr(p, 'type')?.value.kind === 'string'),
    resources: stringsOf(reader, resources?.value),
    conditions,
    hasUnreadableCondition: hasDynamicBlock(statement, 'condition'),
    span: statement.span,
  };
}

function policyDocumentEditor(block: TfBlock): PolicyEditor {
  const file = block.file;
  return {
    replaceActions(statement: PolicyStatement, actions: string[]): TextEdit[] {
      if (!statement.actionValueSpan) return [];
      const edits: TextEdit[] = [{ span: statement.actionValueSpan, newText: listText(file, statement.actionValueSpan, actions, PLAIN_LAYOUT, statement.span) }];
      if (statement.actionKey === 'NotAction' && statement.actionKeySpan) edits.push({ span: statement.actionKeySpan, newText: keepEqualsColumn('actions', 'not_actions') });
      return edits;
    },
  };
}
