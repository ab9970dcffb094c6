// Rules of the plaintext-secret family. Precedence: `no-secret-token` reports known token formats
// anywhere; `no-plaintext-secret` reports other literals at secret-named places (see secrets/index.ts).
import type { Rule } from '../define';
import { noPlaintextSecret } from './no-plaintext-secret';
import { noSecretToken } from './no-secret-token';

export const plaintextSecretRules: Rule[] = [noPlaintextSecret, noSecretToken];
