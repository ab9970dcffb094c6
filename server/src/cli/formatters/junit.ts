// JUnit XML, the test-report format Jenkins, Azure DevOps, GitLab and most CI systems read: one
// <testsuite> per scanned file, one <testcase> per finding (a <failure> when it is at or above the
// severity threshold), a passing "no problems" case for a clean file, an <error> case for a file
// that could not be fully analysed, and <skipped> for suppressed findings with their reason. Messages
// arrive masked from the engine; nothing here prints source text.
import { SEVERITY_RANK, type FileResult, type ScanResult } from '../types';

export function formatJunit(scan: ScanResult): string {
  const suites = scan.files.map((file) => suite(file, scan));
  const tests = suites.reduce((n, s) => n + s.tests, 0);
  const failures = suites.reduce((n, s) => n + s.failures, 0);
  const errors = suites.reduce((n, s) => n + s.errors, 0);
  const seconds = (scan.durationMs / 1000).toFixed(3);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="enclint" tests="${tests}" failures="${failures}" errors="${errors}" time="${seconds}">`,
    ...suites.map((s) => s.xml),
    '</testsuites>',
    '',
  ].join('\n');
}

interface Suite {
  xml: string;
  tests: number;
  failures: number;
  errors: number;
}

function suite(file: FileResult, scan: ScanResult): Suite {
  const cases: string[] = [];
  let failures = 0;
  let errors = 0;
  for (const finding of file.findings) {
    const line = finding.range.start.line + 1;
    const name = `${finding.ruleId} at ${line}:${finding.range.start.character + 1}`;
    const open = `    <testcase name="${attr(name)}" classname="${attr(file.path)}" file="${attr(file.path)}" line="${line}">`;
    if (finding.suppression) {
      cases.push(`${open}\n      <skipped message="${attr(`suppressed: ${finding.suppression.justification || 'no reason given'}`)}"/>\n    </testcase>`);
    } else if (SEVERITY_RANK[finding.severity] >= SEVERITY_RANK[scan.threshold]) {
      failures++;
      const details = `${finding.severity}: ${finding.message}\n${file.path}:${line}:${finding.range.start.character + 1} (${finding.ruleId})`;
      cases.push(`${open}\n      <failure type="${attr(finding.ruleId)}" message="${attr(finding.message)}">${text(details)}</failure>\n    </testcase>`);
    } else {
      cases.push(`${open}\n      <system-out>${text(`${finding.severity}: ${finding.message}`)}</system-out>\n    </testcase>`);
    }
  }
  for (const notice of file.notices) {
    if (notice.kind === 'skipped' && notice.level === 'info') continue;
    const line = notice.range ? notice.range.start.line + 1 : 1;
    const name = `${notice.kind}${notice.range ? ` at ${line}` : ''}`;
    const open = `    <testcase name="${attr(name)}" classname="${attr(file.path)}" file="${attr(file.path)}" line="${line}">`;
    if (notice.level === 'info') {
      cases.push(`${open}\n      <system-out>${text(notice.message)}</system-out>\n    </testcase>`);
    } else {
      errors++;
      cases.push(`${open}\n      <error type="${attr(notice.kind)}" message="${attr(notice.message)}">${text(notice.message)}</error>\n    </testcase>`);
    }
  }
  if (!cases.length) cases.push(`    <testcase name="no problems" classname="${attr(file.path)}" file="${attr(file.path)}"/>`);
  const xml = [`  <testsuite name="${attr(file.path)}" tests="${cases.length}" failures="${failures}" errors="${errors}" skipped="${file.findings.filter((f) => f.suppression).length}">`, ...cases, '  </testsuite>'].join('\n');
  return { xml, tests: cases.length, failures, errors };
}

/** XML 1.0 cannot carry most control characters at all, even escaped: replace them. */
function clean(value: string): string {
  return value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '\ufffd');
}

function attr(value: string): string {
  return clean(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

function text(value: string): string {
  return clean(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
