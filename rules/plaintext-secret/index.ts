// Rules of the plaintext-secret family.
import type { Rule } from '../define';

export const plaintextSecretRules: Rule[] = [];
