// Matching token sequences: detectors describe what they look for as a list of steps (exact text or a
// predicate) instead of regular expressions over raw text, so strings and comments never match by accident.
import type { Token } from './token';

export type Step = string | ((token: Token) => boolean);

export function matchesAt(tokens: readonly Token[], index: number, steps: readonly Step[]): boolean {
  if (index < 0 || index + steps.length > tokens.length) return false;
  return steps.every((step, k) => {
    const token = tokens[index + k];
    return typeof step === 'string' ? token.kind !== 'string' && token.text === step : step(token);
  });
}

/** Start indices of every occurrence of the sequence. */
export function findAll(tokens: readonly Token[], steps: readonly Step[]): number[] {
  const found: number[] = [];
  for (let i = 0; i + steps.length <= tokens.length; i++) if (matchesAt(tokens, i, steps)) found.push(i);
  return found;
}

export const isString = (token: Token): boolean => token.kind === 'string';
export const isIdentifier = (token: Token): boolean => token.kind === 'identifier';
export const identifier = (...names: string[]) => (token: Token): boolean => token.kind === 'identifier' && names.includes(token.text);

/** Index of the bracket closing the one at `open` (`(`/`[`/`{`), or -1. */
export function closingBracket(tokens: readonly Token[], open: number): number {
  const pairs: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
  const stack: string[] = [];
  for (let i = open; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== 'punctuation') continue;
    if (pairs[t.text]) stack.push(pairs[t.text]);
    else if (t.text === stack[stack.length - 1]) {
      stack.pop();
      if (!stack.length) return i;
    }
  }
  return -1;
}

/**
 * A dotted name ending at `end` (inclusive), e.g. `ssl.TLSVersion.TLSv1` → ['ssl', 'TLSVersion', 'TLSv1'],
 * with the index of its first token.
 */
export function dottedNameEndingAt(tokens: readonly Token[], end: number): { parts: string[]; start: number } {
  const parts: string[] = [];
  let i = end;
  while (i >= 0 && tokens[i].kind === 'identifier') {
    parts.unshift(tokens[i].text);
    if (i >= 2 && tokens[i - 1].text === '.' && tokens[i - 1].kind === 'punctuation' && tokens[i - 2].kind === 'identifier') i -= 2;
    else break;
  }
  return { parts, start: i };
}

/** A dotted name starting at `start`, with the index of its last token. */
export function dottedNameAt(tokens: readonly Token[], start: number): { parts: string[]; end: number } {
  const parts: string[] = [];
  let i = start;
  if (tokens[i]?.kind !== 'identifier') return { parts, end: start - 1 };
  parts.push(tokens[i].text);
  while (tokens[i + 1]?.text === '.' && tokens[i + 2]?.kind === 'identifier') {
    parts.push(tokens[i + 2].text);
    i += 2;
  }
  return { parts, end: i };
}
