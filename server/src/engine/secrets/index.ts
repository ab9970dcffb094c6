// The secrets library: one place that decides what a secret looks like, shared by every rule and
// every source (Terraform, JSON, YAML, CloudFormation, CDK, app code, .env) so they all agree.
//
//   isSecretName(name)          — does a field/variable name hold a credential? (`DB_PASSWORD` yes, `password_policy` no)
//   isPlaceholder(value)        — `<password>`, `${var.x}`, `{{ … }}`, `xxxx`, empty: stand-ins, not secrets
//   isSecretReference(value)    — ARNs, Key Vault/SSM/Secrets Manager references: the compliant way
//   looksLikeSecretValue(value) — a literal worth reporting when assigned to a secret-named field
//   isHighEntropy(value)        — machine-generated-looking text (for loosely named places)
//   shannonEntropy(value)       — bits per character
//   findTokens(text)            — known credential formats anywhere in text, with offsets
//   containsKnownToken(value)   — precedence helper: `no-secret-token` owns values that contain a token
//   maskSecret(value)           — the only way a secret may appear in a message
//
// Precedence between the two rules of the family: `no-secret-token` reports every known token format
// in any file; `no-plaintext-secret` reports secret-named fields whose literal value is NOT already a
// known token (`containsKnownToken`), so one secret never yields two findings.
export { isSecretName, nameWords } from './names';
export { isHighEntropy, isPlaceholder, isSecretReference, looksLikeSecretValue, shannonEntropy } from './values';
export { containsKnownToken, findTokens, type TokenKind, type TokenMatch } from './tokens';
export { maskSecret } from '../fix';
export { fileTokens, overlapsKnownToken } from './file-tokens';
export { findSecretAssignments, type SecretAssignment } from './assignments';
