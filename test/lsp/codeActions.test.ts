// Code actions and hover through the real server: apply the edit it returns, and the finding is gone.
import { strict as assert } from 'node:assert';
import { analyze } from '../../server/src/engine/engine';
import { applyTextEdits, LspTestClient, type PublishedDiagnostics, type TextEdit } from './client';

interface CodeAction {
  title: string;
  kind?: string;
  isPreferred?: boolean;
  diagnostics?: PublishedDiagnostics['diagnostics'];
  edit?: { changes?: Record<string, TextEdit[]> };
}

const KEY = 'resource "aws_kms_key" "data" {\n  description = "customer data"\n}\n';
const NESTED = 'module "x" {\n  source = "./x"\n}\n\nlocals {\n  a = 1\n}\n\n  resource "aws_kms_key" "indented" {\n    description = "indented"\n  }\n';

const rotation = (diagnostics: PublishedDiagnostics['diagnostics']) => diagnostics.filter((d) => d.code === 'kms-key-rotation');

/** The finding is gone and the text still parses: the engine reports no parse notice. */
function assertFixed(path: string, text: string): void {
  const result = analyze({ path, text });
  assert.deepEqual(result.findings.filter((f) => f.ruleId === 'kms-key-rotation' && !f.suppression), [], text);
  assert.deepEqual(result.notices.filter((n) => n.kind === 'parse-error'), [], text);
}

