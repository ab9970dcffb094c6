// enclint scan: exit codes, text output, config discovery and errors, --fix, module resolution,
// skipped folders, and bad input that must yield notices instead of crashes.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { threadId } from 'node:worker_threads';
import { FIXTURES, runCli, scratchCopy, spawnCli } from './run-cli';

const ROTATION = ['--rule', 'kms-key-rotation'];
const fixture = (name: string) => path.join('test/fixtures/cli', name);

describe('enclint scan', () => {
  describe('exit codes', () => {
    it('exits 0 and says so when nothing is found', async () => {
      const run = await runCli(['scan', fixture('clean'), ...ROTATION]);
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, /✔ no problems in 1 file/);
    });

    it('exits 1 on findings and prints them ESLint-style', async () => {
      const run = await runCli(['scan', fixture('findings'), ...ROTATION]);
      assert.equal(run.code, 1);
      const lines = run.stdout.split('\n');
      assert.ok(lines.includes('test/fixtures/cli/findings/main.tf'), run.stdout);
      assert.match(run.stdout, /^ {2}2:1 {2}error {2}aws_kms_key\.data \S.* {2}kms-key-rotation$/m);
      assert.match(run.stdout, /✖ 1 problem \(1 error, 0 warnings\)/);
      assert.match(run.stdout, /1 problem can be fixed with the `--fix` option/);
    });

    it('exits 0 when findings are below --severity-threshold', async () => {
      const dir = scratchCopy('findings');
      fs.writeFileSync(path.join(dir, '.enclint.yaml'), 'rules:\n  kms-key-rotation: info\n');
      const below = await runCli(['scan', dir, ...ROTATION]);
      assert.equal(below.code, 0, below.stdout);
      assert.match(below.stdout, /info/);
      const at = await runCli(['scan', dir, ...ROTATION, '--severity-threshold', 'info']);
      assert.equal(at.code, 1);
      const quiet = await runCli(['scan', dir, ...ROTATION, '--quiet']);
      assert.doesNotMatch(quiet.stdout, /kms-key-rotation/);
    });

    it('exits 2 with a message on usage errors', async () => {
      for (const args of [['scan', '--format', 'xml'], ['scan', '--bogus'], ['lint'], [], ['scan', 'no/such/dir'], ['scan', '--rule', 'no-such-rule'], ['scan', '--severity-threshold', 'fatal']]) {
        const run = await runCli(args);
        assert.equal(run.code, 2, `${args.join(' ')} → ${run.stdout}`);
        assert.match(run.stderr, /^enclint: \S/, args.join(' '));
      }
    });

    it('writes --output to a file, taking the format from its extension', async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'enclint-out-'));
      const run = await runCli(['scan', fixture('findings'), ...ROTATION, '--output', path.join(dir, 'nested/report.sarif')]);
      assert.equal(run.code, 1);
      assert.equal(run.stdout, '');
      assert.match(run.stderr, /^enclint: 1 problem \(1 error, 0 warnings, 0 info\) in 1 file → .*report\.sarif\n$/);
      assert.equal(JSON.parse(fs.readFileSync(path.join(dir, 'nested/report.sarif'), 'utf8')).version, '2.1.0');
    });

    it('--stats prints counts and time per rule on stderr only', async () => {
      const run = await runCli(['scan', fixture('module'), ...ROTATION, '--stats', '--format', 'json']);
      JSON.parse(run.stdout);
      assert.match(run.stderr, /^enclint: 2 files scanned, 0 skipped, 2 Terraform parses, no workers, \d+ ms$/m);
      assert.match(run.stderr, /^ {2}kms-key-rotation +\d+ ms +[\d.]+%$/m);
      assert.match(run.stderr, /^ {2}\(read \+ parse\) +\d+ ms/m);
      assert.doesNotMatch(run.stderr, /secret-rotation/, 'rules that did not run are not listed');
    });

    it('lists the registered rules', async () => {
      const text = await runCli(['rules']);
      assert.equal(text.code, 0);
      assert.match(text.stdout, /^kms-key-rotation +key-rotation +error +fix +Customer-managed keys must rotate automatically$/m);
      const json = await runCli(['rules', '--format', 'json']);
      const rotation = JSON.parse(json.stdout).find((r: { id: string }) => r.id === 'kms-key-rotation');
      assert.equal(rotation.docs, 'https://github.com/enclint/enclint/blob/main/docs/rules/kms-key-rotation.md');
      assert.ok(rotation.sources.includes('Terraform'));
      assert.equal((await runCli(['rules', 'extra'])).code, 2);
    });

    it('prints help and version with exit 0', async () => {
      const help = await runCli(['--help']);
      assert.equal(help.code, 0);
      assert.match(help.stdout, /usage: enclint scan/);
      const version = await runCli(['--version']);
      assert.match(version.stdout, /^\d+\.\d+\.\d+\n$/);
    });
  });

  describe('configuration', () => {
    it('stops with exit 2 and file:line:col for an invalid .enclint.yaml found upward', async () => {
      const dir = scratchCopy('bad-config');
      fs.mkdirSync(path.join(dir, 'modules/kms'), { recursive: true });
      fs.renameSync(path.join(dir, 'main.tf'), path.join(dir, 'modules/kms/main.tf'));
      const run = await runCli(['scan', 'modules/kms'], dir);
      assert.equal(run.code, 2);
      assert.equal(run.stdout, '');
      assert.equal(run.stderr, 'enclint: invalid configuration: .enclint.yaml:3:20: options.maxRotationDays must be a whole number of days from 1 to 3650\n');
    });

    it('reports an unknown rule in --config with its line', async () => {
      const dir = scratchCopy('clean');
      const config = path.join(dir, 'custom.yaml');
      fs.writeFileSync(config, 'rules:\n  kms-key-rotation: error\n  kms-key-rotaton: off\n');
      const run = await runCli(['scan', dir, '--config', config]);
      assert.equal(run.code, 2);
      assert.match(run.stderr, /custom\.yaml:3:3: unknown rule "kms-key-rotaton"/);
    });

    it('--config applies its options instead of the nearest config', async () => {
      const dir = scratchCopy('module');
      const config = path.join(dir, 'lenient.yaml');
      fs.writeFileSync(config, 'options:\n  maxRotationDays: 800\n');
      assert.equal((await runCli(['scan', dir, ...ROTATION])).code, 1);
      assert.equal((await runCli(['scan', dir, ...ROTATION, '--config', config])).code, 0);
    });

    it('honours ignore globs relative to the config', async () => {
      const run = await runCli(['scan', fixture('ignored'), ...ROTATION]);
      assert.equal(run.code, 0, run.stdout);
      assert.doesNotMatch(run.stdout, /legacy/);
    });

    it('uses the nearest .enclint.yaml for each directory', async () => {
      const dir = scratchCopy('findings');
      fs.mkdirSync(path.join(dir, 'legacy'));
      fs.copyFileSync(path.join(dir, 'main.tf'), path.join(dir, 'legacy', 'main.tf'));
      fs.writeFileSync(path.join(dir, 'legacy', '.enclint.yaml'), 'rules:\n  key-rotation: off # a whole family\n');
      const run = await runCli(['scan', dir, '--format', 'json', ...ROTATION]);
      const withFindings = JSON.parse(run.stdout).files.filter((f: { findings: unknown[] }) => f.findings.length).map((f: { path: string }) => path.relative(dir, f.path));
      assert.deepEqual(withFindings, ['main.tf']);
    });

    it('--profile strict raises the TLS minimum to 1.3 and --rule selects a family', async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'enclint-profile-'));
      fs.writeFileSync(path.join(dir, 'main.tf'), 'resource "aws_lb_listener" "api" {\n  port       = 443\n  protocol   = "HTTPS"\n  ssl_policy = "ELBSecurityPolicy-TLS-1-2-2017-01"\n}\n');
      assert.equal((await runCli(['scan', dir, '--rule', 'tls-min-version'])).code, 0);
      const strict = await runCli(['scan', dir, '--rule', 'tls-min-version', '--profile', 'strict']);
      assert.equal(strict.code, 1, strict.stdout);
      assert.match(strict.stdout, /TLS 1\.3/);
    });

    it('does not enter ignored folders, so a config inside one is never loaded', async () => {
      const dir = scratchCopy('findings');
      fs.cpSync(scratchCopy('bad-config'), path.join(dir, 'fixtures/bad-config'), { recursive: true });
      assert.equal((await runCli(['scan', dir, ...ROTATION])).code, 2, 'the broken config is found without the ignore');
      fs.writeFileSync(path.join(dir, '.enclint.yaml'), 'ignore:\n  - "fixtures/**"\n');
      const run = await runCli(['scan', dir, ...ROTATION]);
      assert.equal(run.code, 1, run.stderr);
      assert.doesNotMatch(run.stdout, /fixtures/);
    });

    it('--config with a missing file is a usage error', async () => {
      const run = await runCli(['scan', fixture('clean'), '--config', 'nope.yaml']);
      assert.equal(run.code, 2);
      assert.match(run.stderr, /config file not found: nope\.yaml/);
    });
  });

  describe('Terraform modules', () => {
    it('resolves var. across the files of a directory and names the origin', async () => {
      const run = await runCli(['scan', fixture('module'), ...ROTATION, '--format', 'json']);
      assert.equal(run.code, 1);
      const report = JSON.parse(run.stdout);
      const main = report.files.find((f: { path: string }) => f.path.endsWith('module/main.tf'));
      assert.equal(main.findings.length, 1);
      assert.match(main.findings[0].message, /730 days/);
      const related = main.findings[0].related[0];
      assert.match(related.path, /variables\.tf$/);
      assert.equal(related.range.start.line, 2, 'the related range is placed with variables.tf line index');
    });

    it('resolves var. from the module when only one of its files is named (pre-commit hooks)', async () => {
      const run = await runCli(['scan', fixture('module/main.tf'), ...ROTATION, '--format', 'json']);
      assert.equal(run.code, 1);
      const report = JSON.parse(run.stdout);
      assert.deepEqual(report.files.map((f: { path: string }) => f.path), ['test/fixtures/cli/module/main.tf'], 'variables.tf is read, not reported');
      assert.match(report.files[0].findings[0].message, /730 days/);
    });
  });

  describe('--fix', () => {
    it('writes the safe fix, reports it, and a re-scan is clean', async () => {
      const dir = scratchCopy('findings');
      const fixed = await runCli(['scan', dir, ...ROTATION, '--fix']);
      assert.equal(fixed.code, 0, fixed.stdout);
      assert.match(fixed.stdout, /✔ fixed 1 problem in 1 file/);
      assert.equal(
        fs.readFileSync(path.join(dir, 'main.tf'), 'utf8'),
        '# A key without automatic rotation: kms-key-rotation flags it and its safe fix sets the attribute.\nresource "aws_kms_key" "data" {\n  description         = "customer data"\n  enable_key_rotation = true\n}\n',
      );
      const again = await runCli(['scan', dir, ...ROTATION]);
      assert.equal(again.code, 0);
      assert.deepEqual(fs.readdirSync(dir), ['main.tf'], 'no temporary files left behind');
    });

    it('reports a file it cannot write as a notice and goes on', async () => {
      const dir = scratchCopy('findings');
      fs.mkdirSync(path.join(dir, 'other'));
      fs.copyFileSync(path.join(dir, 'main.tf'), path.join(dir, 'other', 'main.tf'));
      // Block the temporary file the fix is written through (root ignores permissions, so use a folder).
      fs.mkdirSync(path.join(fs.realpathSync(dir), `main.tf.enclint-${process.pid}-${threadId}.tmp`));
      const run = await runCli(['scan', dir, ...ROTATION, '--fix', '--format', 'json']);
      const report = JSON.parse(run.stdout);
      const blocked = report.files.find((f: { path: string }) => f.path.endsWith(`${path.basename(dir)}/main.tf`));
      assert.match(blocked.notices[0].message, /^could not write the fixes \(EISDIR\)$/);
      assert.deepEqual(blocked.findings.map((f: { ruleId: string }) => f.ruleId), ['kms-key-rotation'], 'the unfixed finding is still reported');
      assert.equal(run.code, 1);
      assert.equal(report.summary.fixed, 1, 'the other file is still fixed');
      assert.doesNotMatch(fs.readFileSync(path.join(dir, 'main.tf'), 'utf8'), /enable_key_rotation/);
    });

    it('does not touch a file whose finding is suppressed', async () => {
      const dir = scratchCopy('suppressed');
      const before = fs.readFileSync(path.join(dir, 'main.tf'), 'utf8');
      const run = await runCli(['scan', dir, ...ROTATION, '--fix']);
      assert.equal(run.code, 0);
      assert.equal(fs.readFileSync(path.join(dir, 'main.tf'), 'utf8'), before);
      assert.match(run.stdout, /1 suppressed inline/);
    });
  });

  describe('walking', () => {
    it('skips node_modules, .terraform, .git and cdk.out', async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'enclint-skip-'));
      const bad = fs.readFileSync(path.join(FIXTURES, 'findings/main.tf'));
      for (const skipped of ['node_modules/mod', '.terraform/modules/x', '.git/hooks', 'cdk.out/asset']) {
        fs.mkdirSync(path.join(dir, skipped), { recursive: true });
        fs.writeFileSync(path.join(dir, skipped, 'main.tf'), bad);
      }
      fs.mkdirSync(path.join(dir, 'src'));
      fs.writeFileSync(path.join(dir, 'src', 'main.tf'), bad);
      const run = await runCli(['scan', dir, ...ROTATION, '--format', 'json']);
      const paths = JSON.parse(run.stdout).files.map((f: { path: string }) => path.relative(dir, f.path));
      assert.deepEqual(paths, ['src/main.tf']);
    });

    it('scans a file named on the command line and notes unsupported ones', async () => {
      const run = await runCli(['scan', fixture('findings/main.tf'), 'README.md', ...ROTATION]);
      assert.equal(run.code, 1);
      assert.match(run.stdout, /README\.md\n {2}0:0 {2}info {2}skipped: not a file type enclint reads {2}\(skipped\)/);
    });
  });

  describe('bad input never crashes', () => {
    it('skips dangling links, links to folders and FIFOs; --fix writes through a symlink', async () => {
      const dir = scratchCopy('findings');
      fs.symlinkSync(path.join(dir, 'missing.tf'), path.join(dir, 'dangling.tf'));
      fs.mkdirSync(path.join(dir, 'folder'));
      fs.symlinkSync(path.join(dir, 'folder'), path.join(dir, 'folder-link.tf'));
      spawnSync('mkfifo', [path.join(dir, 'pipe.tf')]);
      fs.symlinkSync(path.join(dir, 'pipe.tf'), path.join(dir, 'pipe-link.tf'));
      fs.mkdirSync(path.join(dir, 'links'));
      fs.symlinkSync(path.join(dir, 'main.tf'), path.join(dir, 'links', 'linked.tf'));
      const run = await runCli(['scan', dir, ...ROTATION, '--format', 'json', '--fix']);
      const report = JSON.parse(run.stdout);
      const notice = (name: string) => report.files.find((f: { path: string }) => f.path.endsWith(`/${name}`))?.notices[0]?.message;
      assert.equal(notice('dangling.tf'), 'skipped: cannot read the file (ENOENT)');
      assert.equal(notice('folder-link.tf'), 'skipped: not a regular file (a folder)');
      assert.equal(notice('pipe-link.tf'), 'skipped: not a regular file');
      assert.ok(fs.lstatSync(path.join(dir, 'links', 'linked.tf')).isSymbolicLink(), 'the link is still a link');
      assert.match(fs.readFileSync(path.join(dir, 'main.tf'), 'utf8'), /enable_key_rotation = true/);
    });

    it('reports broken HCL, invalid JSON, binary and mis-encoded files as notices and scans the rest', async () => {
      const run = await runCli(['scan', fixture('bad-input'), ...ROTATION, '--format', 'json']);
      assert.equal(run.stderr, '');
      const report = JSON.parse(run.stdout);
      const byName = new Map(report.files.map((f: { path: string }) => [path.basename(f.path), f]));
      const notices = (name: string) => (byName.get(name) as { notices: Array<{ kind: string; message: string }> }).notices;
      assert.ok(notices('broken.tf').some((n) => n.kind === 'parse-error'), JSON.stringify(notices('broken.tf')));
      assert.ok(notices('invalid.json').some((n) => n.kind === 'parse-error'), JSON.stringify(notices('invalid.json')));
      assert.deepEqual(notices('binary.tf').map((n) => n.message), ['skipped: binary file (contains NUL bytes)']);
      assert.deepEqual(notices('latin1.tf').map((n) => n.message), ['skipped: not valid UTF-8 text']);
      assert.deepEqual(notices('empty.tf'), []);
      assert.equal(report.summary.filesSkipped, 2);
    });

    it('skips a file above maxFileBytes with a notice', async () => {
      const dir = scratchCopy('findings');
      fs.writeFileSync(path.join(dir, 'huge.tf'), `# ${'x'.repeat(300_000)}\n`);
      fs.writeFileSync(path.join(dir, '.enclint.yaml'), 'maxFileBytes: 100000\n');
      const run = await runCli(['scan', dir, ...ROTATION]);
      assert.equal(run.code, 1, 'the other file is still scanned');
      assert.match(run.stdout, /huge\.tf\n {2}0:0 {2}warning {2}skipped: 293\.0 KB is above the 97\.7 KB limit/);
      assert.match(run.stdout, /1 file skipped/);
    });
  });

  describe('the bundled CLI (node dist/cli.js)', () => {
    it('writes byte-identical SARIF with worker threads and in-process', () => {
      const threaded = spawnCli(['scan', 'examples', '--jobs', '2', '--format', 'sarif']);
      const inProcess = spawnCli(['scan', 'examples', '--jobs', '0', '--format', 'sarif']);
      assert.equal(threaded.code, 1, threaded.stderr);
      assert.ok(JSON.parse(threaded.stdout).runs[0].results.length > 10);
      assert.equal(threaded.stdout, inProcess.stdout);
    });

    it('exits with the same codes as in-process and parses each Terraform file once across workers', () => {
      const broken = spawnCli(['scan', scratchCopy('bad-config'), '--jobs', '2']);
      assert.equal(broken.code, 2, 'a broken config stops the run');
      assert.match(broken.stderr, /^enclint: invalid configuration: .*\.enclint\.yaml:3:20: /);
      const all = spawnCli(['scan', 'test/fixtures/cli', '--jobs', '2', ...ROTATION]);
      assert.equal(all.code, 1, `the fixtures scan without tripping over the disguised broken config: ${all.stderr}`);
      const clean = spawnCli(['scan', fixture('module'), fixture('findings'), fixture('clean'), '--jobs', '2', '--stats', ...ROTATION, '--format', 'json']);
      assert.equal(clean.code, 1, clean.stderr);
      assert.match(clean.stderr, /4 files scanned, 0 skipped, 4 Terraform parses, 2 workers/);
      const report = JSON.parse(clean.stdout);
      assert.deepEqual(
        report.files.map((f: { path: string }) => f.path),
        ['test/fixtures/cli/clean/main.tf', 'test/fixtures/cli/findings/main.tf', 'test/fixtures/cli/module/main.tf', 'test/fixtures/cli/module/variables.tf'],
      );
    });
  });
});
