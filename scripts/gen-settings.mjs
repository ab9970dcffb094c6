// Generates the extension's manifest entries that depend on rule metadata and on the client:
// `contributes.configuration` (one severity setting per rule), `contributes.commands`,
// `activationEvents`, `main` and `capabilities`. Only those keys of package.json are rewritten, so
// other entries (languages, grammars, scripts) stay exactly as their owners left them.
//
//   node --import tsx scripts/gen-settings.mjs          write package.json
//   node --import tsx scripts/gen-settings.mjs --check  exit 1 if package.json is out of date
//   node --import tsx scripts/gen-settings.mjs --in other.json --stdout   print instead of writing
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { allRules } = await import('../rules/index.ts');
const { FAMILIES } = await import('../server/src/engine/types.ts');

const LEVELS = ['off', 'error', 'warning', 'info'];
const LANGUAGES = ['terraform', 'terraform-vars', 'json', 'jsonc', 'yaml', 'typescript', 'typescriptreact', 'javascript', 'javascriptreact', 'python', 'go', 'java', 'dotenv'];

export function manifestEntries() {
  const rules = [...allRules].sort((a, b) => a.meta.id.localeCompare(b.meta.id));
  const ruleProperties = Object.fromEntries(
    rules.map((rule) => [
      rule.meta.id,
      {
        type: 'string',
        enum: LEVELS,
        // Title and default only (the docs link has the rest): a reworded description must not make
        // the manifest drift.
        markdownDescription: `**${rule.meta.title}** (default: \`${rule.meta.severity}\`). [Docs](https://github.com/enclint/enclint/blob/main/docs/rules/${rule.meta.id}.md)`,
      },
    ]),
  );
  for (const family of FAMILIES) {
    // Some families share their name with their main rule; the rule's entry says more.
    if (ruleProperties[family]) continue;
    ruleProperties[family] = { type: 'string', enum: LEVELS, markdownDescription: `Every rule of the \`${family}\` family (a rule's own setting wins).` };
  }
  const configuration = {
    title: 'enclint',
    properties: {
      'enclint.enable': { type: 'boolean', default: true, scope: 'resource', order: 0, description: 'Check files against the encryption and key-management policy.' },
      'enclint.run': {
        type: 'string',
        enum: ['onType', 'onSave'],
        enumDescriptions: ['Check while typing (each edit reparses only what changed).', 'Check when the file is saved.'],
        default: 'onType',
        scope: 'resource',
        order: 1,
        description: 'When to check open files.',
      },
      // No `null` in these enums: VS Code's settings UI would list it as a literal "null" option.
      'enclint.profile': {
        type: 'string',
        enum: ['fromConfig', 'recommended', 'strict'],
        enumItemLabels: ['From .enclint.yaml', 'recommended', 'strict'],
        enumDescriptions: ['Use the profile from .enclint.yaml (or recommended).', 'TLS 1.2+, annual key rotation (SOC 2, HIPAA).', 'TLS 1.3, annual key rotation.'],
        default: 'fromConfig',
        scope: 'resource',
        order: 2,
        markdownDescription: 'Policy profile. Overrides `profile` in `.enclint.yaml` unless left at *From .enclint.yaml*.',
      },
      'enclint.minTlsVersion': {
        type: 'string',
        enum: ['fromConfig', '1.0', '1.1', '1.2', '1.3'],
        enumItemLabels: ['From .enclint.yaml', 'TLS 1.0', 'TLS 1.1', 'TLS 1.2', 'TLS 1.3'],
        default: 'fromConfig',
        scope: 'resource',
        order: 3,
        markdownDescription: 'Lowest acceptable TLS version. Overrides `options.minTlsVersion` in `.enclint.yaml` unless left at *From .enclint.yaml*.',
      },
      'enclint.maxRotationDays': {
        type: ['integer', 'null'],
        minimum: 1,
        maximum: 3650,
        default: null,
        scope: 'resource',
        order: 4,
        markdownDescription: 'Longest acceptable key rotation period in days. Overrides `options.maxRotationDays` in `.enclint.yaml` when set.',
      },
      'enclint.rules': {
        type: 'object',
        default: {},
        scope: 'resource',
        order: 5,
        markdownDescription: 'Severity per rule id or family: `off`, `error`, `warning` or `info`. Overrides `rules` in `.enclint.yaml`.',
        properties: ruleProperties,
        additionalProperties: false,
      },
      'enclint.exclude': {
        type: 'array',
        items: { type: 'string' },
        default: [],
        scope: 'resource',
        order: 6,
        markdownDescription: 'Glob patterns, relative to the workspace folder, of files never checked (in addition to `ignore` in `.enclint.yaml`).',
      },
      'enclint.scanWorkspace': {
        type: 'string',
        enum: ['onStartup', 'manual', 'off'],
        enumDescriptions: [
          'Scan every file of the workspace when it opens and after settings change (with progress; cancellable).',
          'Only open files are checked; run "enclint: Scan Workspace" to scan the rest.',
          'Only open files are checked, and the command is disabled.',
        ],
        default: 'onStartup',
        scope: 'window',
        order: 7,
        description: 'Whether files that are not open are scanned.',
      },
      'enclint.baseline': {
        type: 'string',
        default: '.enclint-baseline.json',
        scope: 'resource',
        order: 8,
        markdownDescription: 'Baseline file (written by `enclint scan --write-baseline`), relative to the workspace folder. Findings it records are shown at `#enclint.baselineSeverity#`.',
      },
      'enclint.baselineSeverity': {
        type: 'string',
        enum: ['hint', 'info', 'unchanged', 'hidden'],
        enumDescriptions: ['Shown as a hint (dotted underline, not in Problems).', 'Shown as information.', 'Shown at their own severity.', 'Not shown.'],
        default: 'hint',
        scope: 'resource',
        order: 9,
        description: 'How findings recorded in the baseline are shown in the editor.',
      },
      'enclint.trace.server': {
        type: 'string',
        enum: ['off', 'messages', 'verbose'],
        default: 'off',
        scope: 'window',
        order: 10,
        description: 'Traces the communication between VS Code and the enclint language server (in the enclint output).',
      },
    },
  };
  return {
    main: './dist/extension.js',
    activationEvents: [
      ...LANGUAGES.map((language) => `onLanguage:${language}`),
      'workspaceContains:**/*.tf',
      'workspaceContains:**/*.tfvars',
      'workspaceContains:**/.enclint.yaml',
      'workspaceContains:**/.enclint.yml',
      'workspaceContains:**/cdk.json',
    ],
    capabilities: {
      untrustedWorkspaces: { supported: true, description: 'enclint only reads files: it never runs the code or tools of the workspace.' },
      virtualWorkspaces: { supported: 'limited', description: 'Open files are checked; the background workspace scan needs files on disk.' },
    },
    commands: [
      { command: 'enclint.scanWorkspace', title: 'Scan Workspace', category: 'enclint' },
      { command: 'enclint.fixAllInFile', title: 'Fix All in File', category: 'enclint' },
      { command: 'enclint.showOutput', title: 'Show Output', category: 'enclint' },
    ],
    configuration,
  };
}

/** Sets our keys on a parsed package.json, leaving every other key where it was. */
export function applyEntries(pkg) {
  const entries = manifestEntries();
  pkg.main = entries.main;
  pkg.activationEvents = entries.activationEvents;
  pkg.capabilities = entries.capabilities;
  pkg.contributes = { ...(pkg.contributes ?? {}), commands: entries.commands, configuration: entries.configuration };
  return pkg;
}

const inputIndex = process.argv.indexOf('--in');
const file = inputIndex > 0 ? process.argv[inputIndex + 1] : join(root, 'package.json');
const current = readFileSync(file, 'utf8');
const next = JSON.stringify(applyEntries(JSON.parse(current)), null, 2) + '\n';
if (process.argv.includes('--check')) {
  if (next !== current) {
    console.error('package.json is out of date with the rule metadata: run `node --import tsx scripts/gen-settings.mjs`');
    process.exit(1);
  }
  console.log('package.json settings are up to date');
} else if (process.argv.includes('--stdout')) {
  process.stdout.write(next);
} else {
  writeFileSync(file, next);
  console.log(`package.json: ${Object.keys(manifestEntries().configuration.properties['enclint.rules'].properties).length} rule/family settings`);
}
