// The docs pages and the README rules table are generated from rule metadata; this fails when a
// rule changed (or was added) without `npm run docs`, so published docs never drift from the code.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { allRules } from '../../rules';
import { parseConfig } from '../../server/src/engine/config';
import { FAMILIES } from '../../server/src/engine/types';
import { driftedDocs, expectedDocs, renderRulePage, TABLE_END, TABLE_START, withRulesTable } from '../../scripts/gen-docs';

describe('generated docs', () => {
  it('docs/rules/*.md and the README rules table match the rule metadata (run `npm run docs`)', () => {
    assert.deepEqual(driftedDocs(), [], 'out of date: run `npm run docs` and commit the result');
  });

  it('has a page for every registered rule with its metadata', () => {
    const { files } = expectedDocs();
    for (const rule of allRules) {
      const page = files.get(`docs/rules/${rule.meta.id}.md`);
      assert.ok(page, rule.meta.id);
      assert.ok(page.includes(`# ${rule.meta.id}\n`) && page.includes(rule.meta.title) && page.includes(rule.meta.rationale), rule.meta.id);
      for (const example of rule.meta.compliant) assert.ok(page.includes(example.code), `${rule.meta.id}: compliant example`);
    }
  });

  it('the configuration example of every page is a valid .enclint.yaml', () => {
    const known = new Set<string>([...allRules.map((r) => r.meta.id), ...FAMILIES]);
    for (const rule of allRules) {
      const page = renderRulePage(rule);
      const yaml = /## Configuration[\s\S]*?```yaml\n([\s\S]*?)```/.exec(page)?.[1];
      assert.ok(yaml, rule.meta.id);
      const config = parseConfig(yaml, `${rule.meta.id}.md`, known);
      assert.equal(config.rules[rule.meta.id]?.severity, rule.meta.severity, rule.meta.id);
    }
  });

  it('the example in docs/configuration.md is a valid .enclint.yaml', () => {
    const doc = fs.readFileSync(path.join(__dirname, '../../docs/configuration.md'), 'utf8');
    const yaml = /```yaml\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';
    const config = parseConfig(yaml, 'docs/configuration.md', new Set<string>([...allRules.map((r) => r.meta.id), ...FAMILIES]));
    assert.equal(config.options.maxRotationDays, 365);
    assert.deepEqual(config.ignore, ['legacy/**', '*.generated.tf']);
  });

  it('detects a drifted page and a stale generated page, and leaves hand-written pages alone', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'enclint-docs-'));
    const { files } = expectedDocs(root);
    for (const [file, text] of files) {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), text);
    }
    fs.writeFileSync(path.join(root, 'docs/rules/guide.md'), '# A hand-written guide\n');
    assert.deepEqual(driftedDocs(root), []);
    const [rule] = allRules;
    fs.writeFileSync(path.join(root, `docs/rules/${rule.meta.id}.md`), renderRulePage(rule).replace(rule.meta.title, 'edited by hand'));
    fs.writeFileSync(path.join(root, 'docs/rules/removed-rule.md'), renderRulePage({ ...rule, meta: { ...rule.meta, id: 'removed-rule' } }));
    assert.deepEqual(driftedDocs(root), [`docs/rules/${rule.meta.id}.md`, 'docs/rules/removed-rule.md']);
  });

  it('only touches the README between the markers', () => {
    const readme = `# x\n\nintro\n\n${TABLE_START}\nold table\n${TABLE_END}\n\nafter\n`;
    assert.equal(withRulesTable(readme, '| new |'), `# x\n\nintro\n\n${TABLE_START}\n| new |\n${TABLE_END}\n\nafter\n`);
    assert.match(withRulesTable('# x\n', '| t |'), /## Rules\n\n<!-- rules-table:start -->\n\| t \|\n<!-- rules-table:end -->\n$/);
  });
});
