// SARIF 2.1.0 for GitHub code scanning and other SARIF consumers. Rule metadata comes from the rule
// modules; locations are relative to %SRCROOT% (the working directory) so a log is portable between
// checkouts; columns count UTF-16 code units like the engine; fingerprints are the engine's stable
// ones (rule + path + flagged text, never line numbers), so an alert survives lines moving above it.
import { pathToFileURL } from 'node:url';
import { allRules } from '../../../../rules';
import { docsUrl, type Rule } from '../../../../rules/define';
import type { Notice, Range, Severity } from '../../engine/types';
import { ruleHelpMarkdown, ruleHelpText } from '../rule-help';
import { shardAutomationId } from '../shard';
import type { FileResult, ScanResult, ScannedFinding } from '../types';
import { version } from '../version';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const SRCROOT = '%SRCROOT%';
export const FINGERPRINT_KEY = 'enclint/v1';

type SarifLevel = 'error' | 'warning' | 'note';
const LEVEL: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', info: 'note' };

export function toSarif(scan: ScanResult, rules: Rule[] = allRules, exitCode?: number): object {
  const ruleIndex = new Map(rules.map((rule, index) => [rule.meta.id, index]));
  const results = scan.files.flatMap((file) => file.findings.map((finding) => result(finding, file, ruleIndex)));
  const notifications = scan.files.flatMap((file) => file.notices.map((notice) => notification(notice, file)));
  const automationId = shardAutomationId(scan.shard);
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'enclint',
            version,
            semanticVersion: version,
            informationUri: 'https://github.com/enclint/enclint',
            rules: rules.map(ruleDescriptor),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(scan.root.endsWith('/') ? scan.root : `${scan.root}/`).href } },
        columnKind: 'utf16CodeUnits',
        // One category per shard: code scanning keeps the alerts of every shard's upload.
        ...(automationId ? { automationDetails: { id: automationId } } : {}),
        invocations: [
          {
            executionSuccessful: true,
            ...(exitCode === undefined ? {} : { exitCode }),
            toolExecutionNotifications: notifications,
          },
        ],
        results,
      },
    ],
  };
}

function ruleDescriptor(rule: Rule): object {
  const { meta } = rule;
  return {
    id: meta.id,
    name: pascalCase(meta.id),
    shortDescription: { text: meta.title },
    fullDescription: { text: meta.description },
    help: { text: ruleHelpText(meta), markdown: ruleHelpMarkdown(meta, 3) },
    helpUri: docsUrl(meta.id),
    defaultConfiguration: { level: LEVEL[meta.severity] },
    properties: {
      tags: [meta.family, 'security', ...meta.controls],
      precision: 'high',
      // GitHub reads this as a string on its 0.0–10.0 scale.
      'security-severity': meta.securitySeverity.toFixed(1),
    },
  };
}

function result(finding: ScannedFinding, file: FileResult, ruleIndex: Map<string, number>): object {
  const index = ruleIndex.get(finding.ruleId);
  return {
    ruleId: finding.ruleId,
    ...(index === undefined ? {} : { ruleIndex: index }),
    level: LEVEL[finding.severity],
    message: { text: finding.message },
    locations: [{ physicalLocation: { artifactLocation: artifact(file.path), region: region(finding.range) } }],
    ...(finding.related.length
      ? {
          relatedLocations: finding.related
            .filter((related) => related.range)
            .map((related, id) => ({
              id,
              message: { text: related.message },
              physicalLocation: { artifactLocation: artifact(related.path ?? file.path), region: region(related.range!) },
            })),
        }
      : {}),
    partialFingerprints: { [FINGERPRINT_KEY]: finding.fingerprint },
    ...(finding.fixes.length
      ? {
          fixes: finding.fixes.map((fix) => ({
            description: { text: fix.safe ? fix.title : `${fix.title} (review before applying)` },
            artifactChanges: [
              {
                artifactLocation: artifact(file.path),
                replacements: fix.edits.map((edit) => ({ deletedRegion: region(edit.range), insertedContent: { text: edit.newText } })),
              },
            ],
          })),
        }
      : {}),
    ...(finding.suppression
      ? {
          suppressions: [
            {
              kind: 'inSource',
              justification: finding.suppression.justification || 'no reason given',
              ...(finding.suppression.until ? { properties: { until: finding.suppression.until } } : {}),
            },
          ],
        }
      : {}),
    properties: { family: finding.family, ...(finding.policyRefs.length ? { policyRefs: finding.policyRefs } : {}) },
  };
}

function notification(notice: Notice, file: FileResult): object {
  return {
    level: notice.level === 'info' ? 'note' : notice.level,
    message: { text: notice.message },
    descriptor: { id: notice.kind },
    locations: [{ physicalLocation: { artifactLocation: artifact(file.path), ...(notice.range ? { region: region(notice.range) } : {}) } }],
  };
}

/** Paths under the working directory stay relative to %SRCROOT%; others become absolute file URIs. */
function artifact(path: string): object {
  if (path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path)) return { uri: pathToFileURL(path).href };
  return { uri: path.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

/** SARIF regions are 1-based with an exclusive end column; an empty region is an insertion point. */
function region(range: Range): object {
  return {
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

function pascalCase(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());
}

export function formatSarif(scan: ScanResult, exitCode?: number): string {
  return `${JSON.stringify(toSarif(scan, allRules, exitCode), null, 2)}\n`;
}
