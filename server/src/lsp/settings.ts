// Editor settings (section `enclint`) and how they overlay `.enclint.yaml`: a setting the user has
// set wins; one left at its default (null / empty) leaves the file's value alone.
import type { EnclintConfig, ProfileName, RuleSetting, TlsVersion } from '../engine/config';
import { PROFILES } from '../engine/config';
import type { Severity } from '../engine/types';

export type RunMode = 'onType' | 'onSave';
export type RuleLevel = 'off' | Severity;

export interface Settings {
  enable: boolean;
  run: RunMode;
  profile: ProfileName | null;
  minTlsVersion: TlsVersion | null;
  maxRotationDays: number | null;
  rules: Record<string, RuleLevel>;
  exclude: string[];
}

export const DEFAULT_SETTINGS: Settings = {
  enable: true,
  run: 'onType',
  profile: null,
  minTlsVersion: null,
  maxRotationDays: null,
  rules: {},
  exclude: [],
};

const LEVELS = new Set(['off', 'error', 'warning', 'info']);
const TLS = new Set(['1.0', '1.1', '1.2', '1.3']);

/** Reads whatever the client sent, keeping only well-formed values (settings.json is hand-edited). */
export function normalizeSettings(raw: unknown): Settings {
  const input = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const settings: Settings = { ...DEFAULT_SETTINGS, rules: {}, exclude: [] };
  if (typeof input.enable === 'boolean') settings.enable = input.enable;
  if (input.run === 'onType' || input.run === 'onSave') settings.run = input.run;
  if (input.profile === 'recommended' || input.profile === 'strict') settings.profile = input.profile;
  const tls = typeof input.minTlsVersion === 'number' ? input.minTlsVersion.toFixed(1) : input.minTlsVersion;
  if (typeof tls === 'string' && TLS.has(tls)) settings.minTlsVersion = tls as TlsVersion;
  const days = input.maxRotationDays;
  if (typeof days === 'number' && Number.isInteger(days) && days >= 1 && days <= 3650) settings.maxRotationDays = days;
  if (input.rules && typeof input.rules === 'object') {
    for (const [id, level] of Object.entries(input.rules as Record<string, unknown>)) {
      if (typeof level === 'string' && LEVELS.has(level)) settings.rules[id] = level as RuleLevel;
    }
  }
  if (Array.isArray(input.exclude)) settings.exclude = input.exclude.filter((g): g is string => typeof g === 'string' && g.trim() !== '');
  return settings;
}

/** The file config with the editor's settings on top. `exclude` is matched separately (it is relative to the workspace). */
export function applySettings(base: EnclintConfig, settings: Settings): EnclintConfig {
  const profile = settings.profile ?? base.profile;
  const options = { ...(settings.profile && settings.profile !== base.profile ? PROFILES[settings.profile] : base.options) };
  if (settings.minTlsVersion) options.minTlsVersion = settings.minTlsVersion;
  if (settings.maxRotationDays) options.maxRotationDays = settings.maxRotationDays;
  const rules: Record<string, RuleSetting> = { ...base.rules };
  for (const [id, level] of Object.entries(settings.rules)) {
    rules[id] = level === 'off' ? { ...rules[id], enabled: false } : { ...rules[id], enabled: true, severity: level };
  }
  return { ...base, profile, options, rules };
}
