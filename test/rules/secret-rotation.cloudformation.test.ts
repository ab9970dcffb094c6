import { secretRotation } from '../../rules/key-rotation/secret-rotation';
import { ruleTester } from '../support/rule-tester';

const rotated = (secretId: string) =>
  `Resources:\n  Db:\n    Type: AWS::SecretsManager::Secret\n    Properties:\n      Name: prod/db\n  DbRotation:\n    Type: AWS::SecretsManager::RotationSchedule\n    Properties:\n      SecretId: ${secretId}\n      RotationLambdaARN: !GetAtt Rotator.Arn\n      RotationRules:\n        AutomaticallyAfterDays: 30\n`;

ruleTester(secretRotation, {
  valid: [
    { name: 'rotation by !Ref', path: 'template.yaml', code: rotated('!Ref Db') },
    { name: 'rotation by long-form Ref', path: 'template.yaml', code: rotated('\n        Ref: Db') },
    { name: 'rotation by the literal name', path: 'template.yaml', code: rotated('prod/db') },
    { name: 'rotation with a yearly rate', path: 'template.yaml', code: rotated('!Ref Db').replace('AutomaticallyAfterDays: 30', 'ScheduleExpression: rate(365 days)') },
    {
      name: 'JSON with a hosted rotation Lambda',
      path: 'template.json',
      code: '{"Resources":{"S":{"Type":"AWS::SecretsManager::Secret"},"R":{"Type":"AWS::SecretsManager::RotationSchedule","Properties":{"SecretId":{"Ref":"S"},"HostedRotationLambda":{"RotationType":"MySQLSingleUser"},"RotationRules":{"AutomaticallyAfterDays":90}}}}}',
    },
  ],
  invalid: [
    {
      name: 'secret without a schedule: unsafe fix adds one and the Lambda parameter',
      path: 'template.yaml',
      code: "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Db:\n    Type: AWS::SecretsManager::Secret\n    Properties:\n      GenerateSecretString:\n        PasswordLength: 32\n  Bucket:\n    Type: AWS::S3::Bucket\n",
      errors: [{ message: 'Db (AWS::SecretsManager::Secret) has no AWS::SecretsManager::RotationSchedule', line: 3 }],
      output: null,
      fixes: [
        {
          title: /Add an AWS::SecretsManager::RotationSchedule every 30 days/,
          safe: false,
          output:
            "AWSTemplateFormatVersion: '2010-09-09'\nParameters:\n  RotationLambdaArn:\n    Type: String\n    Description: ARN of the Lambda function that rotates the secret (see the Secrets Manager rotation templates)\nResources:\n  Db:\n    Type: AWS::SecretsManager::Secret\n    Properties:\n      GenerateSecretString:\n        PasswordLength: 32\n  DbRotationSchedule:\n    Type: AWS::SecretsManager::RotationSchedule\n    Properties:\n      SecretId: !Ref Db\n      RotationLambdaARN: !Ref RotationLambdaArn\n      RotationRules:\n        AutomaticallyAfterDays: 30\n  Bucket:\n    Type: AWS::S3::Bucket\n",
        },
      ],
    },
    {
      name: 'schedule for another secret does not count (JSON)',
      path: 'template.json',
      code: '{\n  "Parameters": {\n    "RotationLambdaArn": { "Type": "String" }\n  },\n  "Resources": {\n    "A": { "Type": "AWS::SecretsManager::Secret" },\n    "B": { "Type": "AWS::SecretsManager::Secret" },\n    "RA": { "Type": "AWS::SecretsManager::RotationSchedule", "Properties": { "SecretId": { "Ref": "A" } } }\n  }\n}\n',
      errors: [{ line: 7 }],
      fixes: [
        {
          title: /Add an AWS::SecretsManager::RotationSchedule/,
          output:
            '{\n  "Parameters": {\n    "RotationLambdaArn": { "Type": "String" }\n  },\n  "Resources": {\n    "A": { "Type": "AWS::SecretsManager::Secret" },\n    "B": { "Type": "AWS::SecretsManager::Secret" },\n    "RA": { "Type": "AWS::SecretsManager::RotationSchedule", "Properties": { "SecretId": { "Ref": "A" } } },\n    "BRotationSchedule": {\n      "Type": "AWS::SecretsManager::RotationSchedule",\n      "Properties": {\n        "SecretId": {\n          "Ref": "B"\n        },\n        "RotationLambdaARN": {\n          "Ref": "RotationLambdaArn"\n        },\n        "RotationRules": {\n          "AutomaticallyAfterDays": 30\n        }\n      }\n    }\n  }\n}\n',
        },
      ],
    },
    {
      name: 'interval above the maximum',
      path: 'template.yaml',
      code: rotated('!Ref Db').replace('AutomaticallyAfterDays: 30', 'AutomaticallyAfterDays: 400'),
      errors: [{ message: 'every 400 days', line: 12 }],
      output: rotated('!Ref Db').replace('AutomaticallyAfterDays: 30', 'AutomaticallyAfterDays: 365'),
    },
    {
      name: 'rate expression above the maximum',
      path: 'template.yaml',
      code: rotated('!Ref Db').replace('AutomaticallyAfterDays: 30', "ScheduleExpression: 'rate(400 days)'"),
      errors: [{ message: 'every 400 days (rate(400 days))', line: 12 }],
      output: rotated('!Ref Db').replace('AutomaticallyAfterDays: 30', "ScheduleExpression: 'rate(365 days)'"),
    },
  ],
});
