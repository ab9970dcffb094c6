// kms-no-public-principal on AWS CDK stacks: AnyPrincipal/StarPrincipal without conditions.
import { kmsNoPublicPrincipal } from '../../rules/kms-wildcard/kms-no-public-principal';
import { ruleTester } from '../support/rule-tester';

const header = "import * as iam from 'aws-cdk-lib/aws-iam';\nimport * as kms from 'aws-cdk-lib/aws-kms';\nconst key = new kms.Key(this, 'K', { enableKeyRotation: true });\n";

ruleTester(kmsNoPublicPrincipal, {
  valid: [
    {
      name: 'AnyPrincipal narrowed by a condition',
      path: 'stack.ts',
      code: `${header}key.addToResourcePolicy(new iam.PolicyStatement({\n  actions: ['kms:Decrypt'],\n  principals: [new iam.AnyPrincipal()],\n  resources: ['*'],\n  conditions: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } },\n}));\n`,
    },
    {
      name: 'AnyPrincipal with a condition added later',
      path: 'stack.ts',
      code: `${header}const s = new iam.PolicyStatement({ actions: ['kms:Decrypt'], principals: [new iam.AnyPrincipal()], resources: ['*'] });\ns.addCondition('StringEquals', { 'kms:CallerAccount': '111122223333' });\nkey.addToResourcePolicy(s);\n`,
    },
    {
      name: 'withConditions on the principal',
      path: 'stack.ts',
      code: `${header}key.addToResourcePolicy(new iam.PolicyStatement({ actions: ['kms:Decrypt'], principals: [new iam.AnyPrincipal().withConditions({ StringEquals: { 'aws:PrincipalOrgID': 'o-1' } })], resources: ['*'] }));\n`,
    },
    {
      name: 'a named role',
      path: 'stack.ts',
      code: `${header}key.addToResourcePolicy(new iam.PolicyStatement({ actions: ['kms:Decrypt'], principals: [new iam.ArnPrincipal('arn:aws:iam::111122223333:role/App')], resources: ['*'] }));\n`,
    },
  ],
  invalid: [
    {
      name: 'AnyPrincipal in a key policy without a condition',
      path: 'stack.ts',
      code: `${header}key.addToResourcePolicy(new iam.PolicyStatement({\n  actions: ['kms:Decrypt'],\n  principals: [new iam.AnyPrincipal()],\n  resources: ['*'],\n}));\n`,
      errors: [{ message: 'allows any principal ("*") to use this key with no Condition', line: 6 }],
      output: null,
    },
    {
      name: 'StarPrincipal via addPrincipals',
      path: 'stack.ts',
      code: `${header}const s = new iam.PolicyStatement({ actions: ['kms:Decrypt'], resources: ['*'] });\ns.addPrincipals(new iam.StarPrincipal());\nkey.addToResourcePolicy(s);\n`,
      errors: 1,
    },
    {
      name: 'addAnyPrincipal',
      path: 'stack.ts',
      code: `${header}const s = new iam.PolicyStatement({ actions: ['kms:Decrypt'], resources: ['*'] });\ns.addAnyPrincipal();\nkey.addToResourcePolicy(s);\n`,
      errors: 1,
    },
    {
      name: 'fromJson with Principal "*"',
      path: 'stack.ts',
      code: `${header}new kms.Key(this, 'K2', { enableKeyRotation: true, policy: iam.PolicyDocument.fromJson({ Statement: [{ Effect: 'Allow', Principal: '*', Action: 'kms:Decrypt', Resource: '*' }] }) });\n`,
      errors: [{ message: "kms.Key 'K2' key policy" }],
    },
  ],
});
