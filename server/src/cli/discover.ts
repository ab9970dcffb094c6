// Finds the files a scan covers and groups them into per-directory units, each with the config that
// governs it. Config problems surface here, before any work starts, so a broken `.enclint.yaml`
// stops the run (exit 2) instead of silently scanning with defaults.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { minimatch } from 'minimatch';
import { allRules } from '../../../rules';
import { defaultConfig, findConfigFile, loadConfigFile, type EnclintConfig } from '../engine/config';
import { detectKind } from '../engine/source';
import { FAMILIES, type Notice } from '../engine/types';
import { inShard, type Shard } from './shard';
import type { ScanUnit } from './types';

/**
 * Downloaded dependencies, generated output and VCS metadata: never the user's own code, and often
 * huge (a Python virtualenv is node_modules by another name).
 */
export const SKIPPED_DIRECTORIES = new Set(['node_modules', '.enclint-cache', '.terraform', '.terragrunt-cache', '.git', '.hg', '.svn', 'cdk.out', '.venv', 'venv', '__pycache__', '.tox']);

export class UsageError extends Error {}

const TERRAFORM_FILE = /\.tf(vars)?$/i;
/** Non-Terraform files are batched so a big folder becomes several units of work. */
const MAX_FILES_PER_UNIT = 32;

export interface DiscoverOptions {
  /** Working directory: displayed paths are relative to it. */
  cwd: string;
  /** `--config FILE`: one config for every file instead of the nearest `.enclint.yaml`. */
  configFile?: string;
  /** Applied on top of every file's config (`--profile`, `--rule`). */
  overlay?: (config: EnclintConfig) => EnclintConfig;
  /** `--shard K/N`: keep only this shard's files (see shard.ts). */
  shard?: Shard;
}

export interface Discovery {
  units: ScanUnit[];
  /** Paths named on the command line that are not scanned (unsupported type), reported as notices. */
  notices: Notice[];
  fileCount: number;
  /** Total size of the files, the measure of work that decides whether workers pay for themselves. */
  bytes: number;
}

export function knownRuleKeys(): Set<string> {
  return new Set<string>([...allRules.map((rule) => rule.meta.id), ...FAMILIES]);
}

/** Walks the given paths; throws UsageError for a path that does not exist and ConfigError for a broken config. */
export function discover(paths: string[], options: DiscoverOptions): Discovery {
  const configs = new ConfigResolver(options);
  const byDir = new Map<string, Set<string>>();
  const notices: Notice[] = [];
  const add = (file: string) => {
    const dir = path.dirname(file);
    if (!byDir.has(dir)) byDir.set(dir, new Set());
    byDir.get(dir)!.add(file);
  };

  for (const given of paths) {
    const absolute = path.resolve(options.cwd, given);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(absolute);
    } catch {
      throw new UsageError(`no such file or directory: ${given}`);
    }
    if (stat.isDirectory()) {
      walk(
        absolute,
        (file) => {
          if (!configs.isIgnored(file)) add(file);
        },
        // Ignored folders are not entered at all: faster, and a config file inside one (say, a
        // deliberately broken test fixture) is never loaded.
        (directory) => configs.isIgnored(directory, true),
      );
    } else if (detectKind(absolute)) {
      // A file named explicitly is scanned even if a skipped folder contains it, but `ignore` still applies.
      if (!configs.isIgnored(absolute)) add(absolute);
    } else {
      notices.push({ path: displayPath(absolute, options.cwd), level: 'info', kind: 'skipped', message: 'skipped: not a file type enclint reads' });
    }
  }

  const units: ScanUnit[] = [];
  let fileCount = 0;
  for (const dir of [...byDir.keys()].sort()) {
    let files = [...byDir.get(dir)!].sort();
    // One config per directory: the nearest config is the same for every file in it.
    const config = configs.forDirectory(dir);
    const entry = (absolutePath: string) => ({ absolutePath, path: displayPath(absolutePath, options.cwd) });
    // A directory's Terraform files are one module and must be analysed together; other files are
    // independent, so a folder of thousands of JSON or YAML files still spreads across workers.
    const shown = displayPath(dir, options.cwd) || '.';
    // A module directory is sharded as a whole; other files one by one.
    const terraform = inShard(`${shown}/`, options.shard) ? files.filter((file) => TERRAFORM_FILE.test(file)) : [];
    const others = files.filter((file) => !TERRAFORM_FILE.test(file) && inShard(displayPath(file, options.cwd), options.shard));
    files = [...terraform, ...others];
    if (!files.length) continue;
    const sizeOfAll = (list: string[]) => list.reduce((n, file) => n + sizeOf(file), 0);
    if (terraform.length) {
      const moduleContext = otherModuleFiles(dir, new Set(terraform)).map(entry);
      units.push({ dir, config, files: terraform.map(entry), bytes: sizeOfAll(terraform), ...(moduleContext.length ? { moduleContext } : {}) });
    }
    for (let i = 0; i < others.length; i += MAX_FILES_PER_UNIT) {
      const batch = others.slice(i, i + MAX_FILES_PER_UNIT);
      units.push({ dir, config, files: batch.map(entry), bytes: sizeOfAll(batch) });
    }
    fileCount += files.length;
  }
  // Path notices go to the shard of their path; config warnings (an expired ignore) to every shard.
  const shardNotices = [...notices.filter((notice) => inShard(notice.path, options.shard)), ...configs.expiredIgnoreNotices()];
  return { units, notices: shardNotices, fileCount, bytes: units.reduce((n, unit) => n + (unit.bytes ?? 0), 0) };
}

