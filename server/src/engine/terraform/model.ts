// A small, position-carrying model of a Terraform file built from the tree-sitter tree:
// blocks with their labels, attributes with evaluated values, and nested blocks. Rules read this
// model, never tree-sitter nodes, so the grammar can change under them without touching every rule.
import { parseHcl, type SyntaxNode, type SyntaxTree } from '../parsers/hcl';
import type { SourceFile } from '../source';
import type { Span } from '../types';

export type TfValue =
  | { kind: 'string'; value: string; span: Span; contentSpan: Span }
  | { kind: 'number'; value: number; span: Span }
  | { kind: 'bool'; value: boolean; span: Span }
  | { kind: 'null'; span: Span }
  | { kind: 'object'; entries: TfObjectEntry[]; span: Span }
  | { kind: 'tuple'; items: TfValue[]; span: Span }
  /** A string with `${…}`/`%{…}` parts: `text` keeps them verbatim. `heredoc` marks `<<EOF` strings. */
  | { kind: 'template'; text: string; span: Span; contentSpan: Span; heredoc: boolean; interpolated: boolean }
  /** `var.x`, `local.y`, `data.a.b.c`, `aws_kms_key.k.arn`, … — `path` is the dotted traversal. */
  | { kind: 'reference'; path: string; span: Span }
  | { kind: 'call'; name: string; args: TfValue[]; span: Span }
  /** Conditionals, operators, for-expressions, splats: values we do not evaluate. */
  | { kind: 'expression'; span: Span };

export interface TfObjectEntry {
  key: string;
  keySpan: Span;
  value: TfValue;
  span: Span;
}

export interface TfAttribute {
  name: string;
  nameSpan: Span;
  /** The whole `name = value` text. */
  span: Span;
  value: TfValue;
  /** Undefined for top-level attributes (`.tfvars` files). */
  parent: TfBlock | undefined;
  file: SourceFile;
}

export interface TfBlock {
  type: string;
  labels: string[];
  labelSpans: Span[];
  /** From the block type to the closing brace. */
  span: Span;
  /** Span of the `type "label" "label"` header, where findings about a missing attribute go. */
  headerSpan: Span;
  /** Offset just after `{`, and of `}` (undefined when the brace is missing in a half-typed file). */
  bodyStart: number;
  bodyEnd: number | undefined;
  attributes: TfAttribute[];
  blocks: TfBlock[];
  parent: TfBlock | undefined;
  file: SourceFile;
}

export interface TfFile {
  file: SourceFile;
  tree: SyntaxTree;
  blocks: TfBlock[];
  /** Top-level attributes: what a `.tfvars` file is made of. */
  attributes: TfAttribute[];
}

const spanOf = (node: SyntaxNode): Span => ({ start: node.startIndex, end: node.endIndex });

/**
 * Seed key for the model of the same document before the latest edit (the language server sets it):
 * top-level blocks whose text did not change are moved, not rebuilt. Building the model crosses into
 * WebAssembly for every node, which costs more than the incremental reparse itself.
 */
export const PREVIOUS_MODEL_KEY = 'terraform-model-previous';

/** The Terraform model of a file, parsed once and shared by every rule. */
export function terraformFile(file: SourceFile): TfFile {
  return file.cached('terraform-model', () => {
    const tree = file.cached('hcl-tree', () => parseHcl(file.text));
    const root = tree.rootNode;
    const body = root.children.find((child) => child?.type === 'body');
    const result: TfFile = { file, tree, blocks: [], attributes: [] };
    const previous = file.cached<TfFile | undefined>(PREVIOUS_MODEL_KEY, () => undefined);
    if (body) readBody(body, file, undefined, result.blocks, result.attributes, previous && unchangedBlockIndex(previous));
    return result;
  });
}

/** Top-level blocks of an earlier model by their exact text. */
function unchangedBlockIndex(previous: TfFile): Map<string, TfBlock[]> {
  const index = new Map<string, TfBlock[]>();
  for (const block of previous.blocks) {
    const text = previous.file.text.slice(block.span.start, block.span.end);
    const same = index.get(text);
    if (same) same.push(block);
    else index.set(text, [block]);
  }
  return index;
}

