// Hover over a finding: what the rule asks for, why, which controls it evidences (including the
// organisation's own mapping from the config), a compliant example and the docs link.
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import { ruleById } from '../../../rules';
import { docsUrl } from '../../../rules/define';
import type { Finding, Range } from '../engine/types';
import type { DocumentAnalysis } from './analysis';

function contains(range: Range, position: Position): boolean {
  const afterStart = position.line > range.start.line || (position.line === range.start.line && position.character >= range.start.character);
  const beforeEnd = position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character);
  return afterStart && beforeEnd;
}

export function hoverMarkdown(finding: Finding): string {
  const rule = ruleById(finding.ruleId);
  const lines: string[] = [];
  if (!rule) return `**enclint** \`${finding.ruleId}\`: ${finding.message}`;
  const { meta } = rule;
  // The finding's own message is not repeated: editors show the diagnostic right above the hover.
  lines.push(`**${meta.title}** — enclint \`${meta.id}\``, '', `**Why it matters.** ${meta.rationale}`);
  const controls = [...meta.controls, ...finding.policyRefs.filter((ref) => !meta.controls.includes(ref))];
  if (controls.length) lines.push('', `**Controls:** ${controls.join(' · ')}`);
  if (finding.policyRefs.length) lines.push('', `**Your organisation's policy:** ${finding.policyRefs.join(' · ')}`);
  if (meta.fix) lines.push('', `**Fix:** ${meta.fix}`);
  const example = meta.compliant.find((c) => c.language === languageFor(finding.path)) ?? meta.compliant[0];
  if (example) lines.push('', 'Compliant:', '', '```' + example.language, example.code, '```');
  lines.push('', `[Rule documentation](${docsUrl(meta.id)})`);
  return lines.join('\n');
}

/** Fence language of the hovered file, so a CDK file shows the TypeScript example when there is one. */
function languageFor(path: string): string {
  if (/\.(tf|tfvars)$/i.test(path)) return 'hcl';
  if (/\.(ts|tsx|mts|cts)$/i.test(path)) return 'typescript';
  if (/\.(js|jsx|mjs|cjs)$/i.test(path)) return 'javascript';
  if (/\.py$/i.test(path)) return 'python';
  if (/\.go$/i.test(path)) return 'go';
  if (/\.java$/i.test(path)) return 'java';
  if (/\.ya?ml$/i.test(path)) return 'yaml';
  if (/\.json$/i.test(path)) return 'json';
  return 'dotenv';
}

export function hover(analysis: DocumentAnalysis, position: Position): Hover | null {
  const hits = analysis.result.findings.filter((f) => !f.suppression && contains(f.range, position));
  if (!hits.length) return null;
  return {
    contents: { kind: MarkupKind.Markdown, value: hits.map(hoverMarkdown).join('\n\n---\n\n') },
    range: hits[0].range,
  };
}
