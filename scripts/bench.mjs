#!/usr/bin/env node
// Throughput benchmark: generates a large Terraform tree (modules of several files with variables,
// locals, KMS keys, listeners, storage, policies — compliant and not), then times
//   1. `enclint scan` on it (the real CLI, all rules, worker threads), and
//   2. the floor: reading and tree-sitter-parsing the same files with the same number of workers,
// and prints files/s, MB/s and the ratio. It also checks that the scan parsed each file exactly once.
// Then, on one core: `enclint scan --jobs 1` against a one-thread parse-only process (whole
// processes on both sides, best of --runs), the cache (a second scan of the unchanged tree with
// --cache), and the default worker count against --jobs 1. Last, the scaling benchmark
// (scripts/bench-scaling.mjs; --no-scaling skips it).
//
//   npm run bench [-- --files 2000 --runs 3 --jobs N --keep --no-scaling]
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { FILES_PER_MODULE, generateTree } from './bench-tree.mjs';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const option = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const FILES = option('files', 2000);
const RUNS = option('runs', 1);
const JOBS = option('jobs', os.availableParallelism());

ensureBuilt();
const tree = fs.mkdtempSync(path.join(os.tmpdir(), 'enclint-bench-'));
const files = generateTree(tree, FILES);
const bytes = files.reduce((n, file) => n + fs.statSync(file).size, 0);
console.log(`generated ${files.length} Terraform files in ${files.length / FILES_PER_MODULE} modules, ${mb(bytes).toFixed(1)} MB, in ${tree}`);
console.log(`${JOBS} worker threads (machine: ${os.availableParallelism()} cores), ${RUNS > 1 ? `best of ${RUNS} runs` : 'one run (--runs N for best of N)'}\n`);

try {
  const scans = [];
  let stats = '';
  let findings = 0;
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    const result = spawnSync(process.execPath, [path.join(root, 'dist/cli.js'), 'scan', tree, '--format', 'json', '--output', path.join(tree, '..', `${path.basename(tree)}.json`), '--stats', '--jobs', String(JOBS)], {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    });
    scans.push(performance.now() - started);
    if (result.status !== 0 && result.status !== 1) throw new Error(`enclint scan failed (exit ${result.status}): ${result.stderr}`);
    stats = result.stderr.trim();
    findings = JSON.parse(fs.readFileSync(path.join(tree, '..', `${path.basename(tree)}.json`), 'utf8')).files.reduce((n, f) => n + f.findings.length, 0);
  }
  const parses = [];
  for (let run = 0; run < RUNS; run++) parses.push(await parseOnly(files, JOBS));

  const scanMs = Math.min(...scans);
  const parseMs = Math.min(...parses);
  const row = (label, ms) => `${label.padEnd(34)} ${(ms / 1000).toFixed(2).padStart(7)} s  ${Math.round(files.length / (ms / 1000)).toString().padStart(7)} files/s  ${(mb(bytes) / (ms / 1000)).toFixed(2).padStart(7)} MB/s`;
  console.log(row('enclint scan (all rules, CLI)', scanMs));
  console.log(row('parse only (read + tree-sitter)', parseMs));
  console.log(`ratio scan / parse-only: ${(scanMs / parseMs).toFixed(2)}×   (${findings} findings)`);

  const parsed = Number(/(\d+) Terraform parses/.exec(stats)?.[1]);
  const once = parsed === files.length;
  console.log(`\n${stats}`);
  console.log(`each file parsed once: ${once ? 'yes' : 'NO'} (${parsed} parses for ${files.length} files)`);
  if (!once) process.exitCode = 1;

  // One core, whole processes on both sides: what start-up, rules and output cost over the parse.
  const output = path.join(tree, '..', `${path.basename(tree)}.json`);
  const cli = (...extra) => timeProcess([path.join(root, 'dist/cli.js'), 'scan', tree, '--format', 'json', '--output', output, ...extra]);
  const listFile = path.join(tree, '..', `${path.basename(tree)}.list`);
  fs.writeFileSync(listFile, files.join('\n'));
  const oneScan = best(RUNS, () => cli('--jobs', '1'));
  const oneFloor = best(RUNS, () => timeProcess(['-e', floorProcessSource(), listFile]));
  console.log(`\none core, whole processes (best of ${RUNS}):`);
  console.log(row('enclint scan --jobs 1', oneScan));
  console.log(row('parse only, one thread (process)', oneFloor));
  console.log(`ratio scan / parse-only on one core: ${(oneScan / oneFloor).toFixed(2)}×   (goal ≤ 1.25×)`);
  const defaultScan = best(RUNS, () => cli());
  console.log(`default worker count ${(defaultScan / 1000).toFixed(2)} s vs --jobs 1 ${(oneScan / 1000).toFixed(2)} s: ${(defaultScan / oneScan).toFixed(2)}×`);

  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'enclint-bench-cache-'));
  try {
    const cold = cli('--jobs', '1', `--cache=${cacheDir}`);
    const warm = best(RUNS, () => cli('--jobs', '1', `--cache=${cacheDir}`));
    console.log(`cache: first scan ${(cold / 1000).toFixed(2)} s, second (unchanged tree) ${(warm / 1000).toFixed(2)} s = ${((warm / cold) * 100).toFixed(1)} % of the first (goal ≤ 10 %)`);
  } finally {
    fs.rmSync(cacheDir, { recursive: true, force: true });
    fs.rmSync(listFile, { force: true });
  }
} finally {
  if (!process.argv.includes('--keep')) {
    fs.rmSync(`${tree}.list`, { force: true });
    fs.rmSync(tree, { recursive: true, force: true });
    fs.rmSync(path.join(tree, '..', `${path.basename(tree)}.json`), { force: true });
  }
}

