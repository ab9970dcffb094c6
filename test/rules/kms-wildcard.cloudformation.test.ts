// The kms-wildcard policy rules are written once against the policy model; these cases prove the
// CloudFormation extractor feeds them (YAML and JSON) and that their fixes come out in template syntax.
import { KEY_ADMIN_ACTIONS, KEY_USAGE_ACTIONS } from '../../rules/kms-wildcard/kms-actions';
import { kmsExplicitKeyPolicy } from '../../rules/kms-wildcard/kms-explicit-key-policy';
import { kmsNoPublicPrincipal } from '../../rules/kms-wildcard/kms-no-public-principal';
import { kmsNoWildcardActions } from '../../rules/kms-wildcard/kms-no-wildcard-actions';
import { ruleTester } from '../support/rule-tester';

const key = (statements: string) =>
  `Resources:\n  Key:\n    Type: AWS::KMS::Key\n    Properties:\n      EnableKeyRotation: true\n      KeyPolicy:\n        Version: '2012-10-17'\n        Statement:\n${statements}`;

ruleTester(kmsNoWildcardActions, {
  valid: [
    { name: 'account-root delegation (default key policy statement)', path: 't.yaml', code: key("          - Effect: Allow\n            Principal:\n              AWS: !Sub arn:aws:iam::${AWS::AccountId}:root\n            Action: kms:*\n            Resource: '*'\n") },
    {
      name: 'account-root delegation written for every partition (!Sub with ${AWS::Partition})',
      path: 't.yaml',
      code: key("          - Sid: Enable IAM policies\n            Effect: Allow\n            Principal:\n              AWS: !Sub arn:${AWS::Partition}:iam::${AWS::AccountId}:root\n            Action: kms:*\n            Resource: '*'\n"),
    },
    {
      name: 'account-root delegation in JSON with Fn::Sub and ${AWS::Partition}',
      path: 't.json',
      code: '{"Resources": {"Key": {"Type": "AWS::KMS::Key", "Properties": {"EnableKeyRotation": true, "KeyPolicy": {"Statement": [{"Effect": "Allow", "Principal": {"AWS": {"Fn::Sub": "arn:${AWS::Partition}:iam::${AWS::AccountId}:root"}}, "Action": ["kms:*"], "Resource": "*"}]}}}}}\n',
    },
    {
      name: 'account-root delegation built with Fn::Join from AWS::Partition and AWS::AccountId',
      path: 't.json',
      code: '{"Resources": {"Key": {"Type": "AWS::KMS::Key", "Properties": {"EnableKeyRotation": true, "KeyPolicy": {"Statement": [{"Effect": "Allow", "Principal": {"AWS": {"Fn::Join": ["", ["arn:", {"Ref": "AWS::Partition"}, ":iam::", {"Ref": "AWS::AccountId"}, ":root"]]}}, "Action": "kms:*", "Resource": "*"}]}}}}}\n',
    },
    { name: 'least-privilege usage list', path: 't.yaml', code: key("          - Effect: Allow\n            Principal: { AWS: !GetAtt Role.Arn }\n            Action: [kms:Encrypt, kms:Decrypt]\n            Resource: '*'\n") },
    { name: 'Deny with a wildcard', path: 't.yaml', code: key("          - Effect: Deny\n            Principal: '*'\n            Action: kms:*\n            Resource: '*'\n            Condition:\n              Bool:\n                aws:SecureTransport: 'false'\n") },
  ],
  invalid: [
    {
      name: 'kms:* to a role in a key policy: two unsafe alternatives, written as a YAML block list',
      path: 't.yaml',
      code: key("          - Sid: App\n            Effect: Allow\n            Principal:\n              AWS: !GetAtt AppRole.Arn\n            Action: kms:*\n            Resource: '*'\n"),
      errors: [{ message: 'Key (AWS::KMS::Key) KeyPolicy: statement "App" allows "kms:*"', line: 13 }],
      output: null,
      fixes: [
        {
          title: /key usage actions/,
          safe: false,
          output: key("          - Sid: App\n            Effect: Allow\n            Principal:\n              AWS: !GetAtt AppRole.Arn\n            Action:\n              - kms:Encrypt\n              - kms:Decrypt\n              - kms:ReEncrypt*\n              - kms:GenerateDataKey*\n              - kms:DescribeKey\n            Resource: '*'\n"),
        },
      ],
    },
    {
      name: 'kms:* to a role ARN written for every partition is still a wildcard grant',
      path: 't.yaml',
      code: key("          - Effect: Allow\n            Principal:\n              AWS: !Sub arn:${AWS::Partition}:iam::${AWS::AccountId}:role/App\n            Action: kms:*\n            Resource: '*'\n"),
      errors: [{ message: 'allows "kms:*" to arn:${AWS::Partition}:iam::${AWS::AccountId}:role/App', line: 12 }],
      output: null,
      fixes: [
        {
          title: /key usage actions/,
          safe: false,
          output: key("          - Effect: Allow\n            Principal:\n              AWS: !Sub arn:${AWS::Partition}:iam::${AWS::AccountId}:role/App\n            Action:\n              - kms:Encrypt\n              - kms:Decrypt\n              - kms:ReEncrypt*\n              - kms:GenerateDataKey*\n              - kms:DescribeKey\n            Resource: '*'\n"),
        },
      ],
    },
    {
      name: 'inline role policy with a flow list',
      path: 't.yaml',
      code: "Resources:\n  Role:\n    Type: AWS::IAM::Role\n    Properties:\n      Policies:\n        - PolicyName: p\n          PolicyDocument:\n            Statement:\n              - { Effect: Allow, Action: ['kms:*'], Resource: '*' }\n",
      errors: [{ message: 'Policies[p].PolicyDocument', line: 9 }],
      fixes: [{ title: /key usage actions/, output: "Resources:\n  Role:\n    Type: AWS::IAM::Role\n    Properties:\n      Policies:\n        - PolicyName: p\n          PolicyDocument:\n            Statement:\n              - { Effect: Allow, Action: [kms:Encrypt, kms:Decrypt, kms:ReEncrypt*, kms:GenerateDataKey*, kms:DescribeKey], Resource: '*' }\n" }],
    },
    {
      name: 'JSON managed policy with NotAction',
      path: 't.json',
      code: '{\n  "Resources": {\n    "P": {\n      "Type": "AWS::IAM::ManagedPolicy",\n      "Properties": {\n        "PolicyDocument": {\n          "Statement": [{ "Effect": "Allow", "NotAction": ["iam:*"], "Resource": "*" }]\n        }\n      }\n    }\n  }\n}\n',
      errors: [{ message: 'allows every action except those under NotAction', line: 7 }],
    },
  ],
});

