// The policy model from every source: the same statements, with spans that point at the exact text
// in the file (through heredoc offsets and HCL string escapes), the right kind, and editors that
// write in each source's own syntax.
import * as assert from 'node:assert/strict';
import { applyEdits } from '../../server/src/engine/fix';
import { policyDocuments, type PolicyDocument } from '../../server/src/engine/policy';
import { SourceFile } from '../../server/src/engine/source';
import { buildModule } from '../../server/src/engine/terraform/module';

function documents(path: string, text: string, siblings: Array<{ path: string; text: string }> = []): { file: SourceFile; docs: PolicyDocument[] } {
  const file = new SourceFile({ path, text });
  const module = path.endsWith('.tf') ? buildModule([file, ...siblings.map((s) => new SourceFile(s))]) : undefined;
  return { file, docs: policyDocuments(file, { module }) };
}

/** The source text a span covers: what a finding on it would underline. */
const at = (file: SourceFile, span: { start: number; end: number } | undefined) => (span ? file.slice(span) : undefined);

function only(docs: PolicyDocument[]): PolicyDocument {
  assert.equal(docs.length, 1, `expected one document, got ${docs.map((d) => d.origin).join(', ')}`);
  return docs[0];
}

const KEY_POLICY_JSON = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "AllowKeyUsage",
      "Effect": "Allow",
      "Principal": { "AWS": ["arn:aws:iam::111122223333:role/AppRole"] },
      "Action": ["kms:Encrypt", "kms:*"],
      "Resource": "*"
    },
    {
      "Effect": "Deny",
      "Principal": "*",
      "NotAction": "kms:Decrypt",
      "Resource": "*",
      "Condition": { "Bool": { "aws:SecureTransport": "false" } }
    }
  ]
}
`;

describe('policy model', () => {
  describe('policy JSON files', () => {
    it('reads statements with exact spans', () => {
      const { file, docs } = documents('keys/key-policy.json', KEY_POLICY_JSON);
      const doc = only(docs);
      assert.equal(doc.kind, 'key-policy');
      assert.equal(doc.origin, 'key-policy.json');
      const [allow, deny] = doc.statements;
      assert.equal(allow.sid, 'AllowKeyUsage');
      assert.equal(allow.effect, 'Allow');
      assert.equal(allow.actionKey, 'Action');
      assert.deepEqual(allow.actions.map((a) => at(file, a.span)), ['"kms:Encrypt"', '"kms:*"']);
      assert.equal(at(file, allow.actionValueSpan), '["kms:Encrypt", "kms:*"]');
      assert.deepEqual(allow.principals.map((p) => [p.type, p.value.value]), [['AWS', 'arn:aws:iam::111122223333:role/AppRole']]);
      assert.equal(file.lines.positionAt(allow.actions[1].span.start).line, 7);
      assert.equal(deny.effect, 'Deny');
      assert.equal(deny.actionKey, 'NotAction');
      assert.equal(at(file, deny.actionKeySpan), '"NotAction"');
      assert.deepEqual(deny.principals.map((p) => p.type), ['*']);
      assert.deepEqual(deny.conditions.map((c) => [c.operator, c.key, c.values.map((v) => v.value)]), [['Bool', 'aws:SecureTransport', ['false']]]);
      assert.equal(allow.document, doc);
    });

    it('ignores JSON that is not a policy, and survives broken JSON', () => {
      assert.deepEqual(documents('package.json', '{ "name": "x", "version": "1.0.0" }').docs, []);
      const { docs } = documents('p.json', '{ "Statement": [ { "Effect": "Allow", "Action": "kms:*", ');
      assert.equal(only(docs).statements[0].actions[0].value, 'kms:*');
      assert.deepEqual(documents('empty.json', '').docs, []);
    });

    it('finds policies nested in other JSON, as objects and as JSON strings (spans through JSON escapes)', () => {
      const cli = '{\n  "Policy": "{\\"Statement\\": [{\\"Effect\\": \\"Allow\\", \\"Principal\\": \\"*\\", \\"Action\\": \\"kms:*\\"}]}"\n}\n';
      const { file, docs } = documents('get-key-policy.json', cli);
      const doc = only(docs);
      assert.equal(doc.origin, 'get-key-policy.json Policy');
      const [s] = doc.statements;
      assert.equal(at(file, s.actions[0].span), '\\"kms:*\\"');
      assert.equal(s.principals[0].type, '*');
      const out = applyEdits(cli, doc.editor.replaceActions(s, ['kms:Decrypt']));
      assert.ok(out.includes('\\"Action\\": [\\"kms:Decrypt\\"]'), out);
      const nested = documents('keys.json', '{ "keys": [ { "alias": "a", "KeyPolicy": { "Statement": { "Effect": "Allow", "Action": "kms:Decrypt" } } } ] }').docs;
      assert.equal(only(nested).statements[0].actions[0].value, 'kms:Decrypt');
      assert.equal(only(nested).origin, 'keys.json KeyPolicy');
    });

    it('classifies identity, trust and resource policies', () => {
      assert.equal(only(documents('a.json', '{"Statement":[{"Effect":"Allow","Action":"kms:Decrypt","Resource":"*"}]}').docs).kind, 'identity-policy');
      assert.equal(only(documents('t.json', '{"Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}').docs).kind, 'trust-policy');
      assert.equal(only(documents('b.json', '{"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*"}]}').docs).kind, 'resource-policy');
    });

    it('replaces actions keeping the list layout, and NotAction becomes Action', () => {
      const { file, docs } = documents('key-policy.json', KEY_POLICY_JSON);
      const [allow, deny] = only(docs).statements;
      const out = applyEdits(file.text, only(docs).editor.replaceActions(allow, ['kms:Encrypt', 'kms:Decrypt']));
      assert.ok(out.includes('"Action": [\n        "kms:Encrypt",\n        "kms:Decrypt"\n      ],'), out);
      const out2 = applyEdits(file.text, only(docs).editor.replaceActions(deny, ['kms:Decrypt']));
      assert.ok(out2.includes('"Action": [\n        "kms:Decrypt"\n      ],'), out2);
      assert.ok(!out2.includes('NotAction'));
    });

    it('keeps CRLF line endings in replacements', () => {
      const text = KEY_POLICY_JSON.replace(/\n/g, '\r\n');
      const { file, docs } = documents('key-policy.json', text);
      const out = applyEdits(file.text, only(docs).editor.replaceActions(only(docs).statements[0], ['kms:Encrypt', 'kms:Decrypt']));
      assert.ok(out.includes('"Action": [\r\n        "kms:Encrypt",\r\n        "kms:Decrypt"\r\n      ],'), out);
      assert.ok(!/[^\r]\n/.test(out));
    });
  });

  describe('Terraform', () => {
    it('jsonencode objects (HCL syntax), with references kept as non-literal', () => {
      const text = [
        'resource "aws_kms_key" "k" {',
        '  policy = jsonencode({',
        '    Version = "2012-10-17"',
        '    Statement = [{',
        '      Sid       = "Use"',
        '      Effect    = "Allow"',
        '      Principal = { AWS = var.app_role_arn }',
        '      "Action"  = ["kms:Decrypt", var.extra]',
        '      Resource  = "*"',
        '      Condition = { StringEquals = { "kms:ViaService" = "s3.eu-west-1.amazonaws.com" } }',
        '    }]',
        '  })',
        '}',
        '',
      ].join('\n');
      const { file, docs } = documents('main.tf', text);
      const doc = only(docs);
      assert.equal(doc.kind, 'key-policy');
      assert.equal(doc.origin, 'aws_kms_key.k policy');
      assert.equal(doc.owner?.address, 'aws_kms_key.k');
      const [s] = doc.statements;
      assert.equal(s.effect, 'Allow');
      assert.deepEqual(s.actions.map((a) => [at(file, a.span), a.literal]), [['"kms:Decrypt"', true], ['var.extra', false]]);
      assert.equal(at(file, s.actionKeySpan), '"Action"');
      assert.deepEqual(s.principals.map((p) => [p.type, p.value.value, p.value.literal]), [['AWS', 'var.app_role_arn', false]]);
      assert.deepEqual(s.conditions.map((c) => [c.operator, c.key]), [['StringEquals', 'kms:ViaService']]);
      assert.equal(file.lines.positionAt(s.span.start).line, 3);
    });

    it('heredoc JSON (<<EOF and <<-EOT) with spans in the file', () => {
      for (const marker of ['EOF', '-EOT']) {
        const end = marker.replace('-', '');
        const text = `resource "aws_iam_policy" "p" {\n  policy = <<${marker}\n    {\n      "Statement": [{ "Effect": "Allow", "Action": "kms:*", "Resource": "\${aws_kms_key.k.arn}" }]\n    }\n  ${end}\n}\n`;
        const { file, docs } = documents('main.tf', text);
        const [s] = only(docs).statements;
        assert.equal(only(docs).kind, 'identity-policy');
        assert.equal(at(file, s.actions[0].span), '"kms:*"', marker);
        assert.deepEqual(file.lines.positionAt(s.actions[0].span.start), { line: 3, character: 51 });
        assert.equal(s.resources[0].literal, false, 'an interpolation is not a literal');
        const out = applyEdits(text, only(docs).editor.replaceActions(s, ['kms:Decrypt']));
        assert.ok(out.includes('"Action": ["kms:Decrypt"]'), out);
      }
    });

    it('quoted JSON strings: spans mapped back through escapes, edits escaped', () => {
      const text = 'resource "aws_iam_role_policy" "p" {\n  policy = "{\\"Statement\\": [{\\"Effect\\": \\"Allow\\", \\"Action\\": [\\"kms:*\\"], \\"Principal\\": \\"\\u002a\\"}]}"\n}\n';
      const { file, docs } = documents('main.tf', text);
      const [s] = only(docs).statements;
      assert.equal(s.actions[0].value, 'kms:*');
      assert.equal(at(file, s.actions[0].span), '\\"kms:*\\"');
      assert.equal(at(file, s.actionValueSpan), '[\\"kms:*\\"]');
      assert.equal(s.principals[0].value.value, '*');
      assert.equal(at(file, s.principals[0].value.span), '\\"\\u002a\\"');
      const out = applyEdits(text, only(docs).editor.replaceActions(s, ['kms:Encrypt', 'kms:Decrypt']));
      assert.ok(out.includes('\\"Action\\": [\\"kms:Encrypt\\", \\"kms:Decrypt\\"]'), out);
    });

    it('aws_iam_policy_document: effect defaults to Allow, principals, conditions, and its kind comes from where it is used', () => {
      const policy = [
        'data "aws_iam_policy_document" "key" {',
        '  statement {',
        '    sid         = "Admins"',
        '    not_actions = ["kms:Decrypt"]',
        '    resources   = ["*"]',
        '    principals {',
        '      type        = "AWS"',
        '      identifiers = ["arn:aws:iam::111122223333:role/Admin", "*"]',
        '    }',
        '    condition {',
        '      test     = "StringEquals"',
        '      variable = "aws:PrincipalOrgID"',
        '      values   = ["o-123"]',
        '    }',
        '  }',
        '  statement {',
        '    effect  = "Deny"',
        '    actions = ["kms:ScheduleKeyDeletion"]',
        '  }',
        '}',
        '',
      ].join('\n');
      const keys = 'resource "aws_kms_key" "k" {\n  policy = data.aws_iam_policy_document.key.json\n}\n';
      const { file, docs } = documents('policies.tf', policy, [{ path: 'keys.tf', text: keys }]);
      const doc = only(docs);
      assert.equal(doc.kind, 'key-policy', 'used as a key policy in a sibling file');
      assert.equal(doc.origin, 'data.aws_iam_policy_document.key');
      const [admins, deny] = doc.statements;
      assert.equal(admins.effect, 'Allow');
      assert.equal(admins.actionKey, 'NotAction');
      assert.equal(at(file, admins.actionKeySpan), 'not_actions');
      assert.deepEqual(admins.principals.map((p) => [p.type, p.value.value]), [['AWS', 'arn:aws:iam::111122223333:role/Admin'], ['AWS', '*']]);
      assert.equal(at(file, admins.principals[1].value.span), '"*"');
      assert.deepEqual(admins.conditions.map((c) => [c.operator, c.key, c.values.map((v) => v.value)]), [['StringEquals', 'aws:PrincipalOrgID', ['o-123']]]);
      assert.equal(deny.effect, 'Deny');
      const out = applyEdits(policy, doc.editor.replaceActions(admins, ['kms:Decrypt']));
      assert.ok(out.includes('    actions     = [\n      "kms:Decrypt"\n    ]\n'), out);
      // Without the sibling, the document is classified by its statements: principals and only KMS actions.
      assert.equal(only(documents('policies.tf', policy).docs).kind, 'key-policy');
      assert.equal(only(documents('policies.tf', policy.replace('kms:ScheduleKeyDeletion', 's3:GetObject').replace('"key"', '"bucket"')).docs).kind, 'resource-policy');
    });

    it('follows var./local. references to literal strings, keeping the use-site span and naming the origin', () => {
      const text = 'data "aws_iam_policy_document" "p" {\n  statement {\n    actions = var.actions\n    resources = [var.key_arn]\n  }\n}\n';
      const variables = 'variable "actions" {\n  default = ["kms:Decrypt", "kms:Encrypt"]\n}\nvariable "key_arn" {}\n';
      const { file, docs } = documents('main.tf', text, [{ path: 'variables.tf', text: variables }]);
      const [s] = only(docs).statements;
      assert.deepEqual(s.actions.map((a) => [a.value, a.literal, at(file, a.span), a.origin?.description, a.origin?.path]), [
        ['kms:Decrypt', true, 'var.actions', 'default of variable "actions"', 'variables.tf'],
        ['kms:Encrypt', true, 'var.actions', 'default of variable "actions"', 'variables.tf'],
      ]);
      assert.deepEqual(s.resources.map((r) => [r.value, r.literal]), [['var.key_arn', false]], 'no default: stays a reference');
    });

    it('policies kept in locals are classified by the attribute that uses them', () => {
      const text = [
        'locals {',
        '  key_policy = {',
        '    Statement = [{ Effect = "Allow", Action = "kms:*", Principal = "*", Resource = "*" }]',
        '  }',
        '}',
        'resource "aws_kms_key" "k" {',
        '  policy = jsonencode(local.key_policy)',
        '}',
        '',
      ].join('\n');
      const doc = only(documents('main.tf', text).docs);
      assert.equal(doc.kind, 'key-policy');
      assert.equal(doc.origin, 'local.key_policy');
    });

    it('half-typed files do not throw', () => {
      for (const text of ['resource "aws_kms_key" "k" {\n  policy = jsonencode({\n    Statement = [{ Effect = ', 'data "aws_iam_policy_document" "x" {\n  statement {\n    actions = [', 'resource "aws_iam_policy" "p" {\n  policy = <<EOF\n{"Statement": [\n']) {
        assert.doesNotThrow(() => documents('main.tf', text));
      }
    });
  });
});
