#!/usr/bin/env node
// Peers side by side: times enclint and the tools a user would run instead on the same trees, whole
// processes, median of --runs, with peak memory (max RSS, from /usr/bin/time) and findings per family.
//
//   trees:  the generated 2,000-file Terraform tree of `npm run bench`, examples/, and the shared
//           labeled corpus (../shared/corpus/kics) when present
//   tools:  enclint (all rules, and secrets rules only), Checkov (pip), Trivy `trivy config` (Go
//           module), gitleaks (Go module), secretlint with its recommended preset (npm)
//
// Peers are installed on first use into a cache folder outside the repository ($ENCLINT_PEERS_DIR,
// default ~/.cache/enclint-peers) with their ordinary clients; one that cannot be installed or run is
// printed as "unavailable" with the reason. Not part of the test suite; enclint never depends on them.
// `cdk synth` + cdk-nag needs aws-cdk-lib and a CDK app that synthesises, too heavy for this run: it is
// listed as unavailable.
//
//   npm run bench:peers [-- --runs 3 --files 2000 --trees generated,examples,corpus --tools enclint,checkov]
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateTree } from './bench-tree.mjs';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] : fallback;
};
const RUNS = Number(arg('runs', '3'));
const FILES = Number(arg('files', '2000'));
const TREES = arg('trees', 'generated,examples,corpus').split(',');
const TOOLS = arg('tools', 'enclint,enclint-secrets,checkov,trivy,gitleaks,secretlint').split(',');
const PEERS = process.env.ENCLINT_PEERS_DIR ?? path.join(os.homedir(), '.cache', 'enclint-peers');
const BIN = path.join(PEERS, 'bin');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'enclint-peers-'));
fs.mkdirSync(BIN, { recursive: true });

const FAMILIES = ['plaintext-secret', 'kms-wildcard', 'key-rotation', 'tls-min-version', 'encryption-at-rest', 'transport-encryption'];
const SHORT = { 'plaintext-secret': 'secret', 'kms-wildcard': 'kms', 'key-rotation': 'rot', 'tls-min-version': 'tls', 'encryption-at-rest': 'rest', 'transport-encryption': 'transit', other: 'other' };

/** A peer's check title → the enclint family it belongs to (by keywords; the rest is "other"). */
function familyOfTitle(title) {
  const t = title.toLowerCase();
  if (/rotat/.test(t)) return 'key-rotation';
  if (/secret|password|credential|token|private key|api key|access key/.test(t) && !/encrypt/.test(t)) return 'plaintext-secret';
  if (/tls|ssl|https|in transit|secure transport|cipher/.test(t)) return /version|protocol|policy|minimum|outdated/.test(t) ? 'tls-min-version' : 'transport-encryption';
  if (/kms|key polic/.test(t) && /\*|wildcard|all|public|principal|admin/.test(t)) return 'kms-wildcard';
  if (/encrypt|cmk|customer.managed|kms/.test(t)) return 'encryption-at-rest';
  return 'other';
}

const has = (command) => spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).status === 0;
const run = (command, args, options = {}) => spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 30, ...options });

// ------------------------------------------------------------------------------------- installers

function installCheckov() {
  const exe = path.join(PEERS, 'checkov-venv', 'bin', 'checkov');
  if (fs.existsSync(exe)) return exe;
  if (!has('python3')) throw new Error('python3 not found');
  let r = run('python3', ['-m', 'venv', path.join(PEERS, 'checkov-venv')]);
  if (r.status !== 0) throw new Error(`python3 -m venv failed: ${r.stderr.trim().split('\n').pop()}`);
  console.error('installing checkov (pip install checkov)…');
  r = run(path.join(PEERS, 'checkov-venv', 'bin', 'pip'), ['install', '-q', 'checkov']);
  if (r.status !== 0 || !fs.existsSync(exe)) throw new Error(`pip install checkov failed: ${r.stderr.trim().split('\n').pop()}`);
  return exe;
}

function goInstall(binary, module, env = {}) {
  const exe = path.join(BIN, binary);
  if (fs.existsSync(exe)) return exe;
  if (!has('go')) throw new Error('the Go toolchain is not installed');
  console.error(`installing ${binary} (go install ${module})…`);
  const r = run('go', ['install', module], { env: { ...process.env, GOPATH: path.join(PEERS, 'go'), GOBIN: BIN, ...env } });
  if (r.status !== 0 || !fs.existsSync(exe)) throw new Error(`go install ${module} failed: ${r.stderr.trim().split('\n').slice(-1)[0]}`);
  return exe;
}

