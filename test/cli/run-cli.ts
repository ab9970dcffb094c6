// Runs the CLI in-process (fast; the scan runs in this thread) or as a real process on the bundle.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { main } from '../../server/src/cli/main';

export const REPO = path.resolve(__dirname, '../..');
export const FIXTURES = path.join(REPO, 'test/fixtures/cli');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(args: string[], cwd = REPO, env: Record<string, string | undefined> = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    cwd,
    env,
  });
  return { code, stdout, stderr };
}

/** The bundled CLI, built on demand when a test runs before `npm run build` (npm test builds first). */
export function spawnCli(args: string[], cwd = REPO): CliRun {
  const cli = path.join(REPO, 'dist/cli.js');
  if (!fs.existsSync(cli)) spawnSync(process.execPath, [path.join(REPO, 'scripts/build.mjs')], { cwd: REPO, stdio: 'ignore' });
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/**
 * A scratch copy of a fixture folder, for tests that write (--fix) or need odd files. The broken
 * config fixture is checked in as `invalid.enclint.yaml` so that scanning this repository does not
 * stop on it; the copy gets its real name.
 */
export function scratchCopy(fixture: string): string {
  const dir = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'enclint-cli-'));
  fs.cpSync(path.join(FIXTURES, fixture), dir, { recursive: true });
  const disguised = path.join(dir, 'invalid.enclint.yaml');
  if (fs.existsSync(disguised)) fs.renameSync(disguised, path.join(dir, '.enclint.yaml'));
  return dir;
}
