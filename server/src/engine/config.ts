// `.enclint.yaml`: which rules run at what severity, the global thresholds, ignored paths and the
// organisation's own policy sections. Parsing is strict: a typo in a config that silently disables
// a check is worse than a loud error, so every problem comes back with its file, line and column.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import type { Severity } from './types';

export type TlsVersion = '1.0' | '1.1' | '1.2' | '1.3';
export type ProfileName = 'recommended' | 'strict';

/** The thresholds every rule reads. */
export interface EffectiveOptions {
  minTlsVersion: TlsVersion;
  maxRotationDays: number;
}

export interface RuleSetting {
  enabled: boolean;
  severity?: Severity;
  options?: Record<string, unknown>;
}

export interface EnclintConfig {
  profile: ProfileName;
  options: EffectiveOptions;
  rules: Record<string, RuleSetting>;
  /** Glob patterns (relative to the config's folder) of files never scanned (the ones in force today). */
  ignore: string[];
  /**
   * Every `ignore` entry as written, with its reason and expiry when it has them (reports list them for
   * auditors); expired entries are not in `ignore`, so their files are scanned again.
   */
  ignoreEntries: IgnoreEntry[];
  /** Rule id or family → the organisation's policy sections, cited in messages and hover. */
  policyMapping: Record<string, string[]>;
  /** Files above this size are skipped with a notice. */
  maxFileBytes: number;
  /** An inline suppression without a `-- reason` does not apply (and is reported as an error). */
  requireReason: boolean;
  /** Where the config came from, for messages; undefined for built-in defaults. */
  configPath?: string;
}

export interface IgnoreEntry {
  pattern: string;
  reason?: string;
  /** Last day (ISO date, inclusive) the entry applies. */
  until?: string;
  expired: boolean;
}

export const PROFILES: Record<ProfileName, EffectiveOptions> = {
  // SOC 2 / OP-POL-001: TLS 1.2 or higher, automated annual rotation.
  recommended: { minTlsVersion: '1.2', maxRotationDays: 365 },
  // ENG-POL-003 asks for TLS 1.3 on all network communication.
  strict: { minTlsVersion: '1.3', maxRotationDays: 365 },
};

export const CONFIG_FILE_NAMES = ['.enclint.yaml', '.enclint.yml'];

export function defaultConfig(): EnclintConfig {
  return {
    profile: 'recommended',
    options: { ...PROFILES.recommended },
    rules: {},
    ignore: [],
    ignoreEntries: [],
    policyMapping: {},
    maxFileBytes: 4 * 1024 * 1024,
    requireReason: false,
  };
}

export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly detail: string,
  ) {
    super(`${file}:${line}:${column}: ${detail}`);
    this.name = 'ConfigError';
  }
}

const SEVERITIES = ['error', 'warning', 'info'];
const TLS_VERSIONS = ['1.0', '1.1', '1.2', '1.3'];
const TOP_LEVEL_KEYS = ['profile', 'options', 'rules', 'ignore', 'policyMapping', 'maxFileBytes', 'requireReason'];

/**
 * Parses config text. `knownRuleIds` lets unknown rule names be reported (a renamed rule must not be
 * silently ignored); pass undefined to skip that check.
 */
