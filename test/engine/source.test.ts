import * as assert from 'node:assert/strict';
import { decodeBytes, detectKind, LineIndex, SourceFile } from '../../server/src/engine/source';

describe('source', () => {
  describe('detectKind', () => {
    it('knows kinds by extension', () => {
      assert.equal(detectKind('infra/main.tf'), 'terraform');
      assert.equal(detectKind('prod.tfvars'), 'terraform-vars');
      assert.equal(detectKind('key-policy.json'), 'json');
      assert.equal(detectKind('stack.ts'), 'typescript');
      assert.equal(detectKind('app.py'), 'python');
      assert.equal(detectKind('main.go'), 'go');
      assert.equal(detectKind('App.java'), 'java');
      assert.equal(detectKind('.env'), 'dotenv');
      assert.equal(detectKind('photo.png'), undefined);
      assert.equal(detectKind('README.md'), undefined, 'prose is not scanned');
    });
    it('scans scripts, config formats and key files as text (token formats only)', () => {
      for (const path of ['deploy.sh', 'app.properties', 'settings.ini', 'pyproject.toml', 'server.pem', 'home/.npmrc', '.git-credentials', 'pom.xml']) {
        assert.equal(detectKind(path), 'text', path);
      }
    });
    it('recognises CloudFormation templates by content, not by name', () => {
      assert.equal(detectKind('t.yaml', 'AWSTemplateFormatVersion: "2010-09-09"\nResources: {}\n'), 'cloudformation-yaml');
      assert.equal(detectKind('t.json', '{"Resources":{"K":{"Type":"AWS::KMS::Key"}}}'), 'cloudformation-json');
      assert.equal(detectKind('t.yaml', 'apiVersion: v1\nkind: Secret\n'), 'yaml');
      assert.equal(detectKind('policy.json', '{"Version":"2012-10-17","Statement":[]}'), 'json');
    });
  });

  describe('LineIndex', () => {
    it('counts columns in UTF-16 code units, as LSP does', () => {
      const index = new LineIndex('a = "😀"\nb = 1\r\nc');
      // The emoji is two UTF-16 code units, so `"` after it is at column 7.
      assert.deepEqual(index.positionAt(7), { line: 0, character: 7 });
      assert.deepEqual(index.positionAt(9), { line: 1, character: 0 });
      assert.deepEqual(index.positionAt(16), { line: 2, character: 0 });
      assert.equal(index.offsetAt({ line: 1, character: 4 }), 13);
    });
  });

  describe('SourceFile', () => {
    it('keeps the file line ending for inserted text', () => {
      assert.equal(new SourceFile({ path: 'a.tf', text: 'x = 1\r\ny = 2\r\n' }).eol, '\r\n');
      assert.equal(new SourceFile({ path: 'a.tf', text: 'x = 1\ny = 2\n' }).eol, '\n');
    });
    it('computes cached values once', () => {
      const file = new SourceFile({ path: 'a.tf', text: '' });
      let calls = 0;
      file.cached('k', () => ++calls);
      file.cached('k', () => ++calls);
      assert.equal(calls, 1);
    });
  });

  describe('decodeBytes', () => {
    it('decodes UTF-8 and strips a BOM', () => {
      const result = decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0x3d, 0x31]));
      assert.deepEqual(result, { ok: true, text: 'a=1' });
    });
    it('decodes UTF-16 with a BOM', () => {
      const result = decodeBytes(new Uint8Array([0xff, 0xfe, 0x61, 0x00, 0x3d, 0x00]));
      assert.deepEqual(result, { ok: true, text: 'a=' });
    });
    it('refuses binary and mis-encoded bytes with a reason', () => {
      const binary = decodeBytes(new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01]));
      assert.equal(binary.ok, false);
      assert.match((binary as { reason: string }).reason, /binary/);
      const latin1 = decodeBytes(new Uint8Array([0x70, 0x61, 0x73, 0x73, 0xe9, 0x20]));
      assert.equal(latin1.ok, false);
      assert.match((latin1 as { reason: string }).reason, /UTF-8/);
    });
  });
});
