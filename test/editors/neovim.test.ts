// An editor nobody on this project wrote: Debian's Neovim (headless) with its built-in LSP client
// starts `enclint-lsp --stdio`, opens a Terraform file and reads back the diagnostics the server
// published, plus a code action and hover. Run by `mocha --config .mocharc.editors.json`.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ensureBuilt, ROOT } from '../lsp/client';

const NVIM = process.env.NVIM_BIN ?? 'nvim';

describe('Neovim (built-in LSP client) with enclint-lsp --stdio', function () {
  this.timeout(60_000);
  let dir: string;

  before(() => {
    ensureBuilt();
    const version = spawnSync(NVIM, ['--version'], { encoding: 'utf8' });
    // The CI script installs neovim; a missing editor is a setup error, not a pass.
    assert.equal(version.status, 0, `neovim is required (apt-get install -y neovim): ${version.error?.message ?? version.stderr}`);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'enclint-nvim-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('receives the kms-key-rotation diagnostic, its quick fix and hover', () => {
    const file = path.join(dir, 'main.tf');
    fs.writeFileSync(file, 'resource "aws_kms_key" "data" {\n  description = "customer data"\n}\n\nresource "aws_kms_key" "ok" {\n  enable_key_rotation = true\n}\n');
    const run = spawnSync(NVIM, ['--headless', '--clean', '-u', 'NONE', '-c', `luafile ${path.join(__dirname, 'neovim-check.lua')}`, file], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 45_000,
      env: { ...process.env, ENCLINT_LSP: path.join(ROOT, 'bin', 'enclint-lsp.js') },
    });
    const line = `${run.stdout}\n${run.stderr}`.split('\n').find((l) => l.trim().startsWith('{"'));
    assert.ok(line, `no JSON from neovim (status ${run.status}): ${run.stdout} ${run.stderr}`);
    const out = JSON.parse(line) as { ok: boolean; diagnostics: Array<{ lnum: number; message: string; source: string; code: string }>; actions: string[]; hover: string };
    assert.equal(out.ok, true);
    const rotation = out.diagnostics.filter((d) => d.code === 'kms-key-rotation');
    assert.equal(rotation.length, 1, JSON.stringify(out.diagnostics));
    assert.equal(rotation[0].lnum, 0);
    assert.equal(rotation[0].source, 'enclint');
    assert.match(rotation[0].message, /aws_kms_key\.data does not enable automatic key rotation/);
    assert.ok(out.actions.includes('Set enable_key_rotation = true'), JSON.stringify(out.actions));
    assert.ok(out.actions.includes('Suppress kms-key-rotation on this line'), JSON.stringify(out.actions));
    assert.match(out.hover, /Customer-managed keys must rotate automatically/);
  });
});
