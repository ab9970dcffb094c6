// How teams adopt enclint on a repository with history: baselines, suppressions that expire or
// must give a reason, unused directives, path ignores with reason and expiry, and the report formats
// CI systems read (JUnit, GitLab Code Quality, Markdown), each validated against its schema.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv';
import { validateXML } from 'xmllint-wasm';
import { REPO, runCli } from './run-cli';

const ROTATION = ['--rule', 'kms-key-rotation'];
const key = (name: string) => `resource "aws_kms_key" "${name}" {\n  description = "${name}"\n}\n`;

function tempRepo(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'enclint-adopt-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const json = async (args: string[], cwd: string) => {
  const run = await runCli([...args, '--format', 'json'], cwd);
  return { ...run, report: JSON.parse(run.stdout) };
};

describe('baseline', () => {
  it('records today\'s findings, then reports only new ones and survives lines moving above them', async () => {
    const dir = tempRepo({ 'main.tf': key('old') });
    const written = await runCli(['scan', '.', ...ROTATION, '--write-baseline', '.enclint-baseline.json'], dir);
    assert.equal(written.code, 0, written.stderr);
    assert.match(written.stderr, /recorded 1 finding in \.enclint-baseline\.json/);
    const baseline = JSON.parse(fs.readFileSync(path.join(dir, '.enclint-baseline.json'), 'utf8'));
    assert.equal(baseline.findings.length, 1);
    assert.equal(baseline.findings[0].ruleId, 'kms-key-rotation');

    // Unchanged: nothing new, exit 0, and the hidden finding is counted.
    const same = await json(['scan', '.', ...ROTATION, '--baseline', '.enclint-baseline.json'], dir);
    assert.equal(same.code, 0, same.stdout);
    assert.equal(same.report.summary.baselined, 1);
    assert.equal(same.report.files.flatMap((f: { findings: unknown[] }) => f.findings).length, 0);

    // Lines added above the known finding, and a new violation below: only the new one is reported.
    fs.writeFileSync(path.join(dir, 'main.tf'), `# a comment\n\nlocals {\n  x = 1\n}\n\n${key('old')}\n${key('new')}`);
    const moved = await json(['scan', '.', ...ROTATION, '--baseline', '.enclint-baseline.json'], dir);
    assert.equal(moved.code, 1);
    const findings = moved.report.files.flatMap((f: { findings: Array<{ message: string }> }) => f.findings);
    assert.equal(findings.length, 1);
    assert.match(findings[0].message, /aws_kms_key\.new/);
    assert.equal(moved.report.summary.baselined, 1);
  });

  it('says how many entries are fixed and --prune-baseline removes exactly those', async () => {
    const dir = tempRepo({ 'a.tf': key('a') + key('b') });
    await runCli(['scan', '.', ...ROTATION, '--write-baseline', 'base.json'], dir);
    fs.writeFileSync(path.join(dir, 'a.tf'), `${key('a')}resource "aws_kms_key" "b" {\n  enable_key_rotation = true\n}\n`);
    const run = await runCli(['scan', '.', ...ROTATION, '--baseline', 'base.json'], dir);
    assert.match(run.stderr, /baseline base\.json: 1 known finding hidden, 1 fixed \(shrink the file with --prune-baseline\)/);
    const pruned = await runCli(['scan', '.', ...ROTATION, '--baseline', 'base.json', '--prune-baseline'], dir);
    assert.match(pruned.stderr, /1 fixed; removed them from base\.json/);
    const after = JSON.parse(fs.readFileSync(path.join(dir, 'base.json'), 'utf8'));
    assert.deepEqual(after.findings.map((e: { message: string }) => /aws_kms_key\.(\w+)/.exec(e.message)?.[1]), ['a']);
  });

  it('does not call entries of files outside the scanned paths fixed', async () => {
    const dir = tempRepo({ 'one/main.tf': key('one'), 'two/main.tf': key('two') });
    await runCli(['scan', '.', ...ROTATION, '--write-baseline', 'base.json'], dir);
    const run = await runCli(['scan', 'one', ...ROTATION, '--baseline', 'base.json'], dir);
    assert.equal(run.code, 0);
    assert.match(run.stderr, /1 known finding hidden, 0 fixed/);
  });

  it('rejects a file that is not a baseline, and flag combinations that make no sense', async () => {
    const dir = tempRepo({ 'main.tf': key('k'), 'bad.json': '{"findings": 3}' });
    const bad = await runCli(['scan', '.', '--baseline', 'bad.json'], dir);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /is not an enclint baseline/);
    assert.equal((await runCli(['scan', '.', '--prune-baseline'], dir)).code, 2);
    assert.equal((await runCli(['scan', '.', '--baseline', 'x.json', '--write-baseline', 'y.json'], dir)).code, 2);
  });
});

