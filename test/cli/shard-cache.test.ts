// --shard K/N and --cache: sharded scans add up to the unsharded one (Terraform modules never split),
// each shard's SARIF has its own automation category, and a cached scan reports exactly what an
// uncached one does — also after a file changes, including a file another file's findings depend on.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseShard, pathHash } from '../../server/src/cli/shard';
import { REPO, runCli } from './run-cli';

interface JsonReport {
  files: Array<{ path: string; findings: Array<{ ruleId: string; range: { start: { line: number; character: number } }; fingerprint: string; message: string }>; notices: unknown[] }>;
}

/** Every finding as one comparable line, sorted. */
function findingLines(report: JsonReport): string[] {
  return report.files
    .flatMap((file) => file.findings.map((f) => `${file.path}:${f.range.start.line}:${f.range.start.character} ${f.ruleId} ${f.fingerprint} ${f.message}`))
    .sort();
}

async function scanJson(args: string[], cwd: string): Promise<{ report: JsonReport; stderr: string; code: number }> {
  const run = await runCli(['scan', ...args, '--format', 'json', '--stats'], cwd);
  assert.ok(run.code === 0 || run.code === 1, run.stderr);
  return { report: JSON.parse(run.stdout) as JsonReport, stderr: run.stderr, code: run.code };
}

function copyOfExamples(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'enclint-shard-'));
  fs.cpSync(path.join(REPO, 'examples'), dir, { recursive: true });
  return dir;
}

describe('enclint scan --shard', () => {
  it('rejects a shard that is not K/N with 1 <= K <= N', async () => {
    for (const bad of ['0/2', '3/2', '1', 'a/b', '1/0']) {
      assert.throws(() => parseShard(bad), /--shard must be K\/N/);
      const run = await runCli(['scan', 'examples', '--shard', bad]);
      assert.equal(run.code, 2, bad);
    }
    assert.deepEqual(parseShard('2/5'), { index: 2, count: 5 });
  });

  it('hashes paths stably (FNV-1a)', () => {
    assert.equal(pathHash(''), 0x811c9dc5);
    assert.equal(pathHash('a'), 0xe40c292c);
  });

  it('the union of 3 shards is the unsharded scan, each file in exactly one shard, modules whole', async () => {
    const whole = await scanJson(['examples'], REPO);
    const shards = await Promise.all([1, 2, 3].map((k) => scanJson(['examples', '--shard', `${k}/3`], REPO)));
    const union = shards.flatMap((s) => findingLines(s.report)).sort();
    assert.deepEqual(union, findingLines(whole.report));
    const paths = shards.flatMap((s) => s.report.files.map((f) => f.path));
    assert.deepEqual([...paths].sort(), whole.report.files.map((f) => f.path).sort());
    assert.equal(new Set(paths).size, paths.length, 'a file was scanned by two shards');
    // Every Terraform directory lives in one shard.
    const shardOfDir = new Map<string, number>();
    shards.forEach((s, k) => {
      for (const file of s.report.files.filter((f) => /\.tf(vars)?$/.test(f.path))) {
        const dir = path.posix.dirname(file.path);
        assert.equal(shardOfDir.get(dir) ?? k, k, `${dir} split across shards`);
        shardOfDir.set(dir, k);
      }
    });
    assert.ok(shardOfDir.size >= 3, 'the examples have several Terraform modules');
    // More than one shard actually got work.
    assert.ok(shards.filter((s) => s.report.files.length > 0).length >= 2);
  });

  it('names each shard in SARIF runAutomationDetails, and not an unsharded run', async () => {
    const ids = [];
    for (const k of [1, 2]) {
      const run = await runCli(['scan', 'examples', '--shard', `${k}/2`, '--format', 'sarif']);
      ids.push((JSON.parse(run.stdout) as { runs: Array<{ automationDetails?: { id: string } }> }).runs[0].automationDetails?.id);
    }
    assert.deepEqual(ids, ['enclint/shard-1-of-2/', 'enclint/shard-2-of-2/']);
    const plain = await runCli(['scan', 'examples', '--format', 'sarif']);
    assert.equal((JSON.parse(plain.stdout) as { runs: Array<{ automationDetails?: unknown }> }).runs[0].automationDetails, undefined);
  });
});

