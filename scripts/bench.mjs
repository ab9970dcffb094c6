#!/usr/bin/env node
// Throughput benchmark: generates a large Terraform tree (modules of several files with variables,
// locals, KMS keys, listeners, storage, policies — compliant and not), then times
//   1. `enclint scan` on it (the real CLI, all rules, worker threads), and
//   2. the floor: reading and tree-sitter-parsing the same files with the same number of workers,
// and prints files/s, MB/s and the ratio. It also checks that the scan parsed each file exactly once.
//
//   npm run bench [-- --files 2000 --runs 1 --jobs N --keep]
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const option = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const FILES = option('files', 2000);
const RUNS = option('runs', 1);
const JOBS = option('jobs', os.availableParallelism());
const FILES_PER_MODULE = 8;

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
} finally {
  if (!process.argv.includes('--keep')) {
    fs.rmSync(tree, { recursive: true, force: true });
    fs.rmSync(path.join(tree, '..', `${path.basename(tree)}.json`), { force: true });
  }
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

/** Deterministic pseudo-random modules: each has variables.tf, locals, and resource files. */
function generateTree(dir, count) {
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const pick = (items) => items[Math.floor(random() * items.length)];
  const written = [];
  for (let i = 0; i < count; i++) {
    const module = Math.floor(i / FILES_PER_MODULE);
    const moduleDir = path.join(dir, `service-${String(module).padStart(4, '0')}`);
    fs.mkdirSync(moduleDir, { recursive: true });
    const slot = i % FILES_PER_MODULE;
    const name = slot === 0 ? 'variables.tf' : slot === 1 ? 'locals.tf' : `resources-${slot}.tf`;
    const blocks = [];
    if (slot === 0) {
      for (let v = 0; v < 30; v++) blocks.push(variableBlock(v, pick, random));
    } else if (slot === 1) {
      blocks.push(`locals {\n  service      = "service-${module}"\n  rotation    = ${pick([90, 180, 365, 730])}\n  min_tls     = "${pick(['TLS1_0', 'TLS1_2'])}"\n  common_tags = {\n    owner = "platform"\n    env   = "${pick(['dev', 'prod'])}"\n  }\n}`);
    } else {
      const resources = 18 + Math.floor(random() * 12);
      for (let r = 0; r < resources; r++) blocks.push(resourceBlock(`${slot}_${r}`, pick, random));
    }
    const file = path.join(moduleDir, name);
    fs.writeFileSync(file, `${blocks.join('\n\n')}\n`);
    written.push(file);
  }
  return written;
}

function variableBlock(index, pick) {
  return `variable "setting_${index}" {\n  description = "Tunable ${index} of the service"\n  type        = ${pick(['string', 'number', 'bool'])}\n  default     = ${pick(['"standard"', '30', 'true', 'null'])}\n}`;
}

function resourceBlock(name, pick, random) {
  const kind = Math.floor(random() * 6);
  const rotation = pick(['true', 'false', 'var.setting_2', null]);
  switch (kind) {
    case 0:
      return `resource "aws_kms_key" "key_${name}" {\n  description             = "key ${name} for \${local.service}"\n  deletion_window_in_days = 30\n${rotation ? `  enable_key_rotation     = ${rotation}\n` : ''}  tags                    = local.common_tags\n\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{\n      Sid       = "Admins"\n      Effect    = "Allow"\n      Principal = { AWS = "arn:aws:iam::111122223333:root" }\n      Action    = ${pick(['"kms:*"', '["kms:Encrypt", "kms:Decrypt"]'])}\n      Resource  = "*"\n    }]\n  })\n}`;
    case 1:
      return `resource "aws_lb_listener" "https_${name}" {\n  load_balancer_arn = aws_lb.main.arn\n  port              = 443\n  protocol          = "HTTPS"\n  ssl_policy        = "${pick(['ELBSecurityPolicy-2016-08', 'ELBSecurityPolicy-TLS13-1-2-2021-06'])}"\n  certificate_arn   = var.setting_1\n\n  default_action {\n    type             = "forward"\n    target_group_arn = aws_lb_target_group.app.arn\n  }\n}`;
    case 2:
      return `resource "azurerm_storage_account" "store_${name}" {\n  name                     = "store${name.replace(/_/g, '')}"\n  resource_group_name      = azurerm_resource_group.main.name\n  location                 = "westeurope"\n  account_tier             = "Standard"\n  account_replication_type = "GRS"\n  min_tls_version          = local.min_tls\n\n  blob_properties {\n    versioning_enabled = true\n    delete_retention_policy {\n      days = 30\n    }\n  }\n}`;
    case 3:
      return `resource "aws_secretsmanager_secret" "secret_${name}" {\n  name       = "\${local.service}/secret-${name}"\n  kms_key_id = aws_kms_key.key_${name}.arn\n}`;
    case 4:
      return `data "aws_iam_policy_document" "doc_${name}" {\n  statement {\n    sid       = "Use"\n    effect    = "Allow"\n    actions   = ["kms:Decrypt", "kms:GenerateDataKey"]\n    resources = ["*"]\n\n    principals {\n      type        = "AWS"\n      identifiers = ["arn:aws:iam::111122223333:role/app"]\n    }\n  }\n}`;
    default:
      return `resource "google_kms_crypto_key" "ck_${name}" {\n  name            = "ck-${name}"\n  key_ring        = google_kms_key_ring.main.id\n  rotation_period = "${pick(['7776000s', '63072000s'])}"\n\n  lifecycle {\n    prevent_destroy = true\n  }\n}`;
  }
}

function mb(n) {
  return n / 1024 / 1024;
}

function ensureBuilt() {
  if (fs.existsSync(path.join(root, 'dist/cli.js')) && fs.existsSync(path.join(root, 'dist/worker.js'))) return;
  const build = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(2);
}
