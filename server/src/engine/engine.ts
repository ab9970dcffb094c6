// The engine: text and configuration in, findings with ranges and fixes out. A pure function of its
// inputs — no LSP, no file system, no clock — so the CLI, the language server and the tests all get
// the same answers. Parallelism, debouncing and cancellation live at the edges.
import { createHash } from 'node:crypto';
import { allRules } from '../../../rules';
import type { Rule, RuleContext } from '../../../rules/define';
import { defaultConfig, type EnclintConfig } from './config';
import { applyEdits, selectNonOverlappingFixes } from './fix';
import { initHclParser } from './parsers/hcl';
import { syntaxNotices } from './parsers/syntax';
import { SourceFile, type SourceInput } from './source';
import { FILE_SCOPE, findSuppressions, indexSuppressions, isExpired, suppressionFor, type InlineSuppression } from './suppress';
import { terraformSuppressionAnchor } from './terraform/anchors';
import { buildModule, type TerraformModule } from './terraform/module';
import type { AnalysisResult, Finding, Notice, Report, Severity, UnusedSuppression } from './types';

export interface AnalyzeOptions {
  config?: EnclintConfig;
  /**
   * The other files of the same Terraform module (same directory), so `var.x` and `local.y` resolve
   * across files. The analysed file itself may be included; it is replaced by the input.
   * `SourceFile` instances are used as they are, so a caller that keeps them (the language server)
   * does not re-parse unchanged siblings on every keystroke.
   */
  moduleFiles?: SourceInput[];
  /** Restricts the rules (tests use this to check one rule at a time). */
  rules?: Rule[];
  /** Pre-parsed state for this exact text (the language server's incrementally reparsed tree). */
  seed?: Record<string, unknown>;
  /**
   * Today as `YYYY-MM-DD`, for suppressions that expire (`[until 2027-03-31]`). The front ends pass
   * it; left out, the engine reads the clock once here, the only place it does.
   */
  today?: string;
}

export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Loads the parsers' WebAssembly; call once before `analyze`. */
export async function initEngine(): Promise<void> {
  await initHclParser();
}

export function enabledRules(config: EnclintConfig, rules: Rule[] = allRules): Rule[] {
  return rules.filter((rule) => config.rules[rule.meta.id]?.enabled !== false && config.rules[rule.meta.family]?.enabled !== false);
}

/**
 * Modules already built for a set of kept files (the CLI passes the same sibling list for every file
 * of a directory): module-wide work such as "which variables feed a secret" is then done once per
 * directory instead of once per file.
 */
const moduleCache = new WeakMap<readonly SourceInput[], TerraformModule>();

/**
 * Analyses one file. Passing a kept `SourceFile` (rather than plain text) reuses what was already
 * computed for it — its parse tree and models — e.g. when it was read as a sibling of another file.
 */
export function analyze(input: SourceInput | SourceFile, options: AnalyzeOptions = {}): AnalysisResult {
  const config = options.config ?? defaultConfig();
  const file = input instanceof SourceFile ? input : new SourceFile(input);
  for (const [key, value] of Object.entries(options.seed ?? {})) file.seed(key, value);
  const result: AnalysisResult = { path: file.path, kind: file.kind, findings: [], notices: [] };
  if (!file.kind) return result;

  try {
    result.notices.push(...syntaxNotices(file));
  } catch (error) {
    result.notices.push({ path: file.path, level: 'error', kind: 'parse-error', message: `could not parse: ${(error as Error).message}` });
    return result;
  }

  let module: TerraformModule | undefined;
  const moduleOf = (): TerraformModule | undefined => {
    if (file.kind !== 'terraform' && file.kind !== 'terraform-vars') return undefined;
    if (module) return module;
    const given = options.moduleFiles ?? [];
    if (given.includes(file) && given.every((s) => s instanceof SourceFile)) {
      module = moduleCache.get(given) ?? buildModule(given as SourceFile[]);
      moduleCache.set(given, module);
      return module;
    }
    const siblings = (options.moduleFiles ?? []).filter((s) => s.path !== file.path).map((s) => (s instanceof SourceFile ? s : new SourceFile(s)));
    module = buildModule([file, ...siblings]);
    return module;
  };

  const { suppressions, notices: suppressionNotices } = findSuppressions(file);
  result.notices.push(...suppressionNotices);
  const rules = enabledRules(config, options.rules ?? allRules);
  for (const rule of rules) {
    const check = rule.check[file.kind];
    if (!check) continue;
    const setting = config.rules[rule.meta.id] ?? config.rules[rule.meta.family];
    const reports: Report[] = [];
    const context: RuleContext = {
      file,
      options: config.options,
      ruleOptions: { ...defaultRuleOptions(rule), ...(setting?.options ?? {}) },
      module: moduleOf,
      report: (report) => reports.push(report),
    };
    try {
      check(context);
    } catch (error) {
      // One broken rule must never silence the others: report it and go on.
      result.notices.push({
        path: file.path,
        level: 'error',
        kind: 'rule-error',
        message: `rule ${rule.meta.id} failed on this file: ${(error as Error).message}`,
      });
      continue;
    }
    for (const report of reports) {
      result.findings.push(toFinding(file, rule, report, setting?.severity, config));
    }
  }

  result.findings.sort((a, b) => a.span.start - b.span.start || a.ruleId.localeCompare(b.ruleId));
  assignFingerprints(file, result.findings);
  applySuppressions(file, result, suppressions, config, options.today ?? todayIso(), rules);
  for (const notice of result.notices) if (notice.span && !notice.range) notice.range = file.lines.rangeOf(notice.span);
  return result;
}

