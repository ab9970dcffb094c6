// Finds and caches the `.enclint.yaml` that governs each file (nearest one at or above it), and
// decides which files are excluded by its `ignore` globs or the editor's `exclude` setting.
import * as path from 'node:path';
import { minimatch } from 'minimatch';
import { allRules } from '../../../rules';
import { ConfigError, defaultConfig, findConfigFile, loadConfigFile, type EnclintConfig } from '../engine/config';
import { FAMILIES } from '../engine/types';

export interface ResolvedConfig {
  config: EnclintConfig;
  /** Set when the nearest config file is broken; the defaults apply meanwhile. */
  error?: ConfigError;
}

export function knownRuleKeys(): Set<string> {
  return new Set([...allRules.map((r) => r.meta.id), ...FAMILIES]);
}

export class ConfigStore {
  private readonly fileForDir = new Map<string, string | undefined>();
  private readonly parsed = new Map<string, ResolvedConfig>();

  /** The config for a file on disk; files without a real path (untitled) get the defaults. */
  resolve(filePath: string | undefined): ResolvedConfig {
    if (!filePath || !path.isAbsolute(filePath)) return { config: defaultConfig() };
    const dir = path.dirname(filePath);
    if (!this.fileForDir.has(dir)) this.fileForDir.set(dir, findConfigFile(dir));
    const configPath = this.fileForDir.get(dir);
    if (!configPath) return { config: defaultConfig() };
    let resolved = this.parsed.get(configPath);
    if (!resolved) {
      try {
        resolved = { config: loadConfigFile(configPath, knownRuleKeys()) };
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        resolved = { config: { ...defaultConfig(), configPath }, error };
      }
      this.parsed.set(configPath, resolved);
    }
    return resolved;
  }

  /** Every config file parsed so far (to report their errors). */
  known(): Array<[string, ResolvedConfig]> {
    return [...this.parsed.entries()];
  }

  /** Forgets everything: a config file was created, changed or deleted. */
  invalidate(): void {
    this.fileForDir.clear();
    this.parsed.clear();
  }
}

function matchesAny(relative: string, globs: string[]): boolean {
  if (!relative || relative.startsWith('..') || path.isAbsolute(relative)) return false;
  const posix = relative.split(path.sep).join('/');
  return globs.some((glob) => {
    const pattern = glob.replace(/^\.\//, '').replace(/\/$/, '/**');
    return minimatch(posix, pattern, { dot: true, matchBase: !pattern.includes('/') }) || minimatch(posix, `${pattern}/**`, { dot: true });
  });
}

/** `ignore` globs are relative to the config's folder; the `exclude` setting to the workspace folder. */
export function isExcluded(filePath: string, config: EnclintConfig, exclude: string[], workspaceRoots: string[]): boolean {
  if (config.configPath && config.ignore.length && matchesAny(path.relative(path.dirname(config.configPath), filePath), config.ignore)) return true;
  if (!exclude.length) return false;
  return workspaceRoots.some((root) => matchesAny(path.relative(root, filePath), exclude));
}
