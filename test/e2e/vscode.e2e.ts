// End-to-end in real VS Code: installs the packaged .vsix into code-server (the VS Code server and
// workbench, with the same extension host as the desktop app), opens a Terraform file of an untrusted
// workspace (Restricted Mode) in headless Chromium driven by playwright-core, and checks what a person
// would see: highlighting from the contributed grammar, the squiggle and the Problems entry for
// kms-key-rotation, the hover, the quick fix offered by Ctrl+. changing the text, and the problem going
// away; then the status bar item, the commands, fix-all on save, and the .tfvars language.
// Screenshots go to test/e2e/artifacts/.
//
//   node --import tsx test/e2e/vscode.e2e.ts [path/to/enclint.vsix]
//
// Run by scripts/editor-tests.sh (`npm run test:editors`), not by `npm test`: it needs Chromium and
// code-server (installed offline by test/e2e/install-code-server.sh, see ../shared/recipes/).
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

const root = resolve(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const vsix = resolve(process.argv[2] ?? join(root, `${manifest.name}-${manifest.version}.vsix`));
const artifacts = join(root, 'test', 'e2e', 'artifacts');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Generous: the first diagnostics arrive ~6 s after a cold page load; assertions are on content, never on time. */
const TIMEOUT = 60_000;
const RULE = 'kms-key-rotation';

const started = Date.now();
const step = (message: string) => console.log(`[e2e ${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s] ${message}`);

async function main(): Promise<void> {
  if (!existsSync(vsix)) throw new Error(`${vsix} not found; run \`npm run package\` first`);
  if (!existsSync(chromiumPath)) throw new Error(`${chromiumPath} not found; apt-get install -y chromium`);

  step('code-server');
  const codeServer = execFileSync(join(root, 'test', 'e2e', 'install-code-server.sh'), { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
  const entry = join(codeServer, 'out', 'node', 'entry.js');

  const scratch = mkdtempSync(join(tmpdir(), 'enclint-e2e-'));
  const userData = join(scratch, 'user-data');
  const extensions = join(scratch, 'extensions');
  const workspace = join(scratch, 'workspace');
  cpSync(join(root, 'test', 'e2e', 'workspace'), workspace, { recursive: true });
  mkdirSync(join(userData, 'User'), { recursive: true });
  writeFileSync(
    join(userData, 'User', 'settings.json'),
    JSON.stringify(
      {
        // The workspace stays untrusted (Restricted Mode, no dialog): the extension declares that it
        // works there, since it never executes workspace code, and the test holds it to that.
        'security.workspace.trust.enabled': true,
        'security.workspace.trust.startupPrompt': 'never',
        'security.workspace.trust.banner': 'never',
        // No welcome page, nothing that reaches for the network.
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'workbench.enableExperiments': false,
        'chat.disableAIFeatures': true,
        // What the README recommends: safe fixes applied on save (checked with on-save.tf below).
        'editor.codeActionsOnSave': { 'source.fixAll.enclint': 'explicit' },
      },
      null,
      2,
    ),
  );

  step(`installing ${vsix}`);
  const installed = execFileSync(process.execPath, [entry, '--user-data-dir', userData, '--extensions-dir', extensions, '--install-extension', vsix], {
    encoding: 'utf8',
  });
  if (!/successfully installed/i.test(installed)) throw new Error(`install failed:\n${installed}`);
  const extensionFolder = readdirSync(extensions).find((name) => name.startsWith(`${manifest.publisher}.${manifest.name}-`));
  if (!extensionFolder) throw new Error(`the extension is not in ${extensions}: ${readdirSync(extensions).join(', ')}`);

  const port = await freePort();
  step(`starting code-server on 127.0.0.1:${port}`);
  const server = spawn(
    process.execPath,
    [entry, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--user-data-dir', userData, '--extensions-dir', extensions,
      '--disable-telemetry', '--disable-update-check', workspace],
    { detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let serverLog = '';
  server.stdout!.on('data', (chunk) => (serverLog += chunk));
  server.stderr!.on('data', (chunk) => (serverLog += chunk));

  let browser: Browser | undefined;
  let page: Page | undefined;
  let passed = false;
  try {
    await waitForHttp(`http://127.0.0.1:${port}/healthz`, server);
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await drive(page, port, workspace);
    passed = true;
  } catch (error) {
    if (page) await page.screenshot({ path: join(artifacts, 'vscode-failure.png') }).catch(() => undefined);
    console.error(`code-server output (tail):\n${serverLog.slice(-4000)}`);
    printExtensionHostLog(userData);
    throw error;
  } finally {
    await browser?.close();
    stop(server);
    if (passed) rmSync(scratch, { recursive: true, force: true });
    else console.error(`kept ${scratch} for inspection`);
  }
}

async function drive(page: Page, port: number, workspace: string): Promise<void> {
  mkdirSync(artifacts, { recursive: true });
  step('opening the workbench');
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
  await page.locator('.monaco-workbench').waitFor({ timeout: TIMEOUT });

  step('opening main.tf from the explorer');
  const explorerItem = page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'main.tf' });
  await explorerItem.waitFor({ timeout: TIMEOUT });
  await explorerItem.click();
  const editor = page.locator('.editor-instance .monaco-editor').first();
  await editor.locator('.view-lines').waitFor({ timeout: TIMEOUT });
  await expectText(page.locator('.editor-instance .view-lines'), /aws_kms_key/, 'the file in the editor');

  await expectText(page.locator('.statusbar-item', { hasText: 'Restricted Mode' }), /Restricted Mode/, 'Restricted Mode (untrusted workspace)');

  step('the contributed language and grammar are active');
  await expectText(page.locator('.statusbar-item[id="status.editor.mode"]'), /Terraform/, 'the language mode in the status bar');
  // Without a grammar, a line is a single token; ours splits `resource "aws_kms_key" "customer_data" {`
  // into keyword, string and punctuation tokens with different theme colours.
  const headerLine = editor.locator('.view-line', { hasText: 'resource "aws_kms_key" "customer_data"' });
  // Tokenization is asynchronous (the grammar loads on first use), so wait for it.
  let tokenClasses: string[] = [];
  await waitFor(async () => {
    tokenClasses = await headerLine.locator('span > span').evaluateAll((spans) => [...new Set(spans.map((span) => span.className))]);
    return tokenClasses.length >= 3;
  }, 'the resource header to be highlighted').catch((error: Error) => {
    throw new Error(`${error.message} (token classes: ${tokenClasses.join(', ')})`);
  });

  step('waiting for the squiggle');
  await editor.locator('.squiggly-error').first().waitFor({ timeout: TIMEOUT });
  const statusItem = page.locator('.statusbar-item', { hasText: 'enclint' });
  await expectText(statusItem, /enclint: 1\b/, 'the enclint status bar item (finding count)');

  step('opening the Problems panel');
  await editor.locator('.view-lines').click();
  await page.keyboard.press('Control+Shift+M');
  const problems = page.locator('.markers-panel .monaco-list-row');
  const problem = problems.filter({ hasText: RULE });
  await problem.first().waitFor({ timeout: TIMEOUT });
  await expectText(problem.first(), /enclint/, 'the Problems entry (source)');
  await expectText(problem.first(), /enable automatic key rotation/, 'the Problems entry (message)');
  const diagnosticShot = join(artifacts, 'vscode-diagnostic.png');
  await page.screenshot({ path: diagnosticShot });
  step(`screenshot with the diagnostic: ${diagnosticShot}`);

  step('hover on the finding');
  const squiggle = editor.locator('.squiggly-error').first();
  const box = await squiggle.boundingBox();
  if (!box) throw new Error('the squiggle has no bounding box');
  await page.mouse.move(box.x + Math.min(box.width / 2, 40), box.y + box.height / 2);
  const hover = page.locator('.monaco-hover', { hasText: RULE });
  await hover.first().waitFor({ state: 'visible', timeout: TIMEOUT });
  await expectText(hover.first(), /SOC 2/, 'the hover (the policy controls it cites)');
  await page.waitForTimeout(300); // let the hover finish fading in for the screenshot
  const hoverShot = join(artifacts, 'vscode-hover.png');
  await page.screenshot({ path: hoverShot });
  step(`screenshot with the hover: ${hoverShot}`);

  step('quick fix with Ctrl+.');
  // Put the cursor inside the diagnostic's range (the first characters of the squiggle), then ask for fixes.
  await page.keyboard.press('Escape');
  await page.mouse.click(box.x + Math.min(box.width / 2, 40), box.y + box.height / 2);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+.');
  const fix = page.locator('.action-widget .monaco-list-row', { hasText: 'Set enable_key_rotation = true' });
  await fix.first().waitFor({ timeout: TIMEOUT });
  const menu = await page.locator('.action-widget').first().innerText();
  if (!/Suppress|enclint-disable/i.test(menu)) throw new Error(`the quick-fix menu lacks the suppression action:\n${menu}`);
  const menuShot = join(artifacts, 'vscode-quick-fix-menu.png');
  await page.screenshot({ path: menuShot });
  // Choose it the way a keyboard user does (the menu blocks pointer events while it animates in).
  await waitFor(async () => {
    const focused = (await page.locator('.action-widget .monaco-list-row.focused').first().getAttribute('aria-label', { timeout: 1000 }).catch(() => null)) ?? '';
    if (focused.includes('Set enable_key_rotation = true')) return true;
    await page.keyboard.press('ArrowDown');
    return false;
  }, 'the fix to be selected in the menu');
  await page.keyboard.press('Enter');

  step('the text changes and the problem disappears');
  await expectText(page.locator('.editor-instance .view-lines'), /enable_key_rotation\s*=\s*true/, 'the fixed file');
  await problems.filter({ hasText: RULE }).first().waitFor({ state: 'detached', timeout: TIMEOUT });
  // The fixture is otherwise compliant, so the red squiggle goes too; should a future rule flag it
  // with an error, the Problems panel says which one.
  await waitFor(async () => (await page.locator('.editor-instance .squiggly-error').count()) === 0, 'the error squiggle to disappear').catch(async (error: Error) => {
    throw new Error(`${error.message}; Problems panel: ${await page.locator('.markers-panel').first().innerText()}`);
  });
  await page.keyboard.press('Control+S');
  await waitFor(() => /enable_key_rotation\s*=\s*true/.test(readFileSync(join(workspace, 'main.tf'), 'utf8')), 'the fix saved to disk');
  await expectText(statusItem, /enclint(?!: *\d)/, 'the status bar item without findings');
  const fixedShot = join(artifacts, 'vscode-fixed.png');
  await page.screenshot({ path: fixedShot });
  step(`screenshot after the fix: ${fixedShot}`);

  step('the command palette lists the enclint commands');
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').waitFor({ timeout: TIMEOUT });
  await page.keyboard.type('enclint:');
  for (const command of ['enclint: Scan Workspace', 'enclint: Fix All in File', 'enclint: Show Output']) {
    await page.locator('.quick-input-list .monaco-list-row', { hasText: command }).first().waitFor({ timeout: TIMEOUT });
  }
  await page.keyboard.press('Escape');

  step('safe fixes on save (editor.codeActionsOnSave: source.fixAll.enclint)');
  // Created now, on disk, so this also covers a file that appears after start-up.
  const onSave = join(workspace, 'on-save.tf');
  writeFileSync(onSave, 'resource "aws_kms_key" "audit_logs" {\n  description = "Audit log archive"\n}\n');
  const onSaveItem = page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'on-save.tf' });
  await onSaveItem.waitFor({ timeout: TIMEOUT });
  await onSaveItem.click();
  await expectText(page.locator('.editor-instance .view-lines'), /audit_logs/, 'on-save.tf in the editor');
  await editor.locator('.squiggly-error').first().waitFor({ timeout: TIMEOUT });
  await editor.locator('.view-lines').click();
  await page.keyboard.press('Control+S');
  await waitFor(() => /enable_key_rotation\s*=\s*true/.test(readFileSync(onSave, 'utf8')), 'on-save.tf fixed on save');
  await waitFor(async () => (await editor.locator('.squiggly-error').count()) === 0, 'the squiggle in on-save.tf to disappear');

  step('.tfvars files get the terraform-vars language');
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'terraform.tfvars' }).click();
  await expectText(page.locator('.statusbar-item[id="status.editor.mode"]'), /Terraform Variables/, 'the language mode of terraform.tfvars');
}

