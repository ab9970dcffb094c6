// YAML parsing with positions (the `yaml` package): every document of a stream becomes a DataNode tree.
// CloudFormation's short-form intrinsics (`!Ref`, `!Sub`, `!GetAtt`…) are registered as custom tags so
// they parse as tagged values instead of "unresolved tag" warnings, on scalars, sequences and mappings.
import { isAlias, isMap, isScalar, isSeq, parseAllDocuments, Scalar, YAMLMap, YAMLSeq, type Document, type Node as YamlNode, type Tags } from 'yaml';
import type { SourceFile } from '../source';
import type { Notice, Span } from '../types';
import type { DataDocument, DataNode, MapNode, PairNode, ScalarNode, ScalarStyle } from './data';

/** Every short-form intrinsic function and condition CloudFormation (and its Language Extensions) accepts. */
export const CLOUDFORMATION_TAGS = [
  'Ref', 'Sub', 'GetAtt', 'Join', 'Select', 'Split', 'FindInMap', 'Base64', 'Cidr', 'ImportValue', 'GetAZs',
  'If', 'Equals', 'And', 'Or', 'Not', 'Condition', 'Transform', 'ToJsonString', 'Length', 'ForEach',
  'Contains', 'EachMemberEquals', 'EachMemberIn', 'RefAll', 'ValueOf', 'ValueOfAll', 'GetParam',
] as const;

const CUSTOM_TAGS: Tags = CLOUDFORMATION_TAGS.flatMap((name) => [
  { tag: `!${name}`, resolve: (text: string) => text },
  { tag: `!${name}`, collection: 'seq' as const, nodeClass: YAMLSeq },
  { tag: `!${name}`, collection: 'map' as const, nodeClass: YAMLMap },
]);

export interface ParsedYaml {
  documents: DataDocument[];
  errors: Array<{ message: string; span: Span }>;
}

const STYLES: Record<string, ScalarStyle> = {
  PLAIN: 'plain',
  QUOTE_SINGLE: 'single',
  QUOTE_DOUBLE: 'double',
  BLOCK_LITERAL: 'block-literal',
  BLOCK_FOLDED: 'block-folded',
};

/** Aliases are followed, but a pathological chain must not blow the stack. */
const MAX_DEPTH = 200;
const MAX_ALIAS_EXPANSIONS = 1000;

export function parseYamlText(text: string): ParsedYaml {
  const errors: ParsedYaml['errors'] = [];
  const documents: DataDocument[] = [];
  let parsed: Document.Parsed[];
  try {
    parsed = parseAllDocuments(text, { customTags: CUSTOM_TAGS, uniqueKeys: false, strict: false, prettyErrors: false }) as Document.Parsed[];
  } catch (error) {
    return { documents, errors: [{ message: (error as Error).message, span: { start: 0, end: 0 } }] };
  }
  if (!Array.isArray(parsed)) parsed = [];
  for (const doc of parsed) {
    for (const error of doc.errors) errors.push({ message: error.message.split('\n')[0], span: { start: error.pos[0], end: error.pos[1] } });
    const converter = new Converter(text, doc);
    const root = doc.contents ? converter.node(doc.contents as YamlNode, 0) : undefined;
    documents.push({ syntax: 'yaml', root, span: { start: doc.range[0], end: doc.range[2] } });
  }
  return { documents, errors };
}

/** The file's YAML documents, parsed once per file. */
export function yamlDocuments(file: SourceFile): ParsedYaml {
  return file.cached('yaml-documents', () => parseYamlText(file.text));
}

