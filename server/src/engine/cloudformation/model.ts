// The CloudFormation/SAM template model: resources (logical id, Type, Properties as a positioned data
// tree) and Parameters, the same for YAML and JSON templates. Intrinsic functions are recognised in
// both spellings — short tags (`!Ref X`) and long form (`Ref: X`, `{"Fn::Sub": …}`) — so a rule can ask
// "is this a literal?" without caring how the template was written.
import type { SourceFile } from '../source';
import type { Span } from '../types';
import { get, pair, scalarBool, scalarString, type DataDocument, type DataNode, type MapNode, type PairNode } from '../yaml/data';
import { jsonDocument } from '../yaml/from-json';
import { yamlDocuments } from '../yaml/parse';

export interface CfnResource {
  logicalId: string;
  type: string | undefined;
  /** The resource's mapping (`Type`, `Properties`, `DependsOn`…). */
  node: MapNode;
  /** `LogicalId: …` — its key is where findings about the resource as a whole go. */
  pair: PairNode;
  properties: MapNode | undefined;
  /** Present when `Properties:` is written, even with no value. */
  propertiesPair: PairNode | undefined;
}

export interface CfnParameter {
  name: string;
  pair: PairNode;
  node: MapNode | undefined;
  type: string | undefined;
  default: DataNode | undefined;
  noEcho: boolean;
}

export interface CfnTemplate {
  document: DataDocument;
  root: MapNode | undefined;
  resources: CfnResource[];
  parameters: Map<string, CfnParameter>;
}

/** The file's template model, built once per file. Works on any kind; only templates have resources. */
export function cfnTemplate(file: SourceFile): CfnTemplate {
  return file.cached('cloudformation-template', () => buildTemplate(templateDocument(file)));
}

function templateDocument(file: SourceFile): DataDocument {
  if (file.kind === 'cloudformation-json' || file.kind === 'json') return jsonDocument(file);
  const docs = yamlDocuments(file).documents;
  // A template is one document; tolerate a leading empty one (a stray `---`).
  return docs.find((d) => d.root) ?? docs[0] ?? { syntax: 'yaml', root: undefined, span: { start: 0, end: 0 } };
}

function buildTemplate(document: DataDocument): CfnTemplate {
  const root = document.root?.type === 'map' ? document.root : undefined;
  const resources: CfnResource[] = [];
  const resourcesNode = get(root, 'Resources');
  if (resourcesNode?.type === 'map') {
    for (const p of resourcesNode.pairs) {
      if (p.value?.type !== 'map') continue;
      const propertiesPair = pair(p.value, 'Properties');
      resources.push({
        logicalId: p.key,
        type: scalarString(get(p.value, 'Type')),
        node: p.value,
        pair: p,
        properties: propertiesPair?.value?.type === 'map' ? propertiesPair.value : undefined,
        propertiesPair,
      });
    }
  }
  const parameters = new Map<string, CfnParameter>();
  const parametersNode = get(root, 'Parameters');
  if (parametersNode?.type === 'map') {
    for (const p of parametersNode.pairs) {
      const node = p.value?.type === 'map' ? p.value : undefined;
      parameters.set(p.key, {
        name: p.key,
        pair: p,
        node,
        type: scalarString(get(node, 'Type')),
        default: get(node, 'Default'),
        noEcho: scalarBool(get(node, 'NoEcho')) === true,
      });
    }
  }
  return { document, root, resources, parameters };
}

interface ResourceIndex {
  byType: Map<string, CfnResource[]>;
  byId: Map<string, CfnResource>;
}

/**
 * Resources by type and by logical id, built once per template: rules look resources up per
 * resource (a bucket's policies, a free logical id for a fix), and a scan of the list per lookup
 * made a template of n resources cost n².
 */
const resourceIndexes = new WeakMap<CfnTemplate, ResourceIndex>();

