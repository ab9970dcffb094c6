#!/usr/bin/env node
// Accuracy benchmark: scans the labeled KICS corpus in ../shared/corpus/ with the real CLI into
// SARIF and scores it with the corpus's own scorer (policy "enclint", lenient resource matching).
// Prints the scope first (Terraform + JSON, the four core families, target recall and
// precision ≥ 0.9), then recall and precision per family for each kind of source.
//
//   npm run bench:accuracy [-- --enforce] [-- -v]
//   --enforce   exit 1 when the scope is below the target (CI gate); default: report only
//   -v          list every miss and false alarm of the scope run
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpus = path.resolve(root, '..', 'shared', 'corpus');
const manifest = path.join(corpus, 'manifest.json');
const scorer = path.join(corpus, 'score.mjs');
const args = process.argv.slice(2);
const enforce = args.includes('--enforce');
const verbose = args.includes('-v') || args.includes('--verbose');

const SCOPE = { kinds: 'terraform,json', families: 'plaintext-secret,kms-wildcard,key-rotation,tls-min-version' };
const TARGET = { recall: 0.9, precision: 0.9 };
const KINDS = ['terraform', 'json', 'cloudformation', 'yaml'];
const FAMILY_ORDER = ['plaintext-secret', 'kms-wildcard', 'key-rotation', 'tls-min-version', 'encryption-at-rest', 'transport-encryption'];

if (!fs.existsSync(manifest) || !fs.existsSync(scorer)) {
  console.error(`bench:accuracy: the labeled corpus is missing: expected ${manifest} and ${scorer}.\nIt lives next to this repository (../shared/corpus); check out the shared folder there and run again.`);
  process.exit(2);
}

ensureBuilt();
const outDir = path.join(root, '.bench');
fs.mkdirSync(outDir, { recursive: true });
const sarif = path.join(outDir, 'kics.sarif');

const started = performance.now();
const scan = spawnSync(process.execPath, [path.join(root, 'dist/cli.js'), 'scan', path.join(corpus, 'kics'), '--format', 'sarif', '--output', sarif, '--stats'], {
  cwd: root,
  encoding: 'utf8',
});
if (scan.status !== 0 && scan.status !== 1) {
  console.error(`bench:accuracy: enclint scan failed (exit ${scan.status})\n${scan.stderr}`);
  process.exit(2);
}
const seconds = (performance.now() - started) / 1000;
const results = JSON.parse(fs.readFileSync(sarif, 'utf8')).runs[0].results.length;
console.log(`enclint scan ${path.relative(root, path.join(corpus, 'kics'))}: ${results} results in ${seconds.toFixed(1)} s → ${path.relative(root, sarif)}`);
process.stdout.write(scan.stderr.replace(/^/gm, '  ').replace(/ +$/, ''));

// 1. The scope, with the scorer's own full report.
heading(`Scope: --kind ${SCOPE.kinds} --family ${SCOPE.families}`);
const scopeJson = path.join(outDir, 'scope.json');
const scope = score(['--kind', SCOPE.kinds, '--family', SCOPE.families, '--json', scopeJson, ...(verbose ? ['-v'] : [])], true);
const overall = JSON.parse(fs.readFileSync(scopeJson, 'utf8')).overall;

// 2. Per kind of source, per family.
heading('Per source kind and family (all families, --policy enclint --lenient)');
const rows = [];
for (const kind of KINDS) {
  const json = path.join(outDir, `kind-${kind}.json`);
  score(['--kind', kind, '--json', json], false);
  const figures = JSON.parse(fs.readFileSync(json, 'utf8'));
  const families = Object.keys(figures.family).sort((a, b) => FAMILY_ORDER.indexOf(a) - FAMILY_ORDER.indexOf(b));
  for (const family of families) rows.push([kind, family, figures.family[family]]);
  rows.push([kind, 'all', figures.overall]);
}
printTable(rows);

const met = overall.recall >= TARGET.recall && (overall.precision ?? 0) >= TARGET.precision;
heading('Result');
console.log(
  `scope recall ${fmt(overall.recall)} precision ${fmt(overall.precision)} (target ≥ ${TARGET.recall} / ≥ ${TARGET.precision}): ${met ? 'target met' : 'below target'}${enforce ? '' : ' (report only; --enforce makes this a gate)'}`,
);
if (enforce && !met) process.exit(1);

function score(extra, print) {
  const run = spawnSync(process.execPath, [scorer, manifest, sarif, '--policy', 'enclint', '--lenient', ...extra], { cwd: root, encoding: 'utf8' });
  if (run.status !== 0) {
    console.error(`bench:accuracy: the scorer failed (exit ${run.status})\n${run.stderr}${run.stdout}`);
    process.exit(2);
  }
  if (print) process.stdout.write(run.stdout);
  return run.stdout;
}

function printTable(rows) {
  const header = ['kind', 'family', 'labels', 'TP', 'FN', 'FP', 'recall', 'precision'];
  const lines = [header, ...rows.map(([kind, family, f]) => [kind, family, f.labels, f.tp, f.fn, f.fp, fmt(f.recall), fmt(f.precision)].map(String))];
  const widths = header.map((_, i) => Math.max(...lines.map((l) => l[i].length)));
  for (const [i, line] of lines.entries()) {
    console.log(line.map((cell, c) => (c < 2 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  '));
    if (i === 0 || line[1] === 'all') console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
}

function fmt(value) {
  return value === null || value === undefined ? 'n/a' : value.toFixed(3);
}

function heading(text) {
  console.log(`\n== ${text}`);
}

/** Rebuilds dist/ when a source file is newer than the bundle (or the bundle is missing). */
function ensureBuilt() {
  const bundle = path.join(root, 'dist/cli.js');
  const bundleTime = fs.existsSync(bundle) ? fs.statSync(bundle).mtimeMs : 0;
  const newest = Math.max(...['server/src', 'rules'].map((dir) => newestMtime(path.join(root, dir))), fs.statSync(path.join(root, 'package.json')).mtimeMs);
  if (newest <= bundleTime) return;
  console.log('building dist/ (sources changed)…');
  const build = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(2);
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, fs.statSync(path.join(entry.parentPath ?? entry.path, entry.name)).mtimeMs);
  }
  return newest;
}
