// Baselines: "tell us only about new problems". `--write-baseline FILE` records today's findings by
// their engine fingerprint (rule + path + the normalised text around the finding, never a line
// number, so an entry survives edits above it); `--baseline FILE` drops findings already recorded and
// counts the recorded ones that are gone (fixed), and `--prune-baseline` rewrites the file without
// them so it only ever shrinks. Like detect-secrets' and Checkov's baselines, the file is plain,
// sorted JSON meant to be committed and reviewed; messages are the engine's (secrets already masked).
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ScanResult } from './types';
import { version } from './version';
import { UsageError } from './discover';

export const BASELINE_FORMAT = 1;

export interface BaselineEntry {
  fingerprint: string;
  ruleId: string;
  path: string;
  /** 1-based line when recorded; informational only (matching uses the fingerprint). */
  line: number;
  message: string;
}

export interface Baseline {
  format: number;
  tool: string;
  version: string;
  findings: BaselineEntry[];
}

export interface BaselineOutcome {
  /** Findings hidden because the baseline records them. */
  matched: number;
  /** Baseline entries of scanned files that no finding matches any more. */
  fixed: BaselineEntry[];
}

export function readBaseline(file: string): Baseline {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read baseline ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`baseline ${file} is not valid JSON: ${(error as Error).message}`);
  }
  const baseline = data as Partial<Baseline>;
  if (!baseline || typeof baseline !== 'object' || !Array.isArray(baseline.findings) || baseline.findings.some((e) => typeof e?.fingerprint !== 'string')) {
    throw new UsageError(`baseline ${file} is not an enclint baseline (expected { "findings": [{ "fingerprint": … }] }; write one with --write-baseline)`);
  }
  if (baseline.format !== undefined && baseline.format > BASELINE_FORMAT) {
    throw new UsageError(`baseline ${file} has format ${baseline.format}; this enclint ${version} reads format ${BASELINE_FORMAT}: upgrade enclint`);
  }
  return { format: BASELINE_FORMAT, tool: 'enclint', version: baseline.version ?? 'unknown', findings: baseline.findings as BaselineEntry[] };
}

/** Today's unsuppressed findings as a baseline (suppressed ones are already accounted for in the source). */
export function baselineOf(scan: ScanResult): Baseline {
  const findings = scan.files
    .flatMap((file) => file.findings.filter((f) => !f.suppression).map((f) => ({ fingerprint: f.fingerprint, ruleId: f.ruleId, path: file.path, line: f.range.start.line + 1, message: f.message })))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line || a.ruleId.localeCompare(b.ruleId)));
  return { format: BASELINE_FORMAT, tool: 'enclint', version, findings };
}

export function writeBaseline(file: string, baseline: Baseline): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(baseline, null, 2)}\n`);
}

/**
 * Removes the findings the baseline records from `scan` (in place) and reports what it did. A
 * fingerprint recorded twice covers two findings: entries are counted, not just looked up.
 */
export function applyBaseline(scan: ScanResult, baseline: Baseline): BaselineOutcome {
  const remaining = new Map<string, BaselineEntry[]>();
  for (const entry of baseline.findings) {
    const list = remaining.get(entry.fingerprint);
    if (list) list.push(entry);
    else remaining.set(entry.fingerprint, [entry]);
  }
  let matched = 0;
  const scannedPaths = new Set<string>();
  for (const file of scan.files) {
    scannedPaths.add(file.path);
    file.findings = file.findings.filter((finding) => {
      if (finding.suppression) return true;
      const entries = remaining.get(finding.fingerprint);
      if (!entries?.length) return true;
      entries.pop();
      matched++;
      return false;
    });
  }
  // Only entries of files this run scanned can be called fixed: a scan of one folder says nothing
  // about the rest of the repository.
  const fixed = [...remaining.values()].flat().filter((entry) => scannedPaths.has(entry.path) || !fileExists(entry.path, scan));
  return { matched, fixed };
}

/** A recorded file that no longer exists was fixed by deleting it; one outside the scanned paths was just not looked at. */
function fileExists(entryPath: string, scan: ScanResult): boolean {
  const absolute = path.resolve(scan.root, entryPath);
  return fs.existsSync(absolute);
}

export function pruneBaseline(baseline: Baseline, fixed: BaselineEntry[]): Baseline {
  const gone = new Set(fixed);
  return { ...baseline, version, findings: baseline.findings.filter((entry) => !gone.has(entry)) };
}