function readBody(
  body: SyntaxNode,
  file: SourceFile,
  parent: TfBlock | undefined,
  blocks: TfBlock[],
  attributes: TfAttribute[],
  unchanged?: Map<string, TfBlock[]>,
): void {
  for (const child of body.namedChildren) {
    if (!child) continue;
    const type = child.type;
    if (type === 'block') {
      const earlier = unchanged?.get(file.text.slice(child.startIndex, child.endIndex))?.shift();
      blocks.push(earlier ? relocateBlock(earlier, child.startIndex - earlier.span.start, file, parent) : readBlock(child, file, parent));
    } else if (type === 'attribute') attributes.push(readAttribute(child, parent, file));
  }
}

// ------------------------------------------------------------------------------- reuse after edits

const shift = (span: Span, delta: number): Span => ({ start: span.start + delta, end: span.end + delta });

/** A copy of an unchanged block of an earlier model, moved by `delta` and attached to the new file. */
function relocateBlock(old: TfBlock, delta: number, file: SourceFile, parent: TfBlock | undefined): TfBlock {
  const block: TfBlock = {
    type: old.type,
    labels: old.labels,
    labelSpans: old.labelSpans.map((span) => shift(span, delta)),
    span: shift(old.span, delta),
    headerSpan: shift(old.headerSpan, delta),
    bodyStart: old.bodyStart + delta,
    bodyEnd: old.bodyEnd === undefined ? undefined : old.bodyEnd + delta,
    attributes: [],
    blocks: [],
    parent,
    file,
  };
  block.attributes = old.attributes.map((a) => ({
    name: a.name,
    nameSpan: shift(a.nameSpan, delta),
    span: shift(a.span, delta),
    value: shiftValue(a.value, delta),
    parent: block,
    file,
  }));
  block.blocks = old.blocks.map((child) => relocateBlock(child, delta, file, block));
  return block;
}

/** Values are plain data: unmoved ones are shared, moved ones copied with every span shifted. */
function shiftValue(value: TfValue, delta: number): TfValue {
  if (delta === 0) return value;
  switch (value.kind) {
    case 'string':
    case 'template':
      return { ...value, span: shift(value.span, delta), contentSpan: shift(value.contentSpan, delta) };
    case 'object':
      return {
        ...value,
        span: shift(value.span, delta),
        entries: value.entries.map((e) => ({ key: e.key, keySpan: shift(e.keySpan, delta), value: shiftValue(e.value, delta), span: shift(e.span, delta) })),
      };
    case 'tuple':
      return { ...value, span: shift(value.span, delta), items: value.items.map((item) => shiftValue(item, delta)) };
    case 'call':
      return { ...value, span: shift(value.span, delta), args: value.args.map((arg) => shiftValue(arg, delta)) };
    case 'number':
    case 'bool':
    case 'null':
    case 'reference':
    case 'expression':
      return { ...value, span: shift(value.span, delta) };
    default: {
      // A new value kind must say here which of its fields are offsets.
      const unhandled: never = value;
      return unhandled;
    }
  }
}

function readBlock(node: SyntaxNode, file: SourceFile, parent: TfBlock | undefined): TfBlock {
  // Each `namedChildren`/`children` read crosses into WebAssembly and copies every child: read once.
  const named = node.namedChildren;
  const children = node.children;
  const typeNode = named.find((c) => c?.type === 'identifier');
  const labelNodes = named.filter((c): c is SyntaxNode => !!c && (c.type === 'string_lit' || (c.type === 'identifier' && c !== typeNode)));
  const start = children.find((c) => c?.type === 'block_start');
  const end = children.find((c) => c?.type === 'block_end');
  const lastLabel = labelNodes[labelNodes.length - 1] ?? typeNode;
  const block: TfBlock = {
    type: typeNode?.text ?? '',
    labels: labelNodes.map((l) => (l.type === 'string_lit' ? stringLitText(l) : l.text)),
    labelSpans: labelNodes.map(spanOf),
    span: spanOf(node),
    headerSpan: { start: node.startIndex, end: lastLabel ? lastLabel.endIndex : node.startIndex },
    bodyStart: start ? start.endIndex : node.endIndex,
    bodyEnd: end && !end.isMissing ? end.startIndex : undefined,
    attributes: [],
    blocks: [],
    parent,
    file,
  };
  const body = named.find((c) => c?.type === 'body');
  if (body) readBody(body, file, block, block.blocks, block.attributes);
  return block;
}

