import * as assert from 'node:assert/strict';
import { refValue, setPath, setResourceProperty } from '../../server/src/engine/cloudformation/edits';
import { cfnTemplate, getAttTarget, intrinsic, literalString, mentionsResource, refTarget, resourcesOfType } from '../../server/src/engine/cloudformation/model';
import { applyEdits } from '../../server/src/engine/fix';
import { syntaxNotices } from '../../server/src/engine/parsers/syntax';
import { SourceFile } from '../../server/src/engine/source';
import { get, getPath, scalarString } from '../../server/src/engine/yaml/data';
import { parseYamlText } from '../../server/src/engine/yaml/parse';

const yamlTemplate = [
  'AWSTemplateFormatVersion: "2010-09-09"',
  'Parameters:',
  '  DbPassword:',
  '    Type: String',
  '    NoEcho: true',
  '  Stage:',
  '    Type: String',
  '    Default: prod',
  'Resources:',
  '  Key:',
  '    Type: AWS::KMS::Key',
  '    Properties:',
  '      Description: !Sub "${Stage} key"',
  '      KeyPolicy:',
  '        Statement:',
  '          - Effect: Allow',
  '            Principal: { AWS: !GetAtt Role.Arn }',
  '            Action: kms:*',
  '  Alias:',
  '    Type: AWS::KMS::Alias',
  '    Properties:',
  '      TargetKeyId:',
  '        Ref: Key',
  '      AliasName: !Join ["/", [alias, !Ref Stage]]',
  '',
].join('\n');

function file(path: string, text: string): SourceFile {
  return new SourceFile({ path, text });
}

