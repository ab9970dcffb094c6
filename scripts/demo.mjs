#!/usr/bin/env node
// `npm run demo`: builds, then scans examples/ with the real CLI and prints the findings.
// Findings make `enclint scan` exit 1 (that is what CI wants); here they are the point of the demo,
// so exit 1 is reported as a success instead of npm's "command failed" banner.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const build = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

console.log('\n$ enclint scan examples');
const scan = spawnSync(process.execPath, [path.join(root, 'bin/enclint.js'), 'scan', 'examples', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
if (scan.status === 1) {
  console.log('enclint exited 1 because it found problems (exit 0 = clean, 2 = usage or config error).');
  console.log('Try: node bin/enclint.js scan examples --format sarif   or   --fix on a copy of examples/.');
  process.exit(0);
}
process.exit(scan.status ?? 1);
