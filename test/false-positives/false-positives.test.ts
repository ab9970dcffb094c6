// False-positive guard: clean, real-world-style sources (AWS CDK stacks, an Express service, a Python
// client, a Go client, a Java client) must yield zero findings from every rule. Fixtures carry a
// `.fixture` suffix so the TypeScript build does not type-check code written against libraries the
// repo does not install.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../server/src/engine/engine';

const FIXTURES = path.join(__dirname, 'fixtures');

describe('false-positive guard', () => {
  const files = fs.readdirSync(FIXTURES).sort();
  it('has the guard corpus', () => {
    assert.ok(files.length >= 7, `only ${files.length} fixtures`);
  });
  for (const name of files) {
    it(`${name}: no findings, parses cleanly`, () => {
      const text = fs.readFileSync(path.join(FIXTURES, name), 'utf8');
      const result = analyze({ path: name.replace(/\.fixture$/, ''), text });
      assert.ok(result.kind, `no source kind for ${name}`);
      const shown = result.findings.map((f) => `${f.range.start.line + 1}: [${f.ruleId}] ${f.message}`);
      assert.deepEqual(shown, []);
      assert.deepEqual(result.notices.filter((n) => n.kind !== 'skipped'), []);
    });
  }
});
