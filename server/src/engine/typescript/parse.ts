// TypeScript/JavaScript sources parsed with typescript-estree into ESTree nodes with `range` (UTF-16
// offsets, the engine's Span unit) and `loc`. Never executed, never type-checked: rules read syntax.
//
// typescript-estree throws on the first syntax error, but a file half-typed in the editor must still
// be checked. So a failed parse blanks the offending line (keeping every offset in place) and tries
// again a few times; the first error becomes the file's parse-error notice.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { loadTypescriptEstree } from '../parsers/lazy';
import { registerSyntaxCheck } from '../parsers/syntax';
import type { SourceFile } from '../source';
import type { Notice, Span } from '../types';

export interface ParseProblem {
  message: string;
  span: Span;
}

export interface ParsedScript {
  program: TSESTree.Program;
  /** Syntax errors met on the way; empty for a clean file. */
  problems: ParseProblem[];
  /** True when recovery gave up and `program` is empty. */
  failed: boolean;
  /** Set when the file was deliberately not parsed (minified bundles): why. */
  skipped?: string;
}

/**
 * Minified bundles are build output, not source: parsing megabytes of one-line code would stall an
 * editor for seconds and find nothing a person can fix there. Text-based checks (token formats)
 * still run on them.
 */
export function looksMinified(text: string): boolean {
  if (text.length < 20_000) return false;
  let lines = 1;
  let longest = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      lines++;
      longest = Math.max(longest, i - start);
      start = i + 1;
    }
  }
  longest = Math.max(longest, text.length - start);
  return text.length / lines > 500 || longest > 20_000;
}

/** How many broken lines we blank before giving up on a file. */
const MAX_RECOVERY_ATTEMPTS = 8;

const EMPTY_PROGRAM = (length: number): TSESTree.Program =>
  ({ type: 'Program', body: [], sourceType: 'module', comments: [], tokens: [], range: [0, length], loc: { start: { line: 1, column: 0 }, end: { line: 1, column: 0 } } }) as unknown as TSESTree.Program;

function jsxFor(path: string): boolean {
  return /\.(tsx|jsx)$/i.test(path) || /\.(js|mjs|cjs)$/i.test(path);
}

interface EstreeError {
  message: string;
  index?: number;
  lineNumber?: number;
  column?: number;
}

/**
 * Replaces the line holding `offset` with spaces so offsets elsewhere stay valid. An error reported
 * on a blank line (typically at the end of the file) blanks the nearest earlier line with content.
 */
function blankLineAt(text: string, offset: number): string {
  let position = Math.min(offset, text.length);
  for (;;) {
    let start = position;
    while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
    let end = position;
    while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
    if (/\S/.test(text.slice(start, end))) return text.slice(0, start) + ' '.repeat(end - start) + text.slice(end);
    if (start === 0) return text;
    position = start - 1;
    if (position > 0 && text[position] === '\n' && text[position - 1] === '\r') position--;
  }
}

function parseOnce(text: string, path: string, jsx: boolean): TSESTree.Program {
  return loadTypescriptEstree().parse(text, { range: true, loc: true, comment: true, jsx, filePath: path, errorOnUnknownASTType: false, allowInvalidAST: true, suppressDeprecatedPropertyWarnings: true });
}

export function parseScript(text: string, path: string): ParsedScript {
  const problems: ParseProblem[] = [];
  if (looksMinified(text)) return { program: EMPTY_PROGRAM(text.length), problems, failed: false, skipped: 'minified code' };
  let current = text;
  const tryJsx = jsxFor(path);
  for (let attempt = 0; attempt <= MAX_RECOVERY_ATTEMPTS; attempt++) {
    try {
      return { program: parseOnce(current, path, tryJsx), problems, failed: false };
    } catch (error) {
      const e = error as EstreeError;
      // Plain .js files with generics-free TS-like syntax rarely matter; JSX in .js is common, so a
      // failure with JSX on is retried once without it before counting as a syntax error.
      if (attempt === 0 && tryJsx && /\.(js|mjs|cjs)$/i.test(path)) {
        try {
          return { program: parseOnce(current, path, false), problems, failed: false };
        } catch {
          /* fall through to recovery with the JSX error */
        }
      }
      const index = typeof e.index === 'number' ? Math.min(Math.max(e.index, 0), text.length) : 0;
      problems.push({ message: String(e.message ?? error).split('\n')[0], span: { start: index, end: Math.min(index + 1, text.length) } });
      const next = blankLineAt(current, index);
      if (next === current) break;
      current = next;
    }
  }
  return { program: EMPTY_PROGRAM(text.length), problems, failed: true };
}

/** The file's parse, shared by every rule (CDK and application-code checkers alike). */
export function scriptOf(file: SourceFile): ParsedScript {
  return file.cached('typescript-estree', () => parseScript(file.text, file.path));
}

export function scriptSyntaxNotices(file: SourceFile): Notice[] {
  const parsed = scriptOf(file);
  if (parsed.skipped) {
    return [{ path: file.path, level: 'info', kind: 'skipped', message: `${parsed.skipped}: syntax-based checks were skipped (token and secret formats were still checked)` }];
  }
  if (!parsed.problems.length) return [];
  const first = parsed.problems[0];
  const more = parsed.problems.length > 1 ? ` (and ${parsed.problems.length - 1} more)` : '';
  return [
    {
      path: file.path,
      level: 'warning',
      kind: 'parse-error',
      span: first.span,
      message: parsed.failed
        ? `could not parse this file, so it was not checked: ${first.message}`
        : `syntax error: ${first.message}${more}; the rest of the file was still checked`,
    },
  ];
}

registerSyntaxCheck('typescript', scriptSyntaxNotices);
registerSyntaxCheck('javascript', scriptSyntaxNotices);
