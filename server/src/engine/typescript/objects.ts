// Object-literal reading: props objects of CDK constructs, option objects of `tls.connect`, policy
// statements. A spread (`...defaults`) may supply any property, so "missing" is only certain without one.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { SourceFile } from '../source';
import { keyName, type Node } from './nodes';
import { resolveValue, type ResolvedValue } from './values';

export type ObjectLiteral = TSESTree.ObjectExpression;
export type PropertyNode = TSESTree.Property;

export function properties(object: ObjectLiteral): PropertyNode[] {
  return object.properties.filter((p): p is PropertyNode => p.type === 'Property');
}

export function propertyName(property: PropertyNode): string | undefined {
  return keyName(property.key, property.computed);
}

/** The last property of that name (later ones win in JS). */
export function getProperty(object: ObjectLiteral, name: string): PropertyNode | undefined {
  let found: PropertyNode | undefined;
  for (const property of properties(object)) if (propertyName(property) === name) found = property;
  return found;
}

export function hasSpread(object: ObjectLiteral): boolean {
  return object.properties.some((p) => p.type === 'SpreadElement');
}

/**
 * The property that wins for `name`, looking into spreads of const object literals too
 * (`{ ...KEY_DEFAULTS, alias }`): later members override earlier ones, as at run time.
 */
export function findProperty(file: SourceFile, object: ObjectLiteral, name: string, depth = 0): PropertyNode | undefined {
  for (let i = object.properties.length - 1; i >= 0; i--) {
    const member = object.properties[i];
    if (member.type === 'Property') {
      if (propertyName(member) === name) return member;
    } else if (member.type === 'SpreadElement' && depth < 4) {
      const spread = objectLiteralOf(file, member.argument);
      const found = spread && findProperty(file, spread.object, name, depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}

/** True when a spread brings in properties we cannot read (a parameter, a call result). */
export function hasOpaqueSpread(file: SourceFile, object: ObjectLiteral, depth = 0): boolean {
  return object.properties.some((member) => {
    if (member.type !== 'SpreadElement') return false;
    const spread = objectLiteralOf(file, member.argument);
    return !spread || (depth < 4 && hasOpaqueSpread(file, spread.object, depth + 1));
  });
}

/** A property's value with consts followed (`{ enableKeyRotation: rotate }`, shorthand `{ rotate }`, spreads of consts). */
export function propertyValue(file: SourceFile, object: ObjectLiteral, name: string): (ResolvedValue & { property: PropertyNode }) | undefined {
  const property = findProperty(file, object, name);
  if (!property) return undefined;
  return { ...resolveValue(file, property.value as Node), property };
}

/** An argument or value that is, or resolves through consts to, an object literal. */
export function objectLiteralOf(file: SourceFile, node: Node | undefined): (ResolvedValue & { object: ObjectLiteral }) | undefined {
  if (!node) return undefined;
  const resolved = resolveValue(file, node);
  return resolved.node.type === 'ObjectExpression' ? { ...resolved, object: resolved.node } : undefined;
}
