// Tokens of a whole scanned file, found once and shared: `no-secret-token` reports them, and
// name-based checks (`no-plaintext-secret`, in every source) skip values that overlap one, so a
// secret is reported once, by the rule with the more specific message. Scanning the whole text
// (not each value) matters: an AWS secret key is only recognisable next to its name.
import type { SourceFile } from '../source';
import type { Span } from '../types';
import { findTokens, type TokenMatch } from './tokens';

export function fileTokens(file: SourceFile): TokenMatch[] {
  return file.cached('secret-tokens', () => findTokens(file.text));
}

/** Whether a known token lies (at least partly) inside `span` of the file. */
export function overlapsKnownToken(file: SourceFile, span: Span): boolean {
  return fileTokens(file).some((token) => token.start < span.end && span.start < token.end);
}
