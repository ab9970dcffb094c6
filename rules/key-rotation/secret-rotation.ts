// secret-rotation: every Secrets Manager secret has an automatic rotation schedule, no longer than
// the configured maximum. Rotation is a separate resource (`aws_secretsmanager_secret_rotation`) that
// may sit in any file of the module, so the check looks across the whole module for one whose
// `secret_id` points at the secret. Provider versions before 5.0 also accepted `rotation_lambda_arn`
// and `rotation_rules` on the secret itself; those still count.
import { fix } from '../../server/src/engine/fix';
import { insertTopLevelBlockAfter, setAttribute } from '../../server/src/engine/terraform/edits';
import { attr, blockAddress, childBlocks, literalString, resources, terraformFile, type TfAttribute, type TfBlock } from '../../server/src/engine/terraform/model';
import { resolveValue, type TerraformModule } from '../../server/src/engine/terraform/module';
import { defineRule, type RuleContext } from '../define';
import { formatDays } from './durations';
import { originRelated, originSuffix } from '../../server/src/engine/terraform/value-origin';
import { checkCloudFormationSecrets } from './sources/secret-rotation.cloudformation';
import { checkCdkSecretRotation } from './sources/secret-rotation.cdk';

/** What the inserted rotation schedule uses, capped by the policy maximum. */
const DEFAULT_ROTATION_DAYS = 30;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Whether a rotation's `secret_id` designates the secret: by reference (`aws_secretsmanager_secret.x.id`,
 * `…x[count.index].id`, inside a template, behind a local) or by the secret's literal name or ARN.
 */
function designates(secretId: TfAttribute, secret: TfBlock, module: TerraformModule | undefined): boolean {
  const resolved = resolveValue(secretId.value, module);
  const value = resolved.value;
  const address = blockAddress(secret);
  const mentionsAddress = (text: string) => new RegExp(`\\b${escapeRegExp(address)}\\b(?![\\w-])`).test(text);
  if (value.kind === 'reference') return value.path === address || value.path.startsWith(address + '.') || value.path.startsWith(address + '[');
  if (value.kind === 'template') return mentionsAddress(value.text);
  if (value.kind === 'expression' || value.kind === 'call') {
    // Index expressions, try(), conditionals: look for the address in the source text itself.
    const file = resolved.origin ? resolved.origin.file : secretId.file;
    return mentionsAddress(file.text.slice(value.span.start, value.span.end));
  }
  const literal = literalString(value);
  if (literal === undefined) return false;
  const nameAttr = attr(secret, 'name');
  const name = nameAttr && literalString(resolveValue(nameAttr.value, module).value);
  return !!name && (literal === name || literal.endsWith(`:secret:${name}`) || literal.includes(`:secret:${name}-`));
}

function rotationResources(context: RuleContext): TfBlock[] {
  const module = context.module();
  const files = module ? module.files : [terraformFile(context.file)];
  return files.flatMap((tf) => resources(tf, 'aws_secretsmanager_secret_rotation'));
}

/** The resource (and, when missing, the variable) the fix adds after the secret. */
function rotationSnippet(secret: TfBlock, days: number, needsVariable: boolean, takenNames: Set<string>): string {
  const address = blockAddress(secret);
  // Reuse the secret's name unless another rotation resource already has it.
  const base = secret.labels[1] ?? 'this';
  const label = takenNames.has(base) ? `${base}_rotation` : base;
  const lines = [`resource "aws_secretsmanager_secret_rotation" "${label}" {`];
  const count = attr(secret, 'count');
  const forEach = attr(secret, 'for_each');
  // A secret created several times needs a rotation for each instance.
  if (forEach) lines.push(`  for_each = ${address}`, '', '  secret_id           = each.value.id');
  else if (count) lines.push(`  count = ${secret.file.text.slice(count.value.span.start, count.value.span.end)}`, '', `  secret_id           = ${address}[count.index].id`);
  else lines.push(`  secret_id           = ${address}.id`);
  lines.push('  rotation_lambda_arn = var.rotation_lambda_arn', '', '  rotation_rules {', `    automatically_after_days = ${days}`, '  }', '}');
  if (needsVariable) {
    lines.push('', 'variable "rotation_lambda_arn" {', '  description = "ARN of the Lambda function that rotates the secret (see the Secrets Manager rotation templates)"', '  type        = string', '}');
  }
  return lines.join('\n');
}