function installSecretlint() {
  const dir = path.join(PEERS, 'secretlint');
  const exe = path.join(dir, 'node_modules', '.bin', 'secretlint');
  if (!fs.existsSync(exe)) {
    fs.mkdirSync(dir, { recursive: true });
    if (!fs.existsSync(path.join(dir, 'package.json'))) fs.writeFileSync(path.join(dir, 'package.json'), '{"name":"enclint-peer-secretlint","private":true}\n');
    console.error('installing secretlint (npm install secretlint @secretlint/secretlint-rule-preset-recommend)…');
    const r = run('npm', ['install', '--no-audit', '--no-fund', 'secretlint', '@secretlint/secretlint-rule-preset-recommend'], { cwd: dir });
    if (r.status !== 0 || !fs.existsSync(exe)) throw new Error(`npm install secretlint failed: ${r.stderr.trim().split('\n').pop()}`);
  }
  const config = path.join(dir, '.secretlintrc.json');
  fs.writeFileSync(config, JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }));
  return { exe, config, dir };
}

function goModuleVersion(exe) {
  const r = run('go', ['version', '-m', exe]);
  return /^\s*mod\s+\S+\s+(\S+)/m.exec(r.stdout ?? '')?.[1] ?? '?';
}

// ------------------------------------------------------------------------------------- the tools

/** Each tool: how to install it, its version, the command for a tree, and its findings per family. */
const tools = {
  enclint: {
    setup: () => path.join(root, 'dist', 'cli.js'),
    version: () => JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version,
    command: (cli, tree, out) => [process.execPath, [cli, 'scan', tree, '--format', 'json', '--output', out]],
    families: (out) => countEnclint(out),
  },
  'enclint-secrets': {
    setup: () => path.join(root, 'dist', 'cli.js'),
    version: () => JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version,
    command: (cli, tree, out) => [process.execPath, [cli, 'scan', tree, '--rule', 'plaintext-secret', '--format', 'json', '--output', out]],
    families: (out) => countEnclint(out),
  },
  checkov: {
    setup: installCheckov,
    version: (exe) => run(exe, ['--version']).stdout.trim(),
    command: (exe, tree, out) => [exe, ['-d', tree, '-o', 'json', '--quiet', '--compact', '--skip-download', '--output-file-path', out]],
    families: (out) => {
      const file = fs.existsSync(out) && fs.statSync(out).isDirectory() ? path.join(out, 'results_json.json') : out;
      const parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
      const reports = Array.isArray(parsed) ? parsed : [parsed];
      const counts = {};
      for (const report of reports) for (const check of report.results?.failed_checks ?? []) bump(counts, familyOfTitle(check.check_name ?? check.check_id));
      return counts;
    },
  },
  trivy: {
    setup: () => goInstall('trivy', 'github.com/aquasecurity/trivy/cmd/trivy@latest', { GOEXPERIMENT: 'jsonv2' }),
    version: (exe) => goModuleVersion(exe),
    // --skip-check-update: use the checks built into the binary (no download).
    command: (exe, tree, out) => [exe, ['config', '--quiet', '--skip-check-update', '--format', 'json', '--output', out, tree], { env: { ...process.env, TRIVY_CACHE_DIR: path.join(PEERS, 'trivy-cache') } }],
    families: (out) => {
      const counts = {};
      for (const result of JSON.parse(fs.readFileSync(out, 'utf8')).Results ?? []) for (const m of result.Misconfigurations ?? []) if (m.Status !== 'PASS') bump(counts, familyOfTitle(m.Title ?? m.ID));
      return counts;
    },
  },
  gitleaks: {
    setup: () => goInstall('gitleaks', 'github.com/zricethezav/gitleaks/v8@latest'),
    version: (exe) => goModuleVersion(exe),
    command: (exe, tree, out) => [exe, ['dir', tree, '--no-banner', '--exit-code', '0', '--report-format', 'json', '--report-path', out, '--log-level', 'error']],
    families: (out) => ({ 'plaintext-secret': JSON.parse(fs.readFileSync(out, 'utf8') || '[]').length }),
  },
  secretlint: {
    setup: installSecretlint,
    version: (peer) => run(peer.exe, ['--version']).stdout.trim(),
    // Its own job: every file of the tree, the recommended preset; exit 1 means findings.
    command: (peer, tree, out) => [peer.exe, [`${tree}/**/*`, '--secretlintrc', peer.config, '--format', 'json', '--output', out, '--no-maskSecrets'], { cwd: peer.dir }],
    families: (out) => ({ 'plaintext-secret': JSON.parse(fs.readFileSync(out, 'utf8') || '[]').reduce((n, file) => n + (file.messages?.length ?? 0), 0) }),
  },
};

function bump(counts, family, n = 1) {
  counts[family] = (counts[family] ?? 0) + n;
}

