// `enclint report`: one self-contained HTML file for security reviewers and auditors (no script, no
// network, no CDN: it opens from an e-mail attachment or an evidence folder years later). Findings
// are grouped by the policy control each rule evidences (SOC 2, HIPAA, OP-POL-001/ENG-POL-003 and the
// organisation's own `policyMapping`), with pass/fail per control, a chart per family and severity,
// every suppression with its reason and expiry, ignored paths, the baseline, and what produced the
// report (enclint version, configuration hash, commit). Messages are the engine's, secrets masked.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRules } from '../../../../rules';
import { docsUrl, type Rule } from '../../../../rules/define';
import type { Severity } from '../../engine/types';
import type { FileResult, ScanResult, ScannedFinding } from '../types';
import { version } from '../version';

export interface HtmlReportOptions {
  cwd: string;
  /** When the report was made (ISO timestamp); defaults to now. */
  generatedAt?: string;
  rules?: Rule[];
}

interface Located {
  file: FileResult;
  finding: ScannedFinding;
}

interface ControlRow {
  control: string;
  rules: string[];
  findings: Located[];
  suppressed: number;
}

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];
const COLORS: Record<Severity, string> = { error: '#c62828', warning: '#ef6c00', info: '#1565c0' };

export function formatHtmlReport(scan: ScanResult, options: HtmlReportOptions): string {
  const rules = options.rules ?? allRules;
  const located: Located[] = scan.files.flatMap((file) => file.findings.map((finding) => ({ file, finding })));
  const active = located.filter(({ finding }) => !finding.suppression);
  const suppressed = located.filter(({ finding }) => finding.suppression);
  const controls = controlRows(rules, located);
  const failing = controls.filter((row) => row.findings.some(({ finding }) => !finding.suppression)).length;
  const generatedAt = options.generatedAt ?? new Date().toISOString();
  const provenance = {
    version,
    commit: gitCommit(scan.root) ?? 'not a git checkout',
    config: configHash(scan),
    generatedAt,
  };
  const ignores = (scan.configs ?? []).flatMap((config) => config.ignoreEntries.map((entry) => ({ ...entry, config: config.path ? displayPath(config.path, options.cwd) : '(defaults)' })));
  const notices = scan.files.flatMap((file) => file.notices.filter((n) => n.level !== 'info').map((notice) => ({ file, notice })));

  const body = [
    `<header><h1>Encryption and key-management policy: evidence report</h1>`,
    `<p class="meta">enclint <span data-testid="version">${esc(provenance.version)}</span> · commit <code data-testid="commit">${esc(provenance.commit)}</code> · configuration <code data-testid="config-hash">${esc(provenance.config)}</code> · generated ${esc(generatedAt)} · root <code>${esc(scan.root)}</code></p></header>`,
    `<section class="cards">`,
    card('files scanned', scan.summary.filesScanned, 'files'),
    card('findings', active.length, 'findings', active.length ? 'bad' : 'good'),
    card('errors', scan.summary.errors, 'errors', scan.summary.errors ? 'bad' : 'good'),
    card('warnings', scan.summary.warnings, 'warnings'),
    card('suppressed', suppressed.length, 'suppressed'),
    card('controls failing', failing, 'controls-failing', failing ? 'bad' : 'good'),
    ...(scan.summary.baselined !== undefined ? [card('in baseline', scan.summary.baselined, 'baselined')] : []),
    `</section>`,
    `<section><h2>Controls</h2><p>A control passes when no unsuppressed finding of the rules that evidence it remains in the scanned files.</p>`,
    `<table data-testid="controls"><thead><tr><th>control</th><th>status</th><th>findings</th><th>suppressed</th><th>rules</th></tr></thead><tbody>`,
    ...controls.map((row) => {
      const open = row.findings.filter(({ finding }) => !finding.suppression).length;
      return `<tr data-control="${esc(row.control)}"><td>${esc(row.control)}</td><td class="${open ? 'fail' : 'pass'}">${open ? 'FAIL' : 'PASS'}</td><td class="num">${open}</td><td class="num">${row.suppressed}</td><td>${row.rules.map((id) => `<a href="${esc(docsUrl(id))}">${esc(id)}</a>`).join(', ')}</td></tr>`;
    }),
    `</tbody></table></section>`,
    `<section><h2>Findings per family and severity</h2>${chart(active)}</section>`,
    `<section><h2>Findings by control</h2>`,
    ...controls
      .filter((row) => row.findings.some(({ finding }) => !finding.suppression))
      .map((row) => `<details><summary>${esc(row.control)}: ${row.findings.filter(({ finding }) => !finding.suppression).length} finding(s)</summary>${findingTable(row.findings.filter(({ finding }) => !finding.suppression))}</details>`),
    `</section>`,
    `<section><h2>Suppressions</h2>`,
    suppressed.length
      ? `<table data-testid="suppressions"><thead><tr><th>location</th><th>rule</th><th>reason</th><th>expires</th></tr></thead><tbody>${suppressed
          .map(({ file, finding }) => `<tr><td><code>${esc(file.path)}:${finding.range.start.line + 1}</code></td><td>${esc(finding.ruleId)}</td><td>${esc(finding.suppression!.justification || '(no reason given)')}</td><td>${esc(finding.suppression!.until ?? 'never')}</td></tr>`)
          .join('')}</tbody></table>`
      : '<p>No finding is suppressed.</p>',
    ignores.length
      ? `<h3>Ignored paths</h3><table data-testid="ignores"><thead><tr><th>pattern</th><th>config</th><th>reason</th><th>expires</th><th>state</th></tr></thead><tbody>${ignores
          .map((e) => `<tr><td><code>${esc(e.pattern)}</code></td><td>${esc(e.config)}</td><td>${esc(e.reason ?? '(no reason given)')}</td><td>${esc(e.until ?? 'never')}</td><td>${e.expired ? 'expired: scanned again' : 'in force'}</td></tr>`)
          .join('')}</tbody></table>`
      : '',
    `</section>`,
    notices.length
      ? `<section><h2>Files not fully analysed</h2><table data-testid="notices"><thead><tr><th>file</th><th>level</th><th>notice</th></tr></thead><tbody>${notices
          .map(({ file, notice }) => `<tr><td><code>${esc(file.path)}</code></td><td>${esc(notice.level)}</td><td>${esc(notice.message)}</td></tr>`)
          .join('')}</tbody></table></section>`
      : '',
    `<footer>Scanned ${scan.summary.filesScanned} files in ${(scan.durationMs / 1000).toFixed(1)} s. Severity threshold: ${esc(scan.threshold)}.</footer>`,
  ].join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>enclint evidence report</title><style>${STYLE}</style></head>
<body>
${body}
</body></html>
`;
}

/** Every control a rule names, then the organisation's own sections from `policyMapping`. */
function controlRows(rules: Rule[], located: Located[]): ControlRow[] {
  const rows = new Map<string, ControlRow>();
  const row = (control: string) => {
    let existing = rows.get(control);
    if (!existing) rows.set(control, (existing = { control, rules: [], findings: [], suppressed: 0 }));
    return existing;
  };
  for (const rule of rules) for (const control of rule.meta.controls) row(control).rules.push(rule.meta.id);
  const byRule = new Map(rules.map((rule) => [rule.meta.id, rule]));
  for (const item of located) {
    const controls = [...(byRule.get(item.finding.ruleId)?.meta.controls ?? []), ...item.finding.policyRefs];
    for (const control of new Set(controls)) {
      const target = row(control);
      if (!target.rules.includes(item.finding.ruleId)) target.rules.push(item.finding.ruleId);
      target.findings.push(item);
      if (item.finding.suppression) target.suppressed++;
    }
  }
  return [...rows.values()].sort((a, b) => a.control.localeCompare(b.control, 'en', { numeric: true }));
}

/** Horizontal stacked bars, one per family, drawn as inline SVG (no script, no external asset). */
function chart(active: Located[]): string {
  const families = [...new Set(active.map(({ finding }) => finding.family))].sort();
  if (!families.length) return '<p data-testid="chart">No findings.</p>';
  const counts = families.map((family) => SEVERITIES.map((severity) => active.filter(({ finding }) => finding.family === family && finding.severity === severity).length));
  const max = Math.max(...counts.map((c) => c.reduce((a, b) => a + b, 0)));
  const rowHeight = 28;
  const labelWidth = 190;
  const barWidth = 460;
  const parts: string[] = [];
  families.forEach((family, i) => {
    const y = 10 + i * rowHeight;
    parts.push(`<text x="0" y="${y + 15}" font-size="13">${esc(family)}</text>`);
    let x = labelWidth;
    SEVERITIES.forEach((severity, s) => {
      const width = (counts[i][s] / max) * barWidth;
      if (width > 0) parts.push(`<rect x="${x.toFixed(1)}" y="${y}" width="${width.toFixed(1)}" height="20" fill="${COLORS[severity]}"><title>${esc(family)} ${severity}: ${counts[i][s]}</title></rect>`);
      x += width;
    });
    parts.push(`<text x="${(x + 6).toFixed(1)}" y="${y + 15}" font-size="12">${counts[i].reduce((a, b) => a + b, 0)}</text>`);
  });
  const height = 20 + families.length * rowHeight;
  const legend = SEVERITIES.map((s) => `<span class="swatch" style="background:${COLORS[s]}"></span>${s}`).join(' ');
  return `<svg data-testid="chart" role="img" aria-label="findings per family and severity" width="${labelWidth + barWidth + 60}" height="${height}" xmlns="http://www.w3.org/2000/svg">${parts.join('')}</svg><p class="legend">${legend}</p>`;
}

function findingTable(items: Located[]): string {
  const rows = items
    .map(({ file, finding }) => `<tr><td><code>${esc(file.path)}:${finding.range.start.line + 1}</code></td><td class="sev-${finding.severity}">${finding.severity}</td><td><a href="${esc(docsUrl(finding.ruleId))}">${esc(finding.ruleId)}</a></td><td>${esc(finding.message)}</td></tr>`)
    .join('');
  return `<table><thead><tr><th>location</th><th>severity</th><th>rule</th><th>message</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function card(label: string, value: number, id: string, tone = ''): string {
  return `<div class="card ${tone}"><div class="value" data-testid="count-${id}">${value}</div><div class="label">${esc(label)}</div></div>`;
}

/** A hash over the configurations in force (their text), so two reports can be compared for "same rules". */
function configHash(scan: ScanResult): string {
  const hash = createHash('sha256');
  const paths = (scan.configs ?? []).map((c) => c.path ?? '(defaults)').sort();
  for (const file of paths) {
    hash.update(file);
    try {
      if (file !== '(defaults)') hash.update(fs.readFileSync(file));
    } catch {
      hash.update('(unreadable)');
    }
  }
  return `sha256:${hash.digest('hex').slice(0, 16)}${paths.every((p) => p === '(defaults)') ? ' (built-in defaults)' : ''}`;
}

/** The checkout's commit, read from .git without running git (the report must not execute anything). */
export function gitCommit(start: string): string | undefined {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    const gitDir = path.join(dir, '.git');
    try {
      let root = gitDir;
      if (fs.statSync(gitDir).isFile()) {
        // A worktree or submodule: `.git` is a file that names the real git directory.
        const pointer = /^gitdir:\s*(.+)$/m.exec(fs.readFileSync(gitDir, 'utf8'));
        if (!pointer) return undefined;
        root = path.resolve(dir, pointer[1].trim());
      }
      const head = fs.readFileSync(path.join(root, 'HEAD'), 'utf8').trim();
      const ref = /^ref:\s*(.+)$/.exec(head);
      if (!ref) return head;
      const common = fs.existsSync(path.join(root, 'commondir')) ? path.resolve(root, fs.readFileSync(path.join(root, 'commondir'), 'utf8').trim()) : root;
      for (const base of [root, common]) {
        const loose = path.join(base, ref[1]);
        if (fs.existsSync(loose)) return fs.readFileSync(loose, 'utf8').trim();
        const packed = path.join(base, 'packed-refs');
        if (fs.existsSync(packed)) {
          const line = fs.readFileSync(packed, 'utf8').split('\n').find((l) => l.endsWith(` ${ref[1]}`));
          if (line) return line.split(' ')[0];
        }
      }
      return undefined;
    } catch {
      if (path.dirname(dir) === dir) return undefined;
    }
  }
}

