// Command-line parsing for `enclint`. Strict: an unknown flag or a bad value is a usage error
// (exit 2), never silently ignored — a typo in CI must not turn the check off.
import { parseArgs } from 'node:util';
import type { ProfileName } from '../engine/config';
import type { Severity } from '../engine/types';
import { UsageError } from './discover';

export type Format = 'text' | 'json' | 'sarif';

export interface CliOptions {
  command: 'scan' | 'rules' | 'help' | 'version';
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
}

export const HELP = `usage: enclint scan [paths…] [options]
       enclint rules [--format text|json]     list the rules with family, severity and title

Scans Terraform, CloudFormation, CDK, IAM/KMS policy JSON, application code and .env files for
violations of the encryption and key-management policy. Paths default to the current directory.

options:
  -f, --format text|json|sarif       output format (default: text, or from --output's .sarif/.json)
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
  -j, --jobs N                       worker threads (default: one per core; 0 = in-process)
      --stats                        print counts and time per rule on stderr
  -v, --version                      print the version
  -h, --help                         print this help

exit codes: 0 no findings at or above the threshold, 1 findings, 2 usage or configuration error`;

const FORMATS: Format[] = ['text', 'json', 'sarif'];
const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

export function parseCli(argv: string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
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
        version: { type: 'boolean', short: 'v' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/^TypeError \[[A-Z_]+\]: /, ''));
  }
  const { values, positionals } = parsed;
  const base: CliOptions = { command: 'scan', paths: [], format: 'text', fix: false, threshold: 'warning', quiet: false, stats: false };
  if (values.help) return { ...base, command: 'help' };
  if (values.version) return { ...base, command: 'version' };

  const [command, ...paths] = positionals;
  if (command === 'help') return { ...base, command: 'help' };
  if (command === 'rules') {
    if (paths.length) throw new UsageError('enclint rules takes no paths');
    if (values.format !== undefined && values.format !== 'text' && values.format !== 'json') throw new UsageError('enclint rules --format must be text or json');
    return { ...base, command: 'rules', format: (values.format ?? 'text') as Format };
  }
  if (command !== 'scan') throw new UsageError(command ? `unknown command "${command}" (expected: scan or rules)` : 'missing command (expected: enclint scan [paths…])');

  // `-o report.sarif` alone means SARIF: the extension says what the file is for.
  const inferred: Format | undefined = values.output?.endsWith('.sarif') ? 'sarif' : values.output?.endsWith('.json') ? 'json' : undefined;
  const format = (values.format ?? inferred ?? 'text') as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${values.format}"`);
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
    command: 'scan',
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
  };
}
