// Analyses one directory's files. Runs in a worker thread or, for small scans, in the main thread;
// either way it is the only place the CLI reads file contents and (with --fix) writes them.
//
// Terraform files of a directory form one module: each is parsed once, up front, and its tree is
// both seeded into its own analysis and shared as a sibling, so `var.x` resolves across files
// without any file being parsed twice.
import * as fs from 'node:fs';
import { threadId } from 'node:worker_threads';
import { allRules } from '../../../rules';
import type { Rule, RuleContext } from '../../../rules/define';
import { analyze, fixAll } from '../engine/engine';
import { hclParseCount, parseHcl, type SyntaxTree } from '../engine/parsers/hcl';
import { decodeBytes, detectKind, SourceFile } from '../engine/source';
import type { AnalysisResult, Finding, Notice, RelatedLocation } from '../engine/types';
import type { FileResult, ResolvedFix, ScannedFinding, ScanUnit, UnitOptions, UnitResult } from './types';

interface LoadedFile {
  absolutePath: string;
  path: string;
  source?: SourceFile;
  /** Why the file is not analysed (too large, binary, unreadable). */
  skipped?: string;
}

const ANALYSIS = '(analysis)';

const isTerraform = (file: SourceFile | undefined): boolean => file?.kind === 'terraform' || file?.kind === 'terraform-vars';

export function analyzeUnit(unit: ScanUnit, options: UnitOptions): UnitResult {
  const parsesBefore = hclParseCount();
  const timings: Record<string, number> | undefined = options.timing ? {} : undefined;
  const rules = timings ? timedRules(timings) : undefined;
  const parseStarted = performance.now();
  const loaded = unit.files.map((file) => loadFile(file, unit.config.maxFileBytes));
  const context = (unit.moduleContext ?? []).map((file) => loadFile(file, unit.config.maxFileBytes)).filter((file) => file.source);
  const trees: SyntaxTree[] = [];
  // Parse every Terraform file of the module exactly once; analyses below reuse these trees.
  for (const file of [...loaded, ...context]) {
    if (!isTerraform(file.source)) continue;
    const source = file.source!;
    source.cached('hcl-tree', () => {
      const tree = parseHcl(source.text);
      trees.push(tree);
      return tree;
    });
  }

  if (timings) timings['(read + parse)'] = performance.now() - parseStarted;

  const results: FileResult[] = [];
  // One sibling list for the whole directory (rebuilt only when --fix replaces a file), so the
  // engine builds the module and its module-wide facts once, not once per file.
  const terraformSources = () => [...loaded, ...context].filter((f) => isTerraform(f.source)).map((f) => f.source!);
  let siblings = terraformSources();
  try {
    for (let i = 0; i < loaded.length; i++) {
      const file = loaded[i];
      if (!file.source) {
        results.push(emptyResult(file, [{ path: file.path, level: 'warning', kind: 'skipped', message: file.skipped ?? 'not scanned' }]));
        continue;
      }
      try {
        const started = performance.now();
        results.push(analyzeFile(file, siblings, unit, options, rules, (updated) => {
          loaded[i] = { ...file, source: updated };
          siblings = terraformSources();
        }));
        if (timings) timings[ANALYSIS] = (timings[ANALYSIS] ?? 0) + performance.now() - started;
      } catch (error) {
        // The engine already isolates rules; this catches the rest (say, a parser bug) so one file
        // can never abort a scan of thousands.
        results.push(emptyResult(file, [{ path: file.path, level: 'error', kind: 'rule-error', message: `could not analyse this file: ${(error as Error).message}` }]));
      }
    }
  } finally {
    // Trees live in WebAssembly memory, which JavaScript's garbage collector does not reclaim.
    for (const tree of trees) tree.delete();
  }
  if (timings) {
    // What analysis spent outside the rules: syntax checks, models, suppressions, --fix passes.
    const inRules = Object.entries(timings).filter(([key]) => !key.startsWith('(')).reduce((n, [, ms]) => n + ms, 0);
    timings['(engine outside rules)'] = (timings[ANALYSIS] ?? 0) - inRules;
    delete timings[ANALYSIS];
  }
  return { files: results, hclParses: hclParseCount() - parsesBefore, ...(timings ? { timings } : {}) };
}

/**
 * The registered rules with each checker wrapped in a timer. A model built lazily (the policy
 * documents, say) is charged to the first rule that asks for it, as ESLint's TIMING does.
 */
function timedRules(timings: Record<string, number>): Rule[] {
  return allRules.map((rule) => ({
    meta: rule.meta,
    check: Object.fromEntries(
      Object.entries(rule.check).map(([kind, check]) => [
        kind,
        (context: RuleContext) => {
          const started = performance.now();
          try {
            check!(context);
          } finally {
            timings[rule.meta.id] = (timings[rule.meta.id] ?? 0) + performance.now() - started;
          }
        },
      ]),
    ),
  }));
}

