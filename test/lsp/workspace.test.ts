// Settings, .enclint.yaml, the workspace scan with progress, watched files and module context.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { allRules } from '../../rules';
import { LspTestClient, type PublishedDiagnostics } from './client';

const KEY = 'resource "aws_kms_key" "data" {\n  description = "customer data"\n}\n';
const rotation = (diagnostics: PublishedDiagnostics['diagnostics']) => diagnostics.filter((d) => d.code === 'kms-key-rotation');
const uriOf = (file: string) => pathToFileURL(file).href;
/** Counts in these tests are about kms-key-rotation alone, whatever other rules the project adds. */
const ONLY_ROTATION = Object.fromEntries(allRules.filter((r) => r.meta.id !== 'kms-key-rotation').map((r) => [r.meta.id, 'off']));

function workspace(files: Record<string, string>): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'enclint-lsp-')));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
  return root;
}

describe('language server: settings', () => {
  let client: LspTestClient;
  before(async () => {
    client = await LspTestClient.start({ settings: {} });
  });
  after(async () => {
    await client.stop();
  });

  async function settingsChange(settings: Record<string, unknown>, uri: string): Promise<PublishedDiagnostics['diagnostics']> {
    client.settings = settings;
    const before = client.published.length;
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    return client.waitFor(() => client.published.slice(before).find((p) => p.uri === uri)?.diagnostics, 5000, 'republished diagnostics');
  }

  it('applies rule severities, off, thresholds and enable without a restart', async () => {
    const uri = 'file:///virtual/settings/main.tf';
    await client.open(uri, `${KEY}\nresource "aws_kms_key" "slow" {\n  enable_key_rotation     = true\n  rotation_period_in_days = 200\n}\n`);
    assert.equal(rotation(await client.diagnostics(uri, 1)).length, 1);

    const asWarning = rotation(await settingsChange({ rules: { 'kms-key-rotation': 'warning' } }, uri));
    assert.deepEqual(asWarning.map((d) => d.severity), [2]);

    const stricter = rotation(await settingsChange({ maxRotationDays: 90 }, uri));
    assert.equal(stricter.length, 2);
    assert.match(stricter[1].message, /rotates every 200 days; policy requires at most 90/);

    assert.deepEqual(rotation(await settingsChange({ rules: { 'kms-key-rotation': 'off' } }, uri)), []);
    assert.deepEqual(await settingsChange({ enable: false }, uri), []);
    assert.equal(rotation(await settingsChange({}, uri)).length, 1);
  });

  it('runs on save only when asked to', async () => {
    client.settings = { run: 'onSave' };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const uri = 'file:///virtual/settings/onsave.tf';
    await client.open(uri, KEY);
    assert.equal(rotation(await client.diagnostics(uri, 1)).length, 1);
    await client.change(uri, 2, [{ range: { start: { line: 1, character: 31 }, end: { line: 1, character: 31 } }, text: '\n  enable_key_rotation = true' }]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(client.published.filter((p) => p.uri === uri && p.version === 2).length, 0, 'no analysis while typing');
    await client.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
    assert.deepEqual(rotation(await client.diagnostics(uri, 2)), []);
    client.settings = {};
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  });
});

describe('language server: workspace', function () {
  // Spawns servers and scans whole folders: generous on a busy CI machine.
  this.timeout(60_000);
  let root: string;
  let client: LspTestClient;
  before(async () => {
    root = workspace({
      'infra/main.tf': 'resource "aws_kms_key" "logs" {\n  enable_key_rotation = var.rotate\n}\n',
      'infra/variables.tf': 'variable "rotate" {\n  default = false\n}\n',
      'infra/ok.tf': 'resource "aws_kms_key" "ok" {\n  enable_key_rotation = true\n}\n',
      'other/keys.tf': KEY,
      'node_modules/pkg/main.tf': KEY,
      'excluded/keys.tf': KEY,
    });
    client = await LspTestClient.start({ rootUri: uriOf(root), settings: { exclude: ['excluded/**'], rules: ONLY_ROTATION } });
  });
  after(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('scans unopened files on start with cancellable $/progress and registers file watchers', async () => {
    const main = rotation(await client.diagnostics(uriOf(path.join(root, 'infra/main.tf'))));
    assert.equal(main.length, 1);
    assert.match(main[0].message, /default of variable "rotate"/);
    assert.equal(main[0].relatedInformation?.[0].location.uri, uriOf(path.join(root, 'infra/variables.tf')));
    assert.equal(rotation(await client.diagnostics(uriOf(path.join(root, 'other/keys.tf')))).length, 1);
    await client.waitFor(() => client.progress.find((p) => p.value.kind === 'end'), 10_000, 'progress end');
    const begin = client.progress.find((p) => p.value.kind === 'begin');
    assert.equal(begin?.value.cancellable, true);
    assert.equal(client.published.filter((p) => p.uri.includes('node_modules') || p.uri.includes('/excluded/')).length, 0);
    const watchers = client.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles');
    assert.ok(JSON.stringify(watchers?.registerOptions).includes('.enclint.yaml'));
    const status = await client.waitFor(() => client.notifications.filter((n) => n.method === 'enclint/status').map((n) => n.params as { state: string; findings: number }).reverse().find((s) => s.state === 'idle' && s.findings >= 2));
    assert.equal(status.findings, 2);
  });

  it('prefers an open document over the disk for module context', async () => {
    const variables = uriOf(path.join(root, 'infra/variables.tf'));
    const main = uriOf(path.join(root, 'infra/main.tf'));
    await client.open(main, fs.readFileSync(path.join(root, 'infra/main.tf'), 'utf8'));
    assert.equal(rotation(await client.diagnostics(main, 1)).length, 1);
    await client.open(variables, 'variable "rotate" {\n  default = false\n}\n');
    await client.change(variables, 2, [{ range: { start: { line: 1, character: 12 }, end: { line: 1, character: 17 } }, text: 'true' }]);
    // The open main.tf is re-analysed against the unsaved variables.tf.
    await client.waitFor(() => client.published.filter((p) => p.uri === main).slice(-1).find((p) => rotation(p.diagnostics).length === 0), 5000, 'main.tf clean');
    await client.close(variables);
    await client.close(main);
  });

  it('re-scans a file changed on disk and reloads .enclint.yaml', async () => {
    const keys = path.join(root, 'other/keys.tf');
    fs.writeFileSync(keys, 'resource "aws_kms_key" "data" {\n  enable_key_rotation = true\n}\n');
    let before = client.published.length;
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(keys), type: 2 }] });
    await client.waitFor(() => client.published.slice(before).find((p) => p.uri === uriOf(keys) && rotation(p.diagnostics).length === 0), 5000, 'keys.tf clean');

    fs.writeFileSync(path.join(root, '.enclint.yaml'), 'options:\n  maxRotationDays: 30\nrules:\n  kms-key-rotation: warning\npolicyMapping:\n  kms-key-rotation: ACME-SEC-7 Key management\n');
    before = client.published.length;
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(path.join(root, '.enclint.yaml')), type: 1 }] });
    const main = await client.waitFor(() => client.published.slice(before).find((p) => p.uri === uriOf(path.join(root, 'infra/main.tf'))), 5000, 'main.tf rescanned');
    assert.deepEqual(rotation(main.diagnostics).map((d) => d.severity), [2]);
    assert.match(main.diagnostics[0].message, /ACME-SEC-7/);

    // A broken config is reported on the config file itself, at its line.
    fs.writeFileSync(path.join(root, '.enclint.yaml'), 'rules:\n  kms-key-rotaton: off\n');
    before = client.published.length;
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(path.join(root, '.enclint.yaml')), type: 2 }] });
    const configDiagnostics = await client.waitFor(() => client.published.slice(before).find((p) => p.uri === uriOf(path.join(root, '.enclint.yaml'))), 5000, 'config error');
    assert.equal(configDiagnostics.diagnostics[0].range.start.line, 1);
    assert.match(configDiagnostics.diagnostics[0].message, /unknown rule "kms-key-rotaton"/);
  });

  it('skips an open document larger than maxFileBytes with a notice instead of analysing it', async () => {
    fs.writeFileSync(path.join(root, '.enclint.yaml'), 'maxFileBytes: 1000\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(path.join(root, '.enclint.yaml')), type: 2 }] });
    const uri = uriOf(path.join(root, 'other/big.tf'));
    await client.open(uri, KEY + `# ${'x'.repeat(2000)}\n`);
    const diagnostics = await client.diagnostics(uri, 1);
    assert.deepEqual(rotation(diagnostics), []);
    assert.equal(diagnostics[0].code, 'skipped');
    assert.match(diagnostics[0].message, /larger than 1000 bytes/);
    await client.close(uri);
  });

  it('shows the organisation policy mapping in hover', async () => {
    fs.writeFileSync(path.join(root, '.enclint.yaml'), 'policyMapping:\n  kms-key-rotation: ACME-SEC-7 Key management\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(path.join(root, '.enclint.yaml')), type: 2 }] });
    const uri = uriOf(path.join(root, 'other/hover.tf'));
    await client.open(uri, KEY);
    await client.diagnostics(uri, 1);
    const hover = await client.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 2 } });
    assert.match(hover.contents.value, /Your organisation's policy:\*\* ACME-SEC-7 Key management/);
  });

  it('rescans on enclint/scanWorkspace and reports the totals', async () => {
    const result = await client.request<{ files: number; findings: number; cancelled: boolean }>('enclint/scanWorkspace');
    assert.equal(result.cancelled, false);
    assert.equal(result.files, 4, 'infra/*.tf (3) and other/keys.tf; not node_modules, not excluded/, not the config');
  });
});