describe('suppressions that expire and explain', () => {
  const suppressed = (until: string) => `# enclint-disable-next-line kms-key-rotation -- imported key material (RISK-1) [until ${until}]\n${key('k')}`;

  it('applies until the date, and afterwards reports the finding again with a note', async () => {
    const future = await json(['scan', '.', ...ROTATION], tempRepo({ 'main.tf': suppressed('2999-12-31') }));
    assert.equal(future.code, 0);
    const kept = future.report.files[0].findings[0];
    assert.deepEqual(kept.suppression, { kind: 'inSource', justification: 'imported key material (RISK-1)', until: '2999-12-31' });
    const sarif = JSON.parse((await runCli(['scan', '.', ...ROTATION, '--format', 'sarif'], tempRepo({ 'main.tf': suppressed('2999-12-31') }))).stdout);
    assert.deepEqual(sarif.runs[0].results[0].suppressions, [{ kind: 'inSource', justification: 'imported key material (RISK-1)', properties: { until: '2999-12-31' } }]);

    const past = await json(['scan', '.', ...ROTATION], tempRepo({ 'main.tf': suppressed('2020-01-31') }));
    assert.equal(past.code, 1);
    const back = past.report.files[0].findings[0];
    assert.equal(back.suppression, undefined);
    assert.match(back.message, /\[its suppression expired on 2020-01-31: "imported key material \(RISK-1\)"\]$/);
  });

  it('treats an unreadable date as expired and says how to write it', async () => {
    const run = await json(['scan', '.', ...ROTATION], tempRepo({ 'main.tf': suppressed('next-year') }));
    assert.equal(run.code, 1);
    assert.match(run.report.files[0].notices[0].message, /unreadable expiry "next-year": write it as \[until YYYY-MM-DD\]/);
  });

  it('requireReason: a suppression without a reason does not apply and is an error', async () => {
    const dir = tempRepo({ 'main.tf': `# enclint-disable-next-line kms-key-rotation\n${key('k')}`, '.enclint.yaml': 'requireReason: true\n' });
    const run = await json(['scan', '.', ...ROTATION], dir);
    assert.equal(run.code, 1);
    assert.equal(run.report.files.find((f: { path: string }) => f.path === 'main.tf').findings[0].suppression, undefined);
    assert.ok(run.report.files.flatMap((f: { notices: Array<{ message: string; level: string }> }) => f.notices).some((n: { message: string; level: string }) => n.level === 'error' && /requireReason/.test(n.message)));
    // Without the option the same suppression applies (with the usual warning notice).
    const lenient = await json(['scan', 'main.tf', ...ROTATION], tempRepo({ 'main.tf': `# enclint-disable-next-line kms-key-rotation\n${key('k')}` }));
    assert.ok(lenient.report.files[0].findings[0].suppression);
  });

  it('--report-unused-disable-directives reports directives that suppress nothing, in text and SARIF', async () => {
    const dir = tempRepo({
      'main.tf': `# enclint-disable-next-line kms-key-rotation -- was imported\nresource "aws_kms_key" "k" {\n  enable_key_rotation = true\n}\n# enclint-disable-next-line no-such-rule -- typo\nlocals {}\n`,
    });
    const quiet = await runCli(['scan', '.', ...ROTATION], dir);
    assert.equal(quiet.code, 0, 'without the flag unused directives do not fail the run');
    const text = await runCli(['scan', '.', ...ROTATION, '--report-unused-disable-directives'], dir);
    assert.equal(text.code, 1);
    assert.match(text.stdout, /1:1 +warning +unused enclint-disable directive: no kms-key-rotation finding on line 2 to suppress; remove it +\(unused-directive\)/);
    assert.match(text.stdout, /5:1 +warning +unused enclint-disable directive: no no-such-rule finding/);
    const sarif = JSON.parse((await runCli(['scan', '.', ...ROTATION, '--report-unused-disable-directives', '--format', 'sarif'], dir)).stdout);
    const notes = sarif.runs[0].invocations[0].toolExecutionNotifications.filter((n: { descriptor: { id: string } }) => n.descriptor.id === 'unused-directive');
    assert.equal(notes.length, 2);
  });

  it('enclint-disable-file suppresses a rule in the whole file; a line directive wins for its line', async () => {
    const dir = tempRepo({
      'main.tf': `# enclint-disable-file kms-key-rotation -- keys of the legacy account (RISK-9) [until 2999-01-01]\n${key('a')}# enclint-disable-next-line kms-key-rotation -- imported\n${key('b')}`,
      'other.tf': key('c'),
    });
    const run = await json(['scan', '.', ...ROTATION], dir);
    assert.equal(run.code, 1, 'other.tf is not covered');
    const main = run.report.files.find((f: { path: string }) => f.path === 'main.tf');
    assert.deepEqual(
      main.findings.map((f: { suppression?: { justification: string } }) => f.suppression?.justification),
      ['keys of the legacy account (RISK-9)', 'imported'],
    );
    assert.equal(run.report.files.find((f: { path: string }) => f.path === 'other.tf').findings[0].suppression, undefined);
    const unused = await runCli(['scan', '.', ...ROTATION, '--report-unused-disable-directives'], tempRepo({ 'main.tf': `# enclint-disable-file kms-key-rotation -- x\nlocals {}\n` }));
    assert.match(unused.stdout, /no kms-key-rotation finding in this file to suppress/);
  });

  it('does not call a directive unused when its rule did not run', async () => {
    const dir = tempRepo({ 'main.tf': `# enclint-disable-next-line encryption-at-rest -- legacy bucket\nresource "aws_kms_key" "k" {\n  enable_key_rotation = true\n}\n` });
    const run = await runCli(['scan', '.', ...ROTATION, '--report-unused-disable-directives'], dir);
    assert.equal(run.code, 0, run.stdout);
  });
});

