// SARIF output: valid against the official 2.1.0 schema, rule metadata from the rule modules,
// portable locations, fingerprints that survive lines moving, suppressions and notifications.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv-draft-04';
import { allRules } from '../../rules';
import { REPO, runCli, scratchCopy } from './run-cli';

const schema = JSON.parse(fs.readFileSync(path.join(REPO, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
// unicodeRegExp off: one pattern in the official schema (language tags) is invalid under the `u` flag.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
// The schema's formats, checked rather than ignored: absolute URIs, URI references, timestamps.
ajv.addFormat('uri', (value: string) => URL.canParse(value));
ajv.addFormat('uri-reference', (value: string) => URL.canParse(value, 'file:///base/') && !/\s/.test(value));
ajv.addFormat('date-time', (value: string) => !Number.isNaN(Date.parse(value)));
const validate = ajv.compile(schema);

interface SarifLog {
  runs: Array<{
    tool: { driver: { rules: Array<Record<string, any>> } };
    results: Array<Record<string, any>>;
    invocations: Array<{ executionSuccessful: boolean; toolExecutionNotifications: Array<Record<string, any>> }>;
    originalUriBaseIds: Record<string, { uri: string }>;
  }>;
}

async function sarifOf(args: string[], cwd = REPO): Promise<{ log: SarifLog; code: number }> {
  const run = await runCli(['scan', ...args, '--format', 'sarif'], cwd);
  return { log: JSON.parse(run.stdout), code: run.code };
}

it('the schema check rejects a malformed log (so the tests below can fail)', () => {
  assert.equal(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: {}, level: 'fatal' }] }] }), false);
});

function assertValid(log: unknown): void {
  const ok = validate(log);
  assert.ok(ok, JSON.stringify(validate.errors?.slice(0, 5), null, 2));
}

describe('SARIF output', () => {
  it('validates against the SARIF 2.1.0 schema, with findings, fixes, related locations and notices', async () => {
    const { log, code } = await sarifOf(['test/fixtures/cli/findings', 'test/fixtures/cli/module', 'test/fixtures/cli/suppressed', 'test/fixtures/cli/bad-input']);
    assert.equal(code, 1);
    assertValid(log);
    const run = log.runs[0];
    assert.ok(run.results.some((r) => r.fixes), 'a fix is included');
    assert.ok(run.results.some((r) => r.relatedLocations), 'a related location is included');
    assert.ok(run.invocations[0].toolExecutionNotifications.length >= 3);
  });

  it('describes every registered rule from its metadata', async () => {
    const { log } = await sarifOf(['test/fixtures/cli/clean']);
    assertValid(log);
    const rules = log.runs[0].tool.driver.rules;
    assert.deepEqual(rules.map((r) => r.id), allRules.map((r) => r.meta.id));
    const rotation = rules.find((r) => r.id === 'kms-key-rotation')!;
    const meta = allRules.find((r) => r.meta.id === 'kms-key-rotation')!.meta;
    assert.equal(rotation.shortDescription.text, meta.title);
    assert.equal(rotation.fullDescription.text, meta.description);
    assert.equal(rotation.helpUri, 'https://github.com/enclint/enclint/blob/main/docs/rules/kms-key-rotation.md');
    assert.deepEqual(rotation.properties.tags.slice(0, 2), ['key-rotation', 'security']);
    assert.ok(rotation.properties.tags.includes('SOC 2 CC6.1'));
    assert.equal(rotation.properties['security-severity'], meta.securitySeverity.toFixed(1));
    assert.equal(rotation.defaultConfiguration.level, 'error');
    assert.match(rotation.help.markdown, /```hcl\nresource "aws_kms_key" "data" \{\n {2}description {9}= "customer data"\n {2}enable_key_rotation = true\n\}\n```/);
  });

  it('places results relative to %SRCROOT% with 1-based lines and UTF-16 columns', async () => {
    const dir = scratchCopy('findings');
    // A non-BMP character before the resource shifts UTF-16 columns by two, not one.
    fs.writeFileSync(path.join(dir, 'main.tf'), '/* 🔑 */ resource "aws_kms_key" "d" {\n  description = "x"\n}\n');
    const { log } = await sarifOf(['.', '--rule', 'kms-key-rotation'], dir);
    assertValid(log);
    const run = log.runs[0];
    assert.equal(run.originalUriBaseIds['%SRCROOT%'].uri, `file://${dir}/`);
    const [result] = run.results;
    assert.equal(result.ruleId, 'kms-key-rotation');
    assert.equal(result.ruleIndex, allRules.findIndex((r) => r.meta.id === 'kms-key-rotation'));
    assert.deepEqual(result.locations[0].physicalLocation.artifactLocation, { uri: 'main.tf', uriBaseId: '%SRCROOT%' });
    const start = '/* 🔑 */ '.length + 1;
    assert.equal(start, 10);
    assert.deepEqual(result.locations[0].physicalLocation.region, { startLine: 1, startColumn: start, endLine: 1, endColumn: start + 'resource "aws_kms_key" "d"'.length });
    // The safe fix inserts the attribute (an empty deleted region) and realigns `description`'s `=` to it.
    const replacements = result.fixes[0].artifactChanges[0].replacements;
    assert.equal(replacements.length, 2);
    const insertion = replacements.find((r: { insertedContent: { text: string } }) => r.insertedContent.text.includes('enable_key_rotation'));
    assert.equal(insertion.deletedRegion.startLine, insertion.deletedRegion.endLine);
    assert.equal(insertion.deletedRegion.startColumn, insertion.deletedRegion.endColumn);
    assert.match(insertion.insertedContent.text, /enable_key_rotation = true/);
  });

  it('keeps partialFingerprints stable when lines shift above the finding', async () => {
    const dir = scratchCopy('findings');
    const file = path.join(dir, 'main.tf');
    const fingerprintsOf = async () => (await sarifOf(['.', '--rule', 'kms-key-rotation'], dir)).log.runs[0].results.map((r) => [r.partialFingerprints['enclint/v1'], r.locations[0].physicalLocation.region.startLine]);
    const [[before, lineBefore]] = await fingerprintsOf();
    fs.writeFileSync(file, `# owner: platform team\n\n\n${fs.readFileSync(file, 'utf8')}`);
    const [[after, lineAfter]] = await fingerprintsOf();
    assert.equal(lineAfter, lineBefore + 3);
    assert.equal(after, before);
    assert.match(before, /^[0-9a-f]{32}$/);
  });

  it('reports suppressed findings with an inSource suppression and its justification', async () => {
    const { log, code } = await sarifOf(['test/fixtures/cli/suppressed', '--rule', 'kms-key-rotation']);
    assert.equal(code, 0, 'a suppressed finding does not fail the run');
    assertValid(log);
    const [result] = log.runs[0].results;
    assert.deepEqual(result.suppressions, [{ kind: 'inSource', justification: 'imported key material, rotated by hand (RISK-142)' }]);
  });

  it('reports skipped and unparsable files as tool execution notifications', async () => {
    const { log } = await sarifOf(['test/fixtures/cli/bad-input', '--rule', 'kms-key-rotation']);
    assertValid(log);
    const notes = log.runs[0].invocations[0].toolExecutionNotifications;
    const binary = notes.find((n) => n.locations[0].physicalLocation.artifactLocation.uri.endsWith('binary.tf'))!;
    assert.equal(binary.message.text, 'skipped: binary file (contains NUL bytes)');
    assert.equal(binary.descriptor.id, 'skipped');
    assert.ok(notes.some((n) => n.descriptor.id === 'parse-error' && n.locations[0].physicalLocation.region?.startLine >= 1));
  });
});
