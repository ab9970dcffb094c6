// A RuleTester in the style of ESLint's: valid snippets, invalid snippets with expected messages and
// lines, and `output` — the exact text after applying the rule's safe fixes. Every output is also
// re-analysed: it must parse and must no longer have the finding the fix was for.
import * as assert from 'node:assert/strict';
import type { Rule } from '../../rules/define';
import { defaultConfig, mergeConfig, type EffectiveOptions, type EnclintConfig } from '../../server/src/engine/config';
import { analyze, fixAll } from '../../server/src/engine/engine';
import { applyEdits } from '../../server/src/engine/fix';
import type { SourceInput } from '../../server/src/engine/source';
import type { AnalysisResult, SourceKind } from '../../server/src/engine/types';

export interface TestCase {
  name?: string;
  /** File name decides the kind (main.tf, policy.json, stack.ts…). */
  path?: string;
  kind?: SourceKind;
  code: string;
  options?: Partial<EffectiveOptions>;
  ruleOptions?: Record<string, unknown>;
  /** Other files of the same Terraform module. */
  moduleFiles?: SourceInput[];
}

export interface ExpectedError {
  /** Substring or pattern of the message. */
  message?: string | RegExp;
  /** 1-based line of the finding's start, as editors show it. */
  line?: number;
  column?: number;
  endLine?: number;
}

export interface InvalidCase extends TestCase {
  errors: ExpectedError[] | number;
  /** Text after applying every safe fix; null asserts there is no safe fix. Omit to not check. */
  output?: string | null;
  /** Expected texts after applying each listed fix of the first finding (alternatives like least-privilege lists). */
  fixes?: Array<{ title: string | RegExp; output: string; safe?: boolean }>;
}

function configFor(rule: Rule, testCase: TestCase): EnclintConfig {
  const base = defaultConfig();
  return mergeConfig(base, {
    options: testCase.options,
    rules: testCase.ruleOptions ? { [rule.meta.id]: { enabled: true, options: testCase.ruleOptions } } : {},
  });
}

function run(rule: Rule, testCase: TestCase, code = testCase.code): AnalysisResult {
  return analyze(
    { path: testCase.path ?? 'main.tf', text: code, kind: testCase.kind },
    { config: configFor(rule, testCase), rules: [rule], moduleFiles: testCase.moduleFiles },
  );
}

function describeFindings(result: AnalysisResult): string {
  return JSON.stringify(result.findings.map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.message}`), null, 1);
}

function assertNoBreakage(result: AnalysisResult, what: string): void {
  const ruleErrors = result.notices.filter((n) => n.kind === 'rule-error' && n.level === 'error');
  assert.deepEqual(ruleErrors, [], `${what}: a rule threw`);
}

export function ruleTester(rule: Rule, cases: { valid: TestCase[]; invalid: InvalidCase[] }): void {
  describe(`rule ${rule.meta.id}`, () => {
    describe('valid', () => {
      cases.valid.forEach((testCase, i) => {
        it(testCase.name ?? `valid #${i + 1} (${testCase.path ?? 'main.tf'})`, () => {
          const result = run(rule, testCase);
          assertNoBreakage(result, 'valid case');
          assert.equal(result.findings.length, 0, `expected no findings, got ${describeFindings(result)}`);
        });
      });
    });
    describe('invalid', () => {
      cases.invalid.forEach((testCase, i) => {
        it(testCase.name ?? `invalid #${i + 1} (${testCase.path ?? 'main.tf'})`, () => {
          const result = run(rule, testCase);
          assertNoBreakage(result, 'invalid case');
          const expected = typeof testCase.errors === 'number' ? testCase.errors : testCase.errors.length;
          assert.equal(result.findings.length, expected, `expected ${expected} finding(s), got ${describeFindings(result)}`);
          if (Array.isArray(testCase.errors)) {
            testCase.errors.forEach((error, j) => {
              const finding = result.findings[j];
              if (error.message instanceof RegExp) assert.match(finding.message, error.message);
              else if (error.message) assert.ok(finding.message.includes(error.message), `message "${finding.message}" lacks "${error.message}"`);
              if (error.line !== undefined) assert.equal(finding.range.start.line + 1, error.line, `line of finding ${j + 1}: ${finding.message}`);
              if (error.column !== undefined) assert.equal(finding.range.start.character + 1, error.column, `column of finding ${j + 1}`);
              if (error.endLine !== undefined) assert.equal(finding.range.end.line + 1, error.endLine, `end line of finding ${j + 1}`);
            });
          }
          if (testCase.output !== undefined) {
            const fixed = fixAll({ path: testCase.path ?? 'main.tf', text: testCase.code, kind: testCase.kind }, { config: configFor(rule, testCase), rules: [rule], moduleFiles: testCase.moduleFiles });
            if (testCase.output === null) {
              assert.equal(fixed.text, testCase.code, 'expected no safe fix to change the text');
            } else {
              assert.equal(fixed.text, testCase.output);
              const after = run(rule, testCase, fixed.text);
              assert.deepEqual(after.notices.filter((n) => n.kind === 'parse-error'), [], 'the fixed text must still parse');
              assert.equal(after.findings.length, 0, `the fix must remove the finding; still: ${describeFindings(after)}`);
            }
          }
          for (const expectedFix of testCase.fixes ?? []) {
            const finding = result.findings[0];
            const chosen = finding.fixes.find((f) => (typeof expectedFix.title === 'string' ? f.title === expectedFix.title : expectedFix.title.test(f.title)));
            assert.ok(chosen, `no fix titled ${String(expectedFix.title)}; have ${JSON.stringify(finding.fixes.map((f) => f.title))}`);
            if (expectedFix.safe !== undefined) assert.equal(chosen.safe, expectedFix.safe, 'fix safety');
            const text = applyEdits(testCase.code, chosen.edits);
            assert.equal(text, expectedFix.output);
            const after = run(rule, testCase, text);
            assert.deepEqual(after.notices.filter((n) => n.kind === 'parse-error'), [], 'the fixed text must still parse');
            assert.ok(!after.findings.some((f) => f.range.start.line === finding.range.start.line && f.message === finding.message), 'the fix must remove the finding');
          }
        });
      });
    });
  });
}
