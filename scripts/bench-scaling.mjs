#!/usr/bin/env node
// Scaling benchmark: for every source kind, one file of 1k, 2k, 4k, 8k and 16k resources, each scanned
// by the real CLI on one worker (`--jobs 1`, whole process). Prints seconds (minus the scan of an empty
// file of the same kind, i.e. start-up) and the growth exponent per doubling: 1.0 is linear, 2.0
// quadratic. Seconds are the CPU time of the scanning process (user + system, read by the process
// itself at exit), not wall time: on a shared machine wall time measures the neighbours, and the
// exponent of a few tenths of a second is then noise. Then the two large single files of issue 11: 60k Terraform buckets (3.4 MB) and a 10 MB
// one-line CloudFormation JSON, and the bad-input case (the 60k-bucket file next to a good file).
//
// Generated files can be larger than the default 4 MiB limit (maxFileBytes): the benchmark scans with
// a config that raises it to 64 MiB, and says so; by default such files are skipped with a notice.
//
//   npm run bench:scaling [-- --sizes 1000,2000,4000 --kinds tf-,cfn- --runs 1 --no-large]
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cfnTemplate, KINDS, tfAwsBuckets } from './bench-scaling-gen.mjs';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] : fallback;
};
const SIZES = arg('sizes', '1000,2000,4000,8000,16000').split(',').map(Number);
const KIND_FILTER = arg('kinds', '').split(',').filter(Boolean);
const RUNS = Number(arg('runs', '2'));
const LIMIT = 64 * 1024 * 1024;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'enclint-scaling-'));
const config = path.join(dir, 'bench.enclint.yaml');
fs.writeFileSync(config, `maxFileBytes: ${LIMIT}\n`);
// Preloaded into each scan: writes the process's own CPU time when it exits.
const cpuReport = path.join(dir, 'cpu.json');
const cpuProbe = path.join(dir, 'cpu-probe.js');
fs.writeFileSync(cpuProbe, `process.on('exit', () => { const u = process.cpuUsage(); require('node:fs').writeFileSync(${JSON.stringify(cpuReport)}, JSON.stringify((u.user + u.system) / 1e6)); });\n`);

/** Seconds of the best of RUNS whole-process scans of `target` on one worker, and the findings. */
function scanSeconds(target) {
  let best = Infinity;
  let wall = Infinity;
  let findings = 0;
  let notices = [];
  const out = path.join(dir, 'out.json');
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    const result = spawnSync(process.execPath, ['--require', cpuProbe, path.join(root, 'dist/cli.js'), 'scan', target, '--jobs', '1', '--format', 'json', '--output', out, '--config', config, '--quiet'], { encoding: 'utf8' });
    const seconds = Number(fs.readFileSync(cpuReport, 'utf8'));
    if (result.status !== 0 && result.status !== 1) throw new Error(`scan of ${target} failed (exit ${result.status}): ${result.stderr}`);
    best = Math.min(best, seconds);
    wall = Math.min(wall, (performance.now() - started) / 1000);
    const report = JSON.parse(fs.readFileSync(out, 'utf8'));
    findings = report.files.reduce((n, f) => n + f.findings.length, 0);
    notices = report.files.flatMap((f) => f.notices ?? []);
  }
  return { seconds: best, wall, findings, notices };
}

function writeCase(kind, n) {
  const caseDir = path.join(dir, `${kind.name}-${n}`);
  fs.mkdirSync(caseDir, { recursive: true });
  const file = path.join(caseDir, kind.file);
  fs.writeFileSync(file, n === 0 ? '' : kind.make(n));
  return file;
}

