// Command-line parsing for `enclint`. Strict: an unknown flag or a bad value is a usage error
// (exit 2), never silently ignored — a typo in CI must not turn the check off.
import { parseArgs } from 'node:util';
import type { ProfileName } from '../engine/config';
import type { Severity } from '../engine/types';
import { UsageError } from './discover';
import { parseShard, type Shard } from './shard';

export type Format = 'text' | 'json' | 'sarif' | 'junit' | 'gitlab' | 'markdown' | 'html';

export interface CliOptions {
  command: 'scan' | 'report' | 'rules' | 'help' | 'version';
  paths: string[];
  format: Format;
  output?: string;
  fix: boolean;
  config?: string;
  threshold: Severity;
  rules?: string[];
  profile?: ProfileName;
  color?: boolean;
  quiet: boolean;
  jobs?: number;
  /** Print parse and timing figures on stderr (used by `npm run bench`). */
  stats: boolean;
  /** `--baseline FILE`: report only findings the baseline does not record. */
  baseline?: string;
  /** `--write-baseline FILE`: record today's findings and exit 0. */
  writeBaseline?: string;
  /** `--prune-baseline`: rewrite the `--baseline` file without the entries that are fixed. */
  pruneBaseline: boolean;
  /** `--report-unused-disable-directives`: directives that suppress nothing are warnings. */
  reportUnusedDirectives: boolean;
  /** `--sarif-output FILE` and the like: the same scan written in more formats (one scan, many reports). */
  extraOutputs: Array<{ format: Format; file: string }>;
  /** `--shard K/N`. */
  shard?: Shard;
  /** `--cache` (empty string: the default folder) or `--cache=DIR`. */
  cache?: string;
}

export const HELP = `usage: enclint scan [paths…] [options]
       enclint report [paths…] [-o FILE]      one self-contained HTML evidence report (per control)
       enclint rules [--format text|json]     list the rules with family, severity and title

Scans Terraform, CloudFormation, CDK, IAM/KMS policy JSON, application code and .env files for
violations of the encryption and key-management policy. Paths default to the current directory.

options:
  -f, --format FORMAT                text | json | sarif | junit | gitlab | markdown (default: text,
                                     or from --output's extension: .sarif .json .xml .md)
  -o, --output FILE                  write the report to FILE instead of stdout
      --fix                          apply safe fixes to the files, then report what is left
  -c, --config FILE                  use this config for every file (default: the nearest
                                     .enclint.yaml above each scanned file)
      --severity-threshold LEVEL     error | warning | info: lowest severity that fails the run
                                     (default: warning)
      --rule ID[,ID…]                run only these rules (ids or families) among those enabled
      --profile recommended|strict   override the profile (strict: TLS 1.3)
      --no-color                     plain output (also NO_COLOR=1)
  -q, --quiet                        report only findings at or above the threshold
  -j, --jobs N                       worker threads (default: from the amount of work, at most
                                     one per idle core; 0 = in-process)
      --shard K/N                    scan only shard K of N (stable by path hash; a Terraform
                                     module directory stays in one shard)
      --cache[=DIR]                  reuse the results of unchanged files (default DIR:
                                     node_modules/.cache/enclint, else .enclint-cache)
      --stats                        print counts and time per rule on stderr
      --baseline FILE                report only findings not recorded in FILE; says how many
                                     recorded ones are fixed
      --write-baseline FILE          record the current findings in FILE (exit 0)
      --prune-baseline               with --baseline: drop the fixed entries from FILE
      --report-unused-disable-directives
                                     enclint-disable comments that suppress nothing are warnings
      --sarif-output FILE            also write the report as SARIF to FILE (likewise --json-output,
                                     --junit-output, --gitlab-output, --markdown-output): one scan,
                                     several reports
  -v, --version                      print the version
  -h, --help                         print this help

exit codes: 0 no findings at or above the threshold, 1 findings, 2 usage or configuration error`;

const FORMATS: Format[] = ['text', 'json', 'sarif', 'junit', 'gitlab', 'markdown'];
const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