function sizeOf(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0; // unreadable: the unit reports it
  }
}

/** Terraform files of a module directory that the scan does not cover (not named, or ignored). */
function otherModuleFiles(dir: string, scanned: Set<string>): string[] {
  try {
    return fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isFile() && TERRAFORM_FILE.test(entry.name))
      .map((entry) => path.join(dir, entry.name))
      .filter((file) => !scanned.has(file))
      .sort();
  } catch {
    return [];
  }
}

/** Depth-first, sorted, without following symlinked directories (a link loop must not hang CI). */
function walk(dir: string, visit: (file: string) => void, skip: (directory: string) => boolean): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name) && !skip(full)) walk(full, visit, skip);
    } else if ((entry.isFile() || entry.isSymbolicLink()) && detectKind(full)) {
      visit(full);
    }
  }
}

export function displayPath(absolute: string, cwd: string): string {
  const relative = path.relative(cwd, absolute);
  const shown = relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : absolute;
  return shown.split(path.sep).join('/');
}

class ConfigResolver {
  private readonly configPathForDir = new Map<string, string | undefined>();
  private readonly loaded = new Map<string, EnclintConfig>();
  private readonly explicit?: EnclintConfig;

  constructor(private readonly options: DiscoverOptions) {
    if (options.configFile) {
      const file = path.resolve(options.cwd, options.configFile);
      if (!fs.existsSync(file)) throw new UsageError(`config file not found: ${options.configFile}`);
      this.explicit = this.apply(loadConfigFile(file, knownRuleKeys()));
    }
  }

  forDirectory(dir: string): EnclintConfig {
    if (this.explicit) return this.explicit;
    if (!this.configPathForDir.has(dir)) this.configPathForDir.set(dir, findConfigFile(dir));
    const configPath = this.configPathForDir.get(dir);
    if (!configPath) return (this.defaults ??= this.apply(defaultConfig()));
    let config = this.loaded.get(configPath);
    if (!config) {
      config = this.apply(loadConfigFile(configPath, knownRuleKeys()));
      this.loaded.set(configPath, config);
    }
    return config;
  }

  private defaults?: EnclintConfig;

  /**
   * `ignore` globs are relative to the folder of the config that declares them. A directory is
   * judged by the config of its parent (its own config, if any, is inside what would be ignored).
   */
  isIgnored(target: string, isDirectory = false): boolean {
    const config = this.forDirectory(path.dirname(target));
    if (!config.ignore.length) return false;
    const base = config.configPath ? path.dirname(config.configPath) : this.options.cwd;
    const relative = path.relative(base, target);
    if (!relative || relative.startsWith('..') || path.isAbsolute(relative)) return false;
    const posix = relative.split(path.sep).join('/');
    return config.ignore.some((glob) => {
      const pattern = glob.replace(/^\.\//, '').replace(/\/$/, '/**');
      const options = { dot: true, matchBase: !pattern.includes('/') };
      if (minimatch(posix, pattern, options) || minimatch(posix, `${pattern}/**`, { dot: true })) return true;
      // `legacy/**` ignores the folder `legacy` itself; `legacy/*.tf` does not.
      return isDirectory && pattern.endsWith('/**') && minimatch(posix, pattern.slice(0, -3), options);
    });
  }

  /** An `ignore` entry past its `until` date no longer hides files: say so once per config. */
  expiredIgnoreNotices(): Notice[] {
    const configs = [...this.loaded.values(), ...(this.explicit ? [this.explicit] : [])];
    return configs.flatMap((config) =>
      config.ignoreEntries
        .filter((entry) => entry.expired)
        .map((entry): Notice => ({
          path: displayPath(config.configPath ?? this.options.cwd, this.options.cwd),
          level: 'warning',
          kind: 'rule-error',
          message: `ignore entry "${entry.pattern}" expired on ${entry.until}${entry.reason ? ` ("${entry.reason}")` : ''}: its files are scanned again; renew or remove it`,
        })),
    );
  }

  private apply(config: EnclintConfig): EnclintConfig {
    return this.options.overlay ? this.options.overlay(config) : config;
  }
}
