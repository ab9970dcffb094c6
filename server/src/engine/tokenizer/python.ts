// Python lexing: `#` comments; strings with any prefix combination of r/b/u/f/t (raw strings keep
// backslashes, f-strings are marked as interpolated), single- or triple-quoted.
import { decodeEscapes, lex, lineEndFrom, readQuoted, stringToken, type LexerSyntax, type TokenizeResult } from './token';

const PREFIX = /^(?:[rRbBuUfFtT]{1,2})?(?=['"])/;

const python: LexerSyntax = {
  comment: (text, i) => (text[i] === '#' ? lineEndFrom(text, i) : undefined),
  string(text, i) {
    const prefixMatch = PREFIX.exec(text.slice(i, i + 3));
    if (!prefixMatch) return undefined;
    const prefix = prefixMatch[0];
    // A prefix must start the token: `bar"` is an identifier followed by a string, not a prefixed string.
    if (prefix && i > 0 && /[\p{L}\p{N}_]/u.test(text[i - 1])) return undefined;
    const quoteStart = i + prefix.length;
    const quoteChar = text[quoteStart];
    const triple = text.startsWith(quoteChar.repeat(3), quoteStart);
    const quote = triple ? quoteChar.repeat(3) : quoteChar;
    const raw = /r/i.test(prefix);
    const read = readQuoted(text, quoteStart + quote.length, quote, { multiline: triple, escapes: true });
    if (!read) return { unterminated: { start: i, end: lineEndFrom(text, i) }, end: lineEndFrom(text, i) };
    const token = stringToken(text, i, prefix, quote, quoteStart + quote.length, read.contentEnd, read.end, raw ? (s) => s : decodeEscapes);
    if (/[ft]/i.test(prefix)) token.interpolated = true;
    return token;
  },
};

export function tokenizePython(text: string): TokenizeResult {
  return lex(text, python);
}
