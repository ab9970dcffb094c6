import * as assert from 'node:assert/strict';
import { SourceFile } from '../../server/src/engine/source';
import { applyEdits } from '../../server/src/engine/fix';
import { insertAttribute, insertNestedBlock, setAttribute } from '../../server/src/engine/terraform/edits';
import { allBlocks, attr, literalString, PREVIOUS_MODEL_KEY, resources, terraformFile } from '../../server/src/engine/terraform/model';
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

  it('aligns a lone neighbour as terraform fmt would', () => {
    const out = edit('resource "a" "b" {\n  description = "x"\n}\n', (f) => insertAttribute(f.blocks[0], 'enable_key_rotation', 'true'));
    assert.equal(out, 'resource "a" "b" {\n  description         = "x"\n  enable_key_rotation = true\n}\n');
  });

  it('pads a shorter name to the run it joins', () => {
    const out = edit('resource "a" "b" {\n  cluster_identifier = "x"\n}\n', (f) => insertAttribute(f.blocks[0], 'encrypted', 'true'));
    assert.equal(out, 'resource "a" "b" {\n  cluster_identifier = "x"\n  encrypted          = true\n}\n');
  });

  it('leaves hand-formatted runs as they are', () => {
    const out = edit('resource "a" "b" {\n  a = 1\n  long_name = 2\n}\n', (f) => insertAttribute(f.blocks[0], 'c', '3'));
    assert.equal(out, 'resource "a" "b" {\n  a = 1\n  long_name = 2\n  c = 3\n}\n');
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

describe('terraform model reuse after an edit', () => {
  /** The model as plain data: spans, names and values, without back-references to files and parents. */
  function plain(file: ReturnType<typeof tf>): unknown {
    return JSON.parse(JSON.stringify(file.blocks, (key, value) => (key === 'file' || key === 'parent' ? undefined : value)));
  }

  const before = [
    'resource "aws_kms_key" "a" {\n  description = "a"\n  policy = jsonencode({ Statement = [{ Action = "kms:*" }] })\n}\n',
    'resource "aws_kms_key" "b" {\n  enable_key_rotation = true\n  tags = { x = ["1", 2, var.y] }\n  nested {\n    inner = <<EOF\n{"k": 1}\nEOF\n  }\n}\n',
    'resource "aws_kms_key" "a" {\n  description = "a"\n  policy = jsonencode({ Statement = [{ Action = "kms:*" }] })\n}\n',
  ].join('\n');

  for (const [name, edit] of [
    ['an edit inside the first block moves the later ones', (t: string) => t.replace('description = "a"', 'description = "changed, longer"')],
    ['a line added at the top moves every block', (t: string) => '# header\n\n' + t],
    ['an edit at the end leaves earlier blocks in place', (t: string) => t + '\nvariable "v" {}\n'],
    ['a half-typed block next to unchanged ones', (t: string) => t.replace('resource "aws_kms_key" "b" {', 'resource "aws_kms_key" "b" {\n  enable_key_rotation =')],
  ] as const) {
    it(`equals a fresh build: ${name}`, () => {
      const previous = terraformFile(new SourceFile({ path: 'main.tf', text: before }));
      const after = edit(before);
      const reusedSource = new SourceFile({ path: 'main.tf', text: after });
      reusedSource.seed(PREVIOUS_MODEL_KEY, previous);
      const reused = terraformFile(reusedSource);
      const fresh = terraformFile(new SourceFile({ path: 'main.tf', text: after }));
      assert.deepEqual(plain(reused), plain(fresh));
      for (const block of allBlocks(reused.blocks)) {
        assert.equal(block.file, reusedSource, 'reused blocks belong to the new file');
        for (const a of block.attributes) assert.equal(a.parent, block);
      }
    });
  }

  it('reuses the unchanged blocks rather than rebuilding them', () => {
    const previous = terraformFile(new SourceFile({ path: 'main.tf', text: before }));
    const source = new SourceFile({ path: 'main.tf', text: before + '\nvariable "v" {}\n' });
    source.seed(PREVIOUS_MODEL_KEY, previous);
    const reused = terraformFile(source);
    // Unmoved values are shared, not copied: the proof that the block was not rebuilt from the tree.
    assert.equal(reused.blocks[1].attributes[1].value, previous.blocks[1].attributes[1].value);
    assert.notEqual(reused.blocks[1], previous.blocks[1]);
    assert.equal(reused.blocks.length, 4);
  });
});