/**
 * Marks the findings an inline suppression covers. An expired suppression no longer applies: the
 * finding comes back with a note saying so. With `requireReason`, one without a reason does not apply
 * either. Suppressions that cover nothing are listed (the CLI's --report-unused-disable-directives and
 * the editor's faded hint read them) — but only when every rule they name ran on this file, since a
 * rule switched off by `--rule` or the config cannot prove a directive unused.
 */
function applySuppressions(file: SourceFile, result: AnalysisResult, suppressions: InlineSuppression[], config: EnclintConfig, today: string, rules: Rule[]): void {
  const byLine = indexSuppressions(suppressions);
  const matched = new Set<InlineSuppression>();
  const isTerraformWithHeredoc = (file.kind === 'terraform' || file.kind === 'terraform-vars') && file.text.includes('<<');
  for (const finding of result.findings) {
    // Only heredocs (`<<EOF`) hold multi-line strings in HCL: skip the tree walk in files without one.
    if (isTerraformWithHeredoc) {
      const anchor = terraformSuppressionAnchor(file, finding.span.start);
      if (anchor !== undefined) finding.anchorLine = anchor;
    }
    const suppression =
      suppressionFor(byLine, finding.range.start.line, finding.ruleId, finding.family) ??
      (finding.anchorLine === undefined ? undefined : suppressionFor(byLine, finding.anchorLine, finding.ruleId, finding.family)) ??
      // File-wide last: the narrower directive wins, so its reason (and expiry) is the one reported.
      suppressionFor(byLine, FILE_SCOPE, finding.ruleId, finding.family);
    if (!suppression) continue;
    matched.add(suppression);
    if (isExpired(suppression.until, today)) {
      finding.message += ` [its suppression expired on ${suppression.until}${suppression.reason ? `: "${suppression.reason}"` : ''}]`;
      continue;
    }
    if (!suppression.reason && config.requireReason) continue;
    finding.suppression = { kind: 'inSource', justification: suppression.reason, ...(suppression.until ? { until: suppression.until } : {}) };
  }
  if (config.requireReason) {
    for (const s of suppressions) {
      if (s.reason) continue;
      result.notices.push({
        path: file.path,
        level: 'error',
        kind: 'rule-error',
        span: s.span,
        message: 'enclint suppression without a reason is ignored: this configuration sets requireReason, so add " -- <why this is acceptable>"',
      });
    }
  }
  const ran = new Set<string>();
  for (const rule of rules) if (rule.check[file.kind!]) ran.add(rule.meta.id).add(rule.meta.family);
  const everyRuleRan = allRules.every((rule) => !rule.check[file.kind!] || ran.has(rule.meta.id));
  const known = new Set(allRules.flatMap((rule) => [rule.meta.id, rule.meta.family]));
  const unused: UnusedSuppression[] = [];
  for (const s of suppressions) {
    if (matched.has(s)) continue;
    const wildcard = s.rules.length === 0 || s.rules.includes('*');
    // An unknown name (a typo, a renamed rule) can never match: that directive is unused for certain.
    const judgeable = wildcard ? everyRuleRan : s.rules.every((name) => ran.has(name) || !known.has(name));
    if (!judgeable) continue;
    unused.push({ span: s.span, range: file.lines.rangeOf(s.span), rules: s.rules, line: s.line });
  }
  if (unused.length) result.unusedSuppressions = unused;
}

