// Protocol tests over stdio against the bundled server: open, incremental change, pull diagnostics.
import { strict as assert } from 'node:assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspTestClient, DEFAULT_CAPABILITIES, type PublishedDiagnostics } from './client';

const KEY_WITHOUT_ROTATION = 'resource "aws_kms_key" "data" {\n  description = "customer data"\n}\n';

const rotation = (diagnostics: PublishedDiagnostics['diagnostics']) => diagnostics.filter((d) => d.code === 'kms-key-rotation');

describe('language server: diagnostics', () => {
  let client: LspTestClient;
  before(async () => {
    client = await LspTestClient.start();
  });
  after(async () => {
    await client.stop();
  });

  it('publishes a diagnostic with rule code, docs link, source and data on open', async () => {
    const uri = 'file:///virtual/open/main.tf';
    await client.open(uri, KEY_WITHOUT_ROTATION);
    const [diagnostic] = rotation(await client.diagnostics(uri, 1));
    assert.ok(diagnostic, 'kms-key-rotation diagnostic');
    assert.equal(diagnostic.source, 'enclint');
    assert.equal(diagnostic.severity, 1);
    assert.match(diagnostic.codeDescription!.href, /docs\/rules\/kms-key-rotation\.md$/);
    assert.deepEqual(diagnostic.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 29 } });
    assert.match(diagnostic.message, /aws_kms_key\.data does not enable automatic key rotation/);
    assert.ok((diagnostic.data as { fingerprint?: string }).fingerprint);
  });

  it('updates diagnostics after incremental changes, per version', async () => {
    const uri = 'file:///virtual/change/main.tf';
    await client.open(uri, KEY_WITHOUT_ROTATION);
    assert.equal(rotation(await client.diagnostics(uri, 1)).length, 1);
    // Type the missing attribute at the end of line 1.
    await client.change(uri, 2, [{ range: { start: { line: 1, character: 31 }, end: { line: 1, character: 31 } }, text: '\n  enable_key_rotation = true' }]);
    assert.equal(rotation(await client.diagnostics(uri, 2)).length, 0);
    // Now turn it off again: the finding moves to the attribute.
    await client.change(uri, 3, [{ range: { start: { line: 2, character: 24 }, end: { line: 2, character: 28 } }, text: 'false' }]);
    const [diagnostic] = rotation(await client.diagnostics(uri, 3));
    assert.equal(diagnostic.range.start.line, 2);
    assert.match(diagnostic.message, /disables automatic key rotation/);
  });

  it('gives the same diagnostics after many small edits as for the final text opened fresh', async () => {
    const uri = 'file:///virtual/typing/main.tf';
    await client.open(uri, '');
    // Type a file character by character, with a few deletions on the way (what an editor sends).
    const target = 'resource "aws_kms_key" "a" {\n  description = "ä €"\n}\n\nresource "aws_kms_key" "b" {\n  enable_key_rotation = false\n}\n';
    let text = '';
    let version = 1;
    const position = (offset: number) => {
      const before = text.slice(0, offset).split('\n');
      return { line: before.length - 1, character: before[before.length - 1].length };
    };
    for (let i = 0; i < target.length; i++) {
      const at = position(text.length);
      await client.change(uri, ++version, [{ range: { start: at, end: at }, text: target[i] }]);
      text += target[i];
      if (i % 17 === 5) {
        // Insert a stray character and delete it again.
        const p = position(text.length);
        await client.change(uri, ++version, [{ range: { start: p, end: p }, text: '{' }]);
        await client.change(uri, ++version, [{ range: { start: p, end: { line: p.line, character: p.character + 1 } }, text: '' }]);
      }
    }
    const typed = await client.diagnostics(uri, version);
    const fresh = 'file:///virtual/typing-fresh/main.tf';
    await client.open(fresh, target);
    const expected = await client.diagnostics(fresh, 1);
    const shape = (ds: PublishedDiagnostics['diagnostics']) => ds.map((d) => ({ code: d.code, range: d.range, message: d.message }));
    assert.deepEqual(shape(typed), shape(expected));
    assert.equal(rotation(expected).length, 2);
  });

  it('keeps the incremental parse exact under random multi-line edits (CRLF, surrogate pairs)', async () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const snippets = ['resource "aws_kms_key" "r" {\r\n  enable_key_rotation = false\r\n}\r\n', '{', '}', '"', '\r\n', ' = ', 'enable_key_rotation', '😀', '# c\n', 'true', '<<EOF\nx\nEOF\n'];
    let text = KEY_WITHOUT_ROTATION.replace(/\n/g, '\r\n') + 'resource "aws_kms_key" "z" {\r\n  description = "😀 ü"\r\n}\r\n';
    const uri = 'file:///virtual/fuzz/main.tf';
    await client.open(uri, text);
    let version = 1;
    const shape = (ds: PublishedDiagnostics['diagnostics']) => ds.map((d) => ({ code: d.code, range: d.range, message: d.message }));
    for (let round = 0; round < 6; round++) {
      for (let i = 0; i < 15; i++) {
        let start = random(text.length + 1);
        let end = Math.min(text.length, start + (random(3) === 0 ? random(40) : 0));
        // Never split a surrogate pair or a CRLF: editors do not either.
        const splits = (o: number) => (o > 0 && o < text.length && ((text.charCodeAt(o) & 0xfc00) === 0xdc00 || (text[o - 1] === '\r' && text[o] === '\n')));
        while (splits(start)) start--;
        while (splits(end)) end++;
        const insert = random(4) === 0 ? '' : snippets[random(snippets.length)];
        const doc = TextDocument.create(uri, 'terraform', version, text);
        const range = { start: doc.positionAt(start), end: doc.positionAt(end) };
        text = text.slice(0, start) + insert + text.slice(end);
        await client.change(uri, ++version, [{ range, text: insert }]);
      }
      const incremental = await client.diagnostics(uri, version);
      const fresh = `file:///virtual/fuzz/fresh-${round}.tf`;
      await client.open(fresh, text);
      assert.deepEqual(shape(incremental), shape(await client.diagnostics(fresh, 1)), `round ${round}:\n${text}`);
    }
  });

  it('folds a burst of edits into few analyses and never publishes an older version after a newer one', async () => {
    const uri = 'file:///virtual/order/main.tf';
    const big = Array.from({ length: 300 }, (_, i) => `resource "aws_kms_key" "k${i}" {\n  description = "key ${i}"\n}\n`).join('\n');
    await client.open(uri, big);
    await client.diagnostics(uri, 1);
    // Send the whole burst without waiting, as a fast typist's editor does.
    const sends: Array<Promise<void>> = [];
    for (let v = 2; v <= 41; v++) {
      sends.push(client.change(uri, v, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: ' ' }]));
    }
    await Promise.all(sends);
    const last = await client.diagnostics(uri, 41);
    assert.equal(rotation(last).length, 300);
    const versions = client.published.filter((p) => p.uri === uri).map((p) => p.version!);
    assert.deepEqual(versions, [...versions].sort((a, b) => a - b), `published in order: ${versions.join(',')}`);
    assert.ok(versions.length < 20, `edits were coalesced (${versions.length} publications for 41 versions)`);
  });

  it('re-analyses the module\'s other open files only when variables or locals change', async () => {
    const main = 'file:///virtual/module/main.tf';
    const variables = 'file:///virtual/module/variables.tf';
    await client.open(main, 'resource "aws_kms_key" "k" {\n  description         = "x"\n  enable_key_rotation = var.rotate\n}\n');
    await client.open(variables, 'variable "rotate" {\n  default = false\n}\n');
    await client.waitFor(() => client.published.filter((p) => p.uri === main).slice(-1).find((p) => rotation(p.diagnostics).length === 1), 5000, 'main.tf sees the default');
    await client.diagnostics(variables, 1);
    const mainPublications = () => client.published.filter((p) => p.uri === main).length;
    // Opening variables.tf re-analyses main.tf once (it was analysed against the disk, here: nothing).
    await client.waitFor(() => mainPublications() >= 2, 5000, 'main.tf re-analysed after variables.tf opened');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const before = mainPublications();
    // Typing outside any variable or locals block: a comment at the end of the file.
    for (let v = 2; v <= 6; v++) await client.change(variables, v, [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: '#' }]);
    await client.diagnostics(variables, 6);
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(mainPublications(), before, 'main.tf left alone while the variables did not change');
    await client.change(variables, 7, [{ range: { start: { line: 1, character: 12 }, end: { line: 1, character: 17 } }, text: 'true' }]);
    await client.waitFor(() => client.published.filter((p) => p.uri === main).slice(-1).find((p) => rotation(p.diagnostics).length === 0), 5000, 'main.tf re-analysed');
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.ok(mainPublications() - before <= 2, `no ping-pong between the files (${mainPublications() - before} publications)`);
  });

  it('clears diagnostics when the document closes', async () => {
    const uri = 'file:///virtual/close/main.tf';
    await client.open(uri, KEY_WITHOUT_ROTATION);
    await client.diagnostics(uri, 1);
    const count = client.published.length;
    await client.close(uri);
    await client.waitFor(() => client.published.slice(count).find((p) => p.uri === uri && p.diagnostics.length === 0), 5000, 'empty diagnostics');
  });
});