describe('language server: cancelling the workspace scan', function () {
  // Spawns servers and scans whole folders: generous on a busy CI machine.
  this.timeout(60_000);
  let root: string;
  let client: LspTestClient;
  const FILES = 400;
  before(async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < FILES; i++) files[`mod${i % 20}/key${i}.tf`] = KEY.replace('"data"', `"k${i}"`);
    root = workspace(files);
  });
  after(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('stops when the client cancels the $/progress token, and a new scan can run', async () => {
    const started = LspTestClient.start({ rootUri: uriOf(root), settings: { rules: ONLY_ROTATION } });
    client = await started;
    const begin = await client.waitFor(() => client.progress.find((p) => p.value.kind === 'begin'), 10_000, 'progress begin');
    await client.connection.sendNotification('window/workDoneProgress/cancel', { token: begin.token });
    await client.waitFor(() => client.progress.find((p) => p.token === begin.token && p.value.kind === 'end'), 10_000, 'progress end');
    const published = new Set(client.published.map((p) => p.uri)).size;
    assert.ok(published < FILES, `scan stopped early (${published} of ${FILES} files)`);
    const full = await client.request<{ files: number; findings: number; cancelled: boolean }>('enclint/scanWorkspace');
    assert.deepEqual(full, { files: FILES, findings: FILES, cancelled: false });
  });
});
