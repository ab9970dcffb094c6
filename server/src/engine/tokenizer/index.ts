// Tokens of a Python, Go or Java file, computed once per file; lexical problems become parse-error
// notices (the rest of the file is still checked).
import { registerSyntaxCheck } from '../parsers/syntax';
import type { SourceFile } from '../source';
import type { Notice, SourceKind } from '../types';
import { tokenizeGo } from './go';
import { tokenizeJava } from './java';
import { tokenizePython } from './python';
import type { Token, TokenizeResult } from './token';

export type { Token, TokenKind } from './token';

export type TokenizedKind = 'python' | 'go' | 'java';

const TOKENIZERS: Record<TokenizedKind, (text: string) => TokenizeResult> = { python: tokenizePython, go: tokenizeGo, java: tokenizeJava };

export function isTokenizedKind(kind: SourceKind | undefined): kind is TokenizedKind {
  return kind === 'python' || kind === 'go' || kind === 'java';
}

export function tokenize(file: SourceFile): TokenizeResult {
  return file.cached('tokens', () => (isTokenizedKind(file.kind) ? TOKENIZERS[file.kind](file.text) : { tokens: [], problems: [] }));
}

/** Tokens without comments and line breaks: what detectors match against. */
export function codeTokens(file: SourceFile): Token[] {
  return file.cached('code-tokens', () => tokenize(file).tokens.filter((t) => t.kind !== 'comment' && t.kind !== 'newline'));
}

function tokenSyntaxNotices(file: SourceFile): Notice[] {
  const { problems } = tokenize(file);
  if (!problems.length) return [];
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  return [{ path: file.path, level: 'warning', kind: 'parse-error', span: problems[0].span, message: `${problems[0].message}${more}; the rest of the file was still checked` }];
}

registerSyntaxCheck('python', tokenSyntaxNotices);
registerSyntaxCheck('go', tokenSyntaxNotices);
registerSyntaxCheck('java', tokenSyntaxNotices);
