// no-plaintext-secret for `.env` files: `KEY=value` with a secret-like key and a real value.
//
// No automatic fix, on purpose: a `.env` file exists to hold values, and there is no lookup syntax to
// swap in — the remedy is to keep the file out of version control (or commit only a `.env.example`
// with empty values) and to source production secrets from a secret manager. Blanking the value would
// silently break local runs, so the finding explains instead.
import { maskSecret } from '../../../server/src/engine/fix';
import { dotenvEntries } from '../../../server/src/engine/dotenv/parse';
import { isSecretName, looksLikeSecretValue, overlapsKnownToken } from '../../../server/src/engine/secrets';
import type { RuleContext } from '../../define';

export function checkDotenvSecrets(context: RuleContext): void {
  for (const entry of dotenvEntries(context.file).entries) {
    if (!isSecretName(entry.key) || !looksLikeSecretValue(entry.value, { name: entry.key }) || overlapsKnownToken(context.file, entry.valueSpan)) continue;
    context.report({
      span: entry.valueSpan,
      message: `${entry.key} holds a literal secret (${maskSecret(entry.value)}); keep .env files with real values out of version control (commit a .env.example with empty values) and load production secrets from a secret manager`,
    });
  }
}