function readAttribute(node: SyntaxNode, parent: TfBlock | undefined, file: SourceFile): TfAttribute {
  const named = node.namedChildren;
  const nameNode = named.find((c) => c?.type === 'identifier');
  const expr = named.find((c) => c?.type === 'expression');
  return {
    name: nameNode?.text ?? '',
    nameSpan: nameNode ? spanOf(nameNode) : spanOf(node),
    span: spanOf(node),
    value: expr ? evaluate(expr, file.text) : { kind: 'expression', span: { start: node.endIndex, end: node.endIndex } },
    parent,
    file,
  };
}

function stringLitText(node: SyntaxNode): string {
  return node.namedChildren
    .filter((c) => c?.type === 'template_literal')
    .map((c) => unescapeHcl(c!.text))
    .join('');
}

/** HCL quoted-string escapes; `$${` and `%%{` are literal `${` and `%{`. */
export function unescapeHcl(raw: string): string {
  return raw.replace(/\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)|\$\$\{|%%\{/g, (match, esc: string | undefined) => {
    if (match === '$${') return '${';
    if (match === '%%{') return '%{';
    switch (esc![0]) {
      case 'n': return '\n';
      case 'r': return '\r';
      case 't': return '\t';
      case 'u': case 'U': return String.fromCodePoint(parseInt(esc!.slice(1), 16));
      default: return esc!;
    }
  });
}

/** Turns an expression node into a value; anything not statically known becomes `expression`. */
export function evaluate(node: SyntaxNode, text: string): TfValue {
  const span = spanOf(node);
  switch (node.type) {
    case 'expression': {
      const named = node.namedChildren.filter((c): c is SyntaxNode => !!c);
      if (named.length === 1) return withSpan(evaluate(named[0], text), span);
      // `var.x` parses as variable_expr followed by get_attr siblings.
      if (named[0]?.type === 'variable_expr' && named.slice(1).every((c) => c.type === 'get_attr' || c.type === 'index')) {
        return { kind: 'reference', path: referencePath(named), span };
      }
      return { kind: 'expression', span };
    }
    case 'literal_value':
    case 'collection_value':
      const [first] = node.namedChildren;
      return first ? withSpan(evaluate(first, text), span) : { kind: 'expression', span };
    case 'string_lit': {
      const literal = node.namedChildren.find((c) => c?.type === 'template_literal');
      const contentSpan = literal ? spanOf(literal) : { start: node.startIndex + 1, end: Math.max(node.startIndex + 1, node.endIndex - 1) };
      return { kind: 'string', value: stringLitText(node), span, contentSpan };
    }
    case 'numeric_lit':
      return { kind: 'number', value: Number(node.text), span };
    case 'bool_lit':
      return { kind: 'bool', value: node.text.trim() === 'true', span };
    case 'null_lit':
      return { kind: 'null', span };
    case 'template_expr':
      return evaluateTemplate(node, span, text);
    case 'object':
      return {
        kind: 'object',
        span,
        entries: node.namedChildren
          .filter((c): c is SyntaxNode => c?.type === 'object_elem')
          .map((elem) => {
            const key = elem.childForFieldName('key');
            const val = elem.childForFieldName('val');
            return {
              key: key ? objectKey(key, text) : '',
              keySpan: key ? spanOf(key) : spanOf(elem),
              value: val ? evaluate(val, text) : { kind: 'expression', span: spanOf(elem) },
              span: spanOf(elem),
            };
          }),
      };
    case 'tuple':
      return {
        kind: 'tuple',
        span,
        items: node.namedChildren.filter((c): c is SyntaxNode => c?.type === 'expression').map((item) => evaluate(item, text)),
      };
    case 'variable_expr':
      return { kind: 'reference', path: node.text, span };
    case 'function_call': {
      const name = node.namedChildren.find((c) => c?.type === 'identifier')?.text ?? '';
      const args = node.namedChildren.find((c) => c?.type === 'function_arguments');
      return {
        kind: 'call',
        name,
        span,
        args: args ? args.namedChildren.filter((c): c is SyntaxNode => c?.type === 'expression').map((arg) => evaluate(arg, text)) : [],
      };
    }
    default:
      return { kind: 'expression', span };
  }
}

function withSpan(value: TfValue, span: Span): TfValue {
  return value.kind === 'string' || value.kind === 'template' ? value : { ...value, span };
}

function referencePath(parts: SyntaxNode[]): string {
  return parts
    .map((p) => (p.type === 'get_attr' ? '.' + (p.namedChildren.find((c) => c?.type === 'identifier')?.text ?? '') : p.type === 'index' ? '[]' : p.text))
    .join('');
}

function objectKey(key: SyntaxNode, text: string): string {
  const value = evaluate(key, text);
  if (value.kind === 'string') return value.value;
  if (value.kind === 'reference') return value.path; // bare identifiers like `Action = …`
  return key.text.replace(/^["(]|[")]$/g, '');
}