export function parseConfig(text: string, file: string, knownRuleIds?: ReadonlySet<string>, today: string = new Date().toISOString().slice(0, 10)): EnclintConfig {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const fail = (node: YamlNode | undefined | null, message: string): never => {
    const offset = node?.range?.[0] ?? 0;
    const pos = lineCounter.linePos(offset);
    throw new ConfigError(file, pos.line, pos.col, message);
  };
  if (doc.errors.length) {
    const err = doc.errors[0];
    const pos = lineCounter.linePos(err.pos[0]);
    throw new ConfigError(file, pos.line, pos.col, `invalid YAML: ${err.message.split('\n')[0]}`);
  }
  const config = defaultConfig();
  config.configPath = file;
  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) return config;
  if (!isMap(root)) return fail(root, 'the config must be a mapping of keys such as profile, options, rules');

  const entry = (key: string) => root.items.find((p) => isScalar(p.key) && p.key.value === key);
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!TOP_LEVEL_KEYS.includes(key)) fail(pair.key as YamlNode, `unknown key "${key}" (expected one of: ${TOP_LEVEL_KEYS.join(', ')})`);
  }

  const profile = entry('profile');
  if (profile) {
    const value = isScalar(profile.value) ? String(profile.value.value) : '';
    if (value !== 'recommended' && value !== 'strict') fail(profile.value as YamlNode, `profile must be "recommended" or "strict", not "${value}"`);
    config.profile = value as ProfileName;
    config.options = { ...PROFILES[config.profile] };
  }

  const options = entry('options');
  if (options) {
    if (!isMap(options.value)) fail(options.value as YamlNode, 'options must be a mapping');
    for (const pair of (options.value as { items: Array<{ key: unknown; value: unknown }> }).items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      const node = pair.value as YamlNode;
      const raw = isScalar(node) ? node.value : undefined;
      if (key === 'minTlsVersion') {
        const version = typeof raw === 'number' ? raw.toFixed(1) : String(raw);
        if (!TLS_VERSIONS.includes(version)) fail(node, `options.minTlsVersion must be one of ${TLS_VERSIONS.join(', ')}, not "${String(raw)}"`);
        config.options.minTlsVersion = version as TlsVersion;
      } else if (key === 'maxRotationDays') {
        if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 1 || raw > 3650) fail(node, 'options.maxRotationDays must be a whole number of days from 1 to 3650');
        config.options.maxRotationDays = raw as number;
      } else {
        fail(pair.key as YamlNode, `unknown option "${key}" (expected minTlsVersion or maxRotationDays)`);
      }
    }
  }

  const rules = entry('rules');
  if (rules) {
    if (!isMap(rules.value)) fail(rules.value as YamlNode, 'rules must be a mapping of rule id to off | error | warning | info | { severity, options }');
    for (const pair of (rules.value as { items: Array<{ key: unknown; value: unknown }> }).items) {
      const id = isScalar(pair.key) ? String(pair.key.value) : '';
      if (knownRuleIds && !knownRuleIds.has(id)) fail(pair.key as YamlNode, `unknown rule "${id}"`);
      config.rules[id] = parseRuleSetting(pair.value as YamlNode, id, fail);
    }
  }

  const ignore = entry('ignore');
  if (ignore) {
    if (!isSeq(ignore.value)) fail(ignore.value as YamlNode, 'ignore must be a list of glob patterns, or of { path, reason, until } entries');
    config.ignoreEntries = (ignore.value as { items: YamlNode[] }).items.map((item) => parseIgnoreEntry(item, today, fail));
    config.ignore = config.ignoreEntries.filter((e) => !e.expired).map((e) => e.pattern);
  }

  const mapping = entry('policyMapping');
  if (mapping) {
    if (!isMap(mapping.value)) fail(mapping.value as YamlNode, 'policyMapping must map a rule id or family to policy sections');
    for (const pair of (mapping.value as { items: Array<{ key: unknown; value: unknown }> }).items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      const node = pair.value as YamlNode;
      if (isScalar(node) && typeof node.value === 'string') config.policyMapping[key] = [node.value];
      else if (isSeq(node) && node.items.every((i) => isScalar(i) && typeof i.value === 'string')) {
        config.policyMapping[key] = node.items.map((i) => String((i as { value: string }).value));
      } else fail(node, `policyMapping.${key} must be a string or a list of strings`);
    }
  }

  const requireReason = entry('requireReason');
  if (requireReason) {
    if (!isScalar(requireReason.value) || typeof requireReason.value.value !== 'boolean') fail(requireReason.value as YamlNode, 'requireReason must be true or false');
    config.requireReason = (requireReason.value as { value: boolean }).value;
  }

  const maxBytes = entry('maxFileBytes');
  if (maxBytes) {
    const raw = isScalar(maxBytes.value) ? maxBytes.value.value : undefined;
    if (typeof raw !== 'number' || raw < 1) fail(maxBytes.value as YamlNode, 'maxFileBytes must be a positive number');
    config.maxFileBytes = raw as number;
  }
  return config;
}

