// The TextMate grammar and language configuration the extension contributes. VS Code compiles the
// grammar's regexes with Oniguruma; every regex here is written in the subset JavaScript shares, so
// compiling them with RegExp catches typos, and running the key ones on real Terraform lines checks
// that blocks, attributes, heredocs and templates are recognised as intended.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const readJson = (path: string) => JSON.parse(readFileSync(join(root, path), 'utf8'));

interface Rule {
  name?: string;
  match?: string;
  begin?: string;
  end?: string;
  while?: string;
  include?: string;
  patterns?: Rule[];
  captures?: Record<string, Rule>;
  beginCaptures?: Record<string, Rule>;
  endCaptures?: Record<string, Rule>;
  repository?: Record<string, Rule>;
}
interface Grammar extends Rule {
  scopeName: string;
  repository: Record<string, Rule>;
}

const grammar: Grammar = readJson('syntaxes/terraform.tmLanguage.json');
const manifest = readJson('package.json');

/** Every rule in the grammar with a path for messages, including rules nested in captures. */
function allRules(): Array<{ path: string; rule: Rule }> {
  const found: Array<{ path: string; rule: Rule }> = [];
  const visit = (rule: Rule, path: string) => {
    found.push({ path, rule });
    rule.patterns?.forEach((child, i) => visit(child, `${path}.patterns[${i}]`));
    for (const key of ['captures', 'beginCaptures', 'endCaptures'] as const) {
      for (const [group, child] of Object.entries(rule[key] ?? {})) visit(child, `${path}.${key}[${group}]`);
    }
  };
  visit({ patterns: grammar.patterns }, 'patterns');
  for (const [name, rule] of Object.entries(grammar.repository)) visit(rule, `repository.${name}`);
  return found;
}

/** A `end` regex may refer back to a `begin` group (`\2` for the heredoc marker); RegExp needs a stand-in. */
const withoutBackReferences = (source: string) => source.replace(/\\[1-9]/g, 'EOT');

const groupCount = (source: string) => new RegExp(`${withoutBackReferences(source)}|`).exec('')!.length - 1;

function repositoryRegex(name: string, key: 'match' | 'begin' | 'end' = 'match'): RegExp {
  const source = grammar.repository[name]?.[key];
  assert.ok(source, `repository.${name}.${key} exists`);
  return new RegExp(withoutBackReferences(source));
}