function evaluateTemplate(node: SyntaxNode, span: Span, source: string): TfValue {
  const inner = node.namedChildren[0];
  if (!inner) return { kind: 'expression', span };
  const heredoc = inner.type === 'heredoc_template';
  const parts = inner.namedChildren.filter(
    (c): c is SyntaxNode => !!c && (c.type === 'template_literal' || c.type.startsWith('template_interpolation') || c.type.startsWith('template_directive')),
  );
  const interpolated = parts.some((p) => p.type !== 'template_literal');
  let contentSpan: Span;
  if (heredoc) {
    // Heredoc content runs from the line after `<<EOF` to the start of the closing marker's line.
    const identifiers = inner.namedChildren.filter((c): c is SyntaxNode => c?.type === 'heredoc_identifier');
    const open = identifiers[0];
    const close = identifiers[identifiers.length - 1];
    let start = open ? open.endIndex : span.start;
    if (source[start] === '\r') start++;
    if (source[start] === '\n') start++;
    let end = close && close !== open ? close.startIndex : span.end;
    while (end > start && (source[end - 1] === ' ' || source[end - 1] === '\t')) end--;
    contentSpan = { start, end };
  } else {
    contentSpan = { start: span.start + 1, end: Math.max(span.start + 1, span.end - 1) };
  }
  const raw = source.slice(contentSpan.start, contentSpan.end);
  if (!interpolated) {
    const value = heredoc ? dedentHeredoc(raw, inner) : unescapeHcl(raw);
    return heredoc
      ? { kind: 'template', text: value, span, contentSpan, heredoc, interpolated: false }
      : { kind: 'string', value, span, contentSpan };
  }
  return { kind: 'template', text: heredoc ? raw : unescapeHcl(raw), span, contentSpan, heredoc, interpolated };
}

/** `<<-EOT` strips the common leading indentation; `<<EOT` keeps text verbatim. */
function dedentHeredoc(raw: string, heredoc: SyntaxNode): string {
  const start = heredoc.namedChildren.find((c) => c?.type === 'heredoc_start');
  if (!start || !start.text.includes('-')) return raw;
  const lines = raw.split(/\r?\n/);
  const indents = lines.filter((l) => l.trim()).map((l) => /^[ \t]*/.exec(l)![0].length);
  const common = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(common)).join('\n');
}

// ----------------------------------------------------------------------------------------- queries