export function parseCli(argv: string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      // `--cache` takes an optional folder, which parseArgs cannot express: a bare `--cache` becomes
      // `--cache=` (the default folder); a folder is given as `--cache=DIR`, so `--cache src` still
      // scans src.
      args: argv.map((arg) => (arg === '--cache' ? '--cache=' : arg)),
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        output: { type: 'string', short: 'o' },
        fix: { type: 'boolean' },
        config: { type: 'string', short: 'c' },
        'severity-threshold': { type: 'string' },
        rule: { type: 'string', multiple: true },
        profile: { type: 'string' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        quiet: { type: 'boolean', short: 'q' },
        jobs: { type: 'string', short: 'j' },
        stats: { type: 'boolean' },
        baseline: { type: 'string' },
        'write-baseline': { type: 'string' },
        'prune-baseline': { type: 'boolean' },
        'report-unused-disable-directives': { type: 'boolean' },
        'sarif-output': { type: 'string' },
        'json-output': { type: 'string' },
        'junit-output': { type: 'string' },
        'gitlab-output': { type: 'string' },
        'markdown-output': { type: 'string' },
        shard: { type: 'string' },
        cache: { type: 'string' },
        version: { type: 'boolean', short: 'v' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/^TypeError \[[A-Z_]+\]: /, ''));
  }
  const { values, positionals } = parsed;
  const base: CliOptions = { command: 'scan', paths: [], format: 'text', fix: false, threshold: 'warning', quiet: false, stats: false, pruneBaseline: false, reportUnusedDirectives: false, extraOutputs: [] };
  if (values.help) return { ...base, command: 'help' };
  if (values.version) return { ...base, command: 'version' };

  const [command, ...paths] = positionals;
  if (command === 'help') return { ...base, command: 'help' };
  if (command === 'rules') {
    if (paths.length) throw new UsageError('enclint rules takes no paths');
    if (values.format !== undefined && values.format !== 'text' && values.format !== 'json') throw new UsageError('enclint rules --format must be text or json');
    return { ...base, command: 'rules', format: (values.format ?? 'text') as Format };
  }
  if (command !== 'scan' && command !== 'report') throw new UsageError(command ? `unknown command "${command}" (expected: scan, report or rules)` : 'missing command (expected: enclint scan [paths…])');

  let format: Format;
  if (command === 'report') {
    if (values.format !== undefined && values.format !== 'html') throw new UsageError('enclint report --format must be html');
    format = 'html';
  } else {
    // `-o report.sarif` alone means SARIF: the extension says what the file is for.
    const inferred: Format | undefined = values.output ? INFERRED_FORMATS.find(([ext]) => values.output!.endsWith(ext))?.[1] : undefined;
    format = (values.format ?? inferred ?? 'text') as Format;
    if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${values.format}"`);
  }
  if (values['prune-baseline'] && !values.baseline) throw new UsageError('--prune-baseline needs --baseline FILE (the file to prune)');
  if (values['write-baseline'] !== undefined && values.baseline !== undefined) throw new UsageError('--write-baseline and --baseline cannot be combined (write one, then use it)');
  if (values['write-baseline'] === '' || values.baseline === '') throw new UsageError('--baseline and --write-baseline need a file name');
  const threshold = (values['severity-threshold'] ?? 'warning') as Severity;
  if (!SEVERITIES.includes(threshold)) throw new UsageError(`--severity-threshold must be one of ${SEVERITIES.join(', ')}, not "${values['severity-threshold']}"`);
  const profile = values.profile as ProfileName | undefined;
  if (profile !== undefined && profile !== 'recommended' && profile !== 'strict') throw new UsageError(`--profile must be recommended or strict, not "${profile}"`);
  let jobs: number | undefined;
  if (values.jobs !== undefined) {
    jobs = Number(values.jobs);
    if (!Number.isInteger(jobs) || jobs < 0 || jobs > 256) throw new UsageError(`--jobs must be a whole number from 0 to 256, not "${values.jobs}"`);
  }
  if (values.output === '') throw new UsageError('--output needs a file name');
  const rules = values.rule?.flatMap((list) => list.split(',')).map((id) => id.trim()).filter(Boolean);

  return {
    command: command === 'report' ? 'report' : 'scan',
    paths: paths.length ? paths : ['.'],
    format,
    output: values.output,
    fix: values.fix ?? false,
    config: values.config,
    threshold,
    rules,
    profile,
    color: values['no-color'] ? false : values.color,
    quiet: values.quiet ?? false,
    jobs,
    stats: values.stats ?? false,
    baseline: values.baseline,
    writeBaseline: values['write-baseline'],
    pruneBaseline: values['prune-baseline'] ?? false,
    reportUnusedDirectives: values['report-unused-disable-directives'] ?? false,
    extraOutputs: EXTRA_OUTPUTS.flatMap((format) => {
      const file = values[`${format}-output`];
      if (file === '') throw new UsageError(`--${format}-output needs a file name`);
      return file === undefined ? [] : [{ format, file }];
    }),
    ...(values.shard !== undefined ? { shard: parseShard(values.shard) } : {}),
    ...(values.cache !== undefined ? { cache: values.cache } : {}),
  };
}

const EXTRA_OUTPUTS = ['sarif', 'json', 'junit', 'gitlab', 'markdown'] as const;

const INFERRED_FORMATS: Array<[string, Format]> = [
  ['.sarif', 'sarif'],
  ['.json', 'json'],
  ['.xml', 'junit'],
  ['.md', 'markdown'],
];