describe('language server: pull diagnostics', () => {
  let client: LspTestClient;
  before(async () => {
    client = await LspTestClient.start({ capabilities: { ...DEFAULT_CAPABILITIES, textDocument: { ...DEFAULT_CAPABILITIES.textDocument, diagnostic: { dynamicRegistration: false } } } });
  });
  after(async () => {
    await client.stop();
  });

  it('answers textDocument/diagnostic and does not also push for open documents', async () => {
    const uri = 'file:///virtual/pull/main.tf';
    await client.open(uri, KEY_WITHOUT_ROTATION);
    const report = await client.request<{ kind: string; resultId: string; items: PublishedDiagnostics['diagnostics'] }>('textDocument/diagnostic', { textDocument: { uri } });
    assert.equal(report.kind, 'full');
    assert.equal(rotation(report.items).length, 1);
    const again = await client.request<{ kind: string }>('textDocument/diagnostic', { textDocument: { uri }, previousResultId: report.resultId });
    assert.equal(again.kind, 'unchanged');
    await client.change(uri, 2, [{ range: { start: { line: 1, character: 31 }, end: { line: 1, character: 31 } }, text: '\n  enable_key_rotation = true' }]);
    const after = await client.request<{ kind: string; items: PublishedDiagnostics['diagnostics'] }>('textDocument/diagnostic', { textDocument: { uri }, previousResultId: report.resultId });
    assert.equal(after.kind, 'full');
    assert.equal(rotation(after.items).length, 0);
    assert.equal(client.published.filter((p) => p.uri === uri).length, 0, 'nothing pushed for the open document');
  });
});
