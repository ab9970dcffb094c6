// Half-typed templates and configuration files never make a rule throw: every prefix of the example
// files (what an editor sees while someone types them) is analysed by every rule.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../server/src/engine/engine';

const EXAMPLES = ['examples/cloudformation', 'examples/config'];

describe('CloudFormation and YAML configuration: half-typed input', () => {
  for (const dir of EXAMPLES) {
    for (const name of fs.readdirSync(dir)) {
      const file = path.join(dir, name);
      it(`every prefix of ${file} analyses without a rule error`, () => {
        const text = fs.readFileSync(file, 'utf8');
        for (let end = 0; end <= text.length; end += 37) {
          const result = analyze({ path: file, text: text.slice(0, end) });
          const errors = result.notices.filter((n) => n.kind === 'rule-error');
          assert.deepEqual(errors, [], `at offset ${end}`);
        }
      });
    }
  }
});
