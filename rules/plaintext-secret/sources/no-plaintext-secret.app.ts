// no-plaintext-secret in application code: a literal assigned to a secret-named variable, constant,
// field, object property, keyword argument, map entry or default parameter.
//   JS/TS   const dbPassword = 'hunter2'; { apiKey: 'sk-…' }; function connect(password = 'x') {}
//   Python  DB_PASSWORD = "…"; connect(password="…"); {"api_key": "…"}; def f(token="…"):
//   Go      password := "…"; var apiKey = "…"; Config{Password: "…"}; map[string]string{"token": "…"}
//   Java    String password = "…"; setPassword("…"); props.put("db.password", "…")
// Names and values are judged by the shared secrets library (isSecretName, looksLikeSecretValue…), so
// app code agrees with Terraform, CloudFormation and .env on what a secret is. Known token formats are
// left to no-secret-token (one finding per secret). The offered fix reads the value from the
// environment in the language's idiom; it is never applied automatically because the variable has to
// be provisioned first.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { importsCdk } from '../../../server/src/engine/cdk/symbols';
import { fix, insertAt, replace } from '../../../server/src/engine/fix';
import { containsKnownToken, isHighEntropy, isSecretName, looksLikeSecretValue, maskSecret } from '../../../server/src/engine/secrets';
import type { SourceFile } from '../../../server/src/engine/source';
import { codeTokens, tokenize } from '../../../server/src/engine/tokenizer';
import { dottedNameEndingAt } from '../../../server/src/engine/tokenizer/match';
import type { Token } from '../../../server/src/engine/tokenizer/token';
import { memberPath, NodeType, nodesOfType, spanOf, stringValue, type Node } from '../../../server/src/engine/typescript/nodes';
import { propertyName } from '../../../server/src/engine/typescript/objects';
import type { Fix, Span, TextEdit } from '../../../server/src/engine/types';
import type { CheckFn, RuleContext } from '../../define';
import { checkCdkPlaintextSecrets } from './no-plaintext-secret.cdk';

