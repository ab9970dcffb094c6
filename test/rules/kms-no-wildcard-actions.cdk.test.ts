// kms-no-wildcard-actions on AWS CDK stacks, through the CDK policy extractor: PolicyStatement props and
// later `addActions`, PolicyDocument.fromJson, key.grant(…, 'kms:*').
import { kmsNoWildcardActions } from '../../rules/kms-wildcard/kms-no-wildcard-actions';
import { ruleTester } from '../support/rule-tester';

const header = "import * as iam from 'aws-cdk-lib/aws-iam';\nimport * as kms from 'aws-cdk-lib/aws-kms';\n";

ruleTester(kmsNoWildcardActions, {
  valid: [
    {
      name: 'least-privilege usage actions',
      path: 'stack.ts',
      code: `${header}role.addToPolicy(new iam.PolicyStatement({ actions: ['kms:Encrypt', 'kms:Decrypt'], resources: [key.keyArn] }));\n`,
    },
    {
      name: 'Deny with kms:* is fine',
      path: 'stack.ts',
      code: `${header}new iam.PolicyStatement({ effect: iam.Effect.DENY, actions: ['kms:*'], resources: ['*'] });\n`,
    },
    {
      name: 'account root delegation in a key policy',
      path: 'stack.ts',
      code: `${header}const key = new kms.Key(this, 'K', { enableKeyRotation: true });\nkey.addToResourcePolicy(new iam.PolicyStatement({ actions: ['kms:*'], principals: [new iam.AccountRootPrincipal()], resources: ['*'] }));\n`,
    },
    { name: 'key.grantEncryptDecrypt', path: 'stack.ts', code: `${header}const key = new kms.Key(this, 'K');\nkey.grantEncryptDecrypt(role);\n` },
    { name: 'L1 bucket policy without KMS wildcards', path: 'stack.ts', code: `${header}import * as s3 from 'aws-cdk-lib/aws-s3';\nnew s3.CfnBucketPolicy(this, 'P', { bucket: 'b', policyDocument: { Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }] } });\n` },
    { name: 'a local PolicyStatement class is not IAM', path: 'stack.ts', code: "class PolicyStatement { constructor(_: unknown) {} }\nnew PolicyStatement({ actions: ['kms:*'] });\n" },
  ],
  invalid: [
    {
      name: 'kms:* in a role policy',
      path: 'stack.ts',
      code: `${header}role.addToPolicy(new iam.PolicyStatement({\n  actions: ['kms:*'],\n  resources: [key.keyArn],\n}));\n`,
      errors: [{ message: 'iam.PolicyStatement added to role: statement 1 allows "kms:*"', line: 4 }],
      output: null,
      fixes: [
        {
          title: /key usage/,
          safe: false,
          output: `${header}role.addToPolicy(new iam.PolicyStatement({\n  actions: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey'],\n  resources: [key.keyArn],\n}));\n`,
        },
      ],
    },
    {
      name: 'multi-line action list keeps one action per line',
      path: 'stack.ts',
      code: `${header}const s = new iam.PolicyStatement({\n  actions: [\n    'kms:*',\n  ],\n  resources: ['*'],\n});\n`,
      errors: 1,
      fixes: [
        {
          title: /key usage/,
          output: `${header}const s = new iam.PolicyStatement({\n  actions: [\n    'kms:Encrypt',\n    'kms:Decrypt',\n    'kms:ReEncrypt*',\n    'kms:GenerateDataKey*',\n    'kms:DescribeKey',\n  ],\n  resources: ['*'],\n});\n`,
        },
      ],
    },
    {
      name: 'kms:* in the policy of a kms.Key names the key',
      path: 'stack.ts',
      code: `${header}new kms.Key(this, 'DataKey', {\n  enableKeyRotation: true,\n  policy: new iam.PolicyDocument({\n    statements: [new iam.PolicyStatement({ actions: ['kms:*'], principals: [new iam.ArnPrincipal('arn:aws:iam::111122223333:role/App')], resources: ['*'] })],\n  }),\n});\n`,
      errors: [{ message: "kms.Key 'DataKey' key policy: statement 1 allows \"kms:*\" to arn:aws:iam::111122223333:role/App" }],
    },
    {
      name: 'action added later with addActions, through a const',
      path: 'stack.ts',
      code: `${header}const ALL = 'kms:*';\nconst stmt = new iam.PolicyStatement({ resources: ['*'] });\nstmt.addActions(ALL);\nrole.addToPolicy(stmt);\n`,
      errors: [{ message: 'allows "kms:*"', line: 5 }],
    },
    {
      name: 'NotAction-style notActions',
      path: 'stack.ts',
      code: `${header}new iam.PolicyStatement({ notActions: ['kms:ScheduleKeyDeletion'], resources: ['*'] });\n`,
      errors: [{ message: 'allows every action except those under NotAction' }],
      fixes: [{ title: /key usage/, output: `${header}new iam.PolicyStatement({ actions: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey'], resources: ['*'] });\n` }],
    },
    {
      name: 'PolicyDocument.fromJson',
      path: 'stack.ts',
      code: `${header}const doc = iam.PolicyDocument.fromJson({\n  Version: '2012-10-17',\n  Statement: [{ Effect: 'Allow', Action: 'kms:*', Principal: { AWS: 'arn:aws:iam::111122223333:role/App' }, Resource: '*' }],\n});\n`,
      errors: [{ message: 'iam.PolicyDocument.fromJson: statement 1 allows "kms:*"', line: 5 }],
    },
    {
      name: "key.grant(role, 'kms:*')",
      path: 'stack.ts',
      code: `${header}const key = new kms.Key(this, 'K', { enableKeyRotation: true });\nkey.grant(role, 'kms:*');\n`,
      errors: [{ message: "kms.Key 'K'.grant(…): statement 1 allows \"kms:*\" to role", line: 4 }],
      fixes: [{ title: /key usage/, output: `${header}const key = new kms.Key(this, 'K', { enableKeyRotation: true });\nkey.grant(role, 'kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey');\n` }],
    },
    {
      name: 'L1 CfnKey with a JSON key policy',
      path: 'stack.ts',
      code: `${header}new kms.CfnKey(this, 'L1Key', {\n  enableKeyRotation: true,\n  keyPolicy: {\n    Version: '2012-10-17',\n    Statement: [\n      { Sid: 'App', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/App' }, Action: 'kms:*', Resource: '*' },\n    ],\n  },\n});\n`,
      errors: [{ message: "kms.CfnKey 'L1Key' keyPolicy: statement \"App\" allows \"kms:*\"", line: 8 }],
      fixes: [
        {
          title: /key usage/,
          output: `${header}new kms.CfnKey(this, 'L1Key', {\n  enableKeyRotation: true,\n  keyPolicy: {\n    Version: '2012-10-17',\n    Statement: [\n      { Sid: 'App', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/App' }, Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey'], Resource: '*' },\n    ],\n  },\n});\n`,
        },
      ],
    },
    {
      name: 'L1 CfnRole inline policy with NotAction',
      path: 'stack.ts',
      code: `${header}new iam.CfnRole(this, 'R', { assumeRolePolicyDocument: trust, policies: [{ policyName: 'app', policyDocument: { Statement: [{ Effect: 'Allow', NotAction: ['iam:*'], Resource: '*' }] } }] });\n`,
      errors: [{ message: "iam.CfnRole 'R' policies[app]: statement 1 allows every action except those under NotAction" }],
    },
    {
      name: 'JavaScript stack with root import',
      path: 'stack.js',
      code: "const { aws_iam: iam } = require('aws-cdk-lib');\nnew iam.PolicyStatement({ actions: [\"*\"], resources: [\"*\"] });\n",
      errors: 1,
    },
  ],
});
