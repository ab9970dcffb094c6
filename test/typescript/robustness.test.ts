// Half-typed input never breaks a rule: every prefix of the CDK and app-code examples (as an editor
// sees them while typing) is analysed by every rule without a rule error.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../server/src/engine/engine';

const ROOT = path.join(__dirname, '..', '..', 'examples');
const FILES = ['cdk/lib/noncompliant-stack.ts', 'app/node/server.noncompliant.ts', 'app/python/client_noncompliant.py', 'app/go/noncompliant.go', 'app/java/NoncompliantClient.java'];

describe('robustness on half-typed CDK and application code', () => {
  for (const relative of FILES) {
    it(`${relative}: ~250 prefixes analyse without rule errors`, () => {
      const text = fs.readFileSync(path.join(ROOT, relative), 'utf8');
      const stride = Math.max(3, Math.ceil(text.length / 250));
      for (let end = 0; end <= text.length; end += stride) {
        const result = analyze({ path: relative, text: text.slice(0, end) });
        const errors = result.notices.filter((n) => n.kind === 'rule-error');
        assert.deepEqual(errors, [], `prefix of ${end} characters`);
        for (const finding of result.findings) for (const fix of finding.fixes) for (const edit of fix.edits) assert.ok(edit.span.start <= edit.span.end && edit.span.end <= end, 'edit inside the text');
      }
    });
  }
});