describe('path ignores with reason and expiry', () => {
  it('an entry in force hides its files; an expired one scans them again and says so', async () => {
    const config = (until: string) => `ignore:\n  - path: legacy/**\n    reason: decommissioned in Q1 (RISK-7)\n    until: ${until}\n`;
    const inForce = await json(['scan', '.', ...ROTATION], tempRepo({ '.enclint.yaml': config('2999-01-01'), 'legacy/main.tf': key('old') }));
    assert.equal(inForce.code, 0);
    const expired = await json(['scan', '.', ...ROTATION], tempRepo({ '.enclint.yaml': config('2020-01-01'), 'legacy/main.tf': key('old') }));
    assert.equal(expired.code, 1);
    const notice = expired.report.files.flatMap((f: { notices: Array<{ message: string }> }) => f.notices).find((n: { message: string }) => /expired/.test(n.message));
    assert.match(notice.message, /ignore entry "legacy\/\*\*" expired on 2020-01-01 \("decommissioned in Q1 \(RISK-7\)"\): its files are scanned again/);
  });

  it('a malformed entry is a configuration error with its line', async () => {
    const run = await runCli(['scan', '.'], tempRepo({ '.enclint.yaml': 'ignore:\n  - path: a/**\n    until: soon\n', 'main.tf': key('k') }));
    assert.equal(run.code, 2);
    assert.match(run.stderr, /\.enclint\.yaml:3:12: ignore\[\]\.until must be a date written YYYY-MM-DD/);
  });
});

