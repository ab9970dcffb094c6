// The scan step of action.yml, as a plain Node script so it can be run (and tested) anywhere with the
// same inputs: INPUT_* variables as GitHub sets them, GITHUB_STEP_SUMMARY and GITHUB_OUTPUT files.
// It runs the real CLI once, writing SARIF (code scanning), Markdown (the summary) and JSON (the
// counts) from that one scan, appends the summary, writes the step outputs, and exits with enclint's code
// when INPUT_FAIL_ON_FINDINGS is "true" (the composite action fails in a later step instead, after
// the SARIF upload has run).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = path.join(root, 'bin', 'enclint.js');
const input = (name, fallback = '') => (process.env[`INPUT_${name}`] ?? fallback).trim();
const workspace = process.env.GITHUB_WORKSPACE || process.cwd();

const paths = input('PATHS', '.').split(/\s+/).filter(Boolean);
const threshold = input('SEVERITY_THRESHOLD', 'warning');
const sarifFile = input('SARIF_FILE', 'enclint.sarif');
const common = ['--severity-threshold', threshold];
if (input('CONFIG')) common.push('--config', input('CONFIG'));
if (input('BASELINE')) common.push('--baseline', input('BASELINE'));
if (input('PROFILE')) common.push('--profile', input('PROFILE'));

function enclint(args) {
  const run = spawnSync(process.execPath, [cli, 'scan', ...paths, ...common, ...args], { cwd: workspace, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 512 * 1024 * 1024 });
  if (run.error) throw run.error;
  return run;
}

// One scan, three reports: SARIF for code scanning, Markdown for the job summary, JSON for the counts.
const reports = fs.mkdtempSync(path.join(process.env.RUNNER_TEMP || os.tmpdir(), 'enclint-'));
const jsonFile = path.join(reports, 'enclint.json');
const markdownFile = path.join(reports, 'summary.md');
const run = enclint(['--format', 'sarif', '--output', sarifFile, '--json-output', jsonFile, '--markdown-output', markdownFile, '--quiet']);
process.stderr.write(run.stderr);
if (run.status === 2 || !fs.existsSync(jsonFile)) {
  // A usage or configuration error: nothing was scanned, so there is no report to upload.
  appendOutput({ 'exit-code': String(run.status ?? 2), findings: '0', 'sarif-file': '' });
  process.exit(run.status ?? 2);
}
const json = JSON.parse(fs.readFileSync(jsonFile, 'utf8'));
const markdown = fs.readFileSync(markdownFile, 'utf8');
if (process.env.GITHUB_STEP_SUMMARY) fs.appendFileSync(process.env.GITHUB_STEP_SUMMARY, `${markdown}\n`);
else process.stdout.write(markdown);
appendOutput({ 'exit-code': String(run.status), findings: String(json.summary.failing), 'sarif-file': path.resolve(workspace, sarifFile) });
console.log(`enclint: ${json.summary.failing} finding(s) at or above ${threshold} in ${json.summary.filesScanned} files; SARIF in ${sarifFile}`);
if (input('FAIL_ON_FINDINGS', 'true') === 'true') process.exit(run.status ?? 1);

function appendOutput(values) {
  const target = process.env.GITHUB_OUTPUT;
  const text = Object.entries(values).map(([key, value]) => `${key}=${value}\n`).join('');
  if (target) fs.appendFileSync(target, text);
}
