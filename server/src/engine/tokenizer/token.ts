// Tokens of Python, Go and Java sources: just enough lexing to know what is a string, what is a
// comment and what is code. Detectors for those languages match token sequences, so a `verify=False`
// inside a docstring or a commented-out `InsecureSkipVerify: true` is never a finding.
import type { Span } from '../types';

export type TokenKind = 'identifier' | 'string' | 'number' | 'punctuation' | 'comment' | 'newline';

export interface Token {
  kind: TokenKind;
  /** The source text of the token, quotes and prefixes included. */
  text: string;
  span: Span;
  /** For strings: the decoded content (escapes resolved unless raw). */
  value?: string;
  /** For strings: the span of the content between the quotes (what a fix replaces to keep the quotes). */
  contentSpan?: Span;
  /** For strings: the opening delimiter (`"`, `'`, `"""`, `` ` ``) and any prefix such as Python's `f`/`r`/`b`. */
  quote?: string;
  prefix?: string;
  /** For strings with interpolation (Python f-strings): the value is not a constant. */
  interpolated?: boolean;
}

export interface TokenizeResult {
  tokens: Token[];
  /** Lexical problems (unterminated strings or comments), reported as parse-error notices. */
  problems: Array<{ message: string; span: Span }>;
}

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '0': '\0', b: '\b', f: '\f', v: '\v', a: '\x07', '\\': '\\', "'": "'", '"': '"', '`': '`' };

/** Resolves the escapes shared by Python, Go and Java string literals. */
export function decodeEscapes(raw: string): string {
  return raw.replace(/\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|x[0-9a-fA-F]{2}|[0-7]{1,3}|\r?\n|.)/g, (whole, escape: string) => {
    if (/^\r?\n$/.test(escape)) return '';
    if (escape[0] === 'u' || escape[0] === 'U' || escape[0] === 'x') {
      const code = parseInt(escape.replace(/^[uUx]\{?|\}$/g, ''), 16);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    if (/^[0-7]+$/.test(escape) && escape !== '0') return String.fromCharCode(parseInt(escape, 8));
    return SIMPLE_ESCAPES[escape] ?? whole;
  });
}

const IDENTIFIER_START = /[\p{L}_$]/u;
const IDENTIFIER_PART = /[\p{L}\p{N}_$]/u;
const MULTI_CHAR_PUNCTUATION = [':=', '==', '!=', '<=', '>=', '->', '::', '**', '+=', '-=', '&&', '||', '...'];

/** Shared lexer loop; each language supplies how its comments and strings start. */
export interface LexerSyntax {
  /** Tries to read a comment at `i`; returns its end offset. */
  comment(text: string, i: number): number | undefined;
  /** Tries to read a string literal at `i` (prefix included); returns the token or an unterminated marker. */
  string(text: string, i: number): Token | { unterminated: Span; end: number } | undefined;
}

export function lex(text: string, syntax: LexerSyntax): TokenizeResult {
  const tokens: Token[] = [];
  const problems: TokenizeResult['problems'] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '\n' || c === '\r') {
      const end = c === '\r' && text[i + 1] === '\n' ? i + 2 : i + 1;
      tokens.push({ kind: 'newline', text: text.slice(i, end), span: { start: i, end } });
      i = end;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\f' || c === '\v' || c === '\ufeff') {
      i++;
      continue;
    }
    const commentEnd = syntax.comment(text, i);
    if (commentEnd !== undefined) {
      tokens.push({ kind: 'comment', text: text.slice(i, commentEnd), span: { start: i, end: commentEnd } });
      i = Math.max(commentEnd, i + 1);
      continue;
    }
    const string = syntax.string(text, i);
    if (string) {
      if ('unterminated' in string) {
        problems.push({ message: 'unterminated string literal', span: string.unterminated });
        i = Math.max(string.end, i + 1);
      } else {
        tokens.push(string);
        i = string.span.end;
      }
      continue;
    }
    if (IDENTIFIER_START.test(c)) {
      let end = i + 1;
      while (end < text.length && IDENTIFIER_PART.test(text[end])) end++;
      tokens.push({ kind: 'identifier', text: text.slice(i, end), span: { start: i, end } });
      i = end;
      continue;
    }
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(text[i + 1] ?? ''))) {
      const match = /^(?:0[xXbBoO][0-9a-fA-F_]+|[0-9_]*\.?[0-9_]+(?:[eE][+-]?[0-9_]+)?)[a-zA-Z]*/.exec(text.slice(i, i + 64));
      const end = i + Math.max(1, match ? match[0].length : 1);
      tokens.push({ kind: 'number', text: text.slice(i, end), span: { start: i, end } });
      i = end;
      continue;
    }
    const multi = MULTI_CHAR_PUNCTUATION.find((p) => text.startsWith(p, i));
    const end = i + (multi ? multi.length : 1);
    tokens.push({ kind: 'punctuation', text: text.slice(i, end), span: { start: i, end } });
    i = end;
  }
  return { tokens, problems };
}

/** Reads a quoted string whose content ends at the first unescaped `close` (single-line unless `multiline`). */
export function readQuoted(text: string, contentStart: number, close: string, options: { multiline: boolean; escapes: boolean }): { contentEnd: number; end: number } | undefined {
  let i = contentStart;
  while (i < text.length) {
    const c = text[i];
    if (options.escapes && c === '\\') {
      i += 2;
      continue;
    }
    if (text.startsWith(close, i)) return { contentEnd: i, end: i + close.length };
    if (!options.multiline && (c === '\n' || c === '\r')) return undefined;
    i++;
  }
  return undefined;
}

export function stringToken(text: string, start: number, prefix: string, quote: string, contentStart: number, contentEnd: number, end: number, decode: (raw: string) => string): Token {
  return {
    kind: 'string',
    text: text.slice(start, end),
    span: { start, end },
    value: decode(text.slice(contentStart, contentEnd)),
    contentSpan: { start: contentStart, end: contentEnd },
    quote,
    prefix,
  };
}

/** The end of the line that `i` is on (before the line break). */
export function lineEndFrom(text: string, i: number): number {
  let end = i;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  return end;
}
