// GitLab Code Quality report (a subset of the Code Climate issue spec, as GitLab documents it): an
// array of issues with description, check_name, fingerprint, severity and location.path/lines.begin.
// GitLab shows them in merge requests and compares fingerprints between the source and target
// branch, so the engine's stable fingerprint is used as is. Suppressed findings are left out, like
// ESLint's GitLab formatters do: the decision was taken in the source.
import type { Severity } from '../../engine/types';
import type { ScanResult } from '../types';

type CodeQualitySeverity = 'info' | 'minor' | 'major' | 'critical' | 'blocker';
const SEVERITY: Record<Severity, CodeQualitySeverity> = { error: 'critical', warning: 'major', info: 'info' };

export function toGitlab(scan: ScanResult): object[] {
  return scan.files.flatMap((file) =>
    file.findings
      .filter((finding) => !finding.suppression)
      .map((finding) => ({
        type: 'issue',
        check_name: finding.ruleId,
        description: finding.message,
        categories: ['Security'],
        severity: SEVERITY[finding.severity],
        fingerprint: finding.fingerprint,
        location: { path: file.path, lines: { begin: finding.range.start.line + 1, end: finding.range.end.line + 1 } },
      })),
  );
}

export function formatGitlab(scan: ScanResult): string {
  return `${JSON.stringify(toGitlab(scan), null, 2)}\n`;
}