function displayPath(absolute: string, cwd: string): string {
  const relative = path.relative(cwd, absolute);
  return relative && !relative.startsWith('..') ? relative.split(path.sep).join('/') : absolute;
}

function esc(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const STYLE = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;max-width:1100px;padding:0 1rem;color:#1b1b1b}
h1{font-size:1.6rem;margin:0 0 .3rem}h2{margin-top:2rem;border-bottom:1px solid #ddd;padding-bottom:.2rem}
.meta{color:#555}code{font-size:.9em}
.cards{display:flex;gap:.8rem;flex-wrap:wrap;margin:1.2rem 0}
.card{border:1px solid #ddd;border-radius:8px;padding:.6rem 1rem;min-width:110px}
.card .value{font-size:1.7rem;font-weight:600}.card .label{color:#555}
.card.bad .value{color:#c62828}.card.good .value{color:#2e7d32}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #e0e0e0;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f5f5f5}td.num{text-align:right}td.pass{color:#2e7d32;font-weight:600}td.fail{color:#c62828;font-weight:600}
.sev-error{color:#c62828}.sev-warning{color:#ef6c00}.sev-info{color:#1565c0}
.swatch{display:inline-block;width:.8em;height:.8em;margin:0 .3em 0 .8em;vertical-align:middle}
details{margin:.4rem 0}summary{cursor:pointer;font-weight:600}footer{margin-top:2rem;color:#777}
@media print{details{display:block}details>summary{list-style:none}}
`;
