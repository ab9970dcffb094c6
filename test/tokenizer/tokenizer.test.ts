// The Python/Go/Java tokenizers: strings (prefixes, triple quotes, raw, backticks, text blocks) and
// comments are recognised, so detectors never match inside them.
import * as assert from 'node:assert/strict';
import { analyze } from '../../server/src/engine/engine';
import '../../server/src/engine/tokenizer';
import { tokenizeGo } from '../../server/src/engine/tokenizer/go';
import { tokenizeJava } from '../../server/src/engine/tokenizer/java';
import { tokenizePython } from '../../server/src/engine/tokenizer/python';
import type { Token } from '../../server/src/engine/tokenizer/token';

const kinds = (tokens: Token[]) => tokens.filter((t) => t.kind !== 'newline').map((t) => `${t.kind}:${t.kind === 'string' ? t.value : t.text}`);

describe('tokenizer', () => {
  describe('python', () => {
    it('reads prefixed, raw, triple-quoted and f-strings', () => {
      const { tokens, problems } = tokenizePython('a = r"\\d+" + b\'x\\n\' + f"{x}"\ns = """multi\nline "quoted" """\n');
      assert.deepEqual(problems, []);
      const strings = tokens.filter((t) => t.kind === 'string');
      assert.deepEqual(strings.map((t) => t.value), ['\\d+', 'x\n', '{x}', 'multi\nline "quoted" ']);
      assert.deepEqual(strings.map((t) => t.prefix), ['r', 'b', 'f', '']);
      assert.equal(strings[2].interpolated, true);
    });
    it('keeps comments apart from code, and # inside strings is not a comment', () => {
      const { tokens } = tokenizePython('x = "a#b"  # verify=False\n');
      assert.deepEqual(kinds(tokens), ['identifier:x', 'punctuation:=', 'string:a#b', 'comment:# verify=False']);
    });
    it('does not take an identifier ending in r for a raw prefix', () => {
      const { tokens } = tokenizePython('bar"x"');
      assert.deepEqual(kinds(tokens), ['identifier:bar', 'string:x']);
    });
    it('reports an unterminated string and goes on', () => {
      const { tokens, problems } = tokenizePython('x = "abc\ny = 1\n');
      assert.equal(problems.length, 1);
      assert.ok(tokens.some((t) => t.text === 'y'));
    });
    it('gives content spans that exclude the quotes', () => {
      const text = 'p = \'secret\'';
      const token = tokenizePython(text).tokens.find((t) => t.kind === 'string')!;
      assert.equal(text.slice(token.contentSpan!.start, token.contentSpan!.end), 'secret');
    });
  });
  describe('go', () => {
    it('reads raw strings, runes and both comment styles', () => {
      const { tokens } = tokenizeGo('s := `raw\\n` + "a\\tb" // InsecureSkipVerify: true\n/* x: "y" */ r := \'c\'');
      assert.deepEqual(kinds(tokens), ['identifier:s', 'punctuation::=', 'string:raw\\n', 'punctuation:+', 'string:a\tb', 'comment:// InsecureSkipVerify: true', 'comment:/* x: "y" */', 'identifier:r', 'punctuation::=', 'string:c']);
    });
  });
  describe('java', () => {
    it('reads text blocks and escapes', () => {
      const { tokens } = tokenizeJava('String q = """\n    select "x"\n    """; char c = \'\\n\'; String s = "a\\"b";');
      const strings = tokens.filter((t) => t.kind === 'string').map((t) => t.value);
      assert.deepEqual(strings, ['    select "x"\n    ', '\n', 'a"b']);
    });
    it('keeps a commented-out call out of code', () => {
      const { tokens } = tokenizeJava('// SSLContext.getInstance("TLSv1");\nint x = 1;');
      assert.equal(tokens.filter((t) => t.kind === 'string').length, 0);
    });
  });
  it('an unterminated string in a Python file becomes a parse-error notice', () => {
    const result = analyze({ path: 'client.py', text: 'x = "abc\n' }, { rules: [] });
    assert.equal(result.notices.filter((n) => n.kind === 'parse-error').length, 1);
  });
});
