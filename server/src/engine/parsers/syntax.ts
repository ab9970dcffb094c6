// One place that knows, per source kind, how to report a file that did not parse cleanly.
import type { SourceFile } from '../source';
import type { Notice, SourceKind } from '../types';
import { jsonSyntaxNotices } from './json';
import { terraformSyntaxNotices } from './terraform-diagnostics';
import { yamlSyntaxNotices } from '../yaml/parse';

const SYNTAX_CHECKS: Partial<Record<SourceKind, (file: SourceFile) => Notice[]>> = {
  terraform: terraformSyntaxNotices,
  'terraform-vars': terraformSyntaxNotices,
  json: jsonSyntaxNotices,
  'cloudformation-json': jsonSyntaxNotices,
  'cloudformation-yaml': yamlSyntaxNotices,
  yaml: yamlSyntaxNotices,
};

/** Registers the syntax check of a source kind (parsers added later plug in here). */
export function registerSyntaxCheck(kind: SourceKind, check: (file: SourceFile) => Notice[]): void {
  SYNTAX_CHECKS[kind] = check;
}

export function syntaxNotices(file: SourceFile): Notice[] {
  const check = file.kind ? SYNTAX_CHECKS[file.kind] : undefined;
  return check ? check(file) : [];
}