describe('language server: code actions and hover', () => {
  let client: LspTestClient;
  before(async () => {
    client = await LspTestClient.start();
  });
  after(async () => {
    await client.stop();
  });

  async function openWithFinding(uri: string, text: string) {
    await client.open(uri, text);
    const [diagnostic] = rotation(await client.diagnostics(uri, 1));
    assert.ok(diagnostic, 'a kms-key-rotation finding');
    return diagnostic;
  }

  it('offers the rule fix as the preferred quick fix; applying it removes the finding', async () => {
    const uri = 'file:///virtual/actions/fix.tf';
    const diagnostic = await openWithFinding(uri, KEY);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
    const quickFix = actions.find((a) => a.title === 'Set enable_key_rotation = true');
    assert.ok(quickFix, `actions: ${actions.map((a) => a.title).join(', ')}`);
    assert.equal(quickFix.kind, 'quickfix');
    assert.equal(quickFix.isPreferred, true);
    const fixed = applyTextEdits(KEY, quickFix.edit!.changes![uri]);
    assert.equal(fixed, 'resource "aws_kms_key" "data" {\n  description         = "customer data"\n  enable_key_rotation = true\n}\n');
    assertFixed('fix.tf', fixed);
    // And the server agrees once the editor applies it. A didChange applies its changes one after
    // another, while a WorkspaceEdit's ranges all refer to the original text: send them last first.
    const lastFirst = [...quickFix.edit!.changes![uri]].sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character);
    await client.change(uri, 2, lastFirst.map((e) => ({ range: e.range, text: e.newText })));
    assert.deepEqual(rotation(await client.diagnostics(uri, 2)), []);
  });

  it('suppresses a finding on its line with a reason placeholder, keeping indentation', async () => {
    const uri = 'file:///virtual/actions/suppress.tf';
    const diagnostic = await openWithFinding(uri, NESTED);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
    const suppress = actions.find((a) => a.title === 'Suppress kms-key-rotation on this line');
    assert.ok(suppress);
    assert.notEqual(suppress.isPreferred, true);
    const suppressed = applyTextEdits(NESTED, suppress.edit!.changes![uri]);
    assert.ok(suppressed.includes('\n  # enclint-disable-next-line kms-key-rotation -- <reason>\n  resource "aws_kms_key" "indented" {\n'), suppressed);
    assertFixed('suppress.tf', suppressed);
    await client.change(uri, 2, [{ text: suppressed }]);
    const after = await client.diagnostics(uri, 2);
    assert.deepEqual(rotation(after), []);
    assert.deepEqual(after.filter((d) => d.code === 'unused-suppression'), []);
    // Once the code is fixed, the leftover comment is shown faded (Unnecessary) so it gets removed.
    await client.change(uri, 3, [{ text: suppressed.replace('description = "indented"', 'description = "indented"\n    enable_key_rotation = true') }]);
    const [unused] = (await client.diagnostics(uri, 3)).filter((d) => d.code === 'unused-suppression');
    assert.ok(unused, 'unused suppression reported');
    assert.deepEqual(unused.tags, [1]);
    assert.equal(unused.severity, 4);
    assert.equal(unused.range.start.line, 8);
  });

  it('suppresses at the end of the line when the line above already carries a directive', async () => {
    const uri = 'file:///virtual/actions/suppress-twice.tf';
    const text = '# enclint-disable-next-line kms-explicit-key-policy -- reviewed\nresource "aws_kms_key" "data" {\n  description = "customer data"\n}\n';
    await client.open(uri, text);
    const [diagnostic] = rotation(await client.diagnostics(uri, 1));
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
    const suppress = actions.find((a) => a.title === 'Suppress kms-key-rotation on this line')!;
    const suppressed = applyTextEdits(text, suppress.edit!.changes![uri]);
    assert.equal(suppressed.split('\n')[1], 'resource "aws_kms_key" "data" {  # enclint-disable-line kms-key-rotation -- <reason>');
    assertFixed('suppress-twice.tf', suppressed);
    const result = analyze({ path: 'suppress-twice.tf', text: suppressed });
    assert.ok(result.findings.every((f) => f.suppression), 'the existing directive still applies');
  });

  it('suppresses a finding inside a heredoc policy above the attribute, never inside the JSON', async () => {
    const uri = 'file:///virtual/actions/suppress-heredoc.tf';
    const text = [
      'resource "aws_kms_key" "data" {',
      '  enable_key_rotation = true',
      '  policy = <<EOF',
      '{',
      '  "Version": "2012-10-17",',
      '  "Statement": [',
      '    { "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::111122223333:role/App" }, "Action": "kms:*", "Resource": "*" }',
      '  ]',
      '}',
      'EOF',
      '}',
      '',
    ].join('\n');
    await client.open(uri, text);
    const [diagnostic] = (await client.diagnostics(uri, 1)).filter((d) => d.code === 'kms-no-wildcard-actions');
    assert.ok(diagnostic, 'a kms-no-wildcard-actions finding in the heredoc');
    assert.equal(diagnostic.range.start.line, 6);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
    const suppress = actions.find((a) => a.title === 'Suppress kms-no-wildcard-actions on this line')!;
    const suppressed = applyTextEdits(text, suppress.edit!.changes![uri]);
    assert.equal(suppressed.split('\n')[2], '  # enclint-disable-next-line kms-no-wildcard-actions -- <reason>');
    const result = analyze({ path: 'suppress-heredoc.tf', text: suppressed });
    assert.deepEqual(result.notices.filter((n) => n.kind === 'parse-error'), []);
    const wildcard = result.findings.filter((f) => f.ruleId === 'kms-no-wildcard-actions');
    assert.equal(wildcard.length, 1);
    assert.ok(wildcard[0].suppression, 'the comment above the attribute covers the heredoc line');
  });

  it('uses // for suppressions in TypeScript, and offers none for plain JSON', async () => {
    const { commentPrefix } = await import('../../server/src/lsp/codeActions');
    assert.equal(commentPrefix('typescript', 'typescript'), '//');
    assert.equal(commentPrefix('python', 'python'), '#');
    assert.equal(commentPrefix('json', 'json'), undefined);
    assert.equal(commentPrefix('json', 'jsonc'), '//');
  });

  it('answers source.fixAll (what codeActionsOnSave asks for) with every safe fix', async () => {
    const uri = 'file:///virtual/actions/fixall.tf';
    const text = `${KEY}\nresource "aws_kms_key" "second" {\n  description             = "second"\n  enable_key_rotation     = false\n}\n`;
    await client.open(uri, text);
    assert.equal(rotation(await client.diagnostics(uri, 1)).length, 2);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'], triggerKind: 2 },
    });
    assert.equal(actions.length, 1);
    assert.equal(actions[0].kind, 'source.fixAll.enclint');
    const fixed = applyTextEdits(text, actions[0].edit!.changes![uri]);
    assertFixed('fixall.tf', fixed);
    assert.ok(fixed.includes('enable_key_rotation     = true'), fixed);
    // Asking only for quick fixes does not run fix-all.
    const onlyQuickFixes = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['quickfix'] },
    });
    assert.equal(onlyQuickFixes.filter((a) => a.kind === 'source.fixAll.enclint').length, 0);
  });

  it('answers the enclint/fixAll request used by "enclint: Fix All in File"', async () => {
    const uri = 'file:///virtual/actions/fixall-command.tf';
    await client.open(uri, KEY);
    await client.diagnostics(uri, 1);
    const response = await client.request<{ version: number; edits: TextEdit[]; fixed: number; remaining: number }>('enclint/fixAll', { textDocument: { uri } });
    assert.equal(response.version, 1);
    assert.equal(response.fixed, 1);
    assertFixed('fixall-command.tf', applyTextEdits(KEY, response.edits));
  });

  it('explains the finding on hover: title, rationale, controls, compliant snippet, docs link', async () => {
    const uri = 'file:///virtual/actions/hover.tf';
    await openWithFinding(uri, KEY);
    const hover = await client.request<{ contents: { kind: string; value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 12 } });
    assert.ok(hover);
    assert.equal(hover.contents.kind, 'markdown');
    const value = hover.contents.value;
    assert.match(value, /\*\*Customer-managed keys must rotate automatically\*\*/);
    assert.match(value, /Why it matters/);
    assert.match(value, /SOC 2 CC6\.1/);
    assert.match(value, /HIPAA 164\.312/);
    assert.match(value, /```hcl\nresource "aws_kms_key" "data" \{[\s\S]*enable_key_rotation = true[\s\S]*```/);
    assert.match(value, /\(https:\/\/github\.com\/enclint\/enclint\/blob\/main\/docs\/rules\/kms-key-rotation\.md\)/);
    const nothing = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 0 } });
    assert.equal(nothing, null);
  });
});
