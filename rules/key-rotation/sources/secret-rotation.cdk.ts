// secret-rotation for AWS CDK: every `secretsmanager.Secret` (and L1 `CfnSecret`) needs a rotation
// schedule in the same file — `secret.addRotationSchedule(...)`, `new RotationSchedule(this, …, { secret })`,
// `new SecretRotation(…, { secret })` or `new CfnRotationSchedule(…, { secretId: secret.ref })` — and
// the schedule must not be longer than the policy maximum.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { cdkConstructs, constructsOf, describeConstruct, type CdkConstruct } from '../../../server/src/engine/cdk/constructs';
import { durationDays, durationDaysText } from '../../../server/src/engine/cdk/values';
import { fix } from '../../../server/src/engine/fix';
import type { SourceFile } from '../../../server/src/engine/source';
import { setPropertyValue } from '../../../server/src/engine/typescript/edits';
import { memberPath, NodeType, nodesOfType, numberValue, parentOf, spanOf, type Node } from '../../../server/src/engine/typescript/nodes';
import { objectLiteralOf, propertyValue, type ObjectLiteral } from '../../../server/src/engine/typescript/objects';
import { callsByReceiver } from '../../../server/src/engine/typescript/references';
import { originRelated, originSuffix } from '../../../server/src/engine/typescript/values';
import type { RuleContext } from '../../define';
import { formatDays } from '../durations';

/** How the file refers to a construct afterwards: `secret` for `const secret = new …`, `this.secret` for fields. */
function bindingOf(file: SourceFile, construct: CdkConstruct): string | undefined {
  const parent = parentOf(file, construct.node);
  if (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier') return parent.id.name;
  if (parent?.type === 'AssignmentExpression') return memberPath(parent.left)?.join('.');
  if (parent?.type === 'PropertyDefinition' && parent.key.type === 'Identifier') return `this.${parent.key.name}`;
  return undefined;
}

/** `secret`, `secret.secretArn`, `secret.ref` all designate `secret`. */
function designates(node: Node | undefined, binding: string): boolean {
  if (!node) return false;
  const path = memberPath(node)?.join('.');
  return !!path && (path === binding || path.startsWith(`${binding}.`));
}

interface Schedule {
  /** The object holding the interval (`automaticallyAfter` or `rotationRules`). */
  options?: ObjectLiteral;
  l1: boolean;
}

/** Rotation schedules in the file, by the binding of the secret they rotate. */
function schedulesFor(file: SourceFile, binding: string): Schedule[] {
  const found: Schedule[] = [];
  for (const call of callsByReceiver(file).get(binding) ?? []) {
    if (call.callee.type !== 'MemberExpression' || call.callee.property.type !== 'Identifier' || call.callee.property.name !== 'addRotationSchedule') continue;
    found.push({ options: objectLiteralOf(file, call.arguments[1] as Node | undefined)?.object, l1: false });
  }
  for (const schedule of constructsOf(file, 'secretsmanager', 'RotationSchedule', 'SecretRotation', 'CfnRotationSchedule')) {
    const props = schedule.props?.object;
    if (!props) continue;
    const l1 = schedule.symbol.path[0] === 'CfnRotationSchedule';
    const target = propertyValue(file, props, l1 ? 'secretId' : 'secret');
    if (target && designates(target.property.value as Node, binding)) {
      const rules = l1 ? propertyValue(file, props, 'rotationRules') : undefined;
      found.push({ options: l1 ? (rules?.node.type === 'ObjectExpression' ? rules.node : undefined) : props, l1 });
    }
  }
  return found;
}

/**
 * A secret handed to a database as its credentials (`rds.Credentials.fromSecret(secret)`) is rotated by
 * the database construct's `addRotationSingleUser()`/`addRotationMultiUser()`.
 */
function rotatedThroughDatabase(file: SourceFile, binding: string): boolean {
  const calls = nodesOfType(file, NodeType.CallExpression);
  const rotatesDatabase = calls.some((call) => call.callee.type === 'MemberExpression' && call.callee.property.type === 'Identifier' && /^addRotation(Single|Multi)User$/.test(call.callee.property.name));
  if (!rotatesDatabase) return false;
  return calls.some((call) => {
    const path = memberPath(call.callee);
    return !!path && path[path.length - 1] === 'fromSecret' && path[path.length - 2] === 'Credentials' && call.arguments.some((a) => designates(a as Node, binding));
  });
}

/** True when something in the file rotates secrets we cannot tie to a binding (e.g. `getSecret().addRotationSchedule`). */
function hasUntraceableRotation(file: SourceFile): boolean {
  return nodesOfType(file, NodeType.CallExpression).some(
    (call) => call.callee.type === 'MemberExpression' && call.callee.property.type === 'Identifier' && call.callee.property.name === 'addRotationSchedule' && !memberPath(call.callee.object),
  );
}

function checkInterval(context: RuleContext, secretName: string, schedule: Schedule): void {
  const { file } = context;
  const maxDays = context.options.maxRotationDays;
  if (!schedule.options) return;
  const name = schedule.l1 ? 'automaticallyAfterDays' : 'automaticallyAfter';
  const interval = propertyValue(file, schedule.options, name);
  if (!interval) return;
  const days = schedule.l1 ? numberValue(interval.node) : durationDays(file, interval.property.value as Node);
  if (days === undefined || days <= maxDays) return;
  const replacement = schedule.l1 ? String(maxDays) : durationDaysText(file, interval.node, maxDays);
  context.report({
    span: spanOf(interval.property),
    message: `the rotation schedule of ${secretName} rotates the secret every ${formatDays(days)} days${originSuffix(interval)}; policy requires at most ${maxDays}`,
    related: originRelated(interval),
    fixes: replacement ? [fix(`Set ${name} to ${maxDays} days`, setPropertyValue(file, interval.property as TSESTree.Property, replacement), { preferred: true, safe: !interval.origin })] : [],
  });
}

export function checkCdkSecretRotation(context: RuleContext): void {
  const { file } = context;
  if (!cdkConstructs(file).length) return;
  const untraceable = hasUntraceableRotation(file);
  for (const secret of constructsOf(file, 'secretsmanager', 'Secret', 'CfnSecret')) {
    const name = describeConstruct(secret);
    const binding = bindingOf(file, secret);
    const schedules = binding ? schedulesFor(file, binding) : [];
    if (schedules.length) {
      for (const schedule of schedules) checkInterval(context, name, schedule);
      continue;
    }
    if (untraceable || (binding && rotatedThroughDatabase(file, binding))) continue;
    context.report({
      span: secret.headSpan,
      message: `${name} has no rotation schedule in this file (addRotationSchedule or RotationSchedule), so the secret is never rotated automatically`,
    });
  }
}
