// tls-no-disabled-verification in configuration: `.env` files, YAML (docker-compose, Kubernetes,
// Prometheus/Vault/Grafana-style configs), JSON and CloudFormation templates.
//   Environment switches that turn verification off process-wide: NODE_TLS_REJECT_UNAUTHORIZED=0,
//   PYTHONHTTPSVERIFY=0, GIT_SSL_NO_VERIFY=true — in .env, compose `environment`, container `env`,
//   Lambda `Environment.Variables`.
//   Config keys: `insecure_skip_verify: true`, `insecure-skip-tls-verify: true` (kubeconfig),
//   `tlsSkipVerify: true`, `tls_skip_verify: true`, `ssl_verify: false`, `verify_ssl: false`.
import { dotenvEntries } from '../../server/src/engine/dotenv/parse';
import { fix, replace } from '../../server/src/engine/fix';
import type { SourceFile } from '../../server/src/engine/source';
import { walk, type DataDocument, type ScalarNode } from '../../server/src/engine/yaml/data';
import { replaceYamlValue } from '../../server/src/engine/yaml/edits';
import { jsonDocument } from '../../server/src/engine/yaml/from-json';
import { yamlDocuments } from '../../server/src/engine/yaml/parse';
import { configSecretCandidates } from '../../server/src/engine/yaml/secret-candidates';
import type { RuleContext } from '../define';

interface InsecureSwitch {
  /** True when the value turns verification off. */
  insecure: (value: string) => boolean;
  /** The value that turns it back on. */
  secure: string;
  effect: string;
}

const isZero = (value: string) => value.trim() === '0';
const isTruthy = (value: string) => /^(1|true|yes|on)$/i.test(value.trim());
const isFalsy = (value: string) => /^(0|false|no|off)$/i.test(value.trim());

const ENVIRONMENT_SWITCHES: Record<string, InsecureSwitch> = {
  NODE_TLS_REJECT_UNAUTHORIZED: { insecure: isZero, secure: '1', effect: 'every TLS connection of a Node.js process' },
  PYTHONHTTPSVERIFY: { insecure: isZero, secure: '1', effect: 'HTTPS verification in Python’s standard library' },
  GIT_SSL_NO_VERIFY: { insecure: isTruthy, secure: 'false', effect: 'certificate checks of every git fetch and push' },
};

/** Config keys (compared without case, `-` and `_`) that skip verification when true, or keep it when true. */
const SKIP_KEYS = new Set(['insecureskipverify', 'insecureskiptlsverify', 'tlsskipverify', 'skiptlsverify', 'skipsslverify', 'sslskipverify', 'tlsinsecureskipverify']);
const VERIFY_KEYS = new Set(['validatecerts', 'sslverify', 'verifyssl', 'tlsverify', 'verifytls', 'sslverifypeer', 'verifypeer', 'rejectunauthorized']);

const normalise = (key: string) => key.toLowerCase().replace(/[-_.]/g, '');

function checkDocument(context: RuleContext, document: DataDocument): void {
  for (const candidate of configSecretCandidates(document)) {
    const flag = ENVIRONMENT_SWITCHES[candidate.name];
    if (!flag || !flag.insecure(candidate.value)) continue;
    const compose = candidate.shape === 'compose-environment' && candidate.valueSpan.start !== candidate.valueNode.span.start;
    context.report({
      span: { start: candidate.nameSpan.start, end: candidate.valueSpan.end },
      message: `${candidate.name}=${candidate.value} turns off certificate verification for ${flag.effect}`,
      fixes: [fix(`Set ${candidate.name} to ${flag.secure}`, [compose ? replace(candidate.valueSpan, flag.secure) : replaceYamlValue(candidate.valueNode, flag.secure)], { preferred: true })],
    });
  }
  if (!document.root) return;
  for (const node of walk(document.root)) {
    if (node.type !== 'map') continue;
    for (const pair of node.pairs) {
      const key = normalise(pair.key);
      const skip = SKIP_KEYS.has(key);
      if (!skip && !VERIFY_KEYS.has(key)) continue;
      const value = pair.value;
      if (value?.type !== 'scalar' || (value.tag && !value.tag.startsWith('!!'))) continue;
      const text = String(value.value);
      if (skip ? !isTruthy(text) : !isFalsy(text)) continue;
      context.report({
        span: pair.span,
        message: `${pair.key}: ${text} turns off TLS certificate verification, so any machine in the path can impersonate the server`,
        fixes: [fix(`Set ${pair.key}: ${skip ? 'false' : 'true'}`, [replaceYamlValue(value as ScalarNode, typeof value.value === 'boolean' ? !value.value : skip ? 'false' : 'true')], { preferred: true })],
      });
    }
  }
}

export function checkYamlVerification(context: RuleContext): void {
  for (const document of yamlDocuments(context.file).documents) checkDocument(context, document);
}

export function checkJsonVerification(context: RuleContext): void {
  checkDocument(context, jsonDocument(context.file));
}

export function checkDotenvVerification(context: RuleContext): void {
  const file: SourceFile = context.file;
  for (const entry of dotenvEntries(file).entries) {
    const flag = ENVIRONMENT_SWITCHES[entry.key];
    if (!flag || !flag.insecure(entry.value)) continue;
    const raw = file.slice(entry.valueSpan);
    const quote = /^['"]/.test(raw) ? raw[0] : '';
    context.report({
      span: { start: entry.keySpan.start, end: entry.valueSpan.end },
      message: `${entry.key}=${entry.value} turns off certificate verification for ${flag.effect}`,
      fixes: [fix(`Set ${entry.key}=${flag.secure}`, [replace(entry.valueSpan, `${quote}${flag.secure}${quote}`)], { preferred: true })],
    });
  }
}