/** Reports `rotation_rules` whose interval is longer than the maximum. */
function checkRotationRules(owner: TfBlock, context: RuleContext): void {
  const maxDays = context.options.maxRotationDays;
  const module = context.module();
  const name = blockAddress(owner);
  for (const rules of childBlocks(owner, 'rotation_rules')) {
    const after = attr(rules, 'automatically_after_days');
    if (after) {
      const resolved = resolveValue(after.value, module);
      const days = resolved.value.kind === 'number' ? resolved.value.value : Number(literalString(resolved.value));
      if (Number.isFinite(days) && days > maxDays) {
        context.report({
          span: after.span,
          message: `${name} rotates the secret every ${formatDays(days)} days${originSuffix(resolved)}; policy requires at most ${maxDays}`,
          related: originRelated(resolved),
          fixes: [fix(`Set automatically_after_days = ${maxDays}`, setAttribute(rules, 'automatically_after_days', String(maxDays)), { preferred: true, safe: !resolved.origin })],
        });
      }
      continue;
    }
    const schedule = attr(rules, 'schedule_expression');
    if (!schedule) continue;
    const resolved = resolveValue(schedule.value, module);
    const text = literalString(resolved.value) ?? '';
    // rate(N days) is the only form whose interval is plain; cron() schedules run at least yearly.
    const rate = /^\s*rate\(\s*(\d+)\s+days?\s*\)\s*$/i.exec(text);
    if (rate && Number(rate[1]) > maxDays) {
      context.report({
        span: schedule.span,
        message: `${name} rotates the secret every ${rate[1]} days (${text})${originSuffix(resolved)}; policy requires at most ${maxDays}`,
        related: originRelated(resolved),
        fixes: [fix(`Set schedule_expression = "rate(${maxDays} days)"`, setAttribute(rules, 'schedule_expression', `"rate(${maxDays} days)"`), { preferred: true, safe: !resolved.origin })],
      });
    }
  }
}