/** `- "legacy/**"` or `- { path: "legacy/**", reason: "…", until: 2027-03-31 }`. */
function parseIgnoreEntry(item: YamlNode, today: string, fail: (node: YamlNode, message: string) => never): IgnoreEntry {
  if (isScalar(item) && typeof item.value === 'string') return { pattern: item.value, expired: false };
  if (!isMap(item)) return fail(item, 'each ignore entry must be a glob string or a mapping with path, reason and until');
  const entry: IgnoreEntry = { pattern: '', expired: false };
  for (const pair of item.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = pair.value as YamlNode;
    // YAML reads an unquoted 2027-03-31 as a string with the core schema; a Date only with yaml-1.1.
    const raw = isScalar(value) ? value.value : undefined;
    if (key === 'path') {
      if (typeof raw !== 'string' || !raw) fail(value, 'ignore[].path must be a glob string');
      entry.pattern = raw as string;
    } else if (key === 'reason') {
      if (typeof raw !== 'string') fail(value, 'ignore[].reason must be a string');
      entry.reason = raw as string;
    } else if (key === 'until') {
      const date = raw instanceof Date ? raw.toISOString().slice(0, 10) : String(raw);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) fail(value, `ignore[].until must be a date written YYYY-MM-DD, not "${String(raw)}"`);
      entry.until = date;
      entry.expired = date < today;
    } else fail(pair.key as YamlNode, `unknown key "${key}" in an ignore entry (expected path, reason, until)`);
  }
  if (!entry.pattern) fail(item, 'an ignore entry needs a path');
  return entry;
}

function parseRuleSetting(node: YamlNode, id: string, fail: (node: YamlNode, message: string) => never): RuleSetting {
  if (isScalar(node)) {
    const value = node.value;
    if (value === 'off' || value === false) return { enabled: false };
    if (value === 'on' || value === true) return { enabled: true };
    if (typeof value === 'string' && SEVERITIES.includes(value)) return { enabled: true, severity: value as Severity };
    return fail(node, `rules.${id} must be off, on, error, warning or info, not "${String(value)}"`);
  }
  if (isMap(node)) {
    const setting: RuleSetting = { enabled: true };
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      const value = pair.value as YamlNode;
      if (key === 'severity') {
        const severity = isScalar(value) ? value.value : undefined;
        if (severity === 'off') setting.enabled = false;
        else if (typeof severity === 'string' && SEVERITIES.includes(severity)) setting.severity = severity as Severity;
        else fail(value, `rules.${id}.severity must be off, error, warning or info`);
      } else if (key === 'enabled') {
        if (!isScalar(value) || typeof value.value !== 'boolean') fail(value, `rules.${id}.enabled must be true or false`);
        setting.enabled = (value as { value: boolean }).value;
      } else if (key === 'options') {
        if (!isMap(value)) fail(value, `rules.${id}.options must be a mapping`);
        setting.options = (value as unknown as { toJSON(): Record<string, unknown> }).toJSON();
      } else fail(pair.key as YamlNode, `unknown key "${key}" in rules.${id} (expected severity, enabled, options)`);
    }
    return setting;
  }
  return fail(node, `rules.${id} must be a severity or a mapping`);
}

/** Finds the nearest `.enclint.yaml` at or above `startDir`. */
export function findConfigFile(startDir: string): string | undefined {
  for (let dir = path.resolve(startDir); ; dir = path.dirname(dir)) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(dir, name);
      if (fs.existsSync(candidate)) return candidate;
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}

export function loadConfigFile(file: string, knownRuleIds?: ReadonlySet<string>): EnclintConfig {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(file, 1, 1, `cannot read config: ${(error as Error).message}`);
  }
  return parseConfig(text, file, knownRuleIds);
}

/** Overlays settings from an editor or CLI flag on top of a file config (later wins). */
export function mergeConfig(base: EnclintConfig, overlay: Partial<Omit<EnclintConfig, 'options'>> & { options?: Partial<EffectiveOptions> }): EnclintConfig {
  const profileOptions = overlay.profile && overlay.profile !== base.profile ? PROFILES[overlay.profile] : base.options;
  return {
    ...base,
    ...overlay,
    options: { ...profileOptions, ...(overlay.options ?? {}) },
    rules: { ...base.rules, ...(overlay.rules ?? {}) },
    ignore: [...base.ignore, ...(overlay.ignore ?? [])],
    ignoreEntries: [...base.ignoreEntries, ...(overlay.ignoreEntries ?? [])],
    policyMapping: { ...base.policyMapping, ...(overlay.policyMapping ?? {}) },
  };
}

/** Compares dotted TLS versions ("1.1" < "1.2"). */
export function compareTls(a: TlsVersion | string, b: TlsVersion | string): number {
  const [amaj, amin] = a.split('.').map(Number);
  const [bmaj, bmin] = b.split('.').map(Number);
  return amaj - bmaj || (amin ?? 0) - (bmin ?? 0);
}
