// What the scan produces, independent of how it is printed. Everything here is plain data so a
// worker thread can post it back to the main thread unchanged.
import type { EnclintConfig, IgnoreEntry } from '../engine/config';
import type { Finding, Fix, Notice, Range, Severity, SourceKind, TextEdit, UnusedSuppression } from '../engine/types';

/** A fix edit with its range resolved, so formatters (SARIF regions) need not re-read the file. */
export interface ResolvedEdit extends TextEdit {
  range: Range;
}

export interface ResolvedFix extends Omit<Fix, 'edits'> {
  edits: ResolvedEdit[];
}

export interface ScannedFinding extends Omit<Finding, 'fixes'> {
  fixes: ResolvedFix[];
}

export interface FileResult {
  /** Path as shown to the user: relative to the working directory, `/`-separated. */
  path: string;
  absolutePath: string;
  kind: SourceKind | undefined;
  findings: ScannedFinding[];
  notices: Notice[];
  /** Safe fixes applied with `--fix` (0 otherwise). */
  fixed: number;
  /** `enclint-disable` directives that suppressed nothing (see --report-unused-disable-directives). */
  unusedSuppressions?: UnusedSuppression[];
}

/** One directory's files, analysed together so Terraform `var.`/`local.` resolve across the module. */
export interface ScanUnit {
  dir: string;
  files: Array<{ absolutePath: string; path: string }>;
  /**
   * The directory's other Terraform files, read only so `var.`/`local.` resolve (e.g. when a
   * pre-commit hook names just the changed `main.tf`); never reported on.
   */
  moduleContext?: Array<{ absolutePath: string; path: string }>;
  config: EnclintConfig;
  /** Size of `files` on disk when discovered: the measure of work that sizes the worker pool. */
  bytes?: number;
}

export interface UnitOptions {
  fix: boolean;
  /** Measure time per rule (`--stats`). */
  timing?: boolean;
}

export interface UnitResult {
  files: FileResult[];
  /** Terraform parses done for this unit; the benchmark checks it equals the number of Terraform files. */
  hclParses: number;
  /** With `timing`: milliseconds per rule id, plus `(read + parse)` and `(engine outside rules)`. */
  timings?: Record<string, number>;
}

export interface ScanSummary {
  filesScanned: number;
  filesSkipped: number;
  errors: number;
  warnings: number;
  infos: number;
  suppressed: number;
  fixed: number;
  /** Unsuppressed findings at or above the severity threshold: these decide the exit code. */
  failing: number;
  /** With `--baseline`: findings hidden because the baseline records them, and recorded ones now fixed. */
  baselined?: number;
  baselineFixed?: number;
  /** With `--report-unused-disable-directives`: directives that suppress nothing (they fail the run at warning). */
  unusedDirectives?: number;
}

export interface ScanResult {
  /** The directory SARIF's %SRCROOT% and the displayed paths are relative to. */
  root: string;
  files: FileResult[];
  /** The configurations that governed the scanned files (built-in defaults have no path). */
  configs?: Array<{ path?: string; ignoreEntries: IgnoreEntry[] }>;
  /** Notices not tied to a scanned file's content (unsupported file named on the command line, …). */
  summary: ScanSummary;
  threshold: Severity;
  durationMs: number;
  hclParses: number;
  workers: number;
  timings?: Record<string, number>;
  /** `--shard K/N`, when given (SARIF names the run after it). */
  shard?: { index: number; count: number };
  /** `--cache`: where, and how many units were reused or analysed. */
  cache?: { dir: string; hits: number; misses: number };
}

export const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };
