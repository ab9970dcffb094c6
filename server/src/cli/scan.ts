// `enclint scan`: discover → analyse (parallel) → one ScanResult in a deterministic order.
import type { EnclintConfig } from '../engine/config';
import type { Severity } from '../engine/types';
import { ResultCache, unitKey } from './cache';
import { discover } from './discover';
import { runUnits } from './pool';
import type { Shard } from './shard';
import { SEVERITY_RANK, type FileResult, type ScanResult, type ScanSummary, type UnitResult } from './types';

export interface ScanOptions {
  paths: string[];
  cwd: string;
  configFile?: string;
  overlay?: (config: EnclintConfig) => EnclintConfig;
  fix: boolean;
  threshold: Severity;
  jobs?: number;
  timing?: boolean;
  /** `--shard K/N`: scan only this shard's files. */
  shard?: Shard;
  /** `--cache DIR`: reuse results of unchanged units (ignored with --fix, which writes files). */
  cacheDir?: string;
  /** Called once the file count is known, then with the number of files done. */
  onStart?: (total: number) => void;
  onProgress?: (done: number) => void;
}

export async function scan(options: ScanOptions): Promise<ScanResult> {
  const started = performance.now();
  const discovery = discover(options.paths, { cwd: options.cwd, configFile: options.configFile, overlay: options.overlay, shard: options.shard });
  options.onStart?.(discovery.fileCount);
  const cache = options.cacheDir && !options.fix ? new ResultCache(options.cacheDir) : undefined;
  const keys = cache ? discovery.units.map(unitKey) : [];
  const cached = cache ? keys.map((key) => cache.get(key)) : [];
  const pending = discovery.units.filter((_, i) => !cached[i]);
  const doneByCache = cached.reduce((n, result) => n + (result ? result.files.length : 0), 0);
  const outcome = await runUnits(pending, {
    fix: options.fix,
    timing: options.timing,
    jobs: options.jobs,
    onProgress: options.onProgress && ((done) => options.onProgress!(doneByCache + done)),
  });
  const results = cached.length ? mergeCached(cached, outcome.results) : outcome.results;
  if (cache) {
    let next = 0;
    cached.forEach((hit, i) => {
      if (!hit) cache.set(keys[i], outcome.results[next++]);
    });
  }
  const files: FileResult[] = results.flatMap((unit) => unit.files);
  for (const notice of discovery.notices) {
    files.push({ path: notice.path, absolutePath: notice.path, kind: undefined, findings: [], notices: [notice], fixed: 0 });
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const configs = [...new Set(discovery.units.map((unit) => unit.config))];
  return {
    root: options.cwd,
    files,
    configs: configs.map((config) => ({ path: config.configPath, ignoreEntries: config.ignoreEntries })),
    summary: summarize(files, options.threshold),
    threshold: options.threshold,
    durationMs: performance.now() - started,
    hclParses: outcome.results.reduce((n, unit) => n + unit.hclParses, 0),
    workers: outcome.workers,
    ...(options.timing ? { timings: sumTimings(outcome.results.map((unit) => unit.timings ?? {})) } : {}),
    ...(options.shard ? { shard: options.shard } : {}),
    ...(cache ? { cache: { dir: cache.dir, hits: cache.hits, misses: cache.misses } } : {}),
  };
}

/** Cached results in their units' places, the fresh ones filling the gaps in order. */
function mergeCached(cached: Array<UnitResult | undefined>, fresh: UnitResult[]): UnitResult[] {
  let next = 0;
  return cached.map((hit) => hit ?? fresh[next++]);
}

function sumTimings(all: Array<Record<string, number>>): Record<string, number> {
  const total: Record<string, number> = {};
  for (const timings of all) for (const [key, ms] of Object.entries(timings)) total[key] = (total[key] ?? 0) + ms;
  return total;
}

export function summarize(files: FileResult[], threshold: Severity): ScanSummary {
  const summary: ScanSummary = { filesScanned: 0, filesSkipped: 0, errors: 0, warnings: 0, infos: 0, suppressed: 0, fixed: 0, failing: 0 };
  for (const file of files) {
    if (file.notices.some((n) => n.kind === 'skipped')) summary.filesSkipped++;
    else summary.filesScanned++;
    summary.fixed += file.fixed;
    for (const notice of file.notices) {
      if (notice.kind !== 'unused-directive') continue;
      summary.unusedDirectives = (summary.unusedDirectives ?? 0) + 1;
      if (SEVERITY_RANK[notice.level] >= SEVERITY_RANK[threshold]) summary.failing++;
    }
    for (const finding of file.findings) {
      if (finding.suppression) {
        summary.suppressed++;
        continue;
      }
      if (finding.severity === 'error') summary.errors++;
      else if (finding.severity === 'warning') summary.warnings++;
      else summary.infos++;
      if (SEVERITY_RANK[finding.severity] >= SEVERITY_RANK[threshold]) summary.failing++;
    }
  }
  return summary;
}
