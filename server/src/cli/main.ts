// `enclint` command line (bundled to dist/cli.js; bin/enclint.js is the installed entry point).
// main() takes its streams and working directory as arguments so tests can run it in-process.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRules } from '../../../rules';
import { ConfigError, mergeConfig, type EnclintConfig } from '../engine/config';
import { HELP, parseCli, type CliOptions } from './args';
import { displayPath, knownRuleKeys, UsageError } from './discover';
import { applyBaseline, baselineOf, pruneBaseline, readBaseline, writeBaseline, type BaselineOutcome } from './baseline';
import { formatGitlab } from './formatters/gitlab';
import { formatHtmlReport } from './formatters/html';
import { formatJson } from './formatters/json';
import { formatJunit } from './formatters/junit';
import { formatMarkdown } from './formatters/markdown';
import { formatRulesJson, formatRulesText } from './formatters/rules';
import { formatSarif } from './formatters/sarif';
import { formatText } from './formatters/text';
import { defaultCacheDir } from './cache';
import { createProgress } from './progress';
import { scan, summarize } from './scan';
import type { ScanResult } from './types';
import { version } from './version';

export interface OutputStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface CliIo {
  stdout: OutputStream;
  stderr: OutputStream;
  cwd: string;
  env: Record<string, string | undefined>;
}

export const EXIT_CLEAN = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

export async function main(argv: string[], io: CliIo): Promise<number> {
  let options: CliOptions;
  try {
    options = parseCli(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`enclint: ${error.message}\nRun "enclint --help" for usage.\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
  if (options.command === 'help') {
    io.stdout.write(`${HELP}\n`);
    return EXIT_CLEAN;
  }
  if (options.command === 'version') {
    io.stdout.write(`${version}\n`);
    return EXIT_CLEAN;
  }
  if (options.command === 'rules') {
    io.stdout.write(options.format === 'json' ? formatRulesJson(allRules) : formatRulesText(allRules));
    return EXIT_CLEAN;
  }

  let result: ScanResult;
  const progress = createProgress(io.stderr);
  try {
    const overlay = buildOverlay(options);
    result = await scan({
      paths: options.paths,
      cwd: io.cwd,
      configFile: options.config,
      overlay,
      fix: options.fix,
      threshold: options.threshold,
      jobs: options.jobs ?? jobsFromEnv(io.env),
      timing: options.stats,
      shard: options.shard,
      cacheDir: options.cache === undefined ? undefined : options.cache ? path.resolve(io.cwd, options.cache) : defaultCacheDir(io.cwd),
      onStart: progress.start,
      onProgress: progress.update,
    });
  } catch (error) {
    if (error instanceof ConfigError) {
      io.stderr.write(`enclint: invalid configuration: ${displayPath(path.resolve(io.cwd, error.file), io.cwd)}:${error.line}:${error.column}: ${error.detail}\n`);
      return EXIT_USAGE;
    }
    if (error instanceof UsageError) {
      io.stderr.write(`enclint: ${error.message}\n`);
      return EXIT_USAGE;
    }
    throw error;
  } finally {
    progress.done();
  }

  if (options.reportUnusedDirectives) reportUnusedDirectives(result);
  if (options.writeBaseline) {
    const target = path.resolve(io.cwd, options.writeBaseline);
    const baseline = baselineOf(result);
    try {
      writeBaseline(target, baseline);
    } catch (error) {
      io.stderr.write(`enclint: cannot write ${options.writeBaseline}: ${(error as Error).message}\n`);
      return EXIT_USAGE;
    }
    io.stderr.write(`enclint: recorded ${baseline.findings.length} finding${baseline.findings.length === 1 ? '' : 's'} in ${options.writeBaseline}; scan with --baseline ${options.writeBaseline} to see only new ones\n`);
    return EXIT_CLEAN;
  }
  let baselineOutcome: BaselineOutcome | undefined;
  if (options.baseline) {
    const file = path.resolve(io.cwd, options.baseline);
    try {
      const baseline = readBaseline(file);
      baselineOutcome = applyBaseline(result, baseline);
      if (options.pruneBaseline && baselineOutcome.fixed.length) writeBaseline(file, pruneBaseline(baseline, baselineOutcome.fixed));
    } catch (error) {
      io.stderr.write(`enclint: ${(error as Error).message}\n`);
      return EXIT_USAGE;
    }
    result.summary = { ...summarize(result.files, result.threshold), baselined: baselineOutcome.matched, baselineFixed: baselineOutcome.fixed.length };
  }

  const exitCode = result.summary.failing > 0 ? EXIT_FINDINGS : EXIT_CLEAN;
  const color = options.color ?? (!!io.env.FORCE_COLOR || (!options.output && !!io.stdout.isTTY && !io.env.NO_COLOR));
  const report = formatReport(result, options, exitCode, color, io.cwd);
  if (baselineOutcome && !options.quiet) {
    const { matched, fixed } = baselineOutcome;
    const pruned = options.pruneBaseline && fixed.length ? `; removed them from ${options.baseline}` : fixed.length ? ' (shrink the file with --prune-baseline)' : '';
    io.stderr.write(`enclint: baseline ${options.baseline}: ${matched} known finding${matched === 1 ? '' : 's'} hidden, ${fixed.length} fixed${pruned}\n`);
  }
  for (const extra of options.extraOutputs) {
    const target = path.resolve(io.cwd, extra.file);
    try {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, formatReport(result, { ...options, format: extra.format }, exitCode, false, io.cwd));
    } catch (error) {
      io.stderr.write(`enclint: cannot write ${extra.file}: ${(error as Error).message}\n`);
      return EXIT_USAGE;
    }
  }
  if (options.output) {
    const target = path.resolve(io.cwd, options.output);
    try {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, report);
    } catch (error) {
      io.stderr.write(`enclint: cannot write ${options.output}: ${(error as Error).message}\n`);
      return EXIT_USAGE;
    }
    // The report went to a file: leave one line in the CI log so the run is not silent.
    if (!options.quiet) io.stderr.write(`enclint: ${summaryLine(result)} → ${options.output}\n`);
  } else {
    io.stdout.write(report);
  }
  if (options.stats) {
    io.stderr.write(
      `enclint: ${result.summary.filesScanned} files scanned, ${result.summary.filesSkipped} skipped, ${result.hclParses} Terraform parses, ` +
        `${result.workers || 'no'} workers, ${Math.round(result.durationMs)} ms` +
        (result.cache ? `, cache: ${result.cache.hits} units reused, ${result.cache.misses} analysed (${displayPath(result.cache.dir, io.cwd)})` : '') +
        (result.shard ? `, shard ${result.shard.index}/${result.shard.count}` : '') +
        '\n',
    );
    const timings = Object.entries(result.timings ?? {}).sort((a, b) => b[1] - a[1]);
    const total = timings.reduce((n, [, ms]) => n + ms, 0) || 1;
    // CPU time summed over workers, like ESLint's TIMING=1 table.
    for (const [name, ms] of timings) io.stderr.write(`  ${name.padEnd(32)} ${ms.toFixed(0).padStart(8)} ms  ${((ms / total) * 100).toFixed(1).padStart(5)}%\n`);
  }
  return exitCode;
}

function formatReport(result: ScanResult, options: CliOptions, exitCode: number, color: boolean, cwd: string): string {
  switch (options.format) {
    case 'sarif':
      return formatSarif(result, exitCode);
    case 'json':
      return formatJson(result);
    case 'junit':
      return formatJunit(result);
    case 'gitlab':
      return formatGitlab(result);
    case 'markdown':
      return formatMarkdown(result);
    case 'html':
      return formatHtmlReport(result, { cwd });
    default:
      return formatText(result, { color: options.output ? false : color, quiet: options.quiet });
  }
}

/**
 * `--report-unused-disable-directives`: a directive that suppresses nothing becomes a warning notice
 * (so it fails the run at the default threshold, as ESLint's flag does) and shows in every format.
 */
function reportUnusedDirectives(result: ScanResult): void {
  for (const file of result.files) {
    for (const unused of file.unusedSuppressions ?? []) {
      file.notices.push({
        path: file.path,
        level: 'warning',
        kind: 'unused-directive',
        span: unused.span,
        range: unused.range,
        message: `unused enclint-disable directive: no ${unused.rules.length ? unused.rules.join(', ') : 'enclint'} finding ${unused.line < 0 ? 'in this file' : `on line ${unused.line + 1}`} to suppress; remove it`,
      });
    }
  }
  result.summary = summarize(result.files, result.threshold);
}

function summaryLine(result: ScanResult): string {
  const { errors, warnings, infos, suppressed, fixed } = result.summary;
  const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
  const parts = [`${count(errors + warnings + infos, 'problem')} (${count(errors, 'error')}, ${count(warnings, 'warning')}, ${infos} info)`];
  if (suppressed) parts.push(`${suppressed} suppressed`);
  if (fixed) parts.push(`${fixed} fixed`);
  return `${parts.join(', ')} in ${count(result.files.length, 'file')}`;
}

/** `--profile` and `--rule` apply on top of whichever config governs a file. */
function buildOverlay(options: CliOptions): ((config: EnclintConfig) => EnclintConfig) | undefined {
  const { profile, rules: selected } = options;
  if (!profile && !selected) return undefined;
  if (selected) {
    const known = knownRuleKeys();
    const unknown = selected.filter((id) => !known.has(id));
    if (unknown.length) throw new UsageError(`unknown rule ${unknown.map((id) => `"${id}"`).join(', ')} (known: ${[...known].join(', ')})`);
  }
  return (config) => {
    let merged = profile ? mergeConfig(config, { profile }) : config;
    if (selected) {
      const rules = { ...merged.rules };
      // Restricts, never re-enables: a rule a config turned off (say, for a legacy folder) stays off.
      for (const rule of allRules) {
        const chosen = selected.includes(rule.meta.id) || selected.includes(rule.meta.family);
        if (!chosen) rules[rule.meta.id] = { enabled: false };
      }
      merged = { ...merged, rules };
    }
    return merged;
  };
}

function jobsFromEnv(env: Record<string, string | undefined>): number | undefined {
  const value = env.ENCLINT_JOBS;
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
}

/** Entry point for bin/enclint.js and `node dist/cli.js`. */
export function run(argv: string[] = process.argv.slice(2)): void {
  // `enclint scan | head` closes the pipe early: stop quietly instead of crashing on EPIPE.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? EXIT_CLEAN);
  });
  main(argv, { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: Error) => {
      process.stderr.write(`enclint: internal error: ${error.stack ?? error.message}\n`);
      process.exitCode = EXIT_USAGE;
    },
  );
}

if (require.main === module) run();
