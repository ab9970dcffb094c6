// End to end over the bundled examples/ with every registered rule: `--fix` must leave files that
// still parse, reach a fixed point (no safe fix left to apply), and a re-scan must agree with what
// the fix run reported. This is the repository-level form of the rule tester's fix checks.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO, runCli } from './run-cli';

interface Report {
  files: Array<{ path: string; notices: Array<{ kind: string; message: string }>; findings: Array<{ ruleId: string; message: string; suppression?: unknown; fixes: Array<{ safe: boolean }> }> }>;
  summary: { fixed: number };
}

const parseErrors = (report: Report) => new Map(report.files.map((f) => [f.path, f.notices.filter((n) => n.kind === 'parse-error').length]));

describe('enclint scan --fix on examples/', () => {
  it('leaves parseable files, no safe fix unapplied, and a re-scan that agrees', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'enclint-examples-'));
    fs.cpSync(path.join(REPO, 'examples'), dir, { recursive: true });
    const before: Report = JSON.parse((await runCli(['scan', '.', '--format', 'json'], dir)).stdout);
    const fixed: Report = JSON.parse((await runCli(['scan', '.', '--format', 'json', '--fix'], dir)).stdout);
    const after: Report = JSON.parse((await runCli(['scan', '.', '--format', 'json'], dir)).stdout);

    assert.ok(fixed.summary.fixed > 0, 'examples/ has safe fixes to apply');
    const errorsBefore = parseErrors(before);
    for (const [file, count] of parseErrors(after)) assert.ok(count <= (errorsBefore.get(file) ?? 0), `${file} no longer parses cleanly after --fix`);
    const leftovers = after.files.flatMap((f) => f.findings.filter((x) => !x.suppression && x.fixes.some((fix) => fix.safe)).map((x) => `${f.path}: ${x.ruleId}: ${x.message}`));
    assert.deepEqual(leftovers, [], 'findings with a safe fix remain after --fix');
    const summary = (report: Report) => report.files.map((f) => `${f.path} ${f.findings.map((x) => x.ruleId).join(',')}`);
    assert.deepEqual(summary(after), summary(fixed), 'the fix run reports what a re-scan finds');
  });
});
