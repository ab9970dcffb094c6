// secret-rotation on AWS CDK stacks: Secret/CfnSecret need a rotation schedule in the same file.
import { secretRotation } from '../../rules/key-rotation/secret-rotation';
import { ruleTester } from '../support/rule-tester';

const header = "import { Duration } from 'aws-cdk-lib';\nimport * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';\n";

ruleTester(secretRotation, {
  valid: [
    {
      name: 'addRotationSchedule on the secret',
      path: 'stack.ts',
      code: `${header}const secret = new secretsmanager.Secret(this, 'Db');\nsecret.addRotationSchedule('Rotation', { hostedRotation: secretsmanager.HostedRotation.mysqlSingleUser(), automaticallyAfter: Duration.days(30) });\n`,
    },
    {
      name: 'RotationSchedule construct naming the field',
      path: 'stack.ts',
      code: `${header}class S {\n  secret = new secretsmanager.Secret(this, 'Db');\n  build() {\n    new secretsmanager.RotationSchedule(this, 'R', { secret: this.secret, rotationLambda: fn });\n  }\n}\n`,
    },
    {
      name: 'L1 CfnSecret with CfnRotationSchedule',
      path: 'stack.ts',
      code: `${header}const s = new secretsmanager.CfnSecret(this, 'S', {});\nnew secretsmanager.CfnRotationSchedule(this, 'R', { secretId: s.ref, rotationRules: { automaticallyAfterDays: 90 } });\n`,
    },
    {
      name: 'secret used as database credentials, rotated by the instance',
      path: 'stack.ts',
      code: `${header}import * as rds from 'aws-cdk-lib/aws-rds';\nconst dbSecret = new secretsmanager.Secret(this, 'DbSecret', { generateSecretString: { secretStringTemplate: '{"username":"app"}', generateStringKey: 'password' } });\nconst db = new rds.DatabaseInstance(this, 'Db', { engine, vpc, credentials: rds.Credentials.fromSecret(dbSecret) });\ndb.addRotationSingleUser();\n`,
    },
    { name: 'not CDK', path: 'stack.ts', code: "import { Secret } from './vault';\nnew Secret(this, 'Db');\n" },
    {
      name: 'rotation added through an expression we cannot trace: benefit of the doubt',
      path: 'stack.ts',
      code: `${header}new secretsmanager.Secret(this, 'Db');\nlookup(this).addRotationSchedule('R', { rotationLambda: fn });\n`,
    },
  ],
  invalid: [
    {
      name: 'secret without rotation',
      path: 'stack.ts',
      code: `${header}const secret = new secretsmanager.Secret(this, 'Db', { description: 'db' });\n`,
      errors: [{ message: "secretsmanager.Secret 'Db' has no rotation schedule in this file", line: 3 }],
      output: null,
    },
    {
      name: 'rotation for another secret does not count',
      path: 'stack.ts',
      code: `${header}const a = new secretsmanager.Secret(this, 'A');\nconst b = new secretsmanager.Secret(this, 'B');\na.addRotationSchedule('R', { rotationLambda: fn });\n`,
      errors: [{ message: "'B' has no rotation schedule", line: 4 }],
    },
    {
      name: 'database rotation does not cover a secret it does not use',
      path: 'stack.ts',
      code: `${header}import * as rds from 'aws-cdk-lib/aws-rds';\nconst apiSecret = new secretsmanager.Secret(this, 'Api');\nconst db = new rds.DatabaseInstance(this, 'Db', { engine, vpc, credentials: rds.Credentials.fromGeneratedSecret('app') });\ndb.addRotationSingleUser();\n`,
      errors: [{ message: "'Api' has no rotation schedule", line: 4 }],
    },
    {
      name: 'schedule longer than the maximum',
      path: 'stack.ts',
      code: `${header}const secret = new secretsmanager.Secret(this, 'Db');\nsecret.addRotationSchedule('Rotation', {\n  rotationLambda: fn,\n  automaticallyAfter: Duration.days(400),\n});\n`,
      errors: [{ message: "the rotation schedule of secretsmanager.Secret 'Db' rotates the secret every 400 days; policy requires at most 365", line: 6 }],
      output: `${header}const secret = new secretsmanager.Secret(this, 'Db');\nsecret.addRotationSchedule('Rotation', {\n  rotationLambda: fn,\n  automaticallyAfter: Duration.days(365),\n});\n`,
    },
    {
      name: 'L1 schedule longer than the maximum',
      path: 'stack.ts',
      code: `${header}const s = new secretsmanager.CfnSecret(this, 'S', {});\nnew secretsmanager.CfnRotationSchedule(this, 'R', { secretId: s.ref, rotationRules: { automaticallyAfterDays: 500 } });\n`,
      errors: [{ message: 'every 500 days' }],
      output: `${header}const s = new secretsmanager.CfnSecret(this, 'S', {});\nnew secretsmanager.CfnRotationSchedule(this, 'R', { secretId: s.ref, rotationRules: { automaticallyAfterDays: 365 } });\n`,
    },
  ],
});
