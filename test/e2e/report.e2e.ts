// The HTML evidence report in a real browser: headless Chromium (Debian's, driven by playwright-core)
// opens the file `enclint report` wrote for examples/, with the network cut off, and checks what an
// auditor sees: the page renders without requesting anything, the control table is there with
// pass/fail per control, its counts match `enclint scan --format json`, and the chart is drawn.
// A screenshot goes to test/e2e/artifacts/report.png.
//
//   node --import tsx test/e2e/report.e2e.ts
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const root = resolve(__dirname, '..', '..');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const artifacts = join(root, 'test', 'e2e', 'artifacts');

async function main(): Promise<void> {
  if (!existsSync(chromiumPath)) throw new Error(`${chromiumPath} not found; apt-get install -y chromium`);
  const out = join(mkdtempSync(join(tmpdir(), 'enclint-report-')), 'evidence.html');
  const cli = join(root, 'bin', 'enclint.js');
  const examples = join(root, 'examples');
  const report = spawnSync(process.execPath, [cli, 'report', '.', '-o', out], { cwd: examples, encoding: 'utf8' });
  assert.equal(report.status, 1, `enclint report exits 1 on findings: ${report.stderr}`);
  const json = JSON.parse(spawnSync(process.execPath, [cli, 'scan', '.', '--format', 'json'], { cwd: examples, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).stdout);

  const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 1400 } });
    const requests: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith('file:')) requests.push(request.url());
    });
    await page.route(/^(?!file:)/, (route) => route.abort());
    await page.goto(pathToFileURL(out).href);
    await page.waitForSelector('[data-testid="controls"]');
    assert.deepEqual(requests, [], 'the report loads nothing from the network');

    const count = async (id: string) => Number(await page.locator(`[data-testid="count-${id}"]`).innerText());
    assert.equal(await count('errors'), json.summary.errors);
    assert.equal(await count('warnings'), json.summary.warnings);
    assert.equal(await count('files'), json.summary.filesScanned);
    assert.equal(await count('suppressed'), json.summary.suppressed);

    const rows = page.locator('[data-testid="controls"] tbody tr');
    const controls = await rows.count();
    assert.ok(controls >= 8, `one row per control (${controls})`);
    const soc2 = page.locator('[data-testid="controls"] tr[data-control="SOC 2 CC6.1"]');
    assert.equal(await soc2.locator('td').nth(1).innerText(), 'FAIL');
    const failing = await page.locator('[data-testid="controls"] td.fail').count();
    assert.equal(await count('controls-failing'), failing);
    const total = json.summary.errors + json.summary.warnings + json.summary.infos;
    const bars = await page.locator('[data-testid="chart"] rect').count();
    assert.ok(bars >= 6, `the chart draws a bar per family and severity present (${bars})`);
    assert.ok(total > 0);

    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, 'report.png'), fullPage: false });
    const box = await page.locator('[data-testid="controls"]').boundingBox();
    assert.ok(box && box.width > 600 && box.height > 100, 'the control table is laid out on screen');
    console.log(`report e2e: ${controls} controls (${failing} failing), ${total} findings, counts match the JSON output; screenshot test/e2e/artifacts/report.png`);
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
