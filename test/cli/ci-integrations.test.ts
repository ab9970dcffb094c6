// The GitHub Action's scan step and the pre-commit hook, run as CI and pre-commit would run them:
// the Action's script with the INPUT_* variables and GITHUB_* files GitHub sets; the hook's entry on
// the staged files of a temporary git repository.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { REPO, spawnCli } from './run-cli';

const key = (name: string, rotation = false) => `resource "aws_kms_key" "${name}" {\n  description         = "${name}"\n  enable_key_rotation = ${rotation}\n}\n`;

function workspace(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'enclint-ci-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

describe('GitHub Action (action.yml)', () => {
  const action = parse(fs.readFileSync(path.join(REPO, 'action.yml'), 'utf8'));

  function runAction(dir: string, inputs: Record<string, string>) {
    spawnCli(['--version']); // builds dist/ when a test runs before `npm run build`
    const summary = path.join(dir, 'summary.md');
    const output = path.join(dir, 'output.txt');
    const env: Record<string, string> = { ...process.env, GITHUB_WORKSPACE: dir, GITHUB_STEP_SUMMARY: summary, GITHUB_OUTPUT: output, RUNNER_TEMP: os.tmpdir() } as Record<string, string>;
    for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase().replace(/-/g, '_')}`] = value;
    const run = spawnSync(process.execPath, [path.join(REPO, 'scripts/ci/github-action.mjs')], { cwd: dir, env, encoding: 'utf8' });
    const outputs = Object.fromEntries(
      (fs.existsSync(output) ? fs.readFileSync(output, 'utf8') : '')
        .split('\n')
        .filter(Boolean)
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    );
    return { run, outputs, summary: fs.existsSync(summary) ? fs.readFileSync(summary, 'utf8') : '' };
  }

  it('is a composite action on Node 20 that runs the tested script and uploads SARIF', () => {
    assert.equal(action.runs.using, 'composite');
    const steps = action.runs.steps as Array<Record<string, unknown>>;
    assert.ok(steps.some((s) => s.uses === 'actions/setup-node@v4' && (s.with as { 'node-version': number })['node-version'] === 20));
    assert.ok(steps.some((s) => String(s.run ?? '').includes('scripts/ci/github-action.mjs')));
    assert.ok(steps.some((s) => String(s.uses ?? '').startsWith('github/codeql-action/upload-sarif@')));
    // Every input the scan step passes is declared, and every declared input is used somewhere.
    const scan = steps.find((s) => s.id === 'scan') as { env: Record<string, string> };
    for (const value of Object.values(scan.env)) {
      const used = /inputs\.([\w-]+)/.exec(value)?.[1];
      if (used) assert.ok(action.inputs[used], `input ${used} is declared`);
    }
    const text = fs.readFileSync(path.join(REPO, 'action.yml'), 'utf8');
    for (const name of Object.keys(action.inputs)) assert.match(text, new RegExp(`inputs\\.${name}\\b`), `input ${name} is used`);
  });

  it('scans, writes SARIF, a Markdown summary and the outputs, and fails by threshold', () => {
    const dir = workspace({ 'infra/main.tf': key('data') });
    const failing = runAction(dir, { paths: 'infra', 'severity-threshold': 'error', 'sarif-file': 'out/enclint.sarif', 'fail-on-findings': 'true' });
    assert.equal(failing.run.status, 1, failing.run.stderr);
    assert.equal(failing.outputs['exit-code'], '1');
    assert.equal(failing.outputs.findings, '1');
    const sarif = JSON.parse(fs.readFileSync(failing.outputs['sarif-file'], 'utf8'));
    assert.ok(sarif.runs[0].results.some((r: { ruleId: string; level: string }) => r.ruleId === 'kms-key-rotation' && r.level === 'error'));
    assert.match(failing.summary, /❌ \*\*1 finding at or above `error`\*\*/);
    assert.match(failing.summary, /\| key-rotation \| 1 \| 0 \| 0 \| 1 \|/);

    // The composite action defers failing to its last step (after the SARIF upload).
    const deferred = runAction(dir, { paths: 'infra', 'fail-on-findings': 'false' });
    assert.equal(deferred.run.status, 0);
    assert.equal(deferred.outputs['exit-code'], '1');
  });

  it('passes a clean workspace and reports a configuration error as exit 2 without a SARIF file', () => {
    const clean = runAction(workspace({ 'main.tf': 'locals {\n  region = "eu-west-1"\n}\n' }), { paths: '.', 'fail-on-findings': 'true' });
    assert.equal(clean.run.status, 0, clean.run.stderr);
    assert.match(clean.summary, /✅ \*\*no findings/);
    const broken = runAction(workspace({ 'main.tf': key('k'), '.enclint.yaml': 'profile: lax\n' }), { paths: '.' });
    assert.equal(broken.run.status, 2);
    assert.equal(broken.outputs['sarif-file'], '');
    assert.match(broken.run.stderr, /invalid configuration: \.enclint\.yaml:1:10/);
  });
});

describe('pre-commit hook (.pre-commit-hooks.yaml)', () => {
  const hooks = parse(fs.readFileSync(path.join(REPO, '.pre-commit-hooks.yaml'), 'utf8')) as Array<{ id: string; entry: string; language: string; files: string }>;
  const hook = hooks.find((h) => h.id === 'enclint')!;

  /** What pre-commit does: the hook's entry with the staged files that match `files` appended. */
  function runHook(dir: string, entry: string): ReturnType<typeof spawnSync> {
    const staged = spawnSync('git', ['diff', '--cached', '--name-only', '--diff-filter=ACMR'], { cwd: dir, encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
    const files = staged.filter((file) => new RegExp(hook.files).test(file));
    const [command, ...args] = entry.split(' ');
    assert.equal(command, 'enclint');
    spawnCli(['--version']);
    return spawnSync(process.execPath, [path.join(REPO, 'bin/enclint.js'), ...args, ...files], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  }

  function gitRepo(files: Record<string, string>, stage: string[]): string {
    const dir = workspace(files);
    const git = (...args: string[]) => spawnSync('git', args, { cwd: dir, encoding: 'utf8' });
    git('init', '-q');
    git('add', ...stage);
    return dir;
  }

  it('is a node hook whose file pattern takes every source kind enclint reads', () => {
    assert.equal(hook.language, 'node');
    const pattern = new RegExp(hook.files);
    for (const file of ['main.tf', 'prod.tfvars', 'policy.json', 'template.yaml', 'stack.ts', 'app.py', 'main.go', 'App.java', '.env', 'svc/.env.production']) {
      assert.ok(pattern.test(file), file);
    }
    for (const file of ['README.md', 'image.png', 'Makefile']) assert.ok(!pattern.test(file), file);
  });

  it('fails the commit on a staged violation and reports only staged files', () => {
    const dir = gitRepo({ 'staged.tf': key('staged'), 'unstaged.tf': key('unstaged'), 'README.md': '# x\n' }, ['staged.tf', 'README.md']);
    const run = runHook(dir, hook.entry);
    assert.equal(run.status, 1, String(run.stderr));
    assert.match(String(run.stdout), /staged\.tf/);
    assert.doesNotMatch(String(run.stdout), /unstaged\.tf/);
  });

  it('passes a clean commit, and the fix hook repairs the staged file', () => {
    const clean = runHook(gitRepo({ 'main.tf': 'locals {\n  region = "eu-west-1"\n}\n' }, ['main.tf']), hook.entry);
    assert.equal(clean.status, 0, String(clean.stdout));
    const dir = gitRepo({ 'main.tf': key('k') }, ['main.tf']);
    const fix = runHook(dir, hooks.find((h) => h.id === 'enclint-fix')!.entry);
    assert.match(String(fix.stdout), /fixed 1 problem/);
    assert.match(fs.readFileSync(path.join(dir, 'main.tf'), 'utf8'), /enable_key_rotation = true/);
  });
});
