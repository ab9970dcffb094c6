// Finds the Terraform string literal that a token found in the raw text *is* — `access_key = "AKIA…"`,
// `{ foo = "ghp_…" }` — so no-secret-token can offer the same "use a sensitive variable" fix as
// no-plaintext-secret. Tokens inside heredocs, comments or longer strings get no fix.
import { terraformFile, type TfBlock, type TfValue } from '../../server/src/engine/terraform/model';
import type { SourceFile } from '../../server/src/engine/source';
import type { Span } from '../../server/src/engine/types';

export interface TerraformLiteral {
  /** The attribute name or map key holding the literal. */
  name: string;
  /** Top-level block that holds it. */
  block: TfBlock;
  /** The literal, quotes included. */
  literalSpan: Span;
}

/** The string literal whose whole content is exactly `span`, if any. */
export function terraformLiteralAt(file: SourceFile, span: Span): TerraformLiteral | undefined {
  const tf = terraformFile(file);
  for (const top of tf.blocks) {
    if (span.start < top.span.start || span.end > top.span.end) continue;
    const found = searchBlock(top, top, span);
    if (found) return found;
  }
  return undefined;
}

function searchBlock(block: TfBlock, top: TfBlock, span: Span): TerraformLiteral | undefined {
  for (const a of block.attributes) {
    if (span.start < a.span.start || span.end > a.span.end) continue;
    return searchValue(a.name, a.value, top, span, 0);
  }
  for (const child of block.blocks) {
    if (span.start >= child.span.start && span.end <= child.span.end) return searchBlock(child, top, span);
  }
  return undefined;
}

function searchValue(name: string, value: TfValue, top: TfBlock, span: Span, depth: number): TerraformLiteral | undefined {
  if (depth > 12 || span.start < value.span.start || span.end > value.span.end) return undefined;
  switch (value.kind) {
    case 'string': {
      const text = top.file.text.slice(value.contentSpan.start, value.contentSpan.end);
      return text.trim() === top.file.text.slice(span.start, span.end) ? { name, block: top, literalSpan: value.span } : undefined;
    }
    case 'object': {
      // `{ name = "X", value = "token" }` names the value by its `name` entry.
      const pairName = value.entries.find((e) => /^name$/i.test(e.key));
      for (const entry of value.entries) {
        const entryName = /^value$/i.test(entry.key) && pairName?.value.kind === 'string' ? pairName.value.value : entry.key;
        const found = searchValue(entryName, entry.value, top, span, depth + 1);
        if (found) return found;
      }
      return undefined;
    }
    case 'tuple':
      for (const item of value.items) {
        const found = searchValue(name, item, top, span, depth + 1);
        if (found) return found;
      }
      return undefined;
    case 'call':
      for (const arg of value.args) {
        const found = searchValue(name, arg, top, span, depth + 1);
        if (found) return found;
      }
      return undefined;
    default:
      return undefined;
  }
}
