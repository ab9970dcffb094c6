import { secretRotation } from '../../rules/key-rotation/secret-rotation';
import { ruleTester } from '../support/rule-tester';

const SECRET = 'resource "aws_secretsmanager_secret" "db" {\n  name = "prod/db"\n}\n';
const ROTATION = (secretId: string, days = 30) =>
  `resource "aws_secretsmanager_secret_rotation" "db" {\n  secret_id           = ${secretId}\n  rotation_lambda_arn = aws_lambda_function.rotate.arn\n\n  rotation_rules {\n    automatically_after_days = ${days}\n  }\n}\n`;

ruleTester(secretRotation, {
  valid: [
    { name: 'rotation in the same file', code: SECRET + '\n' + ROTATION('aws_secretsmanager_secret.db.id') },
    { name: 'rotation in another file of the module', code: SECRET, moduleFiles: [{ path: 'rotation.tf', text: ROTATION('aws_secretsmanager_secret.db.arn') }] },
    { name: 'rotation by literal secret name', code: SECRET, moduleFiles: [{ path: 'rotation.tf', text: ROTATION('"prod/db"') }] },
    { name: 'rotation through a local', code: SECRET + 'locals {\n  secret = aws_secretsmanager_secret.db.id\n}\n' + ROTATION('local.secret') },
    { name: 'rotation of a counted secret', code: 'resource "aws_secretsmanager_secret" "db" {\n  count = 2\n}\n' + ROTATION('aws_secretsmanager_secret.db[count.index].id') },
    { name: 'rotation of a for_each secret', code: 'resource "aws_secretsmanager_secret" "db" {\n  for_each = toset(["a"])\n}\n' + ROTATION('aws_secretsmanager_secret.db[each.key].id') },
    { name: 'rotation in an interpolated string', code: SECRET + ROTATION('"${aws_secretsmanager_secret.db.id}"') },
    { name: 'pre-5.0 inline rotation on the secret', code: 'resource "aws_secretsmanager_secret" "db" {\n  rotation_lambda_arn = aws_lambda_function.rotate.arn\n\n  rotation_rules {\n    automatically_after_days = 90\n  }\n}\n' },
    { name: 'rate schedule within the maximum', code: SECRET + 'resource "aws_secretsmanager_secret_rotation" "db" {\n  secret_id = aws_secretsmanager_secret.db.id\n\n  rotation_rules {\n    schedule_expression = "rate(10 days)"\n  }\n}\n' },
    { name: 'pre-5.0 inline rotation built by a dynamic block', code: 'resource "aws_secretsmanager_secret" "db" {\n  dynamic "rotation_rules" {\n    for_each = var.rotation\n    content {\n      automatically_after_days = rotation_rules.value\n    }\n  }\n}\n' },
    { name: 'half-typed rotation does not crash', code: SECRET + 'resource "aws_secretsmanager_secret_rotation" "db" {\n  secret_id = aws_secretsmanager_secret.db.id\n  rotation_rules {\n' },
  ],
  invalid: [
    {
      name: 'secret without rotation: unsafe fix adds the rotation and the variable',
      code: SECRET,
      errors: [{ message: 'aws_secretsmanager_secret.db has no aws_secretsmanager_secret_rotation in this module', line: 1 }],
      output: null,
      fixes: [
        {
          title: /Add an aws_secretsmanager_secret_rotation every 30 days/,
          safe: false,
          output:
            SECRET.trimEnd() +
            '\n\nresource "aws_secretsmanager_secret_rotation" "db" {\n  secret_id           = aws_secretsmanager_secret.db.id\n  rotation_lambda_arn = var.rotation_lambda_arn\n\n  rotation_rules {\n    automatically_after_days = 30\n  }\n}\n\nvariable "rotation_lambda_arn" {\n  description = "ARN of the Lambda function that rotates the secret (see the Secrets Manager rotation templates)"\n  type        = string\n}\n',
        },
      ],
    },
    {
      name: 'existing variable is reused, CRLF kept',
      code: SECRET.replace(/\n/g, '\r\n'),
      moduleFiles: [{ path: 'variables.tf', text: 'variable "rotation_lambda_arn" {\n  type = string\n}\n' }],
      errors: 1,
      fixes: [
        {
          title: /Add an aws_secretsmanager_secret_rotation/,
          output:
            'resource "aws_secretsmanager_secret" "db" {\r\n  name = "prod/db"\r\n}\r\n\r\nresource "aws_secretsmanager_secret_rotation" "db" {\r\n  secret_id           = aws_secretsmanager_secret.db.id\r\n  rotation_lambda_arn = var.rotation_lambda_arn\r\n\r\n  rotation_rules {\r\n    automatically_after_days = 30\r\n  }\r\n}\r\n',
        },
      ],
    },
    {
      name: 'counted secret gets a counted rotation',
      code: 'resource "aws_secretsmanager_secret" "db" {\n  count = var.n\n}\n',
      moduleFiles: [{ path: 'variables.tf', text: 'variable "rotation_lambda_arn" {}\n' }],
      errors: 1,
      fixes: [
        {
          title: /Add an aws_secretsmanager_secret_rotation/,
          output:
            'resource "aws_secretsmanager_secret" "db" {\n  count = var.n\n}\n\nresource "aws_secretsmanager_secret_rotation" "db" {\n  count = var.n\n\n  secret_id           = aws_secretsmanager_secret.db[count.index].id\n  rotation_lambda_arn = var.rotation_lambda_arn\n\n  rotation_rules {\n    automatically_after_days = 30\n  }\n}\n',
        },
      ],
    },
    {
      name: 'rotation of another secret does not count; the added rotation gets a free name',
      code: SECRET + 'resource "aws_secretsmanager_secret" "db2" {\n  name = "prod/db2"\n}\n' + ROTATION('aws_secretsmanager_secret.db2.id'),
      moduleFiles: [{ path: 'variables.tf', text: 'variable "rotation_lambda_arn" {}\n' }],
      errors: [{ message: 'aws_secretsmanager_secret.db has no', line: 1 }],
      fixes: [
        {
          title: /Add an aws_secretsmanager_secret_rotation/,
          output:
            SECRET.trimEnd() +
            '\n\nresource "aws_secretsmanager_secret_rotation" "db_rotation" {\n  secret_id           = aws_secretsmanager_secret.db.id\n  rotation_lambda_arn = var.rotation_lambda_arn\n\n  rotation_rules {\n    automatically_after_days = 30\n  }\n}\n' +
            'resource "aws_secretsmanager_secret" "db2" {\n  name = "prod/db2"\n}\n' +
            ROTATION('aws_secretsmanager_secret.db2.id'),
        },
      ],
    },
    {
      name: 'rotation every 400 days',
      code: SECRET + ROTATION('aws_secretsmanager_secret.db.id', 400),
      errors: [{ message: 'aws_secretsmanager_secret_rotation.db rotates the secret every 400 days; policy requires at most 365', line: 9 }],
      output: SECRET + ROTATION('aws_secretsmanager_secret.db.id', 365),
    },
    {
      name: 'rate schedule above a stricter maximum',
      options: { maxRotationDays: 90 },
      code: SECRET + 'resource "aws_secretsmanager_secret_rotation" "db" {\n  secret_id = aws_secretsmanager_secret.db.id\n\n  rotation_rules {\n    schedule_expression = "rate(120 days)"\n  }\n}\n',
      errors: [{ message: 'every 120 days (rate(120 days))', line: 8 }],
      output: SECRET + 'resource "aws_secretsmanager_secret_rotation" "db" {\n  secret_id = aws_secretsmanager_secret.db.id\n\n  rotation_rules {\n    schedule_expression = "rate(90 days)"\n  }\n}\n',
    },
    {
      name: 'pre-5.0 inline rotation too slow, days from a variable',
      code: 'resource "aws_secretsmanager_secret" "db" {\n  rotation_lambda_arn = aws_lambda_function.rotate.arn\n\n  rotation_rules {\n    automatically_after_days = var.days\n  }\n}\n',
      moduleFiles: [{ path: 'variables.tf', text: 'variable "days" {\n  default = 730\n}\n' }],
      errors: [{ message: 'every 730 days (from the default of variable "days")', line: 5 }],
      output: null,
    },
  ],
});
