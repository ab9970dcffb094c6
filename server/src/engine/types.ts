// Core value types shared by the engine, the rules, the CLI and the language server.
// Nothing here knows about LSP: positions are plain numbers so every front end can adapt them.

/** What kind of text a file holds; decides which parsers and rules apply. */
export type SourceKind =
  | 'terraform'
  | 'terraform-vars'
  | 'json'
  | 'cloudformation-json'
  | 'cloudformation-yaml'
  | 'yaml'
  | 'typescript'
  | 'javascript'
  | 'python'
  | 'go'
  | 'java'
  | 'dotenv'
  | 'text';

export type Severity = 'error' | 'warning' | 'info';

/** Families are the SARIF tags and the unit the accuracy benchmark scores by. */
export type Family =
  | 'plaintext-secret'
  | 'kms-wildcard'
  | 'key-rotation'
  | 'tls-min-version'
  | 'encryption-at-rest'
  | 'transport-encryption';

export const FAMILIES: readonly Family[] = [
  'plaintext-secret',
  'kms-wildcard',
  'key-rotation',
  'tls-min-version',
  'encryption-at-rest',
  'transport-encryption',
];

/** Half-open range of UTF-16 code unit offsets into a file's text (what JS strings and LSP count). */
export interface Span {
  start: number;
  end: number;
}

/** Zero-based line and UTF-16 column, as LSP counts them. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A replacement of `span` in the original text by `newText`. Insertions have start === end. */
export interface TextEdit {
  span: Span;
  newText: string;
}

export interface Fix {
  /** Shown in the lightbulb menu, e.g. "Set enable_key_rotation = true". */
  title: string;
  edits: TextEdit[];
  /**
   * Safe fixes are applied by `enclint scan --fix` and "fix all"; unsafe ones (that change
   * behaviour in ways a person must review, like picking a least-privilege action list) are only offered.
   */
  safe: boolean;
  /** The default among several alternatives (LSP `isPreferred`). */
  preferred?: boolean;
}

export interface RelatedLocation {
  message: string;
  /** Absent when the location is in the same file as the finding. */
  path?: string;
  span: Span;
  range?: Range;
}

/** What a rule reports; the engine adds the rule's metadata, the range and suppression state. */
export interface Report {
  span: Span;
  message: string;
  fixes?: Fix[];
  related?: RelatedLocation[];
  /** Overrides the rule's default severity for this one finding (rare; e.g. info for a weaker signal). */
  severity?: Severity;
}

export interface Suppression {
  kind: 'inSource' | 'config';
  justification: string;
  /** Last day (ISO date, inclusive) it applies, when the suppression was written with `[until …]`. */
  until?: string;
}

/** An `enclint-disable-…` directive that covered no finding of the rules it names. */
export interface UnusedSuppression {
  span: Span;
  range: Range;
  /** The rule ids or families it names (empty: every rule). */
  rules: string[];
  /** Zero-based line it was meant to cover. */
  line: number;
}

export interface Finding {
  ruleId: string;
  family: Family;
  severity: Severity;
  message: string;
  path: string;
  span: Span;
  range: Range;
  fixes: Fix[];
  related: RelatedLocation[];
  /** The organisation's own policy sections mapped to this rule in the config. */
  policyRefs: string[];
  /** Set when an `enclint-disable-next-line` comment covers the finding. */
  suppression?: Suppression;
  /**
   * Zero-based line an `enclint-disable-next-line` comment must sit above to cover the finding, when
   * that is not the finding's own line: inside a heredoc policy no comment can go, so the comment goes
   * above the attribute that holds it.
   */
  anchorLine?: number;
  /** Stable across unrelated edits: hash of rule, path and the normalised text of the flagged line. */
  fingerprint: string;
}

/** A file the engine could not analyse fully (broken syntax, binary, too large, bad encoding). */
export interface Notice {
  path: string;
  level: 'error' | 'warning' | 'info';
  message: string;
  span?: Span;
  range?: Range;
  /** `skipped` files were not analysed at all; `parse-error` files were analysed with recovery. */
  kind: 'skipped' | 'parse-error' | 'rule-error' | 'unused-directive';
}

export interface AnalysisResult {
  path: string;
  kind: SourceKind | undefined;
  findings: Finding[];
  notices: Notice[];
  /** Directives that suppressed nothing (only those whose rules all ran on this file). */
  unusedSuppressions?: UnusedSuppression[];
}