describe('formats CI systems read', () => {
  const examples = path.join(REPO, 'examples');

  it('--format junit is valid against the JUnit schema and counts failures per file', async () => {
    const run = await runCli(['scan', '.', '--format', 'junit'], examples);
    assert.equal(run.code, 1);
    const schema = fs.readFileSync(path.join(REPO, 'test/schemas/junit.xsd'), 'utf8');
    const result = await validateXML({ xml: [{ fileName: 'enclint.xml', contents: run.stdout }], schema: [schema] });
    assert.deepEqual(result.errors, [], result.rawOutput);
    const json = JSON.parse((await runCli(['scan', '.', '--format', 'json'], examples)).stdout);
    const failures = Number(/<testsuites [^>]*failures="(\d+)"/.exec(run.stdout)![1]);
    assert.equal(failures, json.summary.failing);
    assert.equal((run.stdout.match(/<testsuite /g) ?? []).length, json.files.length);
  });

  it('a JUnit report escapes what XML cannot carry raw', async () => {
    const dir = tempRepo({ 'a&b<"c>.tf': key('k') });
    const run = await runCli(['scan', '.', ...ROTATION, '--format', 'junit'], dir);
    const schema = fs.readFileSync(path.join(REPO, 'test/schemas/junit.xsd'), 'utf8');
    const result = await validateXML({ xml: [{ fileName: 'enclint.xml', contents: run.stdout }], schema: [schema] });
    assert.deepEqual(result.errors, [], result.rawOutput);
    assert.match(run.stdout, /name="a&amp;b&lt;&quot;c&gt;\.tf"/);
  });

  it('--format gitlab is valid against the Code Quality schema with unique fingerprints', async () => {
    const run = await runCli(['scan', '.', '--format', 'gitlab'], examples);
    const issues: Array<{ fingerprint: string }> = JSON.parse(run.stdout);
    const schema = JSON.parse(fs.readFileSync(path.join(REPO, 'test/schemas/gitlab-code-quality.schema.json'), 'utf8'));
    const validate = new Ajv({ allErrors: true }).compile(schema);
    assert.ok(validate(issues), JSON.stringify(validate.errors?.slice(0, 3)));
    const json = JSON.parse((await runCli(['scan', '.', '--format', 'json'], examples)).stdout);
    assert.equal(issues.length, json.summary.errors + json.summary.warnings + json.summary.infos);
    assert.equal(new Set(issues.map((i: { fingerprint: string }) => i.fingerprint)).size, issues.length);
  });

  it('--format markdown summarises per family and severity with links to the rule pages', async () => {
    const run = await runCli(['scan', '.', '--format', 'markdown'], examples);
    const json = JSON.parse((await runCli(['scan', '.', '--format', 'json'], examples)).stdout);
    assert.match(run.stdout, new RegExp(`❌ \\*\\*${json.summary.failing} findings at or above \`warning\`\\*\\*`));
    assert.match(run.stdout, /\| family \| error \| warning \| info \| total \|/);
    assert.match(run.stdout, /\[`kms-key-rotation`\]\(https:\/\/github\.com\/enclint\/enclint\/blob\/main\/docs\/rules\/kms-key-rotation\.md\)/);
    const clean = await runCli(['scan', '.', ...ROTATION, '--format', 'markdown'], tempRepo({ 'main.tf': 'locals {}\n' }));
    assert.match(clean.stdout, /✅ \*\*no findings at or above `warning`\*\*/);
  });

  it('infers the format from the output file name', async () => {
    const dir = tempRepo({ 'main.tf': key('k') });
    await runCli(['scan', '.', ...ROTATION, '-o', 'out/report.xml'], dir);
    assert.match(fs.readFileSync(path.join(dir, 'out/report.xml'), 'utf8'), /^<\?xml/);
    await runCli(['scan', '.', ...ROTATION, '-o', 'summary.md'], dir);
    assert.match(fs.readFileSync(path.join(dir, 'summary.md'), 'utf8'), /^## enclint/);
  });
});

describe('enclint report (HTML evidence)', () => {
  it('writes one self-contained page grouped by control, with counts that match the JSON output', async () => {
    const dir = tempRepo({
      'main.tf': `${key('bad')}# enclint-disable-next-line kms-key-rotation -- imported key (RISK-9) [until 2999-01-01]\n${key('waived')}`,
      '.enclint.yaml': 'policyMapping:\n  kms-key-rotation: "ACME-SEC-7.2 Key rotation"\nignore:\n  - path: legacy/**\n    reason: retired\n',
    });
    const run = await runCli(['report', '.', '-o', 'evidence.html'], dir);
    assert.equal(run.code, 1, run.stderr);
    const html = fs.readFileSync(path.join(dir, 'evidence.html'), 'utf8');
    assert.doesNotMatch(html, /<script|<link|\bsrc=|url\(/i, 'no script and nothing loaded from elsewhere');
    assert.match(html, /Content-Security-Policy" content="default-src 'none'/);
    const json = JSON.parse((await runCli(['scan', '.', '--format', 'json'], dir)).stdout);
    const count = (id: string) => Number(new RegExp(`data-testid="count-${id}">(\\d+)<`).exec(html)![1]);
    assert.equal(count('errors'), json.summary.errors);
    assert.equal(count('suppressed'), json.summary.suppressed);
    assert.match(html, /<tr data-control="ACME-SEC-7.2 Key rotation"><td>ACME-SEC-7.2 Key rotation<\/td><td class="fail">FAIL<\/td><td class="num">1<\/td><td class="num">1<\/td>/);
    assert.match(html, /<tr data-control="SOC 2 CC6.7"><td>SOC 2 CC6.7<\/td><td class="(pass|fail)">/);
    assert.match(html, /imported key \(RISK-9\)<\/td><td>2999-01-01<\/td>/);
    assert.match(html, /<code>legacy\/\*\*<\/code><\/td><td>\.enclint\.yaml<\/td><td>retired<\/td>/);
  });
});
