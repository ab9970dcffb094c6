// A data tree with positions, shared by every YAML and JSON source that is "data" rather than code:
// CloudFormation templates, Kubernetes manifests, docker-compose files. Rules walk this tree and never
// see a parser's node types, so one checker serves a template whether it was written in YAML or JSON.
import type { Span } from '../types';

/** How a scalar is written; edits that replace a value keep the style. */
export type ScalarStyle = 'plain' | 'single' | 'double' | 'block-literal' | 'block-folded' | 'json';

interface NodeBase {
  /** The whole value, including a leading YAML tag such as `!Ref`. */
  span: Span;
  /** YAML tag (`!Ref`, `!Sub`, `!!binary`…) when one is written; JSON never has one. */
  tag?: string;
}

export interface ScalarNode extends NodeBase {
  type: 'scalar';
  value: string | number | boolean | null;
  style: ScalarStyle;
  /** The scalar's own text without its tag (quotes included). */
  valueSpan: Span;
}

export interface PairNode {
  key: string;
  keySpan: Span;
  /** Undefined for a key without a value (`Foo:` on its own, or half-typed text). */
  value: DataNode | undefined;
  /** From the key to the end of the value. */
  span: Span;
}

export interface MapNode extends NodeBase {
  type: 'map';
  pairs: PairNode[];
  /** `{ a: 1 }` in YAML, and every JSON object, are flow collections. */
  flow: boolean;
}

export interface SeqNode extends NodeBase {
  type: 'seq';
  items: DataNode[];
  flow: boolean;
}

export type DataNode = ScalarNode | MapNode | SeqNode;

/** Which syntax the tree came from: edits are written in the same syntax. */
export type DataSyntax = 'yaml' | 'json';

export interface DataDocument {
  syntax: DataSyntax;
  root: DataNode | undefined;
  /** Span of the document (a YAML stream can hold several, separated by `---`). */
  span: Span;
}

export function pair(node: DataNode | undefined, key: string): PairNode | undefined {
  if (node?.type !== 'map') return undefined;
  // Duplicate keys: YAML and JSON parsers (and CloudFormation) keep the last one.
  for (let i = node.pairs.length - 1; i >= 0; i--) if (node.pairs[i].key === key) return node.pairs[i];
  return undefined;
}

export function get(node: DataNode | undefined, key: string): DataNode | undefined {
  return pair(node, key)?.value;
}

/** Follows a path of keys (and numeric indexes into sequences). */
export function getPath(node: DataNode | undefined, path: Array<string | number>): DataNode | undefined {
  let current = node;
  for (const step of path) {
    if (!current) return undefined;
    if (typeof step === 'number') current = current.type === 'seq' ? current.items[step] : undefined;
    else current = get(current, step);
  }
  return current;
}

/** A scalar's value as a string (numbers and booleans spelled out), or undefined for collections/tagged nodes. */
/** Where a nested property path stands in a mapping, for checks that read a setting and fixes that add it. */
export interface LocatedPath {
  /** Pairs along the path that exist, outermost first. */
  along: PairNode[];
  /** The last pair, when the whole path exists and has a value. */
  present: PairNode | undefined;
  /** A step on the path is not a mapping (an intrinsic like `!If`): the setting cannot be read. */
  opaque: boolean;
}

export function locatePath(base: MapNode | undefined, path: readonly string[]): LocatedPath {
  const along: PairNode[] = [];
  let node: MapNode | undefined = base;
  for (const step of path) {
    const p = pair(node, step);
    if (!p) break;
    along.push(p);
    node = p.value?.type === 'map' ? p.value : undefined;
  }
  const present = along.length === path.length && along[along.length - 1].value ? along[along.length - 1] : undefined;
  const last = along[along.length - 1];
  return { along, present, opaque: !present && !!last?.value && last.value.type !== 'map' };
}

export function scalarString(node: DataNode | undefined): string | undefined {
  if (node?.type !== 'scalar' || node.tag && !node.tag.startsWith('!!')) return undefined;
  if (node.value === null) return undefined;
  return String(node.value);
}

/** `true`/`false`, also when written as a string (`"true"`), as CloudFormation accepts both. */
export function scalarBool(node: DataNode | undefined): boolean | undefined {
  const text = scalarString(node)?.toLowerCase();
  if (text === 'true') return true;
  if (text === 'false') return false;
  return undefined;
}

export function scalarNumber(node: DataNode | undefined): number | undefined {
  const text = scalarString(node);
  if (text === undefined || !/^\s*-?\d+(\.\d+)?\s*$/.test(text)) return undefined;
  return Number(text);
}

/** Every node under (and including) `node`, depth first. */
export function* walk(node: DataNode | undefined): Generator<DataNode> {
  if (!node) return;
  yield node;
  if (node.type === 'map') for (const p of node.pairs) yield* walk(p.value);
  else if (node.type === 'seq') for (const item of node.items) yield* walk(item);
}
