import * as assert from 'node:assert/strict';
import { applyEdits } from '../../server/src/engine/fix';
import { policyDocuments } from '../../server/src/engine/policy';
import { SourceFile } from '../../server/src/engine/source';

const template = [
  'Resources:',
  '  Key:',
  '    Type: AWS::KMS::Key',
  '    Properties:',
  '      KeyPolicy:',
  "        Version: '2012-10-17'",
  '        Statement:',
  '          - Sid: Admin',
  '            Effect: Allow',
  '            Principal:',
  '              AWS: !Sub arn:aws:iam::${AWS::AccountId}:root',
  '            Action: kms:*',
  "            Resource: '*'",
  '          - Effect: Allow',
  "            Principal: '*'",
  '            NotAction:',
  '              - kms:Decrypt',
  '              - kms:Encrypt',
  '            Resource: "*"',
  '            Condition:',
  '              StringEquals:',
  '                kms:CallerAccount: !Ref AWS::AccountId',
  '  Role:',
  '    Type: AWS::IAM::Role',
  '    Properties:',
  '      AssumeRolePolicyDocument:',
  '        Statement:',
  '          - { Effect: Allow, Principal: { Service: lambda.amazonaws.com }, Action: sts:AssumeRole }',
  '      Policies:',
  '        - PolicyName: use-key',
  '          PolicyDocument:',
  '            Statement:',
  '              - Effect: Allow',
  '                Action: [kms:*]',
  '                Resource: !GetAtt Key.Arn',
  '  BucketPolicy:',
  '    Type: AWS::S3::BucketPolicy',
  '    Properties:',
  '      PolicyDocument:',
  '        Statement:',
  '          Effect: Deny',
  "          Principal: { AWS: '*' }",
  '          Action: s3:*',
  '',
].join('\n');

describe('CloudFormation policy extractor', () => {
  const file = new SourceFile({ path: 'template.yaml', text: template });
  const documents = policyDocuments(file);

  it('finds key, identity, trust and resource policies with their kinds and owners', () => {
    assert.deepEqual(
      documents.map((d) => [d.kind, d.origin, d.owner?.address]),
      [
        ['key-policy', 'Key (AWS::KMS::Key) KeyPolicy', 'AWS::KMS::Key Key'],
        ['identity-policy', 'Role (AWS::IAM::Role) Policies[use-key].PolicyDocument', 'AWS::IAM::Role Role'],
        ['trust-policy', 'Role (AWS::IAM::Role) AssumeRolePolicyDocument', 'AWS::IAM::Role Role'],
        ['resource-policy', 'BucketPolicy (AWS::S3::BucketPolicy) PolicyDocument', 'AWS::S3::BucketPolicy BucketPolicy'],
      ],
    );
  });

  it('reads statements with exact spans; intrinsics are non-literal strings', () => {
    const [admin, open] = documents[0].statements;
    assert.equal(admin.sid, 'Admin');
    assert.equal(admin.effect, 'Allow');
    assert.deepEqual(admin.actions.map((a) => [a.value, a.literal, file.slice(a.span)]), [['kms:*', true, 'kms:*']]);
    assert.deepEqual(admin.principals.map((p) => [p.type, p.value.value, p.value.literal]), [['AWS', 'arn:aws:iam::${AWS::AccountId}:root', false]]);
    assert.equal(open.principals[0].type, '*');
    assert.equal(open.actionKey, 'NotAction');
    assert.deepEqual(open.conditions.map((c) => [c.operator, c.key, c.values[0].literal]), [['StringEquals', 'kms:CallerAccount', false]]);
    assert.equal(open.hasUnreadableCondition, false);
    assert.equal(documents[3].statements[0].effect, 'Deny');
  });

  it('writes replacement action lists in YAML, keeping block/flow layout', () => {
    const [admin, open] = documents[0].statements;
    const scalarToBlock = applyEdits(template, documents[0].editor.replaceActions(admin, ['kms:Encrypt', 'kms:Decrypt']));
    assert.ok(scalarToBlock.includes('            Action:\n              - kms:Encrypt\n              - kms:Decrypt\n            Resource'), scalarToBlock);
    const blockToBlock = applyEdits(template, documents[0].editor.replaceActions(open, ['kms:DescribeKey']));
    assert.ok(blockToBlock.includes('            Action:\n              - kms:DescribeKey\n            Resource: "*"'), blockToBlock);
    const flow = documents[1].statements[0];
    const flowOut = applyEdits(template, documents[1].editor.replaceActions(flow, ['kms:Decrypt', 'kms:GenerateDataKey*']));
    assert.ok(flowOut.includes('Action: [kms:Decrypt, kms:GenerateDataKey*]'), flowOut);
    for (const out of [scalarToBlock, blockToBlock, flowOut]) assert.equal(policyDocuments(new SourceFile({ path: 'template.yaml', text: out })).length, 4);
  });

  it('reads JSON templates, including Fn::Join principals, and edits them as JSON', () => {
    const json = '{\n  "Resources": {\n    "Key": {\n      "Type": "AWS::KMS::Key",\n      "Properties": {\n        "KeyPolicy": {\n          "Statement": [\n            {\n              "Effect": "Allow",\n              "Principal": { "AWS": { "Fn::Join": ["", ["arn:aws:iam::", { "Ref": "AWS::AccountId" }, ":root"]] } },\n              "Action": "kms:*",\n              "Resource": "*"\n            }\n          ]\n        }\n      }\n    }\n  }\n}\n';
    const jsonFile = new SourceFile({ path: 'template.json', text: json });
    const [doc] = policyDocuments(jsonFile);
    assert.equal(doc.kind, 'key-policy');
    const [statement] = doc.statements;
    assert.equal(statement.principals[0].value.literal, false);
    const out = applyEdits(json, doc.editor.replaceActions(statement, ['kms:Encrypt', 'kms:Decrypt']));
    assert.ok(out.includes('"Action": [\n                "kms:Encrypt",\n                "kms:Decrypt"\n              ],'), out);
  });

  it('reads resource policies of other services (OpenSearch access policies)', () => {
    const text = "Resources:\n  Search:\n    Type: AWS::OpenSearchService::Domain\n    Properties:\n      AccessPolicies:\n        Statement:\n          - Effect: Allow\n            Principal: { AWS: '*' }\n            Action: es:*\n            Resource: '*'\n";
    const [doc] = policyDocuments(new SourceFile({ path: 't.yaml', text }));
    assert.equal(doc.kind, 'resource-policy');
    assert.equal(doc.origin, 'Search (AWS::OpenSearchService::Domain) AccessPolicies');
  });

  it('tolerates half-typed policies', () => {
    const broken = new SourceFile({ path: 't.yaml', text: 'Resources:\n  Key:\n    Type: AWS::KMS::Key\n    Properties:\n      KeyPolicy:\n        Statement:\n          - Effect:\n            Action:\n' });
    const [doc] = policyDocuments(broken);
    assert.equal(doc.statements.length, 1);
    assert.equal(doc.statements[0].effect, undefined);
  });
});
