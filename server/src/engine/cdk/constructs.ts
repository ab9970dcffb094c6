// CDK construct instantiations (`new kms.Key(this, 'Key', { ... })`) and static calls
// (`SecretValue.unsafePlainText('x')`) found in a file, resolved to their CDK symbol.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { SourceFile } from '../source';
import type { Span } from '../types';
import { NodeType, nodesOfType, spanOf, stringValue, type Node } from '../typescript/nodes';
import { objectLiteralOf, type ObjectLiteral } from '../typescript/objects';
import type { ResolvedValue } from '../typescript/values';
import { cdkSymbol, importsCdk, type CdkSymbol } from './symbols';

export interface CdkConstruct {
  node: TSESTree.NewExpression;
  symbol: CdkSymbol;
  /** `kms.Key` as written, for messages. */
  className: string;
  /** The construct id (second argument) when it is a literal. */
  id?: string;
  /** The props object literal, directly or through a const; undefined when absent or not a literal. */
  props?: ResolvedValue & { object: ObjectLiteral };
  /** True when a props argument exists but is not an object literal we can read (a parameter, a call). */
  opaqueProps: boolean;
  /** Where findings about the construct as a whole go: `new kms.Key(this, 'Key'` up to the props. */
  headSpan: Span;
}

export function cdkConstructs(file: SourceFile): CdkConstruct[] {
  return file.cached('cdk-constructs', () => {
    if (!importsCdk(file)) return [];
    const found: CdkConstruct[] = [];
    for (const node of nodesOfType(file, NodeType.NewExpression)) {
      const symbol = cdkSymbol(file, node.callee);
      if (!symbol || symbol.path.length !== 1) continue;
      const propsArg = node.arguments[2] as Node | undefined;
      const props = propsArg && propsArg.type !== 'SpreadElement' ? objectLiteralOf(file, propsArg) : undefined;
      const headEnd = node.arguments[1] ? node.arguments[1].range[1] + 1 : node.callee.range[1];
      found.push({
        node,
        symbol,
        className: file.slice(spanOf(node.callee)),
        id: stringValue(node.arguments[1] as Node | undefined),
        props,
        opaqueProps: !!propsArg && !props,
        headSpan: { start: node.range[0], end: Math.min(headEnd, node.range[1]) },
      });
    }
    return found;
  });
}

export function constructsOf(file: SourceFile, service: string, ...classNames: string[]): CdkConstruct[] {
  return cdkConstructs(file).filter((c) => c.symbol.service === service && classNames.includes(c.symbol.path[0]));
}

export function describeConstruct(construct: CdkConstruct): string {
  return construct.id !== undefined ? `${construct.className} '${construct.id}'` : construct.className;
}

export interface CdkCall {
  node: TSESTree.CallExpression;
  symbol: CdkSymbol;
}

/** Calls of CDK members such as `SecretValue.unsafePlainText(...)`, `rds.Credentials.fromPassword(...)`. */
export function cdkCalls(file: SourceFile): CdkCall[] {
  return file.cached('cdk-calls', () => {
    if (!importsCdk(file)) return [];
    const found: CdkCall[] = [];
    for (const node of nodesOfType(file, NodeType.CallExpression)) {
      if (node.callee.type !== 'MemberExpression') continue;
      const symbol = cdkSymbol(file, node.callee);
      if (symbol) found.push({ node, symbol });
    }
    return found;
  });
}
