// The storage examples (examples/terraform/storage, examples/cloudformation/encryption*.yaml): each
// noncompliant file raises exactly the findings its comments describe, each compliant counterpart none.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../server/src/engine/engine';

const ROOT = path.join(__dirname, '..', '..', 'examples');

const EXPECTED: Record<string, Record<string, number>> = {
  'terraform/storage/main.tf': { 'encryption-at-rest': 9, 'encryption-in-transit': 5 },
  'terraform/storage/compliant.tf': {},
  'cloudformation/encryption.yaml': { 'encryption-at-rest': 7, 'encryption-in-transit': 6, 'tls-min-version': 2 },
  'cloudformation/encryption.compliant.yaml': {},
};

const read = (file: string) => ({ path: file, text: fs.readFileSync(file, 'utf8') });

describe('encryption examples', () => {
  for (const [relative, expected] of Object.entries(EXPECTED)) {
    it(`${relative}: ${Object.keys(expected).length ? 'the documented findings' : 'no findings'}`, () => {
      const file = path.join(ROOT, relative);
      const siblings = relative.endsWith('.tf') ? fs.readdirSync(path.dirname(file)).filter((f) => f.endsWith('.tf')).map((f) => read(path.join(path.dirname(file), f))) : [];
      const result = analyze(read(file), { moduleFiles: siblings });
      const counts: Record<string, number> = {};
      for (const finding of result.findings) counts[finding.ruleId] = (counts[finding.ruleId] ?? 0) + 1;
      assert.deepEqual(counts, expected);
      assert.deepEqual(result.notices, []);
    });
  }
});

describe('encryption examples, half-typed', () => {
  // Every prefix an editor could hold while the file is typed (sampled every 23 characters).
  for (const relative of Object.keys(EXPECTED)) {
    it(`${relative}: no prefix makes a rule throw`, () => {
      const file = path.join(ROOT, relative);
      const text = fs.readFileSync(file, 'utf8');
      for (let end = 0; end <= text.length; end += 23) {
        const result = analyze({ path: file, text: text.slice(0, end) });
        const errors = result.notices.filter((n) => n.kind === 'rule-error');
        assert.deepEqual(errors, [], `prefix of ${end} characters`);
      }
    });
  }
});