function countEnclint(out) {
  const counts = {};
  for (const file of JSON.parse(fs.readFileSync(out, 'utf8')).files) for (const finding of file.findings) if (!finding.suppression) bump(counts, finding.family);
  return counts;
}

/** One whole-process run under /usr/bin/time: wall seconds and max RSS in MiB. */
function measure(command, args, options) {
  const started = performance.now();
  const timeFile = path.join(scratch, 'time.txt');
  const r = has('/usr/bin/time') ? run('/usr/bin/time', ['-f', '%M', '-o', timeFile, command, ...args], options) : run(command, args, options);
  const seconds = (performance.now() - started) / 1000;
  const kb = fs.existsSync(timeFile) ? Number(fs.readFileSync(timeFile, 'utf8').trim().split('\n').pop()) : NaN;
  return { seconds, mib: kb / 1024, status: r.status, stderr: r.stderr ?? '' };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

// ------------------------------------------------------------------------------------- the run

const trees = [];
if (TREES.includes('generated')) {
  const dir = path.join(scratch, 'generated');
  const files = generateTree(dir, FILES);
  trees.push({ name: `generated (${files.length} .tf)`, dir });
}
if (TREES.includes('examples')) trees.push({ name: 'examples/', dir: path.join(root, 'examples') });
const corpus = path.join(root, '..', 'shared', 'corpus', 'kics');
const sharedCorpus = fs.existsSync(corpus) ? corpus : '/work/shared/corpus/kics';
if (TREES.includes('corpus') && fs.existsSync(sharedCorpus)) trees.push({ name: 'shared corpus (kics)', dir: sharedCorpus });

const ready = {};
const versions = {};
for (const name of TOOLS) {
  const tool = tools[name];
  if (!tool) continue;
  try {
    ready[name] = tool.setup();
    versions[name] = tool.version(ready[name]) || '?';
  } catch (error) {
    ready[name] = undefined;
    versions[name] = `unavailable (${error.message})`;
  }
}
versions['cdk synth + cdk-nag'] = 'unavailable (needs aws-cdk-lib and a synthesising CDK app; not installed by this benchmark)';

console.log(`peers side by side: whole processes, median of ${RUNS}, peak memory = max RSS; machine ${os.availableParallelism()} cores, load ${os.loadavg()[0].toFixed(2)}`);
console.log('versions:');
for (const [name, v] of Object.entries(versions)) console.log(`  ${name.padEnd(20)} ${v}`);

try {
  for (const tree of trees) {
    const files = spawnSync('find', [tree.dir, '-type', 'f'], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
    const bytes = files.reduce((n, f) => n + fs.statSync(f).size, 0);
    console.log(`\n${tree.name}: ${files.length} files, ${(bytes / 1e6).toFixed(1)} MB`);
    console.log(`  ${'tool'.padEnd(18)} ${'time'.padStart(8)} ${'peak'.padStart(9)}  findings per family (${[...FAMILIES, 'other'].map((f) => SHORT[f]).join(' / ')})`);
    for (const name of TOOLS) {
      const tool = tools[name];
      if (!tool) continue;
      if (!ready[name]) {
        console.log(`  ${name.padEnd(18)} unavailable`);
        continue;
      }
      const out = path.join(scratch, `${name}.out`);
      const samples = [];
      let counts;
      let failure;
      for (let i = 0; i < RUNS; i++) {
        fs.rmSync(out, { recursive: true, force: true });
        const [command, args, options] = tool.command(ready[name], tree.dir, out);
        const m = measure(command, args, options);
        samples.push(m);
        try {
          counts = tool.families(out);
        } catch (error) {
          failure = `no report (exit ${m.status}): ${(m.stderr.trim().split('\n').pop() || error.message).slice(0, 160)}`;
          break;
        }
      }
      if (failure) {
        console.log(`  ${name.padEnd(18)} unavailable: ${failure}`);
        continue;
      }
      const seconds = median(samples.map((s) => s.seconds));
      const mib = median(samples.map((s) => s.mib));
      const perFamily = [...FAMILIES, 'other'].map((f) => String(counts[f] ?? 0)).join(' / ');
      console.log(`  ${name.padEnd(18)} ${`${seconds.toFixed(2)} s`.padStart(8)} ${`${mib.toFixed(0)} MiB`.padStart(9)}  ${perFamily}`);
    }
  }
  console.log(`\nFamilies of peer findings are read off their check titles by keyword ("other" = everything else they check); the counts say what each tool reports on the same files, not who is right — npm run bench:accuracy scores enclint against the labeled corpus.`);
} finally {
  fs.rmSync(scratch, { recursive: true, force: true });
}