describe('CloudFormation model', () => {
  it('detects YAML and JSON templates by content', () => {
    assert.equal(file('t.yaml', yamlTemplate).kind, 'cloudformation-yaml');
    assert.equal(file('t.json', '{"Resources":{"B":{"Type":"AWS::S3::Bucket"}}}').kind, 'cloudformation-json');
    assert.equal(file('k8s.yaml', 'apiVersion: v1\nkind: Secret\n').kind, 'yaml');
  });

  it('reads resources, parameters and intrinsics in both spellings with exact spans', () => {
    const f = file('t.yaml', yamlTemplate);
    const t = cfnTemplate(f);
    assert.deepEqual(t.resources.map((r) => `${r.logicalId}:${r.type}`), ['Key:AWS::KMS::Key', 'Alias:AWS::KMS::Alias']);
    assert.equal(t.parameters.get('DbPassword')?.noEcho, true);
    assert.equal(scalarString(t.parameters.get('Stage')?.default), 'prod');
    const [key] = resourcesOfType(t, 'AWS::KMS::Key');
    const description = get(key.properties, 'Description')!;
    assert.equal(f.slice(description.span), '!Sub "${Stage} key"');
    assert.equal(intrinsic(description)?.fn, 'Fn::Sub');
    assert.equal(literalString(description), undefined);
    const principal = getPath(key.properties, ['KeyPolicy', 'Statement', 0, 'Principal', 'AWS']);
    assert.equal(getAttTarget(principal), 'Role');
    const action = getPath(key.properties, ['KeyPolicy', 'Statement', 0, 'Action'])!;
    assert.equal(literalString(action), 'kms:*');
    assert.equal(f.lines.positionAt(action.span.start).line, 17);
    const alias = t.resources[1];
    assert.equal(refTarget(get(alias.properties, 'TargetKeyId')), 'Key');
    assert.ok(mentionsResource(alias.properties, 'Key'));
    assert.equal(intrinsic(get(alias.properties, 'AliasName'))?.fn, 'Fn::Join');
    assert.deepEqual(syntaxNotices(f), []);
  });

  it('reads JSON templates into the same model', () => {
    const text = '{\n  "Resources": {\n    "Key": {\n      "Type": "AWS::KMS::Key",\n      "Properties": { "KeyPolicy": { "Ref": "P" }, "EnableKeyRotation": "false" }\n    }\n  }\n}\n';
    const f = file('t.json', text);
    const [key] = cfnTemplate(f).resources;
    assert.equal(refTarget(get(key.properties, 'KeyPolicy')), 'P');
    assert.equal(f.slice(get(key.properties, 'EnableKeyRotation')!.span), '"false"');
  });

  it('reports YAML syntax errors as parse-error notices and still models what it can', () => {
    const f = file('t.yaml', 'Resources:\n  Key:\n    Type: AWS::KMS::Key\n    Properties: [unclosed\n');
    const notices = syntaxNotices(f);
    assert.equal(notices.length, 1);
    assert.equal(notices[0].kind, 'parse-error');
    assert.equal(cfnTemplate(f).resources[0]?.logicalId, 'Key');
  });

  it('templated YAML (Helm) that cannot parse gets a quiet info notice, not a warning', () => {
    const f = file('templates/secret.yaml', 'apiVersion: v1\nkind: Secret\n{{- if .Values.enabled }}\nstringData:\n  password: {{ .Values.password }}\n{{- end }}\n');
    const notices = syntaxNotices(f);
    assert.equal(notices.length, 1);
    assert.equal(notices[0].level, 'info');
    assert.match(notices[0].message, /templated YAML/);
  });

  it('bounds alias expansion (billion laughs)', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill('*' + String.fromCharCode(96 + i)).join(', ')}]`);
    const started = Date.now();
    const parsed = parseYamlText(lines.join('\n'));
    assert.ok(parsed.documents.length === 1);
    assert.ok(Date.now() - started < 2000, 'alias expansion must stay bounded');
  });

  it('counts UTF-16 offsets past non-ASCII text', () => {
    const f = file('t.yaml', 'Description: "schlüssel 🔑"\nResources:\n  K:\n    Type: AWS::KMS::Key\n');
    const [k] = cfnTemplate(f).resources;
    assert.equal(f.slice(k.pair.keySpan), 'K');
  });
});

describe('CloudFormation edits keep the style', () => {
  function edited(path: string, text: string, edit: (f: SourceFile) => ReturnType<typeof setPath>): string {
    const f = file(path, text);
    return applyEdits(text, edit(f));
  }

  it('inserts under a block mapping at its keys’ indentation (4 spaces)', () => {
    const text = 'Resources:\n    Key:\n        Type: AWS::KMS::Key\n        Properties:\n            Description: x # note\n';
    const out = edited('t.yaml', text, (f) => setResourceProperty(f, cfnTemplate(f), cfnTemplate(f).resources[0], ['EnableKeyRotation'], true));
    assert.equal(out, 'Resources:\n    Key:\n        Type: AWS::KMS::Key\n        Properties:\n            Description: x # note\n            EnableKeyRotation: true\n');
  });

  it('creates Properties when missing, and nests missing keys', () => {
    const text = 'Resources:\n  Key:\n    Type: AWS::KMS::Key\nOutputs: {}\n';
    const out = edited('t.yaml', text, (f) => setResourceProperty(f, cfnTemplate(f), cfnTemplate(f).resources[0], ['EnableKeyRotation'], true));
    assert.equal(out, 'Resources:\n  Key:\n    Type: AWS::KMS::Key\n    Properties:\n      EnableKeyRotation: true\nOutputs: {}\n');
  });

  it('keeps CRLF line endings, and fills a key that has no value yet', () => {
    const crlf = 'Resources:\r\n  Key:\r\n    Type: AWS::KMS::Key\r\n    Properties:\r\n      Description: x\r\n';
    const out = edited('t.yaml', crlf, (f) => setResourceProperty(f, cfnTemplate(f), cfnTemplate(f).resources[0], ['EnableKeyRotation'], true));
    assert.equal(out, 'Resources:\r\n  Key:\r\n    Type: AWS::KMS::Key\r\n    Properties:\r\n      Description: x\r\n      EnableKeyRotation: true\r\n');
    const empty = 'Resources:\n  Key:\n    Type: AWS::KMS::Key\n    Properties:\n  Other:\n    Type: AWS::S3::Bucket\n';
    const filled = edited('t.yaml', empty, (f) => setResourceProperty(f, cfnTemplate(f), cfnTemplate(f).resources[0], ['EnableKeyRotation'], true));
    assert.equal(filled, 'Resources:\n  Key:\n    Type: AWS::KMS::Key\n    Properties:\n      EnableKeyRotation: true\n  Other:\n    Type: AWS::S3::Bucket\n');
  });

  it('follows aliases to their anchors and reads block scalars without their trailing break', () => {
    const f = file('t.yaml', 'Resources:\n  A:\n    Type: AWS::X\n    Properties: &props\n      Script: |\n        echo hi\n  B:\n    Type: AWS::X\n    Properties: *props\n');
    const [a, b] = cfnTemplate(f).resources;
    assert.equal(f.slice(get(a.properties, 'Script')!.span), '|\n        echo hi');
    assert.equal(scalarString(get(b.properties, 'Script')), 'echo hi\n');
  });

  it('inserts inside a sequence item and into flow mappings', () => {
    const text = 'Resources:\n  L:\n    Type: AWS::X\n    Properties:\n      Items:\n        - Name: a\n          Opts: { A: 1 }\n';
    const f = file('t.yaml', text);
    const items = getPath(cfnTemplate(f).resources[0].properties, ['Items', 0]);
    assert.ok(items?.type === 'map');
    const out1 = applyEdits(text, setPath(f, cfnTemplate(f), items, ['Extra'], 'b c'));
    assert.equal(out1, 'Resources:\n  L:\n    Type: AWS::X\n    Properties:\n      Items:\n        - Name: a\n          Opts: { A: 1 }\n          Extra: b c\n');
    const out2 = applyEdits(text, setPath(f, cfnTemplate(f), items, ['Opts', 'B'], refValue('P')));
    assert.equal(out2, 'Resources:\n  L:\n    Type: AWS::X\n    Properties:\n      Items:\n        - Name: a\n          Opts: { A: 1, B: !Ref P }\n');
  });

  it('replaces scalars keeping their quotes, and quotes strings YAML would misread', () => {
    const text = "Resources:\n  K:\n    Type: AWS::KMS::Key\n    Properties:\n      EnableKeyRotation: 'false'\n      Password: \"hunter22\"\n      Other: plain\n";
    const f = file('t.yaml', text);
    const t = cfnTemplate(f);
    const props = t.resources[0].properties!;
    assert.equal(applyEdits(text, setPath(f, t, props, ['EnableKeyRotation'], true)), text.replace("'false'", 'true'));
    assert.equal(applyEdits(text, setPath(f, t, props, ['Password'], '{{resolve:secretsmanager:db}}')), text.replace('"hunter22"', '"{{resolve:secretsmanager:db}}"'));
    assert.equal(applyEdits(text, setPath(f, t, props, ['Other'], '{{resolve:x}}')), text.replace('plain', "'{{resolve:x}}'"));
  });

  it('JSON: inserts with the file’s indentation and line endings via jsonc-parser', () => {
    const text = '{\r\n    "Resources": {\r\n        "Key": {\r\n            "Type": "AWS::KMS::Key",\r\n            "Properties": {\r\n                "Description": "x"\r\n            }\r\n        }\r\n    }\r\n}\r\n';
    const out = edited('t.json', text, (f) => setResourceProperty(f, cfnTemplate(f), cfnTemplate(f).resources[0], ['EnableKeyRotation'], true));
    assert.equal(out, text.replace('"Description": "x"', '"Description": "x",\r\n                "EnableKeyRotation": true'));
    const noProps = '{\n  "Resources": {\n    "Key": {\n      "Type": "AWS::KMS::Key"\n    }\n  }\n}\n';
    const out2 = edited('t.json', noProps, (f) => setResourceProperty(f, cfnTemplate(f), cfnTemplate(f).resources[0], ['EnableKeyRotation'], true));
    assert.equal(out2, '{\n  "Resources": {\n    "Key": {\n      "Type": "AWS::KMS::Key",\n      "Properties": {\n        "EnableKeyRotation": true\n      }\n    }\n  }\n}\n');
  });
});
