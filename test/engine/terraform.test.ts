import * as assert from 'node:assert/strict';
import { SourceFile } from '../../server/src/engine/source';
import { applyEdits } from '../../server/src/engine/fix';
import { insertAttribute, insertNestedBlock, setAttribute } from '../../server/src/engine/terraform/edits';
import { attr, literalString, resources, terraformFile } from '../../server/src/engine/terraform/model';
import { buildModule, resolveValue } from '../../server/src/engine/terraform/module';

function tf(text: string, path = 'main.tf') {
  return terraformFile(new SourceFile({ path, text }));
}

describe('terraform model', () => {
  it('reads blocks, labels, attributes and literal values with spans', () => {
    const text = 'resource "aws_kms_key" "k" {\n  description = "a ${var.x} b"\n  deletion_window_in_days = 7\n  tags = { team = "core" }\n}\n';
    const file = tf(text);
    const [key] = resources(file, 'aws_kms_key');
    assert.deepEqual(key.labels, ['aws_kms_key', 'k']);
    const window = attr(key, 'deletion_window_in_days');
    assert.ok(window);
    assert.deepEqual(window.value, { ...window.value, kind: 'number', value: 7 });
    assert.equal(text.slice(window.span.start, window.span.end), 'deletion_window_in_days = 7');
    assert.equal(attr(key, 'description')?.value.kind, 'template', 'interpolated strings are not literals');
    assert.equal(literalString(attr(key, 'description')?.value), undefined);
  });

  it('recovers from half-typed input', () => {
    const file = tf('resource "aws_kms_key" "k" {\n  enable_key_rotation =\n  description = "x"\n}\n');
    assert.equal(resources(file, 'aws_kms_key').length, 1);
  });

  it('resolves var. and local. across the module, naming the origin', () => {
    const main = new SourceFile({ path: 'm/main.tf', text: 'resource "x" "y" {\n  a = var.v\n  b = local.l\n  c = var.t\n  d = aws_kms_key.k.arn\n}\n' });
    const vars = new SourceFile({ path: 'm/variables.tf', text: 'variable "v" {\n  default = "from-default"\n}\nvariable "t" {\n  default = "ignored"\n}\nlocals {\n  l = var.v\n}\n' });
    const tfvars = new SourceFile({ path: 'm/terraform.tfvars', text: 't = "from-tfvars"\n' });
    const module = buildModule([main, vars, tfvars]);
    const [block] = resources(terraformFile(main), 'x');
    const a = resolveValue(attr(block, 'a')!.value, module);
    assert.equal(literalString(a.value), 'from-default');
    assert.match(a.origin!.description, /default of variable "v"/);
    assert.equal(literalString(resolveValue(attr(block, 'b')!.value, module).value), 'from-default', 'locals chain through vars');
    assert.equal(literalString(resolveValue(attr(block, 'c')!.value, module).value), 'from-tfvars', 'tfvars win over defaults');
    assert.equal(resolveValue(attr(block, 'd')!.value, module).value.kind, 'reference', 'resource attributes are not literals');
  });
});

describe('terraform edits', () => {
  function edit(text: string, make: (file: ReturnType<typeof tf>) => Parameters<typeof applyEdits>[1]) {
    return applyEdits(text, make(tf(text)));
  }

  it('inserts an attribute aligned with its neighbours', () => {
    const out = edit('resource "a" "b" {\n  x   = 1\n  yyy = 2\n}\n', (f) => insertAttribute(f.blocks[0], 'long_name', 'true'));
    assert.equal(out, 'resource "a" "b" {\n  x         = 1\n  yyy       = 2\n  long_name = true\n}\n');
  });

  it('keeps tabs and CRLF', () => {
    const out = edit('resource "a" "b" {\r\n\tx = 1\r\n}\r\n', (f) => insertAttribute(f.blocks[0], 'y', '2'));
    assert.equal(out, 'resource "a" "b" {\r\n\tx = 1\r\n\ty = 2\r\n}\r\n');
  });

  it('sets an existing attribute value in place', () => {
    const out = edit('resource "a" "b" {\n  x = 1 # keep me\n}\n', (f) => setAttribute(f.blocks[0], 'x', '2'));
    assert.equal(out, 'resource "a" "b" {\n  x = 2 # keep me\n}\n');
  });

  it('inserts a nested block with the file indentation unit, set apart by a blank line', () => {
    const out = edit('resource "a" "b" {\n    x = 1\n}\n', (f) => insertNestedBlock(f.blocks[0], 'rules {\n  days = 30\n}'));
    assert.equal(out, 'resource "a" "b" {\n    x = 1\n\n    rules {\n        days = 30\n    }\n}\n');
  });
});