/** Helm/Go templates and Jinja put `{{ … }}`/`{% … %}` directives where YAML allows none: not YAML until rendered. */
const TEMPLATE_DIRECTIVE = /^\s*(\{\{-?|\{%)|:\s+\{\{[^}]*\}\}\s*$/m;

export function yamlSyntaxNotices(file: SourceFile): Notice[] {
  const { errors } = yamlDocuments(file);
  if (!errors.length) return [];
  const first = errors[0];
  const more = errors.length > 1 ? ` and ${errors.length - 1} more error(s)` : '';
  // A template is expected not to parse before rendering: say so quietly instead of warning on every chart file.
  if (TEMPLATE_DIRECTIVE.test(file.text)) {
    return [{ path: file.path, level: 'info', kind: 'parse-error', span: first.span, message: `templated YAML (Helm/Go template or Jinja) is not valid YAML before rendering (${first.message}${more}); analysed what could be read` }];
  }
  return [
    {
      path: file.path,
      level: 'warning',
      kind: 'parse-error',
      span: first.span,
      message: `could not parse YAML (${first.message}${more}); findings may be incomplete`,
    },
  ];
}

class Converter {
  private aliasExpansions = 0;

  constructor(
    private readonly text: string,
    private readonly doc: Document.Parsed,
  ) {}

  node(node: YamlNode | null | undefined, depth: number): DataNode | undefined {
    if (!node || depth > MAX_DEPTH) return undefined;
    if (isAlias(node)) {
      // Every alias is expanded as a copy of its anchor; cap the expansions so an alias bomb
      // ("billion laughs") costs a bounded amount of work instead of hanging the editor.
      if (++this.aliasExpansions > MAX_ALIAS_EXPANSIONS) return undefined;
      const target = node.resolve(this.doc);
      return target ? this.node(target as YamlNode, depth + 1) : undefined;
    }
    const range = node.range;
    if (!range) return undefined;
    const tag = this.writtenTag(node);
    const start = tag ? this.tagStart(range[0], tag) : range[0];
    const span = { start, end: Math.max(start, range[1]) };
    if (isScalar(node)) return this.scalar(node, span, tag);
    if (isMap(node)) {
      const map: MapNode = { type: 'map', pairs: [], flow: Boolean(node.flow), span, tag };
      for (const item of node.items) {
        const key = item.key as YamlNode | null;
        if (!key || !key.range) continue;
        const keyText = isScalar(key) ? String(key.value) : this.text.slice(key.range[0], key.range[1]);
        const keySpan = { start: key.range[0], end: key.range[1] };
        const value = this.node(item.value as YamlNode | null, depth + 1);
        const hasValue = value && !(value.type === 'scalar' && value.value === null && value.span.start === value.span.end);
        const pairNode: PairNode = { key: keyText, keySpan, value: hasValue ? value : undefined, span: { start: keySpan.start, end: hasValue ? value.span.end : keySpan.end } };
        map.pairs.push(pairNode);
      }
      // A block collection's range runs on to the next key's indentation; end it where its content ends.
      const lastPair = map.pairs[map.pairs.length - 1];
      if (!map.flow && lastPair) map.span.end = lastPair.span.end;
      return map;
    }
    if (isSeq(node)) {
      const items: DataNode[] = [];
      for (const item of node.items) {
        const converted = this.node(item as YamlNode, depth + 1);
        if (converted) items.push(converted);
      }
      const lastItem = items[items.length - 1];
      if (!node.flow && lastItem) span.end = lastItem.span.end;
      return { type: 'seq', items, flow: Boolean(node.flow), span, tag };
    }
    return undefined;
  }

  private scalar(node: Scalar, span: Span, tag: string | undefined): ScalarNode {
    const range = node.range!;
    const raw = node.value;
    let value: ScalarNode['value'];
    if (raw === null || raw === undefined) value = null;
    else if (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean') value = raw;
    else if (typeof raw === 'bigint') value = Number(raw);
    else value = this.text.slice(range[0], range[1]);
    // Block scalars (`|`, `>`) own their trailing line breaks; spans end at the last content character.
    let end = range[1];
    while (end > range[0] && (this.text[end - 1] === '\n' || this.text[end - 1] === '\r')) end--;
    span.end = Math.max(span.start, Math.min(span.end, end));
    return { type: 'scalar', value, style: STYLES[node.type ?? 'PLAIN'] ?? 'plain', span, valueSpan: { start: range[0], end }, tag };
  }

  /** The tag as written (`!Ref`), or undefined for untagged nodes and the implicit core-schema tags. */
  private writtenTag(node: YamlNode): string | undefined {
    const tag = node.tag;
    if (!tag) return undefined;
    if (tag.startsWith('!') && !tag.startsWith('!!')) return tag;
    return undefined;
  }

  /** Where `!Tag` starts: it precedes the value, possibly across spaces and a line break. */
  private tagStart(valueStart: number, tag: string): number {
    let i = valueStart;
    while (i > 0 && /\s/.test(this.text[i - 1])) i--;
    return this.text.slice(i - tag.length, i) === tag ? i - tag.length : valueStart;
  }
}
