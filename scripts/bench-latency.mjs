// Keystroke-to-diagnostics latency through the real language server (`node dist/server.js --stdio`):
// the time from sending `textDocument/didChange` for version v to receiving `publishDiagnostics` for
// version v, any waiting included. Terraform files of 200, 2,000 and 20,000 lines.
//
//   npm run bench:latency                 (builds dist/ first if missing)
//   node scripts/bench-latency.mjs --keystrokes 200 --lines 2000 --server-prof /tmp/prof
//
// Two ways of typing:
//   one-by-one  each keystroke waits for its diagnostics (pure per-edit latency)
//   burst       a keystroke every 25 ms regardless (a fast typist); latency is until diagnostics for
//               that version *or a later one* arrive, so time spent queued behind other edits counts
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import rpc from 'vscode-jsonrpc/node';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const server = join(root, 'dist', 'server.js');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const KEYSTROKES = arg('--keystrokes', 120);
const SIZES = process.argv.includes('--lines') ? [arg('--lines', 2_000)] : [200, 2_000, 20_000];
const BURST_INTERVAL_MS = 25;

if (!existsSync(server)) {
  const built = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) process.exit(1);
}

/** A realistic module: keys (some without rotation), buckets with encryption, variables, locals. */
function terraform(lines) {
  const blocks = [];
  let count = 0;
  for (let i = 0; count < lines; i++) {
    const block =
      i % 4 === 0
        ? `resource "aws_kms_key" "key_${i}" {\n  description             = "key ${i} for service ${i % 17}"\n  deletion_window_in_days = 30\n${i % 8 === 0 ? '' : '  enable_key_rotation     = true\n'}  tags = {\n    team = "platform"\n    cost = "${i}"\n  }\n}\n`
        : i % 4 === 1
          ? `resource "aws_s3_bucket_server_side_encryption_configuration" "sse_${i}" {\n  bucket = aws_s3_bucket.b_${i}.id\n  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm     = "aws:kms"\n      kms_master_key_id = aws_kms_key.key_${i - 1}.arn\n    }\n  }\n}\n`
          : i % 4 === 2
            ? `variable "setting_${i}" {\n  type        = string\n  description = "setting ${i}"\n  default     = "value-${i}"\n}\n`
            : `locals {\n  name_${i} = "svc-${i}"\n  port_${i} = ${8000 + (i % 1000)}\n}\n`;
    blocks.push(block);
    count += block.split('\n').length;
  }
  return blocks.join('\n');
}

/**
 * CPU time the server process has used (Linux /proc, in ms), so a busy machine — where wall-clock
 * latency includes waiting for a core — can be told apart from a slow server.
 */
function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10; // utime + stime, in 10 ms clock ticks
  } catch {
    return NaN;
  }
}

function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function startServer(rootUri = null) {
  // --server-prof <dir>: writes a V8 CPU profile of each server process (open it in Chrome DevTools).
  const profDir = process.argv.indexOf('--server-prof') > 0 ? process.argv[process.argv.indexOf('--server-prof') + 1] : undefined;
  const execArgv = profDir ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : [];
  const child = spawn(process.execPath, [...execArgv, server, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  const waiters = [];
  let lastVersion = 0;
  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    const at = performance.now();
    lastVersion = Math.max(lastVersion, params.version ?? 0);
    for (const waiter of [...waiters]) {
      if ((params.version ?? 0) >= waiter.version && (waiter.exact === false || params.version === waiter.version)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve({ at, diagnostics: params.diagnostics.length });
      }
    }
  });
  connection.onRequest(() => null);
  connection.listen();
  await connection.sendRequest('initialize', { processId: process.pid, rootUri, ...(rootUri ? { workspaceFolders: [{ uri: rootUri, name: 'bench' }] } : {}), capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } } } });
  await connection.sendNotification('initialized', {});
  const published = (version, exact = true) => new Promise((resolve) => waiters.push({ version, exact, resolve }));
  return { child, connection, published };
}

/** Keystroke positions spread over the file: inside description strings, where people type. */
function typingSpots(text) {
  const spots = [];
  const lines = text.split('\n');
  lines.forEach((line, index) => {
    const m = /description\s+= "/.exec(line);
    if (m) spots.push({ line: index, character: m.index + m[0].length });
  });
  const step = Math.max(1, Math.floor(spots.length / 12));
  return spots.filter((_, i) => i % step === 0).slice(0, 12);
}

