// The shape of a rule. A rule's metadata is the single source for docs pages, the README table,
// SARIF `rules`, hover text and the settings schema; its checks see models, never the wire.
import type { EffectiveOptions } from '../server/src/engine/config';
import type { SourceFile } from '../server/src/engine/source';
import type { TerraformModule } from '../server/src/engine/terraform/module';
import type { Family, Report, Severity, SourceKind } from '../server/src/engine/types';

export interface CodeExample {
  /** Markdown fence language: hcl, json, yaml, typescript, python, go, java, dotenv. */
  language: string;
  code: string;
}

export interface RuleMeta {
  /** Stable id that reads as the requirement, e.g. `kms-key-rotation`. */
  id: string;
  title: string;
  family: Family;
  severity: Severity;
  /** GitHub code scanning's 0.0–10.0 scale: 9+ critical, 7+ high, 4+ medium. */
  securitySeverity: number;
  /** Policy controls the rule evidences, e.g. `SOC 2 CC6.1`, `HIPAA 164.312(a)(2)(iv)`. */
  controls: string[];
  /** One sentence: what the rule checks. */
  description: string;
  /** Why it matters — shown in hover and docs. */
  rationale: string;
  noncompliant: CodeExample[];
  compliant: CodeExample[];
  /** What the quick fix does, if the rule has one. */
  fix?: string;
  /** Rule-specific options with defaults; global options (min TLS, max rotation days) live in config. */
  options?: Record<string, { type: 'string' | 'number' | 'boolean' | 'string[]'; default: unknown; description: string }>;
}

export interface RuleContext {
  file: SourceFile;
  options: EffectiveOptions;
  /** Rule-specific options merged over the defaults in `meta.options`. */
  ruleOptions: Record<string, unknown>;
  /** The Terraform module (all files of the directory) for var/local resolution; undefined for other kinds. */
  module(): TerraformModule | undefined;
  report(report: Report): void;
}

export type CheckFn = (context: RuleContext) => void;

export interface Rule {
  meta: RuleMeta;
  /** One checker per source kind the rule understands; the engine runs only those that match a file. */
  check: Partial<Record<SourceKind, CheckFn>>;
}

export function defineRule(rule: Rule): Rule {
  return rule;
}

export const DOCS_BASE_URL = 'https://github.com/enclint/enclint/blob/main/docs/rules/';

export function docsUrl(ruleId: string): string {
  return `${DOCS_BASE_URL}${ruleId}.md`;
}

export function ruleSources(rule: Rule): SourceKind[] {
  return Object.keys(rule.check) as SourceKind[];
}
