// Rule help rendered from metadata — the one text behind SARIF `help`, the docs pages and the README
// table, so what code scanning shows is what the docs say.
import type { Rule, RuleMeta } from '../../../rules/define';
import { docsUrl, ruleSources } from '../../../rules/define';
import type { SourceKind } from '../engine/types';

const SOURCE_NAMES: Record<SourceKind, string> = {
  terraform: 'Terraform',
  'terraform-vars': 'Terraform variables (.tfvars)',
  json: 'JSON',
  'cloudformation-json': 'CloudFormation (JSON)',
  'cloudformation-yaml': 'CloudFormation (YAML)',
  yaml: 'YAML (Kubernetes, Compose)',
  typescript: 'TypeScript (incl. CDK)',
  javascript: 'JavaScript',
  python: 'Python',
  go: 'Go',
  java: 'Java',
  dotenv: '.env files',
  text: 'any text',
};

export function sourceNames(rule: Rule): string[] {
  return ruleSources(rule).map((kind) => SOURCE_NAMES[kind] ?? kind);
}

/** Plain-text help: description, rationale, fix (SARIF `help.text`). */
export function ruleHelpText(meta: RuleMeta): string {
  const parts = [meta.description, meta.rationale];
  if (meta.fix) parts.push(`Fix: ${meta.fix}`);
  parts.push(`Controls: ${meta.controls.join(', ')}`, `Details: ${docsUrl(meta.id)}`);
  return parts.join('\n\n');
}

/** Markdown help body (SARIF `help.markdown` and the middle of docs/rules/<id>.md). */
export function ruleHelpMarkdown(meta: RuleMeta, headingLevel = 2): string {
  const h = '#'.repeat(headingLevel);
  const fence = (example: { language: string; code: string }) => `\`\`\`${example.language}\n${example.code.replace(/\n+$/, '')}\n\`\`\``;
  const sections = [
    `${h} What it checks\n\n${meta.description}`,
    `${h} Why it matters\n\n${meta.rationale}`,
  ];
  if (meta.noncompliant.length) sections.push(`${h} Noncompliant\n\n${meta.noncompliant.map(fence).join('\n\n')}`);
  if (meta.compliant.length) sections.push(`${h} Compliant\n\n${meta.compliant.map(fence).join('\n\n')}`);
  if (meta.fix) sections.push(`${h} Fix\n\n${meta.fix}`);
  sections.push(`${h} Policy controls\n\n${meta.controls.map((control) => `- ${control}`).join('\n')}`);
  return sections.join('\n\n');
}
