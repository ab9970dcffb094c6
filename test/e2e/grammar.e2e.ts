// The Terraform grammar through VS Code's own tokenizer: vscode-textmate with the Oniguruma regex
// engine, taken from the code-server install the editor test uses (so no extra dependency). The unit
// test (test/syntax/grammar.test.ts) checks the regexes with JavaScript's RegExp; this one checks the
// scopes VS Code actually assigns, line by line, on a sample covering every construct.
//
//   node --import tsx test/e2e/grammar.e2e.ts
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '..', '..');
const codeServer = execFileSync(join(root, 'test', 'e2e', 'install-code-server.sh'), { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
const vscodeRequire = createRequire(join(codeServer, 'lib', 'vscode', 'package.json'));
const textmate = vscodeRequire('vscode-textmate');
const oniguruma = vscodeRequire('vscode-oniguruma');

/** [line number (1-based), token text, a scope the token must carry] */
const EXPECTED: Array<[number, string, string]> = [
  [1, '#', 'comment.line.number-sign.hcl'],
  [1, 'enclint-disable-next-line', 'keyword.other.directive.enclint'],
  [2, 'resource', 'storage.type.terraform'],
  [2, 'aws_kms_key', 'entity.name.label.terraform'],
  [2, 'main', 'entity.name.label.terraform'],
  [2, '{', 'punctuation.section.block.begin.hcl'],
  [3, 'description', 'variable.other.property.hcl'],
  [3, '${', 'punctuation.definition.interpolation.begin.hcl'],
  [3, 'var', 'variable.language.terraform'],
  [3, 'env', 'variable.other.member.hcl'],
  [3, 'if', 'keyword.control.template.hcl'],
  [3, 'endif', 'keyword.control.template.hcl'],
  [3, '$${', 'constant.character.escape.template.hcl'],
  [3, '\\u00e9', 'constant.character.escape.hcl'],
  [4, 'false', 'constant.language.boolean.hcl'],
  [4, '//', 'comment.line.double-slash.hcl'],
  [5, 'jsonencode', 'support.function.builtin.terraform'],
  [6, 'Statement', 'meta.mapping.key.hcl'],
  [6, 'Effect', 'meta.mapping.key.hcl'],
  [6, 'Action', 'meta.mapping.key.hcl'],
  [6, 'kms:*', 'string.quoted.double.hcl'],
  [8, 'local', 'variable.language.terraform'],
  [8, 'module', 'variable.language.terraform'],
  [9, '?', 'keyword.operator.conditional.hcl'],
  [9, '1', 'constant.numeric.hcl'],
  [10, 'for', 'keyword.control.hcl'],
  [10, 'in', 'keyword.control.hcl'],
  [10, 'data', 'variable.language.terraform'],
  [10, '!=', 'keyword.operator.comparison.hcl'],
  [11, '[*]', 'keyword.operator.splat.hcl'],
  [12, '/*', 'comment.block.hcl'],
  [13, '*/', 'comment.block.hcl'],
  [14, 'dynamic', 'entity.name.type.terraform'],
  [14, 'rule', 'entity.name.label.terraform'],
  [16, 'content', 'entity.name.type.terraform'],
  [20, 'map', 'storage.type.hcl'],
  [20, 'optional', 'storage.type.hcl'],
  [20, '1.5e3', 'constant.numeric.hcl'],
  [21, 'null', 'constant.language.null.hcl'],
  [24, '<<-', 'keyword.operator.heredoc.hcl'],
  [24, 'EOT', 'keyword.control.heredoc.marker.hcl'],
  [25, 'path', 'variable.language.terraform'],
  [26, 'EOT', 'keyword.control.heredoc.marker.hcl'],
  [27, 'arn_parse', 'entity.name.function.terraform'],
  [27, 'account_id', 'variable.other.member.hcl'],
  [28, 'for', 'keyword.control.hcl'],
  [28, 'tag_map', 'variable.other.readwrite.hcl'],
  [28, '=>', 'storage.type.function.arrow.hcl'],
  [28, 'upper', 'support.function.builtin.terraform'],
];

async function main(): Promise<void> {
  const wasm = readFileSync(vscodeRequire.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const grammarPath = join(root, 'syntaxes', 'terraform.tmLanguage.json');
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async () => textmate.parseRawGrammar(readFileSync(grammarPath, 'utf8'), grammarPath),
  });
  const grammar = await registry.loadGrammar('source.hcl.terraform');
  assert.ok(grammar, 'the grammar loads');

  const lines = readFileSync(join(__dirname, 'grammar-sample.tf'), 'utf8').split('\n');
  const tokens: Array<{ line: number; text: string; scopes: string[] }> = [];
  let state = textmate.INITIAL;
  lines.forEach((text, index) => {
    const result = grammar.tokenizeLine(text, state);
    state = result.ruleStack;
    for (const token of result.tokens) tokens.push({ line: index + 1, text: text.slice(token.startIndex, token.endIndex), scopes: token.scopes });
  });

  const failures: string[] = [];
  for (const [line, text, scope] of EXPECTED) {
    const candidates = tokens.filter((token) => token.line === line && token.text.trim() === text);
    if (!candidates.some((token) => token.scopes.some((s) => s.split(' ').includes(scope) || s === scope))) {
      failures.push(`line ${line} ${JSON.stringify(text)}: expected ${scope}, got ${candidates.map((t) => t.scopes.join(' > ')).join(' | ') || 'no such token'}`);
    }
  }
  // Everything after the sample's last line is back at the top level: no rule was left open.
  const closing = grammar.tokenizeLine('x = 1', state);
  assert.deepEqual(closing.tokens[0].scopes, ['source.hcl.terraform', 'meta.attribute.hcl', 'variable.other.property.hcl'], 'a rule was left open at the end');
  assert.deepEqual(failures, [], 'tokens with the wrong scope');
  console.log(`[grammar] ${EXPECTED.length} token scopes as expected through vscode-textmate + Oniguruma`);
}

main().catch((error: Error) => {
  console.error(`[grammar] FAILED: ${error.stack ?? error.message}`);
  process.exit(1);
});
