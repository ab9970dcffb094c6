// The CDK app and application-code examples: each noncompliant file raises exactly the findings its
// comments promise, each compliant counterpart none.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../server/src/engine/engine';

const ROOT = path.join(__dirname, '..', '..', 'examples');

const EXPECTED: Record<string, Record<string, number>> = {
  'cdk/lib/noncompliant-stack.ts': { 'kms-key-rotation': 2, 'kms-no-wildcard-actions': 2, 'kms-no-public-principal': 1, 'secret-rotation': 1, 'no-plaintext-secret': 1, 'tls-min-version': 4, 'tls-no-disabled-verification': 1 },
  'cdk/lib/compliant-stack.ts': {},
  'cdk/bin/app.ts': {},
  'app/node/server.noncompliant.ts': { 'no-plaintext-secret': 2, 'tls-no-disabled-verification': 2, 'tls-min-version': 2 },
  'app/node/server.compliant.ts': {},
  'app/python/client_noncompliant.py': { 'no-plaintext-secret': 2, 'tls-no-disabled-verification': 3, 'tls-min-version': 2 },
  'app/python/client_compliant.py': {},
  'app/go/noncompliant.go': { 'no-plaintext-secret': 1, 'tls-min-version': 1, 'tls-no-disabled-verification': 1 },
  'app/go/compliant.go': {},
  'app/java/NoncompliantClient.java': { 'no-plaintext-secret': 1, 'tls-min-version': 2, 'tls-no-disabled-verification': 2 },
  'app/java/CompliantClient.java': {},
};

describe('CDK and application-code examples', () => {
  for (const [relative, expected] of Object.entries(EXPECTED)) {
    it(`${relative}: ${Object.keys(expected).length ? 'the documented findings' : 'no findings'}`, () => {
      const file = path.join(ROOT, relative);
      const result = analyze({ path: file, text: fs.readFileSync(file, 'utf8') });
      const counts: Record<string, number> = {};
      for (const finding of result.findings) counts[finding.ruleId] = (counts[finding.ruleId] ?? 0) + 1;
      assert.deepEqual(counts, expected);
      assert.deepEqual(result.notices, []);
    });
  }
});
