// The server and the engine (what the CLI runs) report the same findings for the same files:
// from the workspace scan (disk) and from open documents, with module context either way.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyze } from '../../server/src/engine/engine';
import { detectKind } from '../../server/src/engine/source';
import { LspTestClient, ROOT, type PublishedDiagnostics } from './client';

const FIXTURES = path.join(__dirname, 'fixtures');
const EXAMPLES = path.join(ROOT, 'examples');

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : detectKind(full) ? [full] : [];
  });
}

/** What the engine says, as the CLI would run it: the file plus its directory's Terraform files. */
function engineFindings(file: string) {
  const siblings = fs.readdirSync(path.dirname(file)).filter((n) => /\.(tf|tfvars)$/.test(n)).map((n) => path.join(path.dirname(file), n));
  const result = analyze({ path: file, text: fs.readFileSync(file, 'utf8') }, { moduleFiles: siblings.map((p) => ({ path: p, text: fs.readFileSync(p, 'utf8') })) });
  return result.findings.filter((f) => !f.suppression).map((f) => ({ code: f.ruleId, range: f.range, message: f.message }));
}

/** What `enclint scan --format json` (the bundled CLI) says, per absolute path. */
function cliFindings(dir: string): Map<string, Array<{ code: string; range: unknown; message: string }>> {
  const run = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'scan', '--format', 'json', dir], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.ok(run.stdout.trim().startsWith('{'), `CLI output (status ${run.status}): ${run.stdout.slice(0, 500)} ${run.stderr.slice(0, 500)}`);
  const report = JSON.parse(run.stdout) as { files: Array<{ path: string; findings: Array<{ ruleId: string; range: unknown; message: string; suppression?: unknown }> }> };
  return new Map(
    report.files.map((file) => [
      path.resolve(ROOT, file.path),
      file.findings.filter((f) => !f.suppression).map((f) => ({ code: f.ruleId, range: f.range, message: f.message })),
    ]),
  );
}

const serverFindings = (diagnostics: PublishedDiagnostics['diagnostics']) =>
  diagnostics.filter((d) => d.codeDescription).map((d) => ({ code: d.code, range: d.range, message: d.message }));

describe('language server and engine agree', function () {
  // Spawns servers and scans whole folders: generous on a busy CI machine.
  this.timeout(60_000);
  // Our own fixtures always; the project's examples/ too when present.
  const roots = [FIXTURES, EXAMPLES].filter((dir) => fs.existsSync(dir));
  for (const root of roots) {
    describe(path.relative(ROOT, root), () => {
      let client: LspTestClient;
      const files = filesUnder(root);
      before(async () => {
        client = await LspTestClient.start({ rootUri: pathToFileURL(root).href });
        await client.waitFor(() => client.progress.find((p) => p.value.kind === 'end'), 60_000, 'workspace scan');
      });
      after(async () => {
        await client.stop();
      });

      it('finds files to compare', () => {
        assert.ok(files.length > 0);
      });

      it('reports the same findings for every file from the workspace scan', () => {
        let compared = 0;
        for (const file of files) {
          const uri = pathToFileURL(file).href;
          const published = [...client.published].reverse().find((p) => p.uri === uri);
          const expected = engineFindings(file);
          assert.deepEqual(serverFindings(published?.diagnostics ?? []), expected, path.relative(ROOT, file));
          compared += expected.length;
        }
        if (root === FIXTURES) assert.ok(compared >= 3, `compared ${compared} findings`);
      });

      it('reports the same findings as the CLI (enclint scan --format json)', () => {
        const cli = cliFindings(root);
        for (const file of files) {
          const uri = pathToFileURL(file).href;
          const published = [...client.published].reverse().find((p) => p.uri === uri);
          assert.deepEqual(serverFindings(published?.diagnostics ?? []), cli.get(file) ?? [], path.relative(ROOT, file));
        }
      });

      it('reports the same findings for every file when it is open', async () => {
        for (const file of files) {
          const uri = pathToFileURL(file).href;
          await client.open(uri, fs.readFileSync(file, 'utf8'), detectKind(file) === 'terraform' ? 'terraform' : 'plaintext', 100);
          assert.deepEqual(serverFindings(await client.diagnostics(uri, 100)), engineFindings(file), path.relative(ROOT, file));
          await client.close(uri);
        }
      });
    });
  }
});
