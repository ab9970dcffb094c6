// no-plaintext-secret on AWS CDK stacks: SecretValue.unsafePlainText / plainText and literal props.
import { noPlaintextSecret } from '../../rules/plaintext-secret/no-plaintext-secret';
import { ruleTester } from '../support/rule-tester';

const header = "import * as cdk from 'aws-cdk-lib';\nimport * as rds from 'aws-cdk-lib/aws-rds';\n";

ruleTester(noPlaintextSecret, {
  valid: [
    { name: 'SSM parameter that is not a secret', path: 'stack.ts', code: `${header}import * as ssm from 'aws-cdk-lib/aws-ssm';\nnew ssm.StringParameter(this, 'Endpoint', { parameterName: '/prod/db/endpoint', stringValue: db.dbInstanceEndpointAddress });\n` },
    { name: 'Secrets Manager lookup', path: 'stack.ts', code: `${header}rds.Credentials.fromPassword('admin', cdk.SecretValue.secretsManager('prod/db'));\n` },
    { name: 'generated secret', path: 'stack.ts', code: `${header}new rds.DatabaseInstance(this, 'Db', { engine, credentials: rds.Credentials.fromGeneratedSecret('admin') });\n` },
    { name: 'SSM secure lookup', path: 'stack.ts', code: `${header}const pw = cdk.SecretValue.ssmSecure('/prod/db/password');\n` },
    { name: 'a local SecretValue class', path: 'stack.ts', code: "class SecretValue { static unsafePlainText(v: string) { return v; } }\nSecretValue.unsafePlainText('x');\n" },
  ],
  invalid: [
    {
      name: 'secret in an SSM String parameter',
      path: 'stack.ts',
      code: `${header}import * as ssm from 'aws-cdk-lib/aws-ssm';\nnew ssm.StringParameter(this, 'DbPassword', { parameterName: '/prod/db/password', stringValue: 'Pr0d-Passw0rd!' });\n`,
      errors: [{ message: `ssm.StringParameter 'DbPassword' ("/prod/db/password") stores a secret ("Pr***`, line: 4 }],
    },
    {
      name: 'Credentials.fromPassword with unsafePlainText',
      path: 'stack.ts',
      code: `${header}new rds.DatabaseInstance(this, 'Database', {\n  engine,\n  credentials: rds.Credentials.fromPassword('admin', cdk.SecretValue.unsafePlainText('S3cr3t-Passw0rd!')),\n});\n`,
      errors: [{ message: 'cdk.SecretValue.unsafePlainText ("S3cr***', line: 5 }],
      output: null,
      fixes: [
        {
          title: "Replace with cdk.SecretValue.secretsManager('Database/credentials')",
          safe: false,
          output: `${header}new rds.DatabaseInstance(this, 'Database', {\n  engine,\n  credentials: rds.Credentials.fromPassword('admin', cdk.SecretValue.secretsManager('Database/credentials')),\n});\n`,
        },
      ],
    },
    {
      name: 'CDK v1 SecretValue.plainText, named import, double quotes',
      path: 'stack.ts',
      code: 'import { SecretValue } from "@aws-cdk/core";\nconst token = SecretValue.plainText("ghx-0123456789abcdef");\n',
      errors: 1,
      fixes: [{ title: /secretsManager\('token'\)/, output: 'import { SecretValue } from "@aws-cdk/core";\nconst token = SecretValue.secretsManager("token");\n' }],
    },
    {
      name: 'secretStringValue of a Secret',
      path: 'stack.ts',
      code: `${header}import * as sm from 'aws-cdk-lib/aws-secretsmanager';\nnew sm.Secret(this, 'Api', { secretStringValue: cdk.SecretValue.unsafePlainText(apiKeyFromSomewhere) });\n`,
      errors: [{ message: 'cdk.SecretValue.unsafePlainText puts the secret in plain text' }],
    },
    {
      name: 'literal password on an L1 construct (no process.env fix in a stack)',
      path: 'stack.ts',
      code: `${header}new rds.CfnDBInstance(this, 'L1', { engine: 'postgres', masterUsername: 'admin', masterUserPassword: 'Adm1n-Passw0rd' });\n`,
      errors: [{ message: '"masterUserPassword" is a plaintext secret ("Ad***' }],
      output: null,
    },
  ],
});