function checkSecrets(context: RuleContext): void {
  const tf = terraformFile(context.file);
  const module = context.module();
  const rotations = rotationResources(context);
  const days = Math.min(DEFAULT_ROTATION_DAYS, context.options.maxRotationDays);
  const needsVariable = !module?.variables.has('rotation_lambda_arn');
  const rotationNames = new Set(rotations.map((r) => r.labels[1] ?? ''));

  // Rotations naming their secret by reference (`aws_secretsmanager_secret.x.id`, the usual case) are
  // indexed by the secret's address once; only the others (names, ARNs, templates) are matched per
  // secret. Matching every rotation against every secret made a module of n secrets cost n².
  const rotatedByReference = new Set<string>();
  const otherRotations: Array<{ secretId: TfAttribute }> = [];
  for (const rotation of rotations) {
    const secretId = attr(rotation, 'secret_id');
    if (!secretId) continue;
    const value = resolveValue(secretId.value, module).value;
    if (value.kind === 'reference') {
      // Any other reference (a data source, a variable left unresolved) designates no secret here.
      const match = /^(aws_secretsmanager_secret\.[^.[]+)(?:$|[.[])/.exec(value.path);
      if (match) rotatedByReference.add(match[1]);
    } else otherRotations.push({ secretId });
  }
  for (const secret of resources(tf, 'aws_secretsmanager_secret')) {
    // Pre-5.0 providers: rotation configured inline on the secret.
    if (attr(secret, 'rotation_lambda_arn') || secret.blocks.some((b) => b.type === 'rotation_rules' || (b.type === 'dynamic' && b.labels[0] === 'rotation_rules'))) {
      checkRotationRules(secret, context);
      continue;
    }
    const rotated = rotatedByReference.has(blockAddress(secret)) || otherRotations.some(({ secretId }) => designates(secretId, secret, module));
    if (rotated) continue;
    context.report({
      span: secret.headerSpan,
      message: `${blockAddress(secret)} has no aws_secretsmanager_secret_rotation in this module, so the secret is never rotated automatically`,
      fixes: [
        fix(`Add an aws_secretsmanager_secret_rotation every ${days} days (needs a rotation Lambda)`, [insertTopLevelBlockAfter(secret, rotationSnippet(secret, days, needsVariable, rotationNames))], {
          // The rotation Lambda must exist and know this secret's engine: a person has to supply it.
          safe: false,
          preferred: false,
        }),
      ],
    });
  }
  for (const rotation of resources(tf, 'aws_secretsmanager_secret_rotation')) checkRotationRules(rotation, context);
}

export const secretRotation = defineRule({
  meta: {
    id: 'secret-rotation',
    title: 'Secrets Manager secrets must rotate automatically',
    family: 'key-rotation',
    severity: 'error',
    securitySeverity: 6.5,
    controls: ['SOC 2 CC6.1', 'HIPAA 164.312(a)(2)(iv)', 'OP-POL-001 §3 Key rotation'],
    description:
      'Flags `aws_secretsmanager_secret` resources that no `aws_secretsmanager_secret_rotation` in the same module rotates, and rotation schedules longer than the configured maximum (365 days by default).',
    rationale:
      'A database password or API key that never changes stays valid for as long as anyone who ever saw it — a departed employee, a leaked CI log, a backup. Automatic rotation bounds that window and is what SOC 2 and the encryption policy expect of stored credentials.',
    noncompliant: [
      { language: 'hcl', code: 'resource "aws_secretsmanager_secret" "db" {\n  name = "prod/db"\n}' },
      { language: 'yaml', code: 'Resources:\n  DbSecret:\n    Type: AWS::SecretsManager::Secret\n    Properties:\n      Name: prod/db' },
      { language: 'typescript', code: 'import * as secretsmanager from \'aws-cdk-lib/aws-secretsmanager\';\n\nconst secret = new secretsmanager.Secret(this, \'DbSecret\');' },
    ],
    compliant: [
      {
        language: 'hcl',
        code: 'resource "aws_secretsmanager_secret" "db" {\n  name = "prod/db"\n}\n\nresource "aws_secretsmanager_secret_rotation" "db" {\n  secret_id           = aws_secretsmanager_secret.db.id\n  rotation_lambda_arn = var.rotation_lambda_arn\n\n  rotation_rules {\n    automatically_after_days = 30\n  }\n}',
      },
      { language: 'yaml', code: 'Resources:\n  DbSecret:\n    Type: AWS::SecretsManager::Secret\n    Properties:\n      Name: prod/db\n  DbSecretRotation:\n    Type: AWS::SecretsManager::RotationSchedule\n    Properties:\n      SecretId: !Ref DbSecret\n      RotationLambdaARN: !GetAtt RotationFunction.Arn\n      RotationRules:\n        AutomaticallyAfterDays: 30' },
      { language: 'typescript', code: 'import { Duration } from \'aws-cdk-lib\';\nimport * as secretsmanager from \'aws-cdk-lib/aws-secretsmanager\';\n\nconst secret = new secretsmanager.Secret(this, \'DbSecret\');\nsecret.addRotationSchedule(\'Rotation\', { rotationLambda, automaticallyAfter: Duration.days(30) });' },
    ],
    fix: 'Offers (not applied by `--fix`) an `aws_secretsmanager_secret_rotation` after the secret that uses `var.rotation_lambda_arn`, declaring the variable if the module lacks it; lowers a too-long rotation schedule to the maximum.',
  },
  check: {
    terraform: checkSecrets,
    'cloudformation-yaml': checkCloudFormationSecrets,
    'cloudformation-json': checkCloudFormationSecrets,
    typescript: checkCdkSecretRotation,
    javascript: checkCdkSecretRotation,
  },
});
