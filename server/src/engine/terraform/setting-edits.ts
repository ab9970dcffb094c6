// Several settings written by one fix (`encrypted = true` with `kms_key_id = …`, or
// `server_side_encryption { enabled = true; kms_key_arn = … }`): settings that land in the same missing
// block are written as one block, so a fix never creates two `server_side_encryption` blocks.
import { replace } from '../fix';
import type { TextEdit } from '../types';
import { insertAttribute, insertNestedBlock } from './edits';
import type { TfBlock } from './model';
import { locateSetting, settingHost } from './setting-path';

interface Pending {
  /** Path below the host block: missing block names, then the attribute. */
  rest: string[];
  value: string;
}

/** `name = value` lines and nested blocks for settings below one missing block, `=` aligned like terraform fmt. */
function render(items: Pending[]): string {
  const direct = items.filter((i) => i.rest.length === 1);
  const width = Math.max(0, ...direct.map((i) => i.rest[0].length));
  const lines = direct.map((i) => `${i.rest[0].padEnd(width)} = ${i.value}`);
  const nestedNames = [...new Set(items.filter((i) => i.rest.length > 1).map((i) => i.rest[0]))];
  for (const name of nestedNames) {
    const inner = render(items.filter((i) => i.rest.length > 1 && i.rest[0] === name).map((i) => ({ rest: i.rest.slice(1), value: i.value })));
    lines.push(`${name} {\n${inner.split('\n').map((l) => (l ? '  ' + l : l)).join('\n')}\n}`);
  }
  return lines.join('\n');
}

/**
 * Inserts several attributes at the end of a block, in order, `=` aligned as one group: the longest
 * name decides the column (and any realignment of the neighbours), the others pad to it.
 */
function insertAttributes(host: TfBlock, attributes: ReadonlyArray<readonly [string, string]>): TextEdit[] {
  if (attributes.length === 1) return insertAttribute(host, attributes[0][0], attributes[0][1]);
  const longest = attributes.reduce((a, b) => (b[0].length > a[0].length ? b : a));
  const edits = insertAttribute(host, longest[0], longest[1]);
  const insertion = edits.find((e) => e.span.start === e.span.end && e.newText.includes(`${longest[0]} `));
  if (!insertion) return edits;
  const line = /([ \t]*)(\S+)( +)= /.exec(insertion.newText.replace(/^\r?\n/, ''));
  if (!line) return edits;
  const [, indent, , padding] = line;
  // In an aligned group the new lines take its column; otherwise they are at least aligned among themselves.
  const column = longest[0].length + padding.length;
  const eol = host.file.eol;
  const valueStart = insertion.newText.indexOf('= ') + 2;
  const lines = attributes.map(([name, value]) => {
    const gap = ' '.repeat(Math.max(1, column - name.length));
    const text = name === longest[0] ? insertion.newText.slice(valueStart) : value;
    return `${indent}${name}${gap}= ${text}`;
  });
  insertion.newText = eol + lines.join(eol);
  return edits;
}

/**
 * Edits that give each dotted path its value: an existing attribute's value is replaced, missing ones
 * are inserted (with their missing blocks) in declaration order.
 */
export function setSettings(target: TfBlock, settings: ReadonlyArray<readonly [path: string, valueText: string]>): TextEdit[] {
  const edits: TextEdit[] = [];
  const byHost = new Map<TfBlock, Pending[]>();
  for (const [path, value] of settings) {
    const where = locateSetting(target, path);
    if (where.attribute) {
      edits.push(replace(where.attribute.value.span, value));
      continue;
    }
    const host = settingHost(target, where);
    const list = byHost.get(host) ?? [];
    list.push({ rest: [...where.blockNames.slice(where.parents.length), where.attributeName], value });
    byHost.set(host, list);
  }
  for (const [host, items] of byHost) {
    const direct = items.filter((i) => i.rest.length === 1);
    if (direct.length) edits.push(...insertAttributes(host, direct.map((i) => [i.rest[0], i.value] as const)));
    const nested = items.filter((i) => i.rest.length > 1);
    if (nested.length) edits.push(...insertNestedBlock(host, render(nested)));
  }
  return edits;
}
