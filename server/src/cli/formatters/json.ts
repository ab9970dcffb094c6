// Machine-readable output: every file with its findings (fixes as edits with ranges), notices and
// the summary. Ranges are zero-based with UTF-16 columns, exactly as the engine and LSP count them.
import { version } from '../version';
import type { ScanResult } from '../types';

export function formatJson(scan: ScanResult): string {
  return `${JSON.stringify(
    {
      tool: { name: 'enclint', version },
      threshold: scan.threshold,
      summary: scan.summary,
      files: scan.files.map((file) => ({
        path: file.path,
        kind: file.kind ?? null,
        fixed: file.fixed,
        findings: file.findings,
        notices: file.notices,
      })),
    },
    null,
    2,
  )}\n`;
}
