// Bad clients: unknown methods, malformed params, edits beyond the document. Each gets an error
// response (or is ignored, for notifications) and the server keeps serving.
import { strict as assert } from 'node:assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspTestClient, type PublishedDiagnostics } from './client';

const KEY = 'resource "aws_kms_key" "data" {\n  description = "customer data"\n}\n';

async function expectError(promise: Promise<unknown>, code: number): Promise<void> {
  await assert.rejects(promise, (error: { code?: number }) => {
    assert.equal(error.code, code);
    return true;
  });
}

describe('language server: bad requests', () => {
  let client: LspTestClient;
  before(async () => {
    client = await LspTestClient.start();
  });
  after(async () => {
    await client.stop();
  });

  it('answers an unknown method with MethodNotFound', async () => {
    await expectError(client.request('enclint/doesNotExist', {}), -32601);
    await expectError(client.request('textDocument/semanticTokens/full', { textDocument: { uri: 'file:///x.tf' } }), -32601);
  });

  it('answers malformed params with InvalidParams', async () => {
    await expectError(client.request('textDocument/hover', {}), -32602);
    await expectError(client.request('textDocument/hover', { textDocument: { uri: 'file:///virtual/bad/a.tf' }, position: { line: -1, character: 'x' } }), -32602);
    await expectError(client.request('textDocument/codeAction', { textDocument: { uri: 42 } }), -32602);
    await expectError(client.request('textDocument/diagnostic', null), -32602);
    await expectError(client.request('enclint/fixAll', { textDocument: { uri: 'file:///virtual/not-open.tf' } }), -32602);
  });

  it('survives garbage notifications and edits beyond the end of the document', async () => {
    const uri = 'file:///virtual/bad/main.tf';
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: null });
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: 'file:///never-opened.tf', version: 2 }, contentChanges: [{ text: 'x' }] });
    await client.connection.sendNotification('textDocument/didChange', {});
    await client.connection.sendNotification('textDocument/didClose', { textDocument: {} });
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: 7 }, null] });
    await client.connection.sendNotification('enclint/unknownNotification', { whatever: true });
    await client.open(uri, KEY);
    await client.diagnostics(uri, 1);
    // An edit far past the last line is clamped to the end of the document.
    await client.change(uri, 2, [{ range: { start: { line: 999, character: 5 }, end: { line: 1200, character: 0 } }, text: '\n# appended' }]);
    // A reversed range and a negative position: clamped, not fatal.
    await client.change(uri, 3, [{ range: { start: { line: 2, character: 1 }, end: { line: 0, character: 0 } }, text: '' }]);
    await client.change(uri, 4, [{ range: { start: { line: -3, character: -1 }, end: { line: 0, character: 0 } }, text: '' }]);
    const diagnostics = await client.diagnostics(uri, 4);
    // The kept parse tree followed the clamped edits exactly: same answer as opening the result fresh.
    const expected = TextDocument.update(TextDocument.create(uri, 'terraform', 1, KEY), [
      { range: { start: { line: 999, character: 5 }, end: { line: 1200, character: 0 } }, text: '\n# appended' },
      { range: { start: { line: 2, character: 1 }, end: { line: 0, character: 0 } }, text: '' },
      { range: { start: { line: -3, character: -1 }, end: { line: 0, character: 0 } }, text: '' },
    ], 4).getText();
    const fresh = 'file:///virtual/bad/fresh.tf';
    await client.open(fresh, expected);
    const shape = (ds: PublishedDiagnostics['diagnostics']) => ds.map((d) => ({ code: d.code, range: d.range, message: d.message }));
    assert.deepEqual(shape(diagnostics), shape(await client.diagnostics(fresh, 1)));
  });

  it('still works normally afterwards', async () => {
    assert.equal(client.process.exitCode, null, 'server process still running');
    const uri = 'file:///virtual/bad/after.tf';
    await client.open(uri, KEY);
    const [diagnostic] = (await client.diagnostics(uri, 1)).filter((d) => d.code === 'kms-key-rotation');
    assert.ok(diagnostic);
    const hover = await client.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 1 } });
    assert.match(hover.contents.value, /kms-key-rotation/);
    assert.ok(!/unexpected error/.test(client.stderr), client.stderr);
  });
});
