// A per-file index of the script's nodes: every node by type, and each node's parent, built in one
// traversal and shared by every rule through the file memo.
// The node types and child keys come from the small packages typescript-estree itself uses, so
// reading a tree never loads the TypeScript compiler (only parsing does, see parsers/lazy.ts).
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { visitorKeys } from '@typescript-eslint/visitor-keys';

export { AST_NODE_TYPES as NodeType };
import type { SourceFile } from '../source';
import type { Span } from '../types';
import { scriptOf } from './parse';

export type Node = TSESTree.Node;

export interface ScriptIndex {
  program: TSESTree.Program;
  byType: Map<string, Node[]>;
  parents: Map<Node, Node | undefined>;
}

export function scriptIndex(file: SourceFile): ScriptIndex {
  return file.cached('typescript-index', () => {
    const { program } = scriptOf(file);
    const byType = new Map<string, Node[]>();
    const parents = new Map<Node, Node | undefined>();
    // Depth first in visitor-key order, with an explicit stack (a deeply nested expression must not
    // overflow the call stack); the same order and parents as typescript-estree's simpleTraverse.
    const stack: Array<[Node, Node | undefined]> = [[program, undefined]];
    while (stack.length) {
      const [node, parent] = stack.pop()!;
      parents.set(node, parent);
      const list = byType.get(node.type);
      if (list) list.push(node);
      else byType.set(node.type, [node]);
      const children: Node[] = [];
      for (const key of visitorKeys[node.type] ?? []) {
        const value = (node as unknown as Record<string, unknown>)[key];
        if (Array.isArray(value)) {
          for (const child of value) if (isNode(child)) children.push(child);
        } else if (isNode(value)) children.push(value);
      }
      for (let i = children.length - 1; i >= 0; i--) stack.push([children[i], node]);
    }
    return { program, byType, parents };
  });
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

export function nodesOfType<T extends AST_NODE_TYPES>(file: SourceFile, type: T): Array<Extract<Node, { type: T }>> {
  return (scriptIndex(file).byType.get(type) ?? []) as Array<Extract<Node, { type: T }>>;
}

export function parentOf(file: SourceFile, node: Node): Node | undefined {
  return scriptIndex(file).parents.get(node);
}

export function spanOf(node: { range: [number, number] }): Span {
  return { start: node.range[0], end: node.range[1] };
}

/** Strips wrappers that do not change a value: `x as const`, `x!`, `x satisfies T`, `<T>x`. */
export function unwrap(node: Node): Node {
  let current = node;
  for (;;) {
    if (current.type === 'TSAsExpression' || current.type === 'TSNonNullExpression' || current.type === 'TSSatisfiesExpression' || current.type === 'TSTypeAssertion') {
      current = current.expression;
    } else {
      return current;
    }
  }
}

/** The value of a string literal or a template literal without substitutions. */
export function stringValue(node: Node | undefined | null): string | undefined {
  if (!node) return undefined;
  const inner = unwrap(node);
  if (inner.type === 'Literal' && typeof inner.value === 'string') return inner.value;
  if (inner.type === 'TemplateLiteral' && inner.expressions.length === 0) return inner.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

export function isStringLiteral(node: Node | undefined | null): boolean {
  return stringValue(node) !== undefined;
}

export function booleanValue(node: Node | undefined | null): boolean | undefined {
  if (!node) return undefined;
  const inner = unwrap(node);
  return inner.type === 'Literal' && typeof inner.value === 'boolean' ? inner.value : undefined;
}

export function numberValue(node: Node | undefined | null): number | undefined {
  if (!node) return undefined;
  const inner = unwrap(node);
  return inner.type === 'Literal' && typeof inner.value === 'number' ? inner.value : undefined;
}

/** The name of a property key or member property: `a`, `'a'`, `["a"]`. */
export function keyName(key: Node, computed: boolean): string | undefined {
  if (!computed && key.type === 'Identifier') return key.name;
  if (key.type === 'Literal' && (typeof key.value === 'string' || typeof key.value === 'number')) return String(key.value);
  if (key.type === 'TemplateLiteral' && key.expressions.length === 0) return key.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

/** `a.b.c` as ['a', 'b', 'c'] (also `a['b']`, `this.x`); undefined for calls and computed non-literals. */
export function memberPath(node: Node): string[] | undefined {
  const inner = unwrap(node);
  if (inner.type === 'Identifier') return [inner.name];
  if (inner.type === 'ThisExpression') return ['this'];
  if (inner.type === 'MemberExpression') {
    const object = memberPath(inner.object);
    const name = keyName(inner.property, inner.computed);
    return object && name !== undefined ? [...object, name] : undefined;
  }
  return undefined;
}

/** The quote character most string literals in the file use, for inserted strings. */
export function preferredQuote(file: SourceFile): "'" | '"' {
  return file.cached('typescript-quote', () => {
    let single = 0;
    let double = 0;
    for (const literal of nodesOfType(file, AST_NODE_TYPES.Literal)) {
      if (typeof literal.value !== 'string') continue;
      if (literal.raw.startsWith("'")) single++;
      else if (literal.raw.startsWith('"')) double++;
    }
    return double > single ? '"' : "'";
  });
}

/** A string literal in the file's quote style. */
export function quoteString(file: SourceFile, value: string): string {
  const quote = preferredQuote(file);
  const escaped = value.replace(/\\/g, '\\\\').replace(quote === "'" ? /'/g : /"/g, `\\${quote}`);
  return `${quote}${escaped}${quote}`;
}
