// A scanned file: its text, what kind of source it is, a line index for offset <-> position, and a
// per-file memo so every rule shares one parse of the file.
import type { Position, Range, SourceKind, Span } from './types';

export class LineIndex {
  private readonly lineStarts: number[];

  constructor(private readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 /* \n */) starts.push(i + 1);
      else if (c === 13 /* \r */ && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.lineStarts[low] };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.lineStarts.length) return this.text.length;
    if (position.line < 0) return 0;
    const start = this.lineStarts[position.line];
    return Math.min(start + Math.max(0, position.character), this.lineEnd(position.line));
  }

  lineStart(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line, this.lineStarts.length - 1))];
  }

  /** Offset of the end of the line's content, before its line break. */
  lineEnd(line: number): number {
    if (line + 1 >= this.lineStarts.length) return this.text.length;
    let end = this.lineStarts[line + 1];
    if (this.text.charCodeAt(end - 1) === 10) end--;
    if (this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }

  rangeOf(span: Span): Range {
    return { start: this.positionAt(span.start), end: this.positionAt(span.end) };
  }
}

const EXTENSION_KINDS: Array<[RegExp, SourceKind]> = [
  [/\.tf$/i, 'terraform'],
  [/\.tfvars$/i, 'terraform-vars'],
  [/\.(ts|tsx|mts|cts)$/i, 'typescript'],
  [/\.(js|jsx|mjs|cjs)$/i, 'javascript'],
  [/\.py$/i, 'python'],
  [/\.go$/i, 'go'],
  [/\.java$/i, 'java'],
  [/(^|[\\/])\.env(\.[\w.-]+)?$|\.env$/i, 'dotenv'],
  [/\.(json|template\.json)$/i, 'json'],
  [/\.(ya?ml|template)$/i, 'yaml'],
  // Plain text where credentials turn up (scripts, config formats, key files): token formats only.
  [/\.(sh|bash|zsh|ps1|properties|ini|cfg|conf|toml|xml|pem|key|npmrc|pypirc|netrc)$|(^|[\\/])\.(npmrc|pypirc|netrc|git-credentials)$/i, 'text'],
];

/** Declaration files and type stubs hold no values worth scanning. */
const NEVER_SCANNED = /\.d\.ts$/i;

/**
 * Decides the kind of a file from its name and, for JSON and YAML, from its content:
 * CloudFormation templates are JSON/YAML documents that declare `AWS::` resource types.
 */
export function detectKind(path: string, text?: string): SourceKind | undefined {
  if (NEVER_SCANNED.test(path)) return undefined;
  const match = EXTENSION_KINDS.find(([pattern]) => pattern.test(path));
  if (!match) return undefined;
  const kind = match[1];
  if (text !== undefined && (kind === 'json' || kind === 'yaml') && looksLikeCloudFormation(text)) {
    return kind === 'json' ? 'cloudformation-json' : 'cloudformation-yaml';
  }
  return kind;
}

export function looksLikeCloudFormation(text: string): boolean {
  const head = text.length > 200_000 ? text.slice(0, 200_000) : text;
  if (/["']?AWSTemplateFormatVersion["']?\s*:/.test(head)) return true;
  if (/["']?Transform["']?\s*:\s*["']?AWS::Serverless/.test(head)) return true;
  return /["']?Resources["']?\s*:/.test(head) && /["']?Type["']?\s*:\s*["']?(AWS|Alexa)::/.test(head);
}

export interface SourceInput {
  path: string;
  text: string;
  /** Forces the kind (e.g. from the editor's language id); otherwise detected from path and content. */
  kind?: SourceKind;
}

export class SourceFile {
  readonly path: string;
  readonly text: string;
  readonly kind: SourceKind | undefined;
  private lineIndexCache?: LineIndex;
  private readonly memo = new Map<string, unknown>();

  constructor(input: SourceInput) {
    this.path = input.path;
    this.text = input.text;
    this.kind = input.kind ?? detectKind(input.path, input.text);
  }

  get lines(): LineIndex {
    return (this.lineIndexCache ??= new LineIndex(this.text));
  }

  /** The line break the file uses, so inserted lines match it (CRLF files stay CRLF). */
  get eol(): string {
    const firstBreak = this.text.indexOf('\n');
    return firstBreak > 0 && this.text.charCodeAt(firstBreak - 1) === 13 ? '\r\n' : '\n';
  }

  /** Computes a value once per file: parse trees and models are shared by every rule. */
  cached<T>(key: string, compute: () => T): T {
    if (this.memo.has(key)) return this.memo.get(key) as T;
    const value = compute();
    this.memo.set(key, value);
    return value;
  }

  /** Seeds the memo, e.g. with a parse tree the language server already has for this text. */
  seed(key: string, value: unknown): void {
    this.memo.set(key, value);
  }

  slice(span: Span): string {
    return this.text.slice(span.start, span.end);
  }
}

export type DecodeResult = { ok: true; text: string } | { ok: false; reason: string };

/** Files above this size are skipped with a notice unless the config raises it. */
export const DEFAULT_MAX_FILE_BYTES = 4 * 1024 * 1024;

/**
 * Turns file bytes into text the way an editor would, or says why it cannot:
 * binary files (a NUL byte in the first 8 KiB) and text that is neither UTF-8 nor UTF-16 with a BOM
 * are skipped rather than scanned as garbage.
 */
export function decodeBytes(bytes: Uint8Array): DecodeResult {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)) };
  }
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) return { ok: false, reason: 'binary file (contains NUL bytes)' };
  try {
    let text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { ok: true, text };
  } catch {
    return { ok: false, reason: 'not valid UTF-8 text' };
  }
}