const kinds = KINDS.filter((kind) => !KIND_FILTER.length || KIND_FILTER.some((f) => kind.name.startsWith(f)));
console.log(`scaling: one file per kind and size, --jobs 1, best of ${RUNS}, CPU seconds of the scan minus an empty file's (start-up); maxFileBytes raised to ${LIMIT / 1024 / 1024} MiB for the run`);
console.log(`machine: ${os.availableParallelism()} cores, load ${os.loadavg()[0].toFixed(2)}\n`);
const header = ['kind'.padEnd(30), ...SIZES.map((n) => `${n / 1000}k`.padStart(8)), ...SIZES.slice(1).map((n) => `x${n / 1000}k`.padStart(6)), '  max', '  MB@max', ' findings@max'];
console.log(header.join(' '));
let worst = 0;
try {
  for (const kind of kinds) {
    const empty = scanSeconds(writeCase(kind, 0)).seconds;
    const times = [];
    let last;
    for (const n of SIZES) {
      const file = writeCase(kind, n);
      last = { ...scanSeconds(file), bytes: fs.statSync(file).size };
      times.push(Math.max(0.001, last.seconds - empty));
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
    const exponents = times.slice(1).map((t, i) => Math.log2(t / times[i]) / Math.log2(SIZES[i + 1] / SIZES[i]));
    // The first doubling is dominated by noise when the work is a few milliseconds; the worst of the
    // doublings from 2k on is what says whether a pass is super-linear.
    const judged = exponents.length > 1 ? exponents.slice(1) : exponents;
    const max = Math.max(...judged);
    worst = Math.max(worst, max);
    console.log(
      [
        kind.name.padEnd(30),
        ...times.map((t) => t.toFixed(2).padStart(8)),
        ...exponents.map((e) => e.toFixed(2).padStart(6)),
        max.toFixed(2).padStart(5),
        (last.bytes / 1e6).toFixed(1).padStart(8),
        String(last.findings).padStart(13),
      ].join(' '),
    );
  }
  console.log(`\nworst growth exponent (doublings from ${SIZES[1] / 1000}k on): ${worst.toFixed(2)} (goal ≤ 1.15)`);

  if (!process.argv.includes('--no-large')) {
    console.log('\nlarge single files (goal ≤ 15 s each on one core, whole process):');
    const bigTf = path.join(dir, 'big-tf', 'main.tf');
    fs.mkdirSync(path.dirname(bigTf), { recursive: true });
    fs.writeFileSync(bigTf, tfAwsBuckets(60000));
    const tf = scanSeconds(bigTf);
    console.log(`  60k aws_s3_bucket, ${(fs.statSync(bigTf).size / 1e6).toFixed(1)} MB .tf: ${tf.seconds.toFixed(2)} s CPU (${tf.wall.toFixed(2)} s wall), ${tf.findings} findings`);

    const bigCfn = path.join(dir, 'big-cfn', 'template.json');
    fs.mkdirSync(path.dirname(bigCfn), { recursive: true });
    let n = 20000;
    let text = JSON.stringify(cfnTemplate(n));
    n = Math.round((n * 10e6) / text.length);
    text = JSON.stringify(cfnTemplate(n));
    fs.writeFileSync(bigCfn, text);
    const cfn = scanSeconds(bigCfn);
    console.log(`  one-line CloudFormation JSON, ${n} resources, ${(text.length / 1e6).toFixed(1)} MB: ${cfn.seconds.toFixed(2)} s CPU (${cfn.wall.toFixed(2)} s wall), ${cfn.findings} findings`);

    // Bad input next to good input: the huge file must not stop the good file's finding.
    const good = path.join(path.dirname(bigTf), 'good', 'key.tf');
    fs.mkdirSync(path.dirname(good), { recursive: true });
    fs.writeFileSync(good, 'resource "aws_kms_key" "k" {\n  enable_key_rotation = false\n}\n');
    const mixed = spawnSync(process.execPath, [path.join(root, 'dist/cli.js'), 'scan', path.dirname(bigTf), '--format', 'json', '--output', path.join(dir, 'mixed.json')], { encoding: 'utf8' });
    const report = JSON.parse(fs.readFileSync(path.join(dir, 'mixed.json'), 'utf8'));
    const goodFile = report.files.find((f) => f.path.endsWith('good/key.tf'));
    const bigFile = report.files.find((f) => f.path.endsWith('big-tf/main.tf'));
    console.log(
      `  bad input (60k buckets in one file, default config) next to a good file: exit ${mixed.status}; good file: ${goodFile?.findings.map((f) => f.ruleId).join(', ') || 'NO FINDING'}; big file: ${bigFile?.findings.length ?? 0} findings${bigFile?.notices?.length ? `, notice "${bigFile.notices[0].message}"` : ''}`,
    );
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
