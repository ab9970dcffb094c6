// Where YAML configuration keeps values that may be secrets: a name and a literal value, with spans.
// This module knows the *shapes* — Kubernetes Secrets (`stringData`, base64 `data`), container
// `env: [{name, value}]`, docker-compose `environment` (map or `KEY=value` list), `{value: …}`
// wrappers, plain `key: value` mappings — and nothing about what makes a name or value secret; the
// secrets library judges that, so every source agrees on it.
import type { Span } from '../types';
import { get, scalarString, type DataDocument, type DataNode, type MapNode, type ScalarNode } from './data';

export type CandidateShape =
  /** `stringData` of a Kubernetes Secret: every entry is meant to be secret. */
  | 'k8s-secret-string'
  /** `data` of a Kubernetes Secret: base64, `value` is the decoded text. */
  | 'k8s-secret-data'
  /** `- name: X` / `value: Y` (Kubernetes env, ECS environment, many CI formats). */
  | 'name-value'
  /** docker-compose `environment:` entry. */
  | 'compose-environment'
  /** Any `key: value` pair. */
  | 'mapping';

export interface SecretCandidate {
  name: string;
  nameSpan: Span;
  /** The value as the consumer sees it (decoded for `data`). */
  value: string;
  /** The node holding the literal (what a finding points at and a fix replaces). */
  valueNode: ScalarNode;
  /** For `KEY=value` list items: where the value part sits inside the scalar. */
  valueSpan: Span;
  shape: CandidateShape;
  /** The key of the mapping that holds the pair (`permissions` for a GitHub Actions `id-token: write`). */
  parentKey?: string;
}

/** An untagged string or number (`password: 123456` is as much a literal as `password: "123456"`). */
function isLiteralScalar(node: DataNode | undefined): node is ScalarNode {
  return node?.type === 'scalar' && !(node.tag && !node.tag.startsWith('!!')) && (typeof node.value === 'string' || typeof node.value === 'number');
}

function text(node: ScalarNode): string {
  return String(node.value);
}

function decodeBase64(encoded: string): string | undefined {
  const compact = encoded.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 !== 0) return undefined;
  const decoded = Buffer.from(compact, 'base64').toString('utf8');
  // Binary material (keystores, certificates in DER) is not text we can judge by name/value rules.
  return /[\u0000-\u0008\u000e-\u001f\ufffd]/.test(decoded) ? undefined : decoded;
}

/** Offset where the text of a scalar's value starts (after an opening quote). */
function contentStart(node: ScalarNode): number {
  return node.style === 'single' || node.style === 'double' || node.style === 'json' ? node.valueSpan.start + 1 : node.valueSpan.start;
}

function kubernetesSecretCandidates(root: MapNode, out: SecretCandidate[]): void {
  const stringData = get(root, 'stringData');
  if (stringData?.type === 'map') {
    for (const p of stringData.pairs) {
      if (isLiteralScalar(p.value)) out.push({ name: p.key, nameSpan: p.keySpan, value: text(p.value), valueNode: p.value, valueSpan: p.value.span, shape: 'k8s-secret-string' });
    }
  }
  const data = get(root, 'data');
  if (data?.type === 'map') {
    for (const p of data.pairs) {
      if (!isLiteralScalar(p.value)) continue;
      const decoded = decodeBase64(text(p.value));
      if (decoded !== undefined) out.push({ name: p.key, nameSpan: p.keySpan, value: decoded, valueNode: p.value, valueSpan: p.value.span, shape: 'k8s-secret-data' });
    }
  }
}

function composeEnvironment(node: DataNode, out: SecretCandidate[]): void {
  if (node.type === 'map') {
    for (const p of node.pairs) {
      if (isLiteralScalar(p.value)) out.push({ name: p.key, nameSpan: p.keySpan, value: text(p.value), valueNode: p.value, valueSpan: p.value.span, shape: 'compose-environment' });
    }
    return;
  }
  if (node.type !== 'seq') return;
  for (const item of node.items) {
    if (!isLiteralScalar(item)) continue;
    const entry = text(item);
    const eq = entry.indexOf('=');
    if (eq <= 0) continue;
    const start = contentStart(item);
    // Plain and single-quoted scalars map 1:1 onto the source; double-quoted ones may hold escapes.
    const exact = item.style === 'plain' || item.style === 'single' || item.style === 'json' ? item.valueSpan.end - (item.style === 'plain' ? 0 : 1) - start === entry.length : false;
    out.push({
      name: entry.slice(0, eq).trim(),
      nameSpan: exact ? { start, end: start + eq } : item.span,
      value: entry.slice(eq + 1),
      valueNode: item,
      valueSpan: exact ? { start: start + eq + 1, end: start + entry.length } : item.span,
      shape: 'compose-environment',
    });
  }
}

/** Every candidate in a YAML (or JSON) configuration document. */
export function configSecretCandidates(document: DataDocument): SecretCandidate[] {
  const out: SecretCandidate[] = [];
  const root = document.root;
  if (!root) return out;
  if (root.type === 'map' && scalarString(get(root, 'kind')) === 'Secret' && get(root, 'apiVersion')) {
    kubernetesSecretCandidates(root, out);
    return out;
  }
  const visit = (node: DataNode, parentKey: string | undefined, depth: number): void => {
    if (depth > 100) return;
    if (node.type === 'seq') {
      for (const item of node.items) visit(item, parentKey, depth + 1);
      return;
    }
    if (node.type !== 'map') return;
    // `{name: X, value: Y}` — the name is data, not a key.
    const nameNode = get(node, 'name') ?? get(node, 'Name');
    const valueNode = get(node, 'value') ?? get(node, 'Value');
    if (isLiteralScalar(nameNode) && isLiteralScalar(valueNode) && node.pairs.length <= 4) {
      out.push({ name: text(nameNode), nameSpan: nameNode.span, value: text(valueNode), valueNode, valueSpan: valueNode.span, shape: 'name-value' });
    }
    for (const p of node.pairs) {
      const value = p.value;
      if (!value) continue;
      if (p.key === 'environment' && (value.type === 'map' || value.type === 'seq')) {
        composeEnvironment(value, out);
        continue;
      }
      if (isLiteralScalar(value)) {
        if (p.key !== 'value' && p.key !== 'Value' && p.key !== 'name' && p.key !== 'Name') {
          out.push({ name: p.key, nameSpan: p.keySpan, value: text(value), valueNode: value, valueSpan: value.span, shape: 'mapping', parentKey });
        }
        continue;
      }
      // `db-password: { value: x, description: … }`: the key names the wrapped value.
      const wrapped = value.type === 'map' && !get(value, 'name') ? get(value, 'value') : undefined;
      if (isLiteralScalar(wrapped)) out.push({ name: p.key, nameSpan: p.keySpan, value: text(wrapped), valueNode: wrapped, valueSpan: wrapped.span, shape: 'mapping', parentKey });
      visit(value, p.key, depth + 1);
    }
  };
  visit(root, undefined, 0);
  return out;
}
