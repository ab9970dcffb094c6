import { kmsKeyRotation } from '../../rules/key-rotation/kms-key-rotation';
import { ruleTester } from '../support/rule-tester';

const yaml = (body: string) => `AWSTemplateFormatVersion: '2010-09-09'\nResources:\n${body}`;

ruleTester(kmsKeyRotation, {
  valid: [
    { path: 'template.yaml', code: yaml('  Key:\n    Type: AWS::KMS::Key\n    Properties:\n      EnableKeyRotation: true\n') },
    { name: 'string "true" is accepted by CloudFormation', path: 'template.yaml', code: yaml("  Key:\n    Type: AWS::KMS::Key\n    Properties:\n      EnableKeyRotation: 'true'\n      RotationPeriodInDays: 180\n") },
    { name: 'asymmetric signing key cannot rotate', path: 'template.yaml', code: yaml('  Key:\n    Type: AWS::KMS::Key\n    Properties:\n      KeySpec: RSA_2048\n      KeyUsage: SIGN_VERIFY\n') },
    { name: 'HMAC key cannot rotate', path: 'template.yaml', code: yaml('  Key:\n    Type: AWS::KMS::Key\n    Properties:\n      KeySpec: HMAC_256\n      KeyUsage: GENERATE_VERIFY_MAC\n') },
    { name: 'imported key material cannot rotate', path: 'template.yaml', code: yaml('  Key:\n    Type: AWS::KMS::Key\n    Properties:\n      Origin: EXTERNAL\n') },
    { name: 'rotation from a parameter whose default is true', path: 'template.yaml', code: "Parameters:\n  Rotate:\n    Type: String\n    Default: 'true'\nResources:\n  Key:\n    Type: AWS::KMS::Key\n    Properties:\n      EnableKeyRotation: !Ref Rotate\n" },
    { name: 'JSON template', path: 'template.json', code: '{\n  "Resources": {\n    "Key": {\n      "Type": "AWS::KMS::Key",\n      "Properties": { "EnableKeyRotation": true }\n    }\n  }\n}\n' },
    { name: 'other resource types are not keys', path: 'template.yaml', code: yaml('  Alias:\n    Type: AWS::KMS::Alias\n    Properties:\n      AliasName: alias/x\n      TargetKeyId: !Ref Key\n') },
  ],
  invalid: [
    {
      name: 'missing rotation: inserted at the Properties indentation',
      path: 'template.yaml',
      code: yaml('  Key:\n    Type: AWS::KMS::Key\n    Properties:\n      Description: data key # customer data\n      KeyPolicy:\n        Version: "2012-10-17"\n  Bucket:\n    Type: AWS::S3::Bucket\n'),
      errors: [{ message: 'Key (AWS::KMS::Key) does not enable automatic key rotation', line: 3 }],
      output: yaml('  Key:\n    Type: AWS::KMS::Key\n    Properties:\n      Description: data key # customer data\n      KeyPolicy:\n        Version: "2012-10-17"\n      EnableKeyRotation: true\n  Bucket:\n    Type: AWS::S3::Bucket\n'),
    },
    {
      name: 'no Properties at all, 4-space indentation',
      path: 'template.yml',
      code: 'Resources:\n    Key:\n        Type: AWS::KMS::Key\n',
      errors: 1,
      output: 'Resources:\n    Key:\n        Type: AWS::KMS::Key\n        Properties:\n            EnableKeyRotation: true\n',
    },
    {
      name: 'explicitly disabled, quoted, CRLF kept',
      path: 'template.yaml',
      code: "Resources:\r\n  Key:\r\n    Type: AWS::KMS::Key\r\n    Properties:\r\n      EnableKeyRotation: 'false'\r\n",
      errors: [{ message: 'disables automatic key rotation', line: 5 }],
      output: 'Resources:\r\n  Key:\r\n    Type: AWS::KMS::Key\r\n    Properties:\r\n      EnableKeyRotation: true\r\n',
    },
    {
      name: 'disabled through a parameter default: named, fix offered but not applied',
      path: 'template.yaml',
      code: 'Parameters:\n  Rotate:\n    Type: String\n    Default: false\nResources:\n  Key:\n    Type: AWS::KMS::Key\n    Properties:\n      EnableKeyRotation: !Ref Rotate\n',
      errors: [{ message: 'Default of parameter Rotate', line: 9 }],
      output: null,
      fixes: [{ title: 'Set EnableKeyRotation: true', safe: false, output: 'Parameters:\n  Rotate:\n    Type: String\n    Default: false\nResources:\n  Key:\n    Type: AWS::KMS::Key\n    Properties:\n      EnableKeyRotation: true\n' }],
    },
    {
      name: 'period above the maximum',
      path: 'template.yaml',
      code: yaml('  Key:\n    Type: AWS::KMS::Key\n    Properties:\n      EnableKeyRotation: true\n      RotationPeriodInDays: 730\n'),
      errors: [{ message: 'every 730 days', line: 7 }],
      output: yaml('  Key:\n    Type: AWS::KMS::Key\n    Properties:\n      EnableKeyRotation: true\n      RotationPeriodInDays: 365\n'),
    },
    {
      name: 'JSON: disabled',
      path: 'template.json',
      code: '{\n  "Resources": {\n    "Key": {\n      "Type": "AWS::KMS::Key",\n      "Properties": {\n        "EnableKeyRotation": false\n      }\n    }\n  }\n}\n',
      errors: [{ line: 6 }],
      output: '{\n  "Resources": {\n    "Key": {\n      "Type": "AWS::KMS::Key",\n      "Properties": {\n        "EnableKeyRotation": true\n      }\n    }\n  }\n}\n',
    },
    {
      name: 'JSON: missing, inserted with tab indentation',
      path: 'template.json',
      code: '{\n\t"Resources": {\n\t\t"Key": {\n\t\t\t"Type": "AWS::KMS::Key",\n\t\t\t"Properties": {\n\t\t\t\t"Description": "k"\n\t\t\t}\n\t\t}\n\t}\n}\n',
      errors: [{ line: 3 }],
      output: '{\n\t"Resources": {\n\t\t"Key": {\n\t\t\t"Type": "AWS::KMS::Key",\n\t\t\t"Properties": {\n\t\t\t\t"Description": "k",\n\t\t\t\t"EnableKeyRotation": true\n\t\t\t}\n\t\t}\n\t}\n}\n',
    },
    {
      name: 'two keys fixed in one pass, comments and blank lines kept',
      path: 'template.yaml',
      code: yaml('  A:\n    Type: AWS::KMS::Key\n    Properties:\n      Description: a # first\n\n  # the second key\n  B:\n    Type: AWS::KMS::Key\n    Properties:\n      EnableKeyRotation: false\n'),
      errors: 2,
      output: yaml('  A:\n    Type: AWS::KMS::Key\n    Properties:\n      Description: a # first\n      EnableKeyRotation: true\n\n  # the second key\n  B:\n    Type: AWS::KMS::Key\n    Properties:\n      EnableKeyRotation: true\n'),
    },
    {
      name: 'flow-style Properties stay flow',
      path: 'template.yaml',
      code: yaml('  Key: { Type: "AWS::KMS::Key", Properties: { Description: k } }\n'),
      errors: 1,
      output: yaml('  Key: { Type: "AWS::KMS::Key", Properties: { Description: k, EnableKeyRotation: true } }\n'),
    },
  ],
});