/** Waits until the locator's text (non-breaking spaces as spaces) matches. */
async function expectText(locator: Locator, pattern: RegExp, what: string): Promise<void> {
  let last = '';
  await waitFor(async () => {
    last = ((await locator.first().textContent({ timeout: 1000 }).catch(() => '')) ?? '').replace(/\u00a0/g, ' ');
    return pattern.test(last);
  }, `${what} to match ${pattern}`).catch((error: Error) => {
    throw new Error(`${error.message}; last text: ${JSON.stringify(last.slice(0, 500))}`);
  });
}

async function waitFor(condition: () => boolean | Promise<boolean>, what: string, timeout = TIMEOUT): Promise<void> {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise((done) => setTimeout(done, 200));
  }
  throw new Error(`timed out after ${timeout / 1000} s waiting for ${what}`);
}

async function waitForHttp(url: string, server: ChildProcess): Promise<void> {
  await waitFor(async () => {
    if (server.exitCode !== null) throw new Error(`code-server exited with ${server.exitCode}`);
    return fetch(url).then((response) => response.ok, () => false);
  }, `${url} to answer`);
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });
}

/** code-server starts helpers (extension host, file watcher) in its process group: stop them all. */
function stop(server: ChildProcess): void {
  if (server.pid === undefined || server.exitCode !== null) return;
  try {
    process.kill(-server.pid, 'SIGTERM');
  } catch {
    server.kill('SIGTERM');
  }
}

function printExtensionHostLog(userData: string): void {
  const logs = join(userData, 'logs');
  if (!existsSync(logs)) return;
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/exthost|enclint/i.test(path)) files.push(path);
    }
  };
  walk(logs);
  for (const file of files) console.error(`--- ${file} (tail)\n${readFileSync(file, 'utf8').slice(-3000)}`);
}

main().then(
  () => step('passed'),
  (error: Error) => {
    console.error(`[e2e] FAILED: ${error.stack ?? error.message}`);
    process.exit(1);
  },
);
