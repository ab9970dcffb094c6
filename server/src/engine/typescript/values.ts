// Follows values through local `const`s within the file: `const rotation = false; new kms.Key(this,
// 'K', { enableKeyRotation: rotation })` is as much a finding as the literal, reported at the use site
// and naming the const it came from. `let`/`var` may be reassigned, so they are not followed.
import type { SourceFile } from '../source';
import type { Span } from '../types';
import { NodeType, nodesOfType, spanOf, unwrap, type Node } from './nodes';

export interface ConstOrigin {
  name: string;
  /** The declarator (`name = value`), for related locations. */
  span: Span;
}

export interface ResolvedValue {
  node: Node;
  /** Set when the value came through one or more consts: the last const in the chain. */
  origin?: ConstOrigin;
}

/** Const declarations by name; a name declared more than once (shadowing in nested scopes) is ambiguous and left out. */
function constDeclarations(file: SourceFile): Map<string, { init: Node; span: Span }> {
  return file.cached('typescript-consts', () => {
    const found = new Map<string, { init: Node; span: Span } | null>();
    for (const declaration of nodesOfType(file, NodeType.VariableDeclaration)) {
      for (const declarator of declaration.declarations) {
        if (declarator.id.type !== 'Identifier') continue;
        const name = declarator.id.name;
        if (found.has(name) || declaration.kind !== 'const' || !declarator.init) {
          found.set(name, null);
          continue;
        }
        found.set(name, { init: declarator.init, span: spanOf(declarator) });
      }
    }
    const unique = new Map<string, { init: Node; span: Span }>();
    for (const [name, value] of found) if (value) unique.set(name, value);
    return unique;
  });
}

/** Resolves identifiers through consts (up to a few hops, guarding against cycles). */
export function resolveValue(file: SourceFile, node: Node): ResolvedValue {
  let current = unwrap(node);
  let origin: ConstOrigin | undefined;
  const consts = constDeclarations(file);
  for (let hops = 0; hops < 8 && current.type === 'Identifier'; hops++) {
    const declaration = consts.get(current.name);
    if (!declaration || declaration.init === current) break;
    origin = { name: current.name, span: declaration.span };
    current = unwrap(declaration.init);
  }
  return { node: current, origin };
}

export function originSuffix(resolved: ResolvedValue): string {
  return resolved.origin ? ` (via const ${resolved.origin.name})` : '';
}

export function originRelated(resolved: ResolvedValue): Array<{ message: string; span: Span }> {
  return resolved.origin ? [{ message: `${resolved.origin.name} is set here`, span: resolved.origin.span }] : [];
}
