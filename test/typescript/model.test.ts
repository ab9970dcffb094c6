// The TypeScript/JavaScript model: tolerant parsing, import resolution, const following and the
// object-literal edits every CDK and app-code fix is built from.
import * as assert from 'node:assert/strict';
import { analyze } from '../../server/src/engine/engine';
import { applyEdits } from '../../server/src/engine/fix';
import { SourceFile } from '../../server/src/engine/source';
import { addPropsArgument, insertProperty, removeProperty, setPropertyValue } from '../../server/src/engine/typescript/edits';
import { resolveModuleReference } from '../../server/src/engine/typescript/imports';
import { memberPath, NodeType, nodesOfType, preferredQuote, stringValue } from '../../server/src/engine/typescript/nodes';
import { getProperty, hasSpread, objectLiteralOf } from '../../server/src/engine/typescript/objects';
import { scriptOf } from '../../server/src/engine/typescript/parse';
import { resolveValue } from '../../server/src/engine/typescript/values';

const file = (text: string, path = 'stack.ts') => new SourceFile({ path, text });
const firstObject = (f: SourceFile) => nodesOfType(f, NodeType.ObjectExpression)[0];
const firstNew = (f: SourceFile) => nodesOfType(f, NodeType.NewExpression)[0];

describe('typescript model', () => {
  describe('parsing', () => {
    it('gives UTF-16 ranges (an emoji before a node shifts offsets by two)', () => {
      const f = file("const s = '😀'; const x = 1;\n");
      const literal = nodesOfType(f, NodeType.Literal).find((l) => l.value === 1)!;
      assert.equal(f.text.slice(literal.range[0], literal.range[1]), '1');
    });
    it('recovers from a broken line and still sees the rest', () => {
      const f = file("const a = {;\nconst b = 'ok';\n");
      const parsed = scriptOf(f);
      assert.equal(parsed.failed, false);
      assert.equal(parsed.problems.length, 1);
      assert.ok(nodesOfType(f, NodeType.Literal).some((l) => l.value === 'ok'));
    });
    it('reports a syntax error as a parse-error notice with a position', () => {
      const result = analyze({ path: 'stack.ts', text: "import * as kms from 'aws-cdk-lib/aws-kms';\nnew kms.Key(this, 'K', {\n" });
      const notices = result.notices.filter((n) => n.kind === 'parse-error');
      assert.equal(notices.length, 1);
      assert.ok(notices[0].range);
    });
    it('parses JSX in .tsx and .jsx, and plain JS with generics-like comparisons', () => {
      assert.equal(scriptOf(file('const e = <div a="b">x</div>;\n', 'a.tsx')).problems.length, 0);
      assert.equal(scriptOf(file('const e = <App />;\n', 'a.jsx')).problems.length, 0);
      assert.equal(scriptOf(file('const ok = a < b && c > d;\n', 'a.js')).problems.length, 0);
    });
    it('skips the syntax tree of minified bundles with an info notice', () => {
      const minified = `var a=1;${'function f(){return{rejectUnauthorized:!1}}'.repeat(2000)}`;
      const result = analyze({ path: 'bundle.min.js', text: minified });
      assert.deepEqual(result.notices.map((n) => [n.kind, n.level]), [['skipped', 'info']]);
      assert.equal(result.findings.filter((f) => f.ruleId === 'tls-no-disabled-verification').length, 0);
      assert.equal(scriptOf(file('const a = 1;\n'.repeat(5000), 'big.js')).skipped, undefined);
    });
    it('never throws on garbage', () => {
      for (const text of ['}}}}', '@@@', 'const', '`unterminated', '\u0000\u0001']) assert.doesNotThrow(() => analyze({ path: 'x.ts', text }));
    });
  });

  describe('imports', () => {
    const ref = (text: string, expression: string) => {
      const f = file(`${text}\nconst probe = ${expression};\n`);
      const declarator = nodesOfType(f, NodeType.VariableDeclarator).find((d) => d.id.type === 'Identifier' && d.id.name === 'probe')!;
      return resolveModuleReference(f, declarator.init!);
    };
    it('namespace, named, renamed, default, require, destructured require, import-equals', () => {
      assert.deepEqual(ref("import * as kms from 'aws-cdk-lib/aws-kms';", 'kms.Key'), { module: 'aws-cdk-lib/aws-kms', path: ['Key'] });
      assert.deepEqual(ref("import { Key } from 'aws-cdk-lib/aws-kms';", 'Key'), { module: 'aws-cdk-lib/aws-kms', path: ['Key'] });
      assert.deepEqual(ref("import { aws_kms as k } from 'aws-cdk-lib';", 'k.Key'), { module: 'aws-cdk-lib', path: ['aws_kms', 'Key'] });
      assert.deepEqual(ref("import cdk from 'aws-cdk-lib';", 'cdk.aws_kms.Key'), { module: 'aws-cdk-lib', path: ['aws_kms', 'Key'] });
      assert.deepEqual(ref("const kms = require('@aws-cdk/aws-kms');", 'kms.Key'), { module: '@aws-cdk/aws-kms', path: ['Key'] });
      assert.deepEqual(ref("const { Key: K } = require('aws-cdk-lib/aws-kms');", 'K'), { module: 'aws-cdk-lib/aws-kms', path: ['Key'] });
      assert.deepEqual(ref("import kms = require('aws-cdk-lib/aws-kms');", 'kms.Key'), { module: 'aws-cdk-lib/aws-kms', path: ['Key'] });
    });
    it('follows const aliases of imported members', () => {
      assert.deepEqual(ref("import * as cdk from 'aws-cdk-lib';\nconst { aws_kms: kms } = cdk;", 'kms.Key'), { module: 'aws-cdk-lib', path: ['aws_kms', 'Key'] });
    });
    it('local names are not imports', () => {
      assert.equal(ref('class Key {}', 'Key'), undefined);
    });
  });

  describe('values', () => {
    it('follows consts through several hops and names the origin', () => {
      const f = file("const A = 'TLSv1';\nconst B = A;\nuse({ v: B });\n");
      const property = getProperty(firstObject(f), 'v')!;
      const resolved = resolveValue(f, property.value as never);
      assert.equal(stringValue(resolved.node), 'TLSv1');
      assert.equal(resolved.origin?.name, 'A');
    });
    it('does not follow let, or a name declared twice', () => {
      const f = file("let a = 'x';\nconst b = 1;\nfunction g() { const b = 2; return b; }\nuse({ a, b });\n");
      const object = nodesOfType(f, NodeType.ObjectExpression).at(-1)!;
      assert.equal(resolveValue(f, getProperty(object, 'a')!.value as never).node.type, 'Identifier');
      assert.equal(resolveValue(f, getProperty(object, 'b')!.value as never).node.type, 'Identifier');
    });
    it('reads objects through consts and sees spreads', () => {
      const f = file('const base = { a: 1 };\nconst props = { ...base, b: 2 };\nnew X(this, "id", props);\n');
      const props = objectLiteralOf(f, firstNew(f).arguments[2] as never)!;
      assert.equal(props.origin?.name, 'props');
      assert.equal(hasSpread(props.object), true);
    });
    it('member paths include this and string keys', () => {
      const f = file("this.x['y'].z;\n");
      const member = nodesOfType(f, NodeType.MemberExpression).find((m) => memberPath(m)?.length === 4)!;
      assert.deepEqual(memberPath(member), ['this', 'x', 'y', 'z']);
    });
    it('prefers the quote style most literals use', () => {
      assert.equal(preferredQuote(file('const a = "x"; const b = "y"; const c = \'z\';')), '"');
      assert.equal(preferredQuote(file("const a = 'x';")), "'");
    });
  });

  describe('edits', () => {
    const insert = (text: string) => {
      const f = file(text);
      return applyEdits(text, insertProperty(f, firstObject(f), 'enableKeyRotation', 'true'));
    };
    it('single-line objects stay single-line, with or without trailing comma', () => {
      assert.equal(insert('x({ a: 1 });'), 'x({ a: 1, enableKeyRotation: true });');
      assert.equal(insert('x({ a: 1, });'), 'x({ a: 1, enableKeyRotation: true, });');
      assert.equal(insert('x({});'), 'x({ enableKeyRotation: true });');
    });
    it('multi-line objects get a line with the siblings\' indentation and comma style', () => {
      assert.equal(insert('x({\n    a: 1\n});'), 'x({\n    a: 1,\n    enableKeyRotation: true\n});');
      assert.equal(insert('x({\n\ta: 1,\n});'), 'x({\n\ta: 1,\n\tenableKeyRotation: true,\n});');
      assert.equal(insert('x({\r\n  a: 1,\r\n});'), 'x({\r\n  a: 1,\r\n  enableKeyRotation: true,\r\n});');
    });
    it('empty multi-line object', () => {
      assert.equal(insert('  x({\n  });'), '  x({\n    enableKeyRotation: true\n  });');
    });
    it('quotes keys that are not identifiers', () => {
      const f = file('x({ a: 1 });');
      assert.equal(applyEdits(f.text, insertProperty(f, firstObject(f), 'aws:Region', "'x'")), "x({ a: 1, 'aws:Region': 'x' });");
    });
    it('adds a props argument, respecting a trailing comma', () => {
      const one = file("new K(this, 'K');");
      assert.equal(applyEdits(one.text, addPropsArgument(one, firstNew(one), 'a', 'true')!), "new K(this, 'K', { a: true });");
      const multi = file("new K(\n  this,\n  'K',\n);");
      assert.equal(applyEdits(multi.text, addPropsArgument(multi, firstNew(multi), 'a', 'true')!), "new K(\n  this,\n  'K',\n  { a: true },\n);");
    });
    it('sets a value and expands shorthand', () => {
      const f = file('x({ rotate, b: false });');
      const object = firstObject(f);
      assert.equal(applyEdits(f.text, setPropertyValue(f, getProperty(object, 'rotate')!, 'true')), 'x({ rotate: true, b: false });');
      assert.equal(applyEdits(f.text, setPropertyValue(f, getProperty(object, 'b')!, 'true')), 'x({ rotate, b: true });');
    });
    it('removes a property with its line or its comma', () => {
      const multi = file('x({\n  a: 1,\n  b: 2,\n});');
      assert.equal(applyEdits(multi.text, removeProperty(multi, firstObject(multi), getProperty(firstObject(multi), 'a')!)), 'x({\n  b: 2,\n});');
      const single = file('x({ a: 1, b: 2 });');
      assert.equal(applyEdits(single.text, removeProperty(single, firstObject(single), getProperty(firstObject(single), 'b')!)), 'x({ a: 1 });');
      assert.equal(applyEdits(single.text, removeProperty(single, firstObject(single), getProperty(firstObject(single), 'a')!)), 'x({ b: 2 });');
      const only = file('x({ a: 1 });');
      assert.equal(applyEdits(only.text, removeProperty(only, firstObject(only), getProperty(firstObject(only), 'a')!)), 'x({});');
    });
  });
});
