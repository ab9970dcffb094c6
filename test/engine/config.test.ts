import * as assert from 'node:assert/strict';
import { compareTls, ConfigError, mergeConfig, parseConfig, defaultConfig } from '../../server/src/engine/config';

const KNOWN = new Set(['kms-key-rotation', 'tls-min-version']);

function configError(text: string): ConfigError {
  try {
    parseConfig(text, '/repo/.enclint.yaml', KNOWN);
  } catch (error) {
    assert.ok(error instanceof ConfigError, `expected ConfigError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the config to be rejected');
}

describe('config', () => {
  it('defaults to the recommended profile: TLS 1.2, rotation within 365 days', () => {
    const config = parseConfig('', '/repo/.enclint.yaml');
    assert.equal(config.profile, 'recommended');
    assert.deepEqual(config.options, { minTlsVersion: '1.2', maxRotationDays: 365 });
  });

  it('takes profiles, options, rules, ignore globs and the policy mapping', () => {
    const config = parseConfig(
      [
        'profile: strict',
        'options:',
        '  maxRotationDays: 90',
        'rules:',
        '  kms-key-rotation: warning',
        '  tls-min-version: { severity: error, options: { note: x } }',
        'ignore:',
        '  - legacy/**',
        'policyMapping:',
        '  kms-key-rotation: ACME-SEC-7.2',
        '  key-rotation: [ACME-1, ACME-2]',
      ].join('\n'),
      '/repo/.enclint.yaml',
      KNOWN,
    );
    assert.equal(config.options.minTlsVersion, '1.3', 'the strict profile asks for TLS 1.3');
    assert.equal(config.options.maxRotationDays, 90);
    assert.deepEqual(config.rules['kms-key-rotation'], { enabled: true, severity: 'warning' });
    assert.deepEqual(config.rules['tls-min-version'], { enabled: true, severity: 'error', options: { note: 'x' } });
    assert.deepEqual(config.ignore, ['legacy/**']);
    assert.deepEqual(config.policyMapping['key-rotation'], ['ACME-1', 'ACME-2']);
  });

  it('turns rules off', () => {
    const config = parseConfig('rules:\n  kms-key-rotation: off\n', 'c.yaml', KNOWN);
    assert.equal(config.rules['kms-key-rotation'].enabled, false);
  });

  it('says where and what is wrong', () => {
    const unknownRule = configError('rules:\n  kms-rotation: error\n');
    assert.equal(unknownRule.line, 2);
    assert.equal(unknownRule.column, 3);
    assert.match(unknownRule.message, /unknown rule "kms-rotation"/);

    const badTls = configError('options:\n  minTlsVersion: "1.5"\n');
    assert.equal(badTls.line, 2);
    assert.match(badTls.message, /minTlsVersion must be one of/);

    assert.match(configError('profile: paranoid\n').message, /profile must be "recommended" or "strict"/);
    assert.match(configError('rules: [a]\n').message, /rules must be a mapping/);
    assert.match(configError('colour: blue\n').message, /unknown key "colour"/);
    assert.match(configError('options:\n  maxRotationDays: -3\n').message, /whole number of days/);
    assert.match(configError('a: [unclosed\n').message, /invalid YAML/);
    assert.match(String(configError('profile: x\n')), /\.enclint\.yaml:1:10/);
  });

  it('merges overlays (editor settings over the file)', () => {
    const merged = mergeConfig(defaultConfig(), { options: { minTlsVersion: '1.3' } });
    assert.equal(merged.options.minTlsVersion, '1.3');
    assert.equal(merged.options.maxRotationDays, 365);
  });

  it('orders TLS versions', () => {
    assert.ok(compareTls('1.0', '1.2') < 0);
    assert.ok(compareTls('1.3', '1.2') > 0);
    assert.equal(compareTls('1.2', '1.2'), 0);
  });
});
