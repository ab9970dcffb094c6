// The dotenv language and grammar the extension contributes, so `.env` files open as "dotenv" (the
// id popular dotenv extensions use too) instead of Plain Text. Every regex must compile in the subset
// Oniguruma and JavaScript share; the key ones are run on real .env lines.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const readJson = (path: string) => JSON.parse(readFileSync(join(root, path), 'utf8'));
const grammar = readJson('syntaxes/dotenv.tmLanguage.json');
const manifest = readJson('package.json');
const regex = (name: string, key: 'match' | 'begin' = 'match') => new RegExp(grammar.repository[name][key], 'm');

describe('dotenv grammar', () => {
  it('is contributed for .env, .env.* and *.env files under the common "dotenv" id', () => {
    const language = manifest.contributes.languages.find((l: { id: string }) => l.id === 'dotenv');
    assert.deepEqual(language.filenames, ['.env']);
    assert.deepEqual(language.filenamePatterns, ['.env.*', '*.env']);
    const entry = manifest.contributes.grammars.find((g: { language: string }) => g.language === 'dotenv');
    assert.equal(entry.scopeName, grammar.scopeName);
    assert.ok(readJson(language.configuration.replace(/^\.\//, '')).comments.lineComment === '#');
  });

  it('compiles every regex', () => {
    const visit = (rule: Record<string, unknown>, path: string) => {
      for (const key of ['match', 'begin', 'end'] as const) if (typeof rule[key] === 'string') assert.doesNotThrow(() => new RegExp(rule[key] as string), `${path}.${key}`);
      for (const child of (rule.patterns as Array<Record<string, unknown>>) ?? []) visit(child, `${path}.patterns`);
      for (const key of ['captures', 'beginCaptures', 'endCaptures'])
        for (const [group, child] of Object.entries((rule[key] as Record<string, Record<string, unknown>>) ?? {})) visit(child, `${path}.${key}[${group}]`);
    };
    for (const [name, rule] of Object.entries(grammar.repository)) visit(rule as Record<string, unknown>, name);
  });

  it('recognises keys with and without export, comments, quotes and expansions', () => {
    assert.deepEqual(regex('key').exec('export DATABASE_URL=postgres://db')?.slice(1), ['export', 'DATABASE_URL', '=']);
    assert.deepEqual(regex('key').exec('API_KEY = "x"')?.slice(1), [undefined, 'API_KEY', '=']);
    assert.ok(regex('comment').test('# a comment'));
    assert.equal(regex('key').exec('# API_KEY=x'), null);
    assert.equal(regex('inline-comment').exec('PORT=8080 # the port')?.[0], '# the port');
    assert.equal(regex('inline-comment').exec('HASH=abc#def'), null, 'a # inside a value is not a comment');
    assert.equal(regex('unquoted').exec('LOG_LEVEL=debug trace # x')?.[0], 'debug trace');
    const expansion = new RegExp(grammar.repository.interpolation.patterns[0].match);
    assert.deepEqual(expansion.exec('${HOME:-/root}')?.slice(1), ['${', 'HOME', ':-', '}']);
  });
});

describe('settings without literal "null" options', () => {
  it('profile and minimum TLS version offer "From .enclint.yaml" instead of null', () => {
    const properties = manifest.contributes.configuration.properties;
    for (const name of ['enclint.profile', 'enclint.minTlsVersion']) {
      assert.ok(!properties[name].enum.includes(null), name);
      assert.equal(properties[name].default, 'fromConfig');
      assert.equal(properties[name].enumItemLabels[0], 'From .enclint.yaml');
    }
  });
});
