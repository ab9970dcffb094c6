// The language server's pure helpers, in process: settings overlay, exclusion globs, minimal edits,
// code-action kind filtering, URIs, and the kept parse tree following edits.
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultConfig, parseConfig } from '../../server/src/engine/config';
import { parseHcl } from '../../server/src/engine/parsers/hcl';
import { SourceFile } from '../../server/src/engine/source';
import { terraformFile } from '../../server/src/engine/terraform/model';
import { kindRequested, minimalEdit } from '../../server/src/lsp/codeActions';
import { isExcluded } from '../../server/src/lsp/configs';
import { DocumentStore, kindOf } from '../../server/src/lsp/documents';
import { moduleSignature } from '../../server/src/lsp/moduleSignature';
import { applySettings, DEFAULT_SETTINGS, normalizeSettings } from '../../server/src/lsp/settings';
import { pathToUri, uriToPath } from '../../server/src/lsp/uri';
import { applyTextEdits } from './client';

describe('language server helpers', () => {
  describe('settings', () => {
    it('keeps only well-formed values', () => {
      assert.deepEqual(normalizeSettings(undefined), DEFAULT_SETTINGS);
      const settings = normalizeSettings({ enable: 'yes', run: 'sometimes', profile: 'strict', minTlsVersion: 1.3, maxRotationDays: 0, rules: { a: 'warning', b: 'loud' }, exclude: ['x/**', 3, ''] });
      assert.equal(settings.enable, true);
      assert.equal(settings.run, 'onType');
      assert.equal(settings.profile, 'strict');
      assert.equal(settings.minTlsVersion, '1.3');
      assert.equal(settings.maxRotationDays, null);
      assert.deepEqual(settings.rules, { a: 'warning' });
      assert.deepEqual(settings.exclude, ['x/**']);
    });

    it('overlays the file config only where the user set something', () => {
      const file = parseConfig('profile: strict\noptions:\n  maxRotationDays: 180\nrules:\n  kms-key-rotation:\n    severity: warning\n    options:\n      x: 1\n', '/w/.enclint.yaml');
      const untouched = applySettings(file, DEFAULT_SETTINGS);
      assert.deepEqual(untouched.options, { minTlsVersion: '1.3', maxRotationDays: 180 });
      const overlaid = applySettings(file, normalizeSettings({ maxRotationDays: 90, rules: { 'kms-key-rotation': 'error', 'tls-min-version': 'off' } }));
      assert.deepEqual(overlaid.options, { minTlsVersion: '1.3', maxRotationDays: 90 });
      assert.deepEqual(overlaid.rules['kms-key-rotation'], { enabled: true, severity: 'error', options: { x: 1 } });
      assert.equal(overlaid.rules['tls-min-version'].enabled, false);
      const recommended = applySettings(file, normalizeSettings({ profile: 'recommended' }));
      assert.equal(recommended.options.minTlsVersion, '1.2');
    });
  });

  describe('exclusion', () => {
    const root = path.resolve('/work/repo');
    it('matches the exclude setting relative to the workspace folder and ignore globs relative to the config', () => {
      const config = { ...defaultConfig(), configPath: path.join(root, 'infra', '.enclint.yaml'), ignore: ['legacy/**', '*.generated.tf'] };
      assert.equal(isExcluded(path.join(root, 'infra', 'legacy', 'a.tf'), config, [], [root]), true);
      assert.equal(isExcluded(path.join(root, 'infra', 'deep', 'x.generated.tf'), config, [], [root]), true);
      assert.equal(isExcluded(path.join(root, 'legacy', 'a.tf'), config, [], [root]), false, 'ignore is relative to the config folder');
      assert.equal(isExcluded(path.join(root, 'vendor', 'm', 'a.tf'), defaultConfig(), ['vendor'], [root]), true);
      assert.equal(isExcluded(path.join(root, 'src', 'a.tf'), defaultConfig(), ['vendor'], [root]), false);
      assert.equal(isExcluded('/elsewhere/vendor/a.tf', defaultConfig(), ['vendor/**'], [root]), false);
    });
  });

  describe('edits', () => {
    it('replaces only the region that differs', () => {
      const document = TextDocument.create('file:///a.tf', 'terraform', 1, 'a\nb = 1\nc\n');
      const edits = minimalEdit(document, 'a\nb = 2\nc\n');
      assert.deepEqual(edits, [{ range: { start: { line: 1, character: 4 }, end: { line: 1, character: 5 } }, newText: '2' }]);
      assert.equal(applyTextEdits(document.getText(), edits), 'a\nb = 2\nc\n');
      assert.deepEqual(minimalEdit(document, document.getText()), []);
      const grown = minimalEdit(document, 'a\nb = 1\nb = 1\nc\n');
      assert.equal(applyTextEdits(document.getText(), grown), 'a\nb = 1\nb = 1\nc\n');
    });

    it('filters code action kinds hierarchically', () => {
      assert.equal(kindRequested('source.fixAll.enclint', ['source.fixAll']), true);
      assert.equal(kindRequested('source.fixAll.enclint', ['source']), true);
      assert.equal(kindRequested('source.fixAll.enclint', ['quickfix']), false);
      assert.equal(kindRequested('quickfix', undefined), true);
      assert.equal(kindRequested('source.fixAllX', ['source.fixAll']), false);
    });
  });

  describe('documents', () => {
    it('round-trips file URIs and keeps a path for other schemes', () => {
      const file = path.resolve('/tmp/a b/main.tf');
      assert.equal(uriToPath(pathToUri(file)), file);
      assert.equal(uriToPath('untitled:Untitled-1'), 'Untitled-1');
    });

    it('knows the kind from the name, then the language id', () => {
      assert.equal(kindOf('/x/main.tf', 'plaintext', ''), 'terraform');
      assert.equal(kindOf('Untitled-1', 'terraform', ''), 'terraform');
      assert.equal(kindOf('Untitled-2', 'yaml', 'Resources:\n  K:\n    Type: AWS::KMS::Key\n'), 'cloudformation-yaml');
      assert.equal(kindOf('Untitled-3', 'markdown', ''), undefined);
    });

    it('keeps the parse tree in step with incremental changes', () => {
      const store = new DocumentStore();
      const text = 'resource "aws_kms_key" "a" {\n  description = "x"\n}\n';
      const live = store.open('file:///virtual/units/main.tf', 'terraform', 1, text);
      live.keepTree(parseHcl(text));
      live.applyChanges([{ range: { start: { line: 1, character: 18 }, end: { line: 1, character: 18 } }, text: '\n  enable_key_rotation = true' }], 2);
      live.applyChanges([{ range: { start: { line: 0, character: 9 }, end: { line: 0, character: 22 } }, text: '"aws_kms_key"' }], 3);
      assert.equal(live.treeIsEdited, true);
      const incremental = parseHcl(live.text, live.tree);
      assert.equal(incremental.rootNode.toString(), parseHcl(live.text).rootNode.toString());
      assert.equal(live.version, 3);
      live.applyChanges([{ text: 'locals {}\n' }], 4);
      assert.equal(live.tree, undefined, 'a full replacement drops the tree');
      store.close(live.uri);
    });

    it('summarises what a module file shares: variables and locals only', () => {
      const signature = (text: string) => moduleSignature(terraformFile(new SourceFile({ path: 'main.tf', text })), false);
      const base = 'variable "a" {\n  default = 1\n}\n\nresource "x" "y" {\n  z = 1\n}\n';
      assert.equal(signature(base), signature(base.replace('z = 1', 'z = 2')));
      assert.notEqual(signature(base), signature(base.replace('default = 1', 'default = 2')));
      assert.notEqual(signature(base), signature(`${base}locals {\n  b = 1\n}\n`));
    });
  });
});