ruleTester(kmsNoPublicPrincipal, {
  valid: [
    { name: 'public principal restricted by a condition', path: 't.yaml', code: key("          - Effect: Allow\n            Principal: '*'\n            Action: kms:Decrypt\n            Resource: '*'\n            Condition:\n              StringEquals:\n                kms:CallerAccount: !Ref AWS::AccountId\n") },
  ],
  invalid: [
    {
      name: 'Principal "*" without a condition',
      path: 't.yaml',
      code: key("          - Effect: Allow\n            Principal: '*'\n            Action: kms:Decrypt\n            Resource: '*'\n"),
      errors: [{ message: 'allows any principal ("*")', line: 10 }],
    },
    {
      name: 'JSON {"AWS": "*"}',
      path: 't.json',
      code: '{"Resources":{"K":{"Type":"AWS::KMS::Key","Properties":{"EnableKeyRotation":true,"KeyPolicy":{"Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"kms:Encrypt","Resource":"*"}]}}}}}',
      errors: 1,
    },
  ],
});

ruleTester(kmsExplicitKeyPolicy, {
  valid: [{ path: 't.yaml', code: key("          - Effect: Allow\n            Principal: { AWS: !GetAtt Role.Arn }\n            Action: kms:Decrypt\n            Resource: '*'\n") }],
  invalid: [
    {
      name: 'key without KeyPolicy: unsafe fix declares the example policy in YAML',
      path: 't.yaml',
      code: 'Resources:\n  Key:\n    Type: AWS::KMS::Key\n    Properties:\n      EnableKeyRotation: true\n',
      errors: [{ message: 'Key (AWS::KMS::Key) has no KeyPolicy', line: 2 }],
      output: null,
      fixes: [
        {
          title: /Declare a key policy/,
          safe: false,
          output: [
            'Resources:',
            '  Key:',
            '    Type: AWS::KMS::Key',
            '    Properties:',
            '      EnableKeyRotation: true',
            '      KeyPolicy:',
            "        Version: '2012-10-17'",
            '        Statement:',
            '          - Sid: EnableIAMUserPermissions',
            '            Effect: Allow',
            '            Principal:',
            '              AWS: !Sub arn:aws:iam::${AWS::AccountId}:root',
            '            Action: kms:*',
            "            Resource: '*'",
            '          - Sid: AllowKeyAdmins',
            '            Effect: Allow',
            '            Principal:',
            '              AWS: !Sub arn:aws:iam::${AWS::AccountId}:role/KeyAdminRole',
            '            Action:',
            ...KEY_ADMIN_ACTIONS.map((a) => `              - ${a}`),
            "            Resource: '*'",
            '          - Sid: AllowKeyUsage',
            '            Effect: Allow',
            '            Principal:',
            '              AWS: !Sub arn:aws:iam::${AWS::AccountId}:role/AppRole',
            '            Action:',
            ...KEY_USAGE_ACTIONS.map((a) => `              - ${a}`),
            "            Resource: '*'",
            '',
          ].join('\n'),
        },
      ],
    },
    {
      name: 'JSON key without Properties',
      path: 't.json',
      code: '{\n  "Resources": {\n    "Key": {\n      "Type": "AWS::KMS::Key"\n    }\n  }\n}\n',
      errors: [{ line: 3 }],
    },
  ],
});