describe('TextMate grammar (syntaxes/terraform.tmLanguage.json)', () => {
  it("uses HashiCorp's scope name so themes and injections written for it apply", () => {
    assert.equal(grammar.scopeName, 'source.hcl.terraform');
  });

  it('compiles every regex', () => {
    for (const { path, rule } of allRules()) {
      for (const key of ['match', 'begin', 'end', 'while'] as const) {
        const source = rule[key];
        if (source === undefined) continue;
        assert.doesNotThrow(() => new RegExp(withoutBackReferences(source)), `${path}.${key}: ${source}`);
        assert.doesNotMatch(source, /\\[AGzZh]|\(\?[imx-]+[:)]|\+\+|\*\+/, `${path}.${key} uses Oniguruma-only syntax`);
      }
    }
  });

  it('resolves every include and uses every repository entry', () => {
    const used = new Set<string>();
    for (const { path, rule } of allRules()) {
      if (!rule.include) continue;
      assert.match(rule.include, /^#/, `${path}: only local includes are expected`);
      const target = rule.include.slice(1);
      assert.ok(grammar.repository[target], `${path} includes missing #${target}`);
      used.add(target);
    }
    const unused = Object.keys(grammar.repository).filter((name) => !used.has(name));
    assert.deepEqual(unused, [], 'repository entries nothing includes');
  });

  it('names only capture groups that exist', () => {
    for (const { path, rule } of allRules()) {
      const pairs = [
        ['match', 'captures'],
        ['begin', 'beginCaptures'],
        ['end', 'endCaptures'],
      ] as const;
      for (const [regexKey, capturesKey] of pairs) {
        const captures = rule[capturesKey] ?? (regexKey === 'match' ? undefined : rule.captures);
        const source = rule[regexKey];
        if (!captures || source === undefined) continue;
        const groups = groupCount(source);
        for (const group of Object.keys(captures)) {
          assert.ok(Number(group) <= groups, `${path}.${capturesKey}[${group}] but ${regexKey} has ${groups} groups`);
        }
      }
    }
  });

  describe('recognises Terraform constructs', () => {
    it('block headers: type, quoted and bare labels, opening brace', () => {
      const block = repositoryRegex('block', 'begin');
      const header = block.exec('resource "aws_kms_key" "main" {');
      assert.ok(header);
      assert.equal(header[1], 'resource');
      assert.equal(header[2], ' "aws_kms_key" "main"');
      assert.equal(block.exec('dynamic "setting" {')?.[1], 'dynamic');
      assert.equal(block.exec('locals {')?.[1], 'locals');
      assert.equal(block.exec('provider aws {')?.[2], ' aws');
      assert.equal(block.exec('resource "x" "label with \\"quote\\"" {')?.[1], 'resource');
      assert.equal(block.exec('tags = {'), null, 'an attribute with an object value is not a block');
    });

    it('attributes, but not comparisons or for-expression arrows', () => {
      const attribute = repositoryRegex('attribute_definition');
      assert.equal(attribute.exec('  enable_key_rotation = true')?.[1], 'enable_key_rotation');
      assert.equal(attribute.exec('  "quoted-key" = 1')?.[3], 'quoted-key');
      assert.equal(attribute.exec('a == b'), null);
      assert.equal(attribute.exec('k => v'), null);
    });

    it('heredocs with and without indent stripping, closed by their own marker', () => {
      const begin = repositoryRegex('heredoc', 'begin');
      assert.deepEqual(begin.exec('policy = <<-EOT')?.slice(1), ['<<-', 'EOT']);
      assert.deepEqual(begin.exec('policy = <<EOF')?.slice(1), ['<<', 'EOF']);
      assert.equal(begin.exec('x = "<<EOT inside a string"'), null, 'the marker ends its line');
      const end = new RegExp(grammar.repository.heredoc.end!.replace('\\2', 'EOT'), 'm');
      assert.ok(end.test('  EOT'));
      assert.ok(!end.test('  EOTX'));
    });

    it('template interpolation and directives, and their escapes', () => {
      const [escape, interpolation, directive] = grammar.repository.template.patterns!;
      assert.ok(new RegExp(escape.match!).test('$${not.interpolated}'));
      assert.ok(new RegExp(escape.match!).test('%%{not.a.directive}'));
      assert.deepEqual(new RegExp(interpolation.begin!).exec('${~var.x}')?.slice(1), ['${', '~']);
      assert.equal(new RegExp(directive.begin!).exec('%{ if var.enabled }')?.[3], 'if');
      assert.equal(new RegExp(directive.begin!).exec('%{~ endfor }')?.[3], 'endfor');
      const escapes = new RegExp(grammar.repository.string_escapes.patterns![0].match!);
      for (const ok of ['\\n', '\\"', '\\\\', '\\u00e9', '\\U0001F600']) assert.ok(escapes.test(ok), ok);
    });

    it('numbers, booleans, null', () => {
      const number = new RegExp(`^(?:${grammar.repository.numeric.patterns![0].match!})$`);
      for (const ok of ['0', '365', '1.5', '1e3', '2.5E-4']) assert.ok(number.test(ok), ok);
      const [booleans, nulls] = grammar.repository.language_constants.patterns!;
      assert.ok(new RegExp(booleans.match!).test('true') && new RegExp(booleans.match!).test('false'));
      assert.ok(new RegExp(nulls.match!).test('null'));
      assert.ok(!new RegExp(booleans.match!).test('trueish'));
    });

    it('function calls, including provider-defined functions', () => {
      const call = repositoryRegex('function_call', 'begin');
      assert.equal(call.exec('policy = jsonencode({')?.[1], 'jsonencode');
      assert.equal(call.exec('provider::aws::arn_parse(var.arn)')?.[1], 'provider::aws::arn_parse');
      const builtin = new RegExp(`^(?:${grammar.repository.function_name.patterns![0].match!})$`);
      for (const name of ['jsonencode', 'merge', 'lookup', 'templatefile', 'cidrsubnet']) assert.ok(builtin.test(name), name);
    });

    it('named values: var., local., module., data., each., count.', () => {
      const reference = repositoryRegex('reference');
      for (const text of ['var.env', 'local.tags', 'module.kms.key_arn', 'data.aws_caller_identity.current', 'each.key', 'count.index']) {
        assert.ok(reference.test(text), text);
      }
      assert.ok(!reference.test('variable = 1'));
    });
  });
});

describe('language contribution (package.json)', () => {
  const languages: Array<{ id: string; extensions: string[]; configuration: string }> = manifest.contributes.languages;
  const grammars: Array<{ language: string; scopeName: string; path: string }> = manifest.contributes.grammars;

  it("contributes HashiCorp's language ids, so either extension's grammar and features apply", () => {
    const byId = new Map(languages.map((language) => [language.id, language]));
    assert.deepEqual(byId.get('terraform')?.extensions, ['.tf']);
    assert.deepEqual(byId.get('terraform-vars')?.extensions, ['.tfvars']);
  });

  it('points at files that exist', () => {
    // The dotenv language has its own grammar and configuration (test/syntax/dotenv-grammar.test.ts).
    for (const language of languages.filter((l) => l.id.startsWith('terraform'))) {
      assert.ok(existsSync(join(root, language.configuration)), language.configuration);
      const configuration = readJson(language.configuration);
      assert.equal(configuration.comments.lineComment, '#');
      assert.deepEqual(configuration.comments.blockComment, ['/*', '*/']);
      for (const pattern of Object.values(configuration.indentationRules) as string[]) new RegExp(pattern);
    }
    for (const contribution of grammars.filter((g) => g.language.startsWith('terraform'))) {
      assert.ok(existsSync(join(root, contribution.path)), contribution.path);
      assert.equal(contribution.scopeName, grammar.scopeName);
      assert.ok(languages.some((language) => language.id === contribution.language), contribution.language);
    }
  });
});
