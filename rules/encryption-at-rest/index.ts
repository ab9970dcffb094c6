// Rules of the encryption-at-rest family.
import type { Rule } from '../define';
import { encryptionAtRest } from './encryption-at-rest';

export const encryptionAtRestRules: Rule[] = [encryptionAtRest];
