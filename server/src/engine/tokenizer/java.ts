// Java lexing: `//` and `/* */` comments; "strings", 'c' char literals and """text blocks""" (whose
// content starts after the line break that follows the opening delimiter).
import { cStyleComment } from './go';
import { decodeEscapes, lex, lineEndFrom, readQuoted, stringToken, type LexerSyntax, type TokenizeResult } from './token';

const java: LexerSyntax = {
  comment: cStyleComment,
  string(text, i) {
    const c = text[i];
    if (c !== '"' && c !== "'") return undefined;
    if (text.startsWith('"""', i)) {
      const read = readQuoted(text, i + 3, '"""', { multiline: true, escapes: true });
      if (!read) return { unterminated: { start: i, end: lineEndFrom(text, i) }, end: text.length };
      const token = stringToken(text, i, '', '"""', i + 3, read.contentEnd, read.end, (s) => decodeEscapes(s.replace(/^[ \t]*\r?\n/, '')));
      return token;
    }
    const read = readQuoted(text, i + 1, c, { multiline: false, escapes: true });
    if (!read) return { unterminated: { start: i, end: lineEndFrom(text, i) }, end: lineEndFrom(text, i) };
    return stringToken(text, i, '', c, i + 1, read.contentEnd, read.end, decodeEscapes);
  },
};

export function tokenizeJava(text: string): TokenizeResult {
  return lex(text, java);
}
