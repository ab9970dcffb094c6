// The registry: every rule enclint ships, in one list. Docs, SARIF metadata, hover text and the
// settings schema are generated from these modules' metadata.
import type { Rule } from './define';
import { encryptionAtRestRules } from './encryption-at-rest';
import { keyRotationRules } from './key-rotation';
import { kmsWildcardRules } from './kms-wildcard';
import { plaintextSecretRules } from './plaintext-secret';
import { tlsMinVersionRules } from './tls-min-version';
import { transportEncryptionRules } from './transport-encryption';

export const allRules: Rule[] = [...plaintextSecretRules, ...kmsWildcardRules, ...keyRotationRules, ...tlsMinVersionRules, ...transportEncryptionRules, ...encryptionAtRestRules];

export function ruleById(id: string): Rule | undefined {
  return allRules.find((rule) => rule.meta.id === id);
}
