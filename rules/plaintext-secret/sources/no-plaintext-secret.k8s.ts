// no-plaintext-secret for YAML configuration: Kubernetes Secrets (`stringData`, and `data`, whose
// base64 is an encoding, not encryption), container `env` name/value pairs, docker-compose
// `environment` (map or `KEY=value` list), and secret-named keys anywhere else (Ansible vars, CI
// variables, Helm values). The shapes come from yaml/secret-candidates; the judgement of names and
// values from the shared secrets library.
import { fix, maskSecret } from '../../../server/src/engine/fix';
import { isHighEntropy, isSecretName, looksLikeSecretValue, nameWords, overlapsKnownToken } from '../../../server/src/engine/secrets';
import type { Fix } from '../../../server/src/engine/types';
import { get, scalarString, type DataDocument } from '../../../server/src/engine/yaml/data';
import { replaceYamlValue } from '../../../server/src/engine/yaml/edits';
import { yamlDocuments } from '../../../server/src/engine/yaml/parse';
import { configSecretCandidates, type SecretCandidate } from '../../../server/src/engine/yaml/secret-candidates';
import type { RuleContext } from '../../define';

/** kubectl/kubeconfig JSONPath templates (`{.credential.access_token}`) name where a token is read from. */
const JSONPATH_TEMPLATE = /^\{\.[^{}]*\}$/;

/**
 * `password_confirmation: "Confirm password"` (Rails/i18n locale files, form labels): prose that names
 * its own secret word is a label for the field, not its value.
 */
function isLabelText(candidate: SecretCandidate): boolean {
  if (!/\s/.test(candidate.value.trim())) return false;
  const secretWords = nameWords(candidate.name).filter((w) => isSecretName(w));
  const valueWords = nameWords(candidate.value);
  return secretWords.some((w) => valueWords.includes(w));
}

function isReportable(candidate: SecretCandidate): boolean {
  if (!looksLikeSecretValue(candidate.value, { name: candidate.name }) || JSONPATH_TEMPLATE.test(candidate.value.trim())) return false;
  if (candidate.shape === 'mapping' && isLabelText(candidate)) return false;
  // GitHub Actions `permissions: { id-token: write }` grants a scope; it holds no token.
  if (candidate.parentKey === 'permissions') return false;
  // `secretKey: password` (ExternalSecret, CSI drivers, Helm charts) names the key a secret lives under.
  if (nameWords(candidate.name).includes('key') && /^[A-Za-z][\w.-]*$/.test(candidate.value) && isSecretName(candidate.value)) return false;
  // Everything in a Secret is meant to be secret; a non-secret name (`username`) still counts when the value is key-like.
  if (candidate.shape === 'k8s-secret-string' || candidate.shape === 'k8s-secret-data') return isSecretName(candidate.name) || isHighEntropy(candidate.value);
  return isSecretName(candidate.name);
}

function describe(document: DataDocument, candidate: SecretCandidate): string {
  const name = scalarString(get(get(document.root, 'metadata'), 'name'));
  const secret = name ? `Kubernetes Secret ${name}` : 'Kubernetes Secret';
  switch (candidate.shape) {
    case 'k8s-secret-string':
      return `${secret} holds stringData.${candidate.name} in plaintext (${maskSecret(candidate.value)}); commit a SealedSecret/ExternalSecret or create the Secret outside git`;
    case 'k8s-secret-data':
      return `${secret} holds data.${candidate.name} as base64 — an encoding anyone can reverse, not encryption — of a secret (${maskSecret(candidate.value)}); commit a SealedSecret/ExternalSecret or create the Secret outside git`;
    case 'name-value':
      return `Environment variable ${candidate.name} is set to a literal secret (${maskSecret(candidate.value)}); reference a Secret instead (valueFrom.secretKeyRef)`;
    case 'compose-environment':
      return `Environment variable ${candidate.name} is set to a literal secret (${maskSecret(candidate.value)}); read it from the environment (\${${candidate.name}}) or use Compose secrets`;
    default:
      return `${candidate.name} is set to a literal secret (${maskSecret(candidate.value)}); load it from a secret store or an environment variable instead`;
  }
}

/** Compose interpolates `${VAR}` from the shell or an untracked `.env`: the idiomatic swap. */
function composeFix(candidate: SecretCandidate): Fix[] {
  if (candidate.shape !== 'compose-environment' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(candidate.name)) return [];
  const lookup = `\${${candidate.name}}`;
  const listItem = candidate.valueSpan.start !== candidate.valueNode.span.start;
  const edit = listItem ? { span: candidate.valueSpan, newText: lookup } : replaceYamlValue(candidate.valueNode, lookup);
  // The variable must then be set wherever compose runs: offered, not applied.
  return [fix(`Read ${candidate.name} from the environment (${lookup})`, [edit], { safe: false, preferred: true })];
}

export function checkYamlConfigSecrets(context: RuleContext): void {
  for (const document of yamlDocuments(context.file).documents) {
    for (const candidate of configSecretCandidates(document)) {
      // A known token format is no-secret-token's, with the more specific message: one finding per secret.
      if (!isReportable(candidate) || overlapsKnownToken(context.file, candidate.valueSpan)) continue;
      context.report({ span: candidate.valueSpan, message: describe(document, candidate), fixes: composeFix(candidate) });
    }
  }
}