/** Every block in the file, depth first. */
export function* allBlocks(blocks: TfBlock[]): Generator<TfBlock> {
  for (const block of blocks) {
    yield block;
    yield* allBlocks(block.blocks);
  }
}

interface BlockIndex {
  /** `resource aws_s3_bucket` → the blocks, in order. */
  byKind: Map<string, TfBlock[]>;
  /** `aws_s3_bucket.logs`, `data.aws_iam_policy_document.x`, `module.y` → the first such block. */
  byAddress: Map<string, TfBlock>;
}

/**
 * Blocks by kind and by address, built once per block list (a file's, or a module's): rules look
 * blocks up per resource, and a scan of the list per lookup made a file of n resources cost n².
 * Block lists are never changed once the model is built, so the index cannot go stale.
 */
const blockIndexes = new WeakMap<readonly TfBlock[], BlockIndex>();

function blockIndex(blocks: readonly TfBlock[]): BlockIndex {
  let index = blockIndexes.get(blocks);
  if (!index) {
    index = { byKind: new Map(), byAddress: new Map() };
    for (const block of blocks) {
      const kind = `${block.type} ${block.labels[0] ?? ''}`;
      const list = index.byKind.get(kind);
      if (list) list.push(block);
      else index.byKind.set(kind, [block]);
      const address = blockAddress(block);
      if (!index.byAddress.has(address)) index.byAddress.set(address, block);
    }
    blockIndexes.set(blocks, index);
  }
  return index;
}

/** The blocks of a list with this block type and first label (`resource`, `aws_s3_bucket`), in order. */
export function blocksOfKind(blocks: readonly TfBlock[], type: string, ...firstLabels: string[]): TfBlock[] {
  const byKind = blockIndex(blocks).byKind;
  if (firstLabels.length === 1) return [...(byKind.get(`${type} ${firstLabels[0]}`) ?? [])];
  if (firstLabels.every((label) => !byKind.has(`${type} ${label}`))) return [];
  const wanted = new Set(firstLabels);
  return blocks.filter((b) => b.type === type && wanted.has(b.labels[0]));
}

/** The block a list declares at an address (`aws_kms_key.main`, `data.x.y`, `module.z`), if any. */
export function blockAt(blocks: readonly TfBlock[], address: string): TfBlock | undefined {
  return blockIndex(blocks).byAddress.get(address);
}

export function resources(tf: TfFile, ...types: string[]): TfBlock[] {
  return blocksOfKind(tf.blocks, 'resource', ...types);
}

export function dataSources(tf: TfFile, ...types: string[]): TfBlock[] {
  return blocksOfKind(tf.blocks, 'data', ...types);
}

export function attr(block: TfBlock, name: string): TfAttribute | undefined {
  return block.attributes.find((a) => a.name === name);
}

export function childBlocks(block: TfBlock, type: string): TfBlock[] {
  return block.blocks.filter((b) => b.type === type);
}

/** `aws_kms_key.main` for a resource, `data.x.y` for a data source: how other blocks refer to it. */
export function blockAddress(block: TfBlock): string {
  if (block.type === 'resource') return `${block.labels[0]}.${block.labels[1]}`;
  if (block.type === 'data') return `data.${block.labels[0]}.${block.labels[1]}`;
  return [block.type, ...block.labels].join('.');
}

/** Looks up a key in an object value (jsonencode arguments, `environment { variables = {…} }`). */
export function objectEntry(value: TfValue, key: string): TfObjectEntry | undefined {
  return value.kind === 'object' ? value.entries.find((e) => e.key === key) : undefined;
}

/** The string a value holds when it is a literal, else undefined. Numbers and bools are stringified. */
export function literalString(value: TfValue | undefined): string | undefined {
  if (!value) return undefined;
  if (value.kind === 'string') return value.value;
  if (value.kind === 'template' && !value.interpolated) return value.text;
  if (value.kind === 'number' || value.kind === 'bool') return String(value.value);
  return undefined;
}
