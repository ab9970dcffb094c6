// The extension manifest agrees with the code: settings generated from rule metadata are current,
// every setting the server reads is declared, and every declared command is registered by the client.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRules } from '../../rules';
import { DEFAULT_SETTINGS, normalizeSettings } from '../../server/src/lsp/settings';
import { ROOT } from './client';

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

describe('extension manifest', () => {
  it('is up to date with the rule metadata (npm run gen:settings)', () => {
    const check = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/gen-settings.mjs', '--check'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(check.status, 0, check.stderr);
  });

  it('declares a severity setting for every rule', () => {
    const ruleSettings = pkg.contributes.configuration.properties['enclint.rules'].properties;
    for (const rule of allRules) assert.deepEqual(ruleSettings[rule.meta.id]?.enum, ['off', 'error', 'warning', 'info'], rule.meta.id);
  });

  it('declares every setting the server reads, with the same defaults', () => {
    const properties = pkg.contributes.configuration.properties;
    for (const [key, value] of Object.entries(DEFAULT_SETTINGS)) {
      assert.ok(properties[`enclint.${key}`], `enclint.${key} declared`);
      // "fromConfig" is how the settings UI spells "not set here" (a null enum shows as "null").
      const declared = properties[`enclint.${key}`].default;
      assert.deepEqual(declared === 'fromConfig' ? null : declared, value, `enclint.${key} default`);
    }
    const defaults = Object.fromEntries(Object.entries(properties).map(([key, p]) => [key.replace(/^enclint\./, ''), (p as { default: unknown }).default]));
    assert.deepEqual(normalizeSettings(defaults), DEFAULT_SETTINGS);
  });

  it('registers every contributed command in the client, and activates on the languages it serves', () => {
    const client = fs.readFileSync(path.join(ROOT, 'client/src/extension.ts'), 'utf8');
    const commands = pkg.contributes.commands.map((c: { command: string }) => c.command);
    assert.deepEqual(commands.sort(), ['enclint.fixAllInFile', 'enclint.scanWorkspace', 'enclint.showOutput']);
    for (const command of commands) assert.ok(client.includes(`registerCommand('${command}'`), command);
    assert.equal(pkg.main, './dist/extension.js');
    for (const language of ['terraform', 'json', 'yaml', 'typescript', 'javascript', 'python', 'go', 'java']) {
      assert.ok(pkg.activationEvents.includes(`onLanguage:${language}`), language);
    }
    assert.ok(pkg.activationEvents.includes('workspaceContains:**/*.tf'));
    assert.equal(pkg.capabilities.untrustedWorkspaces.supported, true);
  });
});
