// `.env` files as dotenv (and docker `--env-file`, systemd EnvironmentFile) read them: `KEY=value`
// lines, optional `export `, single/double/backtick quotes (double quotes may span lines), `#`
// comments on their own line or after an unquoted value. A tokenizer, not a regex over the whole
// file, so a `#` inside quotes is not a comment and a quoted value keeps its exact span.
import type { SourceFile } from '../source';
import type { Span } from '../types';

export interface DotenvEntry {
  key: string;
  keySpan: Span;
  /** The value as the program sees it (quotes removed, `\n` escapes expanded in double quotes). */
  value: string;
  /** The value's text including its quotes, if any (what a fix replaces). */
  valueSpan: Span;
  quote: '"' | "'" | '`' | undefined;
  /** From the key (or `export`) to the end of the value. */
  span: Span;
}

export interface ParsedDotenv {
  entries: DotenvEntry[];
  /** Lines that are neither blank, comments nor assignments. */
  invalidLines: Span[];
}

const KEY = /^[A-Za-z_][A-Za-z0-9_.-]*/;

export function parseDotenvText(text: string): ParsedDotenv {
  const entries: DotenvEntry[] = [];
  const invalidLines: Span[] = [];
  let offset = 0;
  while (offset < text.length) {
    const lineEnd = nextLineEnd(text, offset);
    let i = skipBlanks(text, offset, lineEnd);
    if (i >= lineEnd || text[i] === '#') {
      offset = afterLineBreak(text, lineEnd);
      continue;
    }
    const statementStart = i;
    if (text.startsWith('export', i) && /[ \t]/.test(text[i + 6] ?? '')) i = skipBlanks(text, i + 6, lineEnd);
    const keyMatch = KEY.exec(text.slice(i, lineEnd));
    if (!keyMatch) {
      invalidLines.push({ start: statementStart, end: lineEnd });
      offset = afterLineBreak(text, lineEnd);
      continue;
    }
    const keySpan = { start: i, end: i + keyMatch[0].length };
    i = skipBlanks(text, keySpan.end, lineEnd);
    if (text[i] !== '=' && text[i] !== ':') {
      invalidLines.push({ start: statementStart, end: lineEnd });
      offset = afterLineBreak(text, lineEnd);
      continue;
    }
    i = skipBlanks(text, i + 1, lineEnd);
    const quote = text[i] === '"' || text[i] === "'" || text[i] === '`' ? (text[i] as DotenvEntry['quote']) : undefined;
    let value: string;
    let valueSpan: Span;
    let end: number;
    if (quote) {
      // Double and backtick quotes may span lines; single quotes end at the line (as dotenv does).
      const limit = quote === "'" ? lineEnd : text.length;
      const close = findClosingQuote(text, i + 1, limit, quote);
      if (close < 0) {
        valueSpan = { start: i, end: lineEnd };
        value = text.slice(i + 1, lineEnd);
        end = lineEnd;
      } else {
        valueSpan = { start: i, end: close + 1 };
        const raw = text.slice(i + 1, close);
        value = quote === '"' ? raw.replace(/\\n/g, '\n').replace(/\\r/g, '\r').replace(/\\t/g, '\t').replace(/\\(["\\$])/g, '$1') : raw;
        end = close + 1;
      }
    } else {
      // Unquoted: up to a ` #` comment or the end of the line, trailing blanks trimmed.
      let stop = lineEnd;
      for (let j = i; j < lineEnd; j++) {
        if (text[j] === '#' && (j === i || text[j - 1] === ' ' || text[j - 1] === '\t')) {
          stop = j;
          break;
        }
      }
      let valueEnd = stop;
      while (valueEnd > i && (text[valueEnd - 1] === ' ' || text[valueEnd - 1] === '\t')) valueEnd--;
      valueSpan = { start: i, end: valueEnd };
      value = text.slice(i, valueEnd);
      end = valueEnd;
    }
    entries.push({ key: keyMatch[0], keySpan, value, valueSpan, quote, span: { start: statementStart, end } });
    offset = afterLineBreak(text, nextLineEnd(text, Math.max(end, i)));
  }
  return { entries, invalidLines };
}

export function dotenvEntries(file: SourceFile): ParsedDotenv {
  return file.cached('dotenv-entries', () => parseDotenvText(file.text));
}

function nextLineEnd(text: string, from: number): number {
  const lf = text.indexOf('\n', from);
  const end = lf < 0 ? text.length : lf;
  return end > from && text[end - 1] === '\r' ? end - 1 : end;
}

function afterLineBreak(text: string, lineEnd: number): number {
  if (text[lineEnd] === '\r') lineEnd++;
  if (text[lineEnd] === '\n') lineEnd++;
  return Math.max(lineEnd, lineEnd === text.length ? text.length : lineEnd);
}

function skipBlanks(text: string, from: number, limit: number): number {
  let i = from;
  while (i < limit && (text[i] === ' ' || text[i] === '\t')) i++;
  return i;
}

function findClosingQuote(text: string, from: number, limit: number, quote: string): number {
  for (let i = from; i < limit; i++) {
    if (text[i] === '\\' && quote === '"') {
      i++;
      continue;
    }
    if (text[i] === quote) return i;
  }
  return -1;
}
