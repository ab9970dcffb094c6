// `enclint rules`: the registry at a glance, from the same metadata as the docs and SARIF.
import { docsUrl, type Rule } from '../../../../rules/define';
import { sourceNames } from '../rule-help';

export function formatRulesText(rules: Rule[]): string {
  const rows = rules.map((rule) => [rule.meta.id, rule.meta.family, rule.meta.severity, rule.meta.fix ? 'fix' : '', rule.meta.title]);
  const widths = [0, 1, 2, 3].map((column) => Math.max(...rows.map((row) => row[column].length)));
  const lines = rows.map((row) => row.map((cell, column) => (column < 4 ? cell.padEnd(widths[column]) : cell)).join('  '));
  return `${lines.join('\n')}\n\n${rules.length} rules; details: enclint rules --format json, or ${docsUrl('<id>')}\n`;
}

export function formatRulesJson(rules: Rule[]): string {
  return `${JSON.stringify(
    rules.map(({ meta, ...rule }) => ({
      id: meta.id,
      title: meta.title,
      family: meta.family,
      severity: meta.severity,
      securitySeverity: meta.securitySeverity,
      controls: meta.controls,
      description: meta.description,
      fix: meta.fix ?? null,
      sources: sourceNames({ meta, ...rule }),
      options: meta.options ?? {},
      docs: docsUrl(meta.id),
    })),
    null,
    2,
  )}\n`;
}
