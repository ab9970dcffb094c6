// CDK value helpers: enum members (`kms.KeySpec.RSA_2048`), durations (`Duration.days(90)`) and the
// props-editing fix every CDK checker shares (set a property, creating the props object if needed).
import { fix as makeFix } from '../fix';
import type { SourceFile } from '../source';
import type { Fix, TextEdit } from '../types';
import { addPropsArgument, insertProperty, setPropertyValue } from '../typescript/edits';
import { numberValue, spanOf, unwrap, type Node } from '../typescript/nodes';
import { resolveValue } from '../typescript/values';
import type { CdkConstruct } from './constructs';
import { cdkSymbol } from './symbols';

/** `elbv2.SslPolicy.TLS12` → { enumName: 'SslPolicy', member: 'TLS12' } when it is that CDK enum of `service`. */
export function cdkEnumMember(file: SourceFile, node: Node, service: string | string[], enumName: string): string | undefined {
  const symbol = cdkSymbol(file, resolveValue(file, node).node);
  const services = Array.isArray(service) ? service : [service];
  if (!symbol || !services.includes(symbol.service) || symbol.path.length !== 2 || symbol.path[0] !== enumName) return undefined;
  return symbol.path[1];
}

const DAYS_PER_DURATION_UNIT: Record<string, number> = { days: 1, hours: 1 / 24, minutes: 1 / 1440, seconds: 1 / 86400, millis: 1 / 86_400_000 };

/** Days in `Duration.days(n)` (and hours/minutes/seconds/millis); undefined when not static. */
export function durationDays(file: SourceFile, node: Node): number | undefined {
  const value = resolveValue(file, node).node;
  if (value.type !== 'CallExpression' || value.callee.type !== 'MemberExpression') return undefined;
  const symbol = cdkSymbol(file, value.callee);
  if (!symbol || symbol.service !== 'core' || symbol.path[0] !== 'Duration' || symbol.path.length !== 2) return undefined;
  const perUnit = DAYS_PER_DURATION_UNIT[symbol.path[1]];
  const amount = numberValue(resolveValue(file, value.arguments[0] as Node).node);
  return perUnit !== undefined && amount !== undefined ? amount * perUnit : undefined;
}

/** `Duration.days(n)` written with the same receiver the file already uses (`cdk.Duration`, `Duration`). */
export function durationDaysText(file: SourceFile, existing: Node, days: number): string | undefined {
  const value = unwrap(existing);
  if (value.type === 'CallExpression' && value.callee.type === 'MemberExpression') return `${file.slice(spanOf(value.callee.object))}.days(${days})`;
  return undefined;
}

/**
 * Sets `name: valueText` on a construct: replaces the property's value, inserts the property into the
 * props literal, or adds a props object. Undefined when the props cannot be edited (not a literal).
 */
export function setConstructProp(file: SourceFile, construct: CdkConstruct, name: string, valueText: string): TextEdit[] | undefined {
  if (construct.props) {
    const property = construct.props.object.properties.find((p) => p.type === 'Property' && !p.computed && p.key.type === 'Identifier' && p.key.name === name);
    if (property && property.type === 'Property') return setPropertyValue(file, property, valueText);
    return insertProperty(file, construct.props.object, name, valueText);
  }
  if (construct.opaqueProps) return undefined;
  // Constructs take (scope, id, props): only add props after an id.
  if (construct.node.arguments.length !== 2) return undefined;
  return addPropsArgument(file, construct.node, name, valueText);
}

/** A fix that sets a construct prop; unsafe when the props object is a shared const (edits other users too). */
export function setConstructPropFix(file: SourceFile, construct: CdkConstruct, title: string, name: string, valueText: string): Fix[] {
  const edits = setConstructProp(file, construct, name, valueText);
  return edits ? [makeFix(title, edits, { preferred: true, safe: !construct.props?.origin })] : [];
}
