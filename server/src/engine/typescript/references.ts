// Per-file indexes of how names are used, so checkers that ask "where is `stmt` passed?" or "which
// calls are made on `secret`?" do one map lookup instead of scanning the file for every construct.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { SourceFile } from '../source';
import { memberPath, NodeType, nodesOfType, type Node } from './nodes';

/** Method calls by the dotted path of their receiver: `secret.addRotationSchedule(…)` under `secret`. */
export function callsByReceiver(file: SourceFile): Map<string, TSESTree.CallExpression[]> {
  return file.cached('typescript-calls-by-receiver', () => {
    const index = new Map<string, TSESTree.CallExpression[]>();
    for (const call of nodesOfType(file, NodeType.CallExpression)) {
      if (call.callee.type !== 'MemberExpression') continue;
      const path = memberPath(call.callee.object)?.join('.');
      if (!path) continue;
      const list = index.get(path);
      if (list) list.push(call);
      else index.set(path, [call]);
    }
    return index;
  });
}

/** Identifiers and member expressions by their dotted path: every place `stmt` or `this.stmt` is written. */
export function referencesByPath(file: SourceFile): Map<string, Node[]> {
  return file.cached('typescript-references-by-path', () => {
    const index = new Map<string, Node[]>();
    const add = (node: Node) => {
      const path = memberPath(node)?.join('.');
      if (!path) return;
      const list = index.get(path);
      if (list) list.push(node);
      else index.set(path, [node]);
    };
    for (const identifier of nodesOfType(file, NodeType.Identifier)) add(identifier);
    for (const member of nodesOfType(file, NodeType.MemberExpression)) add(member);
    return index;
  });
}
