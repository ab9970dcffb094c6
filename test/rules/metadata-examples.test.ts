// The examples in every rule's metadata are shown in hover, docs pages and SARIF help, so they must
// tell the truth: each noncompliant example raises the rule, each compliant one does not.
import * as assert from 'node:assert/strict';
import { allRules } from '../../rules';
import { analyze } from '../../server/src/engine/engine';

/** A file name per fence language, so the engine picks the same parser a user's file would get. */
const FILE_FOR_LANGUAGE: Record<string, string> = {
  hcl: 'main.tf',
  json: 'policy.json',
  yaml: 'template.yaml',
  typescript: 'stack.ts',
  javascript: 'app.js',
  python: 'app.py',
  go: 'main.go',
  java: 'App.java',
  dotenv: '.env',
};

/**
 * Policy examples show a single statement (or a list of them) to keep docs short; a user's file holds
 * the whole document, so wrap fragments the way they would appear.
 */
function asScannedText(language: string, code: string): string {
  if (language !== 'json' || /"Statement"\s*:/.test(code)) return code;
  const statements = code.trimStart().startsWith('[') ? code : `[${code}]`;
  return `{\n"Version": "2012-10-17",\n"Statement": ${statements}\n}`;
}

describe('rule metadata examples', () => {
  for (const rule of allRules) {
    describe(rule.meta.id, () => {
      rule.meta.noncompliant.forEach((example, index) => {
        it(`noncompliant ${example.language} example ${index + 1} raises the rule`, () => {
          const path = FILE_FOR_LANGUAGE[example.language];
          assert.ok(path, `no file name for fence language ${example.language}`);
          const result = analyze({ path, text: asScannedText(example.language, example.code) }, { rules: [rule] });
          assert.ok(result.findings.length > 0, `expected ${rule.meta.id} on:\n${example.code}`);
        });
      });
      rule.meta.compliant.forEach((example, index) => {
        it(`compliant ${example.language} example ${index + 1} is clean`, () => {
          const path = FILE_FOR_LANGUAGE[example.language];
          assert.ok(path, `no file name for fence language ${example.language}`);
          const result = analyze({ path, text: asScannedText(example.language, example.code) }, { rules: [rule] });
          assert.deepEqual(result.findings.map((f) => f.message), [], `expected no ${rule.meta.id} on:\n${example.code}`);
        });
      });
    });
  }
});