/** `dbPassword`, `db.password`, `api-key` → `DB_PASSWORD`, `API_KEY`. */
export function environmentName(name: string): string {
  return (
    name
      .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
      .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
      .replace(/[^A-Za-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .toUpperCase() || 'SECRET'
  );
}

/**
 * A literal worth reporting under a secret name in code. Code is full of secret-named strings that are
 * not secrets — prompts ("Enter your password"), URLs, header names — so values with spaces count only
 * when they look random, and URLs are left to the token detectors (which know `user:pass@`).
 */
export function isReportableSecret(name: string, value: string): boolean {
  if (!isSecretName(name)) return false;
  const trimmed = value.trim();
  if (!looksLikeSecretValue(trimmed, { minLength: 4, name }) || containsKnownToken(trimmed)) return false;
  if (/\s/.test(trimmed) && !isHighEntropy(trimmed)) return false;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) return false;
  // A value that is itself a secret's *name* — a property key, an environment variable name, a form
  // field (`"spring.datasource.password"`, `"DB_PASSWORD"`, `"api-key"`) — points at a secret.
  if (/^[A-Za-z][\w.-]*[._-][\w.-]*$/.test(trimmed) && isSecretName(trimmed)) return false;
  return true;
}

function report(context: RuleContext, span: Span, name: string, value: string, fixes: Fix[]): void {
  context.report({
    span,
    message: `"${name}" is a plaintext secret ("${maskSecret(value)}") in source code; read it from the environment or a secret store`,
    fixes,
  });
}

// ------------------------------------------------------------------------------ JavaScript

function scriptFix(file: SourceFile, literal: Node, name: string): Fix[] {
  // In a CDK stack an environment lookup would still bake the value into the template: SecretValue is the way.
  if (importsCdk(file)) return [];
  const env = environmentName(name);
  return [fix(`Read ${env} from the environment (process.env.${env})`, [replace(spanOf(literal), `process.env.${env}`)], { safe: false, preferred: true })];
}

function checkScriptLiteral(context: RuleContext, name: string | undefined, valueNode: Node | null | undefined, anchor: Node, offerFix = true): void {
  if (!name || !valueNode) return;
  const value = stringValue(valueNode);
  if (value === undefined || !isReportableSecret(name, value)) return;
  report(context, spanOf(anchor), name, value, offerFix ? scriptFix(context.file, valueNode, name) : []);
}

function checkScript(context: RuleContext): void {
  checkCdkPlaintextSecrets(context);
  const { file } = context;
  for (const declarator of nodesOfType(file, NodeType.VariableDeclarator)) {
    if (declarator.id.type === 'Identifier') checkScriptLiteral(context, declarator.id.name, declarator.init, declarator);
  }
  for (const property of nodesOfType(file, NodeType.Property)) {
    const parent = property.value;
    // Destructuring defaults are AssignmentPatterns, handled below.
    if (parent.type === 'AssignmentPattern') continue;
    checkScriptLiteral(context, propertyName(property), property.value as Node, property);
  }
  for (const field of nodesOfType(file, NodeType.PropertyDefinition)) {
    const name = field.key.type === 'Identifier' ? field.key.name : field.key.type === 'PrivateIdentifier' ? field.key.name : undefined;
    checkScriptLiteral(context, name, field.value, field);
  }
  for (const pattern of nodesOfType(file, NodeType.AssignmentPattern)) {
    const name = pattern.left.type === 'Identifier' ? pattern.left.name : undefined;
    checkScriptLiteral(context, name, pattern.right, pattern);
  }
  for (const assignment of nodesOfType(file, NodeType.AssignmentExpression)) {
    if (assignment.operator !== '=') continue;
    const path = memberPath(assignment.left as TSESTree.Expression);
    // `process.env.DB_PASSWORD = '…'` is as bad; `this.password = '…'`, `config.apiKey = '…'` too.
    // Writing the secret into the environment itself has no environment lookup to swap in.
    checkScriptLiteral(context, path?.[path.length - 1], assignment.right, assignment, !(path?.[0] === 'process' && path[1] === 'env'));
  }
}

// ------------------------------------------------------------------------- token languages

interface Candidate {
  name: string;
  /** The string token holding the value. */
  value: Token;
  /** Where the finding goes: from the name to the value. */
  span: Span;
  /** A compile-time constant (Go `const`) cannot take a function call: no fix. */
  constant?: boolean;
}

/** Tokens that may follow a complete string value (anything else means the string is part of a larger expression). */
const VALUE_END = new Set([',', ')', ']', '}', ';', ':']);

function endsValue(tokens: readonly Token[], index: number): boolean {
  const next = tokens[index + 1];
  if (!next) return true;
  return VALUE_END.has(next.text) || next.kind === 'identifier' || next.kind === 'string' || next.kind === 'number';
}

/** `name = "…"`, `name := "…"`, `name: type = "…"`, `"name": "…"`, `Name: "…"` — shared by the three languages. */
function candidates(file: SourceFile, language: 'python' | 'go' | 'java'): Candidate[] {
  const all = tokenize(file).tokens;
  // Python statements end at line breaks; a string followed by a new line ends its value.
  const tokens = language === 'python' ? all.filter((t) => t.kind !== 'comment') : codeTokens(file);
  const found: Candidate[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const value = tokens[i];
    if (value.kind !== 'string' || value.interpolated) continue;
    const next = tokens[i + 1];
    if (next && next.kind !== 'newline' && !endsValue(tokens, i)) continue;
    if (next?.kind !== 'newline' && next?.text === ':' && language !== 'go') continue; // a dict key, not a value
    let k = i - 1;
    const operator = tokens[k];
    if (!operator) continue;
    // `os.environ["API_KEY"] = "…"`, `settings['password'] = '…'`: the subscript names the value.
    if (operator.text === '=' && tokens[k - 1]?.text === ']' && tokens[k - 2]?.kind === 'string' && tokens[k - 3]?.text === '[') {
      found.push({ name: tokens[k - 2].value!, value, span: { start: tokens[k - 2].span.start, end: value.span.end } });
      continue;
    }
    // Python `auth=("user", "…")` / `HTTPBasicAuth("user", "…")`, Java `DriverManager.getConnection(url, "user", "…")`:
    // the last string of a credentials pair is the password.
    if (operator.text === ',' && tokens[i + 1]?.text === ')' && tokens[k - 1]?.kind === 'string') {
      const callee = tokens[k - 2]?.text === '(' ? tokens[k - 3] : undefined;
      const authTuple = callee?.text === '=' && tokens[k - 4]?.text === 'auth';
      const basicAuth = callee?.kind === 'identifier' && /^(HTTPBasicAuth|HTTPDigestAuth|BasicAuth|PasswordAuthentication)$/.test(callee.text);
      const jdbc = tokens[k - 2]?.text === ',' && tokens.slice(Math.max(0, k - 8), k).some((t) => t.text === 'getConnection');
      if (authTuple || basicAuth || jdbc) {
        found.push({ name: 'password', value, span: { start: tokens[k - 1].span.start, end: value.span.end } });
        continue;
      }
    }
    if (operator.text === '=' || operator.text === ':=' || operator.text === ':') {
      k--;
      // Python annotations and Java/Go declarations: `password: str = "…"`, `String password = "…"`, `var password string = "…"`.
      if (operator.text === '=' && tokens[k]?.kind === 'identifier' && tokens[k - 1]?.text === ':' && language === 'python') k -= 2;
      if (operator.text === '=' && language === 'go' && tokens[k]?.kind === 'identifier' && tokens[k - 1]?.kind === 'identifier' && tokens[k - 2]?.text === 'var') k--;
      const nameToken = tokens[k];
      if (!nameToken) continue;
      const name = nameToken.kind === 'string' ? nameToken.value! : nameToken.kind === 'identifier' ? nameToken.text : undefined;
      if (!name) continue;
      // `==`/`!=` are separate tokens, so `=` here is an assignment, keyword argument or field.
      const start = nameToken.kind === 'identifier' ? tokens[dottedNameEndingAt(tokens, k).start].span.start : nameToken.span.start;
      const constant = language === 'go' && tokens.slice(Math.max(0, k - 3), k).some((t) => t.text === 'const');
      found.push({ name, value, span: { start, end: value.span.end }, constant });
      continue;
    }
    // Java/Go calls: setPassword("…"), withApiKey("…"), props.put("db.password", "…"), os.Setenv("TOKEN", "…")
    if (operator.text === '(' && tokens[k - 1]?.kind === 'identifier') {
      const setter = /^(?:set|with)([A-Z]\w*)$/.exec(tokens[k - 1].text);
      if (setter && tokens[i + 1]?.text === ')') found.push({ name: setter[1], value, span: { start: tokens[k - 1].span.start, end: value.span.end } });
      continue;
    }
    if (operator.text === ',' && tokens[k - 1]?.kind === 'string' && tokens[k - 2]?.text === '(' && /^(put|setProperty|Setenv|setenv|Set)$/.test(tokens[k - 3]?.text ?? '')) {
      found.push({ name: tokens[k - 1].value!, value, span: { start: tokens[k - 1].span.start, end: value.span.end } });
    }
  }
  return found;
}

function quoteFor(token: Token): string {
  return token.quote === "'" ? "'" : '"';
}

function pythonFix(file: SourceFile, candidate: Candidate): Fix[] {
  const env = environmentName(candidate.name);
  const q = quoteFor(candidate.value);
  const edits: TextEdit[] = [replace(candidate.value.span, `os.environ[${q}${env}${q}]`)];
  // The same for every finding of the file: looked for once (a search of the whole file per
  // finding made a file of n secrets cost n²).
  const importEdit = file.cached('python-os-import-edit', () => ensureImport(file, /^import\s+os\b|^import\s+[\w, ]*\bos\b/m, 'import os'));
  if (importEdit === null) return [];
  if (importEdit) edits.push(importEdit);
  return [fix(`Read ${env} from the environment (os.environ[${q}${env}${q}])`, edits, { safe: false, preferred: true })];
}

/**
 * Adds an import line before the first top-level import (after a shebang, encoding line or module
 * docstring otherwise). `undefined` when already imported, `null` when there is no safe place.
 */
function ensureImport(file: SourceFile, present: RegExp, line: string): TextEdit | undefined | null {
  if (present.test(file.text)) return undefined;
  const firstImport = /^(?:import|from)\s+(?!__future__)[\w.]+/m.exec(file.text);
  if (firstImport) return insertAt(firstImport.index, `${line}${file.eol}`);
  return null;
}

function goFix(file: SourceFile, candidate: Candidate): Fix[] {
  if (candidate.constant) return [];
  const env = environmentName(candidate.name);
  const edits: TextEdit[] = [replace(candidate.value.span, `os.Getenv("${env}")`)];
  // Once per file, as for Python.
  const importEdit = file.cached('go-os-import-edit', () => goImportEdit(file));
  if (importEdit === null) return [];
  if (importEdit) edits.push(importEdit);
  return [fix(`Read ${env} from the environment (os.Getenv("${env}"))`, edits, { safe: false, preferred: true })];
}

/** The edit that imports "os", undefined when it is imported, null when there is no import to join. */
function goImportEdit(file: SourceFile): TextEdit | undefined | null {
  if (/^\s*"os"\s*$|^import\s+"os"/m.test(file.text)) return undefined;
  const block = /^import\s*\(\s*\r?\n/m.exec(file.text);
  if (block) return insertAt(block.index + block[0].length, `\t"os"${file.eol}`);
  const single = /^import\s+"[^"]+"\s*$/m.exec(file.text);
  return single ? insertAt(single.index, `import "os"${file.eol}`) : null;
}

function javaFix(candidate: Candidate): Fix[] {
  const env = environmentName(candidate.name);
  return [fix(`Read ${env} from the environment (System.getenv("${env}"))`, [replace(candidate.value.span, `System.getenv("${env}")`)], { safe: false, preferred: true })];
}

function checkTokens(language: 'python' | 'go' | 'java'): CheckFn {
  return (context) => {
    const { file } = context;
    for (const candidate of candidates(file, language)) {
      const value = candidate.value.value ?? '';
      if (!isReportableSecret(candidate.name, value)) continue;
      const fixes = language === 'python' ? pythonFix(file, candidate) : language === 'go' ? goFix(file, candidate) : javaFix(candidate);
      report(context, candidate.span, candidate.name, value, fixes);
    }
  };
}

export const noPlaintextSecretCodeChecks: Record<'typescript' | 'javascript' | 'python' | 'go' | 'java', CheckFn> = {
  typescript: checkScript,
  javascript: checkScript,
  python: checkTokens('python'),
  go: checkTokens('go'),
  java: checkTokens('java'),
};