describe('enclint scan --cache', () => {
  let tree: string;
  let cacheDir: string;
  beforeEach(() => {
    tree = copyOfExamples();
    cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'enclint-cache-'));
  });
  afterEach(() => {
    fs.rmSync(tree, { recursive: true, force: true });
    fs.rmSync(cacheDir, { recursive: true, force: true });
  });

  it('reports exactly what an uncached scan does, and reuses every unit the second time', async () => {
    const uncached = await scanJson(['.'], tree);
    const first = await scanJson(['.', `--cache=${cacheDir}`], tree);
    const second = await scanJson(['.', `--cache=${cacheDir}`], tree);
    assert.deepEqual(first.report, uncached.report);
    assert.deepEqual(second.report, uncached.report);
    assert.equal(second.code, uncached.code);
    assert.match(first.stderr, /cache: 0 units reused, (\d+) analysed/);
    assert.match(second.stderr, /cache: \d+ units reused, 0 analysed/);
  });

  it('after one file changes, only its unit is analysed again and the findings match an uncached scan', async () => {
    await scanJson(['.', `--cache=${cacheDir}`], tree);
    // A variable default in variables.tf changes a finding reported in main.tf: the module's unit
    // must be analysed again although main.tf did not change.
    const variables = path.join(tree, 'terraform/rotation/variables.tf');
    const before = fs.readFileSync(variables, 'utf8');
    fs.writeFileSync(variables, before.replace('default     = "77760000s"', 'default     = "7776000s"'));
    assert.notEqual(fs.readFileSync(variables, 'utf8'), before, 'the fixture still has the default this test edits');
    const cached = await scanJson(['.', `--cache=${cacheDir}`], tree);
    const uncached = await scanJson(['.'], tree);
    assert.deepEqual(cached.report, uncached.report);
    assert.match(cached.stderr, /cache: \d+ units reused, 1 analysed/);
    const old = findingLines((await scanJson(['.'], tree)).report);
    fs.writeFileSync(variables, before);
    assert.notDeepEqual(findingLines((await scanJson(['.', `--cache=${cacheDir}`], tree)).report), old, 'the edit changed the findings');
  });

  it('a config change or another --rule is a different key', async () => {
    const all = await scanJson(['.', `--cache=${cacheDir}`], tree);
    const one = await scanJson(['.', `--cache=${cacheDir}`, '--rule', 'kms-key-rotation'], tree);
    assert.deepEqual(one.report, (await scanJson(['.', '--rule', 'kms-key-rotation'], tree)).report);
    assert.notDeepEqual(one.report, all.report);
    fs.writeFileSync(path.join(tree, '.enclint.yaml'), 'profile: strict\n');
    const strict = await scanJson(['.', `--cache=${cacheDir}`], tree);
    assert.deepEqual(strict.report, (await scanJson(['.'], tree)).report);
    assert.match(strict.stderr, /cache: 0 units reused/);
  });

  it('a corrupt entry is a miss, not an error; bare --cache uses a folder the scan skips', async () => {
    await scanJson(['.', `--cache=${cacheDir}`], tree);
    for (const sub of fs.readdirSync(cacheDir)) for (const entry of fs.readdirSync(path.join(cacheDir, sub))) fs.writeFileSync(path.join(cacheDir, sub, entry), '{not json');
    const again = await scanJson(['.', `--cache=${cacheDir}`], tree);
    assert.deepEqual(again.report, (await scanJson(['.'], tree)).report);
    assert.match(again.stderr, /cache: 0 units reused/);

    const bare = await scanJson(['--cache', '.'], tree);
    assert.ok(fs.existsSync(path.join(tree, '.enclint-cache')));
    const twice = await scanJson(['--cache', '.'], tree);
    assert.deepEqual(twice.report, bare.report);
    assert.match(twice.stderr, /cache: \d+ units reused, 0 analysed/);
  });
});