function timeProcess(args) {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (result.status !== 0 && result.status !== 1) throw new Error(`${args.join(' ')} failed (exit ${result.status}): ${result.stderr}`);
  return performance.now() - started;
}

function best(runs, measure) {
  let ms = Infinity;
  for (let run = 0; run < runs; run++) ms = Math.min(ms, measure());
  return ms;
}

/** The one-core floor as a process of its own: load the grammar, read and parse every listed file. */
function floorProcessSource() {
  const treeSitter = path.join(root, 'node_modules/web-tree-sitter/web-tree-sitter.cjs');
  return `
    const fs = require('node:fs');
    const { Parser, Language } = require(${JSON.stringify(treeSitter)});
    (async () => {
      await Parser.init({ locateFile: () => ${JSON.stringify(path.join(root, 'dist/web-tree-sitter.wasm'))} });
      const parser = new Parser();
      parser.setLanguage(await Language.load(fs.readFileSync(${JSON.stringify(path.join(root, 'dist/tree-sitter-terraform.wasm'))})));
      let nodes = 0;
      for (const file of fs.readFileSync(process.argv[1], 'utf8').split('\\n')) {
        const tree = parser.parse(new TextDecoder('utf-8', { fatal: true }).decode(fs.readFileSync(file)));
        nodes += tree.rootNode.descendantCount;
        tree.delete();
      }
    })();`;
}

/** The floor: the same workers, each loading the grammar and parsing its share of the files. */
async function parseOnly(allFiles, jobs) {
  const started = performance.now();
  const treeSitter = path.join(root, 'node_modules/web-tree-sitter/web-tree-sitter.cjs');
  const runtimeWasm = path.join(root, 'dist/web-tree-sitter.wasm');
  const grammarWasm = path.join(root, 'dist/tree-sitter-terraform.wasm');
  const source = `
    const { parentPort, workerData } = require('node:worker_threads');
    const fs = require('node:fs');
    const { Parser, Language } = require(${JSON.stringify(treeSitter)});
    (async () => {
      await Parser.init({ locateFile: () => ${JSON.stringify(runtimeWasm)} });
      const parser = new Parser();
      parser.setLanguage(await Language.load(fs.readFileSync(${JSON.stringify(grammarWasm)})));
      let nodes = 0;
      for (const file of workerData) {
        const tree = parser.parse(new TextDecoder('utf-8', { fatal: true }).decode(fs.readFileSync(file)));
        nodes += tree.rootNode.descendantCount;
        tree.delete();
      }
      parentPort.postMessage(nodes);
    })();`;
  const shares = Array.from({ length: jobs }, (_, i) => allFiles.filter((_, index) => index % jobs === i));
  await Promise.all(
    shares.map(
      (share) =>
        new Promise((resolve, reject) => {
          const worker = new Worker(source, { eval: true, workerData: share });
          worker.once('message', (nodes) => worker.terminate().then(() => resolve(nodes)));
          worker.once('error', reject);
        }),
    ),
  );
  return performance.now() - started;
}

if (!process.argv.includes('--no-scaling')) {
  console.log('');
  const scaling = spawnSync(process.execPath, [path.join(root, 'scripts/bench-scaling.mjs'), ...process.argv.slice(2).filter((a) => a === '--no-large')], { stdio: 'inherit' });
  if (scaling.status !== 0) process.exitCode = scaling.status ?? 1;
}

function mb(n) {
  return n / 1024 / 1024;
}

function ensureBuilt() {
  if (fs.existsSync(path.join(root, 'dist/cli.js')) && fs.existsSync(path.join(root, 'dist/worker.js'))) return;
  const build = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(2);
}
