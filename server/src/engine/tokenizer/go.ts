// Go lexing: `//` and `/* */` comments; interpreted "strings" with escapes, raw `backtick` strings
// (multi-line, no escapes) and 'rune' literals.
import { decodeEscapes, lex, lineEndFrom, readQuoted, stringToken, type LexerSyntax, type TokenizeResult } from './token';

export function cStyleComment(text: string, i: number): number | undefined {
  if (text[i] !== '/') return undefined;
  if (text[i + 1] === '/') return lineEndFrom(text, i);
  if (text[i + 1] === '*') {
    const close = text.indexOf('*/', i + 2);
    return close < 0 ? text.length : close + 2;
  }
  return undefined;
}

const go: LexerSyntax = {
  comment: cStyleComment,
  string(text, i) {
    const c = text[i];
    if (c === '`') {
      const close = text.indexOf('`', i + 1);
      if (close < 0) return { unterminated: { start: i, end: lineEndFrom(text, i) }, end: text.length };
      return stringToken(text, i, '', '`', i + 1, close, close + 1, (s) => s.replace(/\r/g, ''));
    }
    if (c !== '"' && c !== "'") return undefined;
    const read = readQuoted(text, i + 1, c, { multiline: false, escapes: true });
    if (!read) return { unterminated: { start: i, end: lineEndFrom(text, i) }, end: lineEndFrom(text, i) };
    return stringToken(text, i, '', c, i + 1, read.contentEnd, read.end, decodeEscapes);
  },
};

export function tokenizeGo(text: string): TokenizeResult {
  return lex(text, go);
}
