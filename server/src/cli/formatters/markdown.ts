// Markdown for CI job summaries ($GITHUB_STEP_SUMMARY, GitLab and Azure DevOps comments): totals,
// findings per family and severity, the top rules with links to their pages, then the findings
// themselves (capped, so a summary of thousands stays readable). Messages are the engine's, already
// masked; table cells are escaped so a message can never break the table.
import { allRules } from '../../../../rules';
import { docsUrl } from '../../../../rules/define';
import type { Severity } from '../../engine/types';
import type { ScanResult } from '../types';
import { version } from '../version';

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];
const MAX_LISTED = 50;

export function formatMarkdown(scan: ScanResult): string {
  const active = scan.files.flatMap((file) => file.findings.filter((f) => !f.suppression).map((finding) => ({ file, finding })));
  const { summary } = scan;
  const out: string[] = ['## enclint: encryption and key-management policy', ''];
  const verdict = summary.failing ? `❌ **${summary.failing} finding${summary.failing === 1 ? '' : 's'} at or above \`${scan.threshold}\`**` : `✅ **no findings at or above \`${scan.threshold}\`**`;
  out.push(`${verdict} in ${summary.filesScanned} scanned file${summary.filesScanned === 1 ? '' : 's'} (${summary.errors} errors, ${summary.warnings} warnings, ${summary.infos} info, ${summary.suppressed} suppressed).`, '');

  if (active.length) {
    const families = [...new Set(active.map(({ finding }) => finding.family))].sort();
    out.push('| family | error | warning | info | total |', '|---|---:|---:|---:|---:|');
    for (const family of families) {
      const counts = SEVERITIES.map((s) => active.filter(({ finding }) => finding.family === family && finding.severity === s).length);
      out.push(`| ${family} | ${counts.join(' | ')} | ${counts.reduce((a, b) => a + b, 0)} |`);
    }
    out.push('');

    const byRule = new Map<string, number>();
    for (const { finding } of active) byRule.set(finding.ruleId, (byRule.get(finding.ruleId) ?? 0) + 1);
    const titles = new Map(allRules.map((rule) => [rule.meta.id, rule.meta.title]));
    out.push('**Top rules**', '', '| rule | findings | requires |', '|---|---:|---|');
    for (const [ruleId, count] of [...byRule].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 10)) {
      out.push(`| [\`${ruleId}\`](${docsUrl(ruleId)}) | ${count} | ${cell(titles.get(ruleId) ?? '')} |`);
    }
    out.push('');

    out.push('<details><summary>Findings</summary>', '', '| location | severity | rule | message |', '|---|---|---|---|');
    for (const { file, finding } of active.slice(0, MAX_LISTED)) {
      out.push(`| \`${cell(file.path)}:${finding.range.start.line + 1}\` | ${finding.severity} | \`${finding.ruleId}\` | ${cell(finding.message)} |`);
    }
    if (active.length > MAX_LISTED) out.push(`| … | | | ${active.length - MAX_LISTED} more (see the SARIF or JSON report) |`);
    out.push('', '</details>', '');
  }
  out.push(`<sub>enclint ${version}</sub>`, '');
  return out.join('\n');
}

function cell(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ').replace(/</g, '&lt;');
}
