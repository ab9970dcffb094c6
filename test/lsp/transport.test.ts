// The transports clients use: Node IPC (how VS Code starts dist/server.js) and the enclint-lsp bin
// over stdio (every other editor), which defaults to stdio when given no flag.
import { strict as assert } from 'node:assert';
import { fork, spawn, spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { createMessageConnection, IPCMessageReader, IPCMessageWriter, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { ensureBuilt, ROOT, SERVER } from './client';

const KEY = 'resource "aws_kms_key" "data" {\n  description = "customer data"\n}\n';

async function firstDiagnostics(connection: MessageConnection): Promise<Array<{ code?: string }>> {
  const published = new Promise<Array<{ code?: string }>>((resolve) =>
    connection.onNotification('textDocument/publishDiagnostics', (params: { diagnostics: Array<{ code?: string }> }) => resolve(params.diagnostics)),
  );
  connection.listen();
  const init = await connection.sendRequest<{ serverInfo: { name: string } }>('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
  assert.equal(init.serverInfo.name, 'enclint');
  await connection.sendNotification('initialized', {});
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: 'file:///virtual/transport/main.tf', languageId: 'terraform', version: 1, text: KEY } });
  const diagnostics = await published;
  await connection.sendRequest('shutdown');
  await connection.sendNotification('exit');
  return diagnostics;
}

describe('language server transports', () => {
  before(() => ensureBuilt());

  it('speaks over Node IPC, as VS Code starts it', async () => {
    const child = fork(SERVER, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    const connection = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    const diagnostics = await firstDiagnostics(connection);
    assert.ok(diagnostics.some((d) => d.code === 'kms-key-rotation'));
    connection.dispose();
    child.kill();
  });

  it('enclint-lsp speaks over stdio by default', async () => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'enclint-lsp.js')], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const diagnostics = await firstDiagnostics(connection);
    assert.ok(diagnostics.some((d) => d.code === 'kms-key-rotation'));
    connection.dispose();
    child.kill();
  });

  it('enclint-lsp --version prints the package version', () => {
    const run = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'enclint-lsp.js'), '--version'], { encoding: 'utf8' });
    assert.equal(run.status, 0);
    assert.equal(run.stdout.trim(), require(path.join(ROOT, 'package.json')).version);
  });
});