async function measure(lines) {
  const { child, connection, published } = await startServer();
  const text = terraform(lines);
  const uri = `file:///bench/main-${lines}.tf`;
  let version = 1;
  const opened = performance.now();
  const first = published(1);
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'terraform', version, text } });
  const { at: openAt, diagnostics } = await first;
  const openMs = openAt - opened;
  const spots = typingSpots(text);
  const typed = spots.map(() => 0);

  const keystroke = async (i) => {
    const s = i % spots.length;
    const spot = { line: spots[s].line, character: spots[s].character + typed[s] };
    typed[s]++;
    version++;
    const wait = published(version, false);
    const sent = performance.now();
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: spot, end: spot }, text: 'x' }] });
    return { wait, sent };
  };

  // Warm up the JIT and the incremental parser.
  for (let i = 0; i < 10; i++) await (await keystroke(i)).wait;

  const oneByOne = [];
  const cpuBefore = cpuMs(child.pid);
  for (let i = 0; i < KEYSTROKES; i++) {
    const { wait, sent } = await keystroke(i);
    oneByOne.push((await wait).at - sent);
  }
  const cpuPerKeystroke = (cpuMs(child.pid) - cpuBefore) / KEYSTROKES;

  const burst = [];
  const pending = [];
  for (let i = 0; i < KEYSTROKES; i++) {
    const { wait, sent } = await keystroke(i);
    pending.push(wait.then(({ at }) => burst.push(at - sent)));
    await new Promise((resolve) => setTimeout(resolve, BURST_INTERVAL_MS));
  }
  await Promise.all(pending);

  await connection.sendRequest('shutdown');
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await connection.sendNotification('exit');
  // Let it exit by itself (a CPU profile is written on exit); kill only a server that hangs.
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
  connection.dispose();
  if (child.exitCode === null) child.kill();
  const lineCount = text.split('\n').length;
  return { lines: lineCount, findings: diagnostics, openMs, cpuPerKeystroke, oneByOne: oneByOne.sort((a, b) => a - b), burst: burst.sort((a, b) => a - b) };
}

const results = [];
for (const size of SIZES) results.push(await measure(size));

const fmt = (ms) => (ms < 10 ? ms.toFixed(2) : ms.toFixed(1)).padStart(8);
const load = (() => {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
  } catch {
    return '?';
  }
})();
console.log(`\nenclint keystroke-to-diagnostics latency (ms), ${KEYSTROKES} keystrokes per mode, node ${process.version}, ${process.platform}/${process.arch}, load average ${load}\n`);
console.log('   lines  findings     open |  one-by-one p50     p95     max  cpu/key |  burst@25ms p50     p95     max');
console.log('  ------  --------  ------- | ---------------------------------------- | -------------------------------');
for (const r of results) {
  console.log(
    `  ${String(r.lines).padStart(6)}  ${String(r.findings).padStart(8)} ${fmt(r.openMs)} |      ${fmt(percentile(r.oneByOne, 50))}${fmt(percentile(r.oneByOne, 95))}${fmt(r.oneByOne.at(-1))} ${fmt(r.cpuPerKeystroke)} |      ${fmt(percentile(r.burst, 50))}${fmt(percentile(r.burst, 95))}${fmt(r.burst.at(-1))}`,
  );
}
console.log('\ncpu/key: the server\'s own CPU time per one-by-one keystroke; on a busy machine latency exceeds it by the time spent waiting for a core.');
const goals = [
  { lines: [2_000, 20_000], p95: 25 },
  { lines: [20_000, Infinity], p95: 150 },
];
for (const goal of goals) {
  const r = results.find((x) => x.lines >= goal.lines[0] && x.lines < goal.lines[1]);
  if (!r) continue;
  const worst = Math.max(percentile(r.oneByOne, 95), percentile(r.burst, 95));
  console.log(`goal: p95 ≤ ${goal.p95} ms at ${r.lines} lines (one-by-one and burst) -> ${worst.toFixed(1)} ms ${worst <= goal.p95 ? 'MET' : 'NOT MET'}`);
}

// Server memory after scanning a 2,000-file workspace (the generated tree of `npm run bench`).
if (!process.argv.includes('--no-workspace')) {
  const { generateTree } = await import('./bench-tree.mjs');
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { pathToFileURL } = await import('node:url');
  const dir = mkdtempSync(join(tmpdir(), 'enclint-latency-ws-'));
  try {
    const files = generateTree(dir, 2_000);
    const { child, connection } = await startServer(pathToFileURL(dir).href);
    const started = performance.now();
    const scanned = await connection.sendRequest('enclint/scanWorkspace');
    const seconds = (performance.now() - started) / 1000;
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const kb = (field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
    console.log(
      `\nworkspace scan of ${files.length} files: ${seconds.toFixed(1)} s, ${scanned?.findings ?? '?'} findings; server memory after it: ${(kb('VmRSS') / 1024).toFixed(0)} MiB resident, peak ${(kb('VmHWM') / 1024).toFixed(0)} MiB (goal ≤ 300 MB)`,
    );
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    await new Promise((resolve) => setTimeout(resolve, 200));
    connection.dispose();
    if (child.exitCode === null) child.kill();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
