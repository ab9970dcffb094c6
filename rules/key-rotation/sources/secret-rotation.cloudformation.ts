// secret-rotation for CloudFormation/SAM: every `AWS::SecretsManager::Secret` needs an
// `AWS::SecretsManager::RotationSchedule` whose `SecretId` designates it (`!Ref`, `!GetAtt`, `!Sub`, or
// the secret's literal Name/ARN), with an interval no longer than the policy maximum.
import { ensureParameter, insertResourceAfter, refValue, setPath } from '../../../server/src/engine/cloudformation/edits';
import {
  cfnTemplate,
  describeResource,
  literalString,
  mentionsResource,
  parameterRelated,
  parameterSuffix,
  resolveParameter,
  resourceById,
  resourcesOfType,
  type CfnResource,
  type CfnTemplate,
} from '../../../server/src/engine/cloudformation/model';
import { fix } from '../../../server/src/engine/fix';
import { get, pair, scalarNumber, type MapNode } from '../../../server/src/engine/yaml/data';
import type { RuleContext } from '../../define';

/** What the inserted rotation schedule uses, capped by the policy maximum. */
const DEFAULT_ROTATION_DAYS = 30;
const LAMBDA_PARAMETER = 'RotationLambdaArn';

function designates(schedule: CfnResource, secret: CfnResource, template: CfnTemplate): boolean {
  const secretId = get(schedule.properties, 'SecretId');
  if (!secretId) return false;
  if (mentionsResource(secretId, secret.logicalId)) return true;
  const literal = literalString(resolveParameter(template, secretId).node);
  const name = literalString(get(secret.properties, 'Name'));
  return !!literal && !!name && (literal === name || literal.endsWith(`:secret:${name}`) || literal.includes(`:secret:${name}-`));
}

/** Reports a RotationRules interval above the maximum. */
function checkRotationRules(schedule: CfnResource, template: CfnTemplate, context: RuleContext): void {
  const maxDays = context.options.maxRotationDays;
  const rules = get(schedule.properties, 'RotationRules');
  if (rules?.type !== 'map') return;
  const name = describeResource(schedule);
  const after = pair(rules, 'AutomaticallyAfterDays');
  if (after?.value) {
    const resolved = resolveParameter(template, after.value);
    const days = scalarNumber(resolved.node);
    if (days !== undefined && days > maxDays) {
      context.report({
        span: after.span,
        message: `${name} rotates the secret every ${days} days${parameterSuffix(resolved)}; policy requires at most ${maxDays}`,
        related: parameterRelated(resolved),
        fixes: [fix(`Set AutomaticallyAfterDays: ${maxDays}`, setPath(context.file, template, rules, ['AutomaticallyAfterDays'], maxDays), { preferred: true, safe: !resolved.parameter })],
      });
    }
    return;
  }
  const schedulePair = pair(rules, 'ScheduleExpression');
  if (!schedulePair?.value) return;
  const resolved = resolveParameter(template, schedulePair.value);
  const text = literalString(resolved.node) ?? '';
  // rate(N days) is the only form with a plain interval; cron() schedules run at least yearly.
  const rate = /^\s*rate\(\s*(\d+)\s+days?\s*\)\s*$/i.exec(text);
  if (rate && Number(rate[1]) > maxDays) {
    context.report({
      span: schedulePair.span,
      message: `${name} rotates the secret every ${rate[1]} days (${text})${parameterSuffix(resolved)}; policy requires at most ${maxDays}`,
      related: parameterRelated(resolved),
      fixes: [fix(`Set ScheduleExpression: rate(${maxDays} days)`, setPath(context.file, template, rules as MapNode, ['ScheduleExpression'], `rate(${maxDays} days)`), { preferred: true, safe: !resolved.parameter })],
    });
  }
}

function freeLogicalId(template: CfnTemplate, base: string): string {
  let id = base;
  for (let i = 2; resourceById(template, id); i++) id = `${base}${i}`;
  return id;
}

export function checkCloudFormationSecrets(context: RuleContext): void {
  const template = cfnTemplate(context.file);
  const schedules = resourcesOfType(template, 'AWS::SecretsManager::RotationSchedule');
  const days = Math.min(DEFAULT_ROTATION_DAYS, context.options.maxRotationDays);
  for (const secret of resourcesOfType(template, 'AWS::SecretsManager::Secret')) {
    if (schedules.some((schedule) => designates(schedule, secret, template))) continue;
    const scheduleId = freeLogicalId(template, `${secret.logicalId}RotationSchedule`);
    const edits = [
      ...ensureParameter(context.file, template, LAMBDA_PARAMETER, {
        Type: 'String',
        Description: 'ARN of the Lambda function that rotates the secret (see the Secrets Manager rotation templates)',
      }),
      ...insertResourceAfter(context.file, template, secret, scheduleId, {
        Type: 'AWS::SecretsManager::RotationSchedule',
        Properties: { SecretId: refValue(secret.logicalId), RotationLambdaARN: refValue(LAMBDA_PARAMETER), RotationRules: { AutomaticallyAfterDays: days } },
      }),
    ];
    context.report({
      span: secret.pair.keySpan,
      message: `${describeResource(secret)} has no AWS::SecretsManager::RotationSchedule in this template, so the secret is never rotated automatically`,
      fixes: [
        // The rotation Lambda must exist and know this secret's engine: a person has to supply it.
        fix(`Add an AWS::SecretsManager::RotationSchedule every ${days} days (needs a rotation Lambda)`, edits, { safe: false, preferred: false }),
      ],
    });
  }
  for (const schedule of schedules) checkRotationRules(schedule, template, context);
}