function resourceIndex(template: CfnTemplate): ResourceIndex {
  let index = resourceIndexes.get(template);
  if (!index) {
    index = { byType: new Map(), byId: new Map() };
    for (const resource of template.resources) {
      // The first declaration wins, as `find` did (a duplicate key is a syntax notice anyway).
      if (!index.byId.has(resource.logicalId)) index.byId.set(resource.logicalId, resource);
      if (resource.type === undefined) continue;
      const list = index.byType.get(resource.type);
      if (list) list.push(resource);
      else index.byType.set(resource.type, [resource]);
    }
    resourceIndexes.set(template, index);
  }
  return index;
}

/** The template's resources of these types, in template order. */
export function resourcesOfType(template: CfnTemplate, ...types: string[]): CfnResource[] {
  const byType = resourceIndex(template).byType;
  if (types.length === 1) return [...(byType.get(types[0]) ?? [])];
  const wanted = new Set(types);
  if (types.every((type) => !byType.has(type))) return [];
  return template.resources.filter((r) => r.type !== undefined && wanted.has(r.type));
}

/** What a declarative CloudFormation setting applies to: resource types, optionally each item of a list property. */
export interface CfnSettingScope {
  resourceTypes: readonly string[];
  /** Property path to a list whose items each carry the setting (e.g. `BlockDeviceMappings`). */
  each?: readonly string[];
  appliesTo?: (resource: CfnResource, template: CfnTemplate) => boolean;
  appliesToItem?: (item: MapNode) => boolean;
}

/**
 * Visits every place a setting table entry applies to: the properties of each matching resource, or
 * each matching item of its `each` list (with the item's span, where a finding about the item goes).
 */
export function forEachSettingTarget<S extends CfnSettingScope>(
  template: CfnTemplate,
  settings: readonly S[],
  visit: (setting: S, resource: CfnResource, target: MapNode | undefined, itemSpan?: Span) => void,
  skip?: (setting: S, resource: CfnResource) => boolean,
): void {
  for (const setting of settings) {
    for (const resource of resourcesOfType(template, ...setting.resourceTypes)) {
      // `Properties` written as an intrinsic (or broken): nothing can be read.
      if (resource.propertiesPair?.value && !resource.properties) continue;
      if (setting.appliesTo && !setting.appliesTo(resource, template)) continue;
      if (skip?.(setting, resource)) continue;
      if (!setting.each) {
        visit(setting, resource, resource.properties);
        continue;
      }
      let list: DataNode | undefined = resource.properties;
      for (const step of setting.each) list = get(list, step);
      if (list?.type !== 'seq') continue;
      for (const item of list.items) {
        if (item.type !== 'map' || (setting.appliesToItem && !setting.appliesToItem(item))) continue;
        visit(setting, resource, item, item.span);
      }
    }
  }
}

export function resourceById(template: CfnTemplate, logicalId: string): CfnResource | undefined {
  return resourceIndex(template).byId.get(logicalId);
}

export interface Intrinsic {
  /** Long-form name: `Ref`, `Fn::Sub`, `Fn::GetAtt`, `Condition`… */
  fn: string;
  argument: DataNode | undefined;
  span: Span;
}

/**
 * The intrinsic function a node calls, in either spelling: `!Sub x` → `Fn::Sub`, `{ Ref: X }` → `Ref`.
 * Undefined for plain values.
 */