function loadFile(file: { absolutePath: string; path: string }, maxFileBytes: number): LoadedFile {
  let bytes: Buffer;
  try {
    const stat = fs.statSync(file.absolutePath);
    // A symlink to a FIFO or device would block the read forever; a link to a folder cannot be read.
    if (!stat.isFile()) return { ...file, skipped: `skipped: not a regular file${stat.isDirectory() ? ' (a folder)' : ''}` };
    const size = stat.size;
    if (size > maxFileBytes) {
      return { ...file, skipped: `skipped: ${formatBytes(size)} is above the ${formatBytes(maxFileBytes)} limit (raise maxFileBytes in .enclint.yaml to scan it)` };
    }
    bytes = fs.readFileSync(file.absolutePath);
  } catch (error) {
    return { ...file, skipped: `skipped: cannot read the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
  }
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) return { ...file, skipped: `skipped: ${decoded.reason}` };
  return { ...file, source: new SourceFile({ path: file.path, text: decoded.text }) };
}

/**
 * Analyses one file; with --fix, first applies the safe fixes and writes the file, then reports
 * what is left in the fixed text. Terraform files see the module's other files as siblings.
 */
function analyzeFile(file: LoadedFile, siblings: SourceFile[], unit: ScanUnit, options: UnitOptions, rules: Rule[] | undefined, replace: (updated: SourceFile) => void): FileResult {
  const source = file.source!;
  const input = { path: source.path, text: source.text, kind: source.kind };
  const moduleFiles = isTerraform(source) ? siblings : undefined;
  const notices: Notice[] = [];
  if (options.fix) {
    const fixed = fixAll(input, { config: unit.config, moduleFiles, rules });
    if (fixed.applied > 0 && fixed.text !== source.text) {
      try {
        writeFixed(file.absolutePath, fixed.text);
        const updated = new SourceFile({ path: source.path, text: fixed.text });
        replace(updated);
        const updatedSiblings = siblings.map((s) => (s === source ? updated : s));
        const remaining = analyze({ ...input, text: fixed.text }, { config: unit.config, moduleFiles: moduleFiles && updatedSiblings, rules });
        return toFileResult(file, remaining, updated, updatedSiblings, fixed.applied);
      } catch (error) {
        if (!(error instanceof FixWriteError)) throw error;
        // The file is unchanged: report its findings as they are, and why they were not fixed.
        notices.push({ path: file.path, level: 'error', kind: 'rule-error', message: error.message });
      }
    }
  }
  // The kept SourceFile carries its parse tree and models, shared with the siblings' analyses.
  const result = analyze(source, { config: unit.config, moduleFiles, rules });
  result.notices.push(...notices);
  return toFileResult(file, result, source, siblings, 0);
}

class FixWriteError extends Error {}

/** Writes through a temporary file so an interrupted run never leaves a half-written source file. */
function writeFixed(absolutePath: string, text: string): void {
  let temporary = '';
  try {
    // Write the link's target: renaming over a symlink would replace the link with a copy.
    const target = fs.realpathSync(absolutePath);
    // Worker threads share the process id; the thread id keeps their temporary names apart.
    temporary = `${target}.enclint-${process.pid}-${threadId}.tmp`;
    const mode = fs.statSync(target).mode;
    fs.writeFileSync(temporary, text, { mode });
    fs.renameSync(temporary, target);
  } catch (error) {
    try {
      if (temporary) fs.unlinkSync(temporary);
    } catch {
      // Nothing was written, or it is not ours to remove.
    }
    throw new FixWriteError(`could not write the fixes (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}

function toFileResult(file: LoadedFile, result: AnalysisResult, source: SourceFile, siblings: SourceFile[], fixed: number): FileResult {
  const notices = [...result.notices];
  if (!result.kind) notices.push({ path: file.path, level: 'info', kind: 'skipped', message: 'skipped: not a file type enclint reads' });
  return {
    path: file.path,
    absolutePath: file.absolutePath,
    kind: result.kind,
    findings: result.findings.map((finding) => resolveFinding(finding, source, siblings)),
    notices,
    fixed,
    ...(result.unusedSuppressions ? { unusedSuppressions: result.unusedSuppressions } : {}),
  };
}

function resolveFinding(finding: Finding, source: SourceFile, siblings: SourceFile[]): ScannedFinding {
  const fixes: ResolvedFix[] = finding.fixes.map((fix) => ({
    ...fix,
    edits: fix.edits.map((edit) => ({ ...edit, range: source.lines.rangeOf(edit.span) })),
  }));
  const related = finding.related.map((location): RelatedLocation => {
    if (location.range) return location;
    // Origins in another file of the module (a variable default in variables.tf) need that file's lines.
    const sibling = siblings.find((s) => s.path === location.path);
    return sibling ? { ...location, range: sibling.lines.rangeOf(location.span) } : location;
  });
  return { ...finding, fixes, related };
}

function emptyResult(file: LoadedFile, notices: Notice[]): FileResult {
  return { path: file.path, absolutePath: file.absolutePath, kind: detectKind(file.path), findings: [], notices, fixed: 0 };
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} B`;
}