function defaultRuleOptions(rule: Rule): Record<string, unknown> {
  const defaults: Record<string, unknown> = {};
  for (const [key, option] of Object.entries(rule.meta.options ?? {})) defaults[key] = option.default;
  return defaults;
}

function toFinding(file: SourceFile, rule: Rule, report: Report, configured: Severity | undefined, config: EnclintConfig): Finding {
  const policyRefs = [...(config.policyMapping[rule.meta.id] ?? []), ...(config.policyMapping[rule.meta.family] ?? [])];
  const message = policyRefs.length ? `${report.message} (${policyRefs.join('; ')})` : report.message;
  return {
    ruleId: rule.meta.id,
    family: rule.meta.family,
    severity: configured ?? report.severity ?? rule.meta.severity,
    message,
    path: file.path,
    span: report.span,
    range: file.lines.rangeOf(report.span),
    fixes: report.fixes ?? [],
    related: (report.related ?? []).map((r) => ({ ...r, range: r.range ?? (r.path && r.path !== file.path ? undefined : file.lines.rangeOf(r.span)) })),
    policyRefs,
    fingerprint: '',
  };
}

/** Characters of the flagged line kept on each side of the finding's start for its fingerprint. */
const FINGERPRINT_WINDOW = 120;

/**
 * Fingerprints survive edits elsewhere in the file: rule + path + the text around the finding (its
 * line, clipped to FINGERPRINT_WINDOW characters either side of the finding's start, whitespace
 * folded) + which occurrence of that same text it is. Code scanning uses them to track an alert.
 * The window keeps the cost bounded per finding: on a one-line generated template the whole line
 * is the whole file, and hashing it for every finding made the pass findings × file size.
 * Lines shorter than the window fingerprint exactly as the whole line did before.
 */
function assignFingerprints(file: SourceFile, findings: Finding[]): void {
  const seen = new Map<string, number>();
  const displayedPath = file.path.replace(/\\/g, '/');
  for (const finding of findings) {
    const line = finding.range.start.line;
    const start = Math.max(file.lines.lineStart(line), finding.span.start - FINGERPRINT_WINDOW);
    const end = Math.min(file.lines.lineEnd(line), finding.span.start + FINGERPRINT_WINDOW);
    const window = file.text.slice(start, Math.max(start, end)).replace(/\s+/g, ' ').trim();
    const base = `${finding.ruleId}\u0000${displayedPath}\u0000${window}`;
    const occurrence = seen.get(base) ?? 0;
    seen.set(base, occurrence + 1);
    finding.fingerprint = createHash('sha256').update(`${base}\u0000${occurrence}`).digest('hex').slice(0, 32);
  }
}

export interface FixAllResult {
  text: string;
  applied: number;
  /** Findings still present after fixing (no safe fix, or suppressed). */
  remaining: Finding[];
  notices: Notice[];
}

/**
 * Applies every finding's safe fix, re-analysing between passes: fixes that overlap in one pass are
 * picked up by the next. Stops when nothing changes, or after a few passes as a guard against two
 * rules undoing each other.
 */
export function fixAll(input: SourceInput, options: AnalyzeOptions = {}, maxPasses = 5): FixAllResult {
  let text = input.text;
  let applied = 0;
  let result = analyze({ ...input, text }, options);
  for (let pass = 0; pass < maxPasses; pass++) {
    const fixes = result.findings
      .filter((f) => !f.suppression)
      .map((f) => f.fixes.find((x) => x.safe && x.preferred) ?? f.fixes.find((x) => x.safe))
      .filter((x): x is NonNullable<typeof x> => !!x);
    if (!fixes.length) break;
    const chosen = selectNonOverlappingFixes(fixes);
    const next = applyEdits(text, chosen.flatMap((x) => x.edits));
    if (next === text) break;
    applied += chosen.length;
    text = next;
    result = analyze({ ...input, text }, options);
  }
  return { text, applied, remaining: result.findings, notices: result.notices };
}

export { allRules };