export function intrinsic(node: DataNode | undefined): Intrinsic | undefined {
  if (!node) return undefined;
  if (node.tag?.startsWith('!') && !node.tag.startsWith('!!')) {
    const name = node.tag.slice(1);
    const fn = name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`;
    // The tagged node itself carries the argument; strip the tag for the argument's view.
    return { fn, argument: { ...node, tag: undefined } as DataNode, span: node.span };
  }
  if (node.type === 'map' && node.pairs.length === 1) {
    const only = node.pairs[0];
    if (only.key === 'Ref' || only.key === 'Condition' || only.key.startsWith('Fn::')) return { fn: only.key, argument: only.value, span: node.span };
  }
  return undefined;
}

/** The parameter or resource a `!Ref`/`{Ref: X}` names, if the node is one. */
export function refTarget(node: DataNode | undefined): string | undefined {
  const call = intrinsic(node);
  return call?.fn === 'Ref' ? scalarString(call.argument) : undefined;
}

/** `!GetAtt X.Arn` / `[X, Arn]` → `X`. */
export function getAttTarget(node: DataNode | undefined): string | undefined {
  const call = intrinsic(node);
  if (call?.fn !== 'Fn::GetAtt') return undefined;
  const arg = call.argument;
  if (arg?.type === 'seq') return scalarString(arg.items[0]);
  return scalarString(arg)?.split('.')[0];
}

/** A literal string written in the template (not an intrinsic, not a dynamic reference resolved at deploy time). */
export function literalString(node: DataNode | undefined): string | undefined {
  if (!node || intrinsic(node)) return undefined;
  return scalarString(node);
}

/** `{{resolve:secretsmanager:…}}` / `{{resolve:ssm-secure:…}}`: CloudFormation fetches the value at deploy time. */
/** The literal string at a property path, following a `!Ref` to a parameter's default. */
export function literalAt(node: DataNode | undefined, path: readonly string[], template: CfnTemplate): string | undefined {
  let current = node;
  for (const step of path) current = get(current, step);
  return literalString(resolveParameter(template, current).node);
}

export function isDynamicReference(text: string): boolean {
  return /\{\{resolve:[a-z-]+:/i.test(text);
}

/** `LogicalId (AWS::Type)` for messages. */
export function describeResource(resource: CfnResource): string {
  return resource.type ? `${resource.logicalId} (${resource.type})` : resource.logicalId;
}

/** Where a parameter's `!Ref` leads: the parameter's model, when the node refers to one. */
export function referencedParameter(template: CfnTemplate, node: DataNode | undefined): CfnParameter | undefined {
  const target = refTarget(node);
  return target ? template.parameters.get(target) : undefined;
}

/** Every resource whose data tree mentions `logicalId` through `!Ref`/`!GetAtt` (e.g. a rotation schedule's SecretId). */
export function mentionsResource(node: DataNode | undefined, logicalId: string): boolean {
  if (!node) return false;
  if (refTarget(node) === logicalId || getAttTarget(node) === logicalId) return true;
  const call = intrinsic(node);
  if (call?.fn === 'Fn::Sub') {
    const template = call.argument?.type === 'seq' ? scalarString(call.argument.items[0]) : scalarString(call.argument);
    if (template && new RegExp(`\\$\\{${logicalId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\.[^}]*)?\\}`).test(template)) return true;
  }
  if (node.type === 'map') return node.pairs.some((p) => mentionsResource(p.value, logicalId));
  if (node.type === 'seq') return node.items.some((item) => mentionsResource(item, logicalId));
  return false;
}

/** A value as deployed when nobody overrides parameters: `!Ref Param` follows to the parameter's Default. */
export interface ResolvedCfnValue {
  node: DataNode | undefined;
  /** Set when the value came from a parameter's Default (report at the use site, name the parameter). */
  parameter?: CfnParameter;
}

export function resolveParameter(template: CfnTemplate, node: DataNode | undefined): ResolvedCfnValue {
  const parameter = referencedParameter(template, node);
  if (parameter) return { node: parameter.default, parameter };
  return { node };
}

/** ` (from the Default of parameter X)`, or '' for a value written in place. */
export function parameterSuffix(resolved: ResolvedCfnValue): string {
  return resolved.parameter ? ` (from the Default of parameter ${resolved.parameter.name})` : '';
}

export function parameterRelated(resolved: ResolvedCfnValue): Array<{ message: string; span: Span }> {
  const p = resolved.parameter;
  return p ? [{ message: `value defined here: Default of parameter ${p.name}`, span: (p.default ?? p.pair.value ?? p.pair).span }] : [];
}
